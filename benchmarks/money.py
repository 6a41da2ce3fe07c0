"""The ledger at scale (issue 13): 200,000 money movements (资金流水) in a real cache file.

(k) The ledger's first page: the tab's table model reloaded (the ids of the first screenfuls and
the count, ``head_then_rest``) and its first 40 rows formatted, as a view paints them.
(l) A count with filters: one market's earnings; settled orders of the last 30 days; a kind.
(m) A month's statement (对账单): opening, movements and closing per book, summed in SQL.
(n) Exporting one month (about 8,000 movements) as CSV and as .xlsx, as the tab writes it.

The cache is filled directly, as a pull would (``apply_changes``); nothing is sent.
Run alone: ``python -m benchmarks.money [--entries N] [--out results.json]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from vendor_desktop.cache.core.apply import apply_changes
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.domain.markets import MARKETS

from .measure import ms_since, percentile

SH = dt.timezone(dt.timedelta(hours=8))
START = dt.datetime(2024, 12, 1, tzinfo=SH)  # 24 months to 2026-11
SPAN_S = 730 * 86_400
MONTH = "2026-06"
REPEATS = 7


def entries(count: int) -> list[dict[str, Any]]:
    """Settled orders mostly, then refunds, withdrawals, top-ups and deposit payments, spread over
    two years and the ten markets, in a fixed random order (a pull brings them by commit order)."""
    rng = random.Random(13)
    markets = list(MARKETS)
    found = []
    for n in range(count):
        at = START + dt.timedelta(seconds=int(n * SPAN_S / count) + rng.randrange(60))
        pick = rng.random()
        market: str | None = markets[n % len(markets)]
        data: dict[str, Any] = {"order_number": None, "withdrawal_id": None, "receipt_number": None}
        if pick < 0.70:
            kind, amount = "order_settled", rng.randrange(1_000, 500_000)
            data["order_number"] = f"{at:%Y%m%d}{n:08d}"
        elif pick < 0.80:
            kind, amount = "refund", -rng.randrange(1_000, 100_000)
            data["order_number"] = f"{at:%Y%m%d}{n:08d}"
        elif pick < 0.88:
            kind, amount = "withdrawal", -rng.randrange(10_000, 1_000_000)
            data["withdrawal_id"] = f"wd-{n:08d}"
        elif pick < 0.95:
            kind, amount, market = "top_up", rng.randrange(10_000, 2_000_000), None
        else:
            kind, amount, market = "deposit_payment", -100_000, None
            data["receipt_number"] = f"BZJ{at:%Y%m%d}{n:06d}"
        found.append({
            "entity": "ledger_entry", "id": f"le-{n:08d}", "version": 1, "deleted": False,
            "data": {"kind": kind, "amount_fen": amount, "balance_after_fen": 0, "market": market,
                     **data, "at": at.isoformat()},
        })  # fmt: skip
    rng.shuffle(found)
    return found


def fill(db: CacheDatabase, count: int) -> float:
    rows = entries(count)
    start = time.perf_counter()
    with db.session(write=True) as s, s.begin():
        for i in range(0, len(rows), 2000):
            apply_changes(s, rows[i : i + 2000])
    return ms_since(start)


def _times(run: Any, repeats: int = REPEATS) -> dict[str, float]:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(ms_since(start))
    return {"first_ms": times[0], "p50_ms": percentile(times, 50), "max_ms": max(times)}


def first_page(db: CacheDatabase) -> dict[str, Any]:
    """(k) The model reloaded and its first screenful formatted."""
    from vendor_desktop.viewmodels.money.ledger_table import LedgerTableModel

    model = LedgerTableModel(db)

    def run() -> None:
        model.reload()
        for row in range(40):
            model.index(row, 3).data()

    figures = _times(run)
    return {**figures, "total": model.total, "exposed": model.rowCount()}


def counts(db: CacheDatabase) -> dict[str, Any]:
    """(l) Counts under three filters, p50 over all of them."""
    from vendor_desktop.cache.money.ledger import LedgerQuery, count_ledger

    queries = {
        "market_earnings": LedgerQuery(book="earnings", market="saas"),
        "kind_last_30_days": LedgerQuery(
            kinds=("order_settled",), date_from=dt.date(2026, 10, 2), date_to=dt.date(2026, 10, 31)
        ),
        "kind": LedgerQuery(kinds=("withdrawal",)),
    }
    found: dict[str, Any] = {}
    for name, query in queries.items():
        with db.session() as s:
            found[name] = {**_times(lambda s=s, q=query: count_ledger(s, q)), "count": count_ledger(s, query)}
    return found


def statement_sums(db: CacheDatabase) -> dict[str, Any]:
    """(m) One month's statement: every book's opening, movements and closing."""
    from vendor_desktop.cache.money.ledger import statement

    with db.session() as s:
        lines = statement(s, MONTH)
        figures = _times(lambda: statement(s, MONTH))
    return {**figures, "books": len(lines), "movements": sum(line.count for line in lines)}


def export(db: CacheDatabase, work: Path) -> dict[str, Any]:
    """(n) The month written as the tab writes it (its words taken once, on the calling thread)."""
    from vendor_desktop.cache.money.ledger import statement
    from vendor_desktop.viewmodels.money.statement import words, write_statement

    from .gui_phases import app

    app()  # translations and labels read the application's locale
    with db.session() as s:
        lines = statement(s, MONTH)
    found: dict[str, Any] = {}
    for suffix in (".csv", ".xlsx"):
        path = work / f"statement{suffix}"
        start = time.perf_counter()
        rows = write_statement(db, lines, words(MONTH, lines), path)
        found[suffix.lstrip(".")] = {"ms": ms_since(start), "movements": rows, "bytes": path.stat().st_size}
    return found


def run(count: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="vendor-desktop-money-") as folder:
        work = Path(folder)
        db = CacheDatabase.open(work / "cache.sqlite3")
        try:
            filled = fill(db, count)
            return {
                "entries": count,
                "fill_ms": filled,
                "first_page": first_page(db),
                "counts": counts(db),
                "statement": statement_sums(db),
                "export": export(db, work),
            }
        finally:
            db.close()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--entries", type=int, default=200_000)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    figures = run(args.entries)
    text = json.dumps(figures, indent=2)
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
