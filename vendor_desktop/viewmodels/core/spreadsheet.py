"""Text cells that a spreadsheet shows as text, never runs as a formula (OWASP "CSV injection").

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read by Excel,
WPS and LibreOffice as a formula (``=HYPERLINK(…)``, ``@SUM(…)``, ``-2+3``); buyer and listing
names are typed by people outside the vendor. Such a cell gets a leading apostrophe, which the
spreadsheet takes as "this is text" and the reader sees as a harmless mark. Numbers the app
writes itself (plain yuan amounts, negatives included) are not text and are left alone.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def as_text_cell(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_STARTS) else value
