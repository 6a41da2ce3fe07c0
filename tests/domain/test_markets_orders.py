import pytest

from vendor_desktop.domain.markets import MARKETS, Delivery, delivery_for
from vendor_desktop.domain.orders import OrderState, can_change_price, can_transition, is_paid


def test_every_market_of_the_spec_is_known_with_its_delivery_and_tier():
    # R-MKT-1 / R-DEP-1: the table of SPEC §1
    assert len(MARKETS) == 10
    assert delivery_for("image") is Delivery.IMAGE
    assert delivery_for("saas") is Delivery.SAAS
    assert delivery_for("api") is Delivery.API
    assert delivery_for("security") is Delivery.MANUAL
    assert [m.id for m in MARKETS.values() if m.deposit_tier == 1] == ["image", "ops_image_maintenance"]
    assert [m.id for m in MARKETS.values() if m.deposit_tier == 2] == ["app_license", "api"]
    assert all(m.name_zh and m.name_en for m in MARKETS.values())


def test_unknown_market_is_an_error():
    with pytest.raises(KeyError):
        delivery_for("nonexistent")


@pytest.mark.parametrize(
    ("a", "b", "ok"),
    [
        ("unpaid", "paid", True),
        ("unpaid", "cancelled", True),
        ("paid", "delivering", True),
        ("delivering", "completed", True),
        ("paid", "refunding", True),
        ("refunding", "refunded", True),
        ("unpaid", "refunding", False),
        ("cancelled", "paid", False),
        ("completed", "unpaid", False),
        ("refunded", "refunding", False),
        ("paid", "unpaid", False),
    ],
)
def test_order_transitions_follow_r_ord_1(a, b, ok):
    assert can_transition(a, b) is ok


def test_only_unpaid_orders_can_change_price():
    # R-ORD-3
    assert [s.value for s in OrderState if can_change_price(s)] == ["unpaid"]


def test_paid_states_are_those_where_money_reached_the_marketplace():
    assert not is_paid("unpaid") and not is_paid("cancelled") and not is_paid("refunded")
    assert is_paid("paid") and is_paid("completed")
