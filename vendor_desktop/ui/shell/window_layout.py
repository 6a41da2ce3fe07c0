"""The window's layout kept between runs: its geometry, and what each area keeps (``Area.saved_state``:
the orders list's columns and splitter).

The settings keys are in users' settings files: renaming one loses every saved layout.
An area's state is restored when its view is built (views are built when first shown) and saved
only for views that were built, so an area not opened this run keeps what was saved before.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings
from PySide6.QtWidgets import QWidget

from vendor_desktop.ui.shell.main_window import MainWindow

GEOMETRY_KEY = "window/geometry"


def _saved(settings: QSettings, key: str) -> QByteArray | None:
    value = settings.value(key)
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def restore_layout(settings: QSettings, window: MainWindow) -> None:
    """Restore the geometry now and each area's parts as their views are built."""
    if (geometry := _saved(settings, GEOMETRY_KEY)) is not None:
        window.restoreGeometry(geometry)

    def restore_area(area_id: str, view: QWidget) -> None:
        area = next(a for a in window.shell.areas if a.id == area_id)
        for key, part in area.saved_state:
            if (state := _saved(settings, key)) is not None:
                part(view).restoreState(state)

    for area_id, view in window.shell.views.items():
        restore_area(area_id, view)
    window.shell.view_built.connect(restore_area)


def save_layout(settings: QSettings, window: MainWindow) -> None:
    settings.setValue(GEOMETRY_KEY, window.saveGeometry())
    for area in window.shell.areas:
        view = window.shell.views.get(area.id)
        if view is None:
            continue
        for key, part in area.saved_state:
            settings.setValue(key, part(view).saveState())
    settings.sync()


class _SaveOnClose(QObject):
    def __init__(self, settings: QSettings, window: MainWindow) -> None:
        super().__init__(window)
        self._settings = settings

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close and isinstance(watched, MainWindow):
            save_layout(self._settings, watched)
        return super().eventFilter(watched, event)


def keep_layout(settings: QSettings, window: MainWindow) -> None:
    """Restore the window's layout now, and save it whenever the window closes."""
    restore_layout(settings, window)
    window.installEventFilter(_SaveOnClose(settings, window))
