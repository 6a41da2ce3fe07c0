"""Exponential backoff with jitter for retrying an offline backend (or a failed command)."""

from __future__ import annotations

import random


class Backoff:
    """Delays that double from ``initial`` up to ``cap``, with "full jitter" on the upper half.

    Jitter spreads the retries of many desktops after a backend outage; keeping the lower half
    fixed means a delay never collapses to almost nothing. Pass a seeded ``random.Random`` for
    deterministic tests.
    """

    def __init__(
        self,
        initial: float = 2.0,
        cap: float = 300.0,
        factor: float = 2.0,
        *,
        rng: random.Random | None = None,
    ) -> None:
        if initial <= 0 or cap < initial or factor < 1:
            raise ValueError("need 0 < initial ≤ cap and factor ≥ 1")
        self.initial = initial
        self.cap = cap
        self.factor = factor
        self._rng = rng or random.Random()
        self._attempt = 0

    @property
    def attempts(self) -> int:
        """Failures since the last success."""
        return self._attempt

    def next_delay(self) -> float:
        """Seconds to wait before the next attempt; each call counts one more failure."""
        delay = self.delay_for(self._attempt)
        self._attempt += 1
        return delay

    def delay_for(self, failures: int) -> float:
        """The delay after ``failures`` earlier failures (0 = the first retry), without counting one:
        for things that keep their own count, like a queued command's ``attempts``."""
        base = min(self.cap, self.initial * self.factor ** min(failures, 64))
        return base / 2 + self._rng.uniform(0, base / 2)

    def reset(self) -> None:
        self._attempt = 0
