"""The ledger benchmark (python -m benchmarks.money) still runs end to end and writes its figures.

A smoke test only: a small size, no timing asserted (the figures live in docs/PERFORMANCE.md)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_money_benchmark_runs_at_a_small_size(tmp_path: Path) -> None:
    out = tmp_path / "money.json"
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.money", "--entries", "3000", "--out", str(out)],
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert figures["first_page"]["total"] == 3000 and figures["first_page"]["exposed"] == 500
    assert figures["statement"]["books"] >= 2
    # The month exported is the month summed: every movement of it, in both formats.
    assert figures["export"]["csv"]["movements"] == figures["export"]["xlsx"]["movements"]
    assert figures["export"]["csv"]["movements"] == figures["statement"]["movements"] > 0
    for name in ("market_earnings", "kind_last_30_days", "kind"):
        assert figures["counts"][name]["p50_ms"] >= 0
