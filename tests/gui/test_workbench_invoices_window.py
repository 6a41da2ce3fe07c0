"""The Workbench's invoice cards and the due-date reminder in the real app over HTTP (issue 12):
finance, who reads invoices but no orders, has a Workbench and still opens on Invoices; a card
opens Invoices filtered; the reminder's notification opens Invoices due soon, once (R-INV-3)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from sqlalchemy import select

from tests.cache.test_invoices_dashboard import invoice_change
from vendor_desktop.cache.core.apply import apply_changes
from vendor_desktop.cache.core.models import Invoice
from vendor_desktop.domain.invoices import is_overdue, working_days_left
from vendor_desktop.domain.roles import Role
from vendor_desktop.domain.workdays import add_working_days
from vendor_desktop.viewmodels.dashboard.viewmodel import shanghai_today

from .apphelpers import sign_in

pytestmark = pytest.mark.usefixtures("english")

INVOICE_CARDS = ("invoices_pending", "invoices_overdue", "invoices_due_soon")


def put_invoices(center, invoices: list[tuple[str, str, dt.date]]):
    """Invoices as a pull would bring them, told to the areas as a pull tells them."""
    with center.session.db.session(write=True) as s, s.begin():
        changes = apply_changes(s, [invoice_change(i, state, due.isoformat()) for i, state, due in invoices])
    center.window.shell.deliver(changes)


def behind_another_window(qtbot, window) -> None:
    other = QWidget()
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: not window.isActiveWindow())


def test_finance_has_the_invoice_cards_and_an_overdue_card_opens_the_overdue_invoices(qtbot, tmp_path, market):
    """SPEC §11: finance reads invoices, not orders. It opens on Invoices (the Workbench is not a
    landing); its Workbench has the three invoice cards and no order card."""
    center = sign_in(qtbot, tmp_path, market, username=Role.FINANCE.value)
    try:
        window = center.window
        assert window.shell.current == "invoices"
        assert "dashboard" in window.area_ids and "orders" not in window.area_ids
        window.show_area("dashboard")
        view = window.dashboard_view
        assert set(INVOICE_CARDS) <= set(view.cards) and "unpaid" not in view.cards
        today = shanghai_today()
        put_invoices(
            center,
            [
                ("wb-late", "pending", today - dt.timedelta(days=3)),
                ("wb-soon", "pending", add_working_days(today, 1).date),
                ("wb-later", "pending", add_working_days(today, 6).date),
            ],
        )
        # What the cache holds now, by the domain's rules: the cards say the same.
        with center.session.db.session() as s:
            dues = [
                dt.date.fromisoformat(d) for d in s.scalars(select(Invoice.due_date).where(Invoice.state == "pending"))
            ]
        expected = {
            "invoices_pending": len(dues),
            "invoices_overdue": sum(is_overdue("pending", d, today) for d in dues),
            "invoices_due_soon": sum(
                not is_overdue("pending", d, today) and working_days_left(today, d) <= 2 for d in dues
            ),
        }
        qtbot.waitUntil(lambda: {k: int(view.cards[k].value.text()) for k in INVOICE_CARDS} == expected)
        assert view.cards["invoices_overdue"].property("tone") == "urgent"

        qtbot.mouseClick(view.cards["invoices_overdue"], Qt.MouseButton.LeftButton)
        invoices = window.invoices_view
        assert window.shell.current == "invoices" and invoices.isVisible()
        qtbot.waitUntil(lambda: invoices.vm.count == expected["invoices_overdue"])
        model = invoices.vm.model
        qtbot.waitUntil(lambda: model.rowCount() == expected["invoices_overdue"])
        assert "wb-late" in {model.row_at(r).invoice.id for r in range(model.rowCount())}
        # The other cards open the lists they count: the card and the list agree.
        for key in ("invoices_due_soon", "invoices_pending"):
            window.show_area("dashboard")
            qtbot.mouseClick(view.cards[key], Qt.MouseButton.LeftButton)
            assert window.shell.current == "invoices"
            qtbot.waitUntil(lambda key=key: invoices.vm.count == expected[key])
    finally:
        center.shutdown()


def test_the_due_reminder_notifies_once_and_opens_the_invoices_due_soon(qtbot, tmp_path, market):
    """Issue 12: the working day before an invoice falls due (here Wednesday 09-30 2026, for
    Thursday 10-08 after the holiday week), a notification names it; clicking it opens Invoices
    filtered to due soon. Shown once, it is not shown again that day."""
    center = sign_in(qtbot, tmp_path, market, username=Role.SUPPORT.value)
    try:
        window = center.window
        reminder = window.dashboard_vm.reminder
        day = dt.date(2026, 9, 30)
        reminder._today = lambda: day  # the reminder's day; the rest of the app keeps today's
        put_invoices(
            center, [("wb-oct8", "pending", dt.date(2026, 10, 8)), ("wb-oct9", "pending", dt.date(2026, 10, 9))]
        )

        # In front, the app does not notify: the reminder waits for the next look.
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        with qtbot.waitSignal(reminder.due_next_working_day, timeout=10_000):
            reminder.check()
        assert "wb-oct8" not in reminder.reminded.ids(day)

        behind_another_window(qtbot, window)
        window.last_notification = None
        with qtbot.waitSignal(reminder.due_next_working_day, timeout=10_000):
            reminder.check()
        assert window.last_notification == (
            "1 invoice is due on the next working day",
            "Order 2026092900wb-oct8: issue the invoice by 2026-10-08.",
        )
        assert reminder.reminded.ids(day) == {"wb-oct8"}
        assert "wb-oct8" in str(center.settings.value(f"invoice_reminders/{market.vendor['account_id']}/support"))

        window.last_notification = None
        with qtbot.assertNotEmitted(reminder.due_next_working_day, wait=500):
            reminder.check()
        assert window.last_notification is None

        window._bring_to_front()  # what clicking the notification does
        invoices = window.invoices_view
        assert window.shell.current == "invoices" and invoices.isVisible()
        assert invoices.vm.preset_filters("due_soon")["due_within"] == 2
        qtbot.waitUntil(lambda: str(invoices.due.currentData()) == "2")
    finally:
        center.shutdown()


def test_a_request_message_opens_its_invoice_for_finance(qtbot, tmp_path, market):
    """Messages: a buyer's request links to the invoice, selected in Invoices (finance reads no
    orders, so the invoice is what it can open)."""
    center = sign_in(qtbot, tmp_path, market, username=Role.FINANCE.value)
    try:
        window = center.window
        put_invoices(center, [("wb-asked", "pending", add_working_days(shanghai_today(), 9).date)])
        with center.session.db.session(write=True) as s, s.begin():
            changes = apply_changes(s, [request_message(1, dt.datetime.now(dt.UTC), "wb-asked")])
        window.shell.deliver(changes)
        window.show_area("messages")
        inbox = window.messages_vm
        qtbot.waitUntil(lambda: inbox.model.row_of("wb-request-1") >= 0)
        inbox.select("wb-request-1")
        assert inbox.link_text() == "View invoice"
        window.messages_view.open_link.click()
        invoices = window.invoices_view
        assert window.shell.current == "invoices" and invoices.isVisible()
        qtbot.waitUntil(lambda: invoices.vm.selected is not None and invoices.vm.selected.id == "wb-asked")
    finally:
        center.shutdown()


def request_message(n: int, created: dt.datetime, invoice_id: str) -> dict:
    return {
        "entity": "message",
        "id": f"wb-request-{n}",
        "version": 1,
        "deleted": False,
        "data": {
            "kind": "invoice_requested",
            "title": "买家申请开票",
            "title_en": "Invoice requested",
            "body": "订单的买家申请开票",
            "body_en": "The buyer asked for an invoice",
            "read": False,
            "created_at": created.isoformat(),
            "order_id": None,
            "listing_id": None,
            "invoice_id": invoice_id,
        },
    }
