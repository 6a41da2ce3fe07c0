"""Listing management (商品管理), the vendor's side: drafts of every delivery type (R-LST-1,
R-MKT-1), submission (R-LST-2, R-LST-4), revisions of on-sale listings (R-LST-5), delisting and
resubmission (R-LST-3), and the order of checks every command follows (API.md)."""

from __future__ import annotations

import pytest

from vendor_desktop.domain.listings import review_due
from vendor_desktop.domain.markets import MARKETS

from .conftest import START, assert_error, bearer, entity_now, login, pull_all, send
from .listing_helpers import AGREEMENT, CONFIGS, act, create, created, draft_body, ok, patch, review


@pytest.fixture
def owner(client, vendor):
    return bearer(login(client, vendor))


@pytest.mark.parametrize("market", sorted(CONFIGS))
def test_a_draft_of_every_delivery_type_is_201_and_its_delivery_follows_the_market(client, vendor, market):
    headers = bearer(login(client, vendor, "operations"))
    listing = created(client, headers, market=market, agreement=None, description=None)
    assert listing["entity"] == "listing" and listing["version"] == 1
    data = listing["data"]
    assert data["state"] == "draft" and data["delivery"] == MARKETS[market].delivery  # R-MKT-1
    assert data["delivery_config"] == CONFIGS[market] and data["billing"] == {"monthly": 19_900, "yearly": 199_000}
    assert data["agreement"] == "" and data["description"] == ""  # a draft may lack them (R-LST-2)
    assert data["revision"] is None and data["review_due"] is None and data["submitted_at"] is None
    assert data["created_at"] == data["updated_at"] == START.isoformat()
    assert entity_now(client, headers, "listing", listing["id"]) == {**listing, "deleted": False}


def test_a_listing_from_draft_to_sale_through_revisions_delisting_and_a_rejection(client, operator, owner):
    # Draft → review → on sale (R-LST-3).
    listing = created(client, owner, market="saas")
    listing = ok(act(client, owner, "submit", listing))
    assert listing["data"]["state"] == "in_review" and listing["version"] == 2
    assert listing["data"]["review_due"] == review_due(START.date(), "saas").date.isoformat()  # R-LST-4
    assert listing["data"]["submitted_at"] == START.isoformat() and listing["data"]["security_review"] is False
    listing = ok(review(client, operator, listing["id"], True))
    assert listing["data"]["state"] == "on_sale" and listing["data"]["approved_at"] == START.isoformat()
    assert listing["data"]["review_due"] is None and listing["data"]["submitted_at"] is None
    live = {k: listing["data"][k] for k in ("name", "summary", "billing", "delivery_config")}

    # Editing an on-sale listing makes a revision; the approved version stays on sale (R-LST-5).
    listing = ok(patch(client, owner, listing, name="云端进销存（专业版）", billing={"monthly": 29_900}))
    assert listing["data"]["state"] == "on_sale" and listing["version"] == 4
    assert {k: listing["data"][k] for k in live} == live
    revision = listing["data"]["revision"]
    assert revision["state"] == "draft" and revision["name"] == "云端进销存（专业版）"
    assert revision["billing"] == {"monthly": 29_900} and revision["summary"] == live["summary"]
    assert (revision["submitted_at"], revision["review_due"], revision["reject_reason"]) == (None, None, None)
    listing = ok(patch(client, owner, listing, summary="专业版：多仓库管理"))  # editing again updates it
    assert listing["data"]["revision"]["summary"] == "专业版：多仓库管理"
    assert listing["data"]["revision"]["name"] == "云端进销存（专业版）"
    assert listing["data"]["summary"] == live["summary"]

    # The revision goes to review while the live version stays on sale.
    listing = ok(act(client, owner, "submit", listing))
    assert listing["data"]["state"] == "on_sale" and listing["data"]["revision"]["state"] == "in_review"
    assert listing["data"]["revision"]["review_due"] == review_due(START.date(), "saas").date.isoformat()
    assert listing["data"]["revision"]["submitted_at"] == START.isoformat() and listing["data"]["review_due"] is None
    err = assert_error(patch(client, owner, listing, name="again"), 409, "LISTING_STATE")
    assert err["details"] == {"state": "on_sale", "revision_state": "in_review"} and "审核" in err["message_zh"]
    listing = ok(review(client, operator, listing["id"], True))
    assert listing["data"]["revision"] is None and listing["data"]["state"] == "on_sale"
    assert listing["data"]["name"] == "云端进销存（专业版）" and listing["data"]["billing"] == {"monthly": 29_900}
    assert listing["data"]["summary"] == "专业版：多仓库管理"

    # Delisted (下架), then resubmitted; rejected with a reason; edited; resubmitted (R-LST-3).
    listing = ok(act(client, owner, "delist", listing))
    assert listing["data"]["state"] == "delisted"
    listing = ok(act(client, owner, "submit", listing))
    assert listing["data"]["state"] == "in_review"
    listing = ok(review(client, operator, listing["id"], False, "截图与实际功能不符"))
    assert listing["data"]["state"] == "rejected" and listing["data"]["reject_reason"] == "截图与实际功能不符"
    assert listing["data"]["review_due"] is None
    listing = ok(patch(client, owner, listing, description="新增截图说明。"))
    assert listing["data"]["state"] == "rejected" and listing["data"]["description"] == "新增截图说明。"
    listing = ok(act(client, owner, "submit", listing))
    assert listing["data"]["state"] == "in_review" and listing["data"]["reject_reason"] is None
    assert entity_now(client, owner, "listing", listing["id"]) == {**listing, "deleted": False}


