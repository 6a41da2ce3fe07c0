"""The dashboard (工作台): today's numbers at a glance, from the cache."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from vendor_desktop.cache.core.changes import ChangeSet
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.cache.orders.dashboard import DashboardCounts, dashboard_counts
from vendor_desktop.domain.money import format_fen
from vendor_desktop.domain.workdays import SHANGHAI
from vendor_desktop.viewmodels.core.background import BackgroundRunner
from vendor_desktop.viewmodels.core.refresh import Refresher


def shanghai_today() -> dt.date:
    """Business dates are in Asia/Shanghai, wherever the laptop is."""
    return dt.datetime.now(SHANGHAI).date()


class DashboardViewModel(QObject):
    counts_changed = Signal()

    def __init__(
        self, db: CacheDatabase, parent: QObject | None = None, *, reads: BackgroundRunner | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self.counts = DashboardCounts(0, 0, 0, 0, 0, 0, 0)
        reads = reads if reads is not None else BackgroundRunner(self, name="vendor-desktop-reads")
        # Counting scans the whole orders table: after a pull, on the reads runner.
        self._refresh: Refresher[DashboardCounts] = Refresher(reads, self._prepare_reload, self._reloaded)
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
        """Count here and now (at start, and in tests)."""
        self._refresh.supersede()
        self._reloaded(self._prepare_reload()())

    def set_shown(self, shown: bool) -> None:
        """Whether the dashboard is on screen: hidden, a pull only marks the figures stale."""
        self._refresh.set_shown(shown)

    @property
    def refreshing(self) -> bool:
        return self._refresh.busy

    def _prepare_reload(self) -> Callable[[], DashboardCounts]:
        db = self._db

        def load() -> DashboardCounts:
            with db.session() as session:
                return dashboard_counts(session, shanghai_today())

        return load

    def _reloaded(self, counts: DashboardCounts) -> None:
        self.counts = counts
        self.counts_changed.emit()

    def on_data_changed(self, changes: ChangeSet) -> None:
        if set(changes.entities()) & {"order", "message", "listing"}:
            self._refresh.request()
