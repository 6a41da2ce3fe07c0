"""A damaged cache file: moved aside, rebuilt from the server, and the user is told."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from vendor_desktop.app import VendorCenter
from vendor_desktop.cache.paths import cache_file_for
from vendor_desktop.sandbox.embedded import EmbeddedSandbox
from vendor_desktop.sync.token_store import TokenStore
from vendor_desktop.viewmodels.sync_status import Connection

pytestmark = pytest.mark.usefixtures("english")


def test_a_corrupt_cache_is_moved_aside_rebuilt_and_reported(qtbot, tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    with EmbeddedSandbox() as sandbox:
        vendor = sandbox.seed(orders=30, listings=5, seed=5)
        password = next(u["password"] for u in vendor["users"] if u["username"] == "owner")

        center = VendorCenter(settings, TokenStore(), "en", sync_interval_ms=3_600_000)
        center.start_external(sandbox.base_url)
        qtbot.waitUntil(lambda: center.dialog is not None)
        center.dialog.account.setText(vendor["account_id"])
        center.dialog.username.setText("owner")
        center.dialog.password.setText(password)
        center.dialog.submit()
        qtbot.waitUntil(lambda: center.sync is not None and center.sync.state == Connection.ONLINE, timeout=30_000)
        center.shutdown()
        center.window.close()

        path = cache_file_for(sandbox.base_url, vendor["account_id"], "owner")
        path.write_bytes(b"this is not a database" * 1000)
        for suffix in ("-wal", "-shm"):
            path.with_name(path.name + suffix).unlink(missing_ok=True)

        again = VendorCenter(settings, TokenStore(), "en", sync_interval_ms=3_600_000)
        again.start_external(sandbox.base_url)
        qtbot.waitUntil(lambda: again.sync is not None and again.sync.state == Connection.ONLINE, timeout=30_000)
        window = again.window
        assert window.notice.isVisible()
        assert "damaged" in window.notice.text()
        moved = list(path.parent.glob(path.name + ".corrupt-*"))
        assert moved and moved[0].read_bytes().startswith(b"this is not a database")
        assert str(moved[0]) in window.notice.text()
        assert window.orders_view.vm.count == 30  # rebuilt from the server
        again.shutdown()
