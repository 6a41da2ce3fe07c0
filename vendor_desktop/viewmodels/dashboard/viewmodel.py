"""The Workbench (工作台): the to-dos, each opening its list already filtered, and today's figures
beside yesterday's, from the cache.

Which cards a user sees follows the areas their role may read (SPEC §11): a card opens an area,
so a role without Listings has no 审核未通过 card, and only the roles that read invoices (owner,
finance, support) have the invoice cards and the due-date reminder (issue 12). The money cards
(issue 13, ``money``) follow SPEC §11 too: owner and finance read earnings and withdrawals and
see all four; operations reads only the deposit summary and sees only the deposit outstanding;
support and viewer see none. Issue 14: the refund requests awaiting a decision, with the nearest
decide-by date and how many are late (R-REF-4), for the roles that read refunds (owner, finance,
support), with a reminder the working day before a decide-by date; the tickets awaiting the
vendor's reply (R-TKT-1) for every role but viewer. The Workbench itself is for every role: each
has at least Pending changes and Messages to count. Business dates are Beijing dates
(``domain.workdays.business_date``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Signal

from vendor_desktop.cache.core.changes import ChangeSet
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.cache.invoices.dashboard import DUE_SOON_WORKING_DAYS, InvoiceCounts, invoice_counts
from vendor_desktop.cache.orders.dashboard import (
    DashboardCounts,
    RefundCounts,
    dashboard_counts,
    refund_counts,
    tickets_awaiting_reply,
)
from vendor_desktop.domain.money import format_fen
from vendor_desktop.domain.roles import Permission
from vendor_desktop.domain.workdays import business_date
from vendor_desktop.viewmodels.core.background import BackgroundRunner
from vendor_desktop.viewmodels.core.refresh import Refresher
from vendor_desktop.viewmodels.core.states import Tone
from vendor_desktop.viewmodels.dashboard.invoice_reminder import InvoiceReminder, RemindedToday
from vendor_desktop.viewmodels.dashboard.money import MoneyCards, MoneyFigures, money_figures
from vendor_desktop.viewmodels.dashboard.refund_reminder import RefundReminder

__all__ = ["CARDS", "DUE_SOON_WORKING_DAYS", "Card", "CardSpec", "DashboardViewModel", "versus_yesterday"]


def shanghai_today() -> dt.date:
    """Business dates are in Asia/Shanghai, wherever the laptop is."""
    return business_date(dt.datetime.now(dt.UTC))


@dataclass(frozen=True)
class CardSpec:
    key: str
    area: str  # the area the card opens; "": a figure that opens nothing
    preset: str | None  # the filter it opens with (the view's ``show_preset``)
    permission: str | None  # the permission that shows the card (its area's, or its figure's); None: everyone
    todo: bool  # a to-do (a count of things to act on) rather than a figure
    urgent: Tone = Tone.TODO  # the tone of a to-do that is not zero
    money: bool = False  # a money card (资金): a section of its own; its figure and tone are the money's


_L, _O, _M = Permission.LISTINGS_READ.value, Permission.ORDERS_READ.value, Permission.MESSAGES_READ.value
_I = Permission.INVOICES_READ.value
_E, _D = Permission.EARNINGS_READ.value, Permission.DEPOSIT_READ.value
_R, _T = Permission.REFUNDS_READ.value, Permission.TICKETS_READ.value

# Every card, in the order shown: the to-dos first, then today's figures, then the money.
CARDS: tuple[CardSpec, ...] = (
    CardSpec("unpaid", "orders", "unpaid", _O, True, Tone.WAITING),
    CardSpec("to_deliver", "orders", "to_deliver", _O, True, Tone.TODO),
    # R-REF-4: red once one is past its decide-by date (the card says how many).
    CardSpec("refunds_awaiting", "refunds", "requested", _R, True, Tone.TODO),
    CardSpec("rejected_listings", "listings", "rejected", _L, True, Tone.URGENT),
    # R-INV-3: red only for the overdue ones; the others are the vendor's move (amber).
    CardSpec("invoices_pending", "invoices", "pending", _I, True, Tone.TODO),
    CardSpec("invoices_overdue", "invoices", "overdue", _I, True, Tone.URGENT),
    CardSpec("invoices_due_soon", "invoices", "due_soon", _I, True, Tone.TODO),
    CardSpec("tickets_awaiting", "tickets", "replied", _T, True, Tone.TODO),
    CardSpec("refused_changes", "changes", "rejected", None, True, Tone.URGENT),
    CardSpec("unread", "messages", "unread", _M, True, Tone.TODO),
    CardSpec("today", "orders", "today", _O, False),
    CardSpec("revenue", "", None, _O, False),
    CardSpec("on_sale", "listings", "on_sale", _L, False),
    # Issue 13: the money, each opening the Money area (资金管理) with what it is about as preset.
    CardSpec("withdrawable", "money", "earnings", _E, False, money=True),
    CardSpec("on_hold", "money", "earnings", _E, False, money=True),
    CardSpec("deposit_outstanding", "money", "deposit", _D, False, money=True),
    CardSpec("withdrawals_in_flight", "money", "withdrawals", _E, False, money=True),
)


@dataclass(frozen=True)
class Card:
    """What one card shows now."""

    key: str
    area: str
    preset: str | None
    todo: bool
    value: str
    # A to-do: Tone.CLOSED when there is nothing to do (calm), else its tone. A figure: Tone.DONE.
    tone: Tone
    # A figure beside yesterday's ("Yesterday 12 · +3"); "" when it has none.
    comparison: str = ""
    # What the figure means now, when it depends on the data (the money cards); "": the view's own.
    caption: str = ""
    money: bool = False

    @property
    def calm(self) -> bool:
        """A to-do with nothing to do."""
        return self.todo and self.tone == Tone.CLOSED


def versus_yesterday(today: int, yesterday: int, fmt: Callable[[int], str]) -> str:
    """Yesterday's figure and how today differs ("Yesterday 12 · +3"), in the current language."""
    diff = today - yesterday
    if diff > 0:
        text = QCoreApplication.translate("DashboardViewModel", "Yesterday %1 · +%2")
    elif diff < 0:
        text = QCoreApplication.translate("DashboardViewModel", "Yesterday %1 · −%2")
    else:
        text = QCoreApplication.translate("DashboardViewModel", "Yesterday %1 · same")
    return text.replace("%1", fmt(yesterday)).replace("%2", fmt(abs(diff)))


