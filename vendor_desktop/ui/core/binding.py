"""Binding a viewmodel to widgets, in one place (napari's connect_setattr idea).

Views call these instead of wiring signals by hand; setters block the widget's own signals so a
value coming from the viewmodel does not bounce back as a user edit.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, SignalInstance
from PySide6.QtWidgets import QWidget


def connect_setattr(signal: SignalInstance, obj: QObject, attr: str) -> None:
    """When ``signal`` fires, set ``obj.attr`` to its value; holds ``obj`` weakly."""
    ref = weakref.ref(obj)

    def setter(value: Any) -> None:
        target = ref()
        if target is not None and shiboken6.isValid(target):  # not deleted by Qt either
            setattr(target, attr, value)

    signal.connect(setter)


def connect_refresh(signal: SignalInstance, widget: QWidget, refresh: Callable[[], None]) -> None:
    """Re-render ``widget`` when ``signal`` fires; does nothing once the widget is gone."""
    ref = weakref.ref(widget)

    def call(*_: Any) -> None:
        # Gone means either: the Python wrapper was collected, or Qt deleted the widget while the
        # wrapper lives on (a window closed with deleteLater at sign-out, whose viewmodels still
        # hear a sync round that was already under way).
        target = ref()
        if target is not None and shiboken6.isValid(target):
            refresh()

    signal.connect(call)


def set_quietly(widget: QWidget, setter: Callable[[Any], None], value: Any) -> None:
    """Set a widget's value without emitting its change signals."""
    blocked = widget.blockSignals(True)
    try:
        setter(value)
    finally:
        widget.blockSignals(blocked)
