"""The areas of the app, declared once (DESIGN "Areas"); the shell builds everything from ``AREAS``.

An area is its id, its name, the permission that shows it, the entity kinds whose changes it
hears, how to build its viewmodel and its view, its shortcut and its place in the navigation (its
place in ``AREAS``). Adding an area is adding its modules and one entry here.

Permissions are the string values of ``domain.roles.Permission`` (views may not import the
domain; ``tests/gui/test_areas.py`` checks each one names a real permission). Modules of a view
are imported when the area is first shown, so a cold start loads only the first screen.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject
from PySide6.QtWidgets import QWidget

from vendor_desktop.viewmodels.core.area_context import AreaContext

# Translation context of the area names.
CONTEXT = "Areas"


@dataclass(frozen=True)
class Area:
    id: str
    # English source of the name; ``title()`` gives it in the current language.
    name: str
    # The permission that shows the area; None: every signed-in user uses it.
    permission: str | None
    # Entity kinds (``ChangeSet`` keys) whose changes reach the viewmodel's ``on_data_changed``.
    listens: frozenset[str]
    viewmodel: Callable[[AreaContext], QObject]
    view: Callable[[Any, AreaContext], QWidget]
    shortcut: str
    # Whether the app may open here. The Workbench is a summary of other areas, not the place
    # a day's work starts: a role opens on the first area it may use that is a landing.
    landing: bool = True
    # A local write that names no entity (a change set with nothing in it) reaches it too.
    hears_empty_changes: bool = False
    # A number shown beside the name in the navigation, and the viewmodel's signal that says
    # it changed.
    count: Callable[[Any], int] | None = None
    count_changed: str = ""
    # Parts of the view whose state is kept between runs: settings key → the part (anything
    # with ``saveState``/``restoreState``). The keys are stored in users' settings: never rename.
    saved_state: tuple[tuple[str, Callable[[Any], Any]], ...] = field(default=())

    def title(self) -> str:
        return QCoreApplication.translate(CONTEXT, self.name)

    def hears(self, changes: Any) -> bool:
        """Whether a change set concerns this area (``changes`` is a ``cache.changes.ChangeSet``)."""
        if not changes:
            return self.hears_empty_changes
        return bool(self.listens & changes.entities())

    def allowed(self, permissions: Collection[str]) -> bool:
        return self.permission is None or self.permission in permissions


# -- factories: modules are imported when an area is first built -----------------------------------
def _dashboard_vm(c: AreaContext) -> QObject:
    from vendor_desktop.viewmodels.dashboard.viewmodel import DashboardViewModel

    return DashboardViewModel(
        c.db, c.parent, reads=c.reads, permissions=c.permissions,
        settings=c.settings, settings_key=f"{c.user.account_id}/{c.user.username}",
    )  # fmt: skip


def _dashboard_view(vm: Any, c: AreaContext) -> QWidget:
    from vendor_desktop.ui.dashboard.view import DashboardView

    # A card opens only an area this user has (the Money area is for who reads money): others are figures.
    return DashboardView(vm, c.account, opens={a.id for a in areas_for(c.permissions)})


def _orders_vm(c: AreaContext) -> QObject:
    from vendor_desktop.viewmodels.orders.viewmodel import OrdersViewModel

    return OrdersViewModel(c.db, c.runner, c.parent, queue=c.queue, reads=c.reads)


def _orders_view(vm: Any, _c: AreaContext) -> QWidget:
    from vendor_desktop.ui.orders.view import OrdersView

    return OrdersView(vm)


def _listings_vm(c: AreaContext) -> QObject:
    from vendor_desktop.viewmodels.listings.viewmodel import ListingsViewModel

    return ListingsViewModel(c.queue, c.parent, reads=c.reads)


def _listings_view(vm: Any, _c: AreaContext) -> QWidget:
    from vendor_desktop.ui.listings.view import ListingsView

    return ListingsView(vm)


def _discounts_vm(c: AreaContext) -> QObject:
    from vendor_desktop.viewmodels.discounts.viewmodel import DiscountsViewModel

    return DiscountsViewModel(c.queue, c.parent, reads=c.reads)


def _discounts_view(vm: Any, _c: AreaContext) -> QWidget:
    from vendor_desktop.ui.discounts.view import DiscountsView

    return DiscountsView(vm)


def _invoices_vm(c: AreaContext) -> QObject:
    from vendor_desktop.viewmodels.invoices.viewmodel import InvoicesViewModel

    return InvoicesViewModel(
        c.db, c.queue, c.reads, c.writes, c.runner, permissions=c.permissions, parent=c.parent
    )


def _invoices_view(vm: Any, _c: AreaContext) -> QWidget:
    from vendor_desktop.ui.invoices.view import InvoicesView

    return InvoicesView(vm)


def _money_vm(c: AreaContext) -> QObject:
    from vendor_desktop.viewmodels.money.ledger import LedgerViewModel
    from vendor_desktop.viewmodels.money.viewmodel import MoneyViewModel

    account = c.account
    return MoneyViewModel(
        c.db, c.queue, c.reads, permissions=c.permissions, parent=c.parent,
        company=lambda: account.company, account_id=c.user.account_id, ledger=LedgerViewModel(c),
    )  # fmt: skip


def _money_view(vm: Any, _c: AreaContext) -> QWidget:
    from vendor_desktop.ui.money.view import MoneyView

    return MoneyView(vm)


def _messages_vm(c: AreaContext) -> QObject:
    from vendor_desktop.viewmodels.messages.viewmodel import MessagesViewModel

    return MessagesViewModel(c.db, c.parent, queue=c.queue, reads=c.reads)


def _messages_view(vm: Any, _c: AreaContext) -> QWidget:
    from vendor_desktop.ui.messages.view import MessagesView

    return MessagesView(vm)


def _tickets_vm(c: AreaContext) -> QObject:
    from vendor_desktop.viewmodels.tickets.viewmodel import TicketsViewModel

    return TicketsViewModel(c.queue, c.reads, c.writes, c.runner, fetch_file=c.fetch_file, parent=c.parent)


def _tickets_view(vm: Any, _c: AreaContext) -> QWidget:
    from vendor_desktop.ui.tickets.view import TicketsView

    return TicketsView(vm)


def _tickets_layout_splitter(view: Any) -> Any:
    return view.splitter


def _changes_vm(c: AreaContext) -> QObject:
    from vendor_desktop.viewmodels.changes.viewmodel import ChangesViewModel

    return ChangesViewModel(c.queue, c.writes, c.parent)


def _changes_view(vm: Any, _c: AreaContext) -> QWidget:
    from vendor_desktop.ui.changes.view import ChangesView

    return ChangesView(vm)


def _account_vm(c: AreaContext) -> QObject:
    from vendor_desktop.viewmodels.account.viewmodel import AccountAreaViewModel

    return AccountAreaViewModel(c)


def _account_view(vm: Any, _c: AreaContext) -> QWidget:
    from vendor_desktop.ui.account.view import AccountView

    return AccountView(vm)


def _orders_layout_header(view: Any) -> Any:
    return view.table.horizontalHeader()


def _orders_layout_splitter(view: Any) -> Any:
    return view.splitter


def _invoices_layout_header(view: Any) -> Any:
    return view.table.horizontalHeader()


def _invoices_layout_splitter(view: Any) -> Any:
    return view.splitter


def _money_layout_lists(view: Any) -> Any:
    return view.overview.lists


# The navigation, in order. SPEC §11 says who reads what; every role reads its messages, and
# anyone may queue a change (a message marked read is one), so Pending changes is for everyone.
AREAS: tuple[Area, ...] = (
    Area("dashboard", QT_TRANSLATE_NOOP("Areas", "Workbench"), None,  # every role: its cards follow its permissions
         frozenset({"order", "message", "listing", "command", "invoice", "deposit", "earning", "withdrawal"}),
         _dashboard_vm, _dashboard_view, "Ctrl+1", landing=False),
    Area("orders", QT_TRANSLATE_NOOP("Areas", "Orders"), "orders.read", frozenset({"order"}),
         _orders_vm, _orders_view, "Ctrl+2",
         saved_state=(("orders/header", _orders_layout_header), ("orders/splitter", _orders_layout_splitter))),
    Area("listings", QT_TRANSLATE_NOOP("Areas", "Listings"), "listings.read", frozenset({"listing", "command", "deposit"}),
         _listings_vm, _listings_view, "Ctrl+3"),
    Area("discounts", QT_TRANSLATE_NOOP("Areas", "Buyer discounts"), "discounts.read", frozenset({"discount", "command"}),
         _discounts_vm, _discounts_view, "Ctrl+4"),
    Area("invoices", QT_TRANSLATE_NOOP("Areas", "Invoices"), "invoices.read", frozenset({"invoice", "command"}),
         _invoices_vm, _invoices_view, "Ctrl+5",
         saved_state=(("invoices/header", _invoices_layout_header), ("invoices/splitter", _invoices_layout_splitter))),
    # Issue 13: SPEC §11, deposit payments, earnings and withdrawals are the owner's and finance's.
    Area("money", QT_TRANSLATE_NOOP("Areas", "Money"), "earnings.read",
         frozenset({"deposit", "deposit_payment", "earning", "withdrawal", "ledger_entry", "agreement",
                    "bank_account", "command"}),
         _money_vm, _money_view, "Ctrl+8", saved_state=(("money/lists", _money_layout_lists),)),
    Area("messages", QT_TRANSLATE_NOOP("Areas", "Messages"), "messages.read", frozenset({"message"}),
         _messages_vm, _messages_view, "Ctrl+6", count=lambda vm: vm.unread, count_changed="unread_changed"),
    # R-TKT-1: tickets (工单) are read by who SPEC §11 lets read them; beyond nine areas, Ctrl+Shift+<the area beside>.
    Area("tickets", QT_TRANSLATE_NOOP("Areas", "Tickets"), "tickets.read", frozenset({"ticket", "command"}),
         _tickets_vm, _tickets_view, "Ctrl+Shift+6", saved_state=(("tickets/splitter", _tickets_layout_splitter),)),
    Area("changes", QT_TRANSLATE_NOOP("Areas", "Pending changes"), None, frozenset({"command"}),
         _changes_vm, _changes_view, "Ctrl+7", hears_empty_changes=True,
         count=lambda vm: vm.open_count, count_changed="changed"),
    # SPEC §11: every role reads the profile and the agreements (the bank account: see the view).
    Area("account", QT_TRANSLATE_NOOP("Areas", "Account"), None,
         frozenset({"vendor_profile", "bank_account", "agreement", "command"}),
         _account_vm, _account_view, "Ctrl+9", landing=False),
)  # fmt: skip


def areas_for(permissions: Collection[str], areas: tuple[Area, ...] = AREAS) -> list[Area]:
    """The areas a user with ``permissions`` sees, in navigation order."""
    return [area for area in areas if area.allowed(permissions)]


def opening_area(visible: list[Area]) -> Area | None:
    """Where the window opens: the first landing area the user may use, else the first area."""
    return next((a for a in visible if a.landing), visible[0] if visible else None)


def area(area_id: str) -> Area:
    return next(a for a in AREAS if a.id == area_id)
