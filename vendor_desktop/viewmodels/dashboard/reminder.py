"""A desktop reminder the working day before something falls due, once per item per day, while
the app runs: invoices to issue (issue 12, R-INV-3) and refund requests to decide (R-REF-4).

It looks at start, after every pull that touched its entity, and every few minutes (so a new
Beijing day is noticed without a pull). The query runs on the reads runner; a subclass says what
to look for (``look``) and how to word it (``words``).

Once per item per day: an item counts as reminded only when the notification was actually
shown — the shell calls ``remember()`` then. While the window is in front the shell shows none
(the Workbench says it there), so the next look offers it again. What was reminded is kept in
the user's settings (QSettings, one key per signed-in user and kind: a restart the same day does
not remind twice), and only today's ids are kept, so the key never grows.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from sqlalchemy.orm import Session

from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.viewmodels.core.background import BackgroundRunner
from vendor_desktop.viewmodels.core.refresh import Refresher

log = logging.getLogger(__name__)

# How often the reminder looks again without a pull: a new day, or a window no longer in front.
CHECK_EVERY_MS = 5 * 60_000
# Order numbers a notification names before "…".
NAMED = 3


class RemindedToday:
    """The items reminded of today, in QSettings under ``key`` (in memory when ``settings``
    is None: tests that build the viewmodel alone)."""

    def __init__(self, settings: QSettings | None = None, key: str = "") -> None:
        self._settings = settings
        self._key = key
        self._memory = ""

    def _load(self) -> dict[str, object]:
        raw = self._settings.value(self._key, "") if self._settings is not None else self._memory
        try:
            value = json.loads(str(raw)) if raw else {}
        except ValueError:
            return {}
        return value if isinstance(value, dict) else {}

    def ids(self, today: dt.date) -> set[str]:
        value = self._load()
        ids = value.get("ids") if value.get("date") == today.isoformat() else None
        return {str(i) for i in ids} if isinstance(ids, list) else set()

    def add(self, today: dt.date, ids: Sequence[str]) -> None:
        text = json.dumps({"date": today.isoformat(), "ids": sorted(self.ids(today) | set(ids))})
        if self._settings is not None:
            self._settings.setValue(self._key, text)
        else:
            self._memory = text


def named(numbers: Sequence[str]) -> str:
    """The first order numbers of a notification, "…" after them when there are more."""
    return ", ".join(numbers[:NAMED]) + (" …" if len(numbers) > NAMED else "")


class DayBeforeReminder(QObject):
    """Looks for items due on the next working day and offers one notification per look."""

    # Title and body of a desktop notification; clicking it opens the items' list.
    due_next_working_day = Signal(str, str)

    def __init__(
        self,
        db: CacheDatabase,
        reads: BackgroundRunner,
        today: Callable[[], dt.date],
        reminded: RemindedToday | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._today = today
        self.reminded = reminded if reminded is not None else RemindedToday()
        self._offered: tuple[dt.date, list[str]] | None = None
        # A look asked for while one runs joins the next: one notification per look.
        self._refresh: Refresher[tuple[dt.date, list[Any]]] = Refresher(reads, self._prepare, self._found)
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        self.check()  # at start: the result arrives once the event loop runs, after the shell connected

    # -- what a subclass says -----------------------------------------------------------------------
    @staticmethod
    def look(session: Session, today: dt.date) -> list[Any]:
        """The items due on the next working day (each with an ``id``), earliest first."""
        raise NotImplementedError

    def words(self, fresh: list[Any]) -> tuple[str, str]:
        """The notification's title and body for the items not reminded of yet today."""
        raise NotImplementedError

    # -- looking -----------------------------------------------------------------------------------
    def check(self) -> None:
        """Look for items due on the next working day (off the GUI thread)."""
        self._refresh.request()

    def stop(self) -> None:
        """The session ends (the window closes): no more looks at its cache."""
        self.timer.stop()
        self._refresh.supersede()  # a look under way is not announced

    def remember(self) -> None:
        """The last notification was shown: its items are reminded of for today."""
        if self._offered is not None:
            self.reminded.add(*self._offered)
            self._offered = None

    def _prepare(self) -> Callable[[], tuple[dt.date, list[Any]]]:
        # A static method: the look runs on the reads thread and must hold no reference to this
        # QObject (its last reference dropped there would destroy its timer on the wrong thread).
        db, today, look = self._db, self._today(), type(self).look

        def load() -> tuple[dt.date, list[Any]]:
            with db.session() as session:
                return today, look(session, today)

        return load

    def _found(self, result: tuple[dt.date, list[Any]]) -> None:
        today, due = result
        already = self.reminded.ids(today)
        fresh = [d for d in due if d.id not in already]
        if not fresh:
            return
        self._offered = (today, [d.id for d in fresh])
        title, body = self.words(fresh)
        log.info("reminding of %d item(s): %s", len(fresh), type(self).__name__)
        self.due_next_working_day.emit(title, body)
