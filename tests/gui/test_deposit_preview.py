"""The deposit preview where a market is chosen (issue 13 item 4): beside a market's tier (R-DEP-1),
what the vendor would still owe to sell there, from the cached deposit summary — in the listing
editor and in the Listings area's market filter. The highest-tier rule (R-DEP-3) decides what is
covered; R-DEP-2 what is owed. Before the first pull, and for roles that may not read the deposit
(SPEC §11: viewer; support has no Listings), the tier alone."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from vendor_desktop.cache.core.apply import apply_changes
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.domain.roles import Role, permissions_for
from vendor_desktop.sync.client import SignedInUser
from vendor_desktop.ui.core import i18n
from vendor_desktop.ui.listings.view import ListingsView
from vendor_desktop.ui.shell.areas import area
from vendor_desktop.viewmodels.core.background import BackgroundRunner
from vendor_desktop.viewmodels.core.commands import CommandQueue
from vendor_desktop.viewmodels.listings.deposit_preview import DepositPaid, deposit_preview
from vendor_desktop.viewmodels.listings.viewmodel import ListingsViewModel

from .test_workbench_money import deposit

pytestmark = pytest.mark.usefixtures("english")

TIER_3 = "Deposit tier 3: selling here requires a deposit of ¥5,000.00."
COVERED = "The deposit paid already covers this market."


def owes(paid: str, more: str) -> str:
    return f"Deposit paid {paid}; selling here needs {more} more."


@pytest.mark.parametrize(
    ("market", "paid_fen", "revenue", "expected"),
    [
        # Tier 2 paid, revenue only in a tier-2 market.
        ("image", 200_000, ("api",), COVERED),  # below the paid tier
        ("api", 200_000, ("api",), COVERED),  # at it
        ("saas", 200_000, ("api",), owes("¥2,000.00", "¥3,000.00")),  # above: tier 3 − paid
        # Nothing paid, no revenue: the market's own tier.
        ("app_license", 0, (), owes("¥0.00", "¥2,000.00")),
        # R-DEP-2: with revenue in a tier-3 market already, entering a tier-2 market owes up to tier 3.
        ("api", 100_000, ("saas",), owes("¥1,000.00", "¥4,000.00")),
        # R-DEP-3: covered is covered, whatever another market still owes.
        ("image", 100_000, ("saas",), COVERED),
    ],
)
def test_what_selling_in_a_market_would_still_take(qapp, market, paid_fen, revenue, expected):
    note = deposit_preview(market, DepositPaid(paid_fen, revenue))
    tier_line, owed_line = note.split("\n")
    assert tier_line.startswith("Deposit tier ")
    assert owed_line == expected


def test_without_a_deposit_summary_only_the_tier_is_said(qapp):
    assert deposit_preview("saas", None) == TIER_3


# -- the editor and the filter, over a real cache ------------------------------------------------------
def user(role: Role) -> SignedInUser:
    return SignedInUser(
        "u1", role.value, role.value, role.value, frozenset(p.value for p in permissions_for(role)), "acct"
    )


@pytest.fixture
def writes(qapp):
    r = BackgroundRunner(name="vendor-desktop-local-writes")
    yield r
    r.shutdown()


def cache(tmp_path, *changes) -> CacheDatabase:
    db = CacheDatabase.open(tmp_path / "cache.sqlite3")
    if changes:
        with db.session(write=True) as s, s.begin():
            apply_changes(s, list(changes))
    return db


def listings(qtbot, db, runner, writes, role: Role) -> ListingsView:
    vm = ListingsViewModel(CommandQueue(db, user(role), writes), reads=runner)
    view = ListingsView(vm)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    return view


def preview_in_editor(qtbot, view: ListingsView, market: str) -> str:
    dialog = view.open_editor(edit=False)  # the view's child, deleted when closed
    dialog.market.setCurrentIndex(dialog.market.findData(market))
    text = dialog.deposit.text()
    dialog.reject()
    return text


@pytest.fixture
def paid_tier_2(tmp_path, qapp):
    """¥2,000.00 paid (tier 2), revenue in the API market (tier 2): nothing outstanding."""
    db = cache(tmp_path, deposit(200_000, 2, ["api"]))
    yield db
    db.close()


@pytest.mark.parametrize(
    ("market", "owed_line"),
    [
        ("ops_image_maintenance", COVERED),  # tier 1: below the paid tier
        ("app_license", COVERED),  # tier 2: at it
        ("security", owes("¥2,000.00", "¥3,000.00")),  # tier 3: above it
    ],
)
def test_the_editor_says_what_the_vendor_would_still_owe(qtbot, paid_tier_2, runner, writes, market, owed_line):
    view = listings(qtbot, paid_tier_2, runner, writes, Role.OPERATIONS)  # operations reads the summary
    qtbot.waitUntil(lambda: view.vm.deposit is not None)  # read on the reads runner
    lines = preview_in_editor(qtbot, view, market).split("\n")
    assert lines[0].startswith("Deposit tier ")
    assert lines[1] == owed_line
    assert lines[2].startswith("Review:")


def test_a_viewer_sees_the_tier_only(qtbot, paid_tier_2, runner, writes):
    """SPEC §11: the deposit summary is not the viewer's to read."""
    view = listings(qtbot, paid_tier_2, runner, writes, Role.VIEWER)
    with qtbot.waitCallback() as read_so_far:  # one reads thread: whatever was asked of it is done
        runner.submit(lambda: None, on_done=read_so_far)
    assert view.vm.deposit is None
    assert preview_in_editor(qtbot, view, "saas") == f"{TIER_3}\nReview: up to 7 working days."
    assert view.vm.market_deposit_note("saas") == TIER_3


