"""Reading a courier's spreadsheet for the tracking-number import: CSV or .xlsx, as rows of text.

CSV: Chinese Excel saves "CSV" in the system's code page (GBK/GB18030), newer Excel and WPS in
UTF-8 with a BOM, other tools in UTF-8 without one. A BOM says it outright; bytes that are valid
UTF-8 are UTF-8 (a GBK file of Chinese text practically never is); otherwise charset-normalizer
decides among the encodings such a file can have (GB18030, Big5, UTF-16, Windows-1252). Left to
every code page it takes a short GBK file for Korean (cp949), which would turn 订单号 into
nonsense. GBK and GB2312 are read as GB18030, their superset.

.xlsx: openpyxl in read-only mode (it streams the sheet instead of building every cell), values
not formulas. Numbers come back as numbers: a tracking number Excel stored as 773012345678901
is written back without ".0"; one it already rounded (7.73E+14) is left for the row's check to
name. Runs on a background runner, never the GUI thread.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

#: More rows than this is more than one courier's day: split the file (and the preview stays quick).
MAX_ROWS = 50_000
#: What charset-normalizer may choose among when the bytes are not UTF-8 (see the docstring).
_CANDIDATES = ["gb18030", "big5", "utf_16", "cp1252"]
_CHINESE = {"gb18030", "gbk", "gb2312", "hz"}
EXCEL_SUFFIXES = (".xlsx", ".xlsm")
OLD_EXCEL_SUFFIXES = (".xls", ".et")

Rows = list[tuple[int, list[str]]]  # (the spreadsheet's row number, its cells as text)


class ImportFileError(Exception):
    """The file cannot be read as a table; ``code`` says why (the viewmodel words it)."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code  # unreadable, old_excel, encoding, empty, too_many_rows
        self.detail = detail


@dataclass(frozen=True)
class Sheet:
    rows: Rows
    encoding: str | None  # a CSV's encoding as found; None for .xlsx


def read_sheet(path: Path) -> Sheet:
    suffix = path.suffix.lower()
    if suffix in OLD_EXCEL_SUFFIXES:
        raise ImportFileError("old_excel", path.name)
    try:
        if suffix in EXCEL_SUFFIXES:
            return Sheet(_xlsx_rows(path), None)
        data = path.read_bytes()
    except ImportFileError:
        raise
    except Exception as error:  # a damaged or locked file, a zip that is not a workbook
        raise ImportFileError("unreadable", str(error)) from error
    text, encoding = decode(data)
    return Sheet(_csv_rows(text), encoding)


def decode(data: bytes) -> tuple[str, str]:
    """The text of a CSV file and the encoding it was in (see the module's docstring)."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data, cp_isolation=_CANDIDATES).best()
    if best is None:
        raise ImportFileError("encoding")
    encoding = "gb18030" if best.encoding in _CHINESE else best.encoding
    return data.decode(encoding, errors="replace"), encoding


def _csv_rows(text: str) -> Rows:
    first_line = text.split("\n", 1)[0]
    delimiter = max((",", "\t", ";"), key=first_line.count)
    rows: Rows = []
    for line, cells in enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), start=1):
        if line > MAX_ROWS + 1:
            raise ImportFileError("too_many_rows", str(MAX_ROWS))
        rows.append((line, cells))
    if not any(any(c.strip() for c in cells) for _, cells in rows):
        raise ImportFileError("empty")
    return rows


def _xlsx_rows(path: Path) -> Rows:
    from openpyxl import load_workbook  # a second's import: only when a workbook is opened

    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = workbook.active if workbook.active is not None else workbook.worksheets[0]
        rows: Rows = []
        for line, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            if line > MAX_ROWS + 1:
                raise ImportFileError("too_many_rows", str(MAX_ROWS))
            rows.append((line, [cell_text(v) for v in values]))
    finally:
        workbook.close()
    if not any(any(c.strip() for c in cells) for _, cells in rows):
        raise ImportFileError("empty")
    return rows


def cell_text(value: object) -> str:
    """A workbook cell as the user sees it: whole numbers without ".0", dates as dates."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        # Excel keeps 15 significant digits: a 16-digit number it saved always ends in 0, which
        # may not be the real last digit (an order number turned into another order's). Shown
        # in scientific notation, the row's check says the digits are lost.
        return f"{value:E}" if abs(value) >= 10**15 and value % 10 == 0 else str(value)
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))  # exact: a double holds every 15-digit whole number
    if isinstance(value, float):
        return f"{value:E}" if abs(value) >= 1e15 else repr(value)  # past 15 digits: lost
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value)
