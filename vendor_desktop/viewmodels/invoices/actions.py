"""Issuing an invoice, recording its shipment and correcting it (R-INV-1, R-INV-4..6).

The dialogs' viewmodels: each checks the form with the domain's rules and says what is wrong
under the field in the user's language, then queues the command in the durable outbox with the
invoice's version (sent as If-Match), so it works offline. The marketplace may still refuse it —
the buyer revoked first (409 INVOICE_STATE): Pending changes and the invoice's detail say so.

R-INV-5 is explained before anything is sent: cash on delivery (到付) is offered only for an
invoice under ¥50.00, and the dialog says why when it is not. A tracking number that does not
look like its carrier's is a warning, never a refusal (couriers change their formats).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Signal

from vendor_desktop.cache.core.outbox import Command
from vendor_desktop.cache.invoices.queries import InvoiceRow
from vendor_desktop.domain.invoices import (
    CARRIER_MAX,
    CARRIERS,
    COD_LIMIT_FEN,
    CORRECTION_REASON_MAX,
    Postage,
    can_correct_shipment,
    can_issue,
    can_ship,
    carrier_ok,
    cod_allowed,
    invoice_code_ok,
    invoice_number_ok,
    looks_like_carriers,
    tracking_number_ok,
)
from vendor_desktop.domain.money import format_fen
from vendor_desktop.domain.roles import Permission
from vendor_desktop.viewmodels.core.commands import CommandQueue
from vendor_desktop.viewmodels.core.labels import carrier_label, invoice_state_label

# The carrier combo's value for a courier not in ``CARRIERS`` (its name is typed).
OTHER = ""


# -- when an action is possible ----------------------------------------------------------------
def _why_not(
    invoice: InvoiceRow | None, permissions: Collection[str], change: Command | None, allowed: bool, select: str
) -> str:
    if Permission.INVOICES_ISSUE.value not in permissions:
        return QCoreApplication.translate(
            "InvoiceActions", "Your role cannot issue or post invoices. Ask the main account, finance or support."
        )
    if invoice is None:
        return select
    if change is not None:
        return QCoreApplication.translate(
            "InvoiceActions",
            "An earlier change of this invoice has not been accepted by the marketplace yet. Wait for it, or settle it in Pending changes.",
        )
    if not allowed:
        return QCoreApplication.translate("InvoiceActions", "Not possible while the invoice is %1.").replace(
            "%1", invoice_state_label(invoice.state or "")
        )
    return ""


def why_cannot_issue(invoice: InvoiceRow | None, permissions: Collection[str], change: Command | None) -> str:
    """Why *Issue…* is disabled ("" when it is enabled): only pending requests are issued (R-INV-1)."""
    allowed = invoice is not None and can_issue(invoice.state or "revoked")
    return _why_not(
        invoice,
        permissions,
        change,
        allowed,
        QCoreApplication.translate("InvoiceActions", "Select a pending invoice first."),
    )


def why_cannot_ship(invoice: InvoiceRow | None, permissions: Collection[str], change: Command | None) -> str:
    """Why *Record shipment…* is disabled: only an issued invoice is posted (R-INV-4)."""
    allowed = invoice is not None and can_ship(invoice.state or "revoked")
    return _why_not(
        invoice,
        permissions,
        change,
        allowed,
        QCoreApplication.translate("InvoiceActions", "Select an issued invoice first."),
    )


def why_cannot_correct(invoice: InvoiceRow | None, permissions: Collection[str], change: Command | None) -> str:
    """Why *Correct shipment…* is disabled: only a shipped invoice's shipment is corrected (R-INV-6)."""
    allowed = invoice is not None and can_correct_shipment(invoice.state or "revoked")
    return _why_not(
        invoice,
        permissions,
        change,
        allowed,
        QCoreApplication.translate("InvoiceActions", "Select a shipped invoice first."),
    )


# -- issue -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class IssueForm:
    invoice_number: str
    invoice_code: str = ""


