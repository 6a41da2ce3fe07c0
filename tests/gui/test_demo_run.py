"""The README's first command: the app starts the embedded sandbox and opens signed in, with orders."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt

from vendor_desktop.app import VendorCenter
from vendor_desktop.sync.token_store import SessionOnlyTokenStore
from vendor_desktop.ui.core import i18n
from vendor_desktop.viewmodels.core.sync_status import Connection
from vendor_desktop.viewmodels.orders.viewmodel import market_choices

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def test_default_run_opens_signed_in_to_the_sandbox_with_orders(qtbot, settings, private_data_dir, memory_keyring):
    center = VendorCenter(settings, SessionOnlyTokenStore(), "en")
    try:
        center.start_sandbox(private_data_dir / "sandbox.sqlite3")
        qtbot.waitUntil(lambda: center.window is not None and center.window.isVisible(), timeout=30_000)
        window = center.window
        qtbot.waitUntil(lambda: center.sync.state == Connection.ONLINE, timeout=30_000)
        # The areas read what the sync brought off the GUI thread, then show it.
        qtbot.waitUntil(lambda: window.orders_view.vm.count > 0)
        assert window.pages.currentWidget() is window.orders_view
        # The Workbench, hidden during the sync, reads its figures once it is shown.
        window.show_area("dashboard")
        qtbot.waitUntil(lambda: window.dashboard_view.cards["unpaid"].value.text() != "0")
        assert window.connection.text() == "● Online"
        assert "never" not in window.last_sync.text()
        assert "Main account" in window.user_label.text()  # the role, so sub-account staff know what they may do
        # The demo password never reaches the system keychain.
        assert memory_keyring.items == {}
    finally:
        center.shutdown()


def test_language_switches_live_and_is_remembered(qtbot, settings, private_data_dir):
    center = VendorCenter(settings, SessionOnlyTokenStore(), "en")
    try:
        center.start_sandbox(private_data_dir / "sandbox.sqlite3")
        qtbot.waitUntil(lambda: center.sync is not None and center.sync.state == Connection.ONLINE, timeout=30_000)
        window = center.window
        orders = window.orders_view
        orders.state.setCurrentIndex(orders.state.findData("unpaid"))
        orders.table.selectRow(0)
        selected = orders.vm.selected.number

        window.language_actions["zh_CN"].trigger()
        qtbot.waitUntil(lambda: window.nav.item(1).text() == "订单管理")
        assert orders.vm.model.headerData(0, Qt.Orientation.Horizontal) == "订单号"
        assert orders.vm.model.index(0, 5).data() == "待支付"
        assert orders.state.currentText() == "待支付"  # the filter survives the switch
        assert orders.vm.model.index(0, 2).data() in {m for _, m in market_choices()}
        assert orders.vm.selected.number == selected
        assert window.connection.text() == "● 在线"
        assert settings.value("language") == "zh_CN"

        window.language_actions["en"].trigger()
        qtbot.waitUntil(lambda: window.nav.item(1).text() == "Orders")
        assert orders.vm.model.index(0, 5).data() == "Unpaid"
        assert settings.value("language") == "en"
    finally:
        center.shutdown()
        i18n.install(i18n.ENGLISH)
