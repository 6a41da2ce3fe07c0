"""The Refunds view (退款): buyers' refund requests from the cache, offline too (issue 14, SPEC §5).

The list opens on what awaits the vendor's decision, the nearest decide-by date first (R-REF-4),
each with the rule that applies in words (R-REF-1…3) and the time left. The selected request's
detail: the order, the buyer's reason and history of refunds with this vendor, the decide-by date,
an invoice already issued for the order, and what was decided. Owner and support decide (SPEC
§11): *Approve*, *Reject…*, *Partial refund…*, queued through the outbox; finance reads.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from vendor_desktop.cache.core.changes import ChangeSet
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.cache.core.outbox import Command, CommandState
from vendor_desktop.cache.core.sync_state import last_success_at
from vendor_desktop.cache.refunds.queries import (
    RefundRow,
    any_refunds,
    buyer_history,
    refund_detail,
    refunds_of_order,
)
from vendor_desktop.domain.money import format_fen
from vendor_desktop.domain.refunds import (
    SELF_SERVICE_REFUNDS_PER_BUYER,
    Decision,
    RefundRule,
    RefundState,
    vendor_decides,
)
from vendor_desktop.domain.roles import Permission
from vendor_desktop.viewmodels.core.background import BackgroundRunner
from vendor_desktop.viewmodels.core.commands import CommandQueue, can_retry
from vendor_desktop.viewmodels.core.date_ranges import beijing_today
from vendor_desktop.viewmodels.core.labels import local_time, market_label, refund_state_label
from vendor_desktop.viewmodels.core.refresh import Refresher
from vendor_desktop.viewmodels.core.states import Tone
from vendor_desktop.viewmodels.refunds import words
from vendor_desktop.viewmodels.refunds.decision import DecisionViewModel
from vendor_desktop.viewmodels.refunds.table import RefundLine, RefundsTableModel, line_tags, open_decisions

# The state filter's default: what needs the vendor.
DEFAULT_STATES = (RefundState.REQUESTED.value,)


def state_choices() -> list[tuple[str, str]]:
    """(value, label) for the state filter, in SPEC §5's order."""
    return [(s.value, refund_state_label(s.value)) for s in RefundState]


@dataclass(frozen=True)
class Field:
    label: str
    value: str


@dataclass(frozen=True)
class Selected:
    """The selected request and what its detail reads with it, in one read."""

    refund: RefundRow
    change: Command | None
    order_refunds: list[RefundRow]  # every request of the same order, newest first
    history: list[RefundRow]  # the buyer's requests with this vendor, newest first


@dataclass(frozen=True)
class _Reloaded:
    ids: Sequence[str]
    rows: dict[str, Any]
    any_refunds: bool
    last_synced: dt.datetime | None
    selected_id: str | None
    selected: Selected | None


def _read_selected(db: CacheDatabase, refund_id: str) -> Selected | None:
    with db.session() as session:
        refund = refund_detail(session, refund_id)
        if refund is None:
            return None
        change = open_decisions(session, [refund_id]).get(refund_id)
        order = refunds_of_order(session, refund.order_id) if refund.order_id else [refund]
        history = buyer_history(session, refund.buyer_account_id)
    return Selected(refund, change, order, history)