def _count(n: int) -> str:
    return f"{n:,}"


@dataclass(frozen=True)
class _Counted:
    """Everything one reload counts, on the reads runner."""

    counts: DashboardCounts
    invoices: InvoiceCounts
    money: MoneyFigures
    refunds: RefundCounts
    tickets: int


class DashboardViewModel(QObject):
    counts_changed = Signal()

    def __init__(
        self,
        db: CacheDatabase,
        parent: QObject | None = None,
        *,
        reads: BackgroundRunner | None = None,
        permissions: Collection[str] | None = None,
        today: Callable[[], dt.date] = shanghai_today,
        settings: QSettings | None = None,
        settings_key: str = "",
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._today = today
        # None: every card (tests that build the viewmodel alone).
        self.permissions = frozenset(permissions) if permissions is not None else None
        self.counts = DashboardCounts()
        self.invoices = InvoiceCounts()
        self.money = MoneyFigures()
        self.refunds = RefundCounts()
        self.tickets_awaiting = 0
        self._money_cards = MoneyCards(self)
        reads = reads if reads is not None else BackgroundRunner(self, name="vendor-desktop-reads")
        # Counting scans the whole orders table: after a pull, on the reads runner.
        self._refresh: Refresher[_Counted] = Refresher(reads, self._prepare_reload, self._reloaded)
        self.refresh()
        # The reminder the working day before an invoice falls due: only for who reads invoices.
        self.reminder: InvoiceReminder | None = None
        if self.may_read_invoices:
            reminded = RemindedToday(settings, f"invoice_reminders/{settings_key}") if settings is not None else None
            self.reminder = InvoiceReminder(db, reads, today, reminded, self)
        # R-REF-4: the working day before a refund request's decide-by date, for who reads refunds.
        self.refund_reminder: RefundReminder | None = None
        if self._may(_R):
            reminded = RemindedToday(settings, f"refund_reminders/{settings_key}") if settings is not None else None
            self.refund_reminder = RefundReminder(db, reads, today, reminded, self)

    def _may(self, permission: str) -> bool:
        return self.permissions is None or permission in self.permissions

    @property
    def may_read_invoices(self) -> bool:
        return self._may(_I)

    # -- what the cards show -------------------------------------------------------------------
    def specs(self) -> list[CardSpec]:
        """The cards this user sees: those of the areas their role may read."""
        return [
            s for s in CARDS if s.permission is None or self.permissions is None or s.permission in self.permissions
        ]

    def cards(self) -> list[Card]:
        c = self.counts
        todos = {
            "unpaid": c.unpaid_orders,
            "to_deliver": c.to_deliver_orders,
            "rejected_listings": c.rejected_listings,
            "refused_changes": c.refused_changes,
            "unread": c.unread_messages,
            "invoices_pending": self.invoices.pending,
            "invoices_overdue": self.invoices.overdue,
            "invoices_due_soon": self.invoices.due_soon,
            "refunds_awaiting": self.refunds.awaiting,
            "tickets_awaiting": self.tickets_awaiting,
        }
        figures = {
            "today": (_count(c.today_orders), versus_yesterday(c.today_orders, c.yesterday_orders, _count)),
            "revenue": (
                format_fen(c.today_revenue_fen),
                versus_yesterday(c.today_revenue_fen, c.yesterday_revenue_fen, format_fen),
            ),
            "on_sale": (_count(c.listings_on_sale), ""),
        }
        shown = []
        for s in self.specs():
            if s.key == "refunds_awaiting":
                shown.append(self._refund_card(s))
            elif s.todo:
                n = todos[s.key]
                shown.append(Card(s.key, s.area, s.preset, True, _count(n), s.urgent if n else Tone.CLOSED))
            elif s.money:
                may_pay = self._may(Permission.DEPOSIT_PAY.value)
                value, shade, caption = self._money_cards.card(s.key, self.money, may_pay=may_pay)
                shown.append(Card(s.key, s.area, s.preset, False, value, shade, caption=caption, money=True))
            else:
                value, comparison = figures[s.key]
                shown.append(Card(s.key, s.area, s.preset, False, value, Tone.DONE, comparison))
        return shown

    def _refund_card(self, s: CardSpec) -> Card:
        """R-REF-4: how many await a decision, the nearest decide-by date, and how many are late."""
        r = self.refunds
        if not r.awaiting:
            return Card(s.key, s.area, s.preset, True, "0", Tone.CLOSED)
        caption = QCoreApplication.translate("DashboardViewModel", "Nearest decide-by date %1").replace(
            "%1", r.nearest_decide_by.isoformat() if r.nearest_decide_by else "—"
        )
        if r.late:
            late = r.late  # lupdate skips a call whose count is not a name
            caption += " · " + self.tr("%n late", "", late)
        return Card(
            s.key, s.area, s.preset, True, _count(r.awaiting), Tone.URGENT if r.late else s.urgent, caption=caption
        )

    def figures(self) -> dict[str, str]:
        """Each card's figure, formatted for display (money as ¥1,234.50)."""
        return {card.key: card.value for card in self.cards()}

    # -- loading -------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Count here and now (at start, and in tests)."""
        self._refresh.supersede()
        self._reloaded(self._prepare_reload()())

    def set_shown(self, shown: bool) -> None:
        """Whether the Workbench is on screen: hidden, a pull only marks the figures stale.
        Shown on a new Beijing day, "today" and "yesterday" move on even if nothing changed."""
        self._refresh.set_shown(shown)
        if shown and not self._refresh.busy and self._today() != self._counted_on:
            self._refresh.request()

    @property
    def refreshing(self) -> bool:
        return self._refresh.busy

    def _prepare_reload(self) -> Callable[[], _Counted]:
        db, today, invoices = self._db, self._today(), self.may_read_invoices
        deposit, earnings = self._may(_D), self._may(_E)
        refunds, tickets = self._may(_R), self._may(_T)
        self._counted_on = today

        def load() -> _Counted:
            with db.session() as session:
                return _Counted(
                    dashboard_counts(session, today),
                    invoice_counts(session, today) if invoices else InvoiceCounts(),
                    money_figures(session, earnings=earnings) if deposit else MoneyFigures(),
                    refund_counts(session, today) if refunds else RefundCounts(),
                    tickets_awaiting_reply(session) if tickets else 0,
                )

        return load

    def _reloaded(self, counted: _Counted) -> None:
        self.counts, self.invoices, self.money = counted.counts, counted.invoices, counted.money
        self.refunds, self.tickets_awaiting = counted.refunds, counted.tickets
        self.counts_changed.emit()

    def on_data_changed(self, changes: ChangeSet) -> None:
        # Commands too: a refused change, and a message marked read, count at once.
        touched = set(changes.entities())
        if touched & {
            "order",
            "message",
            "listing",
            "command",
            "invoice",
            "deposit",
            "earning",
            "withdrawal",
            "refund",
            "ticket",
        }:
            self._refresh.request()
        if "invoice" in touched and self.reminder is not None:
            self.reminder.check()
        if "refund" in touched and self.refund_reminder is not None:
            self.refund_reminder.check()
