"""One round of sync: push queued commands, then pull, and say whether the backend was there.

Pure Python; the app runs ``sync_once`` on its sync worker thread and schedules the next round
``retry_in`` seconds later when offline.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from vendor_desktop.cache.changes import ChangeSet
from vendor_desktop.cache.database import CacheDatabase
from vendor_desktop.sync.backoff import Backoff
from vendor_desktop.sync.client import MarketplaceClient
from vendor_desktop.sync.errors import ApiError, BackendUnreachable, NotSignedIn
from vendor_desktop.sync.pull import Puller, PullProgress

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


class SyncEngine:
    def __init__(
        self,
        client: MarketplaceClient,
        db: CacheDatabase,
        *,
        backoff: Backoff | None = None,
        page_size: int = 1000,
    ) -> None:
        self.client = client
        self.db = db
        self.backoff = backoff or Backoff()
        self.puller = Puller(client, db, page_size=page_size)

    def sync_once(
        self,
        cancelled: Callable[[], bool] | None = None,
        progress: Callable[[PullProgress], None] | None = None,
    ) -> SyncOutcome:
        changes = ChangeSet()
        try:
            # Push before pull (DESIGN "Outbox states"): the pull then brings the server's view of
            # what the commands did. The outbox sender plugs in here in a later issue.
            self._push(changes, cancelled)
            self.puller.pull(progress=progress, cancelled=cancelled, into=changes)
        except BackendUnreachable as exc:
            delay = self.backoff.next_delay()
            log.info("backend unreachable (%s); retrying in %.1f s", exc, delay)
            return SyncOutcome(changes, online=False, error=None, retry_in=delay)
        except NotSignedIn:
            return SyncOutcome(changes, online=True, error=None, retry_in=None, needs_sign_in=True)
        except ApiError as err:
            return SyncOutcome(changes, online=True, error=err, retry_in=self._retry_after(err))
        self.backoff.reset()
        return SyncOutcome(changes, online=True, error=None, retry_in=None)

    def _push(self, changes: ChangeSet, cancelled: Callable[[], bool] | None) -> None:
        """Send queued commands from the outbox (not yet: no outbox table exists)."""

    def _retry_after(self, err: ApiError) -> float | None:
        # A refusal the user must act on (403, 422, …) does not pass by waiting; rate limits do.
        if err.status == 429:
            hinted = err.details.get("retry_after_seconds")
            delay = self.backoff.next_delay()
            return float(hinted) if isinstance(hinted, int | float) and hinted > 0 else delay
        if err.status >= 500:
            return self.backoff.next_delay()
        return None
