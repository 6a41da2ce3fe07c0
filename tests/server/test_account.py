"""The vendor's account (SPEC §9): the profile (R-ACC-1) and the bank account (R-ACC-2) are the
main account's to edit, checked field by field (422 naming each with a domain.account
FieldProblem, nothing changed); the bank account locks once the revenue supplementary agreement
is signed (409 BANK_ACCOUNT_LOCKED); its number reaches only the main account whole (SPEC §11);
onboarding shows which steps are done (R-ACC-4)."""

from __future__ import annotations

from .conftest import assert_error, entity_now, send
from .money_helpers import money_of, money_vendor, owner_of, sign

PROFILE = {
    "company_name": "杭州云帆科技有限公司",
    "contact_name": "王小明",
    "contact_phone": "138 0013 8000",
    "cs_phone": "400-820-8820",
    "cs_email": "kefu@yunfan.com.cn",
    "cs_qq": "800012345",
}
BANK = {
    "holder": "杭州云帆科技有限公司",
    "bank": "招商银行",
    "branch": "杭州高新支行",
    "account_number": "6214 8301 2345 6789",
}


def _profile(client, headers, vendor):
    return entity_now(client, headers, "vendor_profile", vendor["account_id"])


def test_the_owner_edits_the_profile_and_gets_it_back_as_stored(client, seed):
    vendor = money_vendor(seed, seed=61)
    owner = owner_of(client, vendor)
    before = _profile(client, owner, vendor)
    r = send(client, "PUT", "/vendor/profile", owner, json=PROFILE, if_match=before["version"])
    assert r.status_code == 200, r.text
    data = r.json()["data"]
    assert data["contact_phone"] == "13800138000" and data["cs_email"] == PROFILE["cs_email"]
    assert r.json()["version"] == before["version"] + 1
    assert _profile(client, owner_of(client, vendor, "viewer"), vendor)["data"] == data  # everyone reads it
    assert [s["step"] for s in data["onboarding"]] == ["register", "agree", "verify", "fill_info", "certification_fee"]
    assert all(s["done"] for s in data["onboarding"])


def test_a_bad_profile_names_every_bad_field_and_changes_nothing(client, seed):
    vendor = money_vendor(seed, seed=62)
    owner = owner_of(client, vendor)
    before = _profile(client, owner, vendor)
    bad = PROFILE | {
        "company_name": "公" * 101,
        "contact_name": "\u200b \u200b",  # invisible only: empty
        "contact_phone": "12345",
        "cs_email": "kefu@",
        "cs_qq": "012345",
        "cs_phone": "400\x07820",  # a control character
    }
    r = send(client, "PUT", "/vendor/profile", owner, json=bad, if_match=before["version"])
    assert assert_error(r, 422, "VALIDATION_FAILED")["details"]["fields"] == {
        "company_name": "too_long",
        "contact_name": "empty",
        "contact_phone": "not_a_phone",
        "cs_email": "not_an_email",
        "cs_qq": "not_a_qq",
        "cs_phone": "invalid_characters",
    }
    assert _profile(client, owner, vendor) == before


def test_profile_edits_need_the_version_and_the_main_account(client, seed):
    vendor = money_vendor(seed, seed=63)
    owner = owner_of(client, vendor)
    version = _profile(client, owner, vendor)["version"]
    assert_error(send(client, "PUT", "/vendor/profile", owner, json=PROFILE), 428, "PRECONDITION_REQUIRED")
    err = assert_error(
        send(client, "PUT", "/vendor/profile", owner, json=PROFILE, if_match=version + 1), 412, "VERSION_CONFLICT"
    )
    assert err["details"]["current"]["version"] == version
    for role in ("operations", "finance", "support", "viewer"):
        r = send(client, "PUT", "/vendor/profile", owner_of(client, vendor, role), json=PROFILE, if_match=version)
        assert_error(r, 403, "PERMISSION_DENIED")


