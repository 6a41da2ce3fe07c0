"""App identity and comfort: name, version and icon; About; layout kept between runs; shortcuts;
logs; the crash dialog; one running app per data folder."""

from __future__ import annotations

import logging
import threading

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

import vendor_desktop
from vendor_desktop import logs
from vendor_desktop.app import VendorCenter
from vendor_desktop.application import create_application
from vendor_desktop.crash_reporting import CrashReporter
from vendor_desktop.sync.token_store import SessionOnlyTokenStore
from vendor_desktop.ui.core.single_instance import SingleInstance
from vendor_desktop.viewmodels.core.sync_status import Connection

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def open_center(qtbot, settings, data_dir) -> VendorCenter:
    center = VendorCenter(settings, SessionOnlyTokenStore(), "en")
    center.start_sandbox(data_dir / "sandbox.sqlite3")
    qtbot.waitUntil(lambda: center.sync is not None and center.sync.state == Connection.ONLINE, timeout=30_000)
    return center


def test_application_has_name_version_and_icon(qapp):
    app = create_application()
    assert app.applicationName() == "Vendor Center"
    assert app.organizationName() == "VendorCenter"
    assert app.applicationVersion() == vendor_desktop.__version__
    icon = app.windowIcon()
    assert not icon.isNull()
    assert {s.width() for s in icon.availableSizes()} >= {16, 32, 256}


def test_about_shows_version_data_folder_backend_and_licence(qtbot, settings, private_data_dir):
    center = open_center(qtbot, settings, private_data_dir)
    try:
        center.window.about_action.trigger()
        dialog = center.about_dialog
        qtbot.waitUntil(dialog.isVisible)
        assert dialog.version.text() == vendor_desktop.__version__
        assert dialog.data_dir.text() == str(private_data_dir)
        assert center.backend_url in dialog.backend.text()
        assert "MIT" in dialog.licence.text()
        assert dialog.log_file.text().endswith("vendor-center.log")
        dialog.close()
    finally:
        center.shutdown()


def test_window_geometry_and_orders_layout_are_restored(qtbot, settings, private_data_dir):
    center = open_center(qtbot, settings, private_data_dir)
    try:
        window = center.window
        window.resize(1500, 700)  # the offscreen screen is 800 px tall
        header = window.orders_view.table.horizontalHeader()
        edge = QPoint(header.sectionViewportPosition(0) + header.sectionSize(0) - 2, header.height() // 2)
        to = edge + QPoint(222 - header.sectionSize(0), 0)  # the user drags the first column to 222 px
        QTest.mousePress(header.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, edge)
        QTest.mouseMove(header.viewport(), to)
        QTest.mouseRelease(header.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, to)
        assert header.sectionSize(0) == 222
        header.moveSection(3, 0)
        window.orders_view.splitter.setSizes([300, 300])
        window.close()  # the layout is saved as the window closes
    finally:
        center.shutdown()

    again = open_center(qtbot, settings, private_data_dir)
    try:
        window = again.window
        header = window.orders_view.table.horizontalHeader()
        assert window.height() == 700
        assert header.sectionSize(0) == 222
        assert header.logicalIndex(0) == 3
        top, bottom = window.orders_view.splitter.sizes()
        assert abs(top - bottom) <= 2
    finally:
        again.shutdown()


def test_keyboard_shortcuts(qtbot, settings, private_data_dir):
    center = open_center(qtbot, settings, private_data_dir)
    try:
        w = center.window
        assert w.sync_action.shortcut() == QKeySequence("F5")
        assert w.find_action.shortcut() == QKeySequence("Ctrl+F")
        assert w.export_action.shortcut() == QKeySequence("Ctrl+E")
        assert w.quit_action.shortcut() == QKeySequence("Ctrl+Q")
        assert w.help_menu.actions() == [w.about_action]
    finally:
        center.shutdown()


def test_logs_go_to_a_rotated_file(tmp_path, monkeypatch):
    monkeypatch.setenv(logs.LOG_DIR_ENV, str(tmp_path / "logs"))
    root = logging.getLogger()
    level = root.level
    try:
        path = logs.setup_logging()
        logging.getLogger("vendor_desktop").info("hello from the test")
        handler = next(h for h in root.handlers if getattr(h, "baseFilename", "") == str(path))
        assert handler.maxBytes == logs.MAX_BYTES and handler.backupCount == logs.BACKUPS
        handler.flush()
        assert "hello from the test" in path.read_text(encoding="utf-8")
    finally:
        for h in [h for h in root.handlers if getattr(h, "_vendor_desktop", False)]:
            root.removeHandler(h)
            h.close()
        root.setLevel(level)


@pytest.fixture
def reporter(qapp):
    reporter = CrashReporter()
    reporter.install()
    yield reporter
    reporter.uninstall()
    if reporter.dialog is not None:
        reporter.dialog.close()


def test_an_unhandled_error_shows_a_copyable_report_and_the_app_keeps_running(qtbot, reporter, caplog):
    try:
        raise ValueError("boom on the GUI thread")
    except ValueError as exc:
        import sys

        sys.excepthook(type(exc), exc, exc.__traceback__)
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    dialog = reporter.dialog
    assert "ValueError: boom on the GUI thread" in dialog.report.toPlainText()
    assert vendor_desktop.__version__ in dialog.report.toPlainText()
    assert dialog.log_file in dialog.log_label.text()
    dialog.copy_button.click()
    assert "boom on the GUI thread" in QApplication.clipboard().text()
    assert any("boom on the GUI thread" in r.getMessage() for r in caplog.records)
    assert QApplication.instance() is not None and not QApplication.instance().closingDown()


def test_an_error_on_a_worker_thread_is_reported_on_the_gui_thread(qtbot, reporter):
    def fail() -> None:
        raise RuntimeError("boom in a worker")

    worker = threading.Thread(target=fail, name="test-worker")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    assert "boom in a worker" in reporter.dialog.report.toPlainText()
    assert "Thread: test-worker" in reporter.dialog.report.toPlainText()


def test_a_second_launch_on_the_same_data_folder_activates_the_first(qtbot, tmp_path):
    first = SingleInstance(str(tmp_path / "data"))
    assert first.claim()
    try:
        with qtbot.waitSignal(first.activation_requested, timeout=5000):
            assert not SingleInstance(str(tmp_path / "data")).claim()
        other = SingleInstance(str(tmp_path / "other"))
        assert other.claim()  # another data folder is another app
        other.release()
    finally:
        first.release()


def test_crash_dialog_layout_fits(qtbot, reporter):
    reporter.report("Traceback (most recent call last):\nRuntimeError: test")
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    dialog = reporter.dialog
    assert dialog.copy_button.sizeHint().width() <= dialog.copy_button.width()
    assert dialog.buttons.isVisible()
