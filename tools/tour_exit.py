"""The issue-14 screens of the tour (tools/tour.py) that are not the Refunds or Tickets areas: the
*Start delivery…* dialog on a paid manual-service order (R-ORD-5), with a note of several lines;
the exit section of the Account page (R-EXT-1), where the demo vendor's open orders, invoices and
withdrawals block leaving; and the confirmation of an exit (the company name typed). The page
after an exit is photographed by the exit story (tests/gui/test_story_exit.py,
``VENDOR_DESKTOP_STORY_SHOTS``): leaving here would delist the demo vendor's listings for every
screen after it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtWidgets import QWidget

NOTE = "工程师王工今天 14:00 前电话联系您，远程完成安装，约 2 小时。\n如需改时间请回复工单。"


def _delivery_dialog(tour: Any) -> QWidget:
    orders = tour.show_area("orders")
    orders.show_preset("to_deliver")
    tour.select_row(orders.table, 0, lambda: orders.vm.selected is not None)
    dialog = orders.open_delivery()
    dialog.note.setPlainText(NOTE)
    return dialog


def _close_delivery(tour: Any, dialog: QWidget) -> None:
    dialog.reject()
    tour.window.orders_view.clear_filters()


def _exit_section(tour: Any) -> QWidget:
    account = tour.show_area("account")
    account.vm.exit.reload()
    tour.settle()
    account.scroll.ensureWidgetVisible(account.exit_section)
    return tour.window


def _exit_dialog(tour: Any) -> QWidget:
    """The confirmation as the main account sees it once nothing blocks (the demo vendor has
    blockers, so it is opened here directly), half the company name typed."""
    from PySide6.QtCore import Qt

    from vendor_desktop.ui.account.exit_page import ExitDialog

    account = tour.show_area("account")
    account.vm.exit.reload()  # as synced now (a hidden area reloads when shown, off the GUI thread)
    application = account.vm.exit.new_application()
    dialog = ExitDialog(application, account)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    dialog.typed.setText(application.company[: len(application.company) // 2])
    return dialog


def _close(_tour: Any, dialog: QWidget) -> None:
    dialog.close()


def exit_screens() -> Iterator[tuple[str, Callable[[Any], QWidget], Callable[[Any, QWidget], None], bool]]:
    """(name, open, close, dialog) of each screen."""
    yield "delivery-dialog", _delivery_dialog, _close_delivery, True
    yield "account-exit", _exit_section, lambda tour, widget: None, False
    yield "exit-dialog", _exit_dialog, _close, True
