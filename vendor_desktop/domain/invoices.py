"""Invoices (发票管理), SPEC §6: states (R-INV-1/2), the due date (R-INV-3), the shipment's
fields (R-INV-4) and the postage rule (R-INV-5). Shared by the sandbox, which enforces them, and
the app, which explains them before anything is sent.

The vendor issues every invoice itself, on paper, and posts it; the carrier is free text on the
server (1–20 characters); the app offers the common Chinese couriers (``CARRIERS``) and warns,
without refusing, when a tracking number does not look like its carrier's usual format.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

from .workdays import SHANGHAI, WorkingDate, add_working_days, is_working_day


class InvoiceState(StrEnum):
    PENDING = "pending"  # 待处理: the buyer asked, the vendor has not issued yet
    ISSUED = "issued"  # 已开票
    SHIPPED = "shipped"  # 已寄出
    REVOKED = "revoked"  # 已撤销: the buyer cancelled while pending (R-INV-2)


#: Each state's name (English, Chinese) as GLOSSARY.md fixes it, for the marketplace's messages.
STATE_NAMES: dict[str, tuple[str, str]] = {
    InvoiceState.PENDING: ("Pending", "待处理"),
    InvoiceState.ISSUED: ("Issued", "已开票"),
    InvoiceState.SHIPPED: ("Shipped", "已寄出"),
    InvoiceState.REVOKED: ("Revoked by buyer", "已撤销"),
}

# R-INV-1: pending → issued → shipped; pending → revoked.
TRANSITIONS: dict[InvoiceState, frozenset[InvoiceState]] = {
    InvoiceState.PENDING: frozenset({InvoiceState.ISSUED, InvoiceState.REVOKED}),
    InvoiceState.ISSUED: frozenset({InvoiceState.SHIPPED}),
    InvoiceState.SHIPPED: frozenset(),
    InvoiceState.REVOKED: frozenset(),
}


def can_transition(current: InvoiceState | str, target: InvoiceState | str) -> bool:
    return InvoiceState(target) in TRANSITIONS[InvoiceState(current)]


def can_issue(state: InvoiceState | str) -> bool:
    return InvoiceState(state) is InvoiceState.PENDING


def can_ship(state: InvoiceState | str) -> bool:
    return InvoiceState(state) is InvoiceState.ISSUED


def can_correct_shipment(state: InvoiceState | str) -> bool:
    """R-INV-6: a shipped invoice's carrier or tracking number may be replaced (with a reason)."""
    return InvoiceState(state) is InvoiceState.SHIPPED


def can_revoke(state: InvoiceState | str) -> bool:
    """R-INV-2: the buyer may revoke only while pending."""
    return InvoiceState(state) is InvoiceState.PENDING


class InvoiceType(StrEnum):
    ORDINARY = "ordinary"  # 增值税普通发票
    SPECIAL = "special"  # 增值税专用发票


TYPE_NAMES: dict[str, tuple[str, str]] = {
    InvoiceType.ORDINARY: ("VAT ordinary invoice", "增值税普通发票"),
    InvoiceType.SPECIAL: ("VAT special invoice", "增值税专用发票"),
}


class Postage(StrEnum):
    VENDOR_PAID = "vendor_paid"  # 寄付
    COD = "cod"  # 到付


#: R-INV-5: from ¥50.00 the vendor pays the postage; below it may ship cash on delivery.
COD_LIMIT_FEN = 5000


def cod_allowed(amount_fen: int) -> bool:
    """R-INV-5: whether an invoice of ``amount_fen`` may be posted cash on delivery (到付)."""
    return amount_fen < COD_LIMIT_FEN


# -- the due date, R-INV-3 ---------------------------------------------------------------------
ISSUE_WITHIN_WORKING_DAYS = 10


def due_date(requested_at: dt.datetime) -> WorkingDate:
    """R-INV-3: the last day to issue: 10 Chinese working days after the request's Beijing date."""
    return add_working_days(requested_at.astimezone(SHANGHAI).date(), ISSUE_WITHIN_WORKING_DAYS)


