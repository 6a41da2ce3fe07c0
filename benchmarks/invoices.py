"""Invoices at scale (issue 12 item 7): importing a courier's file of 10,000 tracking numbers.

(i) The import preview: a 10,000-row file read, checked and looked up in a cache of 10,000
issued invoices (target ≤ 2 s) — a GBK CSV as Chinese Excel saves it (its encoding detected,
not assumed) and an .xlsx, each timed with the app's own ``prepare`` (what the dialog runs on
the reads runner) and once through the dialog itself, from choosing the file to the rows shown.

(j) Queuing the 10,000 shipments with the import dialog and the Pending changes page open: the
GUI event loop's longest stall (target ≤ 50 ms), recorded by a 10 ms timer on the GUI thread, from
the click on *Import* until the commands are on disk, the dialog shows their results and Pending
changes has reloaded the outbox. The sandbox is not involved: the cache is filled directly, as a
pull would (``apply_changes``), and nothing is sent.

Run alone: ``python -m benchmarks.invoices [--invoices N]``; ``benchmarks.orders`` runs it too.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import gc
import itertools
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from vendor_desktop.cache.core.apply import apply_changes
from vendor_desktop.cache.core.database import CacheDatabase

from .measure import ms_since, percentile

SH = dt.timezone(dt.timedelta(hours=8))
CARRIERS = [
    ("顺丰速运", "SF{:013d}"),
    ("中通快递", "7{:013d}"),
    ("圆通速递", "YT{:013d}"),
    ("JD Logistics", "JD{:013d}"),
]
BAD_EVERY = 50  # one row in 50 is bad, of a different kind in turn


def number(n: int) -> str:
    return f"20261120{n:08d}"


def invoice(n: int) -> dict[str, Any]:
    requested = dt.datetime(2026, 11, 20, 9, 0, tzinfo=SH) + dt.timedelta(seconds=n)
    return {
        "entity": "invoice",
        "id": f"inv-{n:06d}",
        "version": 2,
        "deleted": False,
        "data": {
            "order_id": f"o{n:06d}",
            "order_number": number(n),
            "amount_fen": 2_000 + (n * 37) % 50_000,
            "listing_name": "云桌面 SaaS 标准版",
            "buyer_account_id": f"B{n:06d}",
            "state": "issued",
            "type": "ordinary",
            "title": "杭州某某科技有限公司",
            "tax_id": "91330100MA2XXXXX0X",
            "mailing": {"recipient": "张*", "address": "杭州市西湖区某路 1 号", "virtual_number": "170 0000 0000-0001"},
            "requested_at": requested.isoformat(),
            "due_date": "2026-12-04",
            "due_date_approximate": False,
            "invoice_number": f"{n:08d}",
            "history": [],
        },
    }


def fill_cache(db: CacheDatabase, count: int) -> None:
    with db.session(write=True) as s, s.begin():
        for start in range(0, count, 2000):
            apply_changes(s, [invoice(n) for n in range(start, min(count, start + 2000))])


def rows(count: int) -> list[list[str]]:
    """The courier's file: a header and ``count`` rows, one in ``BAD_EVERY`` bad in some way."""
    found = [["订单号", "快递公司", "快递单号", "邮费"]]
    bad = itertools.cycle(["unknown", "malformed", "cod", "duplicate"])
    for n in range(count):
        carrier, pattern = CARRIERS[n % len(CARRIERS)]
        row = [number(n), carrier, pattern.format(n), "寄付"]
        if n % BAD_EVERY == BAD_EVERY - 1:
            kind = next(bad)
            if kind == "unknown":
                row[0] = f"29991231{n:08d}"
            elif kind == "malformed":
                row[2] = "12"
            elif kind == "cod":
                row[3] = "到付"  # most of these invoices are ¥50.00 or more (R-INV-5)
            else:
                row[0] = number(n - 1)
                row[2] = pattern.format(n)  # another shipment for the row before
        found.append(row)
    return found


def write_files(work: Path, count: int) -> dict[str, Path]:
    table = rows(count)
    gbk = work / "shipments-gbk.csv"
    with gbk.open("w", encoding="gbk", newline="") as f:
        csv.writer(f).writerows(table)
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    for row in table:
        sheet.append(row)
    xlsx = work / "shipments.xlsx"
    book.save(xlsx)
    return {"csv_gbk": gbk, "xlsx": xlsx}


def preview_times(db: CacheDatabase, path: Path, repeats: int = 3) -> dict[str, Any]:
    """(i) ``prepare`` alone: read, check, look up (on the reads runner in the app)."""
    from vendor_desktop.viewmodels.invoices.import_preview import prepare

    times: list[float] = []
    preview = None
    for _ in range(repeats):
        start = time.perf_counter()
        preview = prepare(db, path)
        times.append(ms_since(start))
    assert preview is not None
    return {
        "rows": preview.counts.total,
        "ready": preview.counts.ready,
        "encoding": preview.encoding or "xlsx",
        "first_ms": times[0],
        "p50_ms": percentile(times, 50),
        "max_ms": max(times),
    }


