"""The durable outbox: commands the user gave, queued in the cache until the server answers.

DESIGN "Outbox states": ``pending → sending → applied | rejected``. A transient failure goes
back to ``pending`` with ``attempts``, ``next_try_at`` and ``last_error``; at start-up
``sending`` becomes ``pending`` again (resending is safe: every command carries its own
Idempotency-Key, and the server answers a replay with the first response). After a rejection,
later commands on the same entity are ``held`` until the user retries or discards the rejected
one; commands on other entities keep flowing.

Every function works inside the caller's transaction (``db.session(write=True)``) and never
commits. What the sender does with the server's answer is in ``outbox_results``.

Change sets: a command reports as entity ``"command"`` with ``str(command.id)``, together with
its target ``(entity, entity_id)``, so a viewmodel refreshes both the row and the pending panel.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import and_, delete, func, select, update
from sqlalchemy.orm import Session, aliased

from vendor_desktop.cache.core.changes import ChangeSet
from vendor_desktop.cache.core.models import OutboxCommand

#: The entity name commands report under in a ChangeSet.
COMMAND_ENTITY = "command"

#: How long applied commands are kept (for the log and a "recently sent" list); the server keeps
#: idempotency keys at least this long, so nothing could still be replayed against an older one.
APPLIED_RETENTION = dt.timedelta(days=7)


class CommandState(StrEnum):
    PENDING = "pending"  # waiting to be sent (also after a transient failure: attempts > 0)
    SENDING = "sending"  # on the wire; back to pending at start-up if the app died meanwhile
    APPLIED = "applied"  # the server applied it; its answer is in the cache
    REJECTED = "rejected"  # the server refused it (error_code, messages); the user decides
    HELD = "held"  # behind a rejected command on the same entity; released when that one goes


#: Not finished: shown to the user, and blocking later commands on the same entity.
OPEN_STATES = (CommandState.PENDING, CommandState.SENDING, CommandState.REJECTED, CommandState.HELD)


@dataclass(frozen=True)
class Command:
    id: int  # creation order
    idempotency_key: str
    kind: str  # "order.price_change", "discount.create", "discount.revoke", "message.read"
    entity: str
    entity_id: str  # for a create, a local id ("local-<uuid>") until the server names it
    base_version: int | None  # sent as If-Match
    method: str
    path: str
    payload: dict[str, Any] | None
    summary: dict[str, Any]  # what the UI needs to describe it, without parsing the payload
    created_at: dt.datetime
    created_by: str
    state: CommandState
    attempts: int
    next_try_at: dt.datetime | None
    error_code: str | None
    error_message: str | None
    error_message_zh: str | None
    error_details: dict[str, Any]
    last_error: str | None  # the last transient failure (offline, 5xx, …), not a rejection
    updated_at: dt.datetime


def new_local_id() -> str:
    """An id for an entity a queued create will make; the server's id replaces it once applied."""
    return f"local-{uuid.uuid4()}"


def stamp(moment: dt.datetime) -> str:
    """UTC, ISO 8601, always with microseconds: one fixed shape, so text order is time order."""
    if moment.tzinfo is None:
        raise ValueError("an aware datetime is required")
    return moment.astimezone(dt.UTC).isoformat(timespec="microseconds")


