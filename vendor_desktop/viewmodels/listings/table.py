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
from vendor_desktop.cache.listings.queries import CHANGES_IN_REVIEW, ListingRow, listing_ids, listings_by_id
from vendor_desktop.domain.listings import ListingState
from vendor_desktop.viewmodels.core.commands import CommandQueue
from vendor_desktop.viewmodels.core.labels import (
    CHANGE_ROLE,
    local_time,
    market_label,
    server_message,
)
from vendor_desktop.viewmodels.core.paged_table import PagedTableModel
from vendor_desktop.viewmodels.core.states import TAGS_ROLE, Tone, tone
from vendor_desktop.viewmodels.listings.prices import billing_text

__all__ = ["CHANGES_IN_REVIEW", "billing_text"]

PENDING_PREFIX = "command:"
COMMAND_KINDS = ("listing.create", "listing.update", "listing.submit", "listing.delist")
# The columns, in order (the view sizes them; tests read cells by name).
# No delivery column: the market decides it (R-MKT-1); the detail pane says it.
COLUMNS = ("name", "market", "state", "prices", "updated", "review_due")
STATE_COLUMN = COLUMNS.index("state")
PRICES_COLUMN = COLUMNS.index("prices")


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


def listing_tags(listing: ListingRow) -> list[tuple[str, Tone]]:
    """The listing's state as a tag, and the state of its changes as a second one (R-LST-3, R-LST-5).
    Changes waiting to be submitted are the vendor's move (amber)."""
    tags = [(state_label(listing.state), tone("listing", listing.state))]
    if listing.revision:
        state = str(listing.revision.get("state", "draft"))
        shade = Tone.TODO if state == ListingState.DRAFT else tone("listing", state)
        tags.append((revision_state_label(state), shade))
    return tags


def delivery_label(delivery: str) -> str:
    names = {
        "image": QCoreApplication.translate("ListingsViewModel", "Image"),
        "manual": QCoreApplication.translate("ListingsViewModel", "Manual service"),
        "api": QCoreApplication.translate("ListingsViewModel", "API"),
        "saas": QCoreApplication.translate("ListingsViewModel", "SaaS"),
    }
    return names.get(delivery, delivery)


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
        return QCoreApplication.translate("ListingsViewModel", "not accepted: %1").replace("%1", reason)
    names = {
        "listing.create": QCoreApplication.translate("ListingsViewModel", "draft waiting to send"),
        "listing.update": QCoreApplication.translate("ListingsViewModel", "edit waiting to send"),
        "listing.submit": QCoreApplication.translate("ListingsViewModel", "submission waiting to send"),
        "listing.delist": QCoreApplication.translate("ListingsViewModel", "delisting waiting to send"),
    }
    return names.get(command.kind, command.kind)


def command_tag(command: Command) -> tuple[str, Tone]:
    """A change of ours on its way (blue), or refused by the marketplace (red: the user decides)."""
    if command.state in (CommandState.REJECTED, CommandState.HELD):
        if command.state == CommandState.HELD:
            return QCoreApplication.translate("ListingsViewModel", "Waiting for an earlier change"), Tone.TODO
        return QCoreApplication.translate("ListingsViewModel", "Not accepted"), Tone.URGENT
    return command_text(command), Tone.WAITING


def rejection_reason(listing: ListingRow) -> str:
    """The review's reason for refusing the listing, or its changes (R-LST-3); "" if neither."""
    if listing.state == ListingState.REJECTED:
        return listing.reject_reason or ""
    revision = listing.revision or {}
    return str(revision.get("reject_reason") or "") if revision.get("state") == ListingState.REJECTED else ""


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
                command_text(self.change) if self.change else "",
                "",
                "",
                "",
            ]
        row = self.listing
        state = " · ".join(text for text, _ in self.tags())
        if self.change is not None and self.change.state == CommandState.REJECTED:
            state += " · " + command_text(self.change)  # the reason, which the tag leaves out
        return [
            row.name,
            market_label(row.market),
            state,
            billing_text(row.billing),
            local_time(row.updated_at),
            due_text(row),
        ]

    def tags(self) -> list[tuple[str, Tone]]:
        tags = listing_tags(self.listing) if self.listing is not None else []
        if self.change is not None:
            tags.append(command_tag(self.change))
        return tags

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
            QCoreApplication.translate("ListingsViewModel", "State"),
            QCoreApplication.translate("ListingsViewModel", "Prices"),
            QCoreApplication.translate("ListingsViewModel", "Last change"),
            QCoreApplication.translate("ListingsViewModel", "Review due"),
        ]

    def display(self, row: ListingLine, column: int) -> Any:
        return row.cells()[column]

    def cells(self, row: ListingLine) -> list[Any]:
        return list(row.cells())

    def row_data(self, row: ListingLine, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole text where a column cuts it
            text = self.display(row, column)
            if row.listing is not None and column == STATE_COLUMN:
                reason = rejection_reason(row.listing)
                if reason:
                    text += "\n" + QCoreApplication.translate("ListingsViewModel", "Reason: %1").replace("%1", reason)
            return text or None
        if role == TAGS_ROLE and column == STATE_COLUMN:
            return row.tags()
        if role == CHANGE_ROLE:
            return row.change_state
        return None
