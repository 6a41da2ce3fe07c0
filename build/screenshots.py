"""Screenshots of the About and crash dialogs, in English and Chinese, for docs/screenshots/.

    QT_QPA_PLATFORM=offscreen python build/screenshots.py docs/screenshots

Runs the real app on a fresh embedded sandbox; the crash dialog is the one an unhandled error
raises (the same as ``VENDOR_DESKTOP_CRASH_TEST=1``). Chinese needs CJK fonts (fonts-noto-cjk).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("VENDOR_DESKTOP_DATA_DIR", tempfile.mkdtemp(prefix="vendor-center-shots-"))
os.environ.setdefault("VENDOR_DESKTOP_LOG_DIR", str(Path(os.environ["VENDOR_DESKTOP_DATA_DIR"]) / "logs"))

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from vendor_desktop.app import VendorCenter
from vendor_desktop.application import create_application
from vendor_desktop.cache.core.paths import data_dir
from vendor_desktop.crash_reporting import CrashReporter
from vendor_desktop.sync.token_store import SessionOnlyTokenStore
from vendor_desktop.ui.core import i18n
from vendor_desktop.viewmodels.core.sync_status import Connection


def wait_until(app: QApplication, condition, timeout_s: float = 60) -> None:
    end = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > end:
            raise SystemExit("timed out waiting for the app")
        app.processEvents()
        time.sleep(0.01)


def settle(app: QApplication) -> None:
    for _ in range(20):
        app.processEvents()
        time.sleep(0.01)


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    app = create_application()
    settings = QSettings(str(data_dir() / "settings.ini"), QSettings.Format.IniFormat)
    center = VendorCenter(settings, SessionOnlyTokenStore(), i18n.install(i18n.ENGLISH))
    reporter = CrashReporter(app)
    reporter.install()
    try:
        center.start_sandbox(data_dir() / "sandbox.sqlite3")
        wait_until(app, lambda: center.sync is not None and center.sync.state == Connection.ONLINE)
        center.window.showMaximized()
        try:
            raise RuntimeError("VENDOR_DESKTOP_CRASH_TEST=1: a test error to show the crash dialog")
        except RuntimeError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
        wait_until(app, lambda: reporter.dialog is not None and reporter.dialog.isVisible())
        about = center.show_about()
        for language, suffix in ((i18n.ENGLISH, "en"), (i18n.CHINESE, "zh")):
            center.set_language(language)
            settle(app)
            about.adjustSize()
            settle(app)
            about.grab().save(str(out / f"about-{suffix}.png"))
            reporter.dialog.grab().save(str(out / f"crash-dialog-{suffix}.png"))
            print(f"saved about-{suffix}.png and crash-dialog-{suffix}.png")
    finally:
        reporter.uninstall()
        if center.window is not None:
            center.window.confirm_quit = lambda _n: True
        center.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")))
