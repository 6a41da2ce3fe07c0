"""The vendor's account (SPEC §9): which profile and bank-account values are refused and why, what
goes on the wire, and what a role without the full bank account number sees."""

import pytest

from vendor_desktop.domain.account import (
    BANK_LENGTHS,
    ONBOARDING_ORDER,
    PROFILE_LENGTHS,
    FieldProblem,
    OnboardingStep,
    bank_account_problems,
    mask_account_number,
    normalized,
    profile_problems,
)

PROFILE = {
    "company_name": "杭州云栈科技有限公司",
    "contact_name": "王磊",
    "contact_phone": "13800138000",
    "cs_phone": "400-820-8820",
    "cs_email": "support@yunzhan.example.cn",
    "cs_qq": "800012345",
}
BANK = {
    "holder": "杭州云栈科技有限公司",
    "bank": "招商银行",
    "branch": "杭州分行营业部",
    "account_number": "6225888812345678",
}


def profile_problem(field, value):
    return profile_problems({**PROFILE, field: value}).get(field)


def test_a_complete_profile_and_bank_account_have_no_problems():
    # R-ACC-1, R-ACC-2
    assert profile_problems(PROFILE) == {}
    assert bank_account_problems(BANK) == {}


@pytest.mark.parametrize(
    "phone",
    [
        "13800138000",
        "138 0013 8000",  # as people type it
        "19912345678",
        "010-88886666",  # Beijing: 3-digit area code, 8 digits
        "01088886666",
        "010 8888 6666",
        "0571-8888666",  # 4-digit area code, 7 digits
        "0755-88886666-123",  # with an extension
        "0755-88886666-123456",
        "400-820-8820",  # service numbers
        "4008208820",
        "800-820-8820",
    ],
)
def test_mobile_landline_and_service_numbers_are_accepted(phone):
    # R-ACC-1 customer-service and contact phones
    assert profile_problem("cs_phone", phone) is None
    assert profile_problem("contact_phone", phone) is None


@pytest.mark.parametrize(
    "phone",
    [
        "12800138000",  # no mobile prefix 12
        "1380013800",  # a digit short
        "88886666",  # a landline without its area code
        "10-88886666",  # an area code starts with 0
        "010-8888666-1234567",  # extension too long
        "500-820-8820",  # only 400 and 800 service numbers
        "+86 138 0013 8000",
        "138-0013-8000",
        "phone me",
    ],
)
def test_other_phone_numbers_are_not_a_phone(phone):
    assert profile_problem("cs_phone", phone) is FieldProblem.NOT_A_PHONE


def test_a_phone_longer_than_twenty_characters_is_too_long_whatever_its_shape():
    assert profile_problem("contact_phone", "1" * 21) is FieldProblem.TOO_LONG


@pytest.mark.parametrize(
    ("qq", "problem"),
    [
        ("10001", None),  # the shortest QQ numbers have 5 digits
        ("800 012 345", None),  # spaces are dropped
        ("123456789012", None),
        ("1234", FieldProblem.NOT_A_QQ),  # the pattern speaks before the length: "not a QQ" helps more
        ("01234", FieldProblem.NOT_A_QQ),  # never a leading 0
        ("12345a", FieldProblem.NOT_A_QQ),
        ("1234567890123", FieldProblem.TOO_LONG),
    ],
)
def test_qq_numbers(qq, problem):
    assert profile_problem("cs_qq", qq) is problem


@pytest.mark.parametrize(
    ("email", "problem"),
    [
        ("support@yunzhan.example.cn", None),
        ("客服@example.cn", None),  # the local part may be any non-space characters
        ("first.last+cs@mail-1.example.com", None),
        ("support@example", FieldProblem.NOT_AN_EMAIL),  # no dot in the domain
        ("support.example.com", FieldProblem.NOT_AN_EMAIL),
        ("@example.com", FieldProblem.NOT_AN_EMAIL),
        ("sup port@example.com", FieldProblem.NOT_AN_EMAIL),
        ("support@-example.com", FieldProblem.NOT_AN_EMAIL),
        ("support@example-.com", FieldProblem.NOT_AN_EMAIL),
        ("a@b@example.com", FieldProblem.NOT_AN_EMAIL),
        ("x" * 65 + "@example.com", FieldProblem.NOT_AN_EMAIL),  # local part over 64
        ("x" * 64 + "@" + "d" * 63 + "." + "e" * 63 + "." + "f" * 62, FieldProblem.TOO_LONG),
    ],
)
def test_email_addresses(email, problem):
    assert profile_problem("cs_email", email) is problem


