"""The sandbox's notion of "now": real time by default, settable for demos and tests.

Every time-dependent rule in the sandbox (token expiry, login lockout, review due dates, seeded
order dates) reads the app's clock, so a test moves time with ``POST /sandbox/clock`` instead of
sleeping.
"""

from __future__ import annotations

import datetime as dt
import threading
from typing import Protocol, runtime_checkable

from vendor_desktop.domain.workdays import SHANGHAI


@runtime_checkable
class Clock(Protocol):
    def now(self) -> dt.datetime:
        """The current moment, timezone-aware."""
        ...


class SystemClock:
    """Wall-clock time in UTC."""

    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC)


class SettableClock:
    """Follows ``base`` until someone sets it; from then on it stands still at the set moment.

    Standing still (rather than ticking on from the set moment) keeps tests deterministic: what a
    test sets is exactly what every later request sees until it sets the clock again.
    """

    def __init__(self, base: Clock | None = None) -> None:
        self._base: Clock = base or SystemClock()
        self._fixed: dt.datetime | None = None
        self._lock = threading.Lock()

    def now(self) -> dt.datetime:
        with self._lock:
            fixed = self._fixed
        return fixed if fixed is not None else self._base.now()

    def set(self, moment: dt.datetime) -> None:
        if moment.tzinfo is None:
            raise ValueError("the sandbox clock needs a timezone-aware moment")
        with self._lock:
            self._fixed = moment

    def advance(self, delta: dt.timedelta) -> None:
        """Move a set clock forward (or fix a following clock at now + delta)."""
        with self._lock:
            start = self._fixed if self._fixed is not None else self._base.now()
            self._fixed = start + delta


def iso(moment: dt.datetime) -> str:
    """ISO 8601 in Asia/Shanghai, to the second: what every entity timestamp looks like (one
    offset for all, so stored timestamps also sort and compare correctly as text)."""
    return moment.astimezone(SHANGHAI).isoformat(timespec="seconds")
