"""Import tracking numbers (导入快递单号, issue 12 item 3): a courier's spreadsheet in, shipments
queued as ordinary ``invoice.ship`` commands.

1. *Choose file…*: the file is read, its rows checked and their invoices looked up in the cache
   on the reads runner (``prepare``); the preview shows each row's verdict (domain
   ``tracking_import.judge``) and the counts. Nothing is queued yet.
2. *Import N rows*: the ready rows go to the outbox in ONE transaction on the writes runner
   (``CommandQueue.enqueue_many``), each with the invoice's version as If-Match (R-INV-4/5 are
   the server's to enforce too). A row whose invoice already has an open ``invoice.ship`` or is
   no longer issued is not ready, so importing the same file twice queues nothing the second time.
3. The results: each queued row follows its command (sending, shipped, not accepted and why). The
   dialog gets neither the sync engine nor the shell's change sets, so it reads its commands'
   states from the outbox about once a second while any is unfinished (a light query on the
   reads runner), and stops when all are settled. *Export results…* writes them for Excel.
"""

from __future__ import annotations

import itertools
from enum import StrEnum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.cache.core.outbox import CommandState
from vendor_desktop.cache.core.outbox_bulk import cyclic_gc_paused
from vendor_desktop.cache.invoices.import_lookup import command_states
from vendor_desktop.domain.tracking_import import Verdict
from vendor_desktop.viewmodels.core.background import BackgroundRunner
from vendor_desktop.viewmodels.core.commands import CommandQueue
from vendor_desktop.viewmodels.core.labels import is_chinese
from vendor_desktop.viewmodels.invoices import import_export
from vendor_desktop.viewmodels.invoices.import_preview import Preview, file_error_text, prepare, ship_command
from vendor_desktop.viewmodels.invoices.import_table import ImportTableModel, Result, row_cells
from vendor_desktop.viewmodels.invoices.import_words import VERDICT_ORDER, result_tags, verdict_label

__all__ = ["ImportTableModel", "Stage", "TrackingImportViewModel"]

POLL_MS = 1000
#: Command states after which a row's result no longer changes.
SETTLED = frozenset({CommandState.APPLIED.value, CommandState.REJECTED.value})


class Stage(StrEnum):
    EMPTY = "empty"  # no file yet
    READING = "reading"
    PREVIEW = "preview"
    QUEUING = "queuing"  # the ready rows are being written to the outbox
    RESULTS = "results"


