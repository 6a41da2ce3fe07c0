"""One background runner: network and disk work off the GUI thread (Anki's taskman pattern).

Work runs on a single worker thread, so database writes from sync never race each other;
results come back to the GUI thread through a queued signal and the callbacks run there.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
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
                self._finished.emit(on_error, None, exc)
                raise
            self._finished.emit(on_done, result, None)
            return result

        return self._pool.submit(run)

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
        """Stop taking work; by default wait for the task in hand (a pull page commits whole)."""
        self._closed = True
        self._pool.shutdown(wait=wait, cancel_futures=True)
