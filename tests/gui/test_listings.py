"""Listing management (R-LST-1..6) through the GUI over real HTTP: the whole lifecycle."""

from __future__ import annotations

import datetime as dt

import pytest

from vendor_desktop.ui.listings.listing_editor_dialog import ListingEditorDialog
from vendor_desktop.viewmodels.listings.table import COLUMNS, STATE_COLUMN

from .apphelpers import Marketplace, closed, go_offline, listed, outbox_once_written, sign_in

pytestmark = pytest.mark.usefixtures("english")

SH = dt.timezone(dt.timedelta(hours=8))
DUE_COLUMN = COLUMNS.index("review_due")


def fill_saas(
    dialog, name="智能排班 SaaS 专业版", *, url="https://paiban.example.com/callback", agreement="商品服务协议"
):
    dialog.market.setCurrentIndex(dialog.market.findData("saas"))
    dialog.name.setText(name)
    dialog.summary.setText("排班、考勤、工时一站式管理")
    dialog.modes["monthly"].setChecked(True)
    dialog.prices["monthly"].setText("299.00")
    dialog.config["callback_url"].setText(url)
    dialog.agreement.setPlainText(agreement)


def row_of(view, name: str) -> int:
    model = view.vm.model
    for r in range(model.rowCount()):
        if model.index(r, 0).data() == name:
            return r
    return -1


def state_of(view, name: str) -> str:
    r = row_of(view, name)
    return view.vm.model.index(r, STATE_COLUMN).data() if r >= 0 else ""


def on_marketplace(view, name: str) -> bool:
    """The listing has reached the marketplace (not just a queued draft)."""
    r = row_of(view, name)
    line = view.vm.model.row_at(r) if r >= 0 else None
    return line is not None and line.listing is not None


def select(qtbot, view, name: str) -> None:
    qtbot.waitUntil(lambda: on_marketplace(view, name), timeout=30_000)
    view.table.clearSelection()
    view.table.selectRow(row_of(view, name))
    qtbot.waitUntil(lambda: view.vm.current is not None and view.vm.current.name == name)


def shows(qtbot, view, name: str, state: str) -> None:
    """Wait for the outcome the user sees: the listing's state as the marketplace reports it. (Not
    for "nothing unsent": that holds before a change is counted as much as after it is applied.)"""
    qtbot.waitUntil(lambda: state_of(view, name) == state, timeout=30_000)


def review(market, listing_id: str, approve: bool, reason: str | None = None) -> None:
    body = {"approve": approve} if reason is None else {"approve": approve, "reason": reason}
    answer = market.operator("POST", f"/listings/{listing_id}/review", json=body)
    assert answer.status_code == 200, answer.text


def test_a_listing_from_offline_draft_to_on_sale_revision_and_delisting(qtbot, tmp_path, market):
    center = sign_in(qtbot, tmp_path, market)
    window = center.window
    window.show_area("listings")
    view = window.listings_view
    name = "智能排班 SaaS 专业版"

    # A draft written on the train.
    go_offline(qtbot, center, market)
    dialog = view.open_editor(edit=False)
    fill_saas(dialog)
    assert "¥5,000.00" in dialog.deposit.text()  # R-DEP-1: SaaS is tier 3
    dialog.save()
    qtbot.waitUntil(lambda: closed(dialog))
    qtbot.waitUntil(lambda: row_of(view, name) >= 0)
    assert "draft waiting to send" in state_of(view, name)

    market.restart()
    window.sync_button.click()
    shows(qtbot, view, name, "Draft")

    # Submit → in review with a due date in working days (R-LST-4).
    select(qtbot, view, name)
    assert view.submit.isEnabled()
    view.submit.click()
    shows(qtbot, view, name, "In review")
    due = view.vm.model.index(row_of(view, name), DUE_COLUMN).data()
    assert due and dt.date.fromisoformat(due[:10]) > dt.date.today()
    listing_id = view.vm.model.row_at(row_of(view, name)).listing.id

    # The operator approves; the vendor gets a message (R-LST-6).
    review(market, listing_id, approve=True)
    window.sync_button.click()
    shows(qtbot, view, name, "On sale")
    window.show_area("messages")  # the message list reads what the pull brought once shown
    qtbot.waitUntil(
        lambda: any(
            window.messages_vm.model.index(r, 1).data() == "Review passed"
            for r in range(window.messages_vm.model.rowCount())
        )
    )
    window.show_area("listings")

    # Editing an on-sale listing makes a revision; the live version stays on sale (R-LST-5).
    select(qtbot, view, name)
    dialog = view.open_editor(edit=True)
    assert dialog.vm.editing_revision
    dialog.prices["monthly"].setText("199.00")
    dialog.save()
    qtbot.waitUntil(lambda: closed(dialog))
    shows(qtbot, view, name, "On sale · Changes not submitted")  # the revision reached the marketplace
    select(qtbot, view, name)
    view.submit.click()
    shows(qtbot, view, name, "On sale · Changes in review")
    select(qtbot, view, name)
    # The live price beside the one in review, the row marked as changed (R-LST-5).
    _label, live, changed, mark = view.detail.rows["billing"]
    assert (live.text(), changed.text()) == ("¥299.00/month", "¥199.00/month")
    assert mark is not None and mark.text() == "Changed"

    review(market, listing_id, approve=True)
    window.sync_button.click()
    shows(qtbot, view, name, "On sale")
    select(qtbot, view, name)
    assert view.detail.rows["billing"][1].text() == "¥199.00/month"
    assert view.detail.rows["billing"][2] is None  # no changes pending any more

    # Delist.
    view.delist.click()
    shows(qtbot, view, name, "Delisted")
    center.shutdown()


