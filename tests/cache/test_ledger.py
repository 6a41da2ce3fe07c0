"""The ledger's queries (资金流水) and the monthly statement's sums (对账单) on a real cache file:
newest first, filters in SQL, Beijing months, and opening + movements = closing (R-DEP-6, R-WDR-1)."""

from __future__ import annotations

import datetime as dt
import itertools
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vendor_desktop.cache.core.apply import apply_changes
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.cache.core.models import LedgerEntry
from vendor_desktop.cache.money.ledger import (
    LedgerQuery,
    count_ledger,
    first_month,
    ledger_by_id,
    ledger_ids,
    ledger_markets,
    month_entries,
    statement,
)

SH = dt.timezone(dt.timedelta(hours=8))


def entry(n: int, kind: str, amount_fen: int, at: dt.datetime, market: str | None = None) -> dict:
    return {
        "entity": "ledger_entry",
        "id": f"le{n:06d}",
        "version": 1,
        "deleted": False,
        "data": {
            "kind": kind, "amount_fen": amount_fen, "balance_after_fen": 0, "market": market,
            "order_number": f"20261001{n:08d}" if market else None, "withdrawal_id": None,
            "receipt_number": None, "at": at.isoformat(),
        },
    }  # fmt: skip


@pytest.fixture
def db(tmp_path):
    db = CacheDatabase.open(tmp_path / "cache.sqlite3")
    with db.session() as s, s.begin():
        apply_changes(s, [
            entry(1, "top_up", 100_000, dt.datetime(2026, 9, 3, 10, 0, tzinfo=SH)),
            # 23:30 in Beijing on the last of September is September, whatever UTC says.
            entry(2, "deposit_payment", -20_000, dt.datetime(2026, 9, 30, 23, 30, tzinfo=SH)),
            # 2026-09-30 16:30 UTC is 10-01 00:30 in Beijing: October.
            entry(3, "order_settled", 9_900, dt.datetime(2026, 9, 30, 16, 30, tzinfo=dt.UTC), "saas"),
            entry(4, "order_settled", 5_000, dt.datetime(2026, 10, 15, 9, 0, tzinfo=SH), "image"),
            entry(5, "withdrawal", -4_000, dt.datetime(2026, 10, 20, 9, 0, tzinfo=SH), "saas"),
            entry(6, "refund", -1_000, dt.datetime(2026, 12, 2, 9, 0, tzinfo=SH), "image"),
        ])  # fmt: skip
    yield db
    db.close()


def test_the_ledger_lists_newest_first_and_counts(db):
    with db.session() as s:
        assert ledger_ids(s, LedgerQuery()) == [f"le{n:06d}" for n in (6, 5, 4, 3, 2, 1)]
        assert ledger_ids(s, LedgerQuery(), limit=2) == ["le000006", "le000005"]
        assert count_ledger(s, LedgerQuery()) == 6


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (LedgerQuery(book="balance"), [2, 1]),
        (LedgerQuery(book="earnings", market="saas"), [5, 3]),
        (LedgerQuery(kinds=("order_settled",)), [4, 3]),
        # Beijing days: 10-01 00:30 Beijing is on the first, though it is still 09-30 in UTC.
        (LedgerQuery(date_from=dt.date(2026, 10, 1), date_to=dt.date(2026, 10, 1)), [3]),
        (LedgerQuery(date_from=dt.date(2026, 9, 30), date_to=dt.date(2026, 9, 30)), [2]),
        (LedgerQuery(market="api"), []),
    ],
)
def test_each_filter_is_sql(db, query, expected):
    with db.session() as s:
        assert ledger_ids(s, query) == [f"le{n:06d}" for n in expected]
        assert count_ledger(s, query) == len(expected)


def test_rows_carry_what_the_list_shows(db):
    with db.session() as s:
        row = ledger_by_id(s, ["le000003"])["le000003"]
    assert (row.kind, row.book, row.amount_fen, row.market) == ("order_settled", "earnings", 9_900, "saas")
    assert row.order_number == "2026100100000003"
    assert row.at == dt.datetime(2026, 10, 1, 0, 30, tzinfo=SH)


