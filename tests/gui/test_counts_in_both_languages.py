"""Counts said in the main window's mixins (the status bar's "%n changes waiting to send") come
out in the window's language with the right plural: PySide's own ``tr`` looked them up under the
window's class name only, so a Chinese status bar showed "1 changes waiting to send"."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget

from vendor_desktop.ui.core import i18n
from vendor_desktop.ui.core.i18n import MixinPlurals
from vendor_desktop.ui.shell.main_window import MainWindow
from vendor_desktop.ui.shell.status_bar import StatusBarMixin


class _Window(MixinPlurals, StatusBarMixin, QWidget):
    """The main window's make-up: the status bar's strings are said in a mixin."""


@pytest.mark.parametrize(
    ("language", "one", "many"),
    [
        ("zh_CN", "1 项修改待发送", "3 项修改待发送"),
        ("en", "1 change waiting to send", "3 changes waiting to send"),
    ],
)
def test_a_status_bar_count_is_in_the_windows_language(qapp, language, one, many):
    window = _Window()
    i18n.install(language)
    try:
        assert window.tr("%n changes waiting to send", "", 1) == one
        assert window.tr("%n changes waiting to send", "", 3) == many
        assert window.tr("Sync now (F5)") == ("立即同步 (F5)" if language == "zh_CN" else "Sync now (F5)")
    finally:
        i18n.install(i18n.ENGLISH)
        window.deleteLater()


def test_the_main_window_uses_that_lookup():
    assert MainWindow.tr is MixinPlurals.tr