def test_a_rejected_revision_leaves_the_live_version_and_is_edited_and_resubmitted(client, operator, owner):
    listing = ok(review(client, operator, ok(act(client, owner, "submit", created(client, owner)))["id"], True))
    listing = ok(act(client, owner, "submit", ok(patch(client, owner, listing, name="新名称"))))
    listing = ok(review(client, operator, listing["id"], False, "名称含有误导性用语"))
    assert listing["data"]["name"] == "云端进销存" and listing["data"]["state"] == "on_sale"
    revision = listing["data"]["revision"]
    assert revision["state"] == "rejected" and revision["reject_reason"] == "名称含有误导性用语"
    assert revision["review_due"] is None and revision["name"] == "新名称"
    listing = ok(patch(client, owner, listing, name="新名称二"))
    assert listing["data"]["revision"]["state"] == "rejected" and listing["data"]["revision"]["name"] == "新名称二"
    listing = ok(act(client, owner, "submit", listing))
    assert listing["data"]["revision"]["state"] == "in_review" and listing["data"]["revision"]["reject_reason"] is None


def test_delisting_keeps_the_latest_edits_of_a_pending_revision(client, operator, owner):
    listing = ok(review(client, operator, ok(act(client, owner, "submit", created(client, owner)))["id"], True))
    listing = ok(patch(client, owner, listing, summary="修改中的简介"))
    listing = ok(act(client, owner, "delist", listing))
    assert listing["data"]["state"] == "delisted" and listing["data"]["revision"] is None
    assert listing["data"]["summary"] == "修改中的简介"


def test_image_listings_add_the_security_review(client, owner):
    listing = ok(act(client, owner, "submit", created(client, owner, market="image")))
    assert listing["data"]["security_review"] is True  # R-LST-4 镜像安全审核
    assert listing["data"]["review_due"] == review_due(START.date(), "image").date.isoformat()
    assert listing["data"]["review_due"] > review_due(START.date(), "saas").date.isoformat()


def test_an_edit_that_changes_nothing_keeps_the_version(client, operator, owner):
    draft = created(client, owner)
    same = ok(patch(client, owner, draft, name=draft["data"]["name"], market="saas"))
    assert same == draft
    on_sale = ok(review(client, operator, ok(act(client, owner, "submit", draft))["id"], True))
    assert ok(patch(client, owner, on_sale, summary=on_sale["data"]["summary"])) == on_sale  # no revision either


