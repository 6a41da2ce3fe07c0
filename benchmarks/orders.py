"""Orders at scale: ``python -m benchmarks.orders [--orders N]`` (docs/PERFORMANCE.md).

On loopback: a sandbox subprocess seeded with N orders, then, in this process (the app):
(a) a full initial sync into a fresh cache, (b) an incremental sync of 100 changed orders,
(c) opening the Orders view, (d) filter and search latency, (e) sorts, (f) the GUI event loop's
longest stall during a full sync with the whole main window open (the app's own shell, every
area the owner sees), (g) the baseline: the same pages decoded and inserted with executemany in
one transaction, (h) cold start: a new app process to its first area's content on screen, and
(i)/(j) invoices: the preview of a 10,000-row tracking-number import and the GUI's longest stall
while its 10,000 shipments are queued (``benchmarks/invoices.py``). Prints a table, writes JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import contextlib

from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.sync.client import MarketplaceClient
from vendor_desktop.sync.engine import SyncEngine

from . import baseline, cold_start, measure
from .report import render_table, summarise
from .sandbox_process import SandboxProcess

DEFAULT_OUT = Path(__file__).with_name("out") / "results.json"
CHANGED_ORDERS = 100


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m benchmarks.orders", description=__doc__.splitlines()[0])
    p.add_argument("--orders", type=int, default=100_000, help="orders to seed (default 100,000)")
    p.add_argument("--listings", type=int, default=50, help="listings to seed (default 50)")
    p.add_argument("--seed", type=int, default=4242, help="seed of the vendor's data (default 4242)")
    p.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"JSON results (default {DEFAULT_OUT})")
    p.add_argument("--invoices", type=int, default=10_000, help="rows of the tracking-number import (default 10,000)")
    p.add_argument("--keep", action="store_true", help="keep the temporary folder (databases, pages)")
    return p


def full_sync(client: MarketplaceClient, db: CacheDatabase) -> dict[str, Any]:
    """(a) Everything from the start into a fresh cache, as the app pulls it (SyncEngine defaults)."""
    engine = SyncEngine(client, db)
    resettable = measure.reset_peak_rss()
    before = measure.rss_mb()
    start = time.perf_counter()
    outcome = engine.sync_once()
    seconds = time.perf_counter() - start
    if not outcome.online or outcome.error is not None:
        raise RuntimeError(f"the full sync failed: {outcome}")
    peak = measure.peak_rss_mb()
    rows = len(outcome.changes)
    return {
        "wall_s": seconds,
        "rows": rows,
        "orders": len(outcome.changes.ids("order")),
        "rows_per_s": rows / seconds,
        "rss_before_mb": before,
        "peak_rss_mb": peak,
        "peak_rss_growth_mb": peak - before if resettable else None,
    }


def change_orders(sandbox: SandboxProcess, db: CacheDatabase, count: int) -> int:
    """Play the buyer on ``count`` orders: pay unpaid ones, complete paid or delivering ones."""
    with db.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT id, state FROM orders WHERE state IN ('unpaid', 'paid', 'delivering') ORDER BY id LIMIT ?",
            (count,),
        ).all()
    for order_id, state in rows:
        sandbox.operator("POST", f"/orders/{order_id}/{'pay' if state == 'unpaid' else 'complete'}")
    return len(rows)


def incremental_sync(client: MarketplaceClient, db: CacheDatabase, sandbox: SandboxProcess) -> dict[str, Any]:
    """(b) 100 orders change on the server; time the next sync round."""
    changed = change_orders(sandbox, db, CHANGED_ORDERS)
    engine = SyncEngine(client, db)
    start = time.perf_counter()
    outcome = engine.sync_once()
    ms = measure.ms_since(start)
    return {"changed_orders": changed, "rows": len(outcome.changes), "wall_ms": ms}


def environment() -> dict[str, Any]:
    from PySide6 import __version__ as pyside_version

    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram_gb = None
    with contextlib.suppress(ValueError, OSError, AttributeError):
        ram_gb = round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1)
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "ram_gb": ram_gb,
        "os": platform.platform(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "pyside6": pyside_version,
    }


def run(args: argparse.Namespace, work: Path) -> dict[str, Any]:
    from . import gui_phases  # Qt after QT_QPA_PLATFORM is set

    figures: dict[str, Any] = {}
    with SandboxProcess(work / "sandbox.sqlite3", seed=args.seed + 1, log=work / "sandbox.log") as sandbox:
        t = time.perf_counter()
        vendor = sandbox.operator(
            "POST", "/seed", {"orders": args.orders, "listings": args.listings, "seed": args.seed}
        )
        figures["seed_s"] = time.perf_counter() - t
        password = {u["username"]: u["password"] for u in vendor["users"]}["owner"]
        client = MarketplaceClient(sandbox.base_url, timeout=120)
        client.login(vendor["account_id"], "owner", password)
        _say(f"seeded {args.orders:,} orders in {figures['seed_s']:.1f} s")

        db = CacheDatabase.open(work / "cache.sqlite3")
        figures["full_sync"] = full_sync(client, db)
        _say(f"(a) full sync: {figures['full_sync']['wall_s']:.2f} s")
        figures["incremental_sync"] = incremental_sync(client, db, sandbox)
        _say(f"(b) incremental sync: {figures['incremental_sync']['wall_ms']:.0f} ms")

        rng = random.Random(args.seed)
        from vendor_desktop.viewmodels.core.background import BackgroundRunner

        gui_phases.app()
        runner = BackgroundRunner()
        figures["open_view"] = gui_phases.open_orders_view(db, runner)
        _say(f"(c) open view: {figures['open_view']['first_open_ms']:.0f} ms")
        figures["filters"] = gui_phases.filters_and_search(db, runner, rng)
        _say(f"(d) filters p95: {figures['filters']['p95_ms']:.0f} ms")
        figures["sorts"] = gui_phases.sorts(db, runner)
        _say("(e) sorts done")
        runner.shutdown()
        db.close()

        # (f) the whole main window, built by the app's own shell, while a first sync runs.
        from . import window_stall

        stall_db = CacheDatabase.open(work / "cache-gui.sqlite3")
        measure.reset_peak_rss()
        before = measure.rss_mb()
        figures["gui_stall"] = window_stall.stall_in_window(signed_in(sandbox, vendor, password), stall_db, work)
        figures["gui_stall"]["peak_rss_mb"] = measure.peak_rss_mb()
        figures["gui_stall"]["rss_before_mb"] = before
        stall_db.close()
        _say(f"(f) longest GUI stall, whole window: {figures['gui_stall']['max_gap_ms']:.0f} ms")

        # (h) a new process on the cache of (a)-(e), with its own sign-in (its token rotates).
        cold = signed_in(sandbox, vendor, password)
        figures["cold_start"] = cold_start.cold_start(
            work, sandbox.base_url, vendor["account_id"], "owner", str(cold.refresh_token), work / "cache.sqlite3"
        )
        h = figures["cold_start"]
        _say(f"(h) cold start: first {h['first_ms']:.0f} ms, p50 {h['p50_ms']:.0f} ms")

        t = time.perf_counter()
        pages = baseline.fetch_pages(client, work / "pages")
        figures["server_pages_s"] = time.perf_counter() - t
        _say(f"server alone, every page: {figures['server_pages_s']:.2f} s")
    measure.reset_peak_rss()
    before = measure.rss_mb()
    figures["baseline"] = baseline.run_baseline(pages, work / "baseline.sqlite3")
    figures["baseline"]["pages"] = len(pages)
    figures["baseline"]["peak_rss_growth_mb"] = measure.peak_rss_mb() - before
    _say(f"(g) baseline: {figures['baseline']['wall_s']:.2f} s")

    from . import invoices

    figures["invoices"] = invoices.run(work / "invoices", args.invoices)
    i = figures["invoices"]
    _say(f"(i) import preview of {args.invoices:,} rows: CSV {i['preview_csv_gbk']['p50_ms']:.0f} ms, "
         f"xlsx {i['preview_xlsx']['p50_ms']:.0f} ms; (j) longest stall queuing: {i['dialog']['max_gap_ms']:.0f} ms")
    return figures


def signed_in(sandbox: SandboxProcess, vendor: dict[str, Any], password: str) -> MarketplaceClient:
    """A client signed in as the owner: its own tokens, as another device of the same user."""
    client = MarketplaceClient(sandbox.base_url, timeout=120)
    client.login(vendor["account_id"], "owner", password)
    return client


def _say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="vendor-bench-"))
    try:
        figures = run(args, work)
    finally:
        if args.keep:
            _say(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    results = {
        "orders": args.orders,
        "seed": args.seed,
        "command": "python -m benchmarks.orders " + " ".join(argv if argv is not None else sys.argv[1:]),
        "environment": environment(),
        "figures": figures,
        "summary": summarise(figures),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(render_table(results))
    print(f"\nJSON: {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
