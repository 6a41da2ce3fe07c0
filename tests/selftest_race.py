"""``--self-test`` with the price change applied before the self-test takes its first look.

On a quiet machine the change is queued, sent and applied before the self-test looks at it. This
driver makes that happen every time: once the price change is submitted, the self-test's next
wait starts only after the change is applied, the cache shows it and every runner is idle. A
self-test that waits for a passing state ("the change is queued") then times out, every run.

Run in a subprocess by ``tests/test_selftest.py`` (the self-test installs logging and hooks
process-wide): ``python -c "from tests.selftest_race import main; main()" --self-test …``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

#: Printed when the hook ran, so the test knows the race was really forced.
FORCED = "selftest_race: the price change was applied before the self-test's first look"


def _settled(center: Any) -> bool:
    """The change is applied and nothing is left that could still move the counts."""
    from vendor_desktop.cache.core import outbox
    from vendor_desktop.cache.core.outbox import OPEN_STATES, CommandState

    with center.session.db.session() as session:
        counts = outbox.count_by_state(session)
    changes = center.window.changes_vm
    return (
        counts[CommandState.APPLIED] >= 1
        and not any(counts[state] for state in OPEN_STATES)
        and not center.sync.is_syncing
        and not center.writes.busy
        and not center.runner.busy
        and not changes.unsent
        and not changes.open_count
    )


def main(argv: list[str] | None = None) -> None:
    from vendor_desktop import selftest
    from vendor_desktop.viewmodels.orders.price_change import PriceChangeViewModel

    submitted: list[bool] = []
    forced: list[bool] = []
    submit, exercise, wait = PriceChangeViewModel.submit, selftest.SelfTest.exercise, selftest.SelfTest.wait

    def submit_and_note(self: PriceChangeViewModel, form: Any) -> bool:
        ok = submit(self, form)
        submitted.append(ok)
        return ok

    def exercise_keeping_center(self: selftest.SelfTest, center: Any) -> None:
        self.center = center  # type: ignore[attr-defined]
        exercise(self, center)

    def wait_after_the_change(
        self: selftest.SelfTest, what: str, condition: Callable[[], bool], timeout_s: float = 60
    ) -> None:
        if any(submitted) and not forced:
            forced.append(True)
            wait(self, "the forced outcome", lambda: _settled(self.center), 60)  # type: ignore[attr-defined]
            print(FORCED, file=sys.stderr, flush=True)
        wait(self, what, condition, timeout_s)

    PriceChangeViewModel.submit = submit_and_note  # type: ignore[method-assign]
    selftest.SelfTest.exercise = exercise_keeping_center  # type: ignore[method-assign]
    selftest.SelfTest.wait = wait_after_the_change  # type: ignore[method-assign]
    raise SystemExit(selftest.main(sys.argv[1:] if argv is None else argv))