def _moment(value: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if value else None


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def to_command(row: OutboxCommand) -> Command:
    return Command(
        id=row.id,
        idempotency_key=row.idempotency_key,
        kind=row.kind,
        entity=row.entity,
        entity_id=row.entity_id,
        base_version=row.base_version,
        method=row.method,
        path=row.path,
        payload=json.loads(row.payload) if row.payload is not None else None,
        summary=json.loads(row.summary),
        created_at=dt.datetime.fromisoformat(row.created_at),
        created_by=row.created_by,
        state=CommandState(row.state),
        attempts=row.attempts,
        next_try_at=_moment(row.next_try_at),
        error_code=row.error_code,
        error_message=row.error_message,
        error_message_zh=row.error_message_zh,
        error_details=json.loads(row.error_details) if row.error_details else {},
        last_error=row.last_error,
        updated_at=dt.datetime.fromisoformat(row.updated_at),
    )


def command_changes(commands: Iterable[Command]) -> ChangeSet:
    """The change set that tells viewmodels these commands (and their targets) changed."""
    changes = ChangeSet()
    for command in commands:
        changes.add(COMMAND_ENTITY, str(command.id))
        changes.add(command.entity, command.entity_id)
    return changes


# --- the user's side: queue, look, retry, discard --------------------------------------------


def enqueue(
    session: Session,
    *,
    kind: str,
    entity: str,
    entity_id: str,
    base_version: int | None,
    method: str,
    path: str,
    payload: dict[str, Any] | None,
    summary: dict[str, Any],
    created_by: str,
    now: dt.datetime | None = None,
) -> Command:
    """Queue a command (``pending``, or ``held`` behind a rejected one on the same entity).

    The caller commits: the command is durable from then on, and nothing is lost by a crash.
    """
    at = stamp(now or dt.datetime.now(dt.UTC))
    row = OutboxCommand(
        idempotency_key=str(uuid.uuid4()),
        kind=kind,
        entity=entity,
        entity_id=entity_id,
        base_version=base_version,
        method=method.upper(),
        path=path,
        payload=_json(payload) if payload is not None else None,
        summary=_json(summary),
        created_at=at,
        created_by=created_by,
        state=CommandState.PENDING.value,
        attempts=0,
        updated_at=at,
    )
    session.add(row)
    session.flush()
    reconcile_entity(session, entity, entity_id, at)
    return to_command(row)


def get_command(session: Session, command_id: int) -> Command | None:
    row = session.get(OutboxCommand, command_id)
    return to_command(row) if row is not None else None


def _open() -> Any:
    return OutboxCommand.state.in_([s.value for s in OPEN_STATES])


def visible_commands(session: Session) -> list[Command]:
    """Every command not applied yet, in creation order (the pending panel)."""
    return [to_command(r) for r in session.scalars(select(OutboxCommand).where(_open()).order_by(OutboxCommand.id))]


def count_by_state(session: Session) -> dict[CommandState, int]:
    """Every state, zero when none; ``applied`` counts the applied commands still kept (7 days)."""
    counts = dict.fromkeys(CommandState, 0)
    for state, n in session.execute(select(OutboxCommand.state, func.count()).group_by(OutboxCommand.state)):
        counts[CommandState(state)] = n
    return counts


def open_commands_for(session: Session, entity: str, ids: Sequence[str]) -> dict[str, list[Command]]:
    """Open commands per entity id, in creation order; ids without any are absent."""
    found: dict[str, list[Command]] = {}
    ids = list(ids)
    for start in range(0, len(ids), 500):
        stmt = (
            select(OutboxCommand)
            .where(OutboxCommand.entity == entity, OutboxCommand.entity_id.in_(ids[start : start + 500]), _open())
            .order_by(OutboxCommand.id)
        )
        for row in session.scalars(stmt):
            found.setdefault(row.entity_id, []).append(to_command(row))
    return found


def open_commands_of_kind(session: Session, kind: str) -> list[Command]:
    """Open commands of one kind, in creation order (e.g. discount creates not applied yet)."""
    stmt = select(OutboxCommand).where(OutboxCommand.kind == kind, _open()).order_by(OutboxCommand.id)
    return [to_command(r) for r in session.scalars(stmt)]


def _row(session: Session, command_id: int) -> OutboxCommand:
    row = session.get(OutboxCommand, command_id)
    if row is None:
        raise KeyError(f"no command {command_id} in the outbox")
    return row


def retry(
    session: Session, command_id: int, *, base_version: int | None = None, now: dt.datetime | None = None
) -> Command:
    """Send a rejected (or held) command again, or a backing-off pending one now.

    A rejected command gets a NEW idempotency key: the old key is bound to the old body and its
    outcome, so the server would only replay the rejection. ``base_version`` replaces the version
    sent as If-Match (after a VERSION_CONFLICT, to apply the change on top of the current entity).
    A pending command keeps its key (it may have reached the server: the key makes a resend safe)
    unless its base version changes. A held command stays held while a rejected command before it
    remains: decide on that first.
    A command being sent, or applied, is left as it is.
    """
    at = stamp(now or dt.datetime.now(dt.UTC))
    row = _row(session, command_id)
    state = CommandState(row.state)
    if state in (CommandState.SENDING, CommandState.APPLIED):
        return to_command(row)
    rebased = base_version is not None and base_version != row.base_version
    if base_version is not None:
        row.base_version = base_version
    # A key is bound to one request (If-Match included): another request needs another key, or
    # the server answers 422 IDEMPOTENCY_KEY_REUSED (or replays the old rejection).
    if state is CommandState.REJECTED or rebased:
        row.idempotency_key = str(uuid.uuid4())
    if state in (CommandState.REJECTED, CommandState.HELD):
        row.state = CommandState.PENDING.value
        row.attempts = 0
        row.error_code = row.error_message = row.error_message_zh = row.error_details = None
        row.last_error = None
    row.next_try_at = None
    row.updated_at = at
    session.flush()
    reconcile_entity(session, row.entity, row.entity_id, at)
    return to_command(row)


def discard(session: Session, command_id: int, *, now: dt.datetime | None = None) -> ChangeSet:
    """Delete a command the user gave up (usually a rejected one) and release what it held.

    A command on the wire cannot be taken back (ValueError). Discarding a pending command that
    failed transiently cannot undo it either if the server did get it: the next pull shows that.
    """
    row = _row(session, command_id)
    if row.state == CommandState.SENDING:
        raise ValueError("the command is being sent; it cannot be discarded now")
    gone = to_command(row)
    session.delete(row)
    session.flush()
    changes = command_changes([gone])
    at = stamp(now or dt.datetime.now(dt.UTC))
    return changes.merge(reconcile_entity(session, gone.entity, gone.entity_id, at))


def reconcile_entity(session: Session, entity: str, entity_id: str, at: str) -> ChangeSet:
    """Make ``held`` mean exactly "a rejected command comes before it on this entity"."""
    changes = ChangeSet()
    blocked = False
    stmt = (
        select(OutboxCommand)
        .where(OutboxCommand.entity == entity, OutboxCommand.entity_id == entity_id, _open())
        .order_by(OutboxCommand.id)
    )
    for row in session.scalars(stmt):
        if row.state == CommandState.REJECTED:
            blocked = True
            continue
        wrong, right = (CommandState.PENDING, CommandState.HELD) if blocked else (
            CommandState.HELD, CommandState.PENDING)
        if row.state == wrong:
            row.state = right.value
            row.updated_at = at
            changes.merge(command_changes([to_command(row)]))
    session.flush()
    return changes


# --- the sender's side: recovery and what is due -----------------------------------------------


def recover_after_crash(session: Session, *, now: dt.datetime | None = None) -> int:
    """At start-up: commands left ``sending`` by a crash go back to ``pending``; returns how many.

    Resending is safe: the same Idempotency-Key gets the first response if the server had it.
    Also forgets applied commands older than ``APPLIED_RETENTION``.
    """
    moment = now or dt.datetime.now(dt.UTC)
    prune_applied(session, now=moment)
    result = session.execute(
        update(OutboxCommand)
        .where(OutboxCommand.state == CommandState.SENDING.value)
        .values(state=CommandState.PENDING.value, updated_at=stamp(moment))
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


def prune_applied(session: Session, *, now: dt.datetime | None = None) -> int:
    """Delete applied commands older than ``APPLIED_RETENTION``; returns how many."""
    cutoff = stamp((now or dt.datetime.now(dt.UTC)) - APPLIED_RETENTION)
    result = session.execute(
        delete(OutboxCommand).where(
            OutboxCommand.state == CommandState.APPLIED.value, OutboxCommand.updated_at < cutoff
        )
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


def _heads(created_by: str | None) -> Any:
    """Pending commands with nothing unfinished before them on their entity: the sendable ones."""
    earlier = aliased(OutboxCommand)
    blocker = (
        select(earlier.id)
        .where(
            and_(
                earlier.entity == OutboxCommand.entity,
                earlier.entity_id == OutboxCommand.entity_id,
                earlier.id < OutboxCommand.id,
                earlier.state.in_([s.value for s in OPEN_STATES]),
            )
        )
        .exists()
    )
    stmt = select(OutboxCommand).where(OutboxCommand.state == CommandState.PENDING.value, ~blocker)
    if created_by is not None:
        stmt = stmt.where(OutboxCommand.created_by == created_by)
    return stmt


def next_due(session: Session, now: dt.datetime, *, created_by: str | None = None) -> Command | None:
    """The oldest pending command that is due and has nothing unfinished before it on its entity.

    Per-entity creation order: a price change never overtakes an earlier one on the same order,
    and nothing passes a rejected command on its entity; other entities keep flowing.
    ``created_by`` sends only that user's commands (another user of the account signed in).
    """
    due = (OutboxCommand.next_try_at.is_(None)) | (OutboxCommand.next_try_at <= stamp(now))
    row = session.scalars(_heads(created_by).where(due).order_by(OutboxCommand.id).limit(1)).first()
    return to_command(row) if row is not None else None


def next_try_in(session: Session, now: dt.datetime, *, created_by: str | None = None) -> float | None:
    """Seconds until the next sendable command is due (0: one is due now); None when none waits.

    Only sendable commands count, so a command waiting behind another never asks for a round.
    """
    if next_due(session, now, created_by=created_by) is not None:
        return 0.0
    heads = _heads(created_by).subquery()
    first = session.scalar(select(func.min(heads.c.next_try_at)))
    if first is None:
        return None
    return max(0.0, (dt.datetime.fromisoformat(first) - now).total_seconds())
