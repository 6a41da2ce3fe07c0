"""The outbox sender's transitions: what a command becomes once sent, in the caller's transaction.

The sender commits ``mark_sending`` BEFORE its HTTP call, and the server's answer together with
the command's new state in ONE transaction afterwards, so a crash at any point either resends
(same Idempotency-Key: the server replays its first answer) or has already recorded the answer.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from vendor_desktop.cache.core.apply import apply_changes
from vendor_desktop.cache.core.changes import ChangeSet
from vendor_desktop.cache.core.models import OutboxCommand
from vendor_desktop.cache.core.outbox import (
    OPEN_STATES,
    Command,
    CommandState,
    command_changes,
    reconcile_entity,
    stamp,
    to_command,
)


def _row(session: Session, command_id: int) -> OutboxCommand:
    row = session.get(OutboxCommand, command_id)
    if row is None:
        raise KeyError(f"no command {command_id} in the outbox")
    return row


def mark_sending(session: Session, command_id: int, now: dt.datetime) -> Command:
    row = _row(session, command_id)
    row.state = CommandState.SENDING.value
    row.updated_at = stamp(now)
    session.flush()
    return to_command(row)


def release(session: Session, command_id: int, now: dt.datetime) -> ChangeSet:
    """Back to ``pending`` without counting an attempt (e.g. the session ended before sending)."""
    row = _row(session, command_id)
    if row.state == CommandState.SENDING:
        row.state = CommandState.PENDING.value
        row.updated_at = stamp(now)
        session.flush()
    return command_changes([to_command(row)])


def mark_applied(session: Session, command_id: int, answer: Mapping[str, Any], now: dt.datetime) -> ChangeSet:
    """The server applied it: write the entity it returned into the cache and close the command.

    Later open commands on the same entity were queued against what this one produced, so they
    move along with it: a create's local id becomes the server's id (in the path too), and a
    command based on the same version now bases on the version the server returned.
    """
    row = _row(session, command_id)
    changes = command_changes([to_command(row)])
    entity, new_id, version = answer.get("entity"), answer.get("id"), answer.get("version")
    if isinstance(entity, str) and new_id is not None and isinstance(version, int):
        new_id = str(new_id)
        changes.merge(apply_changes(session, [{**answer, "id": new_id, "deleted": False}]))
        _carry_forward(session, row, new_id, version, changes)
        # The create now names what it made: a screen showing it while it was local (a ticket's
        # detail) follows it to the server's id.
        row.entity_id = new_id
    row.state = CommandState.APPLIED.value
    row.next_try_at = None
    row.last_error = None
    row.updated_at = stamp(now)
    session.flush()
    return changes


def _carry_forward(session: Session, done: OutboxCommand, new_id: str, version: int, changes: ChangeSet) -> None:
    created = new_id != done.entity_id
    later = session.scalars(
        select(OutboxCommand)
        .where(
            OutboxCommand.entity == done.entity,
            OutboxCommand.entity_id == done.entity_id,
            OutboxCommand.id > done.id,
            OutboxCommand.state.in_([s.value for s in OPEN_STATES]),
        )
        .order_by(OutboxCommand.id)
    )
    for row in later:
        changes.merge(command_changes([to_command(row)]))
        if created:
            row.path = row.path.replace(done.entity_id, new_id)
            row.entity_id = new_id
            # Every later command acts on what the create made, so it names the version made
            # (If-Match), POSTs too: a ticket's reply, attachment, urge or cancel (R-TKT-1).
            if row.base_version is None:
                row.base_version = version
        elif row.base_version is not None and row.base_version == done.base_version:
            row.base_version = version
        changes.merge(command_changes([to_command(row)]))


def mark_rejected(
    session: Session,
    command_id: int,
    *,
    code: str,
    message: str,
    message_zh: str,
    details: Mapping[str, Any],
    now: dt.datetime,
) -> ChangeSet:
    """The server refused it: keep it with the reason; later commands on its entity are held.

    Never retried by itself: only the user's ``retry`` sends it again (with a new key).
    """
    row = _row(session, command_id)
    at = stamp(now)
    row.state = CommandState.REJECTED.value
    row.error_code = code
    row.error_message = message
    row.error_message_zh = message_zh
    row.error_details = json.dumps(dict(details), ensure_ascii=False, default=str)
    row.next_try_at = None
    row.updated_at = at
    session.flush()
    changes = command_changes([to_command(row)])
    return changes.merge(reconcile_entity(session, row.entity, row.entity_id, at))


def mark_transient(
    session: Session, command_id: int, *, error: str, next_try_at: dt.datetime, now: dt.datetime
) -> ChangeSet:
    """A failure that passes by itself (offline, 5xx, rate limit, key in use): pending again, later."""
    row = _row(session, command_id)
    row.state = CommandState.PENDING.value
    row.attempts += 1
    row.last_error = error
    row.next_try_at = stamp(next_try_at)
    row.updated_at = stamp(now)
    session.flush()
    return command_changes([to_command(row)])