def test_a_rejected_listing_shows_the_reason_and_can_be_edited_and_resubmitted(qtbot, tmp_path, market):
    center = sign_in(qtbot, tmp_path, market)
    center.window.show_area("listings")  # a hidden area reads what a pull brought when shown
    view = center.window.listings_view
    name = "被拒绝的商品"
    dialog = view.open_editor(edit=False)
    fill_saas(dialog, name)
    dialog.save()
    select(qtbot, view, name)
    view.submit.click()
    shows(qtbot, view, name, "In review")
    review(market, view.vm.current.id if view.vm.current else "", approve=False, reason="回调地址无法访问")
    center.window.sync_button.click()
    shows(qtbot, view, name, "Rejected")
    select(qtbot, view, name)
    # R-LST-3: the reason stands at the top of the detail pane, with the way to fix it.
    assert view.detail.banner.isVisible()
    assert view.detail.banner.reason.text() == "Reason: 回调地址无法访问"
    assert view.edit.isEnabled() and view.submit.isEnabled()
    view.detail.banner.resubmit.click()
    dialog = next(d for d in view.findChildren(ListingEditorDialog) if d.isVisible())
    assert dialog.vm.listing is not None and dialog.vm.listing.name == name
    assert dialog.rejection.isVisible() and "回调地址无法访问" in dialog.rejection.text()
    dialog.description.setPlainText("回调地址已修复")
    dialog.save()
    qtbot.waitUntil(lambda: closed(dialog))
    # The outcome of the edit first: the marketplace has it (a submit sent on the version before
    # would be refused as stale). Meanwhile the button says why it waits.
    def edited() -> bool:
        line = view.vm.model.row_at(row_of(view, name))
        return line is not None and line.listing is not None and line.listing.description == "回调地址已修复"

    qtbot.waitUntil(edited, timeout=30_000)
    select(qtbot, view, name)
    qtbot.waitUntil(view.submit.isEnabled, timeout=30_000)
    view.submit.click()
    shows(qtbot, view, name, "In review")
    select(qtbot, view, name)
    assert not view.detail.banner.isVisible()
    center.shutdown()


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        (
            lambda d: d.config["callback_url"].setText("http://paiban.example.com/cb"),
            "delivery_config.callback_url",
            "https://",
        ),
        (lambda d: d.modes["monthly"].setChecked(False), "billing", "at least one billing mode"),
        (lambda d: d.prices["monthly"].setText("0"), "billing.monthly", "more than ¥0.00"),
        (lambda d: d.prices["monthly"].setText("-5"), "billing.monthly", "Enter a price"),
        (lambda d: d.name.setText("名" * 10_000), "name", "Too long"),
    ],
)
def test_bad_editor_input_names_the_field_and_nothing_is_queued(qtbot, tmp_path, market, change, field, message):
    center = sign_in(qtbot, tmp_path, market)
    center.window.show_area("listings")  # a hidden area reads what a pull brought when shown
    view = center.window.listings_view
    dialog = view.open_editor(edit=False)
    fill_saas(dialog)
    change(dialog)
    dialog.save()
    assert dialog.isVisible()
    assert message in dialog.errors[field].text() and dialog.errors[field].isVisible()
    dialog.reject()
    assert sum(outbox_once_written(qtbot, center).values()) == 0  # not even sent and applied
    center.shutdown()


