"""Render the documentation screenshots offscreen, in Chinese and English.

    QT_QPA_PLATFORM=offscreen python tools/screenshots.py docs/screenshots

Runs the real app on a fresh embedded sandbox (demo data), waits for the first sync, and saves
each screen. Chinese needs CJK fonts (Debian: fonts-noto-cjk), or it shows boxes.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("VENDOR_DESKTOP_DATA_DIR", tempfile.mkdtemp(prefix="vendor-desktop-shots-"))

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from vendor_desktop.app import SessionOnlyTokenStore, VendorCenter, create_application
from vendor_desktop.cache.paths import data_dir
from vendor_desktop.ui import i18n
from vendor_desktop.viewmodels.sync_status import Connection


def wait_until(app: QApplication, condition, timeout_s: float = 60) -> None:
    import time

    end = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > end:
            raise SystemExit("timed out waiting for the app")
        app.processEvents()
        QTimer.singleShot(20, lambda: None)
        app.processEvents()


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    app = create_application()
    settings = QSettings(str(data_dir() / "settings.ini"), QSettings.Format.IniFormat)
    center = VendorCenter(settings, SessionOnlyTokenStore(), i18n.install(i18n.CHINESE))
    center.start_sandbox(data_dir() / "sandbox.sqlite3")
    wait_until(app, lambda: center.sync is not None and center.sync.state == Connection.ONLINE)
    window = center.window
    assert window is not None
    window.resize(1440, 860)
    for language in (i18n.CHINESE, i18n.ENGLISH):
        center.set_language(language)
        app.processEvents()  # deliver LanguageChange before rendering
        suffix = "zh" if language == i18n.CHINESE else "en"
        window.show_area("orders")
        window.orders_view.table.selectRow(2)
        wait_until(app, lambda: window.orders_view.vm.selected is not None)
        app.processEvents()
        window.grab().save(str(out / f"main-orders-{suffix}.png"))
        window.show_area("dashboard")
        app.processEvents()
        window.grab().save(str(out / f"dashboard-{suffix}.png"))
        window.show_area("messages")
        app.processEvents()
        window.grab().save(str(out / f"messages-{suffix}.png"))
    center.shutdown()
    print(f"saved screenshots to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")))
