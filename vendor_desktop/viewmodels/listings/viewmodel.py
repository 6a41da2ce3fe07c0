"""The Listings area (商品管理): where each listing stands, when its review is due, what to do next.

R-LST-3 states, R-LST-4 due dates (Chinese working days), R-LST-5 revisions of on-sale listings.
Submit, delist and bulk delist are queued commands; each row shows its own pending or refused
change, so a bulk delist reports per row. Where a market is chosen (the editor, the market filter)
its deposit is previewed from the cached deposit summary (issue 13, ``deposit_preview``).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QObject, Signal

from vendor_desktop.cache.core.changes import ChangeSet
from vendor_desktop.cache.core.outbox import CommandState
from vendor_desktop.cache.listings.queries import ListingRow
from vendor_desktop.domain.listings import ListingState, can_delist, can_submit, validate_listing
from vendor_desktop.domain.roles import Permission
from vendor_desktop.viewmodels.core.background import BackgroundRunner
from vendor_desktop.viewmodels.core.commands import CommandQueue
from vendor_desktop.viewmodels.core.refresh import Refresher
from vendor_desktop.viewmodels.listings.deposit_preview import DepositPaid, deposit_loader, deposit_preview
from vendor_desktop.viewmodels.listings.detail import ListingDetail, listing_detail
from vendor_desktop.viewmodels.listings.listing_editor import ListingEditorViewModel, problem_text
from vendor_desktop.viewmodels.listings.table import (
    CHANGES_IN_REVIEW,
    ListingLine,
    ListingsTableModel,
    revision_state_label,
    state_label,
)

__all__ = ["ListingLine", "ListingsTableModel", "ListingsViewModel", "filter_choices", "state_label"]


def filter_choices() -> list[tuple[str, str]]:
    """The state filter: every listing state (审核未通过 finds rejected changes too), and the on-sale
    listings whose changes are in review (R-LST-3, R-LST-5)."""
    states = [ListingState.DRAFT, ListingState.IN_REVIEW, ListingState.ON_SALE, ListingState.REJECTED]
    choices = [(str(s), state_label(s)) for s in states]
    choices.append((CHANGES_IN_REVIEW, revision_state_label(ListingState.IN_REVIEW)))
    choices.append((str(ListingState.DELISTED), state_label(ListingState.DELISTED)))
    return choices

class ListingsViewModel(QObject):
    selected_changed = Signal()
    count_changed = Signal(int)
    bulk_done = Signal(list)  # [(listing name, result text)] for a bulk delist
    deposit_changed = Signal(object)  # DepositPaid | None, read (again): the previews change

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
        # SPEC §11: the deposit summary is synced only to the roles that read it (not viewer nor
        # support); for them, and until it is read, the previews say the tier only.
        self.deposit: DepositPaid | None = None
        self._deposit: Refresher[DepositPaid | None] | None = None
        if Permission.DEPOSIT_READ.value in queue.user.permissions:
            self._deposit = Refresher(reads, lambda: deposit_loader(queue.db), self._deposit_read)
            self._deposit.request()

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

    def _one_listing(self) -> str:
        """Why the selection is not one listing the marketplace knows, or ""."""
        if not self.selected:
            return QCoreApplication.translate("ListingsViewModel", "Select a listing first.")
        if len(self.selected) > 1:
            return QCoreApplication.translate("ListingsViewModel", "Select only one listing.")
        if self.selected[0].listing is None:
            return QCoreApplication.translate(
                "ListingsViewModel", "This draft has not reached the marketplace yet; wait until it is sent."
            )
        return ""

    def why_cannot_create(self) -> str:
        return self._blocked()

    def why_cannot_edit(self) -> str:
        return self._blocked() or self._one_listing() or ListingEditorViewModel(self._queue, self.current).why_read_only()

    def why_cannot_submit(self) -> str:
        listing = self.current
        why = self._blocked() or self._one_listing()
        if why or listing is None:
            return why
        change = self.selected[0].change
        if change is not None and change.state != CommandState.REJECTED:
            # The submit names the version it saw: sent behind an unsent edit it would be refused
            # as stale (VERSION_CONFLICT), so it waits until the edit has reached the marketplace.
            return QCoreApplication.translate(
                "ListingsViewModel", "Your changes have not reached the marketplace yet; submit once they are sent."
            )
        revision = listing.revision or {}
        if listing.state == ListingState.ON_SALE and revision.get("state") in ("draft", "rejected"):
            content = {**listing.content(), **{k: v for k, v in revision.items() if k in listing.content()}}
        elif can_submit(listing.state):
            content = listing.content()
        elif listing.state == ListingState.IN_REVIEW or revision.get("state") == ListingState.IN_REVIEW:
            return QCoreApplication.translate("ListingsViewModel", "Already in review; wait for the result.")
        else:  # on sale, no changes (R-LST-5)
            return QCoreApplication.translate(
                "ListingsViewModel", "On sale with no changes to submit. Edit it first; the changes then go to review."
            )
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
        editor = ListingEditorViewModel(self._queue, self.current if edit else None, self, deposit=self.deposit)
        self.deposit_changed.connect(editor.set_deposit)  # a bound slot: it goes with the editor
        return editor

    # -- deposit preview (issue 13, R-DEP-1..3) ----------------------------------------------------
    def market_deposit_note(self, market_id: str) -> str:
        """A market's tier and what the vendor would still owe to sell there (the market filter)."""
        return deposit_preview(market_id, self.deposit)

    def _deposit_read(self, deposit: DepositPaid | None) -> None:
        self.deposit = deposit
        self.deposit_changed.emit(deposit)

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

    # -- detail: a rejection first, then the live version beside the changes (R-LST-3, R-LST-5) ---
    def detail(self) -> ListingDetail | None:
        listing = self.current
        return listing_detail(listing) if listing is not None else None

    def on_data_changed(self, changes: ChangeSet) -> None:
        touched = set(changes.entities())
        if {"listing", "command"} & touched:
            self._refresh.request()
        if "deposit" in touched and self._deposit is not None:
            self._deposit.request()

    def set_shown(self, shown: bool) -> None:
        """Whether the Listings page is on screen: hidden, a change only marks the list stale."""
        self._refresh.set_shown(shown)
        if self._deposit is not None:
            self._deposit.set_shown(shown)

    @property
    def refreshing(self) -> bool:
        return self._refresh.busy

    def _reloaded(self, loaded: tuple[Sequence[str], dict[str, ListingLine]]) -> None:
        current = self.current.id if self.current else None
        self.model.apply_ids(*loaded)
        self.count_changed.emit(self.model.total)
        row = self.model.row_of(current) if current else -1
        self.select_rows([row] if row >= 0 else [])