def test_a_draft_without_agreement_saves_but_cannot_be_submitted(qtbot, tmp_path, market):
    center = sign_in(qtbot, tmp_path, market)
    center.window.show_area("listings")  # a hidden area reads what a pull brought when shown
    view = center.window.listings_view
    dialog = view.open_editor(edit=False)
    fill_saas(dialog, "没有协议的草稿", agreement="")
    dialog.save()
    select(qtbot, view, "没有协议的草稿")
    assert not view.submit.isEnabled()
    assert "listing service agreement" in view.submit.toolTip()  # R-LST-2
    center.shutdown()


def test_bulk_delist_reports_per_listing(qtbot, tmp_path, market):
    center = sign_in(qtbot, tmp_path, market)
    center.window.show_area("listings")  # a hidden area reads what a pull brought when shown
    view = center.window.listings_view
    model = view.vm.model
    listed(qtbot, model)
    on_sale = [r for r in range(model.rowCount()) if model.index(r, STATE_COLUMN).data() == "On sale"][:2]
    other = next(r for r in range(model.rowCount()) if model.index(r, STATE_COLUMN).data() == "Draft")
    selection = view.table.selectionModel()
    for r in [*on_sale, other]:
        selection.select(model.index(r, 0), selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
    names = [model.index(r, 0).data() for r in on_sale]
    draft = model.index(other, 0).data()
    assert view.delist.isEnabled()
    view.delist.click()
    # One line per listing, once every delisting is on this computer.
    qtbot.waitUntil(lambda: f"{draft}: skipped: not on sale (Draft)" in view.result.text())
    assert all(f"{n}: delisting waiting to send" in view.result.text() for n in names)
    qtbot.waitUntil(lambda: all(state_of(view, n) == "Delisted" for n in names), timeout=30_000)
    center.shutdown()


def test_viewers_read_listings_but_cannot_change_them(qtbot, tmp_path, market):
    center = sign_in(qtbot, tmp_path, market, username="viewer")
    center.window.show_area("listings")  # a hidden area reads what a pull brought when shown
    view = center.window.listings_view
    listed(qtbot, view.vm.model)
    view.table.selectRow(0)
    qtbot.waitUntil(lambda: view.vm.current is not None)
    assert not view.new.isEnabled() and not view.edit.isEnabled() and not view.delist.isEnabled()
    assert view.edit.toolTip() == "Your role can only read listings."
    assert view.new.toolTip() == view.delist.toolTip() == "Your role can only read listings."
    center.shutdown()


def fill_market(dialog, market: str) -> None:
    """A complete listing for ``market``: the delivery fields its delivery type needs (R-LST-1)."""
    dialog.market.setCurrentIndex(dialog.market.findData(market))
    dialog.name.setText(f"测试商品 {market}")
    dialog.summary.setText("一句话介绍")
    dialog.modes["monthly"].setChecked(True)
    dialog.prices["monthly"].setText("88.00")
    dialog.agreement.setPlainText("商品服务协议")
    config = {
        "image": {"image_id": "m-2ze0abc", "os": "Ubuntu 22.04 64位"},
        "saas": {"callback_url": "https://saas.example.com/cb"},
        "api": {"base_url": "https://api.example.com/v1"},
    }.get(market, {"service_scope": "远程在线服务"})
    for key, value in config.items():
        dialog.config[key].setText(value)


@pytest.fixture
def market_server(tmp_path):
    m = Marketplace(tmp_path, orders=10)
    yield m
    m.stop()


@pytest.mark.parametrize(
    "market_id",
    [
        "image",
        "ops_image_maintenance",
        "app_license",
        "api",
        "ops_troubleshooting",
        "ops_data_intelligence",
        "saas",
        "enterprise_butler",
        "custom_service",
        "security",
    ],
)
def test_every_market_takes_a_listing_to_review(qtbot, tmp_path, market_server, market_id):
    market = market_id
    center = sign_in(qtbot, tmp_path, market_server)
    center.window.show_area("listings")  # a hidden area reads what a pull brought when shown
    view = center.window.listings_view
    dialog = view.open_editor(edit=False)
    fill_market(dialog, market)
    dialog.save()
    qtbot.waitUntil(lambda: closed(dialog))
    name = f"测试商品 {market}"
    select(qtbot, view, name)
    view.submit.click()
    shows(qtbot, view, name, "In review")
    assert view.vm.model.index(row_of(view, name), DUE_COLUMN).data()  # a due date (R-LST-4)
    center.shutdown()
