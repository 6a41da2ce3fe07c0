"""The phases that need Qt: opening the Orders view, filters and search, and sorts. The event
loop's longest stall during a sync, with the whole window, is ``window_stall.py``."""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.ui.orders.view import OrdersView
from vendor_desktop.viewmodels.core.background import BackgroundRunner
from vendor_desktop.viewmodels.orders.viewmodel import AMOUNT_COLUMN, COLUMNS, OrdersTableModel, OrdersViewModel

from .measure import ms_since, percentile

VISIBLE_ROWS = 40  # about what the table shows at once on a large screen
CREATED_COLUMN = COLUMNS.index("created")


def app() -> QApplication:
    existing = QApplication.instance()
    return existing if isinstance(existing, QApplication) else QApplication([])


def first_rows(model: OrdersTableModel) -> int:
    """Ask for every cell of the first screenful, as a view would paint it; returns the rows shown."""
    shown = min(model.rowCount(), VISIBLE_ROWS)
    for row in range(shown):
        for column in range(model.columnCount()):
            model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)
    return shown


def open_orders_view(db: CacheDatabase, runner: BackgroundRunner, repeats: int = 5) -> dict[str, Any]:
    """(c) Build the real viewmodel and view; time until the first screenful is in the model."""
    qt = app()
    times: list[float] = []
    shown_ms: list[float] = []
    for _ in range(repeats):
        start = time.perf_counter()
        vm = OrdersViewModel(db, runner)
        view = OrdersView(vm)
        first_rows(vm.model)
        times.append(ms_since(start))
        view.resize(1280, 800)
        view.show()
        qt.processEvents()  # lays out and paints once
        shown_ms.append(ms_since(start))
        view.close()
        view.deleteLater()
        vm.deleteLater()
        qt.processEvents()
    return {
        "first_open_ms": times[0],
        "p50_ms": percentile(times, 50),
        "max_ms": max(times),
        "shown_and_painted_p50_ms": percentile(shown_ms, 50),
    }


@dataclass(frozen=True)
class FilterCase:
    kind: str
    apply: Callable[[OrdersViewModel], None]


def filter_cases(db: CacheDatabase, rng: random.Random, count: int = 60) -> list[FilterCase]:
    """Varied queries built from the cached orders: state, market, date range, number prefix,
    buyer name substring, listing name, and a few combinations."""
    with db.engine.connect() as conn:
        sample = conn.exec_driver_sql(
            "SELECT number, buyer_name, listing_name, created_date, buyer_account_id FROM orders ORDER BY id LIMIT 2000"
        ).all()
        states = [r[0] for r in conn.exec_driver_sql("SELECT DISTINCT state FROM orders")]
        markets = [r[0] for r in conn.exec_driver_sql("SELECT DISTINCT market FROM orders")]
        lo, hi = conn.exec_driver_sql("SELECT min(created_date), max(created_date) FROM orders").one()
    first, last = dt.date.fromisoformat(lo), dt.date.fromisoformat(hi)
    span = max(1, (last - first).days)

    def text(value: str) -> Callable[[OrdersViewModel], None]:
        return lambda vm: vm.set_search_text(value)

    def fragment(value: str, size: int) -> str:
        chars = value.replace("*", "")
        at = rng.randrange(max(1, len(chars) - size + 1))
        return chars[at : at + size]

    makers: list[Callable[[], FilterCase]] = [
        lambda: FilterCase("state", (lambda s: lambda vm: vm.set_states([s]))(rng.choice(states))),
        lambda: FilterCase("market", (lambda m: lambda vm: vm.set_markets([m]))(rng.choice(markets))),
        lambda: _date_case(first, span, rng),
        lambda: FilterCase("number_prefix", text(rng.choice(sample)[0][: rng.randint(6, 12)])),
        lambda: FilterCase("number_exact", text(rng.choice(sample)[0])),
        lambda: FilterCase("buyer_substring", text(fragment(rng.choice(sample)[1], rng.randint(2, 4)))),
        lambda: FilterCase("listing_substring", text(fragment(rng.choice(sample)[2], rng.randint(2, 4)))),
        lambda: FilterCase("buyer_account_prefix", text(rng.choice(sample)[4][:8])),
        lambda: FilterCase("no_match", text(f"无此订单{rng.randrange(10**6)}")),
    ]
    return [makers[i % len(makers)]() for i in range(count)]


def _date_case(first: dt.date, span: int, rng: random.Random) -> FilterCase:
    start = first + dt.timedelta(days=rng.randrange(span))
    end = start + dt.timedelta(days=rng.choice([0, 1, 7, 30, 90]))
    return FilterCase("date_range", lambda vm: vm.set_date_range(start, end))


def filters_and_search(db: CacheDatabase, runner: BackgroundRunner, rng: random.Random) -> dict[str, Any]:
    """(d) From a cleared filter, set one filter and time until the first screenful is available."""
    app()
    vm = OrdersViewModel(db, runner)
    cases = filter_cases(db, rng)
    times: list[float] = []
    by_kind: dict[str, list[float]] = {}
    for case in cases:
        vm.clear_filters()
        start = time.perf_counter()
        case.apply(vm)
        first_rows(vm.model)
        elapsed = ms_since(start)
        times.append(elapsed)
        by_kind.setdefault(case.kind, []).append(elapsed)
    vm.deleteLater()
    return {
        "queries": len(times),
        "p50_ms": percentile(times, 50),
        "p95_ms": percentile(times, 95),
        "max_ms": max(times),
        "p95_by_kind_ms": {k: percentile(v, 95) for k, v in sorted(by_kind.items())},
    }


def sorts(db: CacheDatabase, runner: BackgroundRunner, repeats: int = 3) -> dict[str, Any]:
    """(e) Sort the whole list by amount and by date, both ways; time until the first screenful."""
    app()
    vm = OrdersViewModel(db, runner)
    result: dict[str, Any] = {}
    for name, column in (("amount", AMOUNT_COLUMN), ("created", CREATED_COLUMN)):
        times: list[float] = []
        for _ in range(repeats):
            for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
                start = time.perf_counter()
                vm.model.sort(column, order)
                first_rows(vm.model)
                times.append(ms_since(start))
        result[name] = {"p50_ms": percentile(times, 50), "max_ms": max(times)}
    vm.deleteLater()
    return result
