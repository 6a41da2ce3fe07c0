"""Driving the real app against a real sandbox over HTTP, shared by the GUI stories."""

from __future__ import annotations

import httpx
import shiboken6
from PySide6.QtCore import QSettings

from vendor_desktop.app import VendorCenter
from vendor_desktop.cache.core import outbox
from vendor_desktop.cache.core.outbox import CommandState
from vendor_desktop.domain.markets import Delivery, delivery_for
from vendor_desktop.sandbox.embedded import EmbeddedSandbox
from vendor_desktop.sync.token_store import TokenStore
from vendor_desktop.viewmodels.core.sync_status import Connection

OPERATOR = "operator-secret"


class Marketplace:
    """A sandbox over a database file: it can stop and come back at the same address."""

    def __init__(self, tmp_path, *, orders: int = 60, listings: int = 12, seed: int = 7, **seed_options) -> None:
        """``seed_options``: the rest of ``POST /sandbox/seed`` (agreements, balance_fen, deposit_paid_fen)."""
        self.url = f"sqlite:///{tmp_path / 'marketplace.sqlite3'}"
        self.sandbox = EmbeddedSandbox(self.url, operator_token=OPERATOR).start()
        self.port = self.sandbox.port
        self.vendor = self.sandbox.seed(orders=orders, listings=listings, seed=seed, **seed_options)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"  # the same whether it is running or not

    def password(self, username: str = "owner") -> str:
        return next(u["password"] for u in self.vendor["users"] if u["username"] == username)

    def stop(self) -> None:
        self.sandbox.stop()

    def restart(self) -> None:
        self.sandbox = EmbeddedSandbox(self.url, port=self.port, operator_token=OPERATOR).start()

    def operator(self, method: str, path: str, **kwargs) -> httpx.Response:
        return httpx.request(
            method, f"{self.base_url}/api/v1/sandbox{path}", headers={"Authorization": f"Bearer {OPERATOR}"}, **kwargs
        )

    def as_user(self, username: str = "owner") -> httpx.Client:
        login = httpx.post(
            f"{self.base_url}/api/v1/auth/login",
            json={"account_id": self.vendor["account_id"], "username": username, "password": self.password(username)},
        ).json()
        return httpx.Client(
            base_url=f"{self.base_url}/api/v1", headers={"Authorization": f"Bearer {login['access_token']}"}
        )


def sign_in(qtbot, tmp_path, market: Marketplace, username: str = "owner") -> VendorCenter:
    """Start the app on ``market`` and sign in through the dialog; returns once the first sync is done."""
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    center = VendorCenter(settings, TokenStore(), "en", sync_interval_ms=3_600_000)
    center.start_external(market.base_url)
    qtbot.waitUntil(lambda: center.dialog is not None and center.dialog.isVisible())
    center.dialog.account.setText(market.vendor["account_id"])
    center.dialog.username.setText(username)
    center.dialog.password.setText(market.password(username))
    center.dialog.submit()
    qtbot.waitUntil(lambda: center.sync is not None and center.sync.state == Connection.ONLINE, timeout=30_000)
    return center


def restart(qtbot, center: VendorCenter, backend_url: str) -> VendorCenter:
    """Close the app and start it again on the same settings (and keychain)."""
    settings = center.settings
    center.window.confirm_quit = lambda unsent: True
    center.window.close()
    center.shutdown()
    again = VendorCenter(settings, TokenStore(), "en", sync_interval_ms=3_600_000)
    again.start_external(backend_url)
    qtbot.waitUntil(lambda: again.window is not None and again.window.isVisible(), timeout=30_000)
    return again


def tried_offline(qtbot, center: VendorCenter, count: int = 1) -> None:
    """Offline, a new change is tried at once and kept for a later round: wait until the panel says
    "Will try again", so that attempt is over (while it runs the change is "Sending")."""
    vm = center.window.changes_vm
    qtbot.waitUntil(
        lambda: vm.open_count == count
        and all(c.state == CommandState.PENDING and c.attempts > 0 for c in vm.commands),
        timeout=10_000,
    )


