"""Buyer-specific discounts (指定商品折扣), R-DSC-1 and R-DSC-2: list, grant, revoke.

Grants and revocations are commands in the durable outbox; until the server answers, a grant
shows as a pending row at the top of the list and a revocation as "revoke pending".
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal

from vendor_desktop.cache.core import outbox
from vendor_desktop.cache.core.changes import ChangeSet
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.cache.core.outbox import Command, CommandState
from vendor_desktop.cache.discounts.queries import DiscountRow, discount_ids, discounts_by_id, listings_for_choice
from vendor_desktop.domain.discounts import (
    DiscountState,
    discount_state,
    periods_overlap,
    validate_discount,
)
from vendor_desktop.domain.roles import Permission
from vendor_desktop.domain.workdays import SHANGHAI
from vendor_desktop.viewmodels.core.background import BackgroundRunner
from vendor_desktop.viewmodels.core.commands import CommandQueue
from vendor_desktop.viewmodels.core.labels import CHANGE_ROLE, discount_label, not_accepted, server_message
from vendor_desktop.viewmodels.core.paged_table import PagedTableModel
from vendor_desktop.viewmodels.core.refresh import Refresher

PENDING_PREFIX = "command:"
MAX_BUYER = 64


def percent_text(percent: int) -> str:
    """八折, or 20% off (buyer pays 80%): in the screen's language only (GLOSSARY "discount")."""
    return discount_label(percent)


def state_label(state: DiscountState | str) -> str:
    names = {
        DiscountState.UPCOMING: QCoreApplication.translate("DiscountsViewModel", "Scheduled"),
        DiscountState.ACTIVE: QCoreApplication.translate("DiscountsViewModel", "Active"),
        DiscountState.EXPIRED: QCoreApplication.translate("DiscountsViewModel", "Expired"),
        DiscountState.REVOKED: QCoreApplication.translate("DiscountsViewModel", "Revoked"),
    }
    return names.get(DiscountState(state), str(state))


def shanghai_minutes(moment: dt.datetime | None) -> str:
    return moment.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M") if moment else ""


@dataclass(frozen=True)
class DiscountLine:
    """A row of the Discounts list: a synced discount (and its open revoke), or a queued grant."""

    discount: DiscountRow | None
    command: Command | None  # the queued grant, or the open revocation of ``discount``

    def cells(self, now: dt.datetime) -> list[str]:
        if self.discount is not None:
            d = self.discount
            revoked = d.state == DiscountState.REVOKED
            state = state_label(discount_state(d.valid_from, d.valid_until, now, revoked=revoked))
            if self.command is not None:
                state += " · " + _command_state(self.command, revoke=True)
            return [
                d.listing_name or d.listing_id,
                _buyer(d.buyer_account_id, d.buyer_name),
                percent_text(d.percent),
                shanghai_minutes(d.valid_from),
                shanghai_minutes(d.valid_until),
                state,
            ]
        s = self.command.summary if self.command else {}
        return [
            str(s.get("listing_name", "")),
            str(s.get("buyer_account_id", "")),
            percent_text(int(s.get("percent", 0))),
            shanghai_minutes(_parse(s.get("valid_from"))),
            shanghai_minutes(_parse(s.get("valid_until"))),
            _command_state(self.command, revoke=False) if self.command else "",
        ]

    @property
    def change_state(self) -> str | None:
        if self.command is None:
            return None
        return "rejected" if self.command.state in (CommandState.REJECTED, CommandState.HELD) else "pending"


def _buyer(account_id: str, name: str | None) -> str:
    return f"{name} ({account_id})" if name else account_id


def _parse(value: Any) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _command_state(command: Command, *, revoke: bool) -> str:
    if command.state == CommandState.REJECTED:
        reason = server_message(command.error_message or "", command.error_message_zh or "")
        return not_accepted(reason)
    if revoke:
        return QCoreApplication.translate("DiscountsViewModel", "revoking: waiting to send")
    return QCoreApplication.translate("DiscountsViewModel", "waiting to send")


