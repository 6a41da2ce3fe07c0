"""Writing the activity log (issue 15 item 4): the ``command_log`` hook of core/command_log.py.

Every vendor command but marking messages read (domain.activity.NOT_LOGGED) writes one entry:
who (user, username, display name and role at the time), from which installation
(``X-Client-Id``), when it was made (``X-Made-At``, else when applied) and applied (the sandbox
clock), the action, the entity, the values of what changed, and the outcome. An applied command's
entry is written in its own transaction; a refused one's (a 4xx after the caller was known) with the
stored 4xx answer. ``before``/``after`` come from the entity's synced data (core/entities.py) as the
narrowest role sees it (a bank account number masked: SPEC §11), without secrets.

Entries older than ``RETENTION_DAYS`` (180, by the sandbox clock) are purged lazily, a batch per
entry written, with their change-log rows (no tombstones: the app drops old entries by date). A
vendor keeps at most ``MAX_ENTRIES_PER_VENDOR``: beyond that the oldest go first, so a script
sending refused commands in a loop cannot grow the table without bound.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import uuid
from typing import Any

from fastapi import Request
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from vendor_desktop.domain.activity import RETENTION_DAYS, Action, Outcome, Target, action_for, changed_values

from ..core import entities
from ..core.auth import Caller, clock_of
from ..core.changes import record_change
from ..core.clock import iso
from ..core.command_log import ClientHeaders
from ..core.database import ChangeLog, User
from .models import ActivityEntry

log = logging.getLogger(__name__)

MAX_ENTRIES_PER_VENDOR = 200_000
PURGE_BATCH = 500
_ID_LENGTH = 64


def start(request: Request, caller: Caller, said: ClientHeaders) -> Entry | None:
    """The ``command_log`` hook: the entry of this command request, or None (not logged)."""
    route = request.scope.get("route")
    path = getattr(route, "path", None)
    if path is None:
        return None
    try:
        action = action_for(request.method, path)
    except KeyError:  # a command route missing from domain.activity.ACTIONS (a test catches it)
        log.error("%s %s is not in the activity log's actions", request.method, path)
        return None
    if action is None:
        return None
    return Entry(request, caller, said, action)


class Entry:
    """One command's entry in the making (core/command_log.CommandEntry)."""

    def __init__(self, request: Request, caller: Caller, said: ClientHeaders, action: Action) -> None:
        self._request, self._caller, self._said, self._action = request, caller, said, action
        self._before: dict[str, Any] | None = None
        if action.target is Target.VENDOR:
            self._entity_id: str | None = caller.account_id
        elif action.target is Target.PATH:
            ids = list(request.path_params.values())
            self._entity_id = str(ids[0])[:_ID_LENGTH] if ids else None
        else:
            self._entity_id = None  # created: the answer names it

    def before(self, s: Session) -> None:
        if self._entity_id is not None:
            self._before = _synced_data(s, self._action.entity, self._entity_id)

    def applied(self, s: Session, payload: dict[str, Any]) -> None:
        entity_id = self._entity_id
        if self._action.target is Target.CREATED and isinstance(payload.get("id"), str):
            entity_id = payload["id"][:_ID_LENGTH]
        # After, from the session (its own writes flushed first): the answer of a command may carry
        # other things (a generated password), never more than what syncs.
        after = None if self._action.deletes or entity_id is None else _synced_data(s, self._action.entity, entity_id)
        before, after = changed_values(self._before, after)
        self._write(s, entity_id, before, after, Outcome.APPLIED, None, None)

    def refused(self, s: Session, status: int, body: bytes) -> None:
        self._write(s, self._entity_id, None, None, Outcome.REFUSED, _error_code(body), status)

    def _write(
        self,
        s: Session,
        entity_id: str | None,
        before: dict[str, Any] | None,
        after: dict[str, Any] | None,
        outcome: Outcome,
        code: str | None,
        status: int | None,
    ) -> None:
        caller, now = self._caller, clock_of(self._request).now()
        user = s.get(User, caller.user_id)
        applied_at = iso(now)
        made = self._said.made_at
        entry = ActivityEntry(
            id=f"act-{uuid.uuid4().hex}",
            account_id=caller.account_id,
            user_id=caller.user_id,
            username=caller.username,
            actor=user.display_name if user is not None else caller.username,
            role=caller.role,
            client_id=self._said.client_id,
            action=self._action.id,
            entity=self._action.entity,
            entity_id=entity_id,
            before=before,
            after=after,
            outcome=outcome.value,
            code=code,
            status=status,
            made_at=made.isoformat(timespec="seconds") if made is not None else applied_at,
            applied_at=applied_at,
            version=1,
        )
        s.add(entry)
        # Only its author and roles that read everyone's entries (the owner) receive it (SPEC §11).
        record_change(s, caller.account_id, "activity", entry.id, 1, user_id=caller.user_id)
        purge(s, caller.account_id, now)


def _synced_data(s: Session, entity: str, entity_id: str) -> dict[str, Any] | None:
    """The entity's synced data as the narrowest role sees it; None when missing (or a kind this
    build does not sync)."""
    if entity not in entities.synced_entities():
        return None
    found = entities.load(s, entity, [entity_id], "", None)
    return found[entity_id][1] if entity_id in found else None


def _error_code(body: bytes) -> str | None:
    try:
        code = json.loads(body)["error"]["code"]
    except (ValueError, KeyError, TypeError):
        return None
    return code[:60] if isinstance(code, str) else None


def purge(s: Session, account_id: str, now: dt.datetime) -> int:
    """Drop a batch of the vendor's entries older than the retention, and of its oldest beyond
    ``MAX_ENTRIES_PER_VENDOR``, with their change-log rows. Returns how many went."""
    cutoff = iso(now - dt.timedelta(days=RETENTION_DAYS))
    mine = ActivityEntry.account_id == account_id
    old = list(s.scalars(select(ActivityEntry.id).where(mine, ActivityEntry.applied_at < cutoff).limit(PURGE_BATCH)))
    if not old:
        kept = s.execute(select(func.count()).select_from(ActivityEntry).where(mine)).scalar_one()
        if kept > MAX_ENTRIES_PER_VENDOR:
            oldest = select(ActivityEntry.id).where(mine).order_by(ActivityEntry.applied_at, ActivityEntry.id)
            old = list(s.scalars(oldest.limit(min(PURGE_BATCH, kept - MAX_ENTRIES_PER_VENDOR))))
    if old:
        s.execute(delete(ActivityEntry).where(ActivityEntry.id.in_(old)))
        s.execute(
            delete(ChangeLog).where(
                ChangeLog.account_id == account_id, ChangeLog.entity == "activity", ChangeLog.entity_id.in_(old)
            )
        )
    return len(old)
