"""Nothing clipped (issue 11), the shared mechanisms of ui/core/fitting.py: list columns sized to
their contents with one column taking the rest, cut cells readable whole in a tooltip, and
dialogs whose minimum size follows their layout, word-wrapped labels included."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from vendor_desktop.ui.core.fitting import ColumnFitter, fit_to_layout
from vendor_desktop.ui.core.widgets import error_label, list_table, stacked
from vendor_desktop.viewmodels.core.paged_table import PagedTableModel

HEADERS = ["Listing", "Market", "State", "Created"]
ROWS = [
    ["智能客服机器人 SaaS 版", "SaaS market", "Paid", "2026-11-29 14:37"],
    ["等保2.0 合规咨询", "Ops: image maintenance", "Unpaid", "2026-11-29 13:33"],
    ["公司注册代办", "Security", "Paid · price change rejected", "2026-11-28 09:59"],
]


def model_of(rows: list[list[str]]) -> QStandardItemModel:
    model = QStandardItemModel(len(rows), len(HEADERS))
    model.setHorizontalHeaderLabels(HEADERS)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            model.setItem(r, c, QStandardItem(text))
    return model


def shown_table(qtbot, rows: list[list[str]], width: int):
    table = list_table(model_of(rows), stretch=0)
    qtbot.addWidget(table)
    table.resize(width, 300)
    table.show()
    qtbot.waitExposed(table)
    fitter = table.findChild(ColumnFitter)
    qtbot.waitUntil(lambda: fitter.idle and bool(fitter.contents))
    return table, fitter


def needs(table, column: int) -> int:
    """What the column's title and widest cell need (as the table itself measures it)."""
    return max(table.sizeHintForColumn(column), table.horizontalHeader().sectionSizeHint(column))


def test_columns_fit_their_contents_and_the_stretch_column_takes_the_rest(qtbot):
    table, _ = shown_table(qtbot, ROWS, 1000)
    header = table.horizontalHeader()
    for column in (1, 2, 3):
        assert header.sectionSize(column) == needs(table, column)
    assert header.length() == table.viewport().width()  # no room left over, no scroll bar
    assert header.sectionSize(0) >= needs(table, 0)


def test_in_a_narrow_list_the_widest_columns_give_way_but_keep_their_title(qtbot):
    table, fitter = shown_table(qtbot, ROWS, 520)
    header = table.horizontalHeader()
    assert header.sectionSize(0) >= min(fitter.stretch_minimum, needs(table, 0)) - 1
    gave = [c for c in (1, 2, 3) if header.sectionSize(c) < needs(table, c)]
    assert gave, "the widest columns gave way"
    for column in (1, 2, 3):
        assert header.sectionSize(column) >= header.sectionSizeHint(column)  # the title stays whole
    # What gave way first is the widest: the dates, narrower, stay whole.
    assert 3 not in gave


def test_new_words_refit_and_a_column_resized_by_hand_keeps_its_width(qtbot):
    table, fitter = shown_table(qtbot, ROWS, 1000)
    header = table.horizontalHeader()
    model = table.model()
    assert header.sectionSize(3) == needs(table, 3)
    edge = QPoint(header.sectionViewportPosition(3) + header.sectionSize(3) - 2, header.height() // 2)
    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QTest.mousePress(header.viewport(), left, none, edge)  # the user drags the Created column wider
    QTest.mouseMove(header.viewport(), edge + QPoint(60, 0))
    QTest.mouseRelease(header.viewport(), left, none, edge + QPoint(60, 0))
    by_hand = header.sectionSize(3)
    assert by_hand > needs(table, 3)
    model.setHorizontalHeaderLabels(["商品名称", "类目市场", "A much longer title for the state column", "创建时间"])
    qtbot.waitUntil(lambda: fitter.idle and header.sectionSize(2) == needs(table, 2))
    assert header.sectionSize(3) == by_hand


def test_scrolling_to_longer_cells_widens_their_column(qtbot):
    rows = [["名称", "SaaS market", "Paid", "2026-11-29"] for _ in range(60)]
    rows[-1][1] = "Ops: image maintenance and a good deal more"
    table, fitter = shown_table(qtbot, rows, 1000)
    header = table.horizontalHeader()
    before = header.sectionSize(1)
    table.scrollToBottom()
    qtbot.waitUntil(lambda: fitter.idle and header.sectionSize(1) > before)
    assert header.sectionSize(1) == needs(table, 1)
    table.scrollToTop()  # and it stays: columns do not jump back and forth while the user reads
    qtbot.wait(ColumnFitter.SCROLL_SETTLE_MS + 50)
    assert header.sectionSize(1) > before


class _Paged(PagedTableModel[str]):
    def __init__(self) -> None:
        super().__init__(lambda: ["a", "b"], lambda ids: {i: i for i in ids})
        self.reload()

    def headers(self) -> list[str]:
        return ["Name", "Note"]

    def display(self, row: str, column: int) -> str:
        return f"{row} — a long name cut short in a narrow column" if column == 0 else ""

    def row_data(self, row: str, column: int, role: int) -> str | None:
        return "says more" if role == Qt.ItemDataRole.ToolTipRole and row == "b" else None


def test_a_cell_without_its_own_tooltip_shows_its_whole_text_in_one(qapp):
    model = _Paged()
    tip = Qt.ItemDataRole.ToolTipRole
    assert model.index(0, 0).data(tip) == "a — a long name cut short in a narrow column"
    assert model.index(1, 0).data(tip) == "says more"  # the model's own tooltip wins
    assert model.index(0, 1).data(tip) is None  # nothing to show


def test_a_dialog_grows_for_a_message_instead_of_squashing_its_fields(qtbot):
    dialog = QDialog()
    qtbot.addWidget(dialog)
    fields = [QLineEdit() for _ in range(3)]
    errors = [error_label() for _ in fields]
    form = QFormLayout()
    for i, (field, error) in enumerate(zip(fields, errors, strict=True)):
        form.addRow(QLabel(f"Field {i}"), stacked(field, error))
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    fit_to_layout(dialog, width=360)
    dialog.show()
    qtbot.waitExposed(dialog)
    for error in errors:
        error.setText("Enter a price in yuan, e.g. 99.00 (two decimals at most), or leave the mode unticked.")
        error.show()
    qtbot.waitUntil(lambda: dialog.height() >= layout.totalHeightForWidth(dialog.width()))
    for field in fields:
        assert field.height() >= field.minimumSizeHint().height()
    for error in errors:
        assert error.height() >= error.heightForWidth(error.width())
    assert dialog.width() >= 360


def test_a_dialog_is_as_wide_as_a_long_folder_name_needs(qtbot):
    dialog = QDialog()
    qtbot.addWidget(dialog)
    folder = QLabel(r"C:\Users\zhang.xiaoming\AppData\Local\VendorCenter\Logs\vendor-center.log")
    form = QFormLayout(dialog)
    form.addRow(QLabel("Log file:"), folder)
    fit_to_layout(dialog, width=200)  # narrower than the folder: the layout wins
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: folder.width() >= folder.sizeHint().width())
