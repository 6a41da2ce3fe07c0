"""The Account area (账户信息), SPEC §9: the account ID and information (R-ACC-1/3), the bank
account (R-ACC-2, R-WDR-4), the agreements and the onboarding steps (R-ACC-4).

Everything is read from the cache (offline too) on the reads runner after a pull or a queued
change. Every role reads the profile and the agreements; the bank account only the main account
(in full) and finance (masked) — SPEC §11. Edits are the main account's, queued through the
outbox; an edit on its way shows as waiting, a refused one with the marketplace's reason until
the user edits again or discards it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from vendor_desktop.cache.core import outbox
from vendor_desktop.cache.core.apply import parse_timestamp
from vendor_desktop.cache.core.changes import ChangeSet
from vendor_desktop.cache.core.outbox import Command, CommandState
from vendor_desktop.cache.money.account import Versioned, bank_account, profile
from vendor_desktop.cache.money.queries import agreements
from vendor_desktop.domain.account import ONBOARDING_ORDER
from vendor_desktop.domain.earnings import AgreementKind
from vendor_desktop.domain.roles import Permission
from vendor_desktop.viewmodels.account.edit import (
    BANK_ACCOUNT,
    PROFILE,
    AccountEditViewModel,
    EditKind,
    locked_text,
    only_owner_text,
)
from vendor_desktop.viewmodels.account.fields import (
    BANK_FIELDS,
    PROFILE_FIELDS,
    field_label,
    listed,
    named,
    refused_fields_text,
    shown_value,
)
from vendor_desktop.viewmodels.account.ticket_draft import TicketDraftViewModel
from vendor_desktop.viewmodels.core.area_context import AreaContext
from vendor_desktop.viewmodels.core.commands import can_retry
from vendor_desktop.viewmodels.core.labels import (
    agreement_label,
    local_time,
    onboarding_step_label,
    server_message,
)
from vendor_desktop.viewmodels.core.refresh import Refresher
from vendor_desktop.viewmodels.core.states import Tone


@dataclass(frozen=True)
class Loaded:
    profile: Versioned | None = None
    bank: Versioned | None = None
    agreements: dict[str, dict[str, Any]] = field(default_factory=dict)
    profile_change: Command | None = None
    bank_change: Command | None = None


@dataclass(frozen=True)
class ChangeNotice:
    """An edit on its way or refused, as the page says it."""

    text: str
    tag: tuple[str, Tone]
    rejected: bool
    retryable: bool


def _newest(session: Any, kind: EditKind) -> Command | None:
    found = outbox.open_commands_of_kind(session, kind.kind)
    return found[-1] if found else None


class AccountAreaViewModel(QObject):
    changed = Signal()

    def __init__(self, context: AreaContext) -> None:
        super().__init__(context.parent)
        self.context = context
        self.db = context.db
        self.queue = context.queue
        self.user = context.user
        self.loaded = Loaded()
        self._refresh: Refresher[Loaded] = Refresher(context.reads, self._prepare, self._apply)
        self.reload()

    # -- reading --------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read here and now (at start, and in tests)."""
        self._refresh.supersede()
        self._apply(self._prepare()())

    def _prepare(self) -> Callable[[], Loaded]:
        db = self.db

        def load() -> Loaded:
            with db.session() as session:
                return Loaded(
                    profile(session),
                    bank_account(session),
                    agreements(session),
                    _newest(session, PROFILE),
                    _newest(session, BANK_ACCOUNT),
                )

        return load

    def _apply(self, loaded: Loaded) -> None:
        self.loaded = loaded
        self.changed.emit()

    def on_data_changed(self, changes: ChangeSet) -> None:
        if {"vendor_profile", "bank_account", "agreement", "command"} & changes.entities():
            self._refresh.request()

    def set_shown(self, shown: bool) -> None:
        self._refresh.set_shown(shown)

    @property
    def refreshing(self) -> bool:
        return self._refresh.busy

    def _can(self, permission: Permission) -> bool:
        return permission.value in self.user.permissions

    # -- account information (R-ACC-1/3) ----------------------------------------------------------
    @property
    def account_id(self) -> str:
        """R-ACC-3: the vendor's unique identity (账号 ID)."""
        data = self.loaded.profile.data if self.loaded.profile else {}
        return str(data.get("account_id") or self.user.account_id)

    def profile_rows(self) -> list[tuple[str, str]]:
        data = self.loaded.profile.data if self.loaded.profile else {}
        return [(field_label(f), shown_value(f, data.get(f))) for f in PROFILE_FIELDS]

    @property
    def synced(self) -> bool:
        return self.loaded.profile is not None

    def why_cannot_edit_profile(self) -> str:
        if not self._can(Permission.PROFILE_WRITE):
            return only_owner_text(PROFILE)
        if self.loaded.profile is None:
            return QCoreApplication.translate("AccountViewModel", "Not synced yet: sync, then try again.")
        return ""

    def new_profile_edit(self) -> AccountEditViewModel:
        return AccountEditViewModel(
            self.queue, PROFILE, self.loaded.profile, self.loaded.profile_change,
            account_id=self.user.account_id, parent=self,
        )  # fmt: skip

    def profile_notice(self) -> ChangeNotice | None:
        return self._notice(self.loaded.profile_change, PROFILE)

    # -- bank account (R-ACC-2, R-WDR-4) ------------------------------------------------------------
    @property
    def reads_bank_account(self) -> bool:
        """SPEC §11: the main account and finance read it; the other roles see why not."""
        return self._can(Permission.BANK_ACCOUNT_READ)

    def no_bank_account_text(self) -> str:
        if not self.reads_bank_account:
            return QCoreApplication.translate(
                "AccountViewModel", "Only the main account and finance see the bank account."
            )
        if not self.synced:
            return QCoreApplication.translate("AccountViewModel", "Not synced yet.")
        return QCoreApplication.translate("AccountViewModel", "No bank account on file yet.")

    def bank_rows(self) -> list[tuple[str, str]]:
        bank = self.loaded.bank
        if bank is None or not self.reads_bank_account:  # a row left from another role's sync
            return []
        # As synced: the marketplace masks the number for every role but the main account.
        return [(field_label(f), shown_value(f, bank.data.get(f))) for f in BANK_FIELDS]

    @property
    def bank_locked(self) -> bool:
        """R-ACC-2: the revenue supplementary agreement is signed (the account says so too)."""
        revenue = self.loaded.agreements.get(AgreementKind.REVENUE.value, {})
        bank = self.loaded.bank.data if self.loaded.bank else {}
        return bank.get("locked") is True or revenue.get("signed") is True

    def bank_state(self) -> tuple[str, Tone] | None:
        """R-ACC-2: locked (changes through a ticket) or editable, as a tag."""
        if not self.bank_rows():
            return None
        if self.bank_locked:
            return QCoreApplication.translate("AccountViewModel", "Locked"), Tone.CLOSED
        return QCoreApplication.translate("AccountViewModel", "Editable"), Tone.DONE

    def lock_reason(self) -> str:
        return locked_text() if self.bank_locked and self.reads_bank_account else ""

    @property
    def owner(self) -> bool:
        return self._can(Permission.BANK_ACCOUNT_WRITE)

    @property
    def may_edit_bank(self) -> bool:
        """*Edit…*: the main account, while the revenue agreement is unsigned (R-ACC-2); also to
        put a first account on file."""
        return self.owner and self.synced and not self.bank_locked

    @property
    def may_request_bank_change(self) -> bool:
        """*Request a change…*: the main account, once the account is locked (R-ACC-2)."""
        return self.owner and self.bank_locked

    def new_bank_edit(self) -> AccountEditViewModel:
        # None on file yet: the marketplace creates it on top of version 0 (If-Match: 0).
        bank = self.loaded.bank
        if bank is None and self.synced:
            bank = Versioned(self.account_id, 0, {"locked": self.bank_locked})
        return AccountEditViewModel(
            self.queue, BANK_ACCOUNT, bank, self.loaded.bank_change,
            account_id=self.user.account_id, parent=self,
        )  # fmt: skip

    def bank_notice(self) -> ChangeNotice | None:
        return self._notice(self.loaded.bank_change, BANK_ACCOUNT) if self.owner else None

    def new_ticket_draft(self) -> TicketDraftViewModel:
        """The draft asking the marketplace to change the locked account; the details of an edit
        it refused for the lock, if any, fill in the new account."""
        change = self.loaded.bank_change
        requested = change.payload if change is not None and change.state == CommandState.REJECTED else None
        key = f"{self.user.account_id}/{self.user.username}"
        bank = self.loaded.bank.data if self.loaded.bank else None
        return TicketDraftViewModel(self.context.settings, key, bank, requested, parent=self, queue=self.queue)

    # -- an edit on its way or refused --------------------------------------------------------------
    def _notice(self, change: Command | None, kind: EditKind) -> ChangeNotice | None:
        if change is None:
            return None
        fields = change.summary.get("fields")
        values: dict[str, Any] = fields if isinstance(fields, dict) else {}
        what = listed([named(f, str(values.get(f) or "—")) for f in kind.fields if f in values])
        if change.state == CommandState.REJECTED:
            reason = server_message(change.error_message or "", change.error_message_zh or "") or change.error_code
            text = QCoreApplication.translate(
                "AccountViewModel", "The marketplace did not accept this change: %1"
            ).replace("%1", reason or "")
            refused = refused_fields_text(change.error_details)
            text = "\n".join(part for part in (text, refused, what) if part)
            return ChangeNotice(
                text,
                (QCoreApplication.translate("AccountViewModel", "Not accepted"), Tone.URGENT),
                True,
                can_retry(change),
            )
        text = QCoreApplication.translate(
            "AccountViewModel",
            "Your change is saved on this computer and shows here once the marketplace has applied it.",
        )
        tag = (
            QCoreApplication.translate("AccountViewModel", "Waiting to send")
            if change.state != CommandState.SENDING
            else QCoreApplication.translate("AccountViewModel", "Sending")
        )
        return ChangeNotice("\n".join((text, what)), (tag, Tone.WAITING), False, can_retry(change))

    def discard_change(self, which: str) -> None:
        change = self.loaded.profile_change if which == "profile" else self.loaded.bank_change
        if change is not None:
            self.queue.discard(change.id)

    def retry_change(self, which: str) -> None:
        current = self.loaded.profile if which == "profile" else self.loaded.bank
        change = self.loaded.profile_change if which == "profile" else self.loaded.bank_change
        if change is not None:
            self.queue.retry(change.id, base_version=current.version if current else None)

    # -- agreements and onboarding (R-WDR-2, R-ACC-2/4) ---------------------------------------------
    def agreement_rows(self) -> list[tuple[str, tuple[str, Tone], str]]:
        """(name, state tag, signed when) of the access and revenue supplementary agreements."""
        rows = []
        for kind in AgreementKind:
            data = self.loaded.agreements.get(kind.value, {})
            signed = data.get("signed") is True
            at = parse_timestamp(data.get("signed_at")) if signed else None
            tag = (
                (QCoreApplication.translate("AccountViewModel", "Signed"), Tone.DONE)
                if signed
                else (QCoreApplication.translate("AccountViewModel", "Not signed"), Tone.TODO)
            )
            rows.append((agreement_label(kind.value), tag, local_time(at) if at else "—"))
        return rows

    def onboarding_rows(self) -> list[tuple[str, bool]]:
        """R-ACC-4's steps in order, each done or not (a step the marketplace did not send: not)."""
        data = self.loaded.profile.data if self.loaded.profile else {}
        steps = data.get("onboarding") if isinstance(data.get("onboarding"), list) else []
        done = {str(s.get("step")): s.get("done") is True for s in steps if isinstance(s, dict)}
        return [(onboarding_step_label(step.value), done.get(step.value, False)) for step in ONBOARDING_ORDER]

    def onboarding_summary(self) -> str:
        rows = self.onboarding_rows()
        finished = sum(done for _label, done in rows)
        return (
            QCoreApplication.translate("AccountViewModel", "%1 of %2 steps done")
            .replace("%1", str(finished))
            .replace("%2", str(len(rows)))
        )

    def step_tag(self, done: bool) -> tuple[str, Tone]:
        return (
            (QCoreApplication.translate("AccountViewModel", "Done"), Tone.DONE)
            if done
            else (QCoreApplication.translate("AccountViewModel", "Not done"), Tone.TODO)
        )
