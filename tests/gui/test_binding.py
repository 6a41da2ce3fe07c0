"""Bindings outlive the widgets they bind: a signal after Qt deleted the widget does nothing."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel

from vendor_desktop.ui.core.binding import connect_refresh


class Source(QObject):
    changed = Signal(str)


def test_a_widget_qt_deleted_is_not_refreshed(qtbot) -> None:
    # As at sign-out: the window is deleted, its viewmodels still hear a sync round finishing.
    source = Source()
    label = QLabel()
    shown: list[str] = []
    connect_refresh(source.changed, label, lambda: shown.append(label.text()) or label.setText("refreshed"))
    source.changed.emit("first")
    assert shown == [""] and label.text() == "refreshed"

    label.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(label))
    source.changed.emit("after")  # no "Internal C++ object already deleted"
    assert shown == [""]
