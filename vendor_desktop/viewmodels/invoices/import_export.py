"""Files the tracking-number import writes: the per-row results, and the template to fill in.

Both are for Excel (and WPS): CSV in UTF-8 with a BOM, so Chinese shows right when the file is
double-clicked, every text cell neutralised against formulas (``spreadsheet.as_text_cell``:
carriers and tracking numbers come from someone else's spreadsheet). The template is also an
.xlsx whose order-number and tracking-number columns are formatted as text, so Excel never
turns a long number into 7.73E+14 (the digits would be lost).
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from vendor_desktop.domain.tracking_import import Column
from vendor_desktop.viewmodels.core.labels import is_chinese
from vendor_desktop.viewmodels.core.spreadsheet import as_text_cell
from vendor_desktop.viewmodels.invoices.import_words import column_label

TEMPLATE_COLUMNS = (Column.ORDER_NUMBER, Column.CARRIER, Column.TRACKING_NUMBER, Column.POSTAGE)
TEXT_COLUMNS = ("A", "C")  # order number, tracking number: text, never numbers


def template_rows() -> list[list[str]]:
    """The current language's header row and one example row."""
    header = [column_label(c) for c in TEMPLATE_COLUMNS]
    if is_chinese():
        example = ["2026112600000001", "顺丰", "SF1234567890123", "寄付"]
    else:
        example = ["2026112600000001", "SF Express", "SF1234567890123", "postage paid"]
    return [header, example]


def write_template(path: Path) -> None:
    """The template as .xlsx (by the file name) or CSV."""
    rows = template_rows()
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        _write_xlsx(path, rows)
    else:
        write_csv(path, rows)


def _write_xlsx(path: Path, rows: list[list[str]]) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = QCoreApplication.translate("TrackingImport", "Tracking numbers")
    for row in rows:
        sheet.append(row)
    for letter in TEXT_COLUMNS:
        for cell in sheet[letter]:
            cell.number_format = "@"  # text: Excel keeps every digit
        sheet.column_dimensions[letter].width = 22
    sheet.column_dimensions["B"].width = 14
    sheet.column_dimensions["D"].width = 14
    tmp = path.with_name(path.name + ".part")
    workbook.save(tmp)
    tmp.replace(path)


def write_csv(path: Path, rows: Sequence[Sequence[str]]) -> None:
    """Rows as CSV for Excel: BOM, text cells neutralised, written whole or not at all."""
    tmp = path.with_name(path.name + ".part")
    with tmp.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        for row in rows:
            writer.writerow([as_text_cell(cell) for cell in row])
    tmp.replace(path)  # never leave a half-written file under the user's name


def results_header() -> list[str]:
    return [
        QCoreApplication.translate("TrackingImport", "Row"),
        column_label(Column.ORDER_NUMBER),
        column_label(Column.INVOICE_ID),
        column_label(Column.CARRIER),
        column_label(Column.TRACKING_NUMBER),
        column_label(Column.POSTAGE),
        QCoreApplication.translate("TrackingImport", "Result"),
        QCoreApplication.translate("TrackingImport", "Note"),
    ]


def write_results(path: Path, count: int, row_cells: Callable[[int], list[str]]) -> int:
    """The import's rows with their result, in the sheet's order; returns how many."""
    write_csv(path, [results_header(), *(row_cells(at) for at in range(count))])
    return count