def test_markets_and_the_first_month(db):
    with db.session() as s:
        assert ledger_markets(s) == ["image", "saas"]  # SPEC §1 order
        assert first_month(s) == "2026-09"


def test_a_statement_opens_with_what_came_before_and_closes_with_its_movements(db):
    with db.session() as s:
        october = statement(s, "2026-10")
    by_book = {(line.book, line.market): line for line in october}
    assert list(by_book) == [("balance", None), ("earnings", "image"), ("earnings", "saas")]
    balance = by_book[("balance", None)]
    assert (balance.opening_fen, balance.movements_fen, balance.count, balance.closing_fen) == (80_000, 0, 0, 80_000)
    saas = by_book[("earnings", "saas")]
    assert (saas.opening_fen, saas.movements_fen, saas.count, saas.closing_fen) == (0, 5_900, 2, 5_900)
    image = by_book[("earnings", "image")]
    assert (image.opening_fen, image.movements_fen, image.closing_fen) == (0, 5_000, 5_000)


def test_a_month_without_movements_shows_opening_equal_to_closing(db):
    with db.session() as s:
        november = statement(s, "2026-11")
        assert list(month_entries(s, "2026-11")) == []
        august = statement(s, "2026-08")
    assert november and all(line.count == 0 and line.opening_fen == line.closing_fen for line in november)
    assert august == []  # nothing had moved yet


def test_month_entries_read_oldest_first_in_blocks(db):
    with db.session() as s:
        assert [r.id for r in month_entries(s, "2026-10", block=1)] == ["le000003", "le000004", "le000005"]


@pytest.fixture(scope="module")
def empty_db(tmp_path_factory):
    db = CacheDatabase.open(tmp_path_factory.mktemp("ledger") / "cache.sqlite3")
    yield db
    db.close()


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(-50_000, 50_000), st.integers(0, 364), st.sampled_from(["balance", "saas"])),
                min_size=1, max_size=60))  # fmt: skip
def test_each_months_closing_is_the_next_months_opening(empty_db, moves):
    db = empty_db
    with db.session() as s, s.begin():
        s.execute(LedgerEntry.__table__.delete())
    start = dt.datetime(2026, 1, 1, tzinfo=SH)
    changes = [
        entry(n, "top_up" if book == "balance" else "order_settled", amount, start + dt.timedelta(days=day),
              None if book == "balance" else "saas")
        for n, (amount, day, book) in enumerate(moves)
    ]  # fmt: skip
    random.Random(1).shuffle(changes)
    with db.session() as s, s.begin():
        apply_changes(s, changes)
    months = [f"2026-{m:02d}" for m in range(1, 13)] + ["2027-01", "2027-02"]
    with db.session() as s:
        statements = {m: {(x.book, x.market): x for x in statement(s, m)} for m in months}
    for earlier, later in itertools.pairwise(months):
        for key, line in statements[earlier].items():
            assert statements[later][key].opening_fen == line.closing_fen
    total = {("balance", None): 0, ("earnings", "saas"): 0}
    for amount, _day, book in moves:
        total[("balance", None) if book == "balance" else ("earnings", "saas")] += amount
    for key, line in statements["2027-02"].items():
        assert line.closing_fen == total[key] and line.count == 0


def test_a_statement_always_has_the_balance_once_anything_moved(tmp_path):
    db = CacheDatabase.open(tmp_path / "earnings-only.sqlite3")
    with db.session() as s, s.begin():
        apply_changes(s, [entry(1, "order_settled", 9_900, dt.datetime(2026, 10, 3, tzinfo=SH), "api")])
    with db.session() as s:
        lines = statement(s, "2026-10")
        assert statement(s, "2026-09") == []
    db.close()
    assert [(x.book, x.market, x.opening_fen, x.movements_fen, x.closing_fen) for x in lines] == [
        ("balance", None, 0, 0, 0),
        ("earnings", "api", 0, 9_900, 9_900),
    ]
