"""Nothing on the Orders page is cut (issue 11): the filter bar, the count and total, the buttons
and the list's columns show every word in a 1440 px window, in Chinese and English, at 100 %
and at the 125 % and 150 % scales of many Windows laptops."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from vendor_desktop.application import create_application
from vendor_desktop.ui.core import i18n

from . import orders_layout

ROOT = Path(__file__).resolve().parents[2]


def test_the_orders_page_shows_every_word_at_1440_px_in_both_languages(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("VENDOR_DESKTOP_DATA_DIR", str(tmp_path))
    create_application()
    center = orders_layout.open_center(tmp_path)
    try:
        found = orders_layout.layout_problems(center)
        view = center.window.orders_view
        assert view.count.text().startswith("205 orders · total ¥")  # the total beside the count
    finally:
        center.shutdown()
        i18n.install(i18n.ENGLISH)
    assert found == {i18n.CHINESE: [], i18n.ENGLISH: []}


@pytest.mark.parametrize("scale", ["1.25", "1.5"])
def test_nothing_is_cut_at_125_and_150_percent(tmp_path, scale):
    env = {**os.environ, "QT_SCALE_FACTOR": scale, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "tests.gui.orders_layout", str(tmp_path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert found.pop("scale") == [scale]
    assert found == {i18n.CHINESE: [], i18n.ENGLISH: []}
