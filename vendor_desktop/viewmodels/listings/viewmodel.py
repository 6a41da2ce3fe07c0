"""The Listings area (商品管理): where each listing stands, when its review is due, what to do next.

R-LST-3 states, R-LST-4 due dates (Chinese working days), R-LST-5 revisions of on-sale listings.
Submit, delist and bulk delist are queued commands; each row shows its own pending or refused
change, so a bulk delist reports per row.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from vendor_desktop.cache.core.changes import ChangeSet
from vendor_desktop.cache.listings.queries import ListingRow
from vendor_desktop.domain.listings import ListingState, can_delist, can_submit, validate_listing
from vendor_desktop.domain.roles import Permission
from vendor_desktop.viewmodels.core.background import BackgroundRunner
from vendor_desktop.viewmodels.core.commands import CommandQueue
from vendor_desktop.viewmodels.core.labels import billing_mode_label, market_label
from vendor_desktop.viewmodels.core.refresh import Refresher
from vendor_desktop.viewmodels.listings.listing_editor import ListingEditorViewModel, config_label, problem_text
from vendor_desktop.viewmodels.listings.table import (
    ListingLine,
    ListingsTableModel,
    billing_text,
    due_text,
    revision_state_label,
    state_label,
)

__all__ = ["ListingLine", "ListingsTableModel", "ListingsViewModel", "state_label"]

class ListingsViewModel(QObject):
    selected_changed = Signal()
    count_changed = Signal(int)
    bulk_done = Signal(list)  # [(listing name, result text)] for a bulk delist

    def __init__(
        self, queue: CommandQueue, parent: QObject | None = None, *, reads: BackgroundRunner | None = None
    ) -> None:
        super().__init__(parent)
        self._queue = queue
        self.model = ListingsTableModel(queue, self)
        self.selected: list[ListingLine] = []
        reads = reads if reads is not None else BackgroundRunner(self, name="vendor-desktop-reads")
        self._refresh: Refresher[tuple[Sequence[str], dict[str, ListingLine]]] = Refresher(
            reads, self.model.loader, self._reloaded
        )
        self.model.reload()

    @property
    def can_write(self) -> bool:
        return Permission.LISTINGS_WRITE.value in self._queue.user.permissions

    # -- filters -------------------------------------------------------------------------------
    def set_filter(
        self, *, text: str | None = None, states: Sequence[str] | None = None, markets: Sequence[str] | None = None
    ) -> None:
        if text is not None:
            self.model.text = text.strip()[:100]
        if states is not None:
            self.model.states = tuple(states)
        if markets is not None:
            self.model.markets = tuple(markets)
        self.model.reload()
        self._refresh.supersede()  # a pull's reload started before would show the old filter
        self.count_changed.emit(self.model.total)
        self.select_rows([])

    # -- selection -----------------------------------------------------------------------------
    def select_rows(self, rows: Sequence[int]) -> None:
        lines = [self.model.row_at(r) for r in rows]
        self.selected = [line for line in lines if line is not None]
        self.selected_changed.emit()

    @property
    def current(self) -> ListingRow | None:
        return self.selected[0].listing if len(self.selected) == 1 else None

    def _blocked(self) -> str:
        if not self.can_write:
            return QCoreApplication.translate("ListingsViewModel", "Your role can only read listings.")
        return ""

    def why_cannot_edit(self) -> str:
        if self._blocked():
            return self._blocked()
        if self.current is None:
            return QCoreApplication.translate(
                "ListingsViewModel", "Select one listing that has reached the marketplace."
            )
        return ListingEditorViewModel(self._queue, self.current).why_read_only()

    def why_cannot_submit(self) -> str:
        listing = self.current
        if self._blocked() or listing is None:
            return self._blocked() or QCoreApplication.translate(
                "ListingsViewModel", "Select one listing that has reached the marketplace."
            )
        revision = listing.revision or {}
        if listing.state == ListingState.ON_SALE and revision.get("state") in ("draft", "rejected"):
            content = {**listing.content(), **{k: v for k, v in revision.items() if k in listing.content()}}
        elif can_submit(listing.state):
            content = listing.content()
        else:
            return QCoreApplication.translate(
                "ListingsViewModel",
                "Only a draft, rejected or delisted listing (or an on-sale listing's changes) can be submitted; this one is %1.",
            ).replace("%1", state_label(listing.state))
        problems = validate_listing(content, for_submit=True)
        if problems:
            return problem_text(problems[0].field, problems[0].code)
        return ""

    def why_cannot_delist(self) -> str:
        if self._blocked():
            return self._blocked()
        listings = [line.listing for line in self.selected if line.listing is not None]
        if not listings:
            return QCoreApplication.translate("ListingsViewModel", "Select the listings to delist.")
        if not any(can_delist(x.state) for x in listings):
            return QCoreApplication.translate("ListingsViewModel", "Only listings on sale can be delisted.")
        return ""

    def new_editor(self, *, edit: bool) -> ListingEditorViewModel:
        return ListingEditorViewModel(self._queue, self.current if edit else None, self)

    # -- lifecycle (R-LST-3) ---------------------------------------------------------------------
    def submit(self) -> None:
        listing = self.current
        if self.why_cannot_submit() or listing is None:
            return
        self._queue.enqueue(
            kind="listing.submit",
            entity="listing",
            entity_id=listing.id,
            base_version=listing.version,
            method="POST",
            path=f"/listings/{listing.id}/submit",
            payload=None,
            summary={"name": listing.name},
        )

    def delist(self) -> None:
        """Delist every selected listing that is on sale; the others are reported, not touched.

        ``bulk_done`` gives one line per listing once every delisting is on this computer, or could
        not be written there and why: a listing is never said to be queued before it is."""
        if self.why_cannot_delist():
            return
        listings = [line.listing for line in self.selected if line.listing is not None]
        outcomes: list[str | None] = [None] * len(listings)

        def report(index: int, outcome: str) -> None:
            outcomes[index] = outcome
            if all(o is not None for o in outcomes):
                self.bulk_done.emit([(x.name, o) for x, o in zip(listings, outcomes, strict=True)])

        for index, listing in enumerate(listings):
            if not can_delist(listing.state):
                outcomes[index] = QCoreApplication.translate("ListingsViewModel", "skipped: not on sale (%1)").replace(
                    "%1", state_label(listing.state)
                )
        for index, listing in enumerate(listings):
            if outcomes[index] is not None:
                continue
            self._queue.enqueue(
                lambda _changes, i=index: report(
                    i, QCoreApplication.translate("ListingsViewModel", "delisting waiting to send")
                ),
                lambda message, i=index: report(i, message),  # also logged, and in the status bar
                kind="listing.delist",
                entity="listing",
                entity_id=listing.id,
                base_version=listing.version,
                method="POST",
                path=f"/listings/{listing.id}/delist",
                payload=None,
                summary={"name": listing.name},
            )

    # -- detail: the live version and the revision side by side (R-LST-5) ------------------------
    def detail_columns(self) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
        listing = self.current
        if listing is None:
            return [], []
        live = _describe(listing.content(), listing)
        revision = listing.revision
        if not revision:
            return live, []
        content = {**listing.content(), **{k: v for k, v in revision.items() if k in listing.content()}}
        extra = [
            (QCoreApplication.translate("ListingsViewModel", "State"), revision_state_label(str(revision.get("state", ""))))
        ]
        if revision.get("reject_reason"):
            extra.append(
                (QCoreApplication.translate("ListingsViewModel", "Rejection reason"), str(revision["reject_reason"]))
            )
        return live, extra + _describe(content, None)

    def on_data_changed(self, changes: ChangeSet) -> None:
        if {"listing", "command"} & set(changes.entities()):
            self._refresh.request()

    def set_shown(self, shown: bool) -> None:
        """Whether the Listings page is on screen: hidden, a change only marks the list stale."""
        self._refresh.set_shown(shown)

    @property
    def refreshing(self) -> bool:
        return self._refresh.busy

    def _reloaded(self, loaded: tuple[Sequence[str], dict[str, ListingLine]]) -> None:
        current = self.current.id if self.current else None
        self.model.apply_ids(*loaded)
        self.count_changed.emit(self.model.total)
        row = self.model.row_of(current) if current else -1
        self.select_rows([row] if row >= 0 else [])


def _describe(content: dict[str, Any], listing: ListingRow | None) -> list[tuple[str, str]]:
    config = content.get("delivery_config") or {}
    fields = [
        (QCoreApplication.translate("ListingsViewModel", "Name"), str(content.get("name", ""))),
        (QCoreApplication.translate("ListingsViewModel", "Market"), market_label(str(content.get("market", "")))),
        (QCoreApplication.translate("ListingsViewModel", "Summary"), str(content.get("summary", ""))),
        (
            QCoreApplication.translate("ListingsViewModel", "Billing and prices"),
            billing_text(content.get("billing") or {}),
        ),
    ]
    for key, value in config.items():
        shown = (
            "  ".join(f"{billing_mode_label(m)} {n:,}" for m, n in value.items())
            if isinstance(value, dict)
            else str(value)
        )
        fields.append((config_label(str(key)), shown))
    if listing is not None:
        fields.append((QCoreApplication.translate("ListingsViewModel", "State"), state_label(listing.state)))
        if listing.reject_reason:
            fields.append((QCoreApplication.translate("ListingsViewModel", "Rejection reason"), listing.reject_reason))
        if listing.review_due:
            fields.append((QCoreApplication.translate("ListingsViewModel", "Review due"), due_text(listing)))
        if listing.security_review:
            fields.append(
                (
                    QCoreApplication.translate("ListingsViewModel", "Security review"),
                    QCoreApplication.translate("ListingsViewModel", "Image listings pass a security review first."),
                )
            )
    agreement = str(content.get("agreement") or "")
    fields.append(
        (
            QCoreApplication.translate("ListingsViewModel", "Listing service agreement"),
            (agreement[:60] + "…") if len(agreement) > 60 else agreement or "—",
        )
    )
    return fields
