"""The Workbench's invoice numbers (工作台), counted in SQL over the cache, and the invoices to
remind the user of the working day before they fall due (issue 12, R-INV-3).

Due dates are Beijing dates stored as ``YYYY-MM-DD`` (``invoices.due_date``), so a date range is
a string range the ``ix_invoices_state (state, due_date)`` index answers. The working-day bounds
come from the domain's calendar (holidays and make-up days), computed once per count, not per row:

- overdue: pending and ``due_date < today`` (``domain.invoices.is_overdue``);
- due within two working days: pending, not overdue, and ``working_days_left(today, due) <= 2``,
  which is ``today <= due_date < add_working_days(today, 3)`` — the first date with three
  working days left. A due date on a holiday right after the second working day still has two
  left, so the bound is the third working day, not the second.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from vendor_desktop.cache.core.models import Invoice
from vendor_desktop.domain.invoices import InvoiceState, is_working_day_before
from vendor_desktop.domain.workdays import add_working_days

#: "Due soon" on the Workbench: due within this many working days (issue 12).
DUE_SOON_WORKING_DAYS = 2

_PENDING = InvoiceState.PENDING.value


@dataclass(frozen=True)
class InvoiceCounts:
    pending: int = 0  # 待处理: every request not yet issued, overdue ones too
    overdue: int = 0  # pending past its due date (R-INV-3): needs the user now
    due_soon: int = 0  # pending, not overdue, due within two working days


def due_soon_bound(today: dt.date, within: int = DUE_SOON_WORKING_DAYS) -> dt.date:
    """The first due date that is NOT "due within ``within`` working days" of ``today``."""
    return add_working_days(today, within + 1).date


def invoice_counts(session: Session, today: dt.date) -> InvoiceCounts:
    """``today`` is the business (Beijing) date."""
    day, bound = today.isoformat(), due_soon_bound(today).isoformat()
    pending, overdue, due_soon = session.execute(
        select(
            func.count(),
            func.count().filter(Invoice.due_date < day),
            func.count().filter(Invoice.due_date >= day, Invoice.due_date < bound),
        )
        .select_from(Invoice)
        .where(Invoice.state == _PENDING)
    ).one()
    return InvoiceCounts(pending=pending, overdue=overdue, due_soon=due_soon)


@dataclass(frozen=True)
class DueInvoice:
    """A pending invoice to remind the user of: what the notification names."""

    id: str
    order_number: str
    due_date: dt.date


def invoices_due_next_working_day(session: Session, today: dt.date) -> list[DueInvoice]:
    """Pending invoices whose due date is the next working day, when ``today`` is the working
    day before it (``domain.invoices.is_working_day_before``); earliest due first.

    SQL narrows to the dates after today and before the second working day; the domain rule
    decides, so the reminder and the rule can never disagree."""
    upper = add_working_days(today, 2).date.isoformat()
    rows = session.execute(
        select(Invoice.id, Invoice.order_number, Invoice.due_date)
        .where(Invoice.state == _PENDING, Invoice.due_date > today.isoformat(), Invoice.due_date < upper)
        .order_by(Invoice.due_date, Invoice.requested_ts, Invoice.id)
    ).all()
    due = [DueInvoice(r.id, r.order_number or "", dt.date.fromisoformat(r.due_date)) for r in rows]
    return [d for d in due if is_working_day_before(today, d.due_date)]
