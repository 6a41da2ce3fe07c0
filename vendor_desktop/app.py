"""The composition root: settings, the embedded sandbox, sign-in, cache, sync, viewmodels, window.

``vendor-desktop`` with no arguments runs on the embedded sandbox marketplace (a real server on
a free loopback port, with demo data), signed in as the demo owner. ``--backend URL`` points the
app at another marketplace backend and asks for a password (once: the refresh token is then
kept in the system keychain).
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import platform
import sys
import threading
import traceback
from importlib import resources
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt, QTimer, Signal, qVersion
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

import vendor_desktop
from vendor_desktop.cache.paths import data_dir
from vendor_desktop.cache.sync_state import last_success_at
from vendor_desktop.logs import log_path, setup_logging
from vendor_desktop.sync.engine import SyncEngine
from vendor_desktop.sync.token_store import SessionOnlyTokenStore, TokenStore
from vendor_desktop.ui import i18n
from vendor_desktop.ui.about_dialog import AboutDialog
from vendor_desktop.ui.crash_dialog import CrashDialog
from vendor_desktop.ui.main_window import MainWindow
from vendor_desktop.ui.sign_in_dialog import SignInDialog
from vendor_desktop.ui.single_instance import SingleInstance
from vendor_desktop.ui.window_layout import keep_layout, save_layout
from vendor_desktop.viewmodels.account import AccountViewModel
from vendor_desktop.viewmodels.area_context import AreaContext
from vendor_desktop.viewmodels.background import BackgroundRunner
from vendor_desktop.viewmodels.commands import CommandQueue
from vendor_desktop.viewmodels.recovery_notice import recovery_notice
from vendor_desktop.viewmodels.session import Session, SessionViewModel
from vendor_desktop.viewmodels.sync_status import SyncController
from vendor_desktop.viewmodels.write_errors import unsaved_at_quit_text

log = logging.getLogger("vendor_desktop")

#: The embedded sandbox listens on a new port each launch; its cache is named by this key
#: instead, so the demo's cached orders survive restarts.
SANDBOX_CACHE_KEY = "embedded-sandbox"

#: Set to 1 to raise an error a moment after the window opens: shows the crash dialog on demand.
CRASH_TEST_ENV = "VENDOR_DESKTOP_CRASH_TEST"

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)

#: Seconds quitting waits for changes still being written to this computer (longer than SQLite's
#: busy timeout, so a write waiting behind a sync page still gets its turn).
WRITES_DRAIN_S = 20.0


class VendorCenter(QObject):
    """Owns one run of the app: which backend, who is signed in, and the window."""

    window_opened = Signal()
    session_closed = Signal()  # a signed-out session's cache file is closed

    def __init__(
        self,
        settings: QSettings,
        token_store: TokenStore,
        language: str,
        *,
        sync_interval_ms: int | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings
        self.language = language
        self.runner = BackgroundRunner(self)  # sync and exports: network and bulk disk work
        self.writes = BackgroundRunner(self, name="vendor-desktop-local-writes")
        self.reads = BackgroundRunner(self, name="vendor-desktop-reads")  # the areas' refresh queries
        self.session_vm = SessionViewModel(self.runner, token_store, parent=self)
        self.session_vm.signed_in.connect(self._open)
        self.session_vm.needs_password.connect(self._ask_password)
        self.session_vm.sign_in_failed.connect(self._start_failed)
        self.dialog: SignInDialog | None = None
        self.window: MainWindow | None = None
        self.session: Session | None = None
        self.sync: SyncController | None = None
        self.queue: CommandQueue | None = None
        self.sandbox = None
        self.backend_url = ""
        self._sync_interval_ms = sync_interval_ms
        self.about_dialog: AboutDialog | None = None

    # -- where to sign in ----------------------------------------------------------------------
    def start_sandbox(self, database_path: Path) -> None:
        """Start the embedded sandbox (off the GUI thread) and sign in as its demo owner."""
        from vendor_desktop.sandbox.embedded import EmbeddedSandbox  # only the composition root may

        def work() -> tuple[object, object]:
            database_path.parent.mkdir(parents=True, exist_ok=True)
            sandbox = EmbeddedSandbox(f"sqlite:///{database_path}")
            sandbox.start()
            return sandbox, sandbox.ensure_demo()

        def started(result: tuple[object, object]) -> None:
            sandbox, demo = result
            self.sandbox = sandbox
            self.backend_url = sandbox.base_url  # type: ignore[attr-defined]
            log.info("embedded sandbox at %s, demo account %s", self.backend_url, demo.account_id)  # type: ignore[attr-defined]
            self.session_vm.sign_in(
                self.backend_url,
                demo.account_id,
                demo.username,
                demo.password,  # type: ignore[attr-defined]
                cache_key=SANDBOX_CACHE_KEY,
            )

        self.runner.submit(work, on_done=started, on_error=self._start_failed)

    def start_external(self, backend_url: str) -> None:
        """Resume the last account on this backend from the keychain, or ask for a password."""
        self.backend_url = backend_url.rstrip("/")
        account = str(self.settings.value("account_id", "") or "")
        username = str(self.settings.value("username", "") or "")
        if account and username and self.settings.value("backend_url") == self.backend_url:
            self.session_vm.resume(self.backend_url, account, username)
        else:
            self._ask_password("")

    def _ask_password(self, message: str) -> None:
        if self.dialog is None:
            self.dialog = SignInDialog(self.session_vm)
            self.dialog.rejected.connect(self._dialog_closed)
        self.dialog.prefill(
            self.backend_url,
            str(self.settings.value("account_id", "") or ""),
            str(self.settings.value("username", "") or ""),
        )
        if message:
            self.dialog.show_error(message)
        self.dialog.show()
        self.dialog.raise_()

    def _start_failed(self, message: object) -> None:
        text = (
            message
            if isinstance(message, str)
            else QCoreApplication.translate("VendorCenter", "The demo marketplace did not start: %1").replace(
                "%1", str(message)
            )
        )
        log.warning("sign-in failed: %s", text)
        if self.dialog is None or not self.dialog.isVisible():
            self._ask_password(text)

    def _dialog_closed(self) -> None:
        if self.window is None:
            QCoreApplication.quit()

    # -- signed in -----------------------------------------------------------------------------
    def _open(self, session: Session) -> None:
        self.session = session
        user = session.user
        if session.cache_key != SANDBOX_CACHE_KEY:
            for key, value in (
                ("backend_url", session.backend_url),
                ("account_id", user.account_id),
                ("username", user.username),
            ):
                self.settings.setValue(key, value)
        db = session.db
        with db.session() as s:
            last = last_success_at(s)
        engine = SyncEngine(session.client, db)
        kwargs = {} if self._sync_interval_ms is None else {"interval_ms": self._sync_interval_ms}
        self.sync = SyncController(engine, self.runner, last_synced=last, parent=self, **kwargs)
        # Local writes (queued commands) run on their own thread, so a long pull never delays them.
        self.queue = queue = CommandQueue(db, user, self.writes, self)
        queue.published.connect(self.sync.publish)
        context = AreaContext(
            db=db, user=user, runner=self.runner, writes=self.writes, reads=self.reads, queue=queue,
            account=AccountViewModel(db, user, self), parent=self,
        )  # fmt: skip
        notice = recovery_notice(db.recovery)  # damaged or newer, and what became of unsent changes
        notifications = str(self.settings.value("notifications", "true")).lower() != "false"
        self.window = MainWindow(self.sync, context, language=self.language, notice=notice, notifications=notifications)
        self.window.notifications_toggled.connect(lambda on: self.settings.setValue("notifications", on))
        self.window.language_requested.connect(self.set_language)
        self.window.sign_out_requested.connect(self.sign_out)
        self.sync.session_expired.connect(
            lambda: self._ask_password(QCoreApplication.translate("VendorCenter", "Your sign-in has expired."))
        )
        self.window.about_requested.connect(self.show_about)
        keep_layout(self.settings, self.window)
        self.window.show()
        self.window_opened.emit()
        if session.online:
            self.sync.sync_now()
        else:
            self.sync.set_offline()

    def save_layout(self) -> None:
        if self.window is not None:
            save_layout(self.settings, self.window)

    def activate(self) -> None:
        """Bring the window (or the sign-in dialog) to the front: a second launch asked for it."""
        target = self.window if self.window is not None else self.dialog
        if target is None:
            return
        if target.isMinimized():
            target.showNormal()
        target.show()
        target.raise_()
        target.activateWindow()

    def backend_text(self) -> str:
        if not self.backend_url:
            return ""
        if self.sandbox is not None:
            return QCoreApplication.translate("VendorCenter", "Embedded demo marketplace at %1").replace(
                "%1", self.backend_url
            )
        return self.backend_url

    def show_about(self) -> AboutDialog:
        dialog = AboutDialog(
            version=vendor_desktop.__version__,
            data_dir=str(data_dir()),
            backend=self.backend_text,
            log_file=str(log_path()),
            parent=self.window,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.about_dialog = dialog
        return dialog

    def set_language(self, language: str) -> None:
        self.language = i18n.install(language)
        self.settings.setValue("language", self.language)

    def sign_out(self) -> None:
        if self.session is None:
            return
        session, username = self.session, self.session.user.username
        self._close_session()
        self.session_vm.sign_out(session, username)
        self.settings.remove("username")
        self._ask_password("")

    def _close_session(self) -> None:
        """End a signed-in session: no more syncing, its screens gone, and its cache file closed
        once the work already accepted for it is done — so nothing of one user's session keeps
        running, or keeps the user's file open, under the next user."""
        if self.sync is not None:
            self.sync.stop()
            self.sync.data_changed.disconnect()  # the old screens hear nothing more
        if self.window is not None:
            self.save_layout()
            window, self.window = self.window, None
            window.close()
            window.deleteLater()
        if self.session is not None:
            db = self.session.db
            # Every runner runs one task at a time, in order: a task queued now runs after the local
            # writes already accepted, the reads in hand and the sync in hand; then the file can close.
            self.writes.submit(
                lambda: None,
                on_done=lambda _: self.reads.submit(
                    lambda: None, on_done=lambda _: self.runner.submit(db.close, on_done=self._closed)
                ),
            )
        self.session, self.sync, self.queue = None, None, None

    def _closed(self, _result: object) -> None:
        self.session_closed.emit()

    def shutdown(self) -> None:
        """Stop syncing, let the page in hand commit, then stop the sandbox."""
        self.save_layout()
        if self.sync is not None:
            self.sync.stop()
        # Every change the user made reaches the disk: accepted writes finish, none is cancelled.
        if self.writes.drain(WRITES_DRAIN_S) and self.queue is not None and self.queue.unfinished_writes:
            unsaved = self.queue.unfinished_writes
            log.error("quitting with %d change(s) not yet saved on this computer after %.1f s", unsaved, WRITES_DRAIN_S)
            self.report_unsaved(unsaved_at_quit_text(unsaved))
        self.reads.shutdown(wait=True)  # a query in hand finishes before its file closes
        self.runner.shutdown(wait=True)
        if self.session is not None:
            self.session.db.close()
        if self.sandbox is not None:
            self.sandbox.stop()  # type: ignore[attr-defined]

    def report_unsaved(self, text: str) -> None:
        """Quitting could not save every change: say so. (Tests replace it on the instance; kept
        a method so the object holds no bound method of itself, a cycle only the GC would free.)"""
        QMessageBox.warning(None, QCoreApplication.translate("VendorCenter", "Changes not saved"), text)


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="vendor-desktop", description="Vendor Center (服务商管理后台)")
    parser.add_argument(
        "--backend",
        metavar="URL",
        help="a marketplace backend, e.g. https://market.example.com (default: the embedded sandbox)",
    )
    parser.add_argument("--sandbox", action="store_true", help="run on the embedded sandbox with demo data")
    parser.add_argument("--language", choices=sorted(i18n.LANGUAGES), help="zh_CN or en (default: system locale)")
    parser.add_argument("--data-dir", metavar="DIR", help="where caches and the sandbox database live")
    parser.add_argument("--version", action="version", version=vendor_desktop.__version__)
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="start the demo, sync, open every area, send one change, then exit 0 (or 1 with the first failure)",
    )
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds the self-test may take (default 120)")
    return parser.parse_args(argv)