class DiscountsTableModel(PagedTableModel[DiscountLine]):
    def __init__(self, db: CacheDatabase, parent: QObject | None = None) -> None:
        self._db = db
        self.text = ""
        self.now = dt.datetime.now(dt.UTC)
        super().__init__(None, self._lines, parent)

    def ids_loader(self) -> Callable[[], Sequence[str]]:
        text = self.text  # the search as it is now

        def load() -> list[str]:
            with self._db.session() as session:
                grants = outbox.open_commands_of_kind(session, "discount.create")
                ids = discount_ids(session, text=text)
            return [f"{PENDING_PREFIX}{c.id}" for c in reversed(grants)] + ids

        return load

    def apply_ids(self, ids: Sequence[str], rows: dict[str, DiscountLine] | None = None) -> None:
        self.now = dt.datetime.now(dt.UTC)  # states follow the clock (R-DSC-2: active on [from, until))
        super().apply_ids(ids, rows)

    def _lines(self, ids: Sequence[str]) -> dict[str, DiscountLine]:
        command_ids = {int(i.removeprefix(PENDING_PREFIX)) for i in ids if i.startswith(PENDING_PREFIX)}
        discount_ids_ = [i for i in ids if not i.startswith(PENDING_PREFIX)]
        with self._db.session() as session:
            grants = {c.id: c for c in outbox.open_commands_of_kind(session, "discount.create") if c.id in command_ids}
            discounts = discounts_by_id(session, discount_ids_)
            revokes = outbox.open_commands_for(session, "discount", discount_ids_)
        lines = {f"{PENDING_PREFIX}{cid}": DiscountLine(None, c) for cid, c in grants.items()}
        for i, d in discounts.items():
            open_revokes = [c for c in revokes.get(i, []) if c.kind == "discount.revoke"]
            lines[i] = DiscountLine(d, open_revokes[-1] if open_revokes else None)
        return lines

    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("DiscountsViewModel", "Listing"),
            QCoreApplication.translate("DiscountsViewModel", "Buyer"),
            QCoreApplication.translate("DiscountsViewModel", "Discount"),
            QCoreApplication.translate("DiscountsViewModel", "Valid from"),
            QCoreApplication.translate("DiscountsViewModel", "Valid until"),
            QCoreApplication.translate("DiscountsViewModel", "State"),
        ]

    def display(self, row: DiscountLine, column: int) -> Any:
        return row.cells(self.now)[column]

    def cells(self, row: DiscountLine) -> list[Any]:
        return list(row.cells(self.now))

    def row_data(self, row: DiscountLine, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.display(row, column)
        if role == CHANGE_ROLE:
            return row.change_state
        return None


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
        self.model.reload()
        self._refresh.supersede()  # a pull's reload started before would show the old search
        self.count_changed.emit(self.model.total)

    def listings(self) -> list[tuple[str, str]]:
        """(id, name) of the listings a discount can be given on."""
        with self._db.session() as session:
            return [(lid, name) for lid, name, _market, state in listings_for_choice(session) if state == "on_sale"]

    def select(self, row: int) -> None:
        self.selected = self.model.row_at(row) if row >= 0 else None
        self.selected_changed.emit()

    def why_cannot_revoke(self) -> str:
        if not self.can_write:
            return self.why_read_only()
        line = self.selected
        if line is None or line.discount is None:
            return QCoreApplication.translate(
                "DiscountsViewModel", "Select a discount that has reached the marketplace."
            )
        d = line.discount
        state = discount_state(d.valid_from, d.valid_until, dt.datetime.now(dt.UTC), revoked=d.state == "revoked")
        if state in (DiscountState.REVOKED, DiscountState.EXPIRED):
            return QCoreApplication.translate("DiscountsViewModel", "This discount is already %1.").replace(
                "%1", state_label(state)
            )
        if line.command is not None:
            return QCoreApplication.translate("DiscountsViewModel", "Revoking it is already queued.")
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
                    "DiscountsViewModel", "The buyer pays 1% to 99% of the price (e.g. 80 means 20% off)."
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
            start, end = _parse(s.get("valid_from")), _parse(s.get("valid_until"))
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
