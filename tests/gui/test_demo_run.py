"""The README's first command: the app starts the embedded sandbox and opens signed in, with orders."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from vendor_desktop.app import SessionOnlyTokenStore, VendorCenter
from vendor_desktop.viewmodels.sync_status import Connection

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def test_default_run_opens_signed_in_to_the_sandbox_with_orders(
    qtbot, settings, private_data_dir, memory_keyring
):
    center = VendorCenter(settings, SessionOnlyTokenStore(), "en")
    try:
        center.start_sandbox(private_data_dir / "sandbox.sqlite3")
        qtbot.waitUntil(lambda: center.window is not None and center.window.isVisible(), timeout=30_000)
        window = center.window
        qtbot.waitUntil(lambda: center.sync.state == Connection.ONLINE, timeout=30_000)
        assert window.orders_view.vm.count > 0
        assert window.pages.currentWidget() is window.orders_view
        assert window.connection.text() == "● Online"
        assert "never" not in window.last_sync.text()
        assert window.dashboard_view.cards["unpaid"].value.text() != "0"
        assert "Owner" in window.user_label.text()  # the role, so sub-account staff know what they may do
        # The demo password never reaches the system keychain.
        assert memory_keyring.passwords == {}
    finally:
        center.shutdown()
