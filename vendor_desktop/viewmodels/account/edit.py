"""Editing the account information (R-ACC-1) or the bank account (R-ACC-2): one form each, checked
field by field as the user types with ``domain.account``, queued as ``profile.update`` or
``bank_account.update`` with the version it was based on (If-Match).

The form starts from what the user last asked for: an edit still waiting to be sent, or one the
marketplace refused — so editing again never quietly undoes a change on its way. An edit made on
top of a refused one replaces it (the refused one is discarded first, in the same queue).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from vendor_desktop.cache.core.outbox import Command, CommandState
from vendor_desktop.cache.money.account import Versioned
from vendor_desktop.domain.account import (
    FieldProblem,
    bank_account_problems,
    mask_account_number,
    normalized,
    profile_problems,
)
from vendor_desktop.domain.roles import Permission
from vendor_desktop.viewmodels.account.fields import BANK_FIELDS, PROFILE_FIELDS, grouped, problem_text
from vendor_desktop.viewmodels.core.commands import CommandQueue


@dataclass(frozen=True)
class EditKind:
    """What is edited: the command it queues, the fields and their checks, who may."""

    kind: str
    entity: str
    path: str
    fields: tuple[str, ...]
    problems: Callable[[Mapping[str, str]], dict[str, FieldProblem]]
    permission: Permission


PROFILE = EditKind(
    "profile.update", "vendor_profile", "/vendor/profile", PROFILE_FIELDS, profile_problems, Permission.PROFILE_WRITE
)
BANK_ACCOUNT = EditKind(
    "bank_account.update",
    "bank_account",
    "/vendor/bank-account",
    BANK_FIELDS,
    bank_account_problems,
    Permission.BANK_ACCOUNT_WRITE,
)


def only_owner_text(kind: EditKind) -> str:
    """Why a sub-account cannot edit (SPEC §11: both edits are the main account's)."""
    if kind is PROFILE:
        return QCoreApplication.translate("AccountEdit", "Only the main account can change the account information.")
    return QCoreApplication.translate("AccountEdit", "Only the main account can change the bank account.")


def locked_text() -> str:
    """R-ACC-2: once the revenue supplementary agreement is signed, only through a ticket."""
    return QCoreApplication.translate(
        "AccountEdit",
        "The revenue supplementary agreement is signed: the bank account can be changed only through a ticket.",
    )


def summary_of(kind: EditKind, values: Mapping[str, str], before: Mapping[str, Any]) -> dict[str, object]:
    """What Pending changes and the page show of the edit: the fields it changes (every field for a
    first bank account) with their new values, the account number masked."""
    shown = {f: values.get(f, "") for f in kind.fields if values.get(f, "") != normalized(f, str(before.get(f) or ""))}
    if "account_number" in shown:
        shown["account_number"] = mask_account_number(shown["account_number"])
    return {"fields": shown}


class AccountEditViewModel(QObject):
    """One edit of the profile or the bank account."""

    problems_changed = Signal(dict)  # field → message ("form": why nothing can be saved)
    queued = Signal(object)  # ChangeSet, once the change is on disk
    save_failed = Signal(str)

    def __init__(
        self,
        queue: CommandQueue,
        kind: EditKind,
        current: Versioned | None,
        change: Command | None = None,
        *,
        account_id: str = "",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._queue = queue
        self.kind = kind
        self.current = current
        self.change = change  # the newest open edit: the form starts from it
        self._account_id = current.id if current is not None else account_id

    def initial(self) -> dict[str, str]:
        """The values the form opens with: the open edit's, else what the marketplace has."""
        source = (self.change.payload or {}) if self.change is not None else {}
        if not source and self.current is not None:
            source = self.current.data
        values = {f: str(source.get(f) or "") for f in self.kind.fields}
        if "account_number" in values:
            values["account_number"] = grouped(values["account_number"])
        return values

    def why_read_only(self) -> str:
        if self.kind.permission.value not in self._queue.user.permissions:
            return only_owner_text(self.kind)
        if self.current is None:
            return QCoreApplication.translate("AccountEdit", "Not synced yet: sync, then try again.")
        if self.kind is BANK_ACCOUNT and self.current.data.get("locked") is True:
            return locked_text()
        return ""

    def check(self, values: Mapping[str, str], *, only: frozenset[str] | None = None) -> dict[str, str]:
        """Field → message for everything that would be refused (R-ACC-1/2). ``only``: the
        fields to speak about now (those the user has touched); every field counts on submit."""
        problems = {
            field: problem_text(field, problem)
            for field, problem in self.kind.problems(values).items()
            if only is None or field in only
        }
        blocked = self.why_read_only()
        if blocked:
            problems["form"] = blocked
        elif only is None and not problems and self._payload(values) == self._payload(self.initial()):
            problems["form"] = QCoreApplication.translate("AccountEdit", "Nothing has changed.")
        self.problems_changed.emit(problems)
        return problems

    def _payload(self, values: Mapping[str, str]) -> dict[str, str]:
        return {f: normalized(f, values.get(f, "") or "") for f in self.kind.fields}

    def submit(self, values: Mapping[str, str]) -> bool:
        """Queue the edit if every field passes; False and the messages otherwise."""
        if self.check(values) or self.current is None:
            return False
        payload = self._payload(values)
        if self.change is not None and self.change.state == CommandState.REJECTED:
            self._queue.discard(self.change.id)  # replaced by this edit; same queue, so first
        self._queue.enqueue(
            self.queued.emit,
            self.save_failed.emit,
            kind=self.kind.kind,
            entity=self.kind.entity,
            entity_id=self._account_id,
            base_version=self.current.version,  # sent as If-Match
            method="PUT",
            path=self.kind.path,
            payload=payload,
            summary=summary_of(self.kind, payload, self.current.data),
        )
        return True