def _summary(invoice: InvoiceRow, **more: object) -> dict[str, object]:
    return {"order_number": invoice.order_number, "title": invoice.title, "amount_fen": invoice.amount_fen, **more}


class _Action(QObject):
    problems_changed = Signal(dict)  # field → message; empty when the form is fine
    queued = Signal(object)  # ChangeSet of the queued command, once it is on disk
    save_failed = Signal(str)  # it could not be written on this computer: why, in the user's language

    def __init__(self, queue: CommandQueue, invoice: InvoiceRow, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._queue = queue
        self.invoice = invoice

    def _enqueue(self, kind: str, path: str, payload: dict[str, object], summary: dict[str, object]) -> None:
        self._queue.enqueue(
            self.queued.emit,
            self.save_failed.emit,
            kind=kind,
            entity="invoice",
            entity_id=self.invoice.id,
            base_version=self.invoice.version,  # sent as If-Match: the change is about this version
            method="POST",
            path=path,
            payload=payload,
            summary=summary,
        )


class IssueViewModel(_Action):
    """*Issue…*: the invoice number (8–20 digits) and the optional invoice code (10 or 12)."""

    def check(self, form: IssueForm) -> dict[str, str]:
        problems: dict[str, str] = {}
        number = form.invoice_number.strip()
        if not number:
            problems["invoice_number"] = QCoreApplication.translate(
                "InvoiceActions", "Enter the invoice number printed on the invoice."
            )
        elif not invoice_number_ok(number):
            problems["invoice_number"] = QCoreApplication.translate(
                "InvoiceActions", "An invoice number is 8 to 20 digits."
            )
        code = form.invoice_code.strip()
        if code and not invoice_code_ok(code):
            problems["invoice_code"] = QCoreApplication.translate(
                "InvoiceActions", "An invoice code is 10 or 12 digits. Leave it empty if the invoice has none."
            )
        self.problems_changed.emit(problems)
        return problems

    def submit(self, form: IssueForm) -> bool:
        if self.check(form):
            return False
        payload: dict[str, object] = {"invoice_number": form.invoice_number.strip()}
        if code := form.invoice_code.strip():
            payload["invoice_code"] = code
        self._enqueue(
            "invoice.issue",
            f"/invoices/{self.invoice.id}/issue",
            payload,
            _summary(self.invoice, **payload),
        )
        return True


# -- shipment and its correction ---------------------------------------------------------------
@dataclass(frozen=True)
class ShipmentForm:
    carrier: str  # a CARRIERS name, or OTHER with ``other_carrier`` typed
    tracking_number: str
    postage: str = Postage.VENDOR_PAID.value
    other_carrier: str = ""
    reason: str = ""  # a correction's

    @property
    def carrier_name(self) -> str:
        return (self.other_carrier if self.carrier == OTHER else self.carrier).strip()


def carrier_choices() -> list[tuple[str, str]]:
    """(value, label) of the carrier combo: the common couriers, then "Other"."""
    return [
        *((c.name, carrier_label(c.name)) for c in CARRIERS),
        (OTHER, QCoreApplication.translate("InvoiceActions", "Other (type its name)")),
    ]


def cod_rule() -> str:
    """R-INV-5 in a sentence, shown before anything is sent."""
    return QCoreApplication.translate(
        "InvoiceActions", "From %1 you pay the postage (postage paid); below %1 you may send it cash on delivery."
    ).replace("%1", format_fen(COD_LIMIT_FEN))


class ShipmentViewModel(_Action):
    """*Record shipment…* (R-INV-4, R-INV-5), or *Correct shipment…* with a reason (R-INV-6)."""

    def __init__(
        self, queue: CommandQueue, invoice: InvoiceRow, parent: QObject | None = None, *, correction: bool = False
    ) -> None:
        super().__init__(queue, invoice, parent)
        self.correction = correction
        self.reason_limit = CORRECTION_REASON_MAX  # the reason box stops there (R-INV-6)

    @property
    def cod_allowed(self) -> bool:
        # An amount not known here: the vendor pays (the server would refuse 到付 anyway).
        return self.invoice.amount_fen is not None and cod_allowed(self.invoice.amount_fen)

    def why_cod_disabled(self) -> str:
        """Why 到付 cannot be chosen for this invoice ("" when it can), R-INV-5."""
        if self.cod_allowed:
            return ""
        return (
            QCoreApplication.translate(
                "InvoiceActions",
                "Cash on delivery is not possible: this invoice is %1, and from %2 you pay the postage.",
            )
            .replace("%1", format_fen(self.invoice.amount_fen or 0))
            .replace("%2", format_fen(COD_LIMIT_FEN))
        )

    def tracking_warning(self, carrier: str, tracking_number: str) -> str:
        """A warning — not a refusal — when the number does not look like the carrier's usual ones."""
        number = tracking_number.strip()
        if not carrier.strip() or not tracking_number_ok(number) or looks_like_carriers(carrier, number):
            return ""
        return QCoreApplication.translate(
            "InvoiceActions",
            "This does not look like a %1 tracking number. Check it; it is saved as typed if you go on.",
        ).replace("%1", carrier_label(carrier))

    def check(self, form: ShipmentForm) -> dict[str, str]:
        problems: dict[str, str] = {}
        carrier = form.carrier_name
        if form.carrier == OTHER and not carrier:
            problems["carrier"] = QCoreApplication.translate("InvoiceActions", "Enter the carrier's name.")
        elif not carrier_ok(carrier):
            problems["carrier"] = QCoreApplication.translate(
                "InvoiceActions", "Keep the carrier's name to %1 characters."
            ).replace("%1", str(CARRIER_MAX))
        number = form.tracking_number.strip()
        if not number:
            problems["tracking_number"] = QCoreApplication.translate("InvoiceActions", "Enter the tracking number.")
        elif not tracking_number_ok(number):
            problems["tracking_number"] = QCoreApplication.translate(
                "InvoiceActions", "A tracking number is 6 to 40 letters, digits or hyphens."
            )
        if self.correction:
            same = carrier == (self.invoice.carrier or "") and number == (self.invoice.tracking_number or "")
            if same and "carrier" not in problems and "tracking_number" not in problems:
                problems["tracking_number"] = QCoreApplication.translate(
                    "InvoiceActions", "Change the carrier or the tracking number."
                )
            reason = form.reason.strip()
            if not reason:
                problems["reason"] = QCoreApplication.translate(
                    "InvoiceActions", "Say why the shipment is corrected, for the buyer and your colleagues."
                )
            elif len(reason) > CORRECTION_REASON_MAX:
                problems["reason"] = QCoreApplication.translate(
                    "InvoiceActions", "Keep the reason to %1 characters."
                ).replace("%1", str(CORRECTION_REASON_MAX))
        elif form.postage == Postage.COD.value and not self.cod_allowed:
            problems["postage"] = self.why_cod_disabled()
        elif form.postage not in (Postage.VENDOR_PAID.value, Postage.COD.value):
            problems["postage"] = QCoreApplication.translate(
                "InvoiceActions", "Choose postage paid or cash on delivery."
            )
        self.problems_changed.emit(problems)
        return problems

    def submit(self, form: ShipmentForm) -> bool:
        if self.check(form):
            return False
        carrier, number = form.carrier_name, form.tracking_number.strip()
        if self.correction:
            payload: dict[str, object] = {"carrier": carrier, "tracking_number": number, "reason": form.reason.strip()}
            summary = _summary(
                self.invoice,
                **payload,
                old_carrier=self.invoice.carrier,
                old_tracking_number=self.invoice.tracking_number,
            )
            self._enqueue(
                "invoice.correct_shipment", f"/invoices/{self.invoice.id}/shipment-correction", payload, summary
            )
        else:
            payload = {"carrier": carrier, "tracking_number": number, "postage": form.postage}
            self._enqueue(
                "invoice.ship", f"/invoices/{self.invoice.id}/shipment", payload, _summary(self.invoice, **payload)
            )
        return True
