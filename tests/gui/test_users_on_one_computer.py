"""Several users of one account on one computer: each sees and sends only its own changes (issue 9.7)."""

from __future__ import annotations

import pytest

from vendor_desktop.cache.core import outbox
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.cache.core.paths import legacy_cache_file_for
from vendor_desktop.viewmodels.core.sync_status import Connection

from .apphelpers import Marketplace, an_unpaid_order, change_price, go_offline, select_order, server_changes, sign_in

pytestmark = pytest.mark.usefixtures("english")


def signed_in_as(center, username: str) -> bool:
    return (
        center.window is not None
        and center.session is not None
        and center.session.user.username == username
        and center.sync.state == Connection.ONLINE
    )


def switch_user(qtbot, center, market: Marketplace, username: str) -> None:
    """File → Sign out, then the next user signs in through the dialog on the same computer."""
    center.window.confirm_quit = lambda unsent: True  # "quit anyway": unsent changes stay queued
    center.window.sign_out_action.trigger()
    qtbot.waitUntil(lambda: center.dialog is not None and center.dialog.isVisible())
    center.dialog.account.setText(market.vendor["account_id"])
    center.dialog.username.setText(username)
    center.dialog.password.setText(market.password(username))
    center.dialog.submit()
    qtbot.waitUntil(lambda: signed_in_as(center, username), timeout=30_000)


def pending_changes_shown(qtbot, center) -> list[str]:
    """What the Pending changes panel lists once it has read the outbox."""
    vm = center.window.changes_vm
    with qtbot.waitSignal(vm.changed, timeout=10_000):
        vm.refresh()
    return [vm.model.index(row, 0).data() for row in range(vm.model.rowCount())]


def server_order(market: Marketplace, order_id: str) -> dict:
    return next(c for c in server_changes(market) if c["entity"] == "order" and c["id"] == order_id)


def test_a_viewer_after_the_owner_neither_sees_nor_sends_the_owners_changes_which_wait_for_the_owner(
    qtbot, tmp_path, market
):
    order = an_unpaid_order(market)
    center = sign_in(qtbot, tmp_path, market, "owner")
    select_order(qtbot, center, order["data"]["number"])
    go_offline(qtbot, center, market)
    change_price(center, "66.00", "promised on the phone")
    qtbot.waitUntil(lambda: center.window.changes_vm.open_count == 1)

    # The owner signs out with the change unsent; the marketplace is back; a viewer signs in here.
    market.restart()
    switch_user(qtbot, center, market, "viewer")
    assert pending_changes_shown(qtbot, center) == []
    assert center.window.changes_vm.unsent == 0  # and the quit warning has nothing of the owner's to count
    assert server_order(market, order["id"])["data"]["amount_fen"] == order["data"]["amount_fen"]

    # The owner signs in again: the change was waiting in the owner's file, and is sent once.
    switch_user(qtbot, center, market, "owner")
    qtbot.waitUntil(lambda: server_order(market, order["id"])["data"]["amount_fen"] == 6600, timeout=30_000)
    assert server_order(market, order["id"])["version"] == order["version"] + 1
    qtbot.waitUntil(lambda: center.window.changes_vm.open_count == 0, timeout=30_000)
    center.shutdown()


def queued_by_an_older_version(legacy, order: dict, new_fen: int, username: str) -> None:
    """A price change as an older version queued it, in the account's one file."""
    old = CacheDatabase.open(legacy)
    try:
        with old.session(write=True) as s, s.begin():
            outbox.enqueue(
                s, kind="order.price_change", entity="order", entity_id=order["id"], base_version=order["version"],
                method="POST", path=f"/orders/{order['id']}/price-change",
                payload={"new_price_fen": new_fen, "reason": "queued before the upgrade"},
                summary={"number": order["data"]["number"], "old_fen": order["data"]["amount_fen"], "new_fen": new_fen},
                created_by=username,
            )
    finally:
        old.close()


def test_after_an_upgrade_each_user_sends_its_own_changes_from_the_per_account_file(qtbot, tmp_path, market):
    unpaid = [c for c in server_changes(market) if c["entity"] == "order" and c["data"]["state"] == "unpaid"]
    mine, theirs = unpaid[:2]
    legacy = legacy_cache_file_for(market.base_url, market.vendor["account_id"])
    queued_by_an_older_version(legacy, mine, 4400, "owner")
    queued_by_an_older_version(legacy, theirs, 5500, "operations")

    center = sign_in(qtbot, tmp_path, market, "owner")
    qtbot.waitUntil(lambda: server_order(market, mine["id"])["data"]["amount_fen"] == 4400, timeout=30_000)
    assert server_order(market, mine["id"])["version"] == mine["version"] + 1
    assert pending_changes_shown(qtbot, center) == []  # the operations user's change is not the owner's
    assert server_order(market, theirs["id"])["data"]["amount_fen"] == theirs["data"]["amount_fen"]
    assert legacy.exists()  # it still waits there for its user

    switch_user(qtbot, center, market, "operations")
    qtbot.waitUntil(lambda: server_order(market, theirs["id"])["data"]["amount_fen"] == 5500, timeout=30_000)
    assert server_order(market, theirs["id"])["version"] == theirs["version"] + 1
    assert not legacy.exists()  # nothing unsent is left in it
    center.shutdown()


def test_signing_out_closes_the_users_cache_file(qtbot, tmp_path, market):
    """After sign-out nothing of the session keeps running: its cache file is closed (on Windows an
    open file could not be moved or backed up), and the next user works on its own file."""
    center = sign_in(qtbot, tmp_path, market, "owner")
    owners = center.session.db
    # The owner's file is open while signed in (a connection may be in use by a read right now).
    assert owners.engine.pool.checkedin() + owners.engine.pool.checkedout() > 0
    with qtbot.waitSignal(center.session_closed, timeout=30_000):
        switch_user(qtbot, center, market, "viewer")
    assert owners.engine.pool.checkedin() == 0 and owners.engine.pool.checkedout() == 0
    assert center.session.db.path != owners.path
    center.shutdown()
