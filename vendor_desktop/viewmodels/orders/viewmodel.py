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
from vendor_desktop.cache.orders.queries import OrderQuery, OrderRow, order_detail
from vendor_desktop.domain.discounts import zhe
from vendor_desktop.domain.markets import MARKETS
from vendor_desktop.domain.money import format_fen
from vendor_desktop.domain.orders import OrderState
from vendor_desktop.viewmodels.core.background import BackgroundRunner
from vendor_desktop.viewmodels.core.commands import CommandQueue, can_retry
from vendor_desktop.viewmodels.core.labels import (
    billing_mode_label,
    is_chinese,
    local_time,
    market_label,
    order_state_label,
)
from vendor_desktop.viewmodels.core.refresh import Refresher
from vendor_desktop.viewmodels.orders.export import AMOUNT_COLUMN, COLUMNS, order_cells, write_orders_csv
from vendor_desktop.viewmodels.orders.price_change import PriceChangeViewModel, why_price_cannot_change
from vendor_desktop.viewmodels.orders.table import OrderLine, OrdersTableModel, change_notice, latest_price_changes

# What other modules import from here, though it lives next door.
__all__ = [
    "AMOUNT_COLUMN",
    "COLUMNS",
    "OrderLine",
    "OrdersTableModel",
    "OrdersViewModel",
    "change_notice",
    "market_choices",
    "order_cells",
    "state_choices",
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
            "%1", format_fen(order.list_price_fen)
        )
    return text


def state_choices() -> list[tuple[str, str]]:
    """(value, label) for the state filter, in the order of R-ORD-1."""
    return [(s.value, order_state_label(s.value)) for s in OrderState]


def market_choices() -> list[tuple[str, str]]:
    """(value, label) for the market filter, in the order of SPEC §1."""
    return [(m, market_label(m)) for m in MARKETS]


class OrdersViewModel(QObject):
    """Filters and the selected order; the table model does the listing."""

    count_changed = Signal(int)
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
        # Reloads after a pull run on the reads runner (the app shares one among its areas).
        reads = reads if reads is not None else BackgroundRunner(self, name="vendor-desktop-reads")
        self._refresh: Refresher[_Reloaded] = Refresher(reads, self._prepare_reload, self._reloaded)
        # Sorting and filtering reload at once, on this thread: a pull's reload started before
        # them would show the list as it was sorted and filtered then.
        self.model.sort_changed.connect(self._refresh.supersede)
        self.model.reload()

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
        self.count_changed.emit(self.model.total)
        if self.selected is not None and self.model.row_of(self.selected.id) < 0:
            self.select(None)

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

    def clear_filters(self) -> None:
        self._set_query(states=(), markets=(), date_from=None, date_to=None, text="")

    @property
    def count(self) -> int:
        return self.model.total

    # -- selection and detail ----------------------------------------------------------------
    def select(self, order_id: str | None) -> None:
        self.selected, self.selected_change = None, None
        if order_id is not None:
            with self._db.session() as session:
                self.selected = order_detail(session, order_id)
                self.selected_change = latest_price_changes(session, [order_id]).get(order_id)
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

    def detail_fields(self) -> list[tuple[str, str]]:
        """The whole order as label/value pairs for the detail pane."""
        o = self.selected
        if o is None:
            return []
        return [
            (QCoreApplication.translate("OrdersViewModel", "Order number"), o.number),
            (QCoreApplication.translate("OrdersViewModel", "State"), order_state_label(o.state)),
            (QCoreApplication.translate("OrdersViewModel", "Amount"), format_fen(o.amount_fen)),
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
            (QCoreApplication.translate("OrdersViewModel", "Virtual number"), o.virtual_number),
            (QCoreApplication.translate("OrdersViewModel", "Created"), local_time(o.created_at)),
            (QCoreApplication.translate("OrdersViewModel", "Paid at"), local_time(o.paid_at) or "—"),
            (QCoreApplication.translate("OrdersViewModel", "Discount"), discount_text(o)),
        ]

    # -- changes from a pull -----------------------------------------------------------------
    def on_data_changed(self, changes: ChangeSet) -> None:
        if "order" in changes.entities():
            self._refresh.request()

    def set_shown(self, shown: bool) -> None:
        """Whether the Orders page is on screen: hidden, a pull only marks the list stale."""
        self._refresh.set_shown(shown)

    @property
    def refreshing(self) -> bool:
        """A reload after a change is running and not shown yet."""
        return self._refresh.busy

    def _prepare_reload(self) -> Callable[[], _Reloaded]:
        list_loader = self.model.loader()
        selected = self.selected.id if self.selected else None
        db = self._db

        def load() -> _Reloaded:
            found, rows = list_loader()
            if selected is None or not _contains(found, selected):
                return _Reloaded(found, rows, selected, None, None)
            with db.session() as session:
                detail = order_detail(session, selected)
                change = latest_price_changes(session, [selected]).get(selected)
            return _Reloaded(found, rows, selected, detail, change)

        return load

    def _reloaded(self, result: _Reloaded) -> None:
        # The selection survives a reload if the order is still listed, with what the pull
        # brought; a selection the user made meanwhile was read after the pull and stays.
        keep = self.selected is not None and self.selected.id == result.selected
        if keep:
            self.selected, self.selected_change = result.detail, result.change
        self.model.apply_ids(result.ids, result.rows)
        self.count_changed.emit(self.model.total)
        if keep:
            self.selected_changed.emit()

    # -- export ------------------------------------------------------------------------------
    def export_csv(self, path: str) -> None:
        """The filtered, sorted list as CSV that Excel opens correctly (UTF-8 with BOM)."""
        query = self.model.query
        headers = self.model.headers()
        self._runner.submit(
            lambda: write_orders_csv(self._db, query, headers, Path(path)),
            on_done=lambda n: self.export_finished.emit(path, n),
            on_error=lambda exc: self.export_failed.emit(str(exc)),
        )
