"""Sending the outbox (DESIGN "Outbox states", "Durability"): one command at a time, oldest first.

For each due command: commit ``sending`` BEFORE the HTTP call, send it with its own
Idempotency-Key (and ``If-Match`` when it was based on a version), then record the answer and
the command's new state in ONE transaction. A crash before the answer is recorded leaves the
command ``sending``; at start-up it becomes ``pending`` and is sent again with the same key, and
the server replays its first answer: nothing is lost and nothing is applied twice.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from vendor_desktop.cache.core import outbox, outbox_files
from vendor_desktop.cache.core.apply import apply_changes
from vendor_desktop.cache.core.changes import ChangeSet
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.cache.core.outbox import Command
from vendor_desktop.cache.core.outbox_results import mark_applied, mark_rejected, mark_sending, mark_transient, release
from vendor_desktop.sync.backoff import Backoff
from vendor_desktop.sync.client import MarketplaceClient
from vendor_desktop.sync.errors import ApiError, BackendUnreachable

log = logging.getLogger(__name__)

VERSION_CONFLICT = "VERSION_CONFLICT"
IDEMPOTENCY_KEY_IN_USE = "IDEMPOTENCY_KEY_IN_USE"


def is_transient(err: ApiError) -> bool:
    """A refusal that passes by waiting: the server's trouble, a timeout, a rate limit, or the
    first request with this key still running. Everything else is the server's decision."""
    return (
        err.status >= 500
        or err.status in (408, 429)
        or (err.status == 409 and err.code == IDEMPOTENCY_KEY_IN_USE)
    )


def _missing_copy(name: str, exc: OSError) -> ApiError:
    """The stored copy of an attachment is gone (someone emptied the app's folder): sending again
    cannot help, so it is shown as not accepted, with what to do."""
    return ApiError(
        0,
        "ATTACHMENT_MISSING",
        f"The copy of {name} kept on this computer is gone ({exc.strerror or exc}). "
        "Discard this change and attach the file again.",
        f"本机保存的 {name} 副本已丢失。请放弃此项修改，重新上传附件。",
        {"name": name},
    )


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass
class PushResult:
    applied: int = 0
    rejected: int = 0
    #: Failed in a way that passes by itself; pending again with a later ``next_try_at``.
    deferred: int = 0
    #: Seconds until the next command is due, when one waits (schedule a round then).
    next_try_in: float | None = None
    changes: ChangeSet = field(default_factory=ChangeSet)


