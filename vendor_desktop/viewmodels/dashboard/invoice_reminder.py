"""The desktop reminder the working day before an invoice falls due (issue 12, R-INV-3).

The vendor must issue within 10 working days of the request; the day before the last one, the
app says so once (``reminder.DayBeforeReminder``: when it looks, and once per invoice per day).
The query is ``cache.invoices.dashboard``; the rule is ``domain.invoices.is_working_day_before``.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from vendor_desktop.cache.invoices.dashboard import DueInvoice, invoices_due_next_working_day
from vendor_desktop.viewmodels.dashboard.reminder import DayBeforeReminder, RemindedToday, named

__all__ = ["InvoiceReminder", "RemindedToday"]


class InvoiceReminder(DayBeforeReminder):
    @staticmethod
    def look(session: Session, today: dt.date) -> list[DueInvoice]:
        return invoices_due_next_working_day(session, today)

    def words(self, fresh: list[DueInvoice]) -> tuple[str, str]:
        count = len(fresh)  # lupdate skips a call whose count is a call
        title = self.tr("%n invoices are due on the next working day", "", count)
        due_date = min(d.due_date for d in fresh).isoformat()
        if count == 1:
            body = self.tr("Order %1: issue the invoice by %2.")
        else:
            body = self.tr("Orders %1: issue the invoices by %2.")
        return title, body.replace("%1", named([d.order_number for d in fresh])).replace("%2", due_date)
