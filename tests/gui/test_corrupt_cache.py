"""A cache file that cannot be used: moved aside, rebuilt from the server, its unsent changes kept and
sent, and the user is told which case it was."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import QSettings

from tests.cache.damage import damage_the_orders, stamp_a_newer_version
from vendor_desktop.app import VendorCenter
from vendor_desktop.cache.core.paths import cache_file_for
from vendor_desktop.sandbox.embedded import EmbeddedSandbox
from vendor_desktop.sync.token_store import TokenStore
from vendor_desktop.viewmodels.core.sync_status import Connection

from .apphelpers import Marketplace, change_price, go_offline, select_order, server_changes, sign_in

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
        assert "Changes not yet sent could not be read from it and may be lost." in window.notice.text()
        moved = list(path.parent.glob(path.name + ".corrupt-*"))
        assert moved and moved[0].read_bytes().startswith(b"this is not a database")
        assert str(moved[0]) in window.notice.text()
        qtbot.waitUntil(lambda: window.orders_view.vm.count == 30)  # rebuilt from the server
        again.shutdown()


def unsent_in(path) -> list[dict]:
    """The queued commands in a cache file, as the app left them (read like any SQLite file)."""
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        rows = conn.execute("SELECT * FROM outbox WHERE state != 'applied' ORDER BY id").fetchall()
    finally:
        conn.close()
    return [dict(r) for r in rows]


def server_order(market: Marketplace, order_id: str) -> dict:
    return next(c for c in server_changes(market) if c["entity"] == "order" and c["id"] == order_id)


@pytest.mark.parametrize(
    ("spoil", "case"),
    [(damage_the_orders, "was damaged"), (stamp_a_newer_version, "was written by a newer version")],
    ids=["damaged", "newer-version"],
)
def test_unsent_changes_survive_a_cache_that_must_be_set_aside_and_are_sent_once(
    qtbot, tmp_path, spoil, case
):
    market = Marketplace(tmp_path)
    try:
        unpaid = [c for c in server_changes(market) if c["entity"] == "order" and c["data"]["state"] == "unpaid"][:3]
        new_prices = {order["id"]: 1100 * (n + 1) for n, order in enumerate(unpaid)}
        center = sign_in(qtbot, tmp_path, market)
        go_offline(qtbot, center, market)
        for n, order in enumerate(unpaid):
            select_order(qtbot, center, order["data"]["number"])
            change_price(center, f"{new_prices[order['id']] / 100:.2f}", "agreed on the phone")
            qtbot.waitUntil(lambda n=n: center.window.changes_vm.open_count == n + 1)
        # The attempt to send them has failed (offline) and its outcome reached the window: this
        # app will not read its file again once it has quit (in a test it lives on in-process).
        qtbot.waitUntil(lambda: not center.sync.is_syncing, timeout=15_000)
        center.window.confirm_quit = lambda unsent: True
        center.window.close()
        center.shutdown()

        path = cache_file_for(market.base_url, market.vendor["account_id"], "owner")
        queued = unsent_in(path)
        assert len(queued) == 3
        # The first one did reach the marketplace before the app stopped; its answer was lost.
        market.restart()
        first = queued[0]
        with market.as_user() as api:
            sent = api.request(
                first["method"], first["path"], content=first["payload"],
                headers={"Idempotency-Key": first["idempotency_key"], "If-Match": str(first["base_version"]),
                         "Content-Type": "application/json"},
            )
        assert sent.status_code == 200, sent.text
        spoil(path)

        again = VendorCenter(center.settings, TokenStore(), "en", sync_interval_ms=3_600_000)
        again.start_external(market.base_url)
        qtbot.waitUntil(lambda: again.window is not None and again.window.isVisible(), timeout=30_000)
        notice = again.window.notice.text()
        assert again.window.notice.isVisible()
        assert case in notice and "3 changes not yet sent were kept and will be sent." in notice

        def applied() -> bool:
            return all(server_order(market, id_)["data"]["amount_fen"] == fen for id_, fen in new_prices.items())

        qtbot.waitUntil(applied, timeout=30_000)
        for order in unpaid:  # each once: the first one's resend was answered from its key
            assert server_order(market, order["id"])["version"] == order["version"] + 1
        qtbot.waitUntil(lambda: again.window.changes_vm.open_count == 0, timeout=30_000)
        assert {c["idempotency_key"] for c in unsent_in(path)} == set()
        again.shutdown()
    finally:
        market.stop()
