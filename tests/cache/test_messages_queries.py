"""The Messages list's queries: search, kind, unread only, and a queued "mark all read" that
counts at once (offline too) for every message up to its mark."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.cache.conftest import change
from vendor_desktop.cache.core import outbox
from vendor_desktop.cache.core.apply import apply_changes
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.cache.core.models import OutboxCommand
from vendor_desktop.cache.core.outbox_results import mark_applied, mark_rejected, mark_sending
from vendor_desktop.cache.messages.queries import (
    MARK_ALL_READ,
    MessageQuery,
    count_messages,
    message_ids,
    messages_by_id,
    newest_created_at,
    unread_count,
)

T0 = dt.datetime(2026, 11, 26, 2, 0, tzinfo=dt.UTC)


def _at(hour: int) -> str:
    return f"2026-11-26T{hour:02d}:00:00+08:00"


@pytest.fixture
def messages(db: CacheDatabase) -> CacheDatabase:
    with db.session(write=True) as s, s.begin():
        apply_changes(s, [
            change("message", "m1", 1, kind="new_order", title="新订单 NO1", body="买家下单了 50%",
                   title_en="New order NO1", body_en="A buyer ordered", read=False, created_at=_at(8),
                   order_id="o1"),
            change("message", "m2", 1, kind="order_paid", title="订单已支付", body="订单 NO1 已支付",
                   title_en="Order paid", body_en="Order NO1 was paid", read=False, created_at=_at(9),
                   order_id="o1"),
            change("message", "m3", 1, kind="listing_rejected", title="审核未通过", body="商品 云盘 未通过审核",
                   title_en="Review failed", body_en="Cloud disk was rejected", read=True, created_at=_at(10),
                   order_id=None, listing_id="l1"),
            change("message", "m4", 1, kind="new_order", title="新订单 NO2", body="买家下单了",
                   title_en="New order NO2", body_en="A buyer ordered", read=False, created_at=_at(11),
                   order_id="o2"),
        ])  # fmt: skip
    return db


def _ids(db: CacheDatabase, **query) -> list[str]:
    with db.session() as s:
        found = message_ids(s, query=MessageQuery(**query))
        assert count_messages(s, MessageQuery(**query)) == len(found)
        return found


def test_search_finds_words_in_either_language_and_takes_wildcards_literally(messages):
    assert _ids(messages, text="NO1") == ["m2", "m1"]
    assert _ids(messages, text="cloud DISK") == ["m3"]  # English ignores case
    assert _ids(messages, text="云盘") == ["m3"]
    assert _ids(messages, text="50%") == ["m1"]
    assert _ids(messages, text="%") == ["m1"]
    assert _ids(messages, text="_") == []
    assert _ids(messages, text="  ") == ["m4", "m3", "m2", "m1"]


def test_kind_and_unread_only_narrow_the_list(messages):
    assert _ids(messages, kind="new_order") == ["m4", "m1"]
    assert _ids(messages, unread_only=True) == ["m4", "m2", "m1"]
    assert _ids(messages, kind="new_order", unread_only=True, text="NO2") == ["m4"]
    with messages.session() as s:
        assert unread_count(s) == 3 and unread_count(s, "new_order") == 2
        assert newest_created_at(s) == (_at(11), int(dt.datetime.fromisoformat(_at(11)).timestamp()))
        assert messages_by_id(s, ["m3"])["m3"].listing_id == "l1"
        assert messages_by_id(s, ["m1"])["m1"].listing_id is None


def _mark_all(db: CacheDatabase, up_to: str, kind: str | None = None) -> int:
    summary = {"up_to_ts": int(dt.datetime.fromisoformat(up_to).timestamp()), "kind": kind}
    with db.session(write=True) as s, s.begin():
        return outbox.enqueue(
            s,
            kind=MARK_ALL_READ,
            entity="message",
            entity_id="read-all",
            base_version=None,
            method="POST",
            path="/messages/read-all",
            payload={"up_to": up_to},
            summary=summary,
            created_by="owner",
            now=T0,
        ).id


def _unread(db: CacheDatabase) -> list[str]:
    with db.session() as s:
        rows = messages_by_id(s, ["m1", "m2", "m3", "m4"])
        unread = message_ids(s, unread_only=True)
        assert sorted(unread) == sorted(i for i, m in rows.items() if not m.read)
        assert unread_count(s) == len(unread)
        return unread


def test_a_queued_mark_all_read_counts_at_once_up_to_its_mark(messages):
    _mark_all(messages, _at(9))
    assert _unread(messages) == ["m4"]  # newer than the mark: it arrived after the button


def test_it_keeps_counting_once_applied_or_refused_and_not_once_discarded(messages):
    command_id = _mark_all(messages, _at(11))
    with messages.session(write=True) as s, s.begin():
        mark_sending(s, command_id, T0)
        mark_applied(s, command_id, {"marked": 3, "up_to": _at(11), "kind": None}, T0)
    assert _unread(messages) == []  # before the pull brings them read
    refused = _mark_all(messages, _at(11), "new_order")
    with messages.session(write=True) as s, s.begin():
        s.execute(OutboxCommand.__table__.delete().where(OutboxCommand.id == command_id))
        mark_sending(s, refused, T0)
        mark_rejected(s, refused, code="PERMISSION_DENIED", message="no", message_zh="不行", details={}, now=T0)
    assert _unread(messages) == ["m2"]  # refused, it still shows read until the user discards it
    with messages.session(write=True) as s, s.begin():
        outbox.discard(s, refused)
    assert _unread(messages) == ["m4", "m2", "m1"]


def test_a_mark_all_of_one_kind_leaves_the_others(messages):
    _mark_all(messages, _at(11), "new_order")
    assert _unread(messages) == ["m2"]
