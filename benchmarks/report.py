"""The summary of a run: each figure with its target, whether it is met, and its ratio to the baseline."""

from __future__ import annotations

from typing import Any

RSS_TARGET_MB = 300.0


def _row(key: str, label: str, value: float, unit: str, target: float | None, ratio: float | None) -> dict[str, Any]:
    return {
        "key": key,
        "label": label,
        "value": value,
        "unit": unit,
        "target": target,
        "met": None if target is None else value <= target,
        "ratio_to_baseline": ratio,
    }


def summarise(f: dict[str, Any]) -> list[dict[str, Any]]:
    """Rows of the table; time ratios are figure / baseline wall time, rates and memory likewise."""
    g_s = f["baseline"]["wall_s"]
    g_ms = g_s * 1000
    a = f["full_sync"]
    # A baseline that grew by less than a megabyte makes a meaningless ratio.
    base_growth = f["baseline"]["peak_rss_growth_mb"] if f["baseline"]["peak_rss_growth_mb"] >= 1 else None
    growth = a["peak_rss_growth_mb"]

    def vs_g(ms: float) -> float:
        return ms / g_ms

    rows = [
        _row("a_full_sync_s", "(a) full sync, wall", a["wall_s"], "s", 3 * g_s, a["wall_s"] / g_s),
        _row("a0_server_pages_s", "(a0) the server alone: every page fetched, nothing applied",
             f["server_pages_s"], "s", None, f["server_pages_s"] / g_s),
        _row("a_rows_per_s", "(a) full sync, rows/s", a["rows_per_s"], "rows/s", None,
             a["rows_per_s"] / f["baseline"]["rows_per_s"]),
        _row("a_peak_rss_mb", "(a) peak RSS of the app during the sync", a["peak_rss_mb"], "MB", RSS_TARGET_MB,
             None),
        _row("a_rss_growth_mb", "(a) RSS growth due to the sync", growth if growth is not None else float("nan"),
             "MB", None, growth / base_growth if growth is not None and base_growth else None),
        _row("b_incremental_ms", "(b) incremental sync, 100 changed orders", f["incremental_sync"]["wall_ms"], "ms",
             300.0, vs_g(f["incremental_sync"]["wall_ms"])),
        _row("c_open_view_ms", "(c) open Orders view → first rows", f["open_view"]["first_open_ms"], "ms", 150.0,
             vs_g(f["open_view"]["first_open_ms"])),
        _row("d_filter_p50_ms", "(d) filter/search p50", f["filters"]["p50_ms"], "ms", None,
             vs_g(f["filters"]["p50_ms"])),
        _row("d_filter_p95_ms", "(d) filter/search p95", f["filters"]["p95_ms"], "ms", 100.0,
             vs_g(f["filters"]["p95_ms"])),
        _row("e_sort_amount_ms", "(e) sort by amount (worst)", f["sorts"]["amount"]["max_ms"], "ms", 200.0,
             vs_g(f["sorts"]["amount"]["max_ms"])),
        _row("e_sort_created_ms", "(e) sort by date (worst)", f["sorts"]["created"]["max_ms"], "ms", 200.0,
             vs_g(f["sorts"]["created"]["max_ms"])),
        _row("f_max_stall_ms", "(f) longest GUI event-loop gap during a full sync, whole main window",
             f["gui_stall"]["max_gap_ms"], "ms", 50.0, vs_g(f["gui_stall"]["max_gap_ms"])),
        _row("f_peak_rss_mb", "(f) peak RSS of the app, GUI sync", f["gui_stall"]["peak_rss_mb"], "MB",
             RSS_TARGET_MB, None),
        _row("h_cold_start_first_ms", "(h) cold start → first area on screen, first run",
             f["cold_start"]["first_ms"], "ms", 1500.0, vs_g(f["cold_start"]["first_ms"])),
        _row("h_cold_start_p50_ms", "(h) cold start → first area on screen, p50 of 5",
             f["cold_start"]["p50_ms"], "ms", 1500.0, vs_g(f["cold_start"]["p50_ms"])),
        _row("g_baseline_s", "(g) baseline: decode + executemany", g_s, "s", None, 1.0),
    ]  # fmt: skip
    if "invoices" in f:  # issue 12: the tracking-number import
        i, n = f["invoices"], f"{f['invoices']['invoices']:,}"
        rows += [
            _row("i_import_preview_csv_ms", f"(i) import preview, {n}-row GBK CSV (p50)",
                 i["preview_csv_gbk"]["p50_ms"], "ms", 2000.0, vs_g(i["preview_csv_gbk"]["p50_ms"])),
            _row("i_import_preview_xlsx_ms", f"(i) import preview, {n}-row .xlsx (p50)",
                 i["preview_xlsx"]["p50_ms"], "ms", 2000.0, vs_g(i["preview_xlsx"]["p50_ms"])),
            _row("i_import_preview_shown_ms", "(i) import preview in the dialog: file chosen → rows shown",
                 i["dialog"]["preview_shown_ms"], "ms", 2000.0, vs_g(i["dialog"]["preview_shown_ms"])),
            _row("j_queue_max_stall_ms", f"(j) longest GUI stall while queuing {i['dialog']['commands']:,} shipments",
                 i["dialog"]["max_gap_ms"], "ms", 50.0, vs_g(i["dialog"]["max_gap_ms"])),
        ]  # fmt: skip
    return rows


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "rows/s":
        return f"{value:,.0f}"
    if unit == "s":
        return f"{value:.2f} s"
    if unit == "MB":
        return f"{value:.0f} MB"
    return f"{value:.1f} ms"


def render_table(results: dict[str, Any]) -> str:
    """A Markdown table (it prints readably and pastes into docs/PERFORMANCE.md)."""
    lines = [
        f"Orders: {results['orders']:,}  ·  {results['environment']['cpu']}, {results['environment']['cores']} cores",
        "",
        "| figure | value | target | met | × baseline |",
        "|---|---:|---:|:---:|---:|",
    ]
    for r in results["summary"]:
        met = "—" if r["met"] is None else ("yes" if r["met"] else "**no**")
        ratio = "—" if r["ratio_to_baseline"] is None else f"{r['ratio_to_baseline']:.2f}×"
        target = "—" if r["target"] is None else "≤ " + _fmt(r["target"], r["unit"])
        lines.append(f"| {r['label']} | {_fmt(r['value'], r['unit'])} | {target} | {met} | {ratio} |")
    return "\n".join(lines)
