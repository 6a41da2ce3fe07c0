"""*Request a change…*: once the bank account is locked (R-ACC-2), the main account asks the
marketplace to change it through a ticket (工单, R-TKT-1: type ``account``).

The draft is pre-filled with the subject and a description that names the current account (as
masked as the page shows it) and leaves a line for each new detail. *Submit ticket* queues it in
the outbox (``POST /tickets`` ``{type, subject, description}``, kind ``ticket.open``) and, once
it is on disk, forgets the draft; *Save draft* keeps it on this computer, per user (QSettings),
to finish later.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Signal

from vendor_desktop.cache.core.changes import ChangeSet
from vendor_desktop.domain.account import mask_account_number
from vendor_desktop.domain.tickets import DESCRIPTION_LENGTH, SUBJECT_LENGTH, TicketType
from vendor_desktop.viewmodels.account.fields import BANK_FIELDS, named
from vendor_desktop.viewmodels.core.commands import CommandQueue

TICKET_TYPE = TicketType.ACCOUNT.value  # R-TKT-1's type for the account's matters
MAX_SUBJECT = SUBJECT_LENGTH[1]
MAX_DESCRIPTION = DESCRIPTION_LENGTH[1]


@dataclass(frozen=True)
class TicketDraft:
    type: str
    subject: str
    description: str


def template(bank: Mapping[str, Any] | None, requested: Mapping[str, Any] | None = None) -> TicketDraft:
    """The draft as first offered: the current account, then a line per new detail — filled in
    from an edit the marketplace refused because the account was locked, if there is one."""
    current = bank or {}
    shown = {f: str(current.get(f) or "—") for f in BANK_FIELDS}
    shown["account_number"] = mask_account_number(str(current.get("account_number") or ""))
    new = {f: str((requested or {}).get(f) or "") for f in BANK_FIELDS}
    lines = [
        QCoreApplication.translate("TicketDraft", "Please change the bank account on file."),
        "",
        QCoreApplication.translate("TicketDraft", "Current bank account:"),
    ]
    lines += [f"  {named(f, shown[f])}" for f in BANK_FIELDS]
    lines += ["", QCoreApplication.translate("TicketDraft", "New bank account:")]
    lines += [f"  {named(f, new[f])}".rstrip() for f in BANK_FIELDS]
    lines += ["", QCoreApplication.translate("TicketDraft", "Reason:"), ""]
    return TicketDraft(
        TICKET_TYPE, QCoreApplication.translate("TicketDraft", "Change the bank account"), "\n".join(lines)
    )


class TicketDraftViewModel(QObject):
    """The ticket that asks to change the bank account: submitted, or kept as a draft here."""

    saved = Signal()
    queued = Signal(object)  # ChangeSet: the ticket is in the outbox (the draft is gone)
    save_failed = Signal(str)  # it could not be queued: why, in the user's language

    def __init__(
        self,
        settings: QSettings | None,
        key: str,
        bank: Mapping[str, Any] | None,
        requested: Mapping[str, Any] | None = None,
        parent: QObject | None = None,
        *,
        queue: CommandQueue | None = None,
    ) -> None:
        super().__init__(parent)
        self._queue = queue
        self._settings = settings
        self._key = f"ticket_drafts/{key}/bank_account"
        self._offered = template(bank, requested)
        self.draft = self._load() or self._offered

    @property
    def kept(self) -> bool:
        """Whether a draft from earlier is on this computer."""
        return self._load() is not None

    def _load(self) -> TicketDraft | None:
        if self._settings is None:
            return None
        raw = self._settings.value(self._key)
        try:
            data = json.loads(str(raw)) if raw else None
            return TicketDraft(**data) if isinstance(data, dict) else None
        except (ValueError, TypeError):
            return None  # an unreadable draft: offer a fresh one rather than fail

    def problems(self, subject: str, description: str) -> dict[str, str]:
        problems: dict[str, str] = {}
        if not subject.strip():
            problems["subject"] = QCoreApplication.translate("TicketDraft", "Required.")
        elif len(subject.strip()) > MAX_SUBJECT:
            problems["subject"] = QCoreApplication.translate("TicketDraft", "At most %1 characters.").replace(
                "%1", str(MAX_SUBJECT)
            )
        if not description.strip():
            problems["description"] = QCoreApplication.translate("TicketDraft", "Required.")
        elif len(description) > MAX_DESCRIPTION:
            problems["description"] = QCoreApplication.translate("TicketDraft", "At most %1 characters.").replace(
                "%1", str(MAX_DESCRIPTION)
            )
        return problems

    def save(self, subject: str, description: str) -> dict[str, str]:
        """Keep the draft on this computer; the problems instead when it is not one to keep."""
        problems = self.problems(subject, description)
        if problems:
            return problems
        self.draft = TicketDraft(TICKET_TYPE, subject.strip(), description.rstrip())
        if self._settings is not None:
            self._settings.setValue(self._key, json.dumps(asdict(self.draft), ensure_ascii=False))
            self._settings.sync()
        self.saved.emit()
        return {}

    def submit(self, subject: str, description: str) -> dict[str, str]:
        """Queue the ticket (R-TKT-1); once it is on disk the kept draft goes and ``queued`` fires.
        The problems instead when it is not one to send."""
        problems = self.problems(subject, description)
        if problems or self._queue is None:
            return problems
        draft = TicketDraft(TICKET_TYPE, subject.strip(), description.strip())
        payload = asdict(draft)

        def on_queued(changes: ChangeSet) -> None:
            if self._settings is not None:
                self._settings.remove(self._key)
                self._settings.sync()
            self.queued.emit(changes)

        self._queue.enqueue(
            on_queued, self.save_failed.emit,
            kind="ticket.open", entity="ticket", entity_id=f"local-{uuid.uuid4()}", base_version=None,
            method="POST", path="/tickets", payload=payload, summary={"type": TICKET_TYPE, "subject": draft.subject},
        )  # fmt: skip
        return {}

    def start_over(self) -> TicketDraft:
        """Forget the kept draft: the template again, with today's account."""
        if self._settings is not None:
            self._settings.remove(self._key)
        self.draft = self._offered
        return self.draft
