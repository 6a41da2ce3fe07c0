"""The tracking-number import's preview: a file read, checked and looked up (off the GUI thread),
and a ready row as the ``invoice.ship`` command it becomes. Also why a file cannot be imported,
in the user's words."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.cache.core.outbox_bulk import cyclic_gc_paused
from vendor_desktop.cache.invoices.import_lookup import SHIP_KIND, invoices_for_import
from vendor_desktop.domain.tracking_import import (
    Column,
    Counts,
    HeaderMissing,
    Judgement,
    count,
    data_rows,
    find_header,
    judge,
)
from vendor_desktop.viewmodels.core.labels import is_chinese
from vendor_desktop.viewmodels.invoices.import_file import ImportFileError, read_sheet
from vendor_desktop.viewmodels.invoices.import_words import column_label


@dataclass(frozen=True)
class Preview:
    path: Path
    judgements: list[Judgement]
    counts: Counts
    encoding: str | None


class NoHeader(Exception):
    def __init__(self, missing: tuple[Column, ...]) -> None:
        super().__init__(", ".join(missing))
        self.missing = missing


def prepare(db: CacheDatabase, path: Path) -> Preview:
    """Read, check and look up a file (on a background runner): the preview's content."""
    with cyclic_gc_paused():  # 10,000 rows are some 100,000 objects (outbox_bulk.cyclic_gc_paused)
        return _prepare(db, path)


def _prepare(db: CacheDatabase, path: Path) -> Preview:
    sheet = read_sheet(path)
    header = find_header(sheet.rows)
    if isinstance(header, HeaderMissing):
        raise NoHeader(header.missing)
    rows = data_rows(header, sheet.rows)
    if not rows:
        raise ImportFileError("no_rows")
    numbers = [r.key for r in rows if r.key and r.key_column is Column.ORDER_NUMBER]
    ids = [r.key for r in rows if r.key and r.key_column is Column.INVOICE_ID]
    with db.session() as session:
        found = invoices_for_import(session, numbers, ids)
    judgements = judge(rows, lambda row: found.get(row.key))
    return Preview(path, judgements, count(judgements), sheet.encoding)


def ship_command(judged: Judgement, file_name: str) -> dict[str, Any]:
    """A ready row as the same ``invoice.ship`` command *Record shipment…* queues (API.md)."""
    invoice, row = judged.invoice, judged.row
    assert invoice is not None and row.postage is not None
    shipment = {"carrier": row.carrier, "tracking_number": row.tracking_number, "postage": row.postage.value}
    return {
        "kind": SHIP_KIND,
        "entity": "invoice",
        "entity_id": invoice.id,
        "base_version": invoice.version,  # If-Match: shipped only if nobody changed it meanwhile
        "method": "POST",
        "path": f"/invoices/{invoice.id}/shipment",
        "payload": shipment,
        "summary": {"order_number": invoice.order_number, **shipment, "import_file": file_name, "row": row.line},
    }


def file_error_text(error: BaseException) -> str:
    """Why a file cannot be imported, and what to do, in the user's language."""
    if isinstance(error, NoHeader):
        names = ("、" if is_chinese() else ", ").join(column_label(c) for c in error.missing)
        return QCoreApplication.translate(
            "TrackingImport",
            "The file has no column for %1. Its first row must name the columns: order number (or invoice ID), carrier and tracking number. Download the template to see one.",
        ).replace("%1", names)
    code = error.code if isinstance(error, ImportFileError) else "unreadable"
    if code == "old_excel":
        return QCoreApplication.translate(
            "TrackingImport", "Old Excel files (.xls) cannot be read. Save it as .xlsx or CSV, then import it."
        )
    if code == "encoding":
        return QCoreApplication.translate(
            "TrackingImport",
            "The text encoding of this CSV file is unclear. Save it from Excel as “CSV UTF-8” or as .xlsx, then import it.",
        )
    if code == "empty":
        return QCoreApplication.translate("TrackingImport", "The file is empty.")
    if code == "no_rows":
        return QCoreApplication.translate("TrackingImport", "The file names its columns but has no rows under them.")
    if code == "too_many_rows":
        return QCoreApplication.translate(
            "TrackingImport", "The file has more than %1 rows. Split it into smaller files."
        ).replace("%1", f"{int(error.detail):,}")
    return QCoreApplication.translate(
        "TrackingImport", "This file could not be read. Is it open in another program, or damaged? (%1)"
    ).replace("%1", str(error))
