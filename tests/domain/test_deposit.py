import pytest

from vendor_desktop.domain.deposit import (
    DEPOSIT_MAXIMUM_FEN,
    covers_market,
    deposit_outstanding_fen,
    deposit_required_fen,
    markets_covered,
    markets_opened,
    most_payable_fen,
    required_tier,
    still_owed_to_enter_fen,
    tier_covered,
    to_reach_tier_fen,
)
from vendor_desktop.domain.markets import MARKETS


@pytest.mark.parametrize(
    ("markets", "fen"),
    [
        ([], 0),
        (["image"], 100_000),
        (["image", "ops_image_maintenance"], 100_000),
        (["image", "api"], 200_000),
        (["app_license"], 200_000),
        (["image", "saas"], 500_000),
        (["security"], 500_000),
    ],
)
def test_required_deposit_is_the_highest_tier_with_revenue(markets, fen):
    # R-DEP-1, R-DEP-2
    assert deposit_required_fen(markets) == fen


def test_outstanding_never_goes_below_zero():
    # R-DEP-2 待缴 = max(0, required − paid)
    assert deposit_outstanding_fen(500_000, 100_000) == 400_000
    assert deposit_outstanding_fen(100_000, 500_000) == 0
    assert deposit_outstanding_fen(0, 0) == 0


def test_a_higher_tier_deposit_covers_every_lower_tier_market():
    # R-DEP-3 就高原则
    assert tier_covered(200_000) == 2
    assert covers_market(200_000, "image") and covers_market(200_000, "api")
    assert not covers_market(200_000, "saas")
    assert not covers_market(99_999, "image")
    assert tier_covered(0) == 0
    assert required_tier(["saas", "image"]) == 3


def test_the_most_a_vendor_can_still_pay_is_up_to_tier_3():
    # R-DEP-4: paying ahead is allowed up to ¥5,000 (DEPOSIT_ABOVE_MAXIMUM beyond)
    assert DEPOSIT_MAXIMUM_FEN == 500_000
    assert most_payable_fen(0) == 500_000
    assert most_payable_fen(150_000) == 350_000
    assert most_payable_fen(499_999) == 1
    assert most_payable_fen(500_000) == 0
    assert most_payable_fen(600_000) == 0  # never a negative "you may pay"


@pytest.mark.parametrize(
    ("paid", "tier", "fen"),
    [(0, 1, 100_000), (0, 3, 500_000), (150_000, 2, 50_000), (200_000, 2, 0), (300_000, 1, 0), (199_999, 2, 1)],
)
def test_what_a_payment_must_be_to_reach_a_tier(paid, tier, fen):
    # R-DEP-1, R-DEP-3
    assert to_reach_tier_fen(paid, tier) == fen


def test_markets_covered_follow_the_paid_tier_in_spec_order():
    # R-DEP-3 就高原则, SPEC §1 order
    assert markets_covered(0) == ()
    assert markets_covered(99_999) == ()
    assert markets_covered(100_000) == ("image", "ops_image_maintenance")
    assert markets_covered(200_000) == ("image", "ops_image_maintenance", "app_license", "api")
    assert markets_covered(500_000) == tuple(MARKETS)


@pytest.mark.parametrize(
    ("paid", "amount", "opened"),
    [
        (0, 100_000, ("image", "ops_image_maintenance")),
        (0, 99_999, ()),
        (150_000, 49_999, ()),
        (150_000, 50_000, ("app_license", "api")),
        (100_000, 400_000, tuple(MARKETS)[2:]),  # every market after the two of tier 1 (SPEC §1 order)
        (0, 500_000, tuple(MARKETS)),
        (500_000, 1, ()),
    ],
)
def test_a_payment_says_which_markets_it_opens(paid, amount, opened):
    # *Pay deposit…* names the markets the vendor gains, none it already had
    assert markets_opened(paid, amount) == opened


@pytest.mark.parametrize(
    ("paid", "revenue", "market", "owed"),
    [
        (0, [], "image", 100_000),
        (100_000, ["image"], "saas", 400_000),
        (100_000, ["api"], "image", 100_000),  # entering image changes nothing: api already needs tier 2
        (200_000, [], "image", 0),
        (200_000, ["image"], "api", 0),
        (500_000, ["saas"], "security", 0),
    ],
)
def test_what_the_vendor_would_still_owe_to_sell_in_a_market(paid, revenue, market, owed):
    # R-DEP-2: the listing editor's preview
    assert still_owed_to_enter_fen(paid, revenue, market) == owed
