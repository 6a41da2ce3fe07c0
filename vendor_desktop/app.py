"""The composition root: settings, the embedded sandbox, sign-in, cache, sync, the areas' context, window.

No arguments: the embedded sandbox marketplace (a real server on a free loopback port, demo data),
signed in as the demo owner; ``--backend URL``: another backend, password asked once (the refresh
token then stays in the keychain). Which areas the window shows is ``ui/shell/areas.py``'s business.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

import vendor_desktop
from vendor_desktop.application import create_application
from vendor_desktop.cache.core.paths import data_dir
from vendor_desktop.cache.core.sync_state import last_success_at
from vendor_desktop.command_line import parse_args
from vendor_desktop.crash_reporting import CRASH_TEST_ENV, CrashReporter, crash_for_testing
from vendor_desktop.logs import log_path, setup_logging
from vendor_desktop.signing_in import SigningIn
from vendor_desktop.sync.engine import SyncEngine
from vendor_desktop.sync.token_store import SessionOnlyTokenStore, TokenStore
from vendor_desktop.ui.core import i18n
from vendor_desktop.ui.core.single_instance import SingleInstance
from vendor_desktop.ui.shell.main_window import MainWindow
from vendor_desktop.ui.shell.window_layout import keep_layout, save_layout
from vendor_desktop.viewmodels.core.account import AccountViewModel
from vendor_desktop.viewmodels.core.area_context import AreaContext
from vendor_desktop.viewmodels.core.background import BackgroundRunner
from vendor_desktop.viewmodels.core.commands import CommandQueue
from vendor_desktop.viewmodels.core.recovery_notice import recovery_notice
from vendor_desktop.viewmodels.core.session import Session, SessionViewModel
from vendor_desktop.viewmodels.core.sync_status import SyncController
from vendor_desktop.viewmodels.core.write_errors import unsaved_at_quit_text

log = logging.getLogger("vendor_desktop")

# The embedded sandbox listens on a new port each launch; its cache is named by this key
# instead, so the demo's cached orders survive restarts.
SANDBOX_CACHE_KEY = "embedded-sandbox"

# Seconds quitting waits for changes still being written to this computer (longer than SQLite's
# busy timeout, so a write waiting behind a sync page still gets its turn).
WRITES_DRAIN_S = 20.0


class VendorCenter(SigningIn, QObject):
    """Owns one run of the app: which backend, who is signed in, and the window."""

    window_opened = Signal()
    session_closed = Signal()  # a signed-out session's cache file is closed

    def __init__(
        self, settings: QSettings, token_store: TokenStore, language: str, *, sync_interval_ms: int | None = None
    ) -> None:
        super().__init__()
        self.settings = settings
        self.language = language
        self.runner = BackgroundRunner(self)  # sync and exports: network and bulk disk work
        self.writes = BackgroundRunner(self, name="vendor-desktop-local-writes")
        # Areas re-read the cache after a pull here, never on the GUI thread nor behind a pull page.
        self.reads = BackgroundRunner(self, name="vendor-desktop-reads")
        self.session_vm = SessionViewModel(self.runner, token_store, parent=self)
        self.session_vm.signed_in.connect(self._open)
        self.session_vm.needs_password.connect(self._ask_password)
        self.session_vm.sign_in_failed.connect(self._start_failed)
        self.dialog = None  # the SignInDialog, once a password was asked for
        self.window: MainWindow | None = None
        self.session: Session | None = None
        self.sync: SyncController | None = None
        self.queue: CommandQueue | None = None
        self.sandbox = None
        self.backend_url = ""
        self._sync_interval_ms = sync_interval_ms
        self.about_dialog: QWidget | None = None

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

    # -- signed in -----------------------------------------------------------------------------
    def _open(self, session: Session) -> None:
        self.session = session
        user, db = session.user, session.db
        if session.cache_key != SANDBOX_CACHE_KEY:
            for key, value in (("backend_url", session.backend_url), ("account_id", user.account_id), ("username", user.username)):
                self.settings.setValue(key, value)
        with db.session() as s:
            last = last_success_at(s)
        kwargs = {} if self._sync_interval_ms is None else {"interval_ms": self._sync_interval_ms}
        self.sync = SyncController(SyncEngine(session.client, db), self.runner, last_synced=last, parent=self, **kwargs)
        # Local writes (queued commands) run on their own thread, so a long pull never delays them.
        self.queue = CommandQueue(db, user, self.writes, self)
        self.queue.published.connect(self.sync.publish)
        context = AreaContext(
            db=db, user=user, runner=self.runner, writes=self.writes, reads=self.reads, queue=self.queue,
            account=AccountViewModel(db, user, self, reads=self.reads), parent=self, settings=self.settings,
            fetch_file=session.client.download,
        )  # fmt: skip
        notice = recovery_notice(db.recovery)  # damaged or newer, and what became of unsent changes
        notifications = str(self.settings.value("notifications", "true")).lower() != "false"
        self.window = MainWindow(self.sync, context, language=self.language, notice=notice, notifications=notifications)
        self.window.notifications_toggled.connect(self._save_notifications)
        self.window.language_requested.connect(self.set_language)
        self.window.sign_out_requested.connect(self.sign_out)
        self.sync.session_expired.connect(self._sign_in_expired)
        self.window.about_requested.connect(self.show_about)
        keep_layout(self.settings, self.window)
        self.window.show()
        self.window_opened.emit()
        if session.online:
            self.sync.sync_now()
        else:
            self.sync.set_offline()

    # Bound methods, not closures: a closure connected to the window's signals would hold this
    # object from C++, and the two would keep each other alive.
    def _save_notifications(self, on: bool) -> None:
        self.settings.setValue("notifications", on)

    def _sign_in_expired(self) -> None:
        self._ask_password(QCoreApplication.translate("VendorCenter", "Your sign-in has expired."))

    def save_layout(self) -> None:
        if self.window is not None:
            save_layout(self.settings, self.window)

    def show_about(self) -> QWidget:
        from vendor_desktop.ui.core.about_dialog import AboutDialog

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
        # The window and the session's objects go with the app. Signals connected to closures hold
        # their objects from C++, out of the garbage collector's sight: without this, a window of
        # a finished session (in tests, of every earlier test) lived on and heard every later event.
        if self.window is not None:
            window, self.window = self.window, None
            window.stop()
            window.hide()
            window.deleteLater()
        self.deleteLater()

    def report_unsaved(self, text: str) -> None:
        """Quitting could not save every change: say so. (Tests replace it on the instance; kept
        a method so the object holds no bound method of itself, a cycle only the GC would free.)"""
        QMessageBox.warning(None, QCoreApplication.translate("VendorCenter", "Changes not saved"), text)


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
    # What exists once the window is open lives as long as the app: full collections skip it
    # (walking it held the GIL for 100-200 ms, freezing the window during a big pull).
    center.window_opened.connect(gc.freeze)
    if os.environ.get(CRASH_TEST_ENV) == "1":
        center.window_opened.connect(lambda: QTimer.singleShot(300, crash_for_testing))
    app.aboutToQuit.connect(center.shutdown)
    app.aboutToQuit.connect(instance.release)
    try:
        return app.exec()
    finally:
        reporter.uninstall()
