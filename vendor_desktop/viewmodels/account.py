"""Who is signed in, for which vendor (账户信息): shown in the status bar and on the dashboard.

R-ACC-3: the vendor's account ID (帐号 ID) is its identity, shown in the app.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal

from vendor_desktop.cache.changes import ChangeSet
from vendor_desktop.cache.database import CacheDatabase
from vendor_desktop.cache.messages import vendor_profile
from vendor_desktop.sync.client import SignedInUser

from .labels import role_label


class AccountViewModel(QObject):
    changed = Signal()

    def __init__(self, db: CacheDatabase, user: SignedInUser, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.user = user
        self.company = ""
        self.refresh()

    def refresh(self) -> None:
        with self._db.session() as session:
            profile = vendor_profile(session) or {}
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
            self.refresh()
