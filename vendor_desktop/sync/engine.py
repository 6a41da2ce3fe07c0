"""One round of sync: push queued commands, then pull, and say whether the backend was there.

Pure Python; the app runs ``sync_once`` on its sync worker thread and schedules the next round
``retry_in`` seconds later when offline.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from vendor_desktop.cache.core import outbox
from vendor_desktop.cache.core.changes import ChangeSet
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.sync.backoff import Backoff
from vendor_desktop.sync.client import MarketplaceClient
from vendor_desktop.sync.errors import ApiError, BackendUnreachable, NotSignedIn
from vendor_desktop.sync.outbox_sender import OutboxSender, PushResult
from vendor_desktop.sync.pull import PAGE_SIZE, Puller, PullProgress

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SyncOutcome:
    #: What the round changed in the cache (also after a failure part-way through).
    changes: ChangeSet
    #: False when the backend could not be reached: the app shows "offline" and keeps working.
    online: bool
    #: The backend's refusal, to show to the user (e.g. 403, 429).
    error: ApiError | None
    #: Seconds until the next attempt, when the round failed for a reason that passes by itself.
    retry_in: float | None
    #: The session ended on the server (signed out elsewhere, token revoked): ask for the password.
    needs_sign_in: bool = False
    #: Queued commands the server applied, and refused (shown next to their entity), this round.
    applied: int = 0
    rejected: int = 0
    #: Seconds until a queued command that failed for now is due again: schedule a round by then.
    next_command_in: float | None = None


class SyncEngine:
    def __init__(
        self,
        client: MarketplaceClient,
        db: CacheDatabase,
        *,
        backoff: Backoff | None = None,
        page_size: int = PAGE_SIZE,
        command_backoff: Backoff | None = None,
    ) -> None:
        self.client = client
        self.db = db
        self.backoff = backoff or Backoff()
        self.puller = Puller(client, db, page_size=page_size)
        self.sender = OutboxSender(client, db, backoff=command_backoff)
        # One engine per cache file, made at start-up: a command left ``sending`` was cut off by
        # a crash and goes back to ``pending`` (resending with its key is safe).
        with db.session(write=True) as s, s.begin():
            #: How many commands were recovered this way (for the log).
            self.recovered = outbox.recover_after_crash(s)
        if self.recovered:
            log.info("%d queued command(s) were being sent when the app stopped; sending again", self.recovered)

    def sync_once(
        self,
        cancelled: Callable[[], bool] | None = None,
        progress: Callable[[PullProgress], None] | None = None,
    ) -> SyncOutcome:
        changes = ChangeSet()
        pushed = PushResult(changes=changes)
        try:
            # Push before pull (DESIGN "Outbox states"): the pull then brings the server's view of
            # what the commands did.
            self._push(pushed, cancelled)
            self.puller.pull(progress=progress, cancelled=cancelled, into=changes)
        except BackendUnreachable as exc:
            delay = self.backoff.next_delay()
            log.info("backend unreachable (%s); retrying in %.1f s", exc, delay)
            return SyncOutcome(changes, online=False, error=None, retry_in=delay, **self._counts(pushed))
        except NotSignedIn:
            return SyncOutcome(changes, online=True, error=None, retry_in=None, needs_sign_in=True,
                               **self._counts(pushed))
        except ApiError as err:
            return SyncOutcome(changes, online=True, error=err, retry_in=self._retry_after(err),
                               **self._counts(pushed))
        self.backoff.reset()
        return SyncOutcome(changes, online=True, error=None, retry_in=None, **self._counts(pushed))

    def _push(self, pushed: PushResult, cancelled: Callable[[], bool] | None) -> None:
        """Send the due queued commands (one at a time, oldest first per entity)."""
        self.sender.push(cancelled, into=pushed)

    @staticmethod
    def _counts(pushed: PushResult) -> dict[str, Any]:
        return {"applied": pushed.applied, "rejected": pushed.rejected, "next_command_in": pushed.next_try_in}

    def _retry_after(self, err: ApiError) -> float | None:
        # A refusal the user must act on (403, 422, …) does not pass by waiting; rate limits do.
        if err.status == 429:
            hinted = err.details.get("retry_after_seconds")
            delay = self.backoff.next_delay()
            return float(hinted) if isinstance(hinted, int | float) and hinted > 0 else delay
        if err.status >= 500:
            return self.backoff.next_delay()
        return None
