"""What a vendor sees in Discounts (R-DSC-1, R-DSC-2, GLOSSARY): the grant dialog says who the
buyer is and what each billing mode costs after the discount; the list filters by state, searches,
counts, draws states as tags, and says why Revoke cannot succeed where it cannot."""

from __future__ import annotations

import datetime as dt

import pytest

from vendor_desktop.cache.core.apply import apply_changes
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.domain.discounts import discounted_fen
from vendor_desktop.domain.money import format_fen
from vendor_desktop.sync.client import SignedInUser
from vendor_desktop.ui.core import i18n
from vendor_desktop.ui.discounts.view import DiscountsView
from vendor_desktop.viewmodels.core.background import BackgroundRunner
from vendor_desktop.viewmodels.core.commands import CommandQueue
from vendor_desktop.viewmodels.core.states import TAGS_ROLE, Tone
from vendor_desktop.viewmodels.discounts.table import STATE_COLUMN
from vendor_desktop.viewmodels.discounts.viewmodel import DiscountsViewModel

from .conftest import make_order

pytestmark = pytest.mark.usefixtures("english")

OWNER = SignedInUser("u1", "owner", "Owner", "owner", frozenset({"discounts.read", "discounts.write"}), "acct")
PRICES = {"payg": 5, "monthly": 99_900, "yearly": 299_000}  # ¥0.05/call, ¥999.00/month, ¥2,990.00/year
KNOWN_BUYER = "B000007"  # make_order(7)'s buyer
KNOWN_NAME = "厦门**软件有限公司"


def listing(id_: str, name: str, billing: dict[str, int]) -> dict:
    data = {
        "name": name, "summary": "", "description": "", "market": "saas", "delivery": "saas",
        "state": "on_sale", "billing": billing, "delivery_config": {}, "agreement": "",
        "review_due": None, "review_due_approximate": None, "security_review": False,
        "submitted_at": None, "approved_at": None, "reject_reason": None, "revision": None,
        "created_at": None, "updated_at": "2026-01-01T00:00:00+08:00",
    }  # fmt: skip
    return {"entity": "listing", "id": id_, "version": 1, "deleted": False, "data": data}


def discount(id_: str, buyer: str, start: dt.datetime, days: int, *, revoked: bool = False) -> dict:
    data = {
        "listing_id": "l-cloud", "listing_name": "云桌面 SaaS 标准版", "buyer_account_id": buyer,
        "buyer_name": "王*明", "percent": 85, "valid_from": start.isoformat(),
        "valid_until": (start + dt.timedelta(days=days)).isoformat(), "state": "revoked" if revoked else "active",
        "revoked_at": start.isoformat() if revoked else None, "created_at": start.isoformat(),
    }  # fmt: skip
    return {"entity": "discount", "id": id_, "version": 1, "deleted": False, "data": data}


@pytest.fixture
def shop(tmp_path):
    """A cache with a listing on sale, a known buyer's orders and one discount in each state."""
    db = CacheDatabase.open(tmp_path / "cache.sqlite3")
    now = dt.datetime.now(dt.UTC)
    day = dt.timedelta(days=1)
    with db.session() as s, s.begin():
        apply_changes(
            s,
            [
                listing("l-cloud", "云桌面 SaaS 标准版", PRICES),
                make_order(7, buyer=KNOWN_NAME),
                make_order(8, buyer="王*明"),
                discount("d-active", "B-ACTIVE", now - 5 * day, 30),
                discount("d-upcoming", "B-LATER", now + 40 * day, 30),
                discount("d-expired", "B-PAST", now - 90 * day, 10),
                discount("d-revoked", "B-GONE", now - 20 * day, 60, revoked=True),
            ],
        )
    yield db
    db.close()


@pytest.fixture
def view(qtbot, shop):
    reads = BackgroundRunner(name="vendor-desktop-reads")
    writes = BackgroundRunner(name="vendor-desktop-local-writes")
    vm = DiscountsViewModel(CommandQueue(shop, OWNER, writes), reads=reads)
    widget = DiscountsView(vm)
    qtbot.addWidget(widget)
    widget.resize(1100, 500)
    widget.show()
    yield widget
    reads.shutdown()
    writes.shutdown()


def shown_rows(view) -> list[str]:
    model = view.vm.model
    return [model.index(r, 1).data() for r in range(model.rowCount())]


def row_of(view, buyer: str) -> int:
    return next(r for r, text in enumerate(shown_rows(view)) if buyer in text)


