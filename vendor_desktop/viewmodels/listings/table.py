"""The listings as a table (商品管理): each listing's state, prices and review due date, with the
change queued on it; drafts queued here and not yet sent show first."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt

from vendor_desktop.cache.core import outbox
from vendor_desktop.cache.core.outbox import Command, CommandState
from vendor_desktop.cache.listings.queries import ListingRow, listing_ids, listings_by_id
from vendor_desktop.domain.listings import ListingState
from vendor_desktop.domain.money import format_fen
from vendor_desktop.viewmodels.core.commands import CommandQueue
from vendor_desktop.viewmodels.core.labels import (
    CHANGE_ROLE,
    billing_mode_label,
    local_time,
    market_label,
    not_accepted,
    server_message,
)
from vendor_desktop.viewmodels.core.paged_table import PagedTableModel

PENDING_PREFIX = "command:"
COMMAND_KINDS = ("listing.create", "listing.update", "listing.submit", "listing.delist")


def state_label(state: str) -> str:
    names = {
        ListingState.DRAFT: QCoreApplication.translate("ListingsViewModel", "Draft"),
        ListingState.IN_REVIEW: QCoreApplication.translate("ListingsViewModel", "In review"),
        ListingState.ON_SALE: QCoreApplication.translate("ListingsViewModel", "On sale"),
        ListingState.REJECTED: QCoreApplication.translate("ListingsViewModel", "Rejected"),
        ListingState.DELISTED: QCoreApplication.translate("ListingsViewModel", "Delisted"),
    }
    return names.get(state, state)  # type: ignore[call-overload]


def revision_state_label(state: str) -> str:
    """R-LST-5: the state of an on-sale listing's changes (GLOSSARY "listing revision")."""
    names = {
        ListingState.DRAFT: QCoreApplication.translate("ListingsViewModel", "Changes not submitted"),
        ListingState.IN_REVIEW: QCoreApplication.translate("ListingsViewModel", "Changes in review"),
        ListingState.REJECTED: QCoreApplication.translate("ListingsViewModel", "Changes rejected"),
    }
    return names.get(state, state)  # type: ignore[call-overload]


def delivery_label(delivery: str) -> str:
    names = {
        "image": QCoreApplication.translate("ListingsViewModel", "Image"),
        "manual": QCoreApplication.translate("ListingsViewModel", "Manual service"),
        "api": QCoreApplication.translate("ListingsViewModel", "API"),
        "saas": QCoreApplication.translate("ListingsViewModel", "SaaS"),
    }
    return names.get(delivery, delivery)


def billing_text(billing: dict[str, int]) -> str:
    order = ("payg", "monthly", "yearly")
    return "  ".join(f"{billing_mode_label(m)} {format_fen(billing[m])}" for m in order if m in billing)


def due_text(listing: ListingRow) -> str:
    """R-LST-4: the review's due date; approximate when that year's holidays are not known yet."""
    due = listing.review_due
    revision = listing.revision or {}
    if revision.get("state") == "in_review" and revision.get("review_due"):
        due = dt.date.fromisoformat(str(revision["review_due"])[:10])
    if due is None:
        return ""
    text = due.isoformat()
    if listing.review_due_approximate or revision.get("review_due_approximate"):
        text += " " + QCoreApplication.translate("ListingsViewModel", "(estimate)")
    return text


def command_text(command: Command) -> str:
    if command.state == CommandState.REJECTED:
        reason = server_message(command.error_message or "", command.error_message_zh or "") or command.error_code or ""
        return not_accepted(reason)
    names = {
        "listing.create": QCoreApplication.translate("ListingsViewModel", "draft waiting to send"),
        "listing.update": QCoreApplication.translate("ListingsViewModel", "changes waiting to send"),
        "listing.submit": QCoreApplication.translate("ListingsViewModel", "submission waiting to send"),
        "listing.delist": QCoreApplication.translate("ListingsViewModel", "delisting waiting to send"),
    }
    return names.get(command.kind, command.kind)


@dataclass(frozen=True)
class ListingLine:
    listing: ListingRow | None
    change: Command | None  # the newest open command on it (or the queued create)

    def cells(self) -> list[str]:
        if self.listing is None:
            s = (self.change.summary if self.change else {}) or {}
            market = str(s.get("market", ""))
            return [
                str(s.get("name", "")),
                market_label(market),
                "",
                command_text(self.change) if self.change else "",
                "",
                "",
                "",
            ]
        row = self.listing
        state = state_label(row.state)
        if row.revision:
            state += " · " + revision_state_label(str(row.revision.get("state", "draft")))
        if self.change is not None:
            state += " · " + command_text(self.change)
        return [
            row.name,
            market_label(row.market),
            delivery_label(row.delivery),
            state,
            billing_text(row.billing),
            local_time(row.updated_at),
            due_text(row),
        ]

    @property
    def change_state(self) -> str | None:
        if self.change is None:
            return None
        return "rejected" if self.change.state in (CommandState.REJECTED, CommandState.HELD) else "pending"


class ListingsTableModel(PagedTableModel[ListingLine]):
    def __init__(self, queue: CommandQueue, parent: QObject | None = None) -> None:
        self._db = queue.db
        self.states: tuple[str, ...] = ()
        self.markets: tuple[str, ...] = ()
        self.text = ""
        super().__init__(None, self._lines, parent)

    def _creates(self, session: Any) -> list[Command]:
        return outbox.open_commands_of_kind(session, "listing.create")

    def ids_loader(self) -> Callable[[], Sequence[str]]:
        states, markets, text = self.states, self.markets, self.text  # the filter as it is now

        def load() -> list[str]:
            with self._db.session() as session:
                creates = self._creates(session)
                ids = listing_ids(session, states=states, markets=markets, text=text)
            return [f"{PENDING_PREFIX}{c.id}" for c in creates] + ids

        return load

    def _lines(self, ids: Sequence[str]) -> dict[str, ListingLine]:
        real = [i for i in ids if not i.startswith(PENDING_PREFIX)]
        with self._db.session() as session:
            creates = {f"{PENDING_PREFIX}{c.id}": c for c in self._creates(session)}
            listings = listings_by_id(session, real)
            open_ = outbox.open_commands_for(session, "listing", real)
        lines = {i: ListingLine(None, creates[i]) for i in ids if i in creates}
        for i, listing in listings.items():
            commands = open_.get(i, [])
            lines[i] = ListingLine(listing, commands[-1] if commands else None)
        return lines

    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("ListingsViewModel", "Name"),
            QCoreApplication.translate("ListingsViewModel", "Market"),
            QCoreApplication.translate("ListingsViewModel", "Delivery"),
            QCoreApplication.translate("ListingsViewModel", "State"),
            QCoreApplication.translate("ListingsViewModel", "Billing and prices"),
            QCoreApplication.translate("ListingsViewModel", "Last change"),
            QCoreApplication.translate("ListingsViewModel", "Review due"),
        ]

    def display(self, row: ListingLine, column: int) -> Any:
        return row.cells()[column]

    def cells(self, row: ListingLine) -> list[Any]:
        return list(row.cells())

    def row_data(self, row: ListingLine, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            if row.listing is not None and row.listing.reject_reason and column == 3:
                return QCoreApplication.translate("ListingsViewModel", "Rejected: %1").replace(
                    "%1", row.listing.reject_reason
                )
            return self.display(row, column)
        if role == CHANGE_ROLE:
            return row.change_state
        return None
