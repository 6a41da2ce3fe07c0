"""Desktop notifications of issue 14: a buyer's refund request (SPEC §5) and the marketplace's
reply to a ticket (R-TKT-1) are announced, each only to the roles that read its entity (SPEC §11)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.gui.test_invoice_reminder import inbox_for, reads_done
from vendor_desktop.cache.core.apply import apply_changes
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.domain.roles import Role
from vendor_desktop.viewmodels.core.background import BackgroundRunner

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def db(tmp_path):
    database = CacheDatabase.open(tmp_path / "news.sqlite3")
    yield database
    database.close()


@pytest.fixture
def runner(qapp):
    r = BackgroundRunner(name="vendor-desktop-test-reads")
    yield r
    r.shutdown()


@pytest.fixture
def writes(qapp):
    w = BackgroundRunner(name="vendor-desktop-local-writes")
    yield w
    w.shutdown()


def message(n: int, kind: str, created: dt.datetime, **about: str) -> dict:
    title, title_en, body, body_en = {
        "refund_requested": (
            "退款申请", "Refund requested", f"订单 {n} 的买家申请退款", f"The buyer of order {n} asks for a refund",
        ),
        "ticket_replied": ("工单已回复", "Ticket replied", f"工单 {n} 有新回复", f"Ticket {n} has a new reply"),
    }[kind]  # fmt: skip
    return {
        "entity": "message", "id": f"{kind}-{n}", "version": 1, "deleted": False,
        "data": {
            "kind": kind, "title": title, "title_en": title_en, "body": body, "body_en": body_en,
            "read": False, "created_at": created.isoformat(), "order_id": None, "invoice_id": None, **about,
        },
    }  # fmt: skip


def arrive(db, *changes: dict):
    with db.session(write=True) as s, s.begin():
        return apply_changes(s, list(changes))


def test_refund_requests_and_ticket_replies_raise_notifications(qtbot, db, runner, writes):
    inbox = inbox_for(db, Role.SUPPORT, writes, runner)  # support decides refunds and works tickets
    soon = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=1)
    with qtbot.waitSignal(inbox.refund_requests_arrived, timeout=10_000) as arrived:
        inbox.on_data_changed(arrive(db, message(1, "refund_requested", soon, refund_id="r1")))
    assert arrived.args == ["Refund requested", "The buyer of order 1 asks for a refund"]
    later = soon + dt.timedelta(seconds=5)
    with qtbot.waitSignal(inbox.ticket_replies_arrived, timeout=10_000) as arrived:
        inbox.on_data_changed(
            arrive(
                db,
                message(7, "ticket_replied", later, ticket_id="t7"),
                message(8, "ticket_replied", later + dt.timedelta(seconds=1), ticket_id="t8"),
            )
        )
    assert arrived.args == ["2 tickets replied", "Ticket 8 has a new reply"]


def test_roles_that_do_not_read_refunds_or_tickets_are_not_told(qtbot, db, runner, writes):
    """The viewer reads neither (SPEC §11): such messages, were they to arrive, are not announced."""
    inbox = inbox_for(db, Role.VIEWER, writes, runner)
    soon = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=1)
    changes = arrive(
        db, message(1, "refund_requested", soon, refund_id="r1"), message(2, "ticket_replied", soon, ticket_id="t2")
    )
    with qtbot.assertNotEmitted(inbox.refund_requests_arrived), qtbot.assertNotEmitted(inbox.ticket_replies_arrived):
        inbox.on_data_changed(changes)
        reads_done(qtbot, runner)
