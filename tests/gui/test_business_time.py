"""Business times read the same everywhere: Beijing time, to the minute (GLOSSARY), the status bar too.

A vendor's staff abroad, or a laptop left on another zone, used to see 12:48 in the status bar
and 20:48 in the tables for the same moment."""

from __future__ import annotations

import datetime as dt
import os
import re
import time

import pytest

from vendor_desktop.ui.core import i18n
from vendor_desktop.viewmodels.core.labels import business_time

from .apphelpers import sign_in

MOMENT = dt.datetime(2026, 11, 29, 12, 48, tzinfo=dt.UTC)  # 20:48 in Beijing


@pytest.fixture
def computer_zone():
    saved = os.environ.get("TZ")

    def set_zone(name: str) -> None:
        os.environ["TZ"] = name
        time.tzset()

    yield set_zone
    if saved is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = saved
    time.tzset()


def test_on_a_computer_in_another_zone_a_time_is_beijing_time_and_says_so(qapp, computer_zone):
    computer_zone("Europe/Berlin")
    assert business_time(MOMENT) == "2026-11-29 20:48 (Beijing time)"
    i18n.install("zh_CN")
    try:
        assert business_time(MOMENT) == "2026-11-29 20:48（北京时间）"
    finally:
        i18n.install(i18n.ENGLISH)


def test_on_a_computer_in_beijing_time_the_time_needs_no_label(qapp, computer_zone):
    computer_zone("Asia/Shanghai")
    assert business_time(MOMENT) == "2026-11-29 20:48"


def test_the_status_bar_shows_the_last_sync_as_the_tables_show_times(qtbot, tmp_path, market, computer_zone):
    computer_zone("America/New_York")
    center = sign_in(qtbot, tmp_path, market)
    try:
        last = center.sync.last_synced
        assert last is not None
        text = center.window.last_sync.text()
        assert re.fullmatch(r"Last synced: \d{4}-\d{2}-\d{2} \d{2}:\d{2} \(Beijing time\)", text), text
        assert business_time(last) in text
    finally:
        center.shutdown()