class OutboxSender:
    def __init__(
        self,
        client: MarketplaceClient,
        db: CacheDatabase,
        *,
        backoff: Backoff | None = None,
        clock: Callable[[], dt.datetime] = _utc_now,
    ) -> None:
        self.client = client
        self.db = db
        #: Only ``delay_for(attempts)`` is used: each command keeps its own count of failures.
        self.backoff = backoff or Backoff()
        self.clock = clock
        self._sweep_files()

    def _sweep_files(self) -> None:
        """At start-up: drop stored attachment copies whose command was applied or discarded
        before the copy could be removed (a crash in between)."""
        try:
            with self.db.session() as s:
                keep = outbox_files.open_uploads(s)
            outbox_files.sweep(self._files, keep, now=self.clock())
        except OSError as exc:  # a leftover copy costs disk space, never a change
            log.warning("could not tidy %s: %s", self._files, exc)

    def push(self, cancelled: Callable[[], bool] | None = None, *, into: PushResult | None = None) -> PushResult:
        """Send every due command. Counts and changes go into ``into`` as they happen, so a caller
        still knows them when this raises (BackendUnreachable, NotSignedIn, a 401)."""
        result = into if into is not None else PushResult()
        user = self.client.user
        # After another user of the account signed in, their queue is theirs to send.
        created_by = user.username if user is not None else None
        while not (cancelled and cancelled()):
            with self.db.session(write=True) as s, s.begin():
                command = outbox.next_due(s, self.clock(), created_by=created_by)
                if command is None:
                    break
                command = mark_sending(s, command.id, self.clock())
            result.changes.merge(outbox.command_changes([command]))
            self._send(command, result)
        with self.db.session() as s:
            result.next_try_in = outbox.next_try_in(s, self.clock(), created_by=created_by)
        return result

    def _send(self, command: Command, result: PushResult) -> None:
        headers = {"Idempotency-Key": command.idempotency_key}
        if command.base_version is not None:
            headers["If-Match"] = str(command.base_version)
        upload = outbox_files.upload_of(command.payload)
        files = None
        if upload is not None:
            # A file (a ticket's attachment, R-TKT-1) goes as multipart/form-data, read from the
            # copy kept beside the cache; the same Idempotency-Key on every try.
            try:
                files = {"file": (upload.name, outbox_files.read(self._files, upload.stored), upload.media_type)}
            except OSError as exc:
                self._reject(command, _missing_copy(upload.name, exc), result)
                return
        try:
            if files is None:
                answer = self.client.request(command.method, command.path, json=command.payload, headers=headers)
            else:
                answer = self.client.request(command.method, command.path, headers=headers, files=files)
        except BackendUnreachable as exc:
            # Maybe the server applied it and the answer was lost: the same key resends safely.
            # Due at the next round: while offline, the engine's own backoff paces the rounds.
            self._defer(command, str(exc), dt.timedelta(0), result)
            raise
        except ApiError as err:
            if err.status == 401:
                self._release(command, result)
                raise
            if is_transient(err):
                self._defer(command, f"{err.status} {err.code}: {err.message}", self._delay(command, err), result)
                return
            self._reject(command, err, result)
            return
        except BaseException:
            # Not signed in, or anything unexpected: it was not sent, or is safe to resend.
            self._release(command, result)
            raise
        with self.db.session(write=True) as s, s.begin():
            result.changes.merge(mark_applied(s, command.id, answer, self.clock()))
        result.applied += 1
        if upload is not None:  # applied: the marketplace has the file now
            outbox_files.remove(self._files, [upload.stored])

    @property
    def _files(self) -> Path:
        return outbox_files.folder_for(self.db.path)

    def _delay(self, command: Command, err: ApiError) -> dt.timedelta:
        hinted = err.details.get("retry_after_seconds")
        if err.status == 429 and isinstance(hinted, int | float) and hinted > 0:
            return dt.timedelta(seconds=float(hinted))
        return dt.timedelta(seconds=self.backoff.delay_for(command.attempts))

    def _defer(self, command: Command, error: str, delay: dt.timedelta, result: PushResult) -> None:
        log.info("command %s (%s) failed for now: %s", command.id, command.kind, error)
        now = self.clock()
        with self.db.session(write=True) as s, s.begin():
            result.changes.merge(mark_transient(s, command.id, error=error, next_try_at=now + delay, now=now))
        result.deferred += 1

    def _reject(self, command: Command, err: ApiError, result: PushResult) -> None:
        log.info("command %s (%s) rejected: %s %s", command.id, command.kind, err.status, err.code)
        with self.db.session(write=True) as s, s.begin():
            if err.code == VERSION_CONFLICT:
                # Show the user what the entity is now, so they can decide on top of it.
                current = err.details.get("current")
                if isinstance(current, dict) and isinstance(current.get("version"), int):
                    result.changes.merge(apply_changes(s, [{**current, "deleted": False}]))
            result.changes.merge(
                mark_rejected(
                    s, command.id, code=err.code, message=err.message, message_zh=err.message_zh,
                    details=err.details, now=self.clock(),
                )
            )
        result.rejected += 1

    def _release(self, command: Command, result: PushResult) -> None:
        with self.db.session(write=True) as s, s.begin():
            result.changes.merge(release(s, command.id, self.clock()))
