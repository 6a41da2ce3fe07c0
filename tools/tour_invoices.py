"""The Invoices screens of the tour (tools/tour.py): the page with a pending request selected, and
its three dialogs — *Issue…* with a message under the field, *Record shipment…* for the largest
issued invoice (from ¥50.00 the dialog says why cash on delivery is off, R-INV-5) and *Correct
shipment…* of a shipped one."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

AMOUNT, DUE = 3, 5  # columns of the invoice list (viewmodels/invoices/export.py COLUMNS)


def invoices_page(tour: Any) -> QWidget:
    """The request queue by due date (overdue on top of the pending ones), one selected."""
    invoices = tour.show_area("invoices")
    invoices.clear_filters()
    row = tour.first_row(invoices.vm.model, lambda line: line.invoice.state == "pending")
    tour.select_row(invoices.table, row, lambda: invoices.vm.selected is not None)
    return tour.window


def _invoice_dialog(state: str, open_: Callable[[Any], QWidget]) -> Callable[[Any], QWidget]:
    def opened(tour: Any) -> QWidget:
        invoices = tour.show_area("invoices")
        invoices.clear_filters()
        invoices.state.setCurrentIndex(invoices.state.findData(state))
        # The largest amount first: from ¥50.00 the shipment dialog says why 到付 is off (R-INV-5).
        invoices.vm.model.sort(AMOUNT, Qt.SortOrder.DescendingOrder)
        tour.select_row(invoices.table, 0, lambda: invoices.vm.selected is not None)
        return open_(invoices)

    return opened


def _issue_with_a_short_number(view: Any) -> QWidget:
    dialog = view.open_issue()
    dialog.invoice_number.setText("1234567")  # one digit short: the message shows under the field
    dialog.submit()
    return dialog


def close_invoice_dialog(tour: Any, dialog: QWidget) -> None:
    dialog.reject()  # type: ignore[attr-defined]
    tour.window.invoices_view.clear_filters()
    tour.window.invoices_view.vm.model.sort(DUE, Qt.SortOrder.AscendingOrder)  # by due date again


def invoice_dialogs() -> Iterator[tuple[str, Callable[[Any], QWidget]]]:
    yield "invoice-issue-dialog", _invoice_dialog("pending", _issue_with_a_short_number)
    yield "invoice-shipment-dialog", _invoice_dialog("issued", lambda view: view.open_shipment())
    yield "invoice-correction-dialog", _invoice_dialog("shipped", lambda view: view.open_shipment(correction=True))
