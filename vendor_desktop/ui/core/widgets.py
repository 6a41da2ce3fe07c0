"""Small widget pieces every screen uses the same way: list tables, empty states, field errors,
filter combos. One place, so the lists and forms of the app look and behave alike. (Columns
sized to their contents and dialogs sized by their layout: ``fitting.py``.)"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from vendor_desktop.ui.core.binding import set_quietly
from vendor_desktop.ui.core.fitting import fit_columns


def list_table(
    model: QAbstractItemModel,
    *,
    widths: tuple[int, ...] = (),
    delegate: QStyledItemDelegate | None = None,
    multi: bool = False,
    stretch: int | None = None,
) -> QTableView:
    """A read-only list of rows: whole rows selected, one line each, no row numbers.

    ``stretch``: the columns are sized to their contents and this one takes the rest
    (``fitting.fit_columns``; ``widths`` are then only where they start). Without it, the
    columns keep ``widths``."""
    table = QTableView()
    table.setModel(model)
    if delegate is not None:
        delegate.setParent(table)
        table.setItemDelegate(delegate)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    mode = QAbstractItemView.SelectionMode
    table.setSelectionMode(mode.ExtendedSelection if multi else mode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    for column, width in enumerate(widths):
        table.horizontalHeader().resizeSection(column, width)
    if stretch is not None:
        fit_columns(table, stretch=stretch)
    return table


class ListOrEmpty(QStackedWidget):
    """The list, or a sentence saying why it is empty and what to do."""

    def __init__(self, table: QTableView) -> None:
        super().__init__()
        self.table = table
        self.empty = QLabel()
        self.empty.setObjectName("emptyState")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.addWidget(table)
        self.addWidget(self.empty)

    def show_list(self, has_rows: bool) -> None:
        self.setCurrentWidget(self.table if has_rows else self.empty)


def list_over_detail(
    listing: QWidget, detail: QWidget, *, sizes: tuple[int, int], detail_stretch: int = 1
) -> QSplitter:
    """A list above the selected row's detail (Orders, Invoices, Messages): the detail scrolls
    when it is taller than its share, the list takes 3 parts of any extra height to the detail's
    ``detail_stretch``, and the user may move the line between them (the view saves it)."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(detail)
    scroll.setMinimumHeight(120)
    splitter = QSplitter(Qt.Orientation.Vertical)
    splitter.addWidget(listing)
    splitter.addWidget(scroll)
    splitter.setStretchFactor(0, 3)
    splitter.setStretchFactor(1, detail_stretch)
    splitter.setSizes(list(sizes))
    return splitter


def error_label() -> QLabel:
    """A field's message, hidden until there is something to say."""
    label = QLabel()
    label.setObjectName("error")
    label.setWordWrap(True)
    label.hide()
    return label


def show_problems(errors: dict[str, QLabel], problems: dict[str, str]) -> None:
    """Each field's message in its ``error_label``, shown only where there is one."""
    for name, label in errors.items():
        label.setText(problems.get(name, ""))
        label.setVisible(name in problems)


def stacked(*widgets: QWidget) -> QWidget:
    """Widgets one under the other without margins (a field and its message)."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    for widget in widgets:
        layout.addWidget(widget)
    return box


def side_by_side(*widgets: QWidget) -> QWidget:
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    layout.addStretch(1)
    return box


def refill_combo(combo: QComboBox, all_text: str, items: list[tuple[str, str]]) -> None:
    """Refill a filter combo in the current language, keeping what was chosen, without signals."""
    chosen = combo.currentData()

    def fill(_: object) -> None:
        combo.clear()
        combo.addItem(all_text, None)
        for value, text in items:
            combo.addItem(text, value)
        combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen else 0)

    set_quietly(combo, fill, None)


class Retranslating:
    """Mixed into a widget that has ``retranslate()``: it re-reads its words when the language
    changes (Qt sends LanguageChange to every widget when a translator is installed)."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()  # type: ignore[attr-defined]
        super().changeEvent(event)  # type: ignore[misc]
