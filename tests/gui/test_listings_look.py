"""Issue 11, Listings as a vendor's operations employee reads them: a rejection and its reason
first, the changes in review beside the live version with what changed marked, states as tags,
prices with their unit, a count, columns that fit, and a reason on every greyed-out button."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from vendor_desktop.ui.core import i18n
from vendor_desktop.ui.listings.listing_editor_dialog import ListingEditorDialog
from vendor_desktop.viewmodels.core.states import TAGS_ROLE, Tone
from vendor_desktop.viewmodels.listings.table import COLUMNS, PRICES_COLUMN, STATE_COLUMN

from . import editor_fit
from .apphelpers import Marketplace, listed, sign_in

pytestmark = pytest.mark.usefixtures("english")

REJECT_REASON = "商品描述与实际交付内容不符，请修改后重新提交。"  # the demo's rejected listing
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def demo(tmp_path):
    """The demo vendor with every listing state: one rejected, one with changes in review."""
    m = Marketplace(tmp_path, orders=10, listings=14)
    yield m
    m.stop()


@pytest.fixture
def view(qtbot, tmp_path, demo):
    center = sign_in(qtbot, tmp_path, demo)
    center.window.resize(1440, 900)
    center.window.show_area("listings")
    listings = center.window.listings_view
    listed(qtbot, listings.vm.model)
    yield listings
    center.shutdown()


def row_where(view, test) -> int:
    model = view.vm.model
    return next(r for r in range(model.rowCount()) if (line := model.row_at(r)) and line.listing and test(line.listing))


def select_row(qtbot, view, row: int) -> None:
    view.table.clearSelection()
    view.table.selectRow(row)
    qtbot.waitUntil(lambda: view.vm.current is not None and view.vm.current.id == view.vm.model.row_at(row).listing.id)


def test_a_rejected_listing_shows_the_reason_first_and_opens_the_editor_to_fix_it(qtbot, view):
    select_row(qtbot, view, row_where(view, lambda x: x.state == "rejected"))
    banner = view.detail.banner
    assert banner.isVisible()
    assert banner.title.text() == "Rejected"
    assert banner.reason.text() == f"Reason: {REJECT_REASON}"
    # Above the listing's name and fields, not the eighth line of them.
    assert banner.y() < view.detail.name.y()
    assert banner.resubmit.isEnabled()
    banner.resubmit.click()
    dialog = next(d for d in view.findChildren(ListingEditorDialog) if d.isVisible())
    assert dialog.vm.listing is not None and dialog.vm.listing.id == view.vm.current.id
    assert dialog.rejection.isVisible() and REJECT_REASON in dialog.rejection.text()
    dialog.reject()
    # A listing that is not rejected has no banner.
    select_row(qtbot, view, row_where(view, lambda x: x.state == "on_sale" and not x.revision))
    assert not banner.isVisible()


def test_the_rejection_banner_speaks_chinese(qtbot, view):
    i18n.install("zh_CN")
    select_row(qtbot, view, row_where(view, lambda x: x.state == "rejected"))
    banner = view.detail.banner
    assert banner.title.text() == "审核未通过"
    assert banner.reason.text() == f"驳回原因：{REJECT_REASON}"
    # The words of the pane itself change when the language change reaches it.
    qtbot.waitUntil(lambda: banner.resubmit.text() == "修改后重新提交…")


def test_changes_in_review_stand_beside_the_live_version_with_the_changed_fields_marked(qtbot, view):
    select_row(qtbot, view, row_where(view, lambda x: bool(x.revision)))
    rows = view.detail.rows
    # The demo's changes: a new summary and prices up 10%; nothing else.
    marked = {key for key, (_name, _live, _changed, mark) in rows.items() if mark is not None}
    assert marked == {"summary", "billing"}
    _name, live, changed, mark = rows["summary"]
    assert "优选" in live.text() and "全新升级" in changed.text()
    qtbot.waitUntil(mark.isVisible)
    assert mark.text() == "Changed"
    assert live.objectName() == changed.objectName() == "changedValue"  # highlighted
    _name, live, changed, _mark = rows["name"]
    assert live.text() == changed.text() and changed.objectName() == "unchangedValue"  # muted
    # Aligned: a field's live and changed values start on the same line as its name.
    name, live, changed, _mark = rows["billing"]
    assert name.y() == live.y() == changed.y()
    assert live.x() < changed.x()
    assert "/" in live.text()  # with its unit


def test_states_are_tags_and_a_revision_in_review_is_a_second_tag(qtbot, view):
    model = view.vm.model
    revised = row_where(view, lambda x: bool(x.revision))
    assert model.index(revised, STATE_COLUMN).data(TAGS_ROLE) == [
        ("On sale", Tone.DONE),
        ("Changes in review", Tone.WAITING),
    ]
    rejected = row_where(view, lambda x: x.state == "rejected")
    assert model.index(rejected, STATE_COLUMN).data(TAGS_ROLE) == [("Rejected", Tone.URGENT)]
    tooltip = model.index(rejected, STATE_COLUMN).data(0x03)  # ToolTipRole
    assert REJECT_REASON in tooltip


def test_prices_carry_their_billing_unit(qtbot, view):
    model = view.vm.model
    prices = [model.index(r, PRICES_COLUMN).data() for r in range(model.rowCount())]
    assert all(p and all(part.endswith(("/month", "/year", "/call")) for part in p.split(" · ")) for p in prices)
    assert any(p.startswith("pay-as-you-go ¥") for p in prices)
    i18n.install("zh_CN")

    def chinese_prices() -> bool:
        prices = [model.index(r, PRICES_COLUMN).data() for r in range(model.rowCount())]
        return any("/月" in p for p in prices) and any(p.startswith("按需 ¥") and "/次" in p for p in prices)

    qtbot.waitUntil(chinese_prices)


def test_the_count_follows_the_state_filter_and_finds_the_rejected_listings(qtbot, view):
    assert view.count.text() == "14 listings"
    view.state.setCurrentIndex(view.state.findData("rejected"))
    qtbot.waitUntil(lambda: view.vm.model.rowCount() == 1)
    assert view.count.text() == "1 listing"  # singular, not "1 listings"
    assert view.vm.model.row_at(0).listing.state == "rejected"
    view.state.setCurrentIndex(view.state.findData("changes_in_review"))
    qtbot.waitUntil(lambda: view.vm.model.rowCount() == 1)
    assert view.vm.model.row_at(0).listing.revision["state"] == "in_review"
    i18n.install("zh_CN")
    qtbot.waitUntil(lambda: view.count.text() == "共 1 个商品")
    assert view.state.itemText(view.state.findData("rejected")) == "审核未通过"


def test_every_column_shows_its_contents_whole_and_the_name_takes_the_rest(qtbot, view):
    table = view.table
    qtbot.waitUntil(lambda: table.isVisible())
    view.fit_columns()
    for column in range(1, len(COLUMNS)):
        assert table.columnWidth(column) >= table.sizeHintForColumn(column), COLUMNS[column]
    others = sum(table.columnWidth(c) for c in range(1, len(COLUMNS)))
    assert table.columnWidth(0) >= table.viewport().width() - others - 2  # stretches
    assert table.columnWidth(0) >= table.sizeHintForColumn(0) * 0.8


def test_every_disabled_button_says_why(qtbot, view):
    buttons = (view.edit, view.submit, view.delist)
    for button in buttons:  # nothing selected
        assert not button.isEnabled() and button.toolTip()
    select_row(qtbot, view, row_where(view, lambda x: x.state == "in_review"))
    assert view.edit.toolTip() == "A listing cannot be edited while it is in review."
    assert view.submit.toolTip() == "Already in review; wait for the result."
    assert view.delist.toolTip() == "Only listings on sale can be delisted."
    i18n.install("zh_CN")
    qtbot.waitUntil(lambda: view.edit.toolTip() == "审核中的商品不能修改。")
    assert view.submit.toolTip() == "已在审核中，请等待审核结果。"
    select_row(qtbot, view, row_where(view, lambda x: x.state == "on_sale" and not x.revision))
    assert not view.submit.isEnabled() and "没有待提交的修改" in view.submit.toolTip()
    assert view.edit.isEnabled() and view.delist.isEnabled() and view.delist.toolTip() == ""


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_editor_fits_every_market_at_full_size(qapp, language):
    assert editor_fit.problems(qapp, language) == []


@pytest.mark.parametrize("scale", ["1.25", "1.5"])
def test_the_editor_fits_every_market_at_larger_text_scales(scale):
    """At 125 % and 150 % on a 1440×900 display: nothing cut, no sideways scroll bar."""
    env = {k: v for k, v in os.environ.items() if k not in ("QT_SCALE_FACTOR", "QT_SCREEN_SCALE_FACTORS")}
    done = subprocess.run(
        [sys.executable, "-m", "tests.gui.editor_fit", scale],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
