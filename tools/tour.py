"""A tour of every screen of the app: each page (area) with a row selected, and every dialog.

The screenshot command (tools/screenshots.py) saves each screen; the layout check
(tools/layout_check.py) measures each one for clipped text. Both walk ``SCREENS`` here, so a new
page or dialog is added once, below, and is then both photographed and checked.

The tour runs the real app (``VendorCenter``) over a fresh embedded sandbox with the demo data,
offscreen on a 1920×1080 display (``use_display``), in a throwaway data folder. Create the
QApplication (``create_application``) first: the display and a scale (``QT_SCALE_FACTOR``) must
be set before it exists.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

#: Where a tour keeps its sandbox, cache and settings unless told otherwise.
DATA_DIR_ENV = "VENDOR_DESKTOP_DATA_DIR"
#: The data folder of a Windows user, as About shows it (a long user name makes it longer still).
WINDOWS_DATA_DIR = r"C:\Users\zhang.xiaoming\AppData\Local\VendorCenter"


#: The display the tour runs on, in physical pixels (the offscreen platform's own is 800×800):
#: a common laptop and office screen. Its logical size is this divided by ``QT_SCALE_FACTOR``.
DISPLAY = (1920, 1080)


def use_display() -> None:
    """Run offscreen on a ``DISPLAY``-sized screen; call before the QApplication exists."""
    if not os.environ.get("QT_QPA_PLATFORM", "offscreen").startswith("offscreen"):
        return  # a real display: use it
    config = Path(tempfile.mkdtemp(prefix="vendor-desktop-display-")) / "display.json"
    screen = {"name": "Display", "x": 0, "y": 0, "width": DISPLAY[0], "height": DISPLAY[1],
              "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}  # fmt: skip
    config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


@dataclass(frozen=True)
class Screen:
    """One screen of the tour: how to bring it up, and how to put it away again.

    ``open`` returns the widget that is the screen: the main window for a page, the dialog for a
    dialog. ``shot`` says whether the screenshot command saves it (the check looks at all).
    """

    name: str
    open: Callable[[Tour], QWidget]
    close: Callable[[Tour, QWidget], None] = lambda tour, widget: None
    dialog: bool = False
    shot: bool = True


class Tour:
    """The real app on the embedded sandbox with the demo data, signed in and synced."""

    def __init__(self, app: QApplication, *, window_size: tuple[int, int] = (1280, 800)) -> None:
        self.app = app
        self.window_size = window_size
        self.center: Any = None
        self.rejected_order = ""  # the number of an order whose price change was refused

    # -- waiting ---------------------------------------------------------------------------------
    def wait_until(self, condition: Callable[[], object], what: str, timeout_s: float = 60) -> None:
        """Run the event loop until ``condition()`` holds (in 10 ms steps, not a busy loop)."""
        end = time.monotonic() + timeout_s
        while not condition():
            if time.monotonic() > end:
                raise TimeoutError(f"the tour timed out waiting for {what}")
            loop = QEventLoop()
            QTimer.singleShot(10, loop.quit)
            loop.exec()

    def settle(self) -> None:
        """Let pending events, layouts and deferred deletes run, and lists fit their columns to
        what they show (after a scroll they wait a moment), so what is measured is on screen."""
        from vendor_desktop.ui.core.fitting import ColumnFitter

        for _ in range(3):
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            self.app.processEvents()
        fitters = [f for w in self.app.topLevelWidgets() for f in w.findChildren(ColumnFitter)]
        if not all(f.idle for f in fitters):
            self.wait_until(lambda: all(f.idle for f in fitters), "the lists to fit their columns", 10)
            self.settle()

    # -- the app -----------------------------------------------------------------------------------
    def start(self, data: Path | None = None) -> Tour:
        from vendor_desktop.app import VendorCenter
        from vendor_desktop.sync.token_store import SessionOnlyTokenStore
        from vendor_desktop.ui.core import i18n
        from vendor_desktop.viewmodels.core.sync_status import Connection

        data = data or Path(os.environ.get(DATA_DIR_ENV) or tempfile.mkdtemp(prefix="vendor-desktop-tour-"))
        os.environ[DATA_DIR_ENV] = str(data)
        os.environ.setdefault("VENDOR_DESKTOP_LOG_DIR", str(data / "logs"))
        settings = QSettings(str(data / "settings.ini"), QSettings.Format.IniFormat)
        # Sync once, at the start; a tour of a minute never reaches the next round.
        self.center = VendorCenter(
            settings, SessionOnlyTokenStore(), i18n.install(i18n.CHINESE), sync_interval_ms=3_600_000
        )
        self.center.start_sandbox(data / "sandbox.sqlite3")
        self.wait_until(
            lambda: self.center.sync is not None and self.center.sync.state == Connection.ONLINE, "the first sync"
        )
        window = self.window
        window.resize(*self.window_size)
        self.wait_until(lambda: window.orders_vm.model.rowCount() > 0, "the orders list")
        self._refuse_a_price_change()
        return self

    @property
    def window(self) -> Any:
        assert self.center is not None and self.center.window is not None
        return self.center.window

    def set_language(self, language: str) -> str:
        """Switch the app to ``language`` (``i18n.CHINESE`` or ``i18n.ENGLISH``); returns "zh" or "en"."""
        from vendor_desktop.ui.core import i18n

        self.center.set_language(language)
        self.settle()  # LanguageChange reaches every widget before anything is looked at
        return "zh" if language == i18n.CHINESE else "en"

    def visit(self, screens: tuple[Screen, ...] | None = None) -> Iterator[tuple[Screen, QWidget]]:
        """Open each screen in turn; the caller looks at it (saves it, measures it) before the next."""
        for screen in SCREENS if screens is None else screens:
            widget = screen.open(self)
            self.settle()
            yield screen, widget
            screen.close(self, widget)
            self.settle()

    def stop(self) -> None:
        if self.center is not None:
            window = self.center.window
            if window is not None:
                window.confirm_quit = lambda unsent: True
            self.center.shutdown()

    # -- what the screens need -------------------------------------------------------------------
    def _refuse_a_price_change(self) -> None:
        """The buyer pays while a price change is on its way: the marketplace refuses it (R-ORD-3).
        The Orders page then shows a refused change, and Pending changes lists it."""
        import requests

        window, sandbox = self.window, self.center.sandbox
        orders = self.show_area("orders")
        orders.state.setCurrentIndex(orders.state.findData("unpaid"))
        self.select_row(orders.table, 0, lambda: window.orders_vm.selected is not None)
        order = window.orders_vm.selected
        requests.post(
            f"{sandbox.base_url}/api/v1/sandbox/orders/{order.id}/pay",
            headers={"Authorization": f"Bearer {sandbox.operator_token}"},
            timeout=10,
        ).raise_for_status()
        dialog = orders.open_price_change()
        dialog.new_price.setText("88.00")
        dialog.confirm.setChecked(True)  # far below the current price: the user confirms it
        dialog.reason.setText("老客户优惠 / loyal customer")
        dialog.submit()
        self.wait_until(lambda: window.changes_vm.rejected_count == 1, "the refused price change")
        self.rejected_order = order.number
        orders.clear_filters()

    def show_area(self, area_id: str) -> Any:
        self.window.show_area(area_id)
        self.settle()
        return self.window.view(area_id)

    def select_row(self, table: Any, row: int, selected: Callable[[], object] | None = None) -> None:
        """Select a row once the list has it (lists fill off the GUI thread after a reload)."""
        model = table.model()
        self.wait_until(lambda: model.rowCount() > row, f"row {row} of {type(model).__name__}")
        table.clearSelection()
        table.selectRow(row)
        table.scrollTo(model.index(row, 0))
        if selected is not None:
            self.wait_until(selected, "the selection to show")

    def first_row(self, model: Any, condition: Callable[[Any], bool]) -> int:
        return next(r for r in range(model.rowCount()) if (line := model.row_at(r)) and condition(line))


# -- pages ------------------------------------------------------------------------------------------
def _orders(tour: Tour) -> QWidget:
    orders = tour.show_area("orders")
    orders.clear_filters()
    tour.select_row(orders.table, 2, lambda: orders.vm.selected is not None)
    return tour.window


def _refused_price_change(tour: Tour) -> QWidget:
    orders = tour.show_area("orders")
    orders.clear_filters()
    orders.search.setText(tour.rejected_order)
    tour.wait_until(lambda: orders.vm.count == 1, "the order searched for")
    tour.select_row(orders.table, 0, lambda: bool(orders.change_notice.text()))
    return tour.window


def _leave_orders(tour: Tour, _widget: QWidget) -> None:
    tour.window.orders_view.clear_filters()


def _dashboard(tour: Tour) -> QWidget:
    workbench = tour.show_area("dashboard")
    # The cards count off the GUI thread: a picture taken before shows zeros everywhere.
    tour.wait_until(lambda: workbench.vm.counts.total_orders > 0, "the Workbench's counts")
    tour.settle()
    return tour.window


def _messages(tour: Tour) -> QWidget:
    messages = tour.show_area("messages")
    tour.select_row(messages.table, 0, lambda: messages.vm.selected is not None)
    return tour.window


def _pending_changes(tour: Tour) -> QWidget:
    changes = tour.show_area("changes")
    tour.select_row(changes.table, 0)
    return tour.window


def _discounts(tour: Tour) -> QWidget:
    discounts = tour.show_area("discounts")
    tour.select_row(discounts.table, 0, lambda: discounts.vm.selected is not None)
    return tour.window


def _listings_where(condition: Callable[[Any], bool]) -> Callable[[Tour], QWidget]:
    def open_(tour: Tour) -> QWidget:
        listings = tour.show_area("listings")
        model = listings.vm.model
        tour.wait_until(lambda: model.rowCount() > 0, "the listings")
        tour.select_row(listings.table, tour.first_row(model, condition), lambda: bool(listings.vm.selected))
        return tour.window

    return open_


def _rejected(line: Any) -> bool:
    return line.listing is not None and line.listing.state == "rejected"


def _on_sale_with_changes(line: Any) -> bool:
    return line.listing is not None and bool(line.listing.revision)


# -- dialogs ----------------------------------------------------------------------------------------
def _reject(_tour: Tour, dialog: QWidget) -> None:
    dialog.reject()  # type: ignore[attr-defined]


def _price_change_dialog(tour: Tour) -> QWidget:
    orders = tour.show_area("orders")
    orders.clear_filters()
    orders.state.setCurrentIndex(orders.state.findData("unpaid"))
    tour.select_row(orders.table, 0, lambda: orders.vm.selected is not None)
    dialog = orders.open_price_change()
    # A decimal point in the wrong place: the dialog says how far below the price it is, asks
    # for a tick before it queues a price below half, and says the reason is missing.
    dialog.new_price.setText("12.35")
    dialog.reason.setText("")
    dialog.submit()
    return dialog


def _close_price_change(tour: Tour, dialog: QWidget) -> None:
    dialog.reject()  # type: ignore[attr-defined]
    tour.window.orders_view.clear_filters()


def _discount_dialog(tour: Tour) -> QWidget:
    orders = tour.show_area("orders")
    tour.wait_until(lambda: orders.vm.model.rowCount() > 0, "the orders")
    buyer = orders.vm.model.row_at(0).order.buyer_account_id  # a buyer this computer knows
    dialog = tour.show_area("discounts").open_grant()
    dialog.buyer.setText(buyer)
    dialog.percent.setValue(85)
    tour.wait_until(lambda: bool(dialog.buyer_name.text()), "the buyer's name")
    tour.settle()
    return dialog


#: Sample content per delivery type (R-LST-1), so every field of the form shows filled in.
_LISTING_SAMPLES: dict[str, dict[str, str]] = {
    "image": {"name": "CentOS 7.9 安全加固镜像", "summary": "预装安全基线与常用运维工具",
              "image_id": "m-2ze0a1b2c3d4e5f6", "os": "CentOS 7.9 64位"},
    "saas": {"name": "智能排班 SaaS 专业版", "summary": "排班、考勤、工时一站式管理",
             "callback_url": "http://paiban.example.com/callback"},
    "api": {"name": "全国快递物流查询 API", "summary": "实时轨迹查询，覆盖 1,500 家快递公司",
            "base_url": "https://api.example.com/express/v2"},
    "manual": {"name": "云服务器安全加固与等保整改服务", "summary": "等保 2.0 三级整改，7×24 小时响应",
               "service_scope": "Linux/Windows 服务器基线加固、漏洞修复、等保测评整改"},
}  # fmt: skip


def _listing_editor(market: str) -> Callable[[Tour], QWidget]:
    def open_(tour: Tour) -> QWidget:
        from PySide6.QtWidgets import QLineEdit

        dialog = tour.show_area("listings").open_editor(edit=False)
        dialog.market.setCurrentIndex(dialog.market.findData(market))
        delivery = dialog.vm.delivery_of(market)
        sample = _LISTING_SAMPLES[str(delivery)]
        dialog.name.setText(sample["name"])
        dialog.summary.setText(sample["summary"])
        for key, widget in dialog.config.items():
            if key in sample and isinstance(widget, QLineEdit):
                widget.setText(sample[key])
        dialog.modes["monthly"].setChecked(True)
        dialog.prices["monthly"].setText("299.00")
        dialog.modes["yearly"].setChecked(True)
        dialog.prices["yearly"].setText("2990")
        dialog.modes["payg"].setChecked(True)
        dialog.prices["payg"].setText("0.5")
        if delivery == "image":  # the others leave it empty: the form says it is needed
            dialog.agreement.setPlainText("商品服务协议：……")
        dialog.tried = True  # as after pressing Save: every problem shows, nothing is queued
        dialog.check()
        return dialog

    return open_


def _edit_on_sale_listing(tour: Tour) -> QWidget:
    _listings_where(_on_sale_with_changes)(tour)
    return tour.window.listings_view.open_editor(edit=True)


def _sign_in(tour: Tour) -> QWidget:
    from vendor_desktop.sync.errors import ApiError
    from vendor_desktop.ui.core.sign_in_dialog import SignInDialog
    from vendor_desktop.viewmodels.core.session import describe_error

    dialog = SignInDialog(tour.center.session_vm, tour.window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.prefill("https://market.example.com", "V20261126", "owner")
    dialog.show()
    dialog.show_error(describe_error(ApiError(401, "INVALID_CREDENTIALS", "")))
    return dialog


def _about(tour: Tour) -> QWidget:
    import vendor_desktop
    from vendor_desktop.ui.core.about_dialog import AboutDialog

    # The folders as most users have them (Windows, platformdirs), not the tour's throwaway ones.
    dialog = AboutDialog(
        version=vendor_desktop.__version__,
        data_dir=WINDOWS_DATA_DIR,
        backend=tour.center.backend_text,
        log_file=WINDOWS_DATA_DIR + r"\Logs\vendor-center.log",
        parent=tour.window,
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def _close(_tour: Tour, dialog: QWidget) -> None:
    dialog.close()


def _crash_dialog(tour: Tour) -> QWidget:
    from vendor_desktop.crash_reporting import crash_for_testing, crash_report
    from vendor_desktop.ui.core.crash_dialog import CrashDialog

    try:
        crash_for_testing()
    except RuntimeError as error:
        report = crash_report(type(error), error, error.__traceback__)
    dialog = CrashDialog(report, WINDOWS_DATA_DIR + r"\Logs\vendor-center.log", tour.window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def _market_screens() -> tuple[Screen, ...]:
    from vendor_desktop.domain.markets import MARKETS

    # Every market (its deposit note and delivery fields differ); the screenshots keep two.
    return tuple(
        Screen(
            f"listing-editor-{market}", _listing_editor(market), _reject, dialog=True, shot=market in ("saas", "image")
        )
        for market in MARKETS
    )


from tour_account import account_screens, close_account_screen  # noqa: E402  (tools/ is the path)
from tour_import import import_screens  # noqa: E402  (tools/ is the path)
from tour_invoices import close_invoice_dialog, invoice_dialogs, invoices_page  # noqa: E402  (tools/ is the path)
from tour_money import close_money_dialog, money_dialogs, money_page  # noqa: E402  (tools/ is the path)
from tour_tickets import ticket_screens  # noqa: E402  (tools/ is the path)

#: Every screen, in the order the tour opens them. Names are the screenshots' file names
#: (``<name>-zh.png``); README.md shows some of them, so keep a name once it is used there.
SCREENS: tuple[Screen, ...] = (
    Screen("main-orders", _orders, _leave_orders),
    Screen("price-change-rejected", _refused_price_change, _leave_orders),
    Screen("dashboard", _dashboard),
    Screen("listings", _listings_where(_on_sale_with_changes)),
    Screen("listings-rejected", _listings_where(_rejected)),
    Screen("discounts", _discounts),
    Screen("invoices", invoices_page),
    Screen("money", money_page),
    Screen("messages", _messages),
    *(Screen(name, open_, close_, dialog=dialog) for name, open_, close_, dialog in ticket_screens()),
    Screen("pending-changes", _pending_changes),
    *(Screen(name, open_, close_account_screen, dialog=dialog) for name, open_, dialog in account_screens()),
    Screen("price-change-dialog", _price_change_dialog, _close_price_change, dialog=True),
    *(Screen(name, open_, close_invoice_dialog, dialog=True) for name, open_ in invoice_dialogs()),
    *(Screen(name, open_, close_money_dialog, dialog=True) for name, open_ in money_dialogs()),
    Screen("discount-dialog", _discount_dialog, _reject, dialog=True),
    *_market_screens(),
    Screen("listing-editor-edit", _edit_on_sale_listing, _reject, dialog=True, shot=False),
    Screen("sign-in", _sign_in, _reject, dialog=True),
    Screen("about", _about, _close, dialog=True),
    Screen("crash-dialog", _crash_dialog, _close, dialog=True),
    # Last: the results screen ships invoices, which no screen after it should see change.
    *(Screen(name, open_, close_, dialog=True) for name, open_, close_ in import_screens()),
)