class Heartbeat:
    """A 10 ms timer on the GUI thread; the longest gap between its ticks is the worst stall."""

    def __init__(self, tick_ms: int = 10) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.ticks: list[float] = []
        self.timer = QTimer()
        self.timer.setInterval(tick_ms)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(lambda: self.ticks.append(time.perf_counter()))

    def start(self) -> None:
        self.ticks = [time.perf_counter()]
        self.timer.start()

    def stop(self) -> list[float]:
        self.timer.stop()
        self.ticks.append(time.perf_counter())
        return [(b - a) * 1000 for a, b in itertools.pairwise(self.ticks)]


def _wait(condition: Any, timeout_s: float = 120) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    end = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > end:
            raise TimeoutError("the import benchmark timed out")
        loop = QEventLoop()
        QTimer.singleShot(5, loop.quit)
        loop.exec()


def through_the_dialog(db: CacheDatabase, path: Path) -> dict[str, Any]:
    """(i) in the dialog, then (j): the file chosen → rows shown; *Import* → queued and shown."""
    from vendor_desktop.sync.client import SignedInUser
    from vendor_desktop.ui.changes.view import ChangesView
    from vendor_desktop.ui.invoices.import_dialog import TrackingImportDialog
    from vendor_desktop.viewmodels.changes.viewmodel import ChangesViewModel
    from vendor_desktop.viewmodels.core.background import BackgroundRunner
    from vendor_desktop.viewmodels.core.commands import CommandQueue
    from vendor_desktop.viewmodels.invoices.tracking_import import Stage, TrackingImportViewModel

    from .gui_phases import app

    qt = app()
    user = SignedInUser("u1", "owner", "张晓明", "owner", frozenset({"invoices.issue"}), "V1")
    writes, reads = BackgroundRunner(name="writes"), BackgroundRunner(name="reads")
    queue = CommandQueue(db, user, writes)
    changes = ChangesViewModel(queue, writes)
    queue.published.connect(changes.on_data_changed)  # as the shell delivers a local write
    page = ChangesView(changes)
    page.resize(1280, 800)
    page.show()
    vm = TrackingImportViewModel(db, queue, reads)
    dialog = TrackingImportDialog(vm)
    dialog.resize(1280, 760)
    dialog.show()
    qt.processEvents()
    gc.freeze()  # as the app does once its window is open (app.run)
    beat = Heartbeat()

    beat.start()
    start = time.perf_counter()
    dialog.open_path(str(path))
    _wait(lambda: vm.stage is Stage.PREVIEW)
    qt.processEvents()  # the first screenful painted
    shown_ms = ms_since(start)
    preview_gaps = beat.stop()
    ready = vm.ready_count

    loaded = changes.model.rowCount()
    beat.start()
    start = time.perf_counter()
    dialog.import_button.click()
    _wait(lambda: vm.stage is Stage.RESULTS)
    queued_ms = ms_since(start)
    _wait(lambda: changes.model.rowCount() >= loaded + ready and not changes.refreshing and vm.model.results)
    qt.processEvents()
    settled_ms = ms_since(start)
    queue_gaps = beat.stop()

    gc.unfreeze()
    dialog.close()
    page.close()
    writes.drain(30)
    reads.shutdown()
    return {
        "preview_shown_ms": shown_ms,
        "preview_max_gap_ms": max(preview_gaps),
        "commands": ready,
        "queued_ms": queued_ms,
        "shown_everywhere_ms": settled_ms,
        "max_gap_ms": max(queue_gaps),
        "p99_gap_ms": percentile(queue_gaps, 99),
        "gaps_over_50ms": sum(1 for g in queue_gaps if g > 50),
        "ticks": len(queue_gaps),
    }


def run(work: Path, count: int) -> dict[str, Any]:
    work.mkdir(parents=True, exist_ok=True)
    db = CacheDatabase.open(work / "invoices-cache.sqlite3")
    start = time.perf_counter()
    fill_cache(db, count)
    files = write_files(work, count)
    figures: dict[str, Any] = {"invoices": count, "setup_s": time.perf_counter() - start}
    figures["preview_csv_gbk"] = preview_times(db, files["csv_gbk"])
    figures["preview_xlsx"] = preview_times(db, files["xlsx"])
    figures["dialog"] = through_the_dialog(db, files["csv_gbk"])
    db.close()
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.invoices", description=__doc__.splitlines()[0])
    parser.add_argument("--invoices", type=int, default=10_000, help="rows in the file, invoices in the cache")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="vendor-bench-invoices-") as work:
        figures = run(Path(work), args.invoices)
    print(json.dumps(figures, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
