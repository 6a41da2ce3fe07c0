"""The main window's status bar and offline banner: connection, last sync, progress, Sync now,
the pending-changes count and who is signed in."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton

from vendor_desktop.viewmodels.core.labels import business_time
from vendor_desktop.viewmodels.core.sync_status import Connection

if TYPE_CHECKING:
    from vendor_desktop.ui.shell.main_window import MainWindow

    _Base = MainWindow
else:
    _Base = object


class StatusBarMixin(_Base):
    """Mixed into ``MainWindow``: builds and words its status bar and banner."""

    def _build_status_bar(self) -> None:
        self.banner = QLabel()
        self.banner.setObjectName("offlineBanner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.connection = QLabel()
        self.connection.setObjectName("connection")
        self.last_sync = QLabel()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.progress_text = QLabel()
        self.sync_button = QPushButton()
        self.sync_button.setFlat(True)
        self.sync_button.clicked.connect(self.sync.sync_now)
        self.user_label = QLabel()
        self.pending_button = QPushButton()
        self.pending_button.setObjectName("pendingChanges")
        self.pending_button.setFlat(True)
        self.pending_button.hide()
        self.pending_button.clicked.connect(lambda: self.show_area("changes"))
        bar = self.statusBar()
        bar.addWidget(self.connection)
        bar.addWidget(self.last_sync)
        bar.addWidget(self.progress)
        bar.addWidget(self.progress_text)
        bar.addPermanentWidget(self.pending_button)
        bar.addPermanentWidget(self.user_label)
        bar.addPermanentWidget(self.sync_button)

    def _retranslate_status(self) -> None:
        self.sync_button.setText(self.tr("Sync now (F5)"))
        self._show_pending()
        self._show_connection()
        self._show_user()

    def _show_connection(self) -> None:
        state = self.sync.state
        texts = {
            Connection.CONNECTING: self.tr("● Connecting…"),
            Connection.ONLINE: self.tr("● Online"),
            Connection.OFFLINE: self.tr("● Offline"),
            Connection.SYNCING: self.tr("● Syncing…"),
            Connection.ERROR: self.tr("● Sync error"),
        }
        self.connection.setText(texts[state])
        self.connection.setProperty("state", state.value)
        self.connection.style().unpolish(self.connection)
        self.connection.style().polish(self.connection)
        if state == Connection.ERROR and self.sync.error_text:
            self.connection.setToolTip(self.sync.error_text)
        syncing = state == Connection.SYNCING
        self.progress.setVisible(syncing)
        self.progress_text.setVisible(syncing)
        last = self.sync.last_synced
        when = self._when(last) if last else self.tr("never")
        self.last_sync.setText(self.tr("Last synced: %1").replace("%1", when))
        offline = state == Connection.OFFLINE
        self.banner.setVisible(offline)
        if offline:
            self.banner.setText(
                self.tr(
                    "Offline — you are looking at the orders saved on this computer (last synced %1). Vendor Center reconnects by itself and syncs as soon as the marketplace can be reached."
                ).replace("%1", when)
            )
        elif state == Connection.ERROR and self.sync.error_text:
            self.banner.setText(self.sync.error_text)
            self.banner.show()

    def _show_progress(self, applied: int) -> None:
        self.progress_text.setText(self.tr("%Ln updates received", "", applied))

    def _when(self, moment: dt.datetime) -> str:
        # The tables' Beijing time and format, not the computer's zone and locale (GLOSSARY).
        return business_time(moment)

    def _show_pending(self) -> None:
        vm = self.shell.viewmodels.get("changes")
        if vm is None:  # a role without the Pending changes area
            self.pending_button.hide()
            return
        if vm.rejected_count:
            text = self.tr("%n changes not accepted", "", vm.rejected_count)
        elif vm.open_count:
            text = self.tr("%n changes waiting to send", "", vm.open_count)
        else:
            text = ""
        self.pending_button.setText(text)
        self.pending_button.setVisible(bool(text))
        self.pending_button.setProperty("rejected", bool(vm.rejected_count))
        self.pending_button.style().unpolish(self.pending_button)
        self.pending_button.style().polish(self.pending_button)

    def _show_user(self) -> None:
        self.user_label.setText(self.account.user_text())
        company = self.account.company
        title = self.tr("Vendor Center")
        self.setWindowTitle(f"{company} — {title}" if company else title)
