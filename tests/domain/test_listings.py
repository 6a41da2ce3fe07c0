import datetime as dt

import pytest

from vendor_desktop.domain.listings import (
    ListingState,
    can_delist,
    can_submit,
    review_due,
    validate_delivery_config,
    validate_listing,
)


def good(market="saas", **over):
    config = {
        "saas": {"callback_url": "https://saas.example.com/cb"},
        "image": {"image_id": "m-2ze0abc", "os": "CentOS 7.9 64位"},
        "api": {"base_url": "https://api.example.com/v1", "quota_per_plan": {"monthly": 100_000}},
        "security": {"service_scope": "网站安全扫描", "response_hours": 4},
    }.get(market, {})
    fields = {
        "market": market,
        "name": "云桌面",
        "summary": "一句话介绍",
        "billing": {"monthly": 9900},
        "delivery_config": config,
        "agreement": "商品服务协议全文",
    }
    fields.update(over)
    return fields


def codes(problems):
    return {(p.field, p.code) for p in problems}


@pytest.mark.parametrize("market", ["saas", "image", "api", "security"])
def test_a_complete_listing_of_every_delivery_type_is_valid(market):
    assert validate_listing(good(market), for_submit=True) == []


def test_a_draft_may_lack_the_agreement_but_a_submission_may_not():
    # R-LST-2
    assert validate_listing(good(agreement=""), for_submit=False) == []
    assert codes(validate_listing(good(agreement=""), for_submit=True)) == {("agreement", "agreement_missing")}


@pytest.mark.parametrize(
    ("over", "expected"),
    [
        ({"billing": {}}, ("billing", "required")),
        ({"billing": {"monthly": 0}}, ("billing.monthly", "price_not_positive")),
        ({"billing": {"monthly": -100}}, ("billing.monthly", "price_not_positive")),
        ({"billing": {"weekly": 100}}, ("billing.weekly", "unknown_mode")),
        ({"name": "x" * 10_000}, ("name", "too_long")),
        ({"name": "  "}, ("name", "required")),
        ({"market": "moon"}, ("market", "unknown_market")),
        (
            {"delivery_config": {"callback_url": "http://saas.example.com/cb"}},
            ("delivery_config.callback_url", "https_required"),
        ),
        ({"delivery_config": {"callback_url": "https://"}}, ("delivery_config.callback_url", "invalid_url")),
    ],
)
def test_bad_listings_name_the_field(over, expected):
    assert expected in codes(validate_listing(good(**over)))


def test_each_delivery_type_needs_its_own_configuration():
    # R-LST-1
    assert codes(validate_delivery_config("image", {})) == {
        ("delivery_config.image_id", "required"),
        ("delivery_config.os", "required"),
    }
    assert ("delivery_config.quota_per_plan", "not_positive") in codes(
        validate_delivery_config("api", {"base_url": "https://a.example.com", "quota_per_plan": {"monthly": 0}})
    )
    assert ("delivery_config.response_hours", "out_of_range") in codes(
        validate_delivery_config("manual", {"service_scope": "x", "response_hours": 0})
    )


def test_states_follow_r_lst_3():
    assert can_submit(ListingState.DRAFT) and can_submit("rejected") and can_submit("delisted")
    assert not can_submit("on_sale") and not can_submit("in_review")
    assert can_delist("on_sale") and not can_delist("draft")


def test_review_due_skips_national_day_and_counts_the_make_up_saturday():
    # R-LST-4: submitted Tue 2026-09-29: 9-30, 10-8, 10-9, 10-10 (make-up Sat), 10-12, 10-13, 10-14
    assert review_due(dt.date(2026, 9, 29), "saas").date == dt.date(2026, 10, 14)


def test_image_listings_take_longer_for_the_security_review():
    saas = review_due(dt.date(2026, 11, 2), "saas").date
    image = review_due(dt.date(2026, 11, 2), "image").date
    assert (image - saas).days >= 3


def test_a_due_date_in_an_unknown_year_is_approximate():
    assert review_due(dt.date(2099, 3, 2), "saas").approximate


def test_hostile_values_are_problems_not_crashes():
    assert ("delivery_config.callback_url", "invalid_url") in codes(
        validate_listing(good(delivery_config={"callback_url": "https://[::1"}))
    )
    assert ("market", "unknown_market") in codes(validate_listing({**good(), "market": ["saas"]}))
