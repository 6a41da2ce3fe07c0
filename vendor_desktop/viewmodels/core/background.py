"""One background runner: network and disk work off the GUI thread (Anki's taskman pattern).

Work runs on a single worker thread, so database writes from sync never race each other;
results come back to the GUI thread through a queued signal and the callbacks run there.
At quit, the sync runner drops what it has not started (``shutdown``: the next start syncs
anyway); the local-writes runner finishes everything it accepted (``drain``), because each task
there is a change the user was told is kept.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as wait_for
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

log = logging.getLogger(__name__)


class BackgroundRunner(QObject):
    """Runs callables on one worker thread and calls back on the GUI thread."""

    _finished = Signal(object, object, object)  # callback, result, error
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, name: str = "vendor-desktop-worker") -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
        self._pending = 0
        self._closed = False
        self._abandoned = False  # quitting stopped waiting: results have no one left to go to
        self._lock = threading.Lock()
        self._unfinished: set[Future[Any]] = set()  # accepted and not yet finished: what drain waits for
        self._finished.connect(self._deliver)

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def submit(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Future[Any] | None:
        """Run ``fn`` in the background; ``on_done(result)`` or ``on_error(exc)`` on the GUI thread.

        After ``shutdown`` nothing new starts (a late timer or signal while the app closes)."""
        if self._closed:
            log.debug("not started after shutdown: %s", fn)
            return None
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)

        def run() -> Any:
            try:
                result = fn()
            except BaseException as exc:  # handed to on_error on the GUI thread
                if not self._abandoned:
                    self._finished.emit(on_error, None, exc)
                raise
            if not self._abandoned:
                self._finished.emit(on_done, result, None)
            return result

        future = self._pool.submit(run)
        with self._lock:
            self._unfinished.add(future)
        future.add_done_callback(self._forget)
        return future

    def _forget(self, future: Future[Any]) -> None:
        with self._lock:
            self._unfinished.discard(future)

    @Slot(object, object, object)
    def _deliver(self, callback: Callable[[Any], None] | None, result: Any, error: Any) -> None:
        self._pending -= 1
        if self._pending == 0:
            self.busy_changed.emit(False)
        if error is not None:
            if callback is None:
                log.error("background task failed", exc_info=error)
            else:
                callback(error)
        elif callback is not None:
            callback(result)

    def shutdown(self, wait: bool = True) -> None:
        """Stop taking work and drop what has not started; by default wait for the task in hand
        (a pull page commits whole). Not for local writes: see ``drain``."""
        self._closed = True
        self._pool.shutdown(wait=wait, cancel_futures=True)

    def drain(self, timeout_s: float) -> int:
        """Stop taking work, then run everything already accepted, waiting at most ``timeout_s``.

        Returns how many tasks had not finished by then (0: all done). Those keep running on the
        worker thread; nothing accepted is cancelled."""
        self._closed = True
        self._pool.shutdown(wait=False, cancel_futures=False)
        with self._lock:
            unfinished = list(self._unfinished)
        _done, not_done = wait_for(unfinished, timeout=timeout_s)
        # What is left still runs (the process waits for it at exit), but the GUI side is being
        # torn down: a result signalled to it then could reach a deleted object.
        self._abandoned = bool(not_done)
        return len(not_done)
