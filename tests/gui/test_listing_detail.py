"""The Listings detail's rules, without widgets: which fields an on-sale listing's changes touch
(R-LST-5), what a rejection says (R-LST-3), and prices with their unit (GLOSSARY)."""

from __future__ import annotations

import dataclasses

import pytest

from vendor_desktop.cache.listings.queries import ListingRow
from vendor_desktop.ui.core import i18n
from vendor_desktop.viewmodels.core.labels import price_with_unit
from vendor_desktop.viewmodels.listings.detail import changed_fields, listing_detail
from vendor_desktop.viewmodels.listings.prices import billing_text

pytestmark = pytest.mark.usefixtures("english")

LIVE = ListingRow(
    id="l1",
    version=3,
    name="智能排班 SaaS 专业版",
    market="saas",
    delivery="saas",
    state="on_sale",
    summary="排班、考勤一站式管理",
    description="开通后按页面所述内容交付。",
    billing={"monthly": 29_900, "yearly": 299_000},
    delivery_config={"callback_url": "https://paiban.example.com/cb"},
    agreement="商品服务协议",
    review_due=None,
    review_due_approximate=False,
    security_review=False,
    reject_reason=None,
    updated_at=None,
    revision=None,
    data={},
)


def revised(state: str = "in_review", **changes) -> ListingRow:
    revision = {**LIVE.content(), "state": state, "reject_reason": None, **changes}
    del revision["market"]  # a revision never changes the market (R-MKT-1)
    return dataclasses.replace(LIVE, revision=revision)


def test_only_the_fields_the_changes_touch_are_marked():
    listing = revised(summary="全新升级", billing={"monthly": 19_900, "yearly": 299_000})
    detail = listing_detail(listing)
    assert detail.changed_keys == ["summary", "billing"]
    assert [line.key for line in detail.lines if line.changed] == ["summary", "billing"]
    billing = next(line for line in detail.lines if line.key == "billing")
    assert (billing.live, billing.changed_value) == ("¥299.00/month\n¥2,990.00/year", "¥199.00/month\n¥2,990.00/year")
    assert detail.changes_title == "Changes (in review)"


def test_a_changed_delivery_field_is_marked_by_its_own_name():
    live = LIVE.content()
    changed = {**live, "delivery_config": {"callback_url": "https://paiban.example.com/v2/cb"}}
    assert changed_fields(live, changed) == ["delivery_config.callback_url"]
    assert changed_fields(live, dict(live)) == []


def test_without_changes_there_is_no_second_column():
    detail = listing_detail(LIVE)
    assert detail.changes_title == "" and detail.changed_keys == []
    assert all(line.changed_value is None and not line.changed for line in detail.lines)
    assert detail.rejection is None


def test_a_rejected_listing_and_rejected_changes_carry_the_reason():
    rejected = dataclasses.replace(LIVE, state="rejected", reject_reason="回调地址无法访问")
    rejection = listing_detail(rejected).rejection
    assert rejection is not None and rejection.reason == "回调地址无法访问" and not rejection.of_changes
    changes = revised("rejected", reject_reason="价格说明不清楚", summary="新简介")
    rejection = listing_detail(changes).rejection
    assert rejection is not None and rejection.reason == "价格说明不清楚" and rejection.of_changes
    assert listing_detail(changes).changes_title == "Changes (rejected)"


def test_prices_read_with_their_unit_in_both_languages():
    assert price_with_unit(99_900, "monthly") == "¥999.00/month"
    assert price_with_unit(299_000, "yearly") == "¥2,990.00/year"
    assert price_with_unit(5, "payg") == "pay-as-you-go ¥0.05/call"
    assert billing_text({"yearly": 299_000, "payg": 5}) == "pay-as-you-go ¥0.05/call · ¥2,990.00/year"
    i18n.install("zh_CN")
    assert price_with_unit(99_900, "monthly") == "¥999.00/月"
    assert price_with_unit(299_000, "yearly") == "¥2,990.00/年"
    assert price_with_unit(5, "payg") == "按需 ¥0.05/次"