def test_null_clears_the_description_and_agreement_of_a_draft(client, owner):
    listing = ok(patch(client, owner, created(client, owner), description=None, agreement=None))
    assert listing["data"]["description"] == "" and listing["data"]["agreement"] == ""


# --- refusals --------------------------------------------------------------------------------


def test_submitting_without_the_agreement_is_agreement_missing(client, owner):
    listing = created(client, owner, agreement="   ")
    err = assert_error(act(client, owner, "submit", listing), 422, "AGREEMENT_MISSING")  # R-LST-2
    assert err["details"]["codes"] == {"agreement": "agreement_missing"}
    assert err["details"]["fields"]["agreement"] and "协议" in err["details"]["fields_zh"]["agreement"]
    assert entity_now(client, owner, "listing", listing["id"])["data"]["state"] == "draft"
    listing = ok(patch(client, owner, listing, agreement=AGREEMENT))
    assert ok(act(client, owner, "submit", listing))["data"]["state"] == "in_review"


def test_a_revision_without_the_agreement_is_agreement_missing_too(client, operator, owner):
    listing = ok(review(client, operator, ok(act(client, owner, "submit", created(client, owner)))["id"], True))
    listing = ok(patch(client, owner, listing, agreement=""))
    assert_error(act(client, owner, "submit", listing), 422, "AGREEMENT_MISSING")


@pytest.mark.parametrize(
    ("over", "field", "code"),
    [
        (
            {"delivery_config": {"callback_url": "http://saas.example.com.cn/cb"}},
            "delivery_config.callback_url",
            "https_required",
        ),
        ({"delivery_config": {"callback_url": "https://[::1"}}, "delivery_config.callback_url", "invalid_url"),
        ({"delivery_config": {}}, "delivery_config.callback_url", "required"),
        ({"delivery_config": None}, "delivery_config", "required"),
        ({"billing": {}}, "billing", "required"),
        ({"billing": None}, "billing", "required"),
        ({"billing": {"monthly": 0}}, "billing.monthly", "price_not_positive"),
        ({"billing": {"yearly": -100}}, "billing.yearly", "price_not_positive"),
        ({"billing": {"payg": 1.5}}, "billing.payg", "price_not_positive"),
        ({"billing": {"payg": "100"}}, "billing.payg", "price_not_positive"),
        ({"billing": {"monthly": 10**30}}, "billing.monthly", "price_too_large"),
        ({"billing": {"weekly": 100}}, "billing.weekly", "unknown_mode"),
        ({"billing": {"x" * 10_000: 100}}, "billing", "unknown_mode"),
        ({"name": "x" * 10_000}, "name", "too_long"),
        ({"name": "   "}, "name", "required"),
        ({"name": 12}, "name", "invalid"),
        ({"summary": ["a"]}, "summary", "invalid"),
        ({"description": "x" * 10_000}, "description", "too_long"),
        ({"agreement": "x" * 20_001}, "agreement", "too_long"),
        ({"name": "a\x00b"}, "name", "unstorable"),
        ({"market": "moon"}, "market", "unknown_market"),
        ({"market": ["saas"]}, "market", "unknown_market"),
    ],
)
def test_bad_content_is_422_naming_the_field_in_both_languages(client, owner, over, field, code):
    err = assert_error(create(client, owner, **over), 422, "VALIDATION_FAILED")
    assert err["details"]["codes"][field] == code
    assert err["details"]["fields"][field] and err["details"]["fields_zh"][field]


