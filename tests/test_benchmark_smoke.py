"""The benchmark (python -m benchmarks.orders) still runs end to end and writes well-formed JSON.

A smoke test only: a small size, no timing asserted (speed targets live in the benchmark's output).
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

FIGURES = {
    "full_sync": ["wall_s", "rows", "rows_per_s", "peak_rss_mb"],
    "incremental_sync": ["changed_orders", "rows", "wall_ms"],
    "open_view": ["first_open_ms", "p50_ms"],
    "filters": ["queries", "p50_ms", "p95_ms"],
    "gui_stall": ["sync_wall_s", "max_gap_ms", "peak_rss_mb", "ticks"],
    "baseline": ["wall_s", "rows", "rows_per_s", "pages"],
    "cold_start": ["first_ms", "p50_ms", "max_ms"],
}


def test_benchmark_runs_at_a_small_size_and_writes_its_figures(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [
            *(sys.executable, "-m", "benchmarks.orders", "--orders", "2000", "--listings", "10"),
            *("--invoices", "500", "--out", str(out)),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    assert "(g) baseline" in done.stdout  # the table was printed

    results = json.loads(out.read_text(encoding="utf-8"))
    assert results["orders"] == 2000
    assert {"cpu", "cores", "python", "sqlite", "pyside6"} <= results["environment"].keys()
    figures = results["figures"]
    for phase, keys in FIGURES.items():
        for key in keys:
            value = figures[phase][key]
            assert isinstance(value, int | float) and math.isfinite(value) and value > 0, (phase, key, value)
    assert figures["full_sync"]["orders"] == 2000
    assert figures["gui_stall"]["orders_in_view"] == 2000
    # (f) with the whole window: every area the owner sees was built by the app's shell.
    assert {"dashboard", "orders", "listings", "discounts", "messages", "changes"} <= set(figures["gui_stall"]["areas"])
    assert figures["cold_start"]["area"] == "orders"  # the owner opens on Orders
    assert figures["incremental_sync"]["changed_orders"] > 0
    for sort_key in ("amount", "created"):
        assert figures["sorts"][sort_key]["max_ms"] > 0
    assert figures["filters"]["queries"] >= 50
    assert figures["server_pages_s"] > 0
    # (i)/(j) the tracking-number import: every row read, the bad ones (1 in 50) not ready.
    invoices = figures["invoices"]
    assert invoices["preview_csv_gbk"]["rows"] == invoices["preview_xlsx"]["rows"] == 500
    assert invoices["preview_csv_gbk"]["encoding"] == "gb18030"
    assert 0 < invoices["dialog"]["commands"] == invoices["preview_xlsx"]["ready"] < 500
    assert invoices["dialog"]["max_gap_ms"] > 0 and invoices["dialog"]["ticks"] > 0

    rows = {r["key"]: r for r in results["summary"]}
    for key in ("a_full_sync_s", "b_incremental_ms", "c_open_view_ms", "d_filter_p95_ms", "e_sort_amount_ms",
                "e_sort_created_ms", "f_max_stall_ms", "g_baseline_s", "i_import_preview_csv_ms",
                "i_import_preview_xlsx_ms", "j_queue_max_stall_ms"):  # fmt: skip
        assert rows[key]["value"] > 0
        assert rows[key]["ratio_to_baseline"] > 0
    assert rows["g_baseline_s"]["ratio_to_baseline"] == 1.0


def test_the_benchmarks_sandbox_starts_with_any_operator_token(tmp_path: Path) -> None:
    """A generated token starts with "-" one time in 64 (URL-safe base64): the sandbox must still
    start, or the benchmark (and this suite) fails at random."""
    from benchmarks.sandbox_process import SandboxProcess

    with SandboxProcess(
        tmp_path / "sandbox.sqlite3", seed=1, log=tmp_path / "sandbox.log", operator_token="-starts-with-a-dash"
    ) as sandbox:
        assert sandbox.operator("POST", "/clock", {"now": "2026-11-26T10:00:00+08:00"})["now"].startswith("2026-11-26")