def test_the_bank_account_is_editable_until_the_revenue_agreement_is_signed(client, operator, seed):
    """R-ACC-2: then only through a ticket — 409 even when the version is stale."""
    vendor = money_vendor(seed, seed=64, agreements=["access"])
    owner = owner_of(client, vendor)
    current = entity_now(client, owner, "bank_account", vendor["account_id"])
    assert current["data"]["locked"] is False
    r = send(client, "PUT", "/vendor/bank-account", owner, json=BANK, if_match=current["version"])
    assert r.status_code == 200, r.text
    assert r.json()["data"]["account_number"] == "6214830123456789"  # the owner sees it whole
    assert sign(client, operator, vendor, "revenue").status_code == 200
    locked = entity_now(client, owner, "bank_account", vendor["account_id"])
    assert locked["data"]["locked"] is True and locked["version"] == r.json()["version"] + 1
    for version in (locked["version"], 1):
        r = send(client, "PUT", "/vendor/bank-account", owner, json=BANK | {"bank": "中国银行"}, if_match=version)
        assert_error(r, 409, "BANK_ACCOUNT_LOCKED")
    assert entity_now(client, owner, "bank_account", vendor["account_id"])["data"]["bank"] == "招商银行"


def test_a_bad_bank_account_names_every_bad_field(client, seed):
    vendor = money_vendor(seed, seed=65, agreements=["access"])
    owner = owner_of(client, vendor)
    version = entity_now(client, owner, "bank_account", vendor["account_id"])["version"]
    bad = {"holder": "公", "bank": "", "branch": "x" * 101, "account_number": "6214-8301"}
    r = send(client, "PUT", "/vendor/bank-account", owner, json=bad, if_match=version)
    assert assert_error(r, 422, "VALIDATION_FAILED")["details"]["fields"] == {
        "holder": "too_short",
        "bank": "empty",
        "branch": "too_long",
        "account_number": "not_an_account_number",
    }


def test_a_vendor_without_a_bank_account_adds_one_at_version_0(client, seed):
    vendor = money_vendor(seed, seed=66, bank_account=False, agreements=["access"])
    owner = owner_of(client, vendor)
    assert money_of(client, owner)["bank_account"] is None
    assert_error(send(client, "PUT", "/vendor/bank-account", owner, json=BANK, if_match=1), 412, "VERSION_CONFLICT")
    r = send(client, "PUT", "/vendor/bank-account", owner, json=BANK, if_match=0)
    assert r.status_code == 200, r.text
    assert r.json()["version"] == 1 and r.json()["id"] == vendor["account_id"]


def test_only_the_main_account_sees_the_whole_account_number(client, seed):
    """SPEC §11: finance reads the bank account masked; other roles do not receive it; only the
    main account edits it."""
    vendor = money_vendor(seed, seed=67, agreements=["access"])
    whole = money_of(client, owner_of(client, vendor))["bank_account"]["account_number"]
    finance = owner_of(client, vendor, "finance")
    assert money_of(client, finance)["bank_account"]["account_number"] == f"**** {whole[-4:]}"
    for role in ("operations", "support", "viewer"):
        assert money_of(client, owner_of(client, vendor, role))["bank_account"] is None
    assert_error(send(client, "PUT", "/vendor/bank-account", finance, json=BANK, if_match=1), 403, "PERMISSION_DENIED")


def test_onboarding_shows_agree_done_once_the_access_agreement_is_signed(client, operator, seed):
    """R-ACC-4: a seeded vendor has every step done but what its agreements say."""
    vendor = money_vendor(seed, seed=68, agreements=[])
    owner = owner_of(client, vendor)
    steps = lambda: {s["step"]: s["done"] for s in _profile(client, owner, vendor)["data"]["onboarding"]}  # noqa: E731
    assert steps() == {"register": True, "agree": False, "verify": True, "fill_info": True, "certification_fee": True}
    assert sign(client, operator, vendor, "access").status_code == 200
    assert steps()["agree"] is True
    agreements = money_of(client, owner_of(client, vendor, "viewer"))["agreements"]  # everyone reads them
    assert agreements["access"]["signed"] is True and agreements["revenue"]["signed"] is False
