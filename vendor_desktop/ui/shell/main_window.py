"""The main window: the areas this user may use (``AreaShell``), banners, menus and status bar."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QMessageBox, QSystemTrayIcon, QVBoxLayout, QWidget

from vendor_desktop.ui.core.binding import connect_refresh
from vendor_desktop.ui.core.i18n import MixinPlurals
from vendor_desktop.ui.core.widgets import Retranslating
from vendor_desktop.ui.shell.area_shell import AreaShell
from vendor_desktop.ui.shell.areas import AREAS
from vendor_desktop.ui.shell.menus import MenusMixin
from vendor_desktop.ui.shell.status_bar import StatusBarMixin
from vendor_desktop.viewmodels.core.area_context import AreaContext
from vendor_desktop.viewmodels.core.sync_status import SyncController


class MainWindow(MixinPlurals, MenusMixin, StatusBarMixin, Retranslating, QMainWindow):
    sign_out_requested = Signal()
    language_requested = Signal(str)
    notifications_toggled = Signal(bool)
    about_requested = Signal()

    def __init__(
        self,
        sync: SyncController,
        context: AreaContext,
        *,
        language: str,
        notice: str = "",
        notifications: bool = True,
    ) -> None:
        super().__init__()
        self.sync = sync
        self.account = context.account
        self.notifications = notifications
        self.tray: QSystemTrayIcon | None = None
        self.notification_opens: tuple[str, str | None] = ("messages", None)  # the area a click opens
        # Asked before quitting with unsent changes; tests replace it.
        self.confirm_quit: Callable[[int], bool] = self._ask_quit
        self.resize(1280, 800)

        self.notice = QLabel(notice)
        self.notice.setObjectName("noticeBanner")
        self.notice.setWordWrap(True)
        self.notice.setVisible(bool(notice))
        self._build_status_bar()
        # A change that could not be saved on this computer is said at once, also when no form is
        # open to say it (delist, revoke, discard…); one box, so a burst of failures is one message.
        self.write_failure = QMessageBox(self)
        self.write_failure.setIcon(QMessageBox.Icon.Warning)
        self.write_failure.setStandardButtons(QMessageBox.StandardButton.Ok)

        self.shell = AreaShell(context, self)
        self.shell.view_built.connect(self._view_built)
        for area_id, view in self.shell.views.items():  # the first area, built with the shell
            self._view_built(area_id, view)
        self.nav, self.pages = self.shell.nav, self.shell.pages
        sync.data_changed.connect(context.account.on_data_changed)
        sync.data_changed.connect(self.shell.deliver)

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.nav)
        body.addWidget(self.pages, 1)
        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.banner)
        outer.addWidget(self.notice)
        outer.addLayout(body, 1)
        self.setCentralWidget(central)

        self._build_menus(language)
        connect_refresh(sync.state_changed, self, self._show_connection)
        connect_refresh(sync.last_synced_changed, self, self._show_connection)
        sync.progress_changed.connect(self._show_progress)
        connect_refresh(context.account.changed, self, self._show_user)
        if (changes := self.shell.viewmodels.get("changes")) is not None:
            connect_refresh(changes.changed, self, self._show_pending)
            changes.write_failed.connect(self._show_write_failure)
        if (messages := self.shell.viewmodels.get("messages")) is not None:
            messages.new_orders_arrived.connect(self.notify)
            messages.invoice_requests_arrived.connect(self._notify_invoice_requests)
            # Bound methods, not lambdas: the viewmodel outlives the window, and Qt drops a bound
            # method's connection when the window goes, a lambda's never.
            messages.refund_requests_arrived.connect(self._notify_refund_requests)
            messages.ticket_replies_arrived.connect(self._notify_ticket_replies)
        if (reminder := getattr(self.shell.viewmodels.get("dashboard"), "reminder", None)) is not None:
            reminder.due_next_working_day.connect(self._remind_invoices_due)
        if (refunds := getattr(self.shell.viewmodels.get("dashboard"), "refund_reminder", None)) is not None:
            refunds.due_next_working_day.connect(self._remind_refunds_due)
        self.retranslate()

    # -- areas ---------------------------------------------------------------------------------
    @property
    def area_ids(self) -> list[str]:
        """The areas this user sees, in navigation order."""
        return self.shell.ids

    @property
    def area_pages(self) -> dict[str, QWidget | None]:
        """Area id → its view (None until first shown), in navigation order."""
        return {area_id: self.shell.views.get(area_id) for area_id in self.shell.ids}

    def show_area(self, area_id: str) -> None:
        self.shell.show(area_id)

    def open_area(self, area_id: str, preset: str | None = None) -> None:
        """Show an area with its list already filtered (``preset``: the view's ``show_preset``)."""
        self.shell.open_area(area_id, preset)

    def view(self, area_id: str) -> QWidget | None:
        return self.shell.view(area_id)

    def viewmodel(self, area_id: str) -> Any:
        return self.shell.viewmodels.get(area_id)

    def __getattr__(self, name: str) -> Any:
        # ``window.orders_view`` / ``window.orders_vm`` for every area (None when not shown to
        # this user): what tests and tools reach for, with no attribute per area to keep.
        shell = self.__dict__.get("shell")
        if shell is not None:
            area_id, _, kind = name.rpartition("_")
            if kind in ("view", "vm") and any(a.id == area_id for a in AREAS):
                return shell.view(area_id) if kind == "view" else shell.viewmodels.get(area_id)
        raise AttributeError(name)

    def _view_built(self, _area_id: str, view: QWidget) -> None:
        status_message = getattr(view, "status_message", None)
        if status_message is not None:
            status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))

    # -- notifications (R-ORD-2, issue 12) -------------------------------------------------------
    def notify(self, title: str, body: str, area: str = "messages", preset: str | None = None) -> bool:
        """A desktop notification while the window is not in front (if wanted); clicking it opens
        ``area`` filtered by ``preset``."""
        if not self.notifications or self.isActiveWindow():
            return False
        self.notification_opens = (area, preset)
        if self.tray is None and QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(self.windowIcon(), self)
            self.tray.messageClicked.connect(self._bring_to_front)
            self.tray.show()
        self.last_notification = (title, body)
        if self.tray is not None:
            self.tray.showMessage(title, body, QSystemTrayIcon.MessageIcon.Information, 8000)
        return True

    def _notify_invoice_requests(self, title: str, body: str) -> None:
        self.notify(title, body, "invoices", "pending")

    def _notify_refund_requests(self, title: str, body: str) -> None:
        self.notify(title, body, "refunds")

    def _notify_ticket_replies(self, title: str, body: str) -> None:
        self.notify(title, body, "tickets")

    def _remind_invoices_due(self, title: str, body: str) -> None:
        # Reminded once shown; in front, the Workbench says it and the next look offers it again.
        if self.notify(title, body, "invoices", "due_soon"):
            self.shell.viewmodels["dashboard"].reminder.remember()

    def _remind_refunds_due(self, title: str, body: str) -> None:
        # R-REF-4, as the invoice reminder: remembered once it was shown.
        if self.notify(title, body, "refunds", "requested"):
            self.shell.viewmodels["dashboard"].refund_reminder.remember()

    def _bring_to_front(self) -> None:
        self.open_area(*self.notification_opens)
        self.showNormal()
        self.raise_()
        self.activateWindow()

    # -- words ---------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self._retranslate_menus()
        self.shell.label()
        self._retranslate_status()

    def _show_write_failure(self, message: str, shown_in_form: bool) -> None:
        self.statusBar().showMessage(message, 15_000)
        if shown_in_form:  # the form that asked is still open and says it there
            return
        self.write_failure.setWindowTitle(self.tr("Change not saved"))
        self.write_failure.setText(message)
        self.write_failure.open()

    # -- quitting --------------------------------------------------------------------------------
    def _ask_quit(self, unsent: int) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Changes not sent yet"),
            self.tr(
                "%n changes have not reached the marketplace yet. They are kept on this computer and sent the next time you start Vendor Center. Quit now?",
                "",
                unsent,
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def closeEvent(self, event: QCloseEvent) -> None:
        changes = self.shell.viewmodels.get("changes")
        unsent = changes.unsent if changes is not None else 0  # still on their way to the outbox too
        if unsent and not self.confirm_quit(unsent):
            event.ignore()
            return
        self.stop()
        super().closeEvent(event)

    def stop(self) -> None:
        """Nothing of this window's session runs on: no syncing, no reminders, no tray icon."""
        self.sync.stop()
        if (reminder := getattr(self.shell.viewmodels.get("dashboard"), "reminder", None)) is not None:
            reminder.stop()  # its viewmodel outlives the window; the session's cache is closing
        if (refunds := getattr(self.shell.viewmodels.get("dashboard"), "refund_reminder", None)) is not None:
            refunds.stop()
        if self.tray is not None:
            self.tray.hide()