@pytest.mark.parametrize(
    ("language", "unknown"),
    [("en", "No orders from this buyer on this computer"), ("zh_CN", "本地没有这位买家的订单")],
)
def test_typing_a_buyer_account_id_shows_the_buyers_name_or_a_hint(qtbot, view, language, unknown):
    i18n.install(language)
    dialog = view.open_grant()
    dialog.buyer.setText(KNOWN_BUYER)
    qtbot.waitUntil(lambda: dialog.buyer_name.isVisible() and dialog.buyer_name.text() == KNOWN_NAME)
    assert dialog.buyer_name.objectName() != "hint"  # the name reads as a fact, not a grey hint

    dialog.buyer.setText("B-NEVER-ORDERED")
    qtbot.waitUntil(lambda: dialog.buyer_name.text() == unknown)
    assert dialog.buyer_name.objectName() == "hint"  # a hint, not an error: the marketplace decides
    assert not dialog.errors["buyer_account_id"].isVisible()
    dialog.reject()


def test_the_price_after_the_discount_is_shown_for_each_billing_mode_as_the_marketplace_rounds_it(qtbot, view):
    dialog = view.open_grant()
    dialog.percent.setValue(85)
    assert dialog.percent_hint.text() == "15% off (buyer pays 85%)"
    after = {mode: format_fen(discounted_fen(fen, 85)) for mode, fen in PRICES.items()}
    assert after == {"payg": "¥0.04", "monthly": "¥849.15", "yearly": "¥2,541.50"}  # 4.25 fen rounds to 4
    lines = dialog.prices.text().splitlines()
    assert lines[1:] == [
        f"Monthly ¥999.00/month → {after['monthly']}/month",
        f"Yearly ¥2,990.00/year → {after['yearly']}/year",
    ]
    assert lines[0].endswith(f"¥0.05/call → {after['payg']}/call")

    dialog.percent.setValue(70)  # the prices follow the percentage
    assert f"→ {format_fen(discounted_fen(99_900, 70))}/month" in dialog.prices.text()
    assert dialog.valid_from.displayFormat() == "yyyy-MM-dd HH:mm"
    dialog.reject()


def test_the_dialog_speaks_plain_chinese(qtbot, view):
    i18n.install("zh_CN")
    dialog = view.open_grant()
    dialog.percent.setValue(85)
    assert dialog.windowTitle() == dialog.title.text() == "设置买家专属折扣"
    assert dialog.percent_hint.text() == "八五折（买家支付 85%）"
    assert dialog.prices.text().splitlines()[1:] == ["包月 ¥999.00/月 → ¥849.15/月", "包年 ¥2,990.00/年 → ¥2,541.50/年"]
    assert dialog.prices.text().splitlines()[0].endswith("¥0.05/次 → ¥0.04/次")
    dialog.reject()


def test_the_state_filter_and_the_search_narrow_the_list_and_the_count(qtbot, view):
    qtbot.waitUntil(lambda: view.vm.model.rowCount() == 4)
    assert view.count.text() == "4 discounts"
    assert view.state.itemData(0) is None
    assert [view.state.itemText(i) for i in range(1, view.state.count())] == [
        "Scheduled", "Active", "Expired", "Revoked"
    ]  # fmt: skip

    view.state.setCurrentIndex(view.state.findData("active"))
    assert ["B-ACTIVE" in text for text in shown_rows(view)] == [True]
    assert view.count.text() == "1 discount"
    view.state.setCurrentIndex(view.state.findData("expired"))
    assert ["B-PAST" in text for text in shown_rows(view)] == [True]

    view.state.setCurrentIndex(0)
    view.search.setText("B-LATER")
    assert ["B-LATER" in text for text in shown_rows(view)] == [True]
    view.search.setText("nobody-at-all")
    assert view.count.text() == "0 discounts"
    assert view.stack.currentWidget() is view.empty
    assert "No discounts match" in view.empty.text()

    i18n.install("zh_CN")
    view.search.clear()
    assert view.count.text() == "共 4 条折扣"


def test_each_state_is_a_coloured_tag(qtbot, view):
    qtbot.waitUntil(lambda: view.vm.model.rowCount() == 4)
    model = view.vm.model
    tags = {buyer: model.index(row_of(view, buyer), STATE_COLUMN).data(TAGS_ROLE) for buyer in
            ("B-ACTIVE", "B-LATER", "B-PAST", "B-GONE")}  # fmt: skip
    assert tags == {
        "B-ACTIVE": [("Active", Tone.DONE)],
        "B-LATER": [("Scheduled", Tone.WAITING)],
        "B-PAST": [("Expired", Tone.CLOSED)],
        "B-GONE": [("Revoked", Tone.CLOSED)],
    }


def test_revoke_is_offered_only_where_it_can_succeed_and_says_why_not(qtbot, view):
    qtbot.waitUntil(lambda: view.vm.model.rowCount() == 4)
    assert not view.revoke.isEnabled() and view.revoke.toolTip() == "Select a discount to revoke it."
    for buyer, why in (
        ("B-PAST", "This discount has expired: nothing to revoke."),
        ("B-GONE", "This discount is already revoked."),
        ("B-ACTIVE", ""),
        ("B-LATER", ""),
    ):
        view.table.selectRow(row_of(view, buyer))
        assert view.revoke.isEnabled() == (not why), buyer
        assert view.revoke.toolTip() == why
