"""Who is signed in, for which vendor (账户信息): shown in the status bar and on the dashboard.

R-ACC-3: the vendor's account ID (账号 ID) is its identity, shown in the app.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from vendor_desktop.cache.core.changes import ChangeSet
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.cache.messages.queries import vendor_profile
from vendor_desktop.sync.client import SignedInUser
from vendor_desktop.viewmodels.core.background import BackgroundRunner
from vendor_desktop.viewmodels.core.labels import role_label
from vendor_desktop.viewmodels.core.refresh import Refresher


class AccountViewModel(QObject):
    changed = Signal()

    def __init__(
        self,
        db: CacheDatabase,
        user: SignedInUser,
        parent: QObject | None = None,
        *,
        reads: BackgroundRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self.user = user
        self.company = ""
        reads = reads if reads is not None else BackgroundRunner(self, name="vendor-desktop-reads")
        # Shown in the status bar and on the dashboard: never hidden, so never stale.
        self._refresh: Refresher[dict[str, Any]] = Refresher(reads, self._prepare_reload, self._reloaded)
        self.refresh()

    def refresh(self) -> None:
        """Read the profile here and now (at start)."""
        self._refresh.supersede()
        self._reloaded(self._prepare_reload()())

    def _prepare_reload(self) -> Callable[[], dict[str, Any]]:
        db = self._db

        def load() -> dict[str, Any]:
            with db.session() as session:
                return vendor_profile(session) or {}

        return load

    def _reloaded(self, profile: dict[str, Any]) -> None:
        self.company = str(profile.get("company_name") or "")
        self.changed.emit()

    def user_text(self) -> str:
        """'孙丽 · 主账号 · 2386…' — the person, their role, and the vendor account."""
        return " · ".join([self.user.display_name, role_label(self.user.role), self.user.account_id])

    def account_text(self) -> str:
        account = QCoreApplication.translate("AccountViewModel", "Account ID %1").replace("%1", self.user.account_id)
        return " · ".join(part for part in (self.company, account) if part)

    def on_data_changed(self, changes: ChangeSet) -> None:
        if "vendor_profile" in changes.entities():
            self._refresh.request()
