"""The desktop reminder the working day before a refund request's decide-by date (R-REF-4):
the vendor decides within 3 working days of the request, and the day before the last one the app
says so once (``reminder.DayBeforeReminder``), for the roles that read refunds (SPEC §11)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from vendor_desktop.cache.orders.dashboard import DueRefund, refunds_due_next_working_day
from vendor_desktop.viewmodels.dashboard.reminder import DayBeforeReminder, named


class RefundReminder(DayBeforeReminder):
    @staticmethod
    def look(session: Session, today: dt.date) -> list[DueRefund]:
        return refunds_due_next_working_day(session, today)

    def words(self, fresh: list[DueRefund]) -> tuple[str, str]:
        count = len(fresh)  # lupdate skips a call whose count is a call
        title = self.tr("%n refund requests must be decided by the next working day", "", count)
        decide_by = min(d.decide_by for d in fresh).isoformat()
        if count == 1:
            body = self.tr("Order %1: approve, refuse or refund part of it by %2.")
        else:
            body = self.tr("Orders %1: decide the refunds by %2.")
        return title, body.replace("%1", named([d.order_number for d in fresh])).replace("%2", decide_by)
