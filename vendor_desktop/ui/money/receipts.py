"""Printing a deposit receipt (缴纳凭证, R-DEP-6) or saving it as PDF, with Qt: the receipt's words
laid out by ``QTextDocument``, printed through ``QPrinter`` or written by ``QPdfWriter``."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF
from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtPrintSupport import QPrinter

from vendor_desktop.viewmodels.money.receipt import Receipt

RESOLUTION = 300  # dpi of the PDF's layout: sharp text whatever the viewer's zoom


def receipt_document(receipt: Receipt) -> QTextDocument:
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setHtml(receipt.html())
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, receipt.title)
    return document


def _lay_out(device: QPagedPaintDevice) -> None:
    device.setPageLayout(
        QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(20, 20, 20, 20))
    )


def save_receipt_pdf(receipt: Receipt, path: str) -> None:
    """The receipt as a one-page A4 PDF at ``path``; its title names the receipt number.

    Laid out in memory, then written by Python: ``QPdfWriter`` given a path it cannot open only
    logs a warning, while this raises ``OSError`` for the caller to report (a few kilobytes)."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setTitle(f"{receipt.title} {receipt.receipt_number}")
    writer.setCreator("Vendor Center")
    _lay_out(writer)
    receipt_document(receipt).print_(writer)
    del writer  # ends the PDF in the buffer
    Path(path).write_bytes(bytes(buffer.data().data()))


def print_receipt(receipt: Receipt, printer: QPrinter) -> None:
    """The receipt on a printer the user chose (``QPrintDialog``)."""
    printer.setDocName(f"{receipt.title} {receipt.receipt_number}")
    receipt_document(receipt).print_(printer)
