"""Reloading a viewmodel after a pull without stalling the GUI thread (DESIGN.md "Areas").

A pull can change 100,000 orders; re-reading what an area shows then takes from milliseconds to
seconds. The queries run on the reads runner and the result is swapped in on the GUI thread.
Two rules keep what is shown right:

- A newer reload supersedes an older one (Orange's ``ConcurrentWidgetMixin``, Anki's taskman):
  each request takes a generation number and only the newest generation's result is applied, so
  a reload that finishes late never overwrites what a newer one showed, nor what a reload run on
  the GUI thread in between (a filter the user typed) showed.
- An area that is not on screen only marks itself stale and reloads when shown. Figures that show
  outside their page (the unread badge, the pending-changes count) ask for ``live`` reloads,
  which run while hidden too.

Requests that arrive while a reload waits for its turn on the runner join it: it has not read
anything yet, so its result will include them. One waiting reload per viewmodel, however many
change sets a burst of writes publishes.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

from vendor_desktop.viewmodels.core.background import BackgroundRunner

log = logging.getLogger(__name__)

T = TypeVar("T")

#: What a reload reads, prepared on the GUI thread (filters, the selection captured there) and
#: run on the reads runner with its own database session.
Job = Callable[[], T]


class Refresher(Generic[T]):
    """One viewmodel's reloads: ``prepare()`` on the GUI thread returns the job, the job runs on
    ``runner``, ``apply(result)`` runs on the GUI thread if no newer reload was asked for since."""

    def __init__(self, runner: BackgroundRunner, prepare: Callable[[], Job[T]], apply: Callable[[T], None]) -> None:
        self._runner = runner
        self._prepare = prepare
        self._apply = apply
        # The generation is only written on the GUI thread; the lock makes "take the waiting
        # job" on the worker and "replace or add the waiting job" on the GUI thread one step each.
        self._lock = threading.Lock()
        self._generation = 0
        self._settled = 0  # the newest generation applied, dropped or failed
        self._waiting: tuple[int, Job[T]] | None = None
        self.shown = True
        self.stale = False

    @property
    def busy(self) -> bool:
        """A reload was asked for and its result has not been applied yet."""
        return self._settled < self._generation

    def request(self, *, live: bool = False) -> None:
        """Something this viewmodel shows changed: reload if shown, else remember to when shown.

        ``live``: reload while hidden too (``prepare`` decides how much to read then)."""
        if not self.shown:
            self.stale = True
            if not live:
                return
        self._start()

    def set_shown(self, shown: bool) -> None:
        self.shown = shown
        if shown and self.stale:
            self._start()

    def supersede(self) -> None:
        """The viewmodel just reloaded on the GUI thread (the user filtered or sorted): what any
        reload asked for before would show is older than what is on screen now."""
        with self._lock:
            self._generation += 1
            self._waiting = None  # not started yet: nothing to read any more
        self._settled = self._generation
        if self.shown:
            self.stale = False

    def _start(self) -> None:
        if self.shown:
            self.stale = False
        job = self._prepare()
        with self._lock:
            self._generation += 1
            joined = self._waiting is not None
            self._waiting = (self._generation, job)
        if not joined and self._runner.submit(self._run, on_done=self._done) is None:
            with self._lock:  # the runner is shut down (quitting): nothing will read it
                self._waiting = None
            self._settled = self._generation

    def _run(self) -> tuple[int, T | None, BaseException | None] | None:
        """On the runner's thread."""
        with self._lock:
            waiting, self._waiting = self._waiting, None
        if waiting is None:  # superseded before it started
            return None
        generation, job = waiting
        try:
            return generation, job(), None
        except Exception as error:  # reported on the GUI thread, with its generation
            return generation, None, error

    def _done(self, result: tuple[int, T | None, BaseException | None] | None) -> None:
        if result is None:
            return
        generation, value, error = result
        if error is not None:
            # A read that failed (the disk, a lock held past the busy timeout) leaves the old
            # figures on screen; the next change, or showing the area again, tries again.
            log.error("refresh failed", exc_info=error)
        if generation != self._generation:
            return  # a newer reload is on its way, or one on the GUI thread already showed newer
        self._settled = generation
        if error is not None:
            self.stale = True
        else:
            self._apply(value)  # type: ignore[arg-type]