class RefundsViewModel(QObject):
    """Filters and the selected request; the table model does the listing."""

    count_changed = Signal(int)
    selected_changed = Signal()

    def __init__(
        self,
        db: CacheDatabase,
        queue: CommandQueue | None,
        reads: BackgroundRunner | None = None,
        permissions: Collection[str] = (),
        parent: QObject | None = None,
        *,
        today: Callable[[], dt.date] = beijing_today,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.queue = queue
        self.reads = reads if reads is not None else BackgroundRunner(self, name="vendor-desktop-reads")
        self.permissions = frozenset(permissions)
        # Today in Beijing: decide-by dates and "late" are Beijing dates (tests set another day).
        self.today = today
        self.model = RefundsTableModel(db, self, today=today())
        self.model.query = dataclasses.replace(self.model.query, states=DEFAULT_STATES)
        self.current: Selected | None = None
        self.any_refunds = False
        self.last_synced: dt.datetime | None = None
        self._refresh: Refresher[_Reloaded] = Refresher(self.reads, self._prepare_reload, self._reloaded)
        self.model.sort_changed.connect(self._refresh.supersede)
        self.model.reload()
        with db.session() as session:
            self.any_refunds = any_refunds(session)
            self.last_synced = last_success_at(session)

    # -- filters -----------------------------------------------------------------------------
    @property
    def query(self) -> Any:
        return self.model.query

    def _set_query(self, **changes: Any) -> None:
        query = dataclasses.replace(self.model.query, **changes)
        if query == self.model.query:
            return
        self.model.query = query
        self.model.today = self.today()
        self.model.reload()
        self._refresh.supersede()
        self.count_changed.emit(self.model.total)
        # The user filtered it away: the detail follows the list (a pull keeps a decided one shown).
        if self.selected is not None and self.model.row_of(self.selected.id) < 0:
            self.select(None)

    @Slot(str)
    def set_search_text(self, text: str) -> None:
        self._set_query(text=text.strip()[:200])

    def set_states(self, states: Sequence[str]) -> None:
        self._set_query(states=tuple(RefundState(s).value for s in states))

    def clear_filters(self) -> None:
        """Every request, whatever its state (Clear filters means: show me everything)."""
        self._set_query(states=(), text="")

    @property
    def awaiting_only(self) -> bool:
        """The list shows only requests awaiting a decision (whatever the search)."""
        return self.model.query.states == DEFAULT_STATES

    @property
    def filtered(self) -> bool:
        q = self.model.query
        return bool(q.states or q.text.strip())

    def why_clear_disabled(self) -> str:
        return "" if self.filtered else QCoreApplication.translate("RefundsViewModel", "No filter is set.")

    @property
    def count(self) -> int:
        return self.model.total

    def count_text(self) -> str:
        n = self.model.total
        if self.model.query.states == DEFAULT_STATES and not self.model.query.text.strip():
            if self.may_decide:  # (lupdate finds no plural in a translate() call: one string per form)
                if n == 1:
                    return QCoreApplication.translate("RefundsViewModel", "1 refund awaits your decision")
                return QCoreApplication.translate("RefundsViewModel", "%1 refunds await your decision").replace(
                    "%1", str(n)
                )
            if n == 1:
                return QCoreApplication.translate("RefundsViewModel", "1 refund awaiting decision")
            return QCoreApplication.translate("RefundsViewModel", "%1 refunds awaiting decision").replace("%1", str(n))
        if n == 1:
            return QCoreApplication.translate("RefundsViewModel", "1 refund")
        return QCoreApplication.translate("RefundsViewModel", "%1 refunds").replace("%1", str(n))

    def empty_text(self) -> str:
        """Why the list is empty and what to do — honest about a copy that was never synced."""
        if not self.any_refunds:
            if self.last_synced is None:
                return QCoreApplication.translate(
                    "RefundsViewModel", "Not synced yet: refund requests arrive with the first sync."
                )
            return QCoreApplication.translate(
                "RefundsViewModel", "No refund requests yet. When a buyer asks for a refund, it appears here."
            )
        if self.model.query.states == DEFAULT_STATES and not self.model.query.text.strip():
            return QCoreApplication.translate(
                "RefundsViewModel", "No refund awaits a decision.\nChoose “All states” to see the decided ones."
            )
        return QCoreApplication.translate(
            "RefundsViewModel", "No refunds match these filters.\nClear the filters or search for something else."
        )

    def synced_text(self) -> str:
        """When this copy came from the marketplace: the list works offline on it."""
        if self.last_synced is None:
            return QCoreApplication.translate("RefundsViewModel", "Not synced yet")
        return QCoreApplication.translate("RefundsViewModel", "As of the last sync, %1").replace(
            "%1", local_time(self.last_synced)
        )

    # -- selection and detail ----------------------------------------------------------------
    @property
    def selected(self) -> RefundRow | None:
        return self.current.refund if self.current else None

    @property
    def selected_change(self) -> Command | None:
        return self.current.change if self.current else None

    def select(self, refund_id: str | None) -> None:
        self.current = _read_selected(self.db, refund_id) if refund_id is not None else None
        self.selected_changed.emit()

    def title(self) -> str:
        r = self.selected
        return (
            QCoreApplication.translate("RefundsViewModel", "Refund for order %1").replace("%1", r.order_number or "—")
            if r
            else ""
        )

    def state_tags(self) -> list[tuple[str, Tone]]:
        if self.current is None:
            return []
        return line_tags(RefundLine(self.current.refund, self.current.change), self.today())

    def refunded_so_far_fen(self) -> int:
        """What the order's requests refunded so far (this one included, once decided)."""
        if self.current is None:
            return 0
        return sum(r.refunded_fen for r in self.current.order_refunds)

    def refundable_fen(self) -> int:
        """What a partial refund may be: paid and not yet refunded by the order's requests (R-REF-4)."""
        r = self.selected
        return max(0, r.paid_fen - self.refunded_so_far_fen()) if r else 0

    def order_fields(self) -> list[Field]:
        r = self.selected
        if r is None:
            return []
        return [
            Field(QCoreApplication.translate("RefundsViewModel", "Order number"), r.order_number or "—"),
            Field(QCoreApplication.translate("RefundsViewModel", "Listing"), r.listing_name or "—"),
            Field(QCoreApplication.translate("RefundsViewModel", "Market"), market_label(r.market or "") or "—"),
            Field(QCoreApplication.translate("RefundsViewModel", "Paid"), format_fen(r.paid_fen)),
            Field(
                QCoreApplication.translate("RefundsViewModel", "Refunded so far"),
                format_fen(self.refunded_so_far_fen()),
            ),
            Field(QCoreApplication.translate("RefundsViewModel", "Buyer account ID"), r.buyer_account_id or "—"),
        ]

    def request_fields(self) -> list[Field]:
        r = self.selected
        if r is None:
            return []
        return [
            Field(QCoreApplication.translate("RefundsViewModel", "Asked"), format_fen(r.amount_fen)),
            Field(QCoreApplication.translate("RefundsViewModel", "Requested"), local_time(r.requested_at)),
            Field(
                QCoreApplication.translate("RefundsViewModel", "Decide by"),
                words.decide_by_text(r, self.today(), long=True),
            ),
            Field(QCoreApplication.translate("RefundsViewModel", "Rule"), words.rule_text(r)),
        ]

    def buyer_reason(self) -> str:
        r = self.selected
        return (r.buyer_reason or "—") if r else ""

    def invoice_notice(self) -> str:
        """An invoice was already issued for the order: after a refund it no longer matches."""
        r = self.selected
        if r is None or not r.invoice_issued:
            return ""
        return QCoreApplication.translate(
            "RefundsViewModel",
            "An invoice was already issued for this order: after the refund, contact the buyer about the invoice.",
        )

    def decision_text(self) -> str:
        return words.decision_text(self.selected) if self.selected else ""

    def history_lines(self) -> list[str]:
        """The buyer's other requests with this vendor, newest first."""
        if self.current is None:
            return []
        return [words.history_line(r) for r in self.current.history if r.id != self.current.refund.id]

    def self_service_text(self) -> str:
        """R-REF-1: how many of its four no-reason refunds the buyer had used before this request."""
        r = self.selected
        if r is None:
            return ""
        return (
            QCoreApplication.translate(
                "RefundsViewModel",
                "No-reason refunds the buyer had used before this request, across the marketplace: %1 of %2",
            )
            .replace("%1", str(r.self_service_before))
            .replace("%2", str(SELF_SERVICE_REFUNDS_PER_BUYER))
        )

    # -- a queued decision ---------------------------------------------------------------------
    def change_notice(self) -> str:
        change = self.selected_change
        return words.change_notice(change) if change is not None else ""

    @property
    def change_rejected(self) -> bool:
        change = self.selected_change
        return change is not None and change.state == CommandState.REJECTED

    @property
    def change_retryable(self) -> bool:
        change = self.selected_change
        return change is not None and can_retry(change)

    def dismiss_change(self) -> None:
        """The user has read why the decision was refused: forget it (the refund never changed)."""
        if self.queue is not None and self.selected_change is not None:
            self.queue.discard(self.selected_change.id)

    def retry_change(self) -> None:
        if self.queue is not None and self.selected_change is not None and self.selected is not None:
            self.queue.retry(self.selected_change.id, base_version=self.selected.version)

    # -- deciding ------------------------------------------------------------------------------
    @property
    def may_decide(self) -> bool:
        """Whether this role decides refunds at all (SPEC §11: the owner and support; finance reads)."""
        return self.queue is not None and Permission.REFUNDS_DECIDE.value in self.permissions

    def read_only_text(self) -> str:
        if self.may_decide:
            return ""
        return QCoreApplication.translate(
            "RefundsViewModel", "Your role reads refunds. The main account and support decide them."
        )

    def why_cannot_decide(self) -> str:
        """Why the decision buttons are disabled ("" when they are enabled)."""
        if not self.may_decide:
            return self.read_only_text()
        r = self.selected
        if r is None:
            return QCoreApplication.translate("RefundsViewModel", "Select a refund that awaits your decision first.")
        if self.selected_change is not None:
            return QCoreApplication.translate(
                "RefundsViewModel", "Your decision on this refund has not been accepted by the marketplace yet."
            )
        if r.rule in set(RefundRule) and not vendor_decides(RefundRule(r.rule)):
            return QCoreApplication.translate("RefundsViewModel", "Nothing to decide: %1").replace(
                "%1", words.rule_text(r)
            )
        if not r.awaiting_decision:
            return QCoreApplication.translate("RefundsViewModel", "Already decided: %1.").replace(
                "%1", refund_state_label(r.state)
            )
        return ""

    def new_decision(self, decision: Decision | str) -> DecisionViewModel:
        assert self.queue is not None and self.selected is not None
        return DecisionViewModel(self.queue, self.selected, decision, self.refundable_fen(), self)

    # -- changes from a pull or a queued change ------------------------------------------------
    def on_data_changed(self, changes: ChangeSet) -> None:
        if {"refund", "command"} & changes.entities():
            self._refresh.request()

    def set_shown(self, shown: bool) -> None:
        """Whether the Refunds page is on screen: hidden, a pull only marks the list stale."""
        self._refresh.set_shown(shown)

    def reload_now(self) -> None:
        """Read everything again here and now (tests, and a language change)."""
        self._reloaded(self._prepare_reload()())

    @property
    def refreshing(self) -> bool:
        return self._refresh.busy

    def _prepare_reload(self) -> Callable[[], _Reloaded]:
        self.model.today = self.today()
        list_loader = self.model.loader()
        selected = self.selected.id if self.selected else None
        db = self.db

        def load() -> _Reloaded:
            found, rows = list_loader()
            with db.session() as session:
                anything, synced = any_refunds(session), last_success_at(session)
            return _Reloaded(
                found, rows, anything, synced, selected, _read_selected(db, selected) if selected else None
            )

        return load

    def _reloaded(self, result: _Reloaded) -> None:
        self.any_refunds, self.last_synced = result.any_refunds, result.last_synced
        # The selected request stays in the detail even when it leaves the list (decided, so no
        # longer awaiting): the vendor sees what became of it.
        keep = self.selected is not None and self.selected.id == result.selected_id
        if keep:
            self.current = result.selected
        self.model.apply_ids(result.ids, result.rows)
        self.count_changed.emit(self.model.total)
        if keep:
            self.selected_changed.emit()
