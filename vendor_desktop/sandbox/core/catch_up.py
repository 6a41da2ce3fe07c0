"""Work the sandbox clock makes due (money settling, withdrawals moving on, SPEC §8), done lazily:
nothing runs in the background, so whoever next looks at an account first brings it up to the
clock. Each area registers its task here; ``GET /sync/changes`` runs them for the caller's account
before paging, so a pull shows what the clock says.

A task reads cheaply first and takes the write lock only when something is due, so a pull with
nothing due stays a read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy.orm import Session

Task = Callable[[Session, str, dt.datetime], None]

_TASKS: list[Task] = []


def register(task: Task) -> Task:
    """Run ``task(session, account_id, now)`` whenever an account is brought up to the clock."""
    _TASKS.append(task)
    return task


def catch_up(s: Session, account_id: str, now: dt.datetime) -> None:
    """Bring one account up to ``now``, in the caller's transaction."""
    for task in _TASKS:
        task(s, account_id, now)
