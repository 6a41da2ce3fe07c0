"""Whether the Orders page shows every word whole: its filter bar, the count and total, its buttons
and the list's columns, in a window 1440 px wide, in Chinese and in English.

Used by tests/gui/test_orders_layout.py in its own process, and run as a module in a child
process with ``QT_SCALE_FACTOR`` set (Qt reads it once, before the application starts):

    QT_SCALE_FACTOR=1.5 python -m tests.gui.orders_layout DATA_DIR   # prints the problems as JSON
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from vendor_desktop.app import VendorCenter
from vendor_desktop.sync.token_store import SessionOnlyTokenStore
from vendor_desktop.ui.core import i18n
from vendor_desktop.viewmodels.core.sync_status import Connection
from vendor_desktop.viewmodels.orders.viewmodel import COLUMNS

WIDTH, HEIGHT = 1440, 860


def wait_for(condition, seconds: float = 30) -> None:
    end = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > end:
            raise TimeoutError("the app did not get there")
        QApplication.processEvents()
        time.sleep(0.01)


def _cut(widget: QWidget) -> str | None:
    """Why ``widget`` does not show all of itself, or None."""
    if not widget.isVisible():
        return None
    if isinstance(widget, QLabel):
        needed = widget.fontMetrics().horizontalAdvance(widget.text()) + widget.contentsMargins().left() * 2
    elif isinstance(widget, QAbstractButton):
        needed = widget.sizeHint().width()
    else:
        needed = widget.minimumSizeHint().width()
    if widget.width() < needed:
        return f"{widget.width()} px wide, needs {needed}"
    return None


def page_problems(center: VendorCenter) -> list[str]:
    """What is cut on the Orders page as it is now."""
    window = center.window
    view = window.orders_view
    problems: list[str] = []
    page = view.rect()
    if view.search.width() < view.search.fontMetrics().horizontalAdvance(view.search.placeholderText()):
        problems.append(f"the search box cuts its hint {view.search.placeholderText()!r}")
    widgets = [
        view.search, view.state, view.market, view.use_dates, view.date_from, view.dash, view.date_to,
        *view.quick.values(), view.count, view.clear, view.export,
    ]  # fmt: skip
    for widget in widgets:
        name = widget.text() if hasattr(widget, "text") and widget.text() else type(widget).__name__
        if not widget.isVisible():
            problems.append(f"{name!r} is not shown")
            continue
        if (why := _cut(widget)) is not None:
            problems.append(f"{name!r} is cut: {why}")
        box = widget.rect().translated(widget.mapTo(view, widget.rect().topLeft()))
        if not page.contains(box):
            problems.append(f"{name!r} reaches outside the page: {box.getRect()} in {page.getRect()}")
    table, model = view.table, view.vm.model
    for column, key in enumerate(COLUMNS):
        if key == "listing":
            continue
        for row in range(min(model.rowCount(), 20)):
            index = model.index(row, column)
            needed, cell = table.sizeHintForIndex(index).width(), table.visualRect(index).width()
            if needed > cell:
                problems.append(f"column {key!r} cuts {index.data()!r}: {cell} px, needs {needed}")
    return problems


def layout_problems(center: VendorCenter) -> dict[str, list[str]]:
    """The page's problems in each language, the window 1440 px wide, with the total shown."""
    window = center.window
    window.resize(WIDTH, HEIGHT)
    window.show()
    window.show_area("orders")
    view = window.orders_view
    found: dict[str, list[str]] = {}
    for language in (i18n.CHINESE, i18n.ENGLISH):
        before = view.clear.text()
        center.set_language(language)
        wait_for(lambda before=before: view.clear.text() != before)  # the view heard of the change
        wait_for(lambda: view.vm.count > 0 and bool(view.vm.total_text()))
        # New words ask for new sizes, and each level of layout asks the next, one posted event
        # at a time: give it a few seconds to settle (on a loaded machine too), then look.
        with contextlib.suppress(TimeoutError):
            wait_for(lambda: not page_problems(center), 5)
        found[language] = page_problems(center)
    return found


def open_center(data_dir: Path) -> VendorCenter:
    settings = QSettings(str(data_dir / "settings.ini"), QSettings.Format.IniFormat)
    center = VendorCenter(settings, SessionOnlyTokenStore(), i18n.ENGLISH)
    center.start_sandbox(data_dir / "sandbox.sqlite3")
    wait_for(lambda: center.sync is not None and center.sync.state == Connection.ONLINE)
    return center


def main(data_dir: str) -> int:
    os.environ["VENDOR_DESKTOP_DATA_DIR"] = data_dir
    from vendor_desktop.application import create_application

    create_application()
    center = open_center(Path(data_dir))
    try:
        found = layout_problems(center)
        found["scale"] = [str(center.window.devicePixelRatio())]
        print(json.dumps(found, ensure_ascii=False))
    finally:
        center.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
