"""Buyer-specific discounts (指定商品折扣), R-DSC-1 and R-DSC-2: list, grant, revoke.

Grants and revocations are commands in the durable outbox; until the server answers, a grant
shows as a pending row at the top of the list and a revocation as a second tag on its row. The
grant dialog shows what a discount means before it is sent: the buyer's name as this computer
knows it, and the listing's prices after the discount, rounded as the marketplace rounds them.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Signal

from vendor_desktop.cache.core import outbox
from vendor_desktop.cache.core.changes import ChangeSet
from vendor_desktop.cache.discounts.queries import buyer_name, discount_ids, listing_prices, listings_for_choice
from vendor_desktop.domain.discounts import DiscountState, discounted_fen, periods_overlap, validate_discount
from vendor_desktop.domain.markets import BillingMode
from vendor_desktop.domain.money import format_fen
from vendor_desktop.domain.roles import Permission
from vendor_desktop.viewmodels.core.background import BackgroundRunner
from vendor_desktop.viewmodels.core.commands import CommandQueue
from vendor_desktop.viewmodels.core.labels import billing_mode_label
from vendor_desktop.viewmodels.core.refresh import Refresher
from vendor_desktop.viewmodels.discounts.table import (
    DiscountLine,
    DiscountsTableModel,
    parse_moment,
    percent_hint,
    percent_text,
    shanghai_minutes,
    state_choices,
)

__all__ = ["DiscountForm", "DiscountsViewModel", "percent_hint", "percent_text", "price_lines", "state_choices"]

MAX_BUYER = 64


def per_unit(fen: int, mode: str) -> str:
    """An amount with what it buys: ¥999.00/月, ¥2,990.00/年, ¥0.05/次 (GLOSSARY)."""
    units = {
        BillingMode.MONTHLY: QCoreApplication.translate("DiscountsViewModel", "%1/month"),
        BillingMode.YEARLY: QCoreApplication.translate("DiscountsViewModel", "%1/year"),
        BillingMode.PAYG: QCoreApplication.translate("DiscountsViewModel", "%1/call"),
    }
    return units.get(mode, "%1").replace("%1", format_fen(fen))  # type: ignore[call-overload]


def price_lines(prices: dict[str, int], percent: int) -> list[str]:
    """Each billing mode's price and the price after the discount, rounded as the marketplace
    rounds an order's amount (R-DSC-2, domain.discounted_fen): 包月 ¥999.00/月 → ¥849.15/月."""
    return [
        f"{billing_mode_label(mode)} {per_unit(prices[mode], mode)} → "
        f"{per_unit(discounted_fen(prices[mode], percent), mode)}"
        for mode in BillingMode
        if mode in prices
    ]


@dataclass(frozen=True)
class DiscountForm:
    listing_id: str
    buyer_account_id: str
    percent: int
    valid_from: dt.datetime  # aware
    valid_until: dt.datetime  # aware


