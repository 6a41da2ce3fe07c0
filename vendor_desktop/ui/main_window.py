"""The main window: navigation, the areas built so far, an offline banner and the status bar."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from vendor_desktop.viewmodels.account import AccountViewModel
from vendor_desktop.viewmodels.changes import ChangesViewModel
from vendor_desktop.viewmodels.dashboard import DashboardViewModel
from vendor_desktop.viewmodels.discounts import DiscountsViewModel
from vendor_desktop.viewmodels.listings import ListingsViewModel
from vendor_desktop.viewmodels.messages import MessagesViewModel
from vendor_desktop.viewmodels.orders import OrdersViewModel
from vendor_desktop.viewmodels.sync_status import Connection, SyncController

from .binding import connect_refresh
from .changes_view import ChangesView
from .dashboard_view import DashboardView
from .discounts_view import DiscountsView
from .i18n import LANGUAGES
from .listings_view import ListingsView
from .messages_view import MessagesView
from .orders_view import OrdersView
from .widgets import Retranslating


@dataclass
class Areas:
    """The viewmodels of the areas that work for this user (a role without discounts has none)."""

    account: AccountViewModel
    dashboard: DashboardViewModel
    orders: OrdersViewModel
    messages: MessagesViewModel
    changes: ChangesViewModel
    discounts: DiscountsViewModel | None = None
    listings: ListingsViewModel | None = None


class MainWindow(Retranslating, QMainWindow):
    sign_out_requested = Signal()
    language_requested = Signal(str)
    notifications_toggled = Signal(bool)
    about_requested = Signal()

    def __init__(
        self,
        sync: SyncController,
        areas: Areas,
        *,
        language: str,
        notice: str = "",
        notifications: bool = True,
    ) -> None:
        super().__init__()
        self.sync = sync
        self.orders_vm = areas.orders
        self.messages_vm = areas.messages
        self.changes_vm = areas.changes
        self.account = areas.account
        self.notifications = notifications
        self.tray: QSystemTrayIcon | None = None
        #: Asked before quitting with unsent changes; tests replace it.
        self.confirm_quit: Callable[[int], bool] = self._ask_quit
        self.resize(1280, 800)

        self.banner = QLabel()
        self.banner.setObjectName("offlineBanner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.notice = QLabel(notice)
        self.notice.setObjectName("noticeBanner")
        self.notice.setWordWrap(True)
        self.notice.setVisible(bool(notice))

        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setFixedWidth(196)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.pages = QStackedWidget()
        self.dashboard_view = DashboardView(areas.dashboard, areas.account)
        self.orders_view = OrdersView(areas.orders)
        self.discounts_view = DiscountsView(areas.discounts) if areas.discounts is not None else None
        self.listings_view = ListingsView(areas.listings) if areas.listings is not None else None
        self.messages_view = MessagesView(areas.messages)
        self.changes_view = ChangesView(areas.changes)
        self.area_pages: dict[str, QWidget] = {"dashboard": self.dashboard_view, "orders": self.orders_view}
        if self.listings_view is not None:
            self.area_pages["listings"] = self.listings_view
        if self.discounts_view is not None:  # only areas that work for this role appear
            self.area_pages["discounts"] = self.discounts_view
        self.area_pages["messages"] = self.messages_view
        self.area_pages["changes"] = self.changes_view
        for page in self.area_pages.values():
            self.pages.addWidget(page)
            self.nav.addItem(QListWidgetItem())
        self.nav.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.show_area("orders")  # what a vendor opens the app for

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

        # Status bar: connection, last sync, progress, Sync now, who is signed in.
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
        self.sync_button.clicked.connect(sync.sync_now)
        self.user_label = QLabel()
        self.pending_button = QPushButton()
        self.pending_button.setObjectName("pendingChanges")
        self.pending_button.setFlat(True)
        self.pending_button.clicked.connect(lambda: self.show_area("changes"))
        bar = self.statusBar()
        bar.addWidget(self.connection)
        bar.addWidget(self.last_sync)
        bar.addWidget(self.progress)
        bar.addWidget(self.progress_text)
        bar.addPermanentWidget(self.pending_button)
        bar.addPermanentWidget(self.user_label)
        bar.addPermanentWidget(self.sync_button)
        self.orders_view.status_message.connect(lambda text: bar.showMessage(text, 8000))
        # A change that could not be saved on this computer is said at once, also when no form is
        # open to say it (delist, revoke, discard…); one box, so a burst of failures is one message.
        self.write_failure = QMessageBox(self)
        self.write_failure.setIcon(QMessageBox.Icon.Warning)
        self.write_failure.setStandardButtons(QMessageBox.StandardButton.Ok)
        areas.changes.write_failed.connect(self._show_write_failure)

        self._build_menus(language)
        connect_refresh(sync.state_changed, self, self._show_connection)
        connect_refresh(sync.last_synced_changed, self, self._show_connection)
        sync.progress_changed.connect(self._show_progress)
        connect_refresh(areas.messages.unread_changed, self, self._label_nav)
        connect_refresh(areas.changes.changed, self, self._show_pending)
        connect_refresh(areas.account.changed, self, self._show_user)
        areas.messages.new_orders_arrived.connect(self.notify)
        self.retranslate()

    def _build_menus(self, language: str) -> None:
        self.file_menu = self.menuBar().addMenu("")
        self.sync_action = QAction(self)
        self.sync_action.setShortcut(QKeySequence.StandardKey.Refresh)  # F5
        self.sync_action.triggered.connect(self.sync.sync_now)
        self.find_action = QAction(self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)  # Ctrl+F
        self.find_action.triggered.connect(self._find)
        self.export_action = QAction(self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(self.orders_view.choose_export_file)
        self.sign_out_action = QAction(self)
        self.sign_out_action.triggered.connect(self.sign_out_requested)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))  # Cmd+Q on macOS; StandardKey.Quit is empty on Windows
        self.quit_action.triggered.connect(self.close)
        self.price_action = QAction(self)
        self.price_action.setShortcut(QKeySequence("Ctrl+P"))
        self.price_action.triggered.connect(self._change_price_by_number)
        for action in (self.sync_action, self.find_action, self.price_action, self.export_action):
            self.file_menu.addAction(action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.sign_out_action)
        self.file_menu.addAction(self.quit_action)

        self.language_menu = self.menuBar().addMenu("")
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGES.items():
            action = QAction(name, self, checkable=True)
            action.setChecked(code == language)
            action.triggered.connect(_emit_with(self.language_requested.emit, code))
            group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action
        self.language_menu.addSeparator()
        self.notifications_action = QAction(self, checkable=True)
        self.notifications_action.setChecked(self.notifications)
        self.notifications_action.toggled.connect(self._notifications_toggled)
        self.language_menu.addAction(self.notifications_action)

        self.help_menu = self.menuBar().addMenu("")
        self.about_action = QAction(self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)  # macOS: in the application menu
        self.about_action.triggered.connect(self.about_requested)
        self.help_menu.addAction(self.about_action)

    def _notifications_toggled(self, on: bool) -> None:
        self.notifications = on
        self.notifications_toggled.emit(on)

    def _change_price_by_number(self) -> None:
        self.show_area("orders")
        self.orders_view.open_price_change(by_number=True)

    # -- notifications (R-ORD-2) -------------------------------------------------------------------
    def notify(self, title: str, body: str) -> bool:
        """A desktop notification for new orders while the window is not in front (if wanted)."""
        if not self.notifications or self.isActiveWindow():
            return False
        if self.tray is None and QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(self.windowIcon(), self)
            self.tray.messageClicked.connect(self._bring_to_front)
            self.tray.show()
        self.last_notification = (title, body)
        if self.tray is not None:
            self.tray.showMessage(title, body, QSystemTrayIcon.MessageIcon.Information, 8000)
        return True

    def _bring_to_front(self) -> None:
        self.show_area("messages")
        self.showNormal()
        self.raise_()
        self.activateWindow()

    def _find(self) -> None:
        self.nav.setCurrentRow(1)
        self.orders_view.focus_search()

    def show_area(self, name: str) -> None:
        self.nav.setCurrentRow(list(self.area_pages).index(name))

    # -- status --------------------------------------------------------------------------------
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
        self.progress_text.setText(self.tr("%1 changes received").replace("%1", f"{applied:,}"))

    def _when(self, moment: dt.datetime) -> str:
        return QLocale().toString(moment.astimezone().replace(tzinfo=None), QLocale.FormatType.ShortFormat)

    def _label_nav(self) -> None:
        names = {
            "dashboard": self.tr("Dashboard"),
            "orders": self.tr("Orders"),
            "listings": self.tr("Listings"),
            "discounts": self.tr("Discounts"),
            "messages": self.tr("Messages"),
            "changes": self.tr("Pending changes"),
        }
        counts = {"messages": self.messages_vm.unread, "changes": self.changes_vm.open_count}
        for row, area in enumerate(self.area_pages):
            count = counts.get(area, 0)
            self.nav.item(row).setText(f"{names[area]}  ({count:,})" if count else names[area])

    def _show_pending(self) -> None:
        vm = self.changes_vm
        if vm.rejected_count:
            text = self.tr("%n change(s) refused", "", vm.rejected_count)
        elif vm.open_count:
            text = self.tr("%n change(s) waiting", "", vm.open_count)
        else:
            text = ""
        self.pending_button.setText(text)
        self.pending_button.setVisible(bool(text))
        self.pending_button.setProperty("rejected", bool(vm.rejected_count))
        self.pending_button.style().unpolish(self.pending_button)
        self.pending_button.style().polish(self.pending_button)
        self._label_nav()

    def _show_user(self) -> None:
        self.user_label.setText(self.account.user_text())
        company = self.account.company
        title = self.tr("Vendor Center")
        self.setWindowTitle(f"{company} — {title}" if company else title)

    def retranslate(self) -> None:
        self.file_menu.setTitle(self.tr("&File"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.sync_action.setText(self.tr("Sync now"))
        self.find_action.setText(self.tr("Find orders"))
        self.export_action.setText(self.tr("Export orders to CSV…"))
        self.sign_out_action.setText(self.tr("Sign out"))
        self.quit_action.setText(self.tr("Quit"))
        self.price_action.setText(self.tr("Change price by order number…"))
        self.notifications_action.setText(self.tr("Notify me of new orders"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("About Vendor Center"))
        self.sync_button.setText(self.tr("Sync now (F5)"))
        self._show_pending()
        self._show_connection()
        self._show_user()

    def _show_write_failure(self, message: str, shown_in_form: bool) -> None:
        self.statusBar().showMessage(message, 15_000)
        if shown_in_form:  # the form that asked is still open and says it there
            return
        self.write_failure.setWindowTitle(self.tr("Change not saved"))
        self.write_failure.setText(message)
        self.write_failure.open()

    def _ask_quit(self, unsent: int) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Changes not sent yet"),
            self.tr(
                "%n change(s) have not reached the marketplace yet. They are kept on this computer and sent the next time you start Vendor Center. Quit now?",
                "",
                unsent,
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def closeEvent(self, event: QCloseEvent) -> None:
        unsent = self.changes_vm.unsent  # still on their way to the outbox too
        if unsent and not self.confirm_quit(unsent):
            event.ignore()
            return
        self.sync.stop()
        if self.tray is not None:
            self.tray.hide()
        super().closeEvent(event)


def _emit_with(emit: Callable[[str], None], value: str) -> Callable[[], None]:
    return lambda *_: emit(value)
