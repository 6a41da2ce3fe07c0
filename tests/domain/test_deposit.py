import pytest

from vendor_desktop.domain.deposit import (
    covers_market,
    deposit_outstanding_fen,
    deposit_required_fen,
    required_tier,
    tier_covered,
)


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
