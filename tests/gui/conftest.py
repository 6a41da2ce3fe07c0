"""GUI fixtures: the app in English unless a test asks for Chinese; a cache with known orders."""

from __future__ import annotations

import datetime as dt
import gc
from importlib import resources

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent

from vendor_desktop.app import VendorCenter
from vendor_desktop.cache.core.apply import apply_changes
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.ui.core import i18n, palette
from vendor_desktop.viewmodels.core.background import BackgroundRunner

from .apphelpers import Marketplace

SH = dt.timezone(dt.timedelta(hours=8))

@pytest.fixture(autouse=True)
def nothing_outlives_its_test(qapp, monkeypatch):
    """Every app a test started is shut down, and what it shut down (the window, its viewmodels)
    deleted, before the next test starts: no window of an earlier test hears the next test's
    events (a language change reaching a view whose cache was closed crashed Qt)."""
    started: list[VendorCenter] = []
    init = VendorCenter.__init__

    def remembered(self, *args, **kwargs) -> None:
        init(self, *args, **kwargs)
        started.append(self)

    monkeypatch.setattr(VendorCenter, "__init__", remembered)
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    for center in started:
        if shiboken6.isValid(center):  # a shut-down app is deleted by now; this one still runs
            center.shutdown()
    started.clear()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


@pytest.fixture
def english(qapp):
    i18n.install(i18n.ENGLISH)
    yield
    i18n.install(i18n.ENGLISH)


@pytest.fixture
def styled(qapp):
    """The app's style sheet (light), as create_application sets it; none again afterwards."""
    template = (resources.files("vendor_desktop.resources") / "styles" / "app.qss").read_text(encoding="utf-8")
    qapp.setStyleSheet(palette.style_sheet(template, palette.LIGHT))
    yield
    qapp.setStyleSheet("")


@pytest.fixture
def market(tmp_path):
    """A marketplace (the sandbox over real HTTP) with a seeded vendor, stopped after the test."""
    m = Marketplace(tmp_path)
    yield m
    m.stop()


@pytest.fixture
def runner(qapp):
    r = BackgroundRunner()
    yield r
    r.shutdown()


def make_order(
    n: int,
    *,
    state: str = "paid",
    market: str = "saas",
    amount_fen: int = 10_000,
    created: dt.datetime | None = None,
    buyer: str = "杭州**科技有限公司",
    listing: str = "云桌面 SaaS 标准版",
) -> dict:
    created = created or dt.datetime(2026, 11, 1, 10, 0, tzinfo=SH) + dt.timedelta(hours=n)
    return {
        "entity": "order",
        "id": f"o{n:05d}",
        "version": 1,
        "deleted": False,
        "data": {
            "number": f"20261101{n:08d}",
            "state": state,
            "amount_fen": amount_fen,
            "listing_id": "l1",
            "listing_name": listing,
            "market": market,
            "billing_mode": "monthly",
            "buyer_account_id": f"B{n:06d}",
            "buyer_name": buyer,
            "buyer_contact": "138****5678",
            "virtual_number": f"170 0000 {n:04d}-0001",
            "created_at": created.isoformat(),
            "paid_at": None if state == "unpaid" else created.isoformat(),
        },
    }


@pytest.fixture
def orders_db(tmp_path):
    """1,200 orders: more than one fetch step, with a few that stand out for filters."""
    db = CacheDatabase.open(tmp_path / "cache.sqlite3")
    changes = [make_order(n, state="paid" if n % 3 else "unpaid", amount_fen=1_000 + n) for n in range(1200)]
    changes.append(
        make_order(
            5000,
            state="refunding",
            market="image",
            amount_fen=999_999_00,
            buyer="王*明",
            listing="安全加固镜像 CentOS",
        )
    )
    with db.session() as s, s.begin():
        apply_changes(s, changes)
    yield db
    db.close()