def app_icon() -> QIcon:
    icon = QIcon()
    folder = resources.files("vendor_desktop.resources") / "icons"
    for size in ICON_SIZES:
        png = folder / f"vendor-center-{size}.png"
        if png.is_file():
            icon.addFile(str(png))
    return icon


def create_application() -> QApplication:
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    app.setApplicationName("Vendor Center")
    app.setApplicationDisplayName("Vendor Center")
    app.setOrganizationName("VendorCenter")
    app.setOrganizationDomain("vendorcenter.example")
    app.setApplicationVersion(vendor_desktop.__version__)
    app.setDesktopFileName("vendor-center")
    app.setWindowIcon(app_icon())
    style = resources.files("vendor_desktop.resources") / "styles" / "app.qss"
    app.setStyleSheet(style.read_text(encoding="utf-8"))
    return app


# -- failures a user can report -------------------------------------------------------------------
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
        self.dialog: CrashDialog | None = None
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
        self.dialog = CrashDialog(text, str(log_path()), parent=None)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.destroyed.connect(self._forget_dialog)
        self.dialog.show()
        self.dialog.raise_()

    def _forget_dialog(self) -> None:
        self.dialog = None


def _crash_for_testing() -> None:
    raise RuntimeError(f"{CRASH_TEST_ENV}=1: a test error to show the crash dialog")