class TrackingImportViewModel(QObject):
    """One import: a file, its preview, the queuing of its ready rows, and their results."""

    changed = Signal()  # the stage, the counts or the file changed
    failed = Signal(str)  # a file that cannot be imported, a write that failed: why
    saved = Signal(str)  # a file written (results, template): its path

    def __init__(
        self, db: CacheDatabase, queue: CommandQueue, reads: BackgroundRunner, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self._queue = queue
        self._reads = reads
        self.model = ImportTableModel(self)
        self.stage = Stage.EMPTY
        self.preview: Preview | None = None
        self.error = ""
        self._requests = itertools.count(1)
        self._latest = 0
        self._polling = False
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._read_results)

    # -- the file --------------------------------------------------------------------------------
    def open_file(self, path: str | Path) -> None:
        """Read and check ``path`` off the GUI thread; the preview replaces any before it."""
        if self.stage in (Stage.QUEUING, Stage.RESULTS):
            return  # this import is done: another file is another import (a new dialog)
        path = Path(path)
        request = self._latest = next(self._requests)
        self.stage, self.error = Stage.READING, ""
        self.preview = None
        self.model.set_rows([])
        self.changed.emit()

        def done(preview: Preview) -> None:
            if request == self._latest:
                self.preview = preview
                self.stage = Stage.PREVIEW
                self.model.set_rows(preview.judgements)
                self.changed.emit()

        def failed(error: BaseException) -> None:
            if request == self._latest:
                self.stage, self.error = Stage.EMPTY, file_error_text(error)
                self.changed.emit()
                self.failed.emit(self.error)

        self._reads.submit(lambda: prepare(self.db, path), on_done=done, on_error=failed)

    @property
    def file_name(self) -> str:
        return self.preview.path.name if self.preview is not None else ""

    @property
    def ready_count(self) -> int:
        return self.preview.counts.ready if self.preview is not None else 0

    def set_problems_only(self, on: bool) -> None:
        self.model.set_problems_only(on)
        self.changed.emit()

    # -- queuing ---------------------------------------------------------------------------------
    def why_cannot_import(self) -> str:
        """Why *Import* is disabled ("" when it is not)."""
        if self.stage in (Stage.QUEUING, Stage.RESULTS):
            return QCoreApplication.translate("TrackingImport", "This file is imported.")
        if self.preview is None:
            return QCoreApplication.translate("TrackingImport", "Choose a file first.")
        if not self.ready_count:
            return QCoreApplication.translate("TrackingImport", "No row is ready to import: each row's note says why.")
        return ""

    def import_ready(self) -> bool:
        """Queue the ready rows as ``invoice.ship`` commands, all in one transaction.

        The commands are built on the reads runner and written on the writes runner: for 10,000
        rows neither is work for the GUI thread (docs/PERFORMANCE.md, Invoices)."""
        if self.why_cannot_import() or self.preview is None:
            return False
        preview = self.preview
        self.stage = Stage.QUEUING
        self.changed.emit()

        def build() -> tuple[list[int], list[dict[str, Any]]]:
            with cyclic_gc_paused():
                ready = [at for at, judged in enumerate(preview.judgements) if judged.ready]
                return ready, [ship_command(preview.judgements[at], preview.path.name) for at in ready]

        def built(result: tuple[list[int], list[dict[str, Any]]]) -> None:
            ready, commands = result

            def queued(ids: list[int]) -> None:
                self.model.command_ids = dict(zip(ready, ids, strict=True))
                self.stage = Stage.RESULTS
                self.model.relabel()
                self.changed.emit()
                # Every row waits to be sent now; the first read of their states comes with the
                # timer, not on top of Pending changes re-reading the outbox this write changed.
                self._poll.start()

            self._queue.enqueue_many(commands, queued, not_queued)

        def not_queued(message: str) -> None:
            self.stage, self.error = Stage.PREVIEW, message
            self.changed.emit()
            self.failed.emit(message)

        self._reads.submit(build, on_done=built, on_error=lambda error: not_queued(str(error)))
        return True

    def _read_results(self) -> None:
        if self._polling:
            return
        unsettled = [
            c for c in self.model.command_ids.values()
            if (r := self.model.results.get(c, ("",))) is not None and r[0] not in SETTLED
        ]  # fmt: skip
        if not unsettled:
            self._poll.stop()
            return
        self._polling = True

        def read() -> dict[int, Result]:
            with self.db.session() as session:
                states: dict[int, Result] = dict(command_states(session, unsettled))
            return {c: states.get(c) for c in unsettled}  # absent: discarded

        def done(results: dict[int, Result]) -> None:
            self._polling = False
            self.model.set_results(results)
            self.changed.emit()

        def failed(_error: BaseException) -> None:
            self._polling = False

        self._reads.submit(read, on_done=done, on_error=failed)

    @property
    def settled(self) -> bool:
        """Every queued row has its final result (shipped, not accepted or discarded)."""
        if self.stage is not Stage.RESULTS:
            return False
        results = self.model.results
        return all(
            c in results and (results[c] is None or results[c][0] in SETTLED)  # type: ignore[index]
            for c in self.model.command_ids.values()
        )

    def stop(self) -> None:
        """The dialog closed: no more reads of the results."""
        self._poll.stop()

    # -- what the dialog says ----------------------------------------------------------------------
    @property
    def row_count(self) -> int:
        """The file's data rows (the dialog says "%n rows in <file>": plurals are the view's)."""
        return self.preview.counts.total if self.preview is not None else 0

    def summary(self) -> str:
        """The counts at the top: per verdict in the preview, per result afterwards."""
        if self.stage is Stage.READING:
            return QCoreApplication.translate("TrackingImport", "Reading the file…")
        if self.preview is None:
            return ""
        if self.stage is Stage.RESULTS:
            return self._result_counts()
        counts = self.preview.counts
        parts = [(verdict_label(v), counts.by_verdict.get(v, 0)) for v in VERDICT_ORDER]
        shown = [(label, n) for label, n in parts if n or label == verdict_label(Verdict.READY)]
        if counts.unusual:
            shown.append((QCoreApplication.translate("TrackingImport", "Check the number"), counts.unusual))
        return self._join(shown)

    def _result_counts(self) -> str:
        """Per result, in the order a user follows them; each label translated once (10,000 rows)."""
        model = self.model
        tally: dict[str | None, int] = {}
        for command_id in model.command_ids.values():
            result = model.results.get(command_id, (CommandState.PENDING.value, None, "", ""))
            state = result[0] if result is not None else None
            tally[state] = tally.get(state, 0) + 1
        order = [CommandState.APPLIED, CommandState.REJECTED, CommandState.SENDING, CommandState.PENDING]
        order += [CommandState.HELD]
        parts = [(result_tags(s.value)[0][0], tally.pop(s.value)) for s in order if s.value in tally]
        parts += [(result_tags(state)[0][0], n) for state, n in tally.items()]  # discarded (None)
        not_imported = len(model.judgements) - len(model.command_ids)
        if not_imported:
            parts.append((QCoreApplication.translate("TrackingImport", "Not imported"), not_imported))
        return self._join(parts)

    @staticmethod
    def _join(parts: list[tuple[str, int]]) -> str:
        colon = "：" if is_chinese() else ": "
        return " · ".join(f"{label}{colon}{n:,}" for label, n in parts)

    # -- files written -----------------------------------------------------------------------------
    def default_results_name(self) -> str:
        stem = Path(self.file_name).stem or "tracking"
        return QCoreApplication.translate("TrackingImport", "%1 results").replace("%1", stem) + ".csv"

    def export_results(self, path: str | Path) -> None:
        """Every row with its result (or why it was not imported), as CSV for Excel."""
        model, target = self.model, Path(path)
        # A snapshot: the results keep changing on the GUI thread while the file is written.
        rows = [(judged, model.result_of(at)) for at, judged in enumerate(model.judgements)]

        def cells(at: int) -> list[str]:
            judged, result = rows[at]
            shown = row_cells(judged, result)
            return [*shown[:2], judged.invoice.id if judged.invoice else "", *shown[2:]]

        self._write(lambda: import_export.write_results(target, len(rows), cells), target)

    def write_template(self, path: str | Path) -> None:
        """The template (header in the current language + an example row): .xlsx or CSV by name."""
        target = Path(path)
        self._write(lambda: import_export.write_template(target), target)

    def _write(self, work: Any, target: Path) -> None:
        def failed(error: BaseException) -> None:
            message = (
                QCoreApplication.translate("TrackingImport", "Could not save %1: %2")
                .replace("%1", str(target))
                .replace("%2", str(error))
            )
            self.failed.emit(message)

        self._reads.submit(work, on_done=lambda _result: self.saved.emit(str(target)), on_error=failed)