def test_before_the_first_pull_the_tier_only_then_the_preview_when_it_arrives(qtbot, tmp_path, runner, writes):
    """No summary cached: today's text. A pull brings it while the editor is open: the preview follows."""
    db = cache(tmp_path)
    try:
        view = listings(qtbot, db, runner, writes, Role.OWNER)
        dialog = view.open_editor(edit=False)
        dialog.market.setCurrentIndex(dialog.market.findData("saas"))
        assert dialog.deposit.text() == f"{TIER_3}\nReview: up to 7 working days."
        with db.session(write=True) as s, s.begin():
            changes = apply_changes(s, [deposit(200_000, 3, ["saas"])])
        assert area("listings").hears(changes)
        view.vm.on_data_changed(changes)
        qtbot.waitUntil(lambda: owes("¥2,000.00", "¥3,000.00") in dialog.deposit.text())
        assert dialog.deposit.text() == f"{TIER_3}\n{owes('¥2,000.00', '¥3,000.00')}\nReview: up to 7 working days."
        dialog.reject()
    finally:
        db.close()


def test_the_market_filter_previews_each_market_in_its_tooltip(qtbot, paid_tier_2, runner, writes):
    """The filter finds listings: each market's entry carries its preview as a tooltip, and the
    filter itself the chosen market's."""
    view = listings(qtbot, paid_tier_2, runner, writes, Role.OWNER)
    combo = view.market

    def tip(market: str) -> str:
        return combo.itemData(combo.findData(market), Qt.ItemDataRole.ToolTipRole) or ""

    qtbot.waitUntil(lambda: COVERED in tip("api"))
    assert tip("saas") == f"{TIER_3}\n{owes('¥2,000.00', '¥3,000.00')}"
    assert tip("image") == f"Deposit tier 1: selling here requires a deposit of ¥1,000.00.\n{COVERED}"
    assert combo.toolTip() == ""  # all markets: nothing to preview
    combo.setCurrentIndex(combo.findData("saas"))
    assert combo.toolTip() == tip("saas")


def test_the_preview_in_chinese(qtbot, paid_tier_2, runner, writes):
    i18n.install(i18n.CHINESE)
    view = listings(qtbot, paid_tier_2, runner, writes, Role.OWNER)
    qtbot.waitUntil(lambda: view.vm.deposit is not None)
    assert preview_in_editor(qtbot, view, "saas").split("\n")[:2] == [
        "保证金第 3 档：在此类目市场销售须缴纳保证金 ¥5,000.00。",
        "已缴 ¥2,000.00，在此类目市场销售还需缴纳 ¥3,000.00。",
    ]
    assert preview_in_editor(qtbot, view, "api").split("\n")[1] == "已缴保证金已覆盖此类目市场。"