@pytest.mark.parametrize("field", list(PROFILE_LENGTHS))
@pytest.mark.parametrize("value", ["", "   ", None])
def test_an_empty_profile_field_is_empty(field, value):
    assert profile_problem(field, value) is FieldProblem.EMPTY


def test_missing_fields_are_each_named_empty():
    # The server names every bad field in details.fields; the app marks each.
    assert profile_problems({}) == dict.fromkeys(PROFILE_LENGTHS, FieldProblem.EMPTY)
    assert bank_account_problems({}) == dict.fromkeys(BANK_LENGTHS, FieldProblem.EMPTY)


def test_names_are_measured_after_trimming():
    assert profile_problem("company_name", " 云 ") is FieldProblem.TOO_SHORT
    assert profile_problem("company_name", "云栈") is None
    assert profile_problem("company_name", "云" * 100) is None
    assert profile_problem("company_name", "云" * 101) is FieldProblem.TOO_LONG
    assert profile_problem("contact_name", "王") is None
    assert profile_problem("contact_name", "王" * 51) is FieldProblem.TOO_LONG


def test_only_numbers_lose_their_inner_spaces_on_the_wire():
    assert normalized("company_name", "  云栈  科技 ") == "云栈  科技"
    assert normalized("cs_phone", " 010 8888\t6666 ") == "01088886666"
    assert normalized("cs_qq", "800 012 345") == "800012345"
    assert normalized("account_number", "6225 8888 1234 5678") == "6225888812345678"
    assert normalized("cs_email", " a b@x.cn ") == "a b@x.cn"  # refused, not silently repaired


@pytest.mark.parametrize(
    ("number", "problem"),
    [
        ("6225 8888 1234 5678", None),  # spaces normalised
        ("12345678", None),
        ("1" * 30, None),
        ("1234567", FieldProblem.NOT_AN_ACCOUNT_NUMBER),
        ("6225-8888-1234-5678", FieldProblem.NOT_AN_ACCOUNT_NUMBER),
        ("1" * 31, FieldProblem.TOO_LONG),
    ],
)
def test_bank_account_numbers(number, problem):
    # R-WDR-4: withdrawals go to this account; a wrong number is caught before it is saved
    assert bank_account_problems({**BANK, "account_number": number}).get("account_number") is problem


@pytest.mark.parametrize(
    ("field", "typed"),
    [("account_number", "6225８８８８12345678"), ("cs_phone", "138００１３８０００"), ("cs_qq", "8０００12345")],
)
def test_full_width_digits_never_reach_the_wire(field, typed):
    # A Chinese input method types full-width digits (８); a bank or a phone system takes only ASCII.
    values = {**PROFILE, **BANK, field: typed}
    problems = bank_account_problems(values) | profile_problems(values)
    assert field not in problems  # accepted, as the user meant it …
    assert normalized(field, typed).isascii()  # … and sent as ASCII digits


def test_other_unicode_digits_are_refused():
    # Arabic-Indic digits are digits to ``\d`` without re.ASCII, and NFKC leaves them as they are.
    assert profile_problems({**PROFILE, "cs_qq": "٨٠٠٠١٢٣٤٥"})["cs_qq"] is FieldProblem.NOT_A_QQ


def test_bank_names_have_their_lengths():
    assert bank_account_problems({**BANK, "holder": "王"}) == {"holder": FieldProblem.TOO_SHORT}
    assert bank_account_problems({**BANK, "bank": "银" * 51}) == {"bank": FieldProblem.TOO_LONG}
    assert bank_account_problems({**BANK, "branch": ""}) == {"branch": FieldProblem.EMPTY}


@pytest.mark.parametrize(
    ("number", "shown"),
    [
        ("6225888812345678", "**** 5678"),
        ("12345", "**** 2345"),
        ("1234", "****"),  # too short to show anything without showing all of it
        ("", "****"),
    ],
)
def test_the_account_number_is_masked_to_its_last_four_digits(number, shown):
    # SPEC §11: finance sees the bank account masked; only the main account sees it whole
    assert mask_account_number(number) == shown


def test_onboarding_steps_are_in_the_order_a_vendor_takes_them():
    # R-ACC-4: register → agree → real-name verification → fill info → certification fee
    assert ONBOARDING_ORDER == (
        OnboardingStep.REGISTER,
        OnboardingStep.AGREE,
        OnboardingStep.VERIFY,
        OnboardingStep.FILL_INFO,
        OnboardingStep.CERTIFICATION_FEE,
    )
