"""The pull: page through ``/sync/changes`` into the cache (API.md "Sync (pull)").

Each page and the cursor after it are committed in one transaction, so a crash or a lost
connection mid-pull resumes exactly where the last committed page ended: nothing skipped, and
a replayed page is harmless anyway (versioned upserts). No transaction is open during HTTP.

The next page is fetched on a helper thread while this one writes the page in hand, so the
network and the disk overlap instead of taking turns. Its JSON is decoded here, not there: one
thread at a time holding the GIL for a page's worth of work keeps the GUI thread responsive.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass

from vendor_desktop.cache.core import sync_state
from vendor_desktop.cache.core.apply import apply_changes
from vendor_desktop.cache.core.changes import ChangeSet
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.sync.client import FetchedChanges, MarketplaceClient
from vendor_desktop.sync.errors import ApiError

log = logging.getLogger(__name__)

CURSOR_EXPIRED = "CURSOR_EXPIRED"
#: The most the API allows (API.md): fewer round trips and transactions per pull.
PAGE_SIZE = 2000


@dataclass(frozen=True)
class PullProgress:
    """Polled by the UI (DESIGN "Progress by polling"); ``has_more`` False on the last page."""

    pages: int
    changes_applied: int
    has_more: bool


class Puller:
    def __init__(self, client: MarketplaceClient, db: CacheDatabase, *, page_size: int = PAGE_SIZE) -> None:
        if not 1 <= page_size <= 2000:
            raise ValueError("page_size must be 1..2000 (API.md)")
        self.client = client
        self.db = db
        self.page_size = page_size

    def pull(
        self,
        progress: Callable[[PullProgress], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
        *,
        into: ChangeSet | None = None,
    ) -> ChangeSet:
        """Pull until the server has nothing more (or ``cancelled()``); return what changed.

        ``into`` collects the changes of each committed page as it goes, so a caller still knows
        what changed when a later page fails (BackendUnreachable, ApiError propagate).
        On 409 CURSOR_EXPIRED the pull restarts from the beginning as a full resync: old rows stay
        visible meanwhile, and at the end rows the resync did not see are swept.
        """
        changed = into if into is not None else ChangeSet()
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="vendor-desktop-prefetch") as prefetch:
            self._pull(changed, progress, cancelled, prefetch)
        return changed

    def _pull(
        self,
        changed: ChangeSet,
        progress: Callable[[PullProgress], None] | None,
        cancelled: Callable[[], bool] | None,
        prefetch: ThreadPoolExecutor,
    ) -> None:
        # The page being fetched ahead, and the cursor it continues from.
        ahead: tuple[str, Future[FetchedChanges]] | None = None
        pages = applied = 0
        resync_started = False
        while not (cancelled and cancelled()):
            with self.db.session() as s:
                cursor = sync_state.cursor(s)
            with _cyclic_gc_paused():
                try:
                    if ahead is not None and ahead[0] == cursor:
                        page = ahead[1].result().decode()
                    else:
                        page = self.client.changes(cursor, self.page_size)
                except ApiError as err:
                    # A second expiry right after restarting from the start would be a server bug;
                    # let it surface instead of looping.
                    if err.code != CURSOR_EXPIRED or resync_started:
                        raise
                    log.info("sync cursor expired; re-syncing everything from the start")
                    with self.db.session(write=True) as s, s.begin():
                        sync_state.start_resync(s)
                    resync_started = True
                    ahead = None
                    continue
                ahead = None
                if page.has_more:
                    ahead = (page.cursor, prefetch.submit(self.client.fetch_changes, page.cursor, self.page_size))
                with self.db.session(write=True) as s, s.begin():
                    if sync_state.cursor(s) != cursor:
                        # Someone else moved the cursor (a second puller on this file): their page
                        # is committed already, so take it from there.
                        continue
                    changed.merge(apply_changes(s, page.changes, generation=sync_state.generation(s)))
                    sync_state.set_cursor(s, page.cursor)
                    if not page.has_more:
                        if sync_state.is_resyncing(s):
                            changed.merge(sync_state.finish_resync(s))
                        sync_state.mark_success(s)
                    has_more, count = page.has_more, len(page.changes)
                # Freed now, while the collector is paused, so the page never reaches an old generation.
                del page
            pages += 1
            applied += count
            if progress is not None:
                progress(PullProgress(pages=pages, changes_applied=applied, has_more=has_more))
            if not has_more:
                break


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while a page is decoded and written.

    A page is thousands of fresh dicts that live a few hundred milliseconds: long enough to
    survive young collections and be promoted, so every few pages the collector made a full
    pass over every object in the app, holding the GIL (and freezing the GUI) for 50-200 ms.
    Reference counting frees the page anyway; collection resumes between pages.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
