"""A session that ends leaves no window behind: after signing out or quitting, the old user's
window is gone, not hidden and still listening (a left-over window heard later language changes
and read a closed cache, which crashed Qt)."""

from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication

from vendor_desktop.ui.shell.main_window import MainWindow

from .apphelpers import sign_in

pytestmark = pytest.mark.usefixtures("english")


def windows_left() -> list[MainWindow]:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]


def test_quitting_leaves_no_window(qtbot, tmp_path, market):
    center = sign_in(qtbot, tmp_path, market)
    assert windows_left() == [center.window]
    center.shutdown()
    assert windows_left() == []


def test_signing_out_leaves_no_window_of_the_old_user(qtbot, tmp_path, market):
    center = sign_in(qtbot, tmp_path, market)
    center.window.sign_out_action.trigger()
    qtbot.waitUntil(lambda: center.dialog is not None and center.dialog.isVisible())
    try:
        assert windows_left() == []
    finally:
        center.shutdown()
