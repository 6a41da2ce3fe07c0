"""The vertical slice's story, over real HTTP, through the GUI:

sign in → orders visible → filter and search → the sandbox stops → the app restarts →
orders still visible, offline → the sandbox returns → an order placed through
/sandbox/orders appears after the next sync.
"""

from __future__ import annotations

import httpx
import pytest
from PySide6.QtCore import QSettings

from vendor_desktop.app import VendorCenter
from vendor_desktop.sandbox.embedded import EmbeddedSandbox
from vendor_desktop.sync.token_store import TokenStore
from vendor_desktop.viewmodels.core.sync_status import Connection

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def marketplace(tmp_path):
    """A sandbox over a database file, so it can stop and come back with the same data and port."""
    url = f"sqlite:///{tmp_path / 'marketplace.sqlite3'}"
    sandbox = EmbeddedSandbox(url, operator_token="operator-secret").start()
    vendor = sandbox.seed(orders=80, listings=12, seed=7)
    state = {"sandbox": sandbox, "url": url, "port": sandbox.port, "vendor": vendor}
    yield state
    state["sandbox"].stop()


def owner_password(vendor: dict) -> str:
    return next(u["password"] for u in vendor["users"] if u["username"] == "owner")


def open_app(qtbot, settings, backend_url) -> VendorCenter:
    center = VendorCenter(settings, TokenStore(), "en", sync_interval_ms=3_600_000)
    center.start_external(backend_url)
    return center


def test_orders_stay_reviewable_offline_and_new_ones_arrive_after_reconnect(
    qtbot, settings, marketplace, memory_keyring
):
    sandbox, vendor = marketplace["sandbox"], marketplace["vendor"]
    backend = sandbox.base_url

    # 1. Sign in through the dialog.
    center = open_app(qtbot, settings, backend)
    qtbot.waitUntil(lambda: center.dialog is not None and center.dialog.isVisible())
    dialog = center.dialog
    assert dialog.backend.text() == backend
    dialog.account.setText(vendor["account_id"])
    dialog.username.setText("owner")
    dialog.password.setText(owner_password(vendor))
    dialog.submit()
    qtbot.waitUntil(lambda: center.sync is not None and center.sync.state == Connection.ONLINE, timeout=30_000)
    window = center.window
    orders = window.orders_view
    qtbot.waitUntil(lambda: orders.vm.count == 80)  # the list reloads off the GUI thread after the pull
    # Only the refresh token is kept, never the password.
    stored = list(memory_keyring.items.values())
    assert len(stored) == 1 and owner_password(vendor) not in stored

    # 2. Filter and search.
    orders.state.setCurrentIndex(orders.state.findData("unpaid"))
    unpaid = orders.vm.count
    assert 0 < unpaid < 80
    number = orders.vm.model.index(0, 0).data()
    orders.search.setText(number)
    assert orders.vm.count == 1
    orders.clear_filters()
    assert orders.vm.count == 80

    # 3. The marketplace goes away; the app is closed and started again.
    sandbox.stop()
    center.shutdown()
    window.close()
    center = open_app(qtbot, settings, backend)
    qtbot.waitUntil(lambda: center.window is not None and center.window.isVisible(), timeout=30_000)
    window = center.window
    orders = window.orders_view
    assert center.sync.state == Connection.OFFLINE
    assert center.dialog is None  # no password asked: the cached orders open straight away
    assert window.banner.isVisible() and "Offline" in window.banner.text()
    assert window.connection.text() == "● Offline"
    assert orders.vm.count == 80
    orders.search.setText(number)
    assert orders.vm.count == 1
    orders.clear_filters()

    # 4. The marketplace returns at the same address; a buyer places an order.
    sandbox = EmbeddedSandbox(marketplace["url"], port=marketplace["port"], operator_token="operator-secret").start()
    marketplace["sandbox"] = sandbox
    listing_id = _a_listing_on_sale(sandbox, vendor)
    placed = httpx.post(
        f"{backend}/api/v1/sandbox/orders",
        json={"account_id": vendor["account_id"], "listing_id": listing_id, "buyer_account_id": "B-E2E-0001"},
        headers={"Authorization": "Bearer operator-secret"},
    )
    assert placed.status_code == 201, placed.text
    new_number = placed.json()["data"]["number"]

    window.sync_button.click()  # Sync now
    qtbot.waitUntil(lambda: center.sync.state == Connection.ONLINE, timeout=30_000)
    assert not window.banner.isVisible()
    qtbot.waitUntil(lambda: orders.vm.count == 81)
    orders.search.setText(new_number)
    assert orders.vm.count == 1
    assert orders.vm.model.index(0, 5).data() == "Unpaid"
    center.shutdown()


def _a_listing_on_sale(sandbox: EmbeddedSandbox, vendor: dict) -> str:
    login = httpx.post(
        f"{sandbox.base_url}/api/v1/auth/login",
        json={"account_id": vendor["account_id"], "username": "owner", "password": owner_password(vendor)},
    ).json()
    page = httpx.get(
        f"{sandbox.base_url}/api/v1/sync/changes",
        params={"limit": 2000},
        headers={"Authorization": f"Bearer {login['access_token']}"},
    ).json()
    return next(c["id"] for c in page["changes"] if c["entity"] == "listing" and c["data"]["state"] == "on_sale")