def listed(qtbot, model, timeout: int = 10_000) -> None:
    """Wait until a list shows what the first sync brought: lists reload off the GUI thread after
    a pull, and one reload brings all of it (the cache was empty before)."""
    qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=timeout)


def select_order(qtbot, center: VendorCenter, number: str) -> None:
    orders = center.window.orders_view
    orders.clear_filters()
    orders.search.setText(number)
    qtbot.waitUntil(lambda: orders.vm.count == 1)
    orders.table.selectRow(0)
    qtbot.waitUntil(lambda: orders.vm.selected is not None and orders.vm.selected.number == number)


def server_changes(market: Marketplace) -> list[dict]:
    """Everything the marketplace holds for the vendor, as the owner sees it: every page, each
    entity once at its latest version (the demo vendor is past one page of 2,000 changes)."""
    latest: dict[tuple[str, str], dict] = {}
    cursor = None
    with market.as_user() as api:
        while True:
            params: dict = {"limit": 2000} | ({"cursor": cursor} if cursor else {})
            page = api.get("/sync/changes", params=params).json()
            for change in page["changes"]:
                latest.pop((change["entity"], change["id"]), None)  # in the order last changed
                latest[(change["entity"], change["id"])] = change
            cursor = page["cursor"]
            if not page["has_more"]:
                return list(latest.values())


def an_unpaid_order(market: Marketplace, *, manual: bool = False) -> dict:
    """An unpaid order; a ``manual`` service one stays 待交付 once paid (R-ORD-5), where SaaS,
    API and image orders complete themselves."""
    return next(
        c
        for c in server_changes(market)
        if c["entity"] == "order"
        and c["data"]["state"] == "unpaid"
        and (not manual or delivery_for(c["data"]["market"]) == Delivery.MANUAL)
    )


def server_amount_fen(market: Marketplace, order_id: str) -> int:
    """What the marketplace says the order costs now."""
    return next(c for c in server_changes(market) if c["id"] == order_id)["data"]["amount_fen"]


def change_price(center: VendorCenter, new_price: str, reason: str = "agreed with the buyer", *, confirm: bool = True):
    """Open the price-change dialog on the selected order, fill it in and submit. ``confirm``
    ticks "I have checked the new price", which a price below half the current one needs (the
    dialog's own tests, test_price_change_dialog.py, leave it unticked)."""
    dialog = center.window.orders_view.open_price_change()
    dialog.new_price.setText(new_price)
    dialog.confirm.setChecked(confirm)
    dialog.reason.setText(reason)
    dialog.submit()
    return dialog


def go_offline(qtbot, center: VendorCenter, market: Marketplace) -> None:
    """The marketplace becomes unreachable and the app notices at its next sync."""
    market.stop()
    center.window.sync_button.click()
    qtbot.waitUntil(lambda: center.sync.state == Connection.OFFLINE, timeout=15_000)


def closed(dialog) -> bool:
    """A dialog that deleted itself on close (WA_DeleteOnClose) is closed too."""
    return not shiboken6.isValid(dialog) or not dialog.isVisible()


def amount_and_state(center: VendorCenter) -> tuple[str, str]:
    """The first row of the orders list (after ``select_order``, the order): amount and state."""
    model = center.window.orders_view.vm.model
    return model.index(0, 4).data(), model.index(0, 5).data()


def outbox_once_written(qtbot, center: VendorCenter) -> dict[CommandState, int]:
    """Commands in the outbox by state, read once every local write accepted so far is on disk.

    The writes runner is one thread, first in first out: when a marker submitted now has run,
    so has every write before it. Counting applied commands too, "nothing was queued" cannot
    pass because a queued change was sent and applied before the look."""
    with qtbot.waitCallback(timeout=10_000) as written:
        center.writes.submit(lambda: None, on_done=written)
    with center.session.db.session() as session:
        return outbox.count_by_state(session)
