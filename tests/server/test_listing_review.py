"""The marketplace's side of listings: the operator's review and its in-app messages (R-LST-3,
R-LST-5, R-LST-6), review due dates in working days (R-LST-4), the seeded demo listings, and
listing commands fed random input (no 500)."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vendor_desktop.domain.workdays import SHANGHAI

from .conftest import API, assert_error, bearer, login, pull_all, send
from .listing_helpers import act, created, ok, patch, review


@pytest.fixture
def owner(client, vendor):
    return bearer(login(client, vendor))


def _messages_about(client, headers, listing_id: str) -> list[dict[str, Any]]:
    changes, _ = pull_all(client, headers)
    return [c["data"] for c in changes if c["entity"] == "message" and c["data"]["listing_id"] == listing_id]


def test_approval_and_rejection_reach_the_vendor_as_messages_in_both_languages(client, operator, owner):
    approved = ok(act(client, owner, "submit", created(client, owner, name="极速建站")))
    ok(review(client, operator, approved["id"], True))
    [message] = _messages_about(client, owner, approved["id"])  # R-LST-6
    assert message["kind"] == "listing_approved" and message["order_id"] is None and message["read"] is False
    assert "极速建站" in message["title"] + message["body"] and "极速建站" in message["body_en"]
    assert message["title"] == "商品审核通过" and message["title_en"] == "Listing approved"

    rejected = ok(act(client, owner, "submit", created(client, owner, name="智能客服")))
    ok(review(client, operator, rejected["id"], False, "  缺少资质证明。 "))
    [message] = _messages_about(client, owner, rejected["id"])
    assert message["kind"] == "listing_rejected" and message["title_en"] == "Listing rejected"
    assert "智能客服" in message["body"] and "缺少资质证明" in message["body"] and "缺少资质证明" in message["body_en"]
    listing = next(c for c in pull_all(client, owner)[0] if c["id"] == rejected["id"])
    assert listing["data"]["reject_reason"] == "缺少资质证明。"  # trimmed


def test_a_revisions_review_result_says_the_live_version_is_kept_or_replaced(client, operator, owner):
    listing = ok(review(client, operator, ok(act(client, owner, "submit", created(client, owner)))["id"], True))
    listing = ok(act(client, owner, "submit", ok(patch(client, owner, listing, name="新版名称"))))
    ok(review(client, operator, listing["id"], False, "价格说明不清"))
    rejected = _messages_about(client, owner, listing["id"])[-1]
    assert rejected["kind"] == "listing_rejected" and "已上架的版本保持不变" in rejected["body"]
    assert "stays" in rejected["body_en"] and "价格说明不清" in rejected["body"]
    listing = next(c for c in pull_all(client, owner)[0] if c["id"] == listing["id"])
    ok(review(client, operator, ok(act(client, owner, "submit", listing))["id"], True))
    approved = _messages_about(client, owner, listing["id"])[-1]
    assert approved["kind"] == "listing_approved" and "新版名称" in approved["body"] and "live" in approved["body_en"]


@pytest.mark.parametrize("reason", [None, "", "   ", "x" * 201, "a\x00b"])
def test_a_rejection_needs_a_reason_of_1_to_200_characters(client, operator, owner, reason):
    listing = ok(act(client, owner, "submit", created(client, owner)))
    err = assert_error(review(client, operator, listing["id"], False, reason), 422, "VALIDATION_FAILED")
    assert "reason" in err["details"]["fields"] and "reason" in err["details"]["fields_zh"]
    assert ok(review(client, operator, listing["id"], False, "x" * 200))["data"]["reject_reason"] == "x" * 200


def test_reviewing_needs_something_in_review_the_operator_and_a_listing(client, operator, owner):
    draft = created(client, owner)
    err = assert_error(review(client, operator, draft["id"], True), 409, "LISTING_STATE")
    assert err["details"] == {"state": "draft", "revision_state": None}
    on_sale = ok(review(client, operator, ok(act(client, owner, "submit", draft))["id"], True))
    assert_error(review(client, operator, on_sale["id"], False, "again"), 409, "LISTING_STATE")
    assert_error(review(client, operator, "no-such-listing", True), 404, "NOT_FOUND")
    assert_error(review(client, owner, on_sale["id"], True), 401, "INVALID_TOKEN")  # a vendor is not the operator
    r = client.post(f"{API}/sandbox/listings/{on_sale['id']}/review", json={"approve": "yes"}, headers=operator)
    assert "approve" in assert_error(r, 422, "VALIDATION_FAILED")["details"]["fields"]


# --- R-LST-4: review due in working days -----------------------------------------------------


def test_review_due_counts_working_days_across_national_day(client, clock, owner):
    clock.set(dt.datetime(2026, 9, 29, 16, 0, tzinfo=SHANGHAI))
    saas = ok(act(client, owner, "submit", created(client, owner, market="saas")))
    assert saas["data"]["review_due"] == "2026-10-14" and saas["data"]["review_due_approximate"] is False
    image = ok(act(client, owner, "submit", created(client, owner, market="image")))
    assert image["data"]["security_review"] is True and image["data"]["review_due"] > "2026-10-14"


def test_the_business_date_is_shanghais(client, clock, owner):
    clock.set(dt.datetime(2026, 9, 28, 17, 0, tzinfo=dt.UTC))  # 01:00 on the 29th in Shanghai
    saas = ok(act(client, owner, "submit", created(client, owner, market="saas")))
    assert saas["data"]["review_due"] == "2026-10-14" and saas["data"]["submitted_at"].startswith("2026-09-29T01:00")


def test_a_review_due_in_a_year_without_a_known_calendar_is_approximate(client, clock, vendor):
    clock.set(dt.datetime(2099, 3, 2, 10, 0, tzinfo=SHANGHAI))
    owner = bearer(login(client, vendor))  # signed in at the new time
    listing = ok(act(client, owner, "submit", created(client, owner)))
    assert listing["data"]["review_due_approximate"] is True and listing["data"]["review_due"] == "2099-03-11"


# --- seeded demo listings ----------------------------------------------------------------------


def test_the_seeded_demo_has_every_listing_state_a_revision_in_review_and_a_rejection(client, seed):
    vendor = seed(seed=7, listings=20)
    changes, _ = pull_all(client, bearer(login(client, vendor)))
    listings = [c["data"] for c in changes if c["entity"] == "listing"]
    assert {x["state"] for x in listings} == {"draft", "in_review", "on_sale", "rejected", "delisted"}
    revised = [x for x in listings if x["revision"]]
    assert len(revised) == 1 and revised[0]["state"] == "on_sale" and revised[0]["revision"]["state"] == "in_review"
    assert revised[0]["revision"]["review_due"] and revised[0]["revision"]["billing"] != revised[0]["billing"]
    rejected = [x for x in listings if x["state"] == "rejected"]
    assert rejected and all(x["reject_reason"] for x in rejected)
    for x in listings:
        assert (x["review_due"] is not None) == (x["state"] == "in_review")
        assert x["security_review"] is (x["state"] == "in_review" and x["delivery"] == "image")
    kinds = {c["data"]["kind"] for c in changes if c["entity"] == "message" and c["data"]["listing_id"]}
    assert kinds == {"listing_approved", "listing_rejected"}


def test_seeding_listings_stays_deterministic(client, seed, operator):
    def listings(vendor: dict[str, Any]) -> list[Any]:
        changes, _ = pull_all(client, bearer(login(client, vendor)))
        return [
            (c["data"]["name"], c["data"]["state"], c["data"]["billing"]) for c in changes if c["entity"] == "listing"
        ]

    first = listings(seed(seed=8, listings=20))
    again = listings(seed(seed=8, listings=20, account_id="another-vendor"))
    assert first == again


def test_the_seeded_revision_in_review_can_be_approved(client, operator, vendor, owner):
    listing_id = f"lst-{vendor['account_id']}-9"
    listing = ok(review(client, operator, listing_id, True))
    assert listing["data"]["revision"] is None and "全新升级" in listing["data"]["summary"]


# --- random input never crashes the server ------------------------------------------------------

_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=10,
)
_listing_fields = st.fixed_dictionaries(
    {},
    optional={
        k: _json | st.text(max_size=300)
        for k in ["market", "name", "summary", "description", "billing", "delivery_config", "agreement"]
    }
    | {
        "billing": st.dictionaries(st.sampled_from(["payg", "monthly", "yearly", "x"]), _json, max_size=3),
        "delivery_config": st.dictionaries(
            st.sampled_from(["callback_url", "base_url", "quota_per_plan", "image_id", "os", "response_hours"]),
            _json | st.text(max_size=40).map(lambda t: "https://" + t),
            max_size=4,
        ),
        "market": st.sampled_from(["saas", "api", "image", "security", "moon"]) | _json,
    },
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    target=st.sampled_from([("POST", "/listings"), ("PATCH", "/listings/{id}"), ("POST", "/listings/{id}/submit")]),
    body=_listing_fields | _json,
)
def test_random_listing_commands_never_crash_the_server(client, vendor, target, body):
    state = client.app.state
    if not hasattr(state, "test_listing"):
        state.test_owner = bearer(login(client, vendor))
        state.test_listing = created(client, state.test_owner)["id"]
    method, path = target[0], target[1].format(id=state.test_listing)
    headers = {**state.test_owner, "Content-Type": "application/json", "Idempotency-Key": uuid.uuid4().hex}
    headers["If-Match"] = "1"
    r = client.request(method, f"{API}{path}", content=json.dumps(body), headers=headers)
    assert r.status_code < 500, r.text
    if r.status_code >= 400:
        assert set(r.json()["error"]) == {"code", "message", "message_zh", "details"}
    if r.status_code == 422 and r.json()["error"]["code"] == "VALIDATION_FAILED" and isinstance(body, dict):
        details = r.json()["error"]["details"]
        assert set(details["fields"]) == set(details.get("fields_zh", details["fields"]))


def test_hostile_text_in_listing_commands_is_a_clean_answer(client, owner):
    sql = "'; DROP TABLE listings;--"
    listing = created(client, owner, name=sql, summary=sql)
    assert listing["data"]["name"] == sql
    assert_error(send(client, "PATCH", f"/listings/{sql}", owner, json={}, if_match=1), 404, "NOT_FOUND")
    assert_error(
        send(client, "PATCH", f"/listings/{'x' * 10_000}", owner, json={}, if_match=1), 422, "VALIDATION_FAILED"
    )
    r = client.patch(
        f"{API}/listings/{listing['id']}",
        content=b"{",
        headers={**owner, "Idempotency-Key": "k-broken", "If-Match": "1", "Content-Type": "application/json"},
    )
    assert_error(r, 400, "MALFORMED_REQUEST")
    body = '{"market": "saas", "name": "a\\ud800", "summary": "s", "billing": {"monthly": 1}, "delivery_config": {}}'
    r = client.post(
        f"{API}/listings",
        content=body,
        headers={**owner, "Idempotency-Key": "k-sur", "Content-Type": "application/json"},
    )
    assert "name" in assert_error(r, 422, "VALIDATION_FAILED")["details"]["fields"]
