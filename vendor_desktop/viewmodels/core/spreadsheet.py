"""Text cells that a spreadsheet shows as text, never runs as a formula (OWASP "CSV injection").

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read by Excel,
WPS and LibreOffice as a formula (``=HYPERLINK(…)``, ``@SUM(…)``, ``-2+3``); buyer and listing
names are typed by people outside the vendor. Such a cell gets a leading apostrophe, which the
spreadsheet takes as "this is text" and the reader sees as a harmless mark. Numbers the app
writes itself (plain yuan amounts, negatives included) are not text and are left alone.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def as_text_cell(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_STARTS) else value


# -- writing whole files (the ledger's monthly statement; any export with typed cells) ----------
# Cells are ``str`` (text: never a number or a formula in the spreadsheet) or ``Decimal`` (money
# in yuan, a number Excel can sum). Files are written to ``<name>.part`` and renamed at the end,
# so a failure never leaves half a file under the user's name.

#: Digit strings at least this long (order numbers: 2026112600000001) that Excel, opening a CSV,
#: would turn into 2.02611E+15 and lose digits of.
LONG_DIGITS = 12


def yuan(fen: int) -> Decimal:
    """Fen as exact yuan (two decimals) for a spreadsheet cell."""
    return Decimal(fen).scaleb(-2)


def csv_cell(value: str | Decimal) -> str:
    """A cell as CSV text: money as plain yuan (-88.00), a long digit string as ="…" (Excel's
    own way to keep it text), any other text safe from formulas (``as_text_cell``)."""
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if len(value) >= LONG_DIGITS and value.isdigit():
        return f'="{value}"'
    return as_text_cell(value)


def write_csv_rows(path: Path, rows: Iterable[Sequence[str | Decimal]]) -> None:
    """CSV for Excel and WPS: UTF-8 with a BOM (so the Chinese shows), rows streamed."""
    tmp = path.with_name(path.name + ".part")
    with tmp.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        for row in rows:
            writer.writerow([csv_cell(cell) for cell in row])
    tmp.replace(path)


def write_xlsx_sheets(path: Path, sheets: Iterable[tuple[str, Iterable[Sequence[str | Decimal]]]]) -> None:
    """An .xlsx with a sheet per (title, rows), streamed (openpyxl's write-only mode): text cells
    are strings (an .xlsx never turns a string into a number), money cells numbers shown with
    two decimals."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True)
    for title, rows in sheets:
        sheet = workbook.create_sheet(title[:31])  # Excel's limit for a sheet's name
        for row in rows:
            sheet.append([_xlsx_cell(sheet, value, WriteOnlyCell) for value in row])
    tmp = path.with_name(path.name + ".part")
    workbook.save(tmp)
    tmp.replace(path)


def _xlsx_cell(sheet: Any, value: str | Decimal, make: Any) -> Any:
    if isinstance(value, Decimal):
        cell = make(sheet, value=value)
        cell.number_format = "#,##0.00"
        return cell
    return as_text_cell(value)  # openpyxl would take "=…" for a formula