@pytest.mark.parametrize(
    ("market", "config", "field"),
    [
        ("image", {"image_id": "m-1"}, "delivery_config.os"),
        ("image", {"image_id": "m-1", "os": "x" * 201}, "delivery_config.os"),
        ("api", {"base_url": "https://api.example.com"}, "delivery_config.quota_per_plan"),
        ("api", {"base_url": "https://a.cn", "quota_per_plan": {"basic": 0}}, "delivery_config.quota_per_plan"),
        (
            "api",
            {"base_url": "https://a.cn", "quota_per_plan": {f"p{i}": 1 for i in range(21)}},
            "delivery_config.quota_per_plan",
        ),
        ("api", {"base_url": "ftp://a.cn", "quota_per_plan": {"basic": 1}}, "delivery_config.base_url"),
        ("custom_service", {"service_scope": "远程"}, "delivery_config.response_hours"),
        ("custom_service", {"service_scope": "远程", "response_hours": 721}, "delivery_config.response_hours"),
        ("custom_service", {"response_hours": 4}, "delivery_config.service_scope"),
    ],
)
def test_each_delivery_type_needs_its_own_configuration(client, owner, market, config, field):
    err = assert_error(create(client, owner, market=market, delivery_config=config), 422, "VALIDATION_FAILED")
    assert field in err["details"]["fields"]


def test_every_bad_field_is_named_at_once_and_other_delivery_keys_are_dropped(client, owner):
    r = create(client, owner, name="", billing={"monthly": 0}, delivery_config={"callback_url": "http://x"})
    assert set(assert_error(r, 422, "VALIDATION_FAILED")["details"]["codes"]) == {
        "name",
        "billing.monthly",
        "delivery_config.callback_url",
    }
    config = {**CONFIGS["saas"], "image_id": "m-1", "extra": {"deep": [1, 2]}}
    assert created(client, owner, delivery_config=config)["data"]["delivery_config"] == CONFIGS["saas"]


def test_the_market_cannot_change_and_edits_are_validated_merged(client, owner):
    listing = created(client, owner)
    err = assert_error(patch(client, owner, listing, market="api"), 422, "VALIDATION_FAILED")
    assert err["details"]["codes"] == {"market": "cannot_change"}
    err = assert_error(patch(client, owner, listing, billing={"monthly": -1}), 422, "VALIDATION_FAILED")
    assert err["details"]["codes"] == {"billing.monthly": "price_not_positive"}
    assert entity_now(client, owner, "listing", listing["id"])["version"] == 1


def test_state_conflicts_are_listing_state(client, operator, owner):
    draft = created(client, owner)
    err = assert_error(act(client, owner, "delist", draft), 409, "LISTING_STATE")
    assert err["details"]["state"] == "draft"
    in_review = ok(act(client, owner, "submit", draft))
    assert_error(patch(client, owner, in_review, name="x"), 409, "LISTING_STATE")
    assert_error(act(client, owner, "submit", in_review), 409, "LISTING_STATE")
    assert_error(act(client, owner, "delist", in_review), 409, "LISTING_STATE")
    on_sale = ok(review(client, operator, in_review["id"], True))
    err = assert_error(act(client, owner, "submit", on_sale), 409, "LISTING_STATE")  # nothing to submit
    assert err["details"] == {"state": "on_sale", "revision_state": None}


def test_a_state_conflict_wins_over_a_stale_version_and_a_stale_version_is_412(client, owner):
    draft = created(client, owner)
    assert_error(act(client, owner, "delist", draft, if_match=99), 409, "LISTING_STATE")
    edited = ok(patch(client, owner, draft, name="第二版"))
    err = assert_error(patch(client, owner, draft, name="第三版"), 412, "VERSION_CONFLICT")
    assert err["details"]["current"] == edited and err["details"]["expected_version"] == 1
    assert_error(act(client, owner, "submit", draft), 412, "VERSION_CONFLICT")
    in_review = ok(act(client, owner, "submit", edited))
    assert_error(patch(client, owner, in_review, if_match=1, name="x"), 409, "LISTING_STATE")


