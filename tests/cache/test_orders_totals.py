"""The total (合计) of the orders a query selects: the same filters as the count, summed in SQL in
the count's one pass over the same index, so it stays cheap for 100,000 orders."""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import cast

import pytest

from vendor_desktop.cache.core.apply import apply_changes
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.cache.orders.queries import OrderQuery, OrderTotals, _from, _where, count_orders, order_totals

SH = dt.timezone(dt.timedelta(hours=8))


def order(n: int, state: str, market: str, amount_fen: int, day: int, buyer: str) -> dict:
    created = dt.datetime(2026, 11, day, 9, n % 60, tzinfo=SH)
    return {
        "entity": "order",
        "id": f"o{n:03d}",
        "version": 1,
        "deleted": False,
        "data": {
            "number": f"20261101{n:08d}",
            "state": state,
            "amount_fen": amount_fen,
            "listing_name": "云桌面 SaaS 标准版",
            "market": market,
            "billing_mode": "monthly",
            "buyer_account_id": f"B{n:06d}",
            "buyer_name": buyer,
            "created_at": created.isoformat(),
        },
    }


ORDERS = [
    order(1, "unpaid", "saas", 300_000, 1, "杭州**科技有限公司"),
    order(2, "paid", "saas", 59_900, 1, "王*明"),
    order(3, "paid", "image", 99_00, 2, "王*明"),
    order(4, "completed", "api", 1_235, 3, "长沙**网络"),
    order(5, "unpaid", "image", 250_000_000_00, 3, "长沙**网络"),  # large: sums stay exact integers
]


@pytest.fixture
def db(tmp_path):
    db = CacheDatabase.open(tmp_path / "cache.sqlite3")
    with db.session() as s, s.begin():
        apply_changes(s, ORDERS)
    yield db
    db.close()


def expected(keep) -> OrderTotals:
    chosen = [o["data"] for o in ORDERS if keep(o["data"])]
    return OrderTotals(len(chosen), sum(d["amount_fen"] for d in chosen))


@pytest.mark.parametrize(
    ("query", "keep"),
    [
        (OrderQuery(), lambda d: True),
        (OrderQuery(states=("paid",)), lambda d: d["state"] == "paid"),
        (OrderQuery(markets=("image",)), lambda d: d["market"] == "image"),
        (
            OrderQuery(states=("unpaid",), markets=("image",)),
            lambda d: d["state"] == "unpaid" and d["market"] == "image",
        ),
        (
            OrderQuery(date_from=dt.date(2026, 11, 2), date_to=dt.date(2026, 11, 3)),
            lambda d: d["created_at"][:10] >= "2026-11-02",
        ),
        (OrderQuery(text="王*明"), lambda d: d["buyer_name"] == "王*明"),
        (OrderQuery(text="no such order"), lambda d: False),
    ],
)
def test_the_total_is_the_sum_of_what_the_filters_select(db, query, keep):
    with db.session() as session:
        totals = order_totals(session, query)
        assert totals == expected(keep)
        assert totals.count == count_orders(session, query)


def test_the_sum_walks_the_index_the_count_walks(db):
    """One pass with the count's filters and index (no second query, no other plan)."""
    with db.session() as session:
        conn = cast(sqlite3.Connection, session.connection().connection.driver_connection)
        for query in (OrderQuery(states=("paid",)), OrderQuery(markets=("saas",)), OrderQuery(text="科技")):
            where, params = _where(query)
            plans = []
            for what in ("count(*)", "count(*), coalesce(sum(amount_fen), 0)"):
                sql = f"EXPLAIN QUERY PLAN SELECT {what} FROM {_from(query)}{where}"
                plans.append([row[-1] for row in conn.execute(sql, params)])
            count_plan, totals_plan = (" ".join(p).replace("COVERING ", "") for p in plans)
            assert count_plan == totals_plan, query
