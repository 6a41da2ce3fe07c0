"""Order queries of the Orders view (R-ORD-2) and the dashboard counts."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.cache.conftest import change, order_change
from vendor_desktop.cache.core.apply import apply_changes
from vendor_desktop.cache.core.database import CacheDatabase
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