class DiscountsViewModel(QObject):
    problems_changed = Signal(dict)  # field → message
    queued = Signal(object)  # ChangeSet of a grant, once it is on disk (revocations: the main window)
    save_failed = Signal(str)  # a grant could not be written on this computer: why, in the user's language
    selected_changed = Signal()
    count_changed = Signal(int)
    # The buyer account ID as typed, and what this computer knows of that buyer: their name, or
    # a sentence saying no order of theirs is here (a hint: the marketplace decides).
    buyer_looked_up = Signal(str, str, bool)

    def __init__(
        self, queue: CommandQueue, parent: QObject | None = None, *, reads: BackgroundRunner | None = None
    ) -> None:
        super().__init__(parent)
        self._queue = queue
        self._db = queue.db
        self._user = queue.user
        db = queue.db
        self.model = DiscountsTableModel(db, self)
        self.selected: DiscountLine | None = None
        reads = reads if reads is not None else BackgroundRunner(self, name="vendor-desktop-reads")
        self._reads = reads
        self._refresh: Refresher[tuple[Sequence[str], dict[str, DiscountLine]]] = Refresher(
            reads, self.model.loader, self._reloaded
        )
        self.model.reload()

    @property
    def can_write(self) -> bool:
        return Permission.DISCOUNTS_WRITE.value in self._user.permissions

    def why_read_only(self) -> str:
        if self.can_write:
            return ""
        return QCoreApplication.translate(
            "DiscountsViewModel", "Your role cannot grant or revoke discounts. Ask the main account or operations."
        )

    def set_search_text(self, text: str) -> None:
        self.model.text = text.strip()[:100]
        self._filtered()

    def set_states(self, states: Sequence[str]) -> None:
        """Show only discounts in these states (by the clock); none: every discount."""
        self.model.states = tuple(states)
        self._filtered()

    def _filtered(self) -> None:
        self.model.reload()
        self._refresh.supersede()  # a pull's reload started before would show the old filter
        self.count_changed.emit(self.model.total)

    @property
    def count(self) -> int:
        return self.model.total

    def empty_text(self) -> str:
        """Why the list is empty and what to do."""
        if self.model.filtered:
            return QCoreApplication.translate(
                "DiscountsViewModel", "No discounts match the search or state. Clear them to see every discount."
            )
        return QCoreApplication.translate(
            "DiscountsViewModel", "No discounts yet. Give a buyer a discount on a listing with “Give discount…”."
        )

    # -- the grant dialog's consequences ---------------------------------------------------------
    def look_up_buyer(self, account_id: str) -> None:
        """Find the buyer's name in the cache, off the GUI thread; ``buyer_looked_up`` answers."""
        account = account_id.strip()
        if not account:
            self.buyer_looked_up.emit(account_id, "", False)
            return
        db = self._db

        def find() -> str | None:
            with db.session() as session:
                return buyer_name(session, account)

        def found(name: str | None) -> None:
            if name:
                self.buyer_looked_up.emit(account_id, name, True)
            else:
                self.buyer_looked_up.emit(
                    account_id,
                    QCoreApplication.translate("DiscountsViewModel", "No orders from this buyer on this computer"),
                    False,
                )

        self._reads.submit(find, on_done=found)

    def prices(self, listing_id: str) -> dict[str, int]:
        """The listing's price per billing mode (one row by its key)."""
        if not listing_id:
            return {}
        with self._db.session() as session:
            return listing_prices(session, listing_id)

    def listings(self) -> list[tuple[str, str]]:
        """(id, name) of the listings a discount can be given on."""
        with self._db.session() as session:
            return [(lid, name) for lid, name, _market, state in listings_for_choice(session) if state == "on_sale"]

    def select(self, row: int) -> None:
        self.selected = self.model.row_at(row) if row >= 0 else None
        self.selected_changed.emit()

    def why_cannot_revoke(self) -> str:
        """Why Revoke cannot succeed for the selected row, in a sentence; empty when it can."""
        if not self.can_write:
            return self.why_read_only()
        line = self.selected
        if line is None:
            return QCoreApplication.translate("DiscountsViewModel", "Select a discount to revoke it.")
        if line.discount is None:
            return QCoreApplication.translate(
                "DiscountsViewModel",
                "This discount has not reached the marketplace yet. To take it back, discard it in Pending changes.",
            )
        state = line.state(dt.datetime.now(dt.UTC))
        if state == DiscountState.REVOKED:
            return QCoreApplication.translate("DiscountsViewModel", "This discount is already revoked.")
        if state == DiscountState.EXPIRED:
            return QCoreApplication.translate("DiscountsViewModel", "This discount has expired: nothing to revoke.")
        if line.command is not None:
            return QCoreApplication.translate("DiscountsViewModel", "Revoking it is already waiting to send.")
        return ""

    # -- grant -----------------------------------------------------------------------------------
    def check(self, form: DiscountForm) -> dict[str, str]:
        problems: dict[str, str] = {}
        if not self.can_write:
            problems["form"] = self.why_read_only()
        if not form.listing_id:
            problems["listing_id"] = QCoreApplication.translate("DiscountsViewModel", "Choose a listing.")
        buyer = form.buyer_account_id.strip()
        if not buyer:
            problems["buyer_account_id"] = QCoreApplication.translate(
                "DiscountsViewModel", "Enter the buyer's account ID."
            )
        elif len(buyer) > MAX_BUYER or not buyer.replace("-", "").replace("_", "").isalnum():
            problems["buyer_account_id"] = QCoreApplication.translate(
                "DiscountsViewModel", "A buyer account ID has letters and digits only (at most 64)."
            )
        for problem in validate_discount(form.percent, form.valid_from, form.valid_until):
            if problem.field == "percent":
                problems["percent"] = QCoreApplication.translate(
                    "DiscountsViewModel", "The buyer pays 1% to 99% of the price (e.g. 80 = 20% off)."
                )
            else:
                problems["valid_until"] = QCoreApplication.translate(
                    "DiscountsViewModel", "The end must come after the start."
                )
        if not problems:
            clash = self._overlapping(form)
            if clash:
                problems["valid_from"] = clash
        self.problems_changed.emit(problems)
        return problems

    def _overlapping(self, form: DiscountForm) -> str:
        """R-DSC-2 checked early against what this computer knows; the server has the last word."""
        with self._db.session() as session:
            lines = self.model._lines(discount_ids(session, text=""))
            grants = outbox.open_commands_of_kind(session, "discount.create")
        periods = []
        for line in lines.values():
            d = line.discount
            if (
                d
                and d.state != "revoked"
                and d.listing_id == form.listing_id
                and d.buyer_account_id == form.buyer_account_id.strip()
            ):
                periods.append((d.valid_from, d.valid_until))
        for c in grants:
            s = c.summary or {}
            start, end = parse_moment(s.get("valid_from")), parse_moment(s.get("valid_until"))
            if (
                s.get("listing_id") == form.listing_id
                and s.get("buyer_account_id") == form.buyer_account_id.strip()
                and start
                and end
            ):
                periods.append((start, end))
        for start, end in periods:
            if periods_overlap(start, end, form.valid_from, form.valid_until):
                return (
                    QCoreApplication.translate(
                        "DiscountsViewModel", "This buyer already has a discount on this listing from %1 to %2."
                    )
                    .replace("%1", shanghai_minutes(start))
                    .replace("%2", shanghai_minutes(end))
                )
        return ""

    def grant(self, form: DiscountForm) -> bool:
        if self.check(form):
            return False
        names = dict(self.listings())
        payload = {
            "listing_id": form.listing_id,
            "buyer_account_id": form.buyer_account_id.strip(),
            "percent": form.percent,
            "valid_from": form.valid_from.isoformat(),
            "valid_until": form.valid_until.isoformat(),
        }
        summary = {**payload, "listing_name": names.get(form.listing_id, form.listing_id)}
        self._queue.enqueue(
            self.queued.emit,
            self.save_failed.emit,
            entity="discount",
            kind="discount.create",
            entity_id=f"local-{uuid.uuid4()}",
            base_version=None,
            method="POST",
            path="/discounts",
            payload=payload,
            summary=summary,
        )
        return True

    def revoke(self) -> bool:
        if self.why_cannot_revoke():
            return False
        d = self.selected.discount  # type: ignore[union-attr]
        assert d is not None
        self._queue.enqueue(  # no form to report to: a failure is said in the main window
            entity="discount",
            kind="discount.revoke",
            entity_id=d.id,
            base_version=d.version,
            method="DELETE",
            path=f"/discounts/{d.id}",
            payload=None,
            summary={"listing_name": d.listing_name, "buyer_account_id": d.buyer_account_id, "percent": d.percent},
        )
        return True

    def on_data_changed(self, changes: ChangeSet) -> None:
        if {"discount", "command"} & set(changes.entities()):
            self._refresh.request()

    def set_shown(self, shown: bool) -> None:
        """Whether the Discounts page is on screen: hidden, a change only marks the list stale."""
        self._refresh.set_shown(shown)

    @property
    def refreshing(self) -> bool:
        return self._refresh.busy

    def _reloaded(self, loaded: tuple[Sequence[str], dict[str, DiscountLine]]) -> None:
        self.model.apply_ids(*loaded)
        self.count_changed.emit(self.model.total)