def run(argv: list[str]) -> int:
    args = parse_args(argv)
    if args.data_dir:
        os.environ["VENDOR_DESKTOP_DATA_DIR"] = args.data_dir
    logfile = setup_logging()
    log.info("Vendor Center %s starting; data in %s; log in %s", vendor_desktop.__version__, data_dir(), logfile)
    app = create_application()
    reporter = CrashReporter(app)
    reporter.install()
    instance = SingleInstance(str(data_dir().resolve()), app)
    if not instance.claim():
        log.info("Vendor Center is already running on %s: brought it to the front", data_dir())
        print("Vendor Center is already running; its window was brought to the front.", file=sys.stderr)
        return 0
    settings = QSettings()
    language = i18n.install(args.language or str(settings.value("language", "") or "") or i18n.default_language())
    backend = args.backend or ("" if args.sandbox else str(settings.value("backend_url", "") or ""))
    if backend:
        center = VendorCenter(settings, TokenStore(), language)
        center.start_external(backend)
    else:
        center = VendorCenter(settings, SessionOnlyTokenStore(), language)
        center.start_sandbox(data_dir() / "sandbox.sqlite3")
    instance.activation_requested.connect(center.activate)
    if os.environ.get(CRASH_TEST_ENV) == "1":
        center.window_opened.connect(lambda: QTimer.singleShot(300, _crash_for_testing))
    app.aboutToQuit.connect(center.shutdown)
    app.aboutToQuit.connect(instance.release)
    try:
        return app.exec()
    finally:
        reporter.uninstall()
