"""Quick ranges of business dates (今天 · 近 7 天 · 近 30 天), in Beijing days (R-ORD-2): the Orders
filter's ranges, and "today" for Invoices' due dates (R-INV-3).

Business dates are Asia/Shanghai dates wherever the computer is (GLOSSARY "time zone"): "today"
is today in Beijing, and "last 7 days" is today and the six days before it, as Qianniu and the
marketplace console count them.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from PySide6.QtCore import QCoreApplication

from vendor_desktop.domain.workdays import SHANGHAI


class QuickRange(StrEnum):
    TODAY = "today"
    LAST_7_DAYS = "last_7_days"
    LAST_30_DAYS = "last_30_days"


_DAYS = {QuickRange.TODAY: 1, QuickRange.LAST_7_DAYS: 7, QuickRange.LAST_30_DAYS: 30}


def beijing_today(now: dt.datetime | None = None) -> dt.date:
    """Today's date in Beijing (the computer may keep another zone)."""
    return (now or dt.datetime.now(dt.UTC)).astimezone(SHANGHAI).date()


def quick_range(which: QuickRange | str, today: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last day (both inclusive) of ``which``, ending ``today``."""
    return today - dt.timedelta(days=_DAYS[QuickRange(which)] - 1), today


def matching_quick_range(date_from: dt.date | None, date_to: dt.date | None, today: dt.date) -> QuickRange | None:
    """The quick range these dates are, if any (the user may also have picked them by hand)."""
    for which in QuickRange:
        if (date_from, date_to) == quick_range(which, today):
            return which
    return None


def quick_range_label(which: QuickRange | str) -> str:
    names = {
        QuickRange.TODAY: QCoreApplication.translate("OrdersViewModel", "Today"),
        QuickRange.LAST_7_DAYS: QCoreApplication.translate("OrdersViewModel", "Last 7 days"),
        QuickRange.LAST_30_DAYS: QCoreApplication.translate("OrdersViewModel", "Last 30 days"),
    }
    return names[QuickRange(which)]
