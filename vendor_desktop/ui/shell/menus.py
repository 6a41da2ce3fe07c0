"""The main window's menu bar: File, Go (the areas and their shortcuts), Language and Help.

What acts on orders (find, export, change price by number) is there only for a user who sees
the Orders area.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from vendor_desktop.ui.core.i18n import LANGUAGES

if TYPE_CHECKING:
    from vendor_desktop.ui.shell.main_window import MainWindow

    _Base = MainWindow
else:
    _Base = object


class MenusMixin(_Base):
    """Mixed into ``MainWindow``: builds and words its menus."""

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
        self.export_action.triggered.connect(self._export)
        self.sign_out_action = QAction(self)
        self.sign_out_action.triggered.connect(self.sign_out_requested)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))  # Cmd+Q on macOS; StandardKey.Quit is empty on Windows
        self.quit_action.triggered.connect(self.close)
        self.price_action = QAction(self)
        self.price_action.setShortcut(QKeySequence("Ctrl+P"))
        self.price_action.triggered.connect(self._change_price_by_number)
        has_orders = "orders" in self.shell.viewmodels
        for action in (self.find_action, self.price_action, self.export_action):
            action.setVisible(has_orders)  # a hidden action's shortcut does nothing either
            action.setEnabled(has_orders)
        for action in (self.sync_action, self.find_action, self.price_action, self.export_action):
            self.file_menu.addAction(action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.sign_out_action)
        self.file_menu.addAction(self.quit_action)

        self.go_menu = self.menuBar().addMenu("")
        for action in self.shell.actions.values():
            self.go_menu.addAction(action)

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

    def _retranslate_menus(self) -> None:
        self.file_menu.setTitle(self.tr("&File"))
        self.go_menu.setTitle(self.tr("&Go"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.sync_action.setText(self.tr("Sync now"))
        self.find_action.setText(self.tr("Find orders"))
        self.export_action.setText(self.tr("Export orders to CSV…"))
        self.sign_out_action.setText(self.tr("Sign out"))
        self.quit_action.setText(self.tr("Quit"))
        self.price_action.setText(self.tr("Change price by order number…"))
        self.notifications_action.setText(self.tr("Desktop notifications"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("About Vendor Center"))

    def _notifications_toggled(self, on: bool) -> None:
        self.notifications = on
        self.notifications_toggled.emit(on)

    # -- acting on orders ------------------------------------------------------------------------
    def _orders(self) -> Any:
        return self.shell.view("orders")

    def _find(self) -> None:
        if (orders := self._orders()) is not None:
            self.show_area("orders")
            orders.focus_search()

    def _export(self) -> None:
        if (orders := self._orders()) is not None:
            orders.choose_export_file()

    def _change_price_by_number(self) -> None:
        if (orders := self._orders()) is not None:
            self.show_area("orders")
            orders.open_price_change(by_number=True)


def _emit_with(emit: Callable[[str], None], value: str) -> Callable[[], None]:
    return lambda *_: emit(value)
