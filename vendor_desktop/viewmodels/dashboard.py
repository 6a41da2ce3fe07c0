"""The dashboard (工作台): today's numbers at a glance, from the cache."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, Signal

from vendor_desktop.cache.changes import ChangeSet
from vendor_desktop.cache.dashboard import DashboardCounts, dashboard_counts
from vendor_desktop.cache.database import CacheDatabase
from vendor_desktop.domain.money import format_fen
from vendor_desktop.domain.workdays import SHANGHAI


def shanghai_today() -> dt.date:
    """Business dates are in Asia/Shanghai, wherever the laptop is."""
    return dt.datetime.now(SHANGHAI).date()


class DashboardViewModel(QObject):
    counts_changed = Signal()

    def __init__(self, db: CacheDatabase, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.counts = DashboardCounts(0, 0, 0, 0, 0, 0, 0)
        self.refresh()

    def figures(self) -> dict[str, str]:
        """Each card's figure, formatted for display (money as ¥1,234.50)."""
        c = self.counts
        return {
            "unpaid": f"{c.unpaid_orders:,}",
            "today": f"{c.today_orders:,}",
            "revenue": format_fen(c.today_revenue_fen),
            "delivering": f"{c.delivering_orders:,}",
            "unread": f"{c.unread_messages:,}",
            "on_sale": f"{c.listings_on_sale:,}",
        }

    def refresh(self) -> None:
        with self._db.session() as session:
            self.counts = dashboard_counts(session, shanghai_today())
        self.counts_changed.emit()

    def on_data_changed(self, changes: ChangeSet) -> None:
        if set(changes.entities()) & {"order", "message", "listing"}:
            self.refresh()
