"""The Orders view (订单管理): filter, search, sort and review orders from the cache, offline too.

R-ORD-2: orders can be queried by number, buyer, listing, state and date.
R-ORD-4: the buyer shows masked, with the marketplace's virtual number, never a real phone.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from vendor_desktop.cache.core.changes import ChangeSet
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.cache.core.outbox import Command, CommandState
from vendor_desktop.cache.orders.queries import OrderQuery, OrderRow, OrderTotals, order_detail, order_totals
from vendor_desktop.cache.orders.refund import OrderRefund, refund_of_order
from vendor_desktop.domain.discounts import zhe
from vendor_desktop.domain.markets import MARKETS
from vendor_desktop.domain.money import format_fen
from vendor_desktop.domain.orders import OrderState
from vendor_desktop.domain.roles import Permission, Role
from vendor_desktop.viewmodels.core.background import BackgroundRunner
from vendor_desktop.viewmodels.core.commands import CommandQueue, can_retry
from vendor_desktop.viewmodels.core.date_ranges import QuickRange, beijing_today, matching_quick_range, quick_range
from vendor_desktop.viewmodels.core.labels import (
    billing_mode_label,
    is_chinese,
    local_time,
    market_label,
    order_state_label,
    price_with_unit,
    virtual_number_label,
)
from vendor_desktop.viewmodels.core.refresh import Refresher
from vendor_desktop.viewmodels.core.states import tone
from vendor_desktop.viewmodels.orders.delivery import MANUAL_MARKETS, DeliveryViewModel, why_cannot_deliver
from vendor_desktop.viewmodels.orders.detail import DetailField, delivery_fields, refund_field, state_hint
from vendor_desktop.viewmodels.orders.export import AMOUNT_COLUMN, COLUMNS, order_cells, write_orders_csv
from vendor_desktop.viewmodels.orders.price_change import PriceChangeViewModel, why_price_cannot_change
from vendor_desktop.viewmodels.orders.table import OrderLine, OrdersTableModel, change_notice, latest_order_changes

# What other modules import from here, though it lives next door.
__all__ = [
    "AMOUNT_COLUMN",
    "COLUMNS",
    "MANUAL",
    "OPEN",
    "DetailField",
    "OrderLine",
    "OrdersTableModel",
    "OrdersViewModel",
    "change_notice",
    "market_choices",
    "markets_of",
    "order_cells",
    "order_market_choices",
    "order_state_choices",
    "state_choices",
    "states_of",
]


@dataclass(frozen=True)
class _Reloaded:
    """What a reload after a pull read: the ids, and the selected order as it is now (None when
    the list no longer holds it)."""

    ids: Sequence[str]
    rows: dict[str, OrderLine]  # the first rows, which the view paints right after the swap
    selected: str | None
    detail: OrderRow | None
    change: Command | None
    refund: OrderRefund | None
    totals: OrderTotals


def _contains(ids: Sequence[str], order_id: str) -> bool:
    """On the reads thread: a selection past the first screenfuls loads the other ids there too,
    so keeping it selected does not load them on the GUI thread."""
    try:
        ids.index(order_id)
    except ValueError:
        return False
    return True


def discount_text(order: OrderRow) -> str:
    """The buyer-specific discount this order got (R-DSC-2), as 折 or % off by language."""
    percent = order.discount_percent
    if not percent:
        return "—"
    text = (
        zhe(percent)
        if is_chinese()
        else QCoreApplication.translate("OrdersViewModel", "%1% off (buyer pays %2%)")
        .replace("%1", str(100 - percent))
        .replace("%2", str(percent))
    )
    if order.list_price_fen:
        text += " · " + QCoreApplication.translate("OrdersViewModel", "list price %1").replace(
            "%1", price_with_unit(order.list_price_fen, order.billing_mode)
        )
    return text


def state_choices() -> list[tuple[str, str]]:
    """(value, label) for the state filter, in the order of R-ORD-1."""
    return [(s.value, order_state_label(s.value)) for s in OrderState]


# The market filter's choice of every manual-service market at once (R-ORD-5: the orders the
# vendor delivers), next to the single markets.
MANUAL = "manual"


def market_choices() -> list[tuple[str, str]]:
    """(value, label) for a market filter, in the order of SPEC §1."""
    return [(m, market_label(m)) for m in MARKETS]


def order_market_choices() -> list[tuple[str, str]]:
    """The Orders market filter: all manual services (the orders the vendor delivers), then each market."""
    return [(MANUAL, QCoreApplication.translate("OrdersViewModel", "All manual services")), *market_choices()]


# The state filter's choice of every order still open (R-EXT-1: not completed or cancelled, nor
# refunded in full): what blocks leaving the marketplace.
OPEN = "open"
OPEN_STATES = tuple(
    s.value for s in OrderState if s not in (OrderState.COMPLETED, OrderState.CANCELLED, OrderState.REFUNDED)
)


def order_state_choices() -> list[tuple[str, str]]:
    """The Orders state filter: every open order, then each state in the order of R-ORD-1."""
    return [
        (OPEN, QCoreApplication.translate("OrdersViewModel", "Open (not completed or cancelled)")),
        *state_choices(),
    ]


def states_of(choice: str | None) -> list[str]:
    """The states a choice of the state filter stands for (none: every state)."""
    if not choice:
        return []
    return list(OPEN_STATES) if choice == OPEN else [choice]


def markets_of(choice: str | None) -> list[str]:
    """The markets a choice of the market filter stands for (none: every market)."""
    if not choice:
        return []
    return list(MANUAL_MARKETS) if choice == MANUAL else [choice]


class OrdersViewModel(QObject):
    """Filters and the selected order; the table model does the listing."""

    count_changed = Signal(int)
    totals_changed = Signal()  # the sum of the listed orders' amounts is known, or unknown again
    selected_changed = Signal()
    export_finished = Signal(str, int)  # path, rows written
    export_failed = Signal(str)

    def __init__(
        self,
        db: CacheDatabase,
        runner: BackgroundRunner,
        parent: QObject | None = None,
        *,
        queue: CommandQueue | None = None,
        reads: BackgroundRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._runner = runner  # exports: bulk disk work
        self._queue = queue  # None: a read-only list (no signed-in user to act as)
        self.model = OrdersTableModel(db, self)
        self.selected: OrderRow | None = None
        self.selected_change: Command | None = None
        self.selected_refund: OrderRefund | None = None  # only for who reads refunds (SPEC §11)
        self.exporting = False
        # Today in Beijing, for the quick date ranges (tests set another day).
        self.today: Callable[[], dt.date] = beijing_today
        # Reloads after a pull run on the reads runner (the app shares one among its areas).
        reads = reads if reads is not None else BackgroundRunner(self, name="vendor-desktop-reads")
        self._refresh: Refresher[_Reloaded] = Refresher(reads, self._prepare_reload, self._reloaded)
        # The total (合计) of what the filters select sums every matching row's amount: tens of
        # milliseconds for 100,000 orders, so it runs on the reads runner after each filter and
        # the count shows at once, the total a moment later.
        self.totals: OrderTotals | None = None
        self._totals: Refresher[OrderTotals] = Refresher(reads, self._prepare_totals, self._totals_read)
        # Sorting and filtering reload at once, on this thread: a pull's reload started before
        # them would show the list as it was sorted and filtered then.
        self.model.sort_changed.connect(self._refresh.supersede)
        self.model.reload()
        self._totals.request()

    # -- filters -----------------------------------------------------------------------------
    @property
    def query(self) -> OrderQuery:
        return self.model.query

    def _set_query(self, **changes: Any) -> None:
        query = dataclasses.replace(self.model.query, **changes)
        if query == self.model.query:
            return
        self.model.query = query
        self.model.reload()
        self._refresh.supersede()
        self.totals = None
        self._totals.request()
        self.count_changed.emit(self.model.total)
        self.totals_changed.emit()
        if self.selected is not None:
            # Still listed: read it again, as the reload after a pull this one superseded would have.
            self.select(self.selected.id if self.model.row_of(self.selected.id) >= 0 else None)

    @Slot(str)
    def set_search_text(self, text: str) -> None:
        self._set_query(text=text.strip()[:200])

    def set_states(self, states: Sequence[str]) -> None:
        self._set_query(states=tuple(OrderState(s).value for s in states))

    def set_markets(self, markets: Sequence[str]) -> None:
        self._set_query(markets=tuple(markets))

    def set_date_range(self, date_from: dt.date | None, date_to: dt.date | None) -> None:
        if date_from and date_to and date_from > date_to:  # a reversed range means the same days
            date_from, date_to = date_to, date_from
        self._set_query(date_from=date_from, date_to=date_to)

    def set_quick_range(self, which: QuickRange | str) -> tuple[dt.date, dt.date]:
        """Filter on today, the last 7 or the last 30 days in Beijing; returns the dates set."""
        date_from, date_to = quick_range(which, self.today())
        self.set_date_range(date_from, date_to)
        return date_from, date_to

    @property
    def quick_range(self) -> QuickRange | None:
        """The quick range the date filter is now, if it is one."""
        query = self.model.query
        return matching_quick_range(query.date_from, query.date_to, self.today())

    def clear_filters(self) -> None:
        self._set_query(states=(), markets=(), date_from=None, date_to=None, text="")

    @property
    def filtered(self) -> bool:
        query = self.model.query
        return bool(query.states or query.markets or query.date_from or query.date_to or query.text.strip())

    def why_clear_disabled(self) -> str:
        return "" if self.filtered else QCoreApplication.translate("OrdersViewModel", "No filter is set.")

    @property
    def count(self) -> int:
        return self.model.total

    # -- the total of the listed orders (合计) ---------------------------------------------------
    def _prepare_totals(self) -> Callable[[], OrderTotals]:
        query, db = self.model.query, self._db

        def load() -> OrderTotals:
            with db.session() as session:
                return order_totals(session, query)

        return load

    def total_text(self) -> str:
        """The sum of the listed orders' amounts (¥123,456.00); "" until it is known for this list."""
        if self.totals is None or self.totals.count != self.model.total:
            return ""
        return format_fen(self.totals.amount_fen)

    def _totals_read(self, totals: OrderTotals) -> None:
        self.totals = totals
        self.totals_changed.emit()

    # -- selection and detail ----------------------------------------------------------------
    @property
    def reads_refunds(self) -> bool:
        """SPEC §11: an order shows its refund only to the roles that read refunds."""
        return self._queue is not None and Permission.REFUNDS_READ.value in self._queue.user.permissions

    def select(self, order_id: str | None) -> None:
        self.selected, self.selected_change, self.selected_refund = None, None, None
        if order_id is not None:
            with self._db.session() as session:
                self.selected = order_detail(session, order_id)
                self.selected_change = latest_order_changes(session, [order_id]).get(order_id)
                if self.reads_refunds:
                    self.selected_refund = refund_of_order(session, order_id)
        self.selected_changed.emit()

    def change_notice(self) -> str:
        """What happened to the selected order's price change, if one is open."""
        if self.selected is None or self.selected_change is None:
            return ""
        return change_notice(self.selected, self.selected_change)

    # -- price change (R-ORD-3) ------------------------------------------------------------------
    def why_price_cannot_change(self) -> str:
        """Why "Change price" is disabled for the selection ("" when it is enabled)."""
        if self._queue is None:
            return QCoreApplication.translate("OrdersViewModel", "Sign in to change prices.")
        return why_price_cannot_change(self.selected, self._queue.user)

    # -- delivery (R-ORD-5) ------------------------------------------------------------------------
    def why_cannot_deliver(self) -> str:
        """Why *Start delivery…* is disabled for the selection ("" when it is enabled)."""
        if self._queue is None:
            return QCoreApplication.translate("OrdersViewModel", "Sign in to deliver orders.")
        return why_cannot_deliver(self.selected, self._queue.user, self.selected_change)

    @property
    def may_deliver(self) -> bool:
        """Whether this user's role starts deliveries at all (the button shows only then)."""
        return self._queue is not None and Permission.ORDERS_DELIVER.value in self._queue.user.permissions

    def new_delivery(self) -> DeliveryViewModel:
        assert self._queue is not None and self.selected is not None
        return DeliveryViewModel(self._queue, self.selected, self.selected_change, self)

    def new_price_change(self, *, for_selection: bool = True) -> PriceChangeViewModel:
        """A price change for the selected order, or one to fill in by order number."""
        assert self._queue is not None
        order = self.selected if for_selection and not self.why_price_cannot_change() else None
        return PriceChangeViewModel(self._queue, order, self)

    def dismiss_change(self) -> None:
        """The user has read why the change was refused: forget it (the order never changed)."""
        if self._queue is not None and self.selected_change is not None:
            self._queue.discard(self.selected_change.id)

    def retry_change(self) -> None:
        """Send the refused change again, based on the order as it is now."""
        if self._queue is not None and self.selected_change is not None and self.selected is not None:
            self._queue.retry(self.selected_change.id, base_version=self.selected.version)

    @property
    def change_retryable(self) -> bool:
        """Only a refusal that another try can cure (the order moved on under the change)."""
        return self.selected_change is not None and can_retry(self.selected_change)

    @property
    def change_rejected(self) -> bool:
        return self.selected_change is not None and self.selected_change.state == CommandState.REJECTED

    def detail_fields(self) -> list[DetailField]:
        """The whole order as label/value pairs for the detail pane; the state as a tag with what
        it asks of the vendor."""
        o = self.selected
        if o is None:
            return []
        state = DetailField(
            QCoreApplication.translate("OrdersViewModel", "State"),
            order_state_label(o.state or ""),
            tone("order", o.state or ""),
            state_hint(o.state, o.market),
        )
        pairs = [
            (QCoreApplication.translate("OrdersViewModel", "Order number"), o.number),
            state,
            (QCoreApplication.translate("OrdersViewModel", "Amount"), price_with_unit(o.amount_fen, o.billing_mode)),
            (QCoreApplication.translate("OrdersViewModel", "Listing"), o.listing_name),
            (QCoreApplication.translate("OrdersViewModel", "Market"), market_label(o.market)),
            (
                QCoreApplication.translate("OrdersViewModel", "Billing mode"),
                billing_mode_label(o.billing_mode),
            ),
            (QCoreApplication.translate("OrdersViewModel", "Buyer"), o.buyer_name),
            (QCoreApplication.translate("OrdersViewModel", "Buyer account ID"), o.buyer_account_id),
            (QCoreApplication.translate("OrdersViewModel", "Contact (masked)"), o.buyer_contact),
            # R-ORD-4 号码隐私保护: the only number a vendor may call
            (QCoreApplication.translate("OrdersViewModel", "Virtual number"), virtual_number_label(o.virtual_number)),
            (QCoreApplication.translate("OrdersViewModel", "Created"), local_time(o.created_at)),
            (QCoreApplication.translate("OrdersViewModel", "Paid at"), local_time(o.paid_at) or "—"),
            (QCoreApplication.translate("OrdersViewModel", "Discount"), discount_text(o)),
            *delivery_fields(o),
        ]
        if self.selected_refund is not None and self.reads_refunds:
            pairs.append(refund_field(self.selected_refund))
        return [f if isinstance(f, DetailField) else DetailField(f[0], f[1] or "—") for f in pairs]

    # -- changes from a pull -----------------------------------------------------------------
    def on_data_changed(self, changes: ChangeSet) -> None:
        if {"order", "refund"} & changes.entities():
            self._refresh.request()

    def set_shown(self, shown: bool) -> None:
        """Whether the Orders page is on screen: hidden, a pull only marks the list stale."""
        self._refresh.set_shown(shown)
        self._totals.set_shown(shown)

    @property
    def refreshing(self) -> bool:
        """A reload after a change is running and not shown yet."""
        return self._refresh.busy

    def _prepare_reload(self) -> Callable[[], _Reloaded]:
        list_loader = self.model.loader()
        totals_loader = self._prepare_totals()
        selected = self.selected.id if self.selected else None
        db, refunds = self._db, self.reads_refunds

        def load() -> _Reloaded:
            found, rows = list_loader()
            totals = totals_loader()
            if selected is None or not _contains(found, selected):
                return _Reloaded(found, rows, selected, None, None, None, totals)
            with db.session() as session:
                detail = order_detail(session, selected)
                change = latest_order_changes(session, [selected]).get(selected)
                refund = refund_of_order(session, selected) if refunds else None
            return _Reloaded(found, rows, selected, detail, change, refund, totals)

        return load

    def _reloaded(self, result: _Reloaded) -> None:
        # The selection survives a reload if the order is still listed, with what the pull
        # brought; a selection the user made meanwhile was read after the pull and stays.
        keep = self.selected is not None and self.selected.id == result.selected
        if keep:
            self.selected, self.selected_change, self.selected_refund = result.detail, result.change, result.refund
        self.model.apply_ids(result.ids, result.rows)
        self._totals.supersede()  # read with the ids: newer than any total still on its way
        self.totals = result.totals
        self.count_changed.emit(self.model.total)
        self.totals_changed.emit()
        if keep:
            self.selected_changed.emit()

    # -- export ------------------------------------------------------------------------------
    def why_export_disabled(self) -> str:
        """Why Export is disabled ("" when it is enabled) — for the button's tooltip."""
        if self._queue is not None and self._queue.user.role == Role.VIEWER:
            # SPEC §11: read-only accounts do not export.
            return QCoreApplication.translate("OrdersViewModel", "Read-only accounts cannot export orders.")
        if self.exporting:
            return QCoreApplication.translate("OrdersViewModel", "An export is being written.")
        if self.model.total == 0:
            return QCoreApplication.translate("OrdersViewModel", "No orders to export: no order matches these filters.")
        return ""

    def export_csv(self, path: str) -> None:
        """The filtered, sorted list as CSV that Excel opens correctly (UTF-8 with BOM)."""
        query = self.model.query
        headers = self.model.headers()
        self.exporting = True
        self.count_changed.emit(self.model.total)  # the Export button says it is busy

        def done(n: int) -> None:
            self.exporting = False
            self.count_changed.emit(self.model.total)
            self.export_finished.emit(path, n)

        def failed(exc: BaseException) -> None:
            self.exporting = False
            self.count_changed.emit(self.model.total)
            self.export_failed.emit(str(exc))

        self._runner.submit(
            lambda: write_orders_csv(self._db, query, headers, Path(path)), on_done=done, on_error=failed
        )
