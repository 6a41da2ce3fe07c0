"""Quitting never drops a change the user made: the local writes still in memory reach the disk
first, the quit warning counts them, and a quit that cannot wait long enough says so (issue 9)."""

from __future__ import annotations

import logging
import threading

import pytest

from vendor_desktop import app as app_module
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.cache.core.models import OutboxCommand
from vendor_desktop.ui.core import i18n

from .apphelpers import Marketplace, sign_in

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def market(tmp_path):
    m = Marketplace(tmp_path, orders=20, listings=60)  # 30 listings on sale
    yield m
    m.stop()


class HeldWrites:
    """Keeps the local-writes thread busy until quitting starts to stop that runner, so every
    change submitted meanwhile is still in memory, not on disk, when the user quits — every run,
    however fast the machine. (The runner stops through its pool's ``shutdown``; wrapping it is
    the one place both the old and the new quit pass through before they wait.)"""

    def __init__(self, runner) -> None:
        self.released = threading.Event()
        pool = runner._pool
        stop = pool.shutdown

        def shutdown(wait: bool = True, *, cancel_futures: bool = False) -> None:
            stop(wait=False, cancel_futures=cancel_futures)  # whatever it drops is dropped here
            self.released.set()
            if wait:
                stop(wait=True)

        pool.shutdown = shutdown
        runner.submit(lambda: self.released.wait(timeout=60))


def delist_every_listing_on_sale(qtbot, center) -> list[str]:
    """Select every listing on sale and press Delist: one queued change per listing."""
    center.window.show_area("listings")
    view = center.window.listings_view
    view.state.setCurrentIndex(view.state.findData("on_sale"))
    view.table.selectAll()
    qtbot.waitUntil(lambda: len(view.vm.selected) == view.vm.model.total)
    ids = [line.listing.id for line in view.vm.selected]
    assert len(ids) >= 20
    view.delist.click()
    return ids


def queued_delistings(path) -> set[str]:
    """What the outbox in the cache file holds, read as the next start would."""
    db = CacheDatabase.open(path)
    try:
        with db.session() as session:
            rows = session.query(OutboxCommand).filter(OutboxCommand.kind == "listing.delist").all()
            return {row.entity_id for row in rows if row.state == "pending"}
    finally:
        db.close()


def test_quitting_right_after_delisting_many_keeps_every_delisting(qtbot, tmp_path, market):
    center = sign_in(qtbot, tmp_path, market)
    path = center.session.db.path
    HeldWrites(center.writes)
    ids = delist_every_listing_on_sale(qtbot, center)
    unsaved: list[str] = []
    center.report_unsaved = unsaved.append

    center.window.confirm_quit = lambda _unsent: True
    center.window.close()
    center.shutdown()  # what the app's aboutToQuit runs

    assert unsaved == []
    assert queued_delistings(path) == set(ids)  # the next start sends every one


def test_the_quit_warning_counts_changes_not_yet_on_disk(qtbot, tmp_path, market):
    center = sign_in(qtbot, tmp_path, market)
    HeldWrites(center.writes)
    ids = delist_every_listing_on_sale(qtbot, center)

    asked: list[int] = []
    center.window.confirm_quit = lambda unsent: asked.append(unsent) or False
    center.window.close()
    assert asked == [len(ids)]  # none has reached the outbox yet, and each would be lost
    assert center.window.isVisible()  # the user chose to stay
    center.shutdown()


def test_a_quit_that_cannot_finish_saving_says_so_and_logs_it(qtbot, tmp_path, market, monkeypatch, caplog):
    """The wait at quit is bounded: writes stuck past it are reported, in the user's language."""
    center = sign_in(qtbot, tmp_path, market)
    stuck = threading.Event()
    center.writes.submit(lambda: stuck.wait(timeout=60))  # a write that does not finish in time
    ids = delist_every_listing_on_sale(qtbot, center)
    monkeypatch.setattr(app_module, "WRITES_DRAIN_S", 0.2)
    i18n.install("zh_CN")
    reported: list[str] = []
    center.report_unsaved = reported.append
    center.window.confirm_quit = lambda _unsent: True
    center.window.close()
    try:
        with caplog.at_level(logging.ERROR, logger="vendor_desktop"):
            center.shutdown()
    finally:
        stuck.set()
        assert center.writes.drain(30) == 0  # the late writes end before this test's objects go
    assert reported == [
        f"服务商管理后台在最近 {len(ids)} 项修改保存到本机之前已关闭，这些修改可能已丢失。"
        "再次启动后，请在“待发送的修改”中查看，并重新进行缺少的修改。"
    ]
    assert f"quitting with {len(ids)} change(s) not yet saved on this computer" in caplog.text