def test_if_match_is_required_and_must_be_a_version(client, owner):
    listing = created(client, owner)
    for verb in ["submit", "delist"]:
        r = send(client, "POST", f"/listings/{listing['id']}/{verb}", owner)
        assert_error(r, 428, "PRECONDITION_REQUIRED")
    assert_error(send(client, "PATCH", f"/listings/{listing['id']}", owner, json={}), 428, "PRECONDITION_REQUIRED")
    assert_error(patch(client, owner, listing, if_match="v1", name="x"), 400, "MALFORMED_REQUEST")
    # If-Match is checked before the body (428 before 422).
    r = send(client, "PATCH", f"/listings/{listing['id']}", owner, json={"name": "x" * 10_000})
    assert_error(r, 428, "PRECONDITION_REQUIRED")


def test_an_invalid_edit_of_a_listing_in_review_is_422_before_409(client, owner):
    in_review = ok(act(client, owner, "submit", created(client, owner)))
    assert_error(patch(client, owner, in_review, name=""), 422, "VALIDATION_FAILED")


@pytest.mark.parametrize("role", ["finance", "support", "viewer"])
def test_roles_without_listings_write_are_403_for_every_listing_command(client, vendor, owner, role):
    listing = created(client, owner)
    headers = bearer(login(client, vendor, role))
    assert_error(create(client, headers), 403, "PERMISSION_DENIED")
    assert_error(patch(client, headers, listing, name="x"), 403, "PERMISSION_DENIED")
    assert_error(act(client, headers, "submit", listing), 403, "PERMISSION_DENIED")
    assert_error(act(client, headers, "delist", listing), 403, "PERMISSION_DENIED")
    r = send(client, "PATCH", "/listings/no-such-listing", headers, json={"name": "x" * 10_000})
    assert_error(r, 403, "PERMISSION_DENIED")  # 403 before 404 and before the body
    assert entity_now(client, owner, "listing", listing["id"])["version"] == 1


def test_the_viewer_sees_listings_in_sync_but_cannot_create_one(client, vendor, owner):
    listing = created(client, owner)
    viewer = bearer(login(client, vendor, "viewer"))
    assert entity_now(client, viewer, "listing", listing["id"]) == {**listing, "deleted": False}
    assert_error(create(client, viewer), 403, "PERMISSION_DENIED")


def test_another_vendors_listing_or_an_unknown_one_is_404(client, seed, owner):
    other = seed(seed=2)
    theirs = created(client, bearer(login(client, other)))
    assert_error(patch(client, owner, theirs, name="mine now"), 404, "NOT_FOUND")
    assert_error(act(client, owner, "submit", theirs), 404, "NOT_FOUND")
    r = send(client, "POST", "/listings/no-such-listing/delist", owner)  # 404 before 428
    assert_error(r, 404, "NOT_FOUND")


def test_commands_need_sign_in_then_an_idempotency_key(client, vendor):
    r = client.post("/api/v1/listings", json=draft_body())
    assert_error(r, 401, "NOT_AUTHENTICATED")
    viewer = bearer(login(client, vendor, "viewer"))
    r = client.post("/api/v1/listings", json=draft_body(), headers=viewer)
    assert_error(r, 400, "IDEMPOTENCY_KEY_REQUIRED")  # the key before the role


def test_a_retried_create_replays_the_201_and_creates_one_listing(client, owner):
    first = send(client, "POST", "/listings", owner, json=draft_body(name="只建一次"), key="create-1")
    again = send(client, "POST", "/listings", owner, json=draft_body(name="只建一次"), key="create-1")
    assert first.status_code == again.status_code == 201 and again.json() == first.json()
    assert again.headers.get("Idempotent-Replayed") == "true"
    changes, _ = pull_all(client, owner)
    assert [c["id"] for c in changes if c["entity"] == "listing" and c["data"]["name"] == "只建一次"] == [
        first.json()["id"]
    ]
    other = send(client, "POST", "/listings", owner, json=draft_body(name="另一个"), key="create-1")
    assert_error(other, 422, "IDEMPOTENCY_KEY_REUSED")
