"""The sync engine on its worker thread, and what the status bar shows about it.

Progress is polled (Anki's aqt/sync.py): the worker writes counters into a small object and a
150 ms timer reads them, so a 100,000-row pull does not flood the GUI thread with signals.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot

from vendor_desktop.cache.core.changes import ChangeSet
from vendor_desktop.sync.engine import SyncEngine, SyncOutcome
from vendor_desktop.sync.errors import ApiError
from vendor_desktop.sync.pull import PullProgress
from vendor_desktop.viewmodels.core.background import BackgroundRunner
from vendor_desktop.viewmodels.core.labels import server_message

PERIODIC_PULL_MS = 60_000
PROGRESS_POLL_MS = 150


class Connection(StrEnum):
    CONNECTING = "connecting"
    ONLINE = "online"
    OFFLINE = "offline"
    SYNCING = "syncing"
    ERROR = "error"


@dataclass
class _Progress:
    applied: int = 0
    pages: int = 0


class SyncController(QObject):
    """Runs pulls in the background: periodically, on "Sync now", and after a reconnect."""

    state_changed = Signal(str)
    progress_changed = Signal(int)  # changes applied in the running sync
    last_synced_changed = Signal(object)  # datetime | None
    data_changed = Signal(object)  # ChangeSet: entity → ids, broadcast once per pull
    session_expired = Signal()  # the server no longer accepts our token: sign in again

    def __init__(
        self,
        engine: SyncEngine,
        runner: BackgroundRunner,
        *,
        last_synced: dt.datetime | None = None,
        interval_ms: int = PERIODIC_PULL_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self._runner = runner
        self._state = Connection.CONNECTING
        self.error_text = ""
        self.last_synced = last_synced
        self._running = False
        self._again = False
        self._stopping = threading.Event()
        self._progress = _Progress()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.sync_now)
        self._interval_ms = interval_ms
        self._poll = QTimer(self)
        self._poll.setInterval(PROGRESS_POLL_MS)
        self._poll.timeout.connect(self._read_progress)

    @property
    def state(self) -> Connection:
        return self._state

    @property
    def is_syncing(self) -> bool:
        return self._running

    def _set_state(self, state: Connection) -> None:
        if state != self._state:
            self._state = state
            self.state_changed.emit(state.value)

    def set_offline(self, retry_in_s: float = 5.0) -> None:
        """Start-up found the backend unreachable: show offline, try again shortly."""
        self._set_state(Connection.OFFLINE)
        self._timer.start(int(retry_in_s * 1000))

    def publish(self, changes: ChangeSet) -> None:
        """A local write (a queued command, a retry, a discard): tell every viewmodel once, and
        send it now if the marketplace can be reached (push before pull)."""
        self.data_changed.emit(changes)
        self.sync_now()

    @Slot()
    def sync_now(self) -> None:
        if self._stopping.is_set():
            return
        if self._running:
            self._again = True  # something new to send: one more round right after this one
            return
        self._running = True
        self._timer.stop()
        self._progress = _Progress()
        progress = self._progress

        def report(p: PullProgress) -> None:
            progress.applied = p.changes_applied
            progress.pages = p.pages

        self._set_state(Connection.SYNCING)
        self._poll.start()
        self._runner.submit(
            lambda: self._engine.sync_once(cancelled=self._stopping.is_set, progress=report),
            on_done=self._finished,
            on_error=self._crashed,
        )

    def _read_progress(self) -> None:
        self.progress_changed.emit(self._progress.applied)

    def _finished(self, outcome: SyncOutcome) -> None:
        self._running = False
        self._poll.stop()
        self._read_progress()
        again, self._again = self._again, False
        if outcome.changes:
            self.data_changed.emit(outcome.changes)
        if outcome.needs_sign_in:
            self._set_state(Connection.ERROR)
            self.session_expired.emit()
        elif not outcome.online:
            self._set_state(Connection.OFFLINE)
            self._schedule(outcome.retry_in)
        elif outcome.error is not None:
            self._report_error(outcome.error)
        else:
            self.error_text = ""
            self.last_synced = dt.datetime.now(dt.UTC)
            self.last_synced_changed.emit(self.last_synced)
            self._set_state(Connection.ONLINE)
            # A command backing off (5xx, rate limit) is due before the next periodic pull.
            self._schedule(0 if again else outcome.next_command_in)

    def _report_error(self, error: ApiError) -> None:
        self.error_text = server_message(error.message, error.message_zh)
        if error.status == 401:
            self._set_state(Connection.ERROR)
            self.session_expired.emit()
            return
        self._set_state(Connection.ERROR)
        self._schedule(None)

    def _crashed(self, exc: BaseException) -> None:
        self._running = False
        self._poll.stop()
        self.error_text = QCoreApplication.translate("SyncController", "Sync failed: %1").replace(
            "%1", str(exc) or type(exc).__name__
        )
        self._set_state(Connection.ERROR)
        self._schedule(None)

    def _schedule(self, retry_in_s: float | None) -> None:
        if self._stopping.is_set():
            return
        delay_ms = self._interval_ms if retry_in_s is None else int(retry_in_s * 1000)
        self._timer.start(max(0, delay_ms))

    def stop(self) -> None:
        """No new pulls; a running one stops after the page in hand (it commits whole)."""
        self._stopping.set()
        self._timer.stop()
        self._poll.stop()
