"""``vendor-desktop --self-test``: prove an installed copy (or a PyInstaller bundle) works.

Runs the real app (``VendorCenter``) on a fresh embedded sandbox: signs in, runs a full sync,
opens the main window, shows every area once, switches the language both ways, queues one price
change on an unpaid order and waits until the marketplace has applied it and the cache shows
the new amount. Exit 0 when all of that worked; otherwise 1 (2 on a time-out) with the first
failure on stderr. Without a display (Linux with neither DISPLAY nor WAYLAND_DISPLAY) it runs
offscreen.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

log = logging.getLogger("vendor_desktop.selftest")


class SelfTestFailed(Exception):
    pass


def _needs_offscreen() -> bool:
    return sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def main(argv: list[str]) -> int:
    if _needs_offscreen():
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from vendor_desktop.command_line import parse_args

    args = parse_args(argv)
    temporary = None
    if args.data_dir:
        data = Path(args.data_dir)
    else:
        temporary = tempfile.mkdtemp(prefix="vendor-center-selftest-")
        data = Path(temporary)
    os.environ["VENDOR_DESKTOP_DATA_DIR"] = str(data)
    os.environ.setdefault("VENDOR_DESKTOP_LOG_DIR", str(data / "logs"))
    # A hang anywhere (even in shutdown) must still end the process with a message.
    watchdog = threading.Timer(args.timeout + 30, _give_up, args=(args.timeout + 30,))
    watchdog.daemon = True
    watchdog.start()
    try:
        return SelfTest(data, args.timeout).run()
    finally:
        watchdog.cancel()
        if temporary is not None:
            shutil.rmtree(temporary, ignore_errors=True)


def _give_up(seconds: float) -> None:
    print(f"self-test FAILED: still running after {seconds:.0f} s", file=sys.stderr, flush=True)
    os._exit(2)


class SelfTest:
    def __init__(self, data: Path, timeout_s: float) -> None:
        self.data = data
        self.deadline = time.monotonic() + timeout_s
        self.timeout_s = timeout_s
        self.step = "starting"
        self.errors: list[str] = []

    # -- helpers -------------------------------------------------------------------------------
    def _hook(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        self.errors.append("".join(traceback.format_exception(exc_type, exc, tb)))

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self._hook(args.exc_type, args.exc_value, args.exc_traceback)

    def wait(self, what: str, condition: Callable[[], bool], timeout_s: float = 60) -> None:
        from PySide6.QtCore import QCoreApplication, QEventLoop, QThread

        end = min(self.deadline, time.monotonic() + timeout_s)
        while True:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            if self.errors:
                raise SelfTestFailed(f"unhandled error while waiting for {what}:\n{self.errors[0]}")
            if condition():
                return
            if time.monotonic() > end:
                raise SelfTestFailed(f"timed out waiting for {what}")
            QThread.msleep(10)

    def fail(self, message: str) -> None:
        log.error("%s", message)  # also in the log file: a windowed bundle on Windows has no stderr
        if sys.stderr is not None and not any(
            isinstance(h, logging.StreamHandler) and getattr(h, "stream", None) is sys.stderr
            for h in logging.getLogger().handlers
        ):
            print(message, file=sys.stderr, flush=True)

    def say(self, step: str) -> None:
        self.step = step
        log.info("self-test: %s", step)

    # -- the run -------------------------------------------------------------------------------
    def run(self) -> int:
        from PySide6.QtCore import QSettings

        from vendor_desktop.app import VendorCenter
        from vendor_desktop.application import create_application
        from vendor_desktop.logs import setup_logging
        from vendor_desktop.sync.token_store import SessionOnlyTokenStore
        from vendor_desktop.ui.core import i18n

        started = time.monotonic()
        setup_logging()
        app = create_application()
        sys.excepthook, threading.excepthook = self._hook, self._thread_hook
        settings = QSettings(str(self.data / "settings.ini"), QSettings.Format.IniFormat)
        language = i18n.install(i18n.ENGLISH)
        center = VendorCenter(settings, SessionOnlyTokenStore(), language)
        code = 0
        try:
            self.exercise(center)
        except SelfTestFailed as failure:
            self.fail(f"self-test FAILED at '{self.step}': {failure}")
            code = 1
        except Exception:
            self.fail(f"self-test FAILED at '{self.step}':\n{traceback.format_exc()}")
            code = 1
        finally:
            if center.window is not None:
                center.window.confirm_quit = lambda _unsent: True
                center.window.close()
            unsaved: list[str] = []
            center.report_unsaved = unsaved.append  # a message box would hang an unattended run
            center.shutdown()
            app.processEvents()
            sys.excepthook, threading.excepthook = sys.__excepthook__, threading.__excepthook__
        if unsaved and code == 0:
            self.fail(f"self-test FAILED at quitting: {unsaved[0]}")
            code = 1
        if code == 0:
            self.say(f"passed in {time.monotonic() - started:.1f} s")
        return code

    def exercise(self, center) -> None:
        from vendor_desktop.cache.core.outbox import CommandState
        from vendor_desktop.viewmodels.core.sync_status import Connection
        from vendor_desktop.viewmodels.orders.price_change import PriceChangeForm

        self.say("starting the embedded sandbox and signing in")
        refused: list[str] = []
        center.session_vm.sign_in_failed.connect(lambda message: refused.append(str(message)))
        center.start_sandbox(self.data / "sandbox.sqlite3")

        def signed_in() -> bool:
            if refused:
                raise SelfTestFailed(f"sign-in failed: {refused[0]}")
            if center.dialog is not None and center.dialog.isVisible():  # the app asks for a password
                raise SelfTestFailed(f"sign-in failed: {center.dialog.error.text() or 'the sign-in dialog opened'}")
            return center.window is not None and center.window.isVisible()

        self.wait("the main window", signed_in)
        window = center.window
        self.say("full sync")
        sync = center.sync
        self.wait("the first sync", lambda: sync.state == Connection.ONLINE and sync.last_synced is not None)
        orders = window.orders_vm
        # The list reads what the sync brought off the GUI thread, then shows it.
        self.wait("the first sync's orders in the list", lambda: orders.count > 0, 10)

        self.say("showing every area")
        shown = window.pages.currentWidget
        for name in window.area_ids:
            window.show_area(name)
            self.wait(f"the {name} area", lambda name=name: shown() is window.view(name) and shown().isVisible(), 10)

        self.say("switching to Chinese and back")
        orders_row = window.area_ids.index("orders")
        window.language_actions["zh_CN"].trigger()
        self.wait("the Chinese catalog", lambda: window.nav.item(orders_row).text() == "订单管理", 10)
        window.language_actions["en"].trigger()
        self.wait("English again", lambda: window.nav.item(orders_row).text() == "Orders", 10)

        self.say("changing the price of an unpaid order")
        window.show_area("orders")
        orders.set_states(["unpaid"])
        self.wait("an unpaid order", lambda: orders.count > 0, 10)
        order_id = orders.model.id_at(0)
        orders.select(order_id)
        order = orders.selected
        if order is None or order.amount_fen is None:
            raise SelfTestFailed("could not select an unpaid order")
        if reason := orders.why_price_cannot_change():
            raise SelfTestFailed(f"price change not allowed: {reason}")
        new_fen = order.amount_fen - 100 if order.amount_fen > 200 else order.amount_fen + 100
        change = orders.new_price_change()
        form = PriceChangeForm(new_price=f"{new_fen / 100:.2f}", reason="Vendor Center self-test")
        if not change.submit(form):
            raise SelfTestFailed(f"the price change form was refused: {change.check(form)}")
        self.say("sending the change")
        changes = window.changes_vm

        # Only the outcome is waited for: on a quiet machine the change is queued, sent and applied
        # before the first look, so a passing state ("queued", "sending") may never be seen.
        def applied() -> bool:
            orders.select(order_id)
            open_change = orders.selected_change
            if open_change is not None and open_change.state == CommandState.REJECTED:
                raise SelfTestFailed(f"the marketplace refused the price change: {orders.change_notice()}")
            return (
                orders.selected is not None
                and orders.selected.amount_fen == new_fen
                and open_change is None
                and not changes.unsent
                and not changes.open_count
            )

        self.wait("the price change to reach the marketplace and the cache", applied, 60)
        self.say("done")
