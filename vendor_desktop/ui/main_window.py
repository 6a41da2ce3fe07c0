"""The main window: navigation, the areas built so far, an offline banner and the status bar."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QEvent, QLocale, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from vendor_desktop.viewmodels.account import AccountViewModel
from vendor_desktop.viewmodels.dashboard import DashboardViewModel
from vendor_desktop.viewmodels.messages import MessagesViewModel
from vendor_desktop.viewmodels.orders import OrdersViewModel
from vendor_desktop.viewmodels.sync_status import Connection, SyncController

from .binding import connect_refresh
from .dashboard_view import DashboardView
from .i18n import LANGUAGES
from .messages_view import MessagesView
from .orders_view import OrdersView


class MainWindow(QMainWindow):
    sign_out_requested = Signal()
    language_requested = Signal(str)

    def __init__(
        self,
        sync: SyncController,
        account: AccountViewModel,
        dashboard: DashboardViewModel,
        orders: OrdersViewModel,
        messages: MessagesViewModel,
        *,
        language: str,
        notice: str = "",
    ) -> None:
        super().__init__()
        self.sync = sync
        self.orders_vm = orders
        self.messages_vm = messages
        self.account = account
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
        self.nav.setFixedWidth(168)
        self.pages = QStackedWidget()
        self.dashboard_view = DashboardView(dashboard, account)
        self.orders_view = OrdersView(orders)
        self.messages_view = MessagesView(messages)
        for page in (self.dashboard_view, self.orders_view, self.messages_view):
            self.pages.addWidget(page)
            self.nav.addItem(QListWidgetItem())
        self.nav.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.nav.setCurrentRow(1)  # Orders: what a vendor opens the app for

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
        bar = self.statusBar()
        bar.addWidget(self.connection)
        bar.addWidget(self.last_sync)
        bar.addWidget(self.progress)
        bar.addWidget(self.progress_text)
        bar.addPermanentWidget(self.user_label)
        bar.addPermanentWidget(self.sync_button)
        self.orders_view.status_message.connect(lambda text: bar.showMessage(text, 8000))

        self._build_menus(language)
        connect_refresh(sync.state_changed, self, self._show_connection)
        connect_refresh(sync.last_synced_changed, self, self._show_connection)
        sync.progress_changed.connect(self._show_progress)
        connect_refresh(messages.unread_changed, self, self._label_nav)
        connect_refresh(account.changed, self, self._show_user)
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
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        for action in (self.sync_action, self.find_action, self.export_action):
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

    def _find(self) -> None:
        self.nav.setCurrentRow(1)
        self.orders_view.focus_search()

    def show_area(self, name: str) -> None:
        self.nav.setCurrentRow({"dashboard": 0, "orders": 1, "messages": 2}[name])

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
        names = [self.tr("Dashboard"), self.tr("Orders"), self.tr("Messages")]
        unread = self.messages_vm.unread
        if unread:
            names[2] = f"{names[2]}  ({unread:,})"
        for row, name in enumerate(names):
            self.nav.item(row).setText(name)

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
        self.sync_button.setText(self.tr("Sync now (F5)"))
        self._label_nav()
        self._show_connection()
        self._show_user()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.sync.stop()
        super().closeEvent(event)


def _emit_with(emit: Callable[[str], None], value: str) -> Callable[[], None]:
    return lambda *_: emit(value)
