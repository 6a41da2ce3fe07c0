"""Order queries of the Orders view (R-ORD-2) and the dashboard counts."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.cache.conftest import change, order_change
from vendor_desktop.cache.core import outbox
from vendor_desktop.cache.core.apply import apply_changes
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.cache.core.outbox_results import mark_rejected
from vendor_desktop.cache.orders.dashboard import dashboard_counts
from vendor_desktop.cache.orders.queries import SORT_COLUMNS, OrderQuery, count_orders, order_ids, orders_by_id

ORDERS = [
    # id, number, state, amount, market, buyer, listing, created_at, paid_at
    ("a", "20240601001", "unpaid", 5000, "saas", "张*", "Cloud Backup", "2024-06-01T09:00:00+08:00", None),
    ("b", "20240601002", "paid", 12000, "api", "李*", "Weather API", "2024-06-01T10:00:00+08:00",
     "2024-06-01T10:05:00+08:00"),
    # 16:30 UTC on 31 May is 00:30 on 1 June in Shanghai.
    ("c", "20240601003", "delivering", 8000, "saas", "Wang_Lei", "Cloud Backup", "2024-05-31T16:30:00Z",
     "2024-05-31T16:40:00Z"),
    # 15:59 UTC on 31 May is still 31 May in Shanghai.
    ("d", "20240531009", "completed", 8000, "image", "赵*", "CentOS 镜像", "2024-05-31T15:59:00Z",
     "2024-05-31T16:10:00Z"),
    ("e", "20240602001", "refunded", 3000, "api", "100%Buyer", "Weather API", "2024-06-02T08:00:00+08:00",
     "2024-06-01T23:00:00+08:00"),
]


@pytest.fixture
def orders_db(db: CacheDatabase) -> CacheDatabase:
    changes = [
        order_change(i, 1, number=n, state=st, amount_fen=amt, market=m, buyer_name=buyer, listing_name=lst,
                     buyer_account_id=f"acct-{i}", created_at=created, paid_at=paid)
        for i, n, st, amt, m, buyer, lst, created, paid in ORDERS
    ]
    changes += [
        change("message", "m1", 1, read=False, created_at="2024-06-01T09:00:00+08:00"),
        change("message", "m2", 1, read=True, created_at="2024-06-01T09:00:00+08:00"),
        change("listing", "L1", 1, name="Cloud Backup", state="on_sale"),
        change("listing", "L2", 1, name="Draft thing", state="draft"),
    ]
    with db.session(write=True) as s, s.begin():
        apply_changes(s, changes)
    return db


def ids(db: CacheDatabase, **kwargs) -> list[str]:
    with db.session() as s:
        return order_ids(s, OrderQuery(**kwargs))


def test_default_is_newest_first(orders_db: CacheDatabase) -> None:
    assert ids(orders_db) == ["e", "b", "a", "c", "d"]


def test_filter_by_state_and_market(orders_db: CacheDatabase) -> None:
    assert ids(orders_db, states=("unpaid", "paid")) == ["b", "a"]
    assert ids(orders_db, markets=("saas",)) == ["a", "c"]
    assert ids(orders_db, states=("paid",), markets=("saas",)) == []


def test_date_range_uses_the_shanghai_business_date(orders_db: CacheDatabase) -> None:
    june1 = dt.date(2024, 6, 1)
    assert ids(orders_db, date_from=june1, date_to=june1) == ["b", "a", "c"]
    assert ids(orders_db, date_to=dt.date(2024, 5, 31)) == ["d"]
    assert ids(orders_db, date_from=dt.date(2024, 6, 2)) == ["e"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("20240601", {"a", "b", "c"}),  # number prefix
        ("0531009", {"d"}),  # number substring
        ("张", {"a"}),  # buyer name
        ("wang_lei", {"c"}),  # case-insensitive, and _ is not a wildcard
        ("100%", {"e"}),  # % is not a wildcard
        ("acct-b", {"b"}),  # buyer account id
        ("weather", {"b", "e"}),  # listing name
        ("镜像", {"d"}),
        ("  cloud backup ", {"a", "c"}),
        ("nothing like this", set()),
    ],
)
def test_text_search(orders_db: CacheDatabase, text: str, expected: set[str]) -> None:
    assert set(ids(orders_db, text=text)) == expected
    with orders_db.session() as s:
        assert count_orders(s, OrderQuery(text=text)) == len(expected)


EXPECTED_ASCENDING = {
    "number": ["d", "a", "b", "c", "e"],
    "listing": ["d", "a", "c", "b", "e"],  # ties (same listing) broken by id
    "market": ["b", "e", "d", "a", "c"],
    "buyer": ["e", "c", "张*", "李*", "赵*"],
    "amount": ["e", "a", "c", "d", "b"],
    "state": ["d", "c", "b", "e", "a"],
    "created": ["d", "c", "a", "b", "e"],
}
# Buyer names sort by code point: 100%Buyer, Wang_Lei, 张 (5F20), 李 (674E), 赵 (8D75).
EXPECTED_ASCENDING["buyer"] = ["e", "c", "a", "b", "d"]


@pytest.mark.parametrize("sort", sorted(SORT_COLUMNS))
@pytest.mark.parametrize("descending", [False, True])
def test_every_sort_key_in_both_directions(orders_db: CacheDatabase, sort: str, descending: bool) -> None:
    expected = EXPECTED_ASCENDING[sort]
    assert ids(orders_db, sort=sort, descending=descending) == (expected[::-1] if descending else expected)


def test_unknown_sort_key_is_an_error(orders_db: CacheDatabase) -> None:
    with pytest.raises(ValueError, match="sort key"):
        ids(orders_db, sort="colour")


def test_rows_load_by_id_with_aware_datetimes(orders_db: CacheDatabase) -> None:
    with orders_db.session() as s:
        rows = orders_by_id(s, ["c", "a", "zzz"])
    assert set(rows) == {"a", "c"}
    c = rows["c"]
    assert c.created_at == dt.datetime(2024, 5, 31, 16, 30, tzinfo=dt.UTC)
    assert c.created_at.tzinfo is not None and c.paid_at is not None
    assert rows["a"].paid_at is None and rows["a"].buyer_contact == "138****0000"
    assert c.data["number"] == "20240601003"


def test_counts(orders_db: CacheDatabase) -> None:
    with orders_db.session() as s:
        assert count_orders(s, OrderQuery()) == 5
        assert count_orders(s, OrderQuery(states=("completed",))) == 1


def test_dashboard_counts_for_a_shanghai_day(orders_db: CacheDatabase) -> None:
    with orders_db.session() as s:
        counts = dashboard_counts(s, dt.date(2024, 6, 1))
    assert counts.total_orders == 5
    assert counts.unpaid_orders == 1
    assert counts.delivering_orders == 1
    assert counts.today_orders == 3  # a, b, c (c is 00:30 Shanghai)
    # Paid on 1 June in Shanghai: b 12000, c 8000, and d 8000 (ordered on 31 May, paid at 00:10
    # Shanghai time); e was paid that day too but is refunded.
    assert counts.today_revenue_fen == 28000
    assert counts.unread_messages == 1
    assert counts.listings_on_sale == 1


def test_dashboard_on_an_empty_cache(db: CacheDatabase) -> None:
    with db.session() as s:
        counts = dashboard_counts(s, dt.date(2024, 6, 1))
    assert counts.total_orders == 0 and counts.today_revenue_fen == 0


def test_today_beside_yesterday_uses_beijing_dates(orders_db: CacheDatabase) -> None:
    """The Workbench's figures beside yesterday's (issue 11): on 2 June (Beijing), yesterday is
    1 June, and c (00:30 Beijing on 1 June, 16:30 UTC on 31 May) counts for 1 June."""
    with orders_db.session() as s:
        counts = dashboard_counts(s, dt.date(2024, 6, 2))
    assert (counts.today_orders, counts.yesterday_orders) == (1, 3)  # e today; a, b, c yesterday
    # Paid on 1 June and not refunded: b, c, d; e was paid that day too but is refunded.
    assert (counts.today_revenue_fen, counts.yesterday_revenue_fen) == (0, 28000)
    with orders_db.session() as s:
        on_first = dashboard_counts(s, dt.date(2024, 6, 1))
    assert (on_first.today_orders, on_first.yesterday_orders) == (3, 1)  # d on 31 May (23:59 Beijing)
    assert on_first.yesterday_revenue_fen == 0  # nothing was paid on 31 May, Beijing time


def test_the_to_dos_are_counted(orders_db: CacheDatabase) -> None:
    """待支付, 待交付 (paid), 审核未通过 and the changes the marketplace did not accept."""
    now = dt.datetime(2024, 6, 1, 12, tzinfo=dt.UTC)
    with orders_db.session(write=True) as s, s.begin():
        apply_changes(s, [
            change("listing", "L3", 1, name="Refused thing", state="rejected"),
            # On sale, and its changes were rejected: the vendor has a rejection to act on too.
            change("listing", "L4", 1, name="Live thing", state="on_sale", revision={"state": "rejected"}),
        ])  # fmt: skip
        commands = [
            outbox.enqueue(s, kind="order.price_change", entity="order", entity_id=order_id, base_version=1,
                           method="POST", path=f"/orders/{order_id}/price-change", payload={}, summary={},
                           created_by="owner", now=now)
            for order_id in ("a", "b")
        ]  # fmt: skip
        mark_rejected(s, commands[1].id, code="ORDER_NOT_UNPAID", message="Paid.", message_zh="已支付。",
                      details={}, now=now)  # fmt: skip
    with orders_db.session() as s:
        counts = dashboard_counts(s, dt.date(2024, 6, 1))
    assert counts.unpaid_orders == 1
    # R-ORD-5: b is paid, but an API order delivers itself: nothing for the vendor to deliver.
    assert counts.to_deliver_orders == 0
    assert counts.rejected_listings == 2
    assert counts.listings_on_sale == 2  # L1 and L4
    assert counts.refused_changes == 1  # a's change is still on its way: not a to-do


def test_to_deliver_counts_only_paid_manual_services(orders_db: CacheDatabase) -> None:
    """R-ORD-5: the 待交付 card counts the paid orders of manual-service markets, which wait for
    the vendor's *Start delivery…*; a paid SaaS, API or image order delivers itself."""
    with orders_db.session(write=True) as s, s.begin():
        apply_changes(s, [
            change("order", f"m{market}", 1, number=f"9{i}", state=state, amount_fen=100, market=market,
                   created_at="2024-06-01T09:00:00+08:00", paid_at="2024-06-01T09:05:00+08:00")
            for i, (market, state) in enumerate([
                ("custom_service", "paid"), ("security", "paid"), ("saas", "paid"),
                ("image", "paid"), ("ops_troubleshooting", "delivering"),
            ])
        ])  # fmt: skip
    with orders_db.session() as s:
        counts = dashboard_counts(s, dt.date(2024, 6, 1))
    assert counts.to_deliver_orders == 2  # custom_service and security; the delivering one is under way
