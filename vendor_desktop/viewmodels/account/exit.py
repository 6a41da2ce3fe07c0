"""Leaving the marketplace (退出云市场), R-EXT-1 and R-DEP-7: the main account's page in Account.

Before: what blocks an exit, read from the cache (``cache.exit.queries``) — open orders, refund
requests awaiting a decision, pending invoices, withdrawals in progress — each with its count and
the list that shows it. *Apply to leave…* is enabled only when nothing blocks, and asks the user
to type the company name (an exit is final: delisting every listing is not undone by a click).
The application goes through the outbox (``vendor.exit``); a refusal (409 ``EXIT_BLOCKED``)
shows the marketplace's own ``details.blockers`` the same way, until the user sends it again or
discards it. After: when the vendor left, that its listings are delisted and new orders stopped,
and the deposit refund — waiting for the receipt, then expected on ``deposit_refund_on`` (about 45
days after the receipt is returned), then refunded — from the synced vendor profile.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from vendor_desktop.cache.core.apply import parse_timestamp
from vendor_desktop.cache.core.changes import ChangeSet
from vendor_desktop.cache.core.outbox import Command, CommandState
from vendor_desktop.cache.exit.queries import (
    EXIT_KIND,
    Blocker,
    blockers_from_details,
    exit_blockers,
    latest_exit_command,
)
from vendor_desktop.cache.money.account import Versioned, profile
from vendor_desktop.domain.exit import DEPOSIT_REFUND_DAYS, ExitBlocker
from vendor_desktop.domain.roles import Permission
from vendor_desktop.viewmodels.core.area_context import AreaContext
from vendor_desktop.viewmodels.core.commands import CommandQueue
from vendor_desktop.viewmodels.core.labels import local_time, server_message
from vendor_desktop.viewmodels.core.refresh import Refresher
from vendor_desktop.viewmodels.core.states import Tone

# What a change of these entities may change on the page (blockers, the profile, the application).
LISTENS = frozenset({"vendor_profile", "order", "refund", "invoice", "withdrawal", "command"})

# Each blocker opens the list that shows it: (area id, the view's ``show_preset``).
OPENS: dict[ExitBlocker, tuple[str, str]] = {
    ExitBlocker.OPEN_ORDERS: ("orders", "open"),
    ExitBlocker.PENDING_REFUNDS: ("refunds", "requested"),
    ExitBlocker.PENDING_INVOICES: ("invoices", "pending"),
    ExitBlocker.WITHDRAWALS_IN_PROGRESS: ("money", "withdrawals"),
}


@dataclass(frozen=True)
class BlockerLine:
    """A blocker as the page lists it: its words and the list it opens."""

    text: str
    area: str
    preset: str


@dataclass(frozen=True)
class ExitLoaded:
    profile: Versioned | None = None
    blockers: list[Blocker] = field(default_factory=list)
    change: Command | None = None


class Stage:
    """Where the vendor is on its way out."""

    NOT_SYNCED = "not_synced"
    BLOCKED = "blocked"  # the cache shows blockers
    READY = "ready"  # nothing blocks: *Apply to leave…*
    WAITING = "waiting"  # the application is queued or on its way
    REFUSED = "refused"  # the marketplace did not accept it (EXIT_BLOCKED, ALREADY_EXITED…)
    EXITED = "exited"


class ExitApplication(QObject):
    """One *Apply to leave…*: the typed company name is checked, then the application is queued
    (or a refused one is sent again)."""

    problems_changed = Signal(dict)
    queued = Signal(object)
    save_failed = Signal(str)

    def __init__(
        self, queue: CommandQueue, company: str, refused: Command | None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._queue = queue
        self.company = company
        self._refused = refused

    def matches(self, typed: str) -> bool:
        return bool(self.company.strip()) and typed.strip() == self.company.strip()

    def submit(self, typed: str) -> bool:
        if not self.matches(typed):
            problems = {
                "company": QCoreApplication.translate(
                    "ExitViewModel", "Type the company name exactly as shown to confirm."
                )
            }
            self.problems_changed.emit(problems)
            return False
        self.problems_changed.emit({})
        if self._refused is not None:
            # The same application again, with a new key (the old one is bound to the refusal).
            self._queue.retry(self._refused.id)
            self.queued.emit(ChangeSet())
            return True
        account_id = self._queue.user.account_id
        self._queue.enqueue(
            self.queued.emit,
            self.save_failed.emit,
            kind=EXIT_KIND,
            entity="vendor_profile",
            # Its own key in the outbox: a refused exit (kept to send again) must not hold the
            # profile's edits behind it, nor a refused edit the exit. The answer is the profile.
            entity_id=f"{account_id}:exit",
            base_version=None,  # API.md: not an entity path, no If-Match
            method="POST",
            path="/vendor/exit",
            payload={},
            summary={"company": self.company},
        )
        return True


class ExitViewModel(QObject):
    changed = Signal()

    def __init__(self, context: AreaContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = context.db
        self.queue = context.queue
        self.user = context.user
        self.loaded = ExitLoaded()
        self._refresh: Refresher[ExitLoaded] = Refresher(context.reads, self._prepare, self._apply)
        self.reload()

    @property
    def allowed(self) -> bool:
        """SPEC §11: only the main account leaves the marketplace."""
        return Permission.EXIT.value in self.user.permissions

    # -- reading --------------------------------------------------------------------------------
    def reload(self) -> None:
        self._refresh.supersede()
        self._apply(self._prepare()())

    def _prepare(self) -> Callable[[], ExitLoaded]:
        db = self.db

        def load() -> ExitLoaded:
            with db.session() as session:
                return ExitLoaded(profile(session), exit_blockers(session), latest_exit_command(session))

        return load

    def _apply(self, loaded: ExitLoaded) -> None:
        self.loaded = loaded
        self.changed.emit()

    def on_data_changed(self, changes: ChangeSet) -> None:
        if LISTENS & changes.entities():
            self._refresh.request()

    def set_shown(self, shown: bool) -> None:
        self._refresh.set_shown(shown)

    @property
    def _data(self) -> dict[str, Any]:
        return self.loaded.profile.data if self.loaded.profile else {}

    # -- where the vendor stands ------------------------------------------------------------------
    @property
    def stage(self) -> str:
        change = self.loaded.change
        if self.loaded.profile is None:
            return Stage.NOT_SYNCED
        if self._data.get("exited_at"):
            return Stage.EXITED
        if change is not None and change.state == CommandState.REJECTED:
            return Stage.REFUSED
        if change is not None:
            return Stage.WAITING
        return Stage.BLOCKED if self.loaded.blockers else Stage.READY

    @property
    def company(self) -> str:
        return str(self._data.get("company_name") or "")

    def stage_tag(self) -> tuple[str, Tone]:
        return {
            Stage.NOT_SYNCED: (QCoreApplication.translate("ExitViewModel", "Not synced yet"), Tone.WAITING),
            Stage.BLOCKED: (QCoreApplication.translate("ExitViewModel", "Cannot leave yet"), Tone.TODO),
            Stage.READY: (QCoreApplication.translate("ExitViewModel", "Nothing blocks"), Tone.DONE),
            Stage.WAITING: (QCoreApplication.translate("ExitViewModel", "Waiting to send"), Tone.WAITING),
            Stage.REFUSED: (QCoreApplication.translate("ExitViewModel", "Not accepted"), Tone.URGENT),
            Stage.EXITED: (QCoreApplication.translate("ExitViewModel", "Left the marketplace"), Tone.CLOSED),
        }[self.stage]

    def summary(self) -> str:
        """What the page says first, in a sentence or two."""
        stage = self.stage
        if stage == Stage.NOT_SYNCED:
            return QCoreApplication.translate("ExitViewModel", "Not synced yet: sync, then look again.")
        if stage == Stage.EXITED:
            return QCoreApplication.translate(
                "ExitViewModel",
                "You have left the marketplace. Your listings are delisted and buyers can no longer order.",
            )
        if stage == Stage.WAITING:
            return QCoreApplication.translate(
                "ExitViewModel",
                "Your application to leave is saved on this computer and shows here once the marketplace has applied it.",
            )
        if stage == Stage.REFUSED:
            change = self.loaded.change
            assert change is not None
            reason = server_message(change.error_message or "", change.error_message_zh or "") or change.error_code
            return QCoreApplication.translate(
                "ExitViewModel", "The marketplace did not accept this change: %1"
            ).replace("%1", reason or "")
        if stage == Stage.BLOCKED:
            return QCoreApplication.translate(
                "ExitViewModel", "Settle each of these first; the marketplace refuses an exit while any is open."
            )
        return QCoreApplication.translate(
            "ExitViewModel",
            "Nothing blocks an exit. Leaving delists every listing and stops new orders; the deposit is refunded about 45 days after you return the receipt.",
        )

    def blocker_text(self, blocker: Blocker) -> str:
        """R-EXT-1: one blocker in words, with its count."""
        n = blocker.count  # lupdate skips a call whose count is not a name
        match blocker.blocker:
            case ExitBlocker.OPEN_ORDERS:
                return self.tr("%n orders not completed or cancelled", "", n)
            case ExitBlocker.PENDING_REFUNDS:
                return self.tr("%n refund requests awaiting a decision", "", n)
            case ExitBlocker.PENDING_INVOICES:
                return self.tr("%n invoices not issued yet", "", n)
            case ExitBlocker.WITHDRAWALS_IN_PROGRESS:
                return self.tr("%n withdrawals in progress", "", n)

    def blocker_lines(self) -> list[BlockerLine]:
        """R-EXT-1: the marketplace's refusal if it refused, else what the cache shows, each with
        the list that shows it."""
        stage = self.stage
        if stage == Stage.REFUSED and self.loaded.change is not None:
            blockers = blockers_from_details(self.loaded.change.error_details)
        elif stage in (Stage.BLOCKED, Stage.READY):
            blockers = self.loaded.blockers
        else:
            blockers = []
        return [BlockerLine(self.blocker_text(b), *OPENS[b.blocker]) for b in blockers]

    def blocked_now(self) -> bool:
        """What the cache shows blocks an exit (after a refusal: still, as far as this computer knows)."""
        return bool(self.loaded.blockers)

    # -- applying ---------------------------------------------------------------------------------
    def why_cannot_apply(self) -> str:
        """Why *Apply to leave…* is disabled ("" when it is enabled)."""
        if not self.allowed:
            return QCoreApplication.translate("ExitViewModel", "Only the main account can leave the marketplace.")
        stage = self.stage
        if stage == Stage.NOT_SYNCED:
            return QCoreApplication.translate("ExitViewModel", "Not synced yet: sync, then try again.")
        if stage == Stage.EXITED:
            return QCoreApplication.translate("ExitViewModel", "You have already left the marketplace.")
        if stage == Stage.WAITING:
            return QCoreApplication.translate("ExitViewModel", "Your application is already waiting to send.")
        if self.loaded.blockers:
            return QCoreApplication.translate("ExitViewModel", "Settle what blocks an exit first.")
        return ""

    def new_application(self, parent: QObject | None = None) -> ExitApplication:
        """One application, owned by ``parent`` (its dialog): it goes when the dialog goes."""
        refused = self.loaded.change if self.stage == Stage.REFUSED else None
        return ExitApplication(self.queue, self.company, refused, parent or self)

    def discard(self) -> None:
        """Forget a refused application (nothing changed on the marketplace)."""
        if self.loaded.change is not None and self.stage == Stage.REFUSED:
            self.queue.discard(self.loaded.change.id)

    # -- after the exit (R-DEP-7) -------------------------------------------------------------------
    def after_rows(self) -> list[tuple[str, str]]:
        """(name, value) once the vendor has left: when, the listings, and the deposit refund."""
        if self.stage != Stage.EXITED:
            return []
        data = self._data
        exited = local_time(parse_timestamp(data.get("exited_at")))
        return [
            (QCoreApplication.translate("ExitViewModel", "Left on"), exited or "—"),
            (
                QCoreApplication.translate("ExitViewModel", "Listings"),
                QCoreApplication.translate("ExitViewModel", "All delisted; new orders are stopped."),
            ),
            (QCoreApplication.translate("ExitViewModel", "Deposit refund"), self.deposit_text()),
        ]

    def deposit_text(self) -> str:
        """R-DEP-7: waiting for the receipt, then the expected date, then refunded."""
        data = self._data
        refunded = parse_timestamp(data.get("deposit_refunded_at"))
        if refunded is not None:
            return QCoreApplication.translate("ExitViewModel", "Refunded to your account balance on %1.").replace(
                "%1", local_time(refunded)
            )
        expected, returned = data.get("deposit_refund_on"), data.get("receipt_returned_on")
        if expected:
            text = QCoreApplication.translate(
                "ExitViewModel", "Expected on %1 (about %2 days after the receipt was returned on %3)."
            )
            return (
                text.replace("%1", str(expected))
                .replace("%2", str(DEPOSIT_REFUND_DAYS))
                .replace("%3", str(returned or "—"))
            )
        return QCoreApplication.translate(
            "ExitViewModel",
            "Waiting for the receipt: return the deposit receipt to the marketplace; the deposit is refunded about %1 days after it arrives.",
        ).replace("%1", str(DEPOSIT_REFUND_DAYS))
