"""Failures a user can report: unhandled exceptions on any thread are logged and shown in a
dialog with a copyable report; the app keeps running."""

from __future__ import annotations

import datetime as dt
import logging
import platform
import sys
import threading
import traceback
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal, qVersion
from PySide6.QtWidgets import QApplication

import vendor_desktop
from vendor_desktop.logs import log_path

log = logging.getLogger("vendor_desktop")

#: Set to 1 to raise an error a moment after the window opens: shows the crash dialog on demand.
CRASH_TEST_ENV = "VENDOR_DESKTOP_CRASH_TEST"


def crash_report(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None, thread: str = "") -> str:
    lines = [
        f"Vendor Center {vendor_desktop.__version__}",
        f"Time: {dt.datetime.now().astimezone().isoformat(timespec='seconds')}",
        f"System: {platform.platform()}; Python {platform.python_version()}; Qt {qVersion()}",
        f"Frozen bundle: {'yes' if getattr(sys, 'frozen', False) else 'no'}",
    ]
    if thread:
        lines.append(f"Thread: {thread}")
    lines += ["", "".join(traceback.format_exception(exc_type, exc, tb)).rstrip()]
    return "\n".join(lines)


class CrashReporter(QObject):
    """Unhandled exceptions, on any thread: logged, and shown in a dialog; the app keeps running.

    Queued changes are already in the outbox on disk, so nothing is lost even if the user quits.
    """

    crashed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dialog = None  # a CrashDialog while one is open
        self.reports: list[str] = []
        self.crashed.connect(self._show)  # queued when the error happened on a worker thread

    def install(self) -> None:
        sys.excepthook = self._excepthook
        threading.excepthook = self._thread_excepthook

    def uninstall(self) -> None:
        sys.excepthook = sys.__excepthook__
        threading.excepthook = threading.__excepthook__

    def _excepthook(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        self.report(crash_report(exc_type, exc, tb), exc_info=(exc_type, exc, tb))

    def _thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        name = args.thread.name if args.thread is not None else ""
        self.report(
            crash_report(args.exc_type, args.exc_value, args.exc_traceback, name),
            exc_info=(args.exc_type, args.exc_value, args.exc_traceback),
        )

    def report(self, text: str, exc_info: object = None) -> None:
        log.error("unhandled error\n%s", text)
        self.reports.append(text)
        self.crashed.emit(text)

    def _show(self, text: str) -> None:
        if QApplication.instance() is None:
            return
        if self.dialog is not None and self.dialog.isVisible():
            return  # one dialog at a time; every report is in the log
        from vendor_desktop.ui.core.crash_dialog import CrashDialog  # only when something went wrong

        self.dialog = CrashDialog(text, str(log_path()), parent=None)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.destroyed.connect(self._forget_dialog)
        self.dialog.show()
        self.dialog.raise_()

    def _forget_dialog(self) -> None:
        self.dialog = None


def crash_for_testing() -> None:
    raise RuntimeError(f"{CRASH_TEST_ENV}=1: a test error to show the crash dialog")
