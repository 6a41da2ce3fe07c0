"""Nothing clipped at 100 %, 125 % and 150 % (issue 11): every page and dialog, in Chinese and
English, measured by tools/layout_check.py — one process per scale, as ``QT_SCALE_FACTOR`` must
be set before the QApplication exists. A problem is text wider than its widget, a header title
wider than its section, a cut cell without a tooltip or with room to spare elsewhere in its
list, a horizontal scroll bar, a squashed field or a dialog bigger than the display.

The screens are tools/tour.py's, which the screenshot command photographs too.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from vendor_desktop.ui.shell.areas import AREAS

ROOT = Path(__file__).resolve().parents[2]
CHECK = ROOT / "tools" / "layout_check.py"
SCALES = (1.0, 1.25, 1.5)  # Windows' common display settings
#: ui packages of the areas (their views and dialogs): their owners fix what the check finds there.
AREA_PACKAGES = {
    *("dashboard", "orders", "listings", "discounts", "invoices", "money", "messages", "tickets", "changes", "account")
}


@pytest.fixture(scope="module")
def measured(tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    """Every line the check printed, at every scale (the three processes run side by side)."""
    running = {}
    for scale in SCALES:
        env = {k: v for k, v in os.environ.items() if k not in ("QT_SCALE_FACTOR", "QT_SCREEN_SCALE_FACTORS")}
        env["QT_QPA_PLATFORM"] = "offscreen"
        env["VENDOR_DESKTOP_DATA_DIR"] = str(tmp_path_factory.mktemp(f"check-{scale:g}"))
        running[scale] = subprocess.Popen(
            [sys.executable, str(CHECK), "--scale", f"{scale:g}"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
    lines: list[dict] = []
    for scale, process in running.items():
        out, err = process.communicate(timeout=300)
        records = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
        done = records[-1] if records else {}
        assert process.returncode == 0 and done.get("done"), f"the check at {scale:g} did not finish:\n{err[-4000:]}"
        assert done["chinese_fonts"], (
            "no Chinese font: install one (Debian: fonts-noto-cjk), or Chinese is not measured"
        )
        lines += records
    return lines


def _problems(measured: list[dict], *, areas: bool) -> list[dict]:
    return [m for m in measured if "kind" in m and (m["owner"] in AREA_PACKAGES) == areas]


def _report(problems: list[dict]) -> str:
    return "\n".join(
        f"{p['scale']:g}, {p['language']}, {p['screen']}, {p['widget']} in {p['where'] or '-'} ({p['owner']}), "
        f"{p['kind']}: {p['text'][:80]!r} needs {p['needed']} px, had {p['had']} px"
        for p in problems
    )


def test_shell_and_shared_dialogs_clip_nothing(measured: list[dict]) -> None:
    """The navigation, menus, status bar and banners, and ui/core's dialogs (sign-in, About, the
    crash dialog), at every scale and in both languages."""
    problems = _problems(measured, areas=False)
    assert not problems, f"{len(problems)} clipped:\n{_report(problems)}"


def test_area_pages_and_dialogs_clip_nothing(measured: list[dict]) -> None:
    problems = _problems(measured, areas=True)
    assert not problems, f"{len(problems)} clipped:\n{_report(problems)}"


def test_the_tour_shows_every_area_and_dialog(measured: list[dict]) -> None:
    """A new area or dialog is measured (and photographed) only once it is in tools/tour.py."""
    visits = [m for m in measured if "visit" in m]
    for scale in SCALES:
        for language in ("zh", "en"):
            seen = [v for v in visits if v["scale"] == scale and v["language"] == language]
            assert {v["area"] for v in seen} >= {a.id for a in AREAS}, (scale, language)
            assert {v["class"] for v in seen} >= _dialog_classes(), (scale, language)


def _dialog_classes() -> set[str]:
    """Every QDialog subclass defined under vendor_desktop/ui/."""
    found = set()
    for path in (ROOT / "vendor_desktop" / "ui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and any(
                isinstance(base, ast.Name) and base.id == "QDialog" for base in node.bases
            ):
                found.add(node.name)
    return found
