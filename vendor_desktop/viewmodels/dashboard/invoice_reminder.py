"""The desktop reminder the working day before an invoice falls due (issue 12, R-INV-3).

The vendor must issue within 10 working days of the request; the day before the last one, the
app says so once, while it runs: it looks at start, after every pull that touched invoices, and
every few minutes (so a new Beijing day is noticed without a pull). The query runs on the reads
runner (``cache.invoices.dashboard``); the rule is ``domain.invoices.is_working_day_before``.

Once per invoice per day: an invoice counts as reminded only when the notification was actually
shown — the shell calls ``remember()`` then. While the window is in front the shell shows none
(the Workbench says it there), so the next look offers it again. What was reminded is kept in
the user's settings (QSettings, one key per signed-in user: a restart the same day does not
remind twice), and only today's ids are kept, so the key never grows.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QSettings, QTimer, Signal

from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.cache.invoices.dashboard import DueInvoice, invoices_due_next_working_day
from vendor_desktop.viewmodels.core.background import BackgroundRunner
from vendor_desktop.viewmodels.core.refresh import Refresher

log = logging.getLogger(__name__)

# How often the reminder looks again without a pull: a new day, or a window no longer in front.
CHECK_EVERY_MS = 5 * 60_000
# Order numbers a notification names before "…".
NAMED = 3


class RemindedToday:
    """The invoices reminded of today, in QSettings under ``key`` (in memory when ``settings``
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


class InvoiceReminder(QObject):
    # Title and body of a desktop notification; clicking it opens Invoices, due soon.
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
        self._refresh: Refresher[tuple[dt.date, list[DueInvoice]]] = Refresher(reads, self._prepare, self._found)
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        self.check()  # at start: the result arrives once the event loop runs, after the shell connected

    def check(self) -> None:
        """Look for invoices due on the next working day (off the GUI thread)."""
        self._refresh.request()

    def stop(self) -> None:
        """The session ends (the window closes): no more looks at its cache."""
        self.timer.stop()
        self._refresh.supersede()  # a look under way is not announced

    def remember(self) -> None:
        """The last notification was shown: its invoices are reminded of for today."""
        if self._offered is not None:
            self.reminded.add(*self._offered)
            self._offered = None

    def _prepare(self) -> Callable[[], tuple[dt.date, list[DueInvoice]]]:
        db, today = self._db, self._today()

        def load() -> tuple[dt.date, list[DueInvoice]]:
            with db.session() as session:
                return today, invoices_due_next_working_day(session, today)

        return load

    def _found(self, result: tuple[dt.date, list[DueInvoice]]) -> None:
        today, due = result
        already = self.reminded.ids(today)
        fresh = [d for d in due if d.id not in already]
        if not fresh:
            return
        self._offered = (today, [d.id for d in fresh])
        count = len(fresh)  # lupdate skips a call whose count is a call
        title = self.tr("%n invoices are due on the next working day", "", count)
        numbers = ", ".join(d.order_number for d in fresh[:NAMED]) + (" …" if count > NAMED else "")
        due_date = min(d.due_date for d in fresh).isoformat()
        if count == 1:
            body = self.tr("Order %1: issue the invoice by %2.")
        else:
            body = self.tr("Orders %1: issue the invoices by %2.")
        log.info("reminding of %d invoice(s) due %s", count, due_date)
        self.due_next_working_day.emit(title, body.replace("%1", numbers).replace("%2", due_date))