def is_overdue(state: InvoiceState | str, due: dt.date, today: dt.date) -> bool:
    """R-INV-3: a request not issued by the end of its due date is overdue."""
    return InvoiceState(state) is InvoiceState.PENDING and today > due


def working_days_left(today: dt.date, due: dt.date) -> int:
    """Working days from ``today`` (not counted) to ``due`` (counted); 0 when due today or past.

    "Due within 2 working days" is ``0 <= working_days_left(today, due) <= 2`` and not overdue.
    """
    left, day = 0, today
    while day < due:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            left += 1
    return left


# -- the fields of issue and shipment (API.md), checked by the server, explained by the app ----
INVOICE_NUMBER = re.compile(r"[0-9]{8,20}")
INVOICE_CODE = re.compile(r"[0-9]{10}|[0-9]{12}")
TRACKING_NUMBER = re.compile(r"[A-Za-z0-9-]{6,40}")
CARRIER_MAX = 20
CORRECTION_REASON_MAX = 200


def invoice_number_ok(text: str) -> bool:
    """发票号码: 8–20 digits."""
    return INVOICE_NUMBER.fullmatch(text) is not None


def invoice_code_ok(text: str) -> bool:
    """发票代码 (optional): 10 or 12 digits."""
    return INVOICE_CODE.fullmatch(text) is not None


def tracking_number_ok(text: str) -> bool:
    """快递单号: 6–40 letters, digits or hyphens."""
    return TRACKING_NUMBER.fullmatch(text) is not None


def carrier_ok(text: str) -> bool:
    """快递公司: free text of 1–20 characters (after trimming)."""
    return 1 <= len(text.strip()) <= CARRIER_MAX


@dataclass(frozen=True, slots=True)
class Carrier:
    """A common courier: the name the buyer sees (stored as ``carrier``), its English name, and
    its tracking numbers' usual shape (a warning when a number does not match, never a refusal:
    couriers change formats)."""

    name: str
    name_en: str
    usual: re.Pattern[str]


#: The common Chinese couriers the app offers (issue 12); anything else is "other", typed.
CARRIERS: tuple[Carrier, ...] = (
    Carrier("顺丰", "SF Express", re.compile(r"SF[0-9]{12,13}", re.I)),
    Carrier("EMS", "EMS", re.compile(r"[A-Z]{2}[0-9]{9}[A-Z]{2}|1[0-9]{12}", re.I)),
    Carrier("中通", "ZTO Express", re.compile(r"(7[0-9]|5[0-9]|6[0-9])[0-9]{10,13}")),
    Carrier("圆通", "YTO Express", re.compile(r"YT[0-9]{13,15}", re.I)),
    Carrier("申通", "STO Express", re.compile(r"77[0-9]{10,13}")),
    Carrier("韵达", "Yunda Express", re.compile(r"(3|4)[0-9]{12,14}")),
    Carrier("京东", "JD Logistics", re.compile(r"JD[A-Z0-9]{11,13}", re.I)),
    Carrier("极兔", "J&T Express", re.compile(r"JT[0-9]{13}", re.I)),
)


def carrier_named(text: str) -> Carrier | None:
    """The common courier called ``text`` (its Chinese or English name), else None."""
    wanted = text.strip().casefold()
    return next((c for c in CARRIERS if wanted in (c.name.casefold(), c.name_en.casefold())), None)


def looks_like_carriers(carrier: str, tracking_number: str) -> bool:
    """Whether ``tracking_number`` has the usual shape of ``carrier``'s numbers (True for a
    carrier the app does not know: nothing to compare with)."""
    known = carrier_named(carrier)
    return known is None or known.usual.fullmatch(tracking_number.strip()) is not None


def is_working_day_before(today: dt.date, due: dt.date) -> bool:
    """Whether ``today`` is the last working day before ``due`` (the day to remind, issue 12)."""
    return today < due and working_days_left(today, due) == 1 and is_working_day(today)
