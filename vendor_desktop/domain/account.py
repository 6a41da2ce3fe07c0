"""The vendor's account (账户信息 / 账户管理), SPEC §9: the profile's fields and their checks
(R-ACC-1), the bank account (R-ACC-2, R-WDR-4) and the onboarding steps (R-ACC-4).

The sandbox refuses what these checks refuse (422 naming the field); the app runs the same
checks as the user types, so nothing that would be refused is queued.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from enum import StrEnum

# Mainland mobile (138 0013 8000), landline with area code (010-8888 6666, optional extension),
# or a 400/800 service number (400-820-8820). Spaces are the user's; the wire has none.
# re.ASCII: ``\d`` would otherwise take any Unicode digit (full-width ８, Arabic-Indic …), which
# no bank or phone system accepts.
_PHONE = re.compile(r"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?|[48]00-?\d{3}-?\d{4})$", re.ASCII)
_QQ = re.compile(r"^[1-9]\d{4,11}$", re.ASCII)  # QQ numbers: 5–12 digits, never a leading 0
_EMAIL = re.compile(r"^[^@\s]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9-]{1,63})+$")
_ACCOUNT_NUMBER = re.compile(r"^\d{8,30}$", re.ASCII)  # a mainland bank account number, digits only

#: Field → (shortest, longest) length in characters, after trimming.
PROFILE_LENGTHS: dict[str, tuple[int, int]] = {
    "company_name": (2, 100),
    "contact_name": (1, 50),
    "contact_phone": (5, 20),
    "cs_phone": (5, 20),
    "cs_email": (3, 254),
    "cs_qq": (5, 12),
}
BANK_LENGTHS: dict[str, tuple[int, int]] = {
    "holder": (2, 100),
    "bank": (2, 50),
    "branch": (2, 100),
    "account_number": (8, 30),
}


class FieldProblem(StrEnum):
    """Why a value is refused; the app words each, the server puts it in ``details.fields``."""

    EMPTY = "empty"
    TOO_SHORT = "too_short"
    TOO_LONG = "too_long"
    NOT_A_PHONE = "not_a_phone"
    NOT_A_QQ = "not_a_qq"
    NOT_AN_EMAIL = "not_an_email"
    NOT_AN_ACCOUNT_NUMBER = "not_an_account_number"
    # Control characters, lone surrogates (API.md "Conventions"): the server's check, which the
    # app's typing never produces but a pasted value can.
    INVALID_CHARACTERS = "invalid_characters"


_PATTERNS: dict[str, tuple[re.Pattern[str], FieldProblem]] = {
    "contact_phone": (_PHONE, FieldProblem.NOT_A_PHONE),
    "cs_phone": (_PHONE, FieldProblem.NOT_A_PHONE),
    "cs_qq": (_QQ, FieldProblem.NOT_A_QQ),
    "cs_email": (_EMAIL, FieldProblem.NOT_AN_EMAIL),
    "account_number": (_ACCOUNT_NUMBER, FieldProblem.NOT_AN_ACCOUNT_NUMBER),
}


def normalized(field: str, value: str) -> str:
    """What goes on the wire: trimmed; phone, QQ and account numbers without the user's spaces and
    with full-width digits and hyphens (what a Chinese input method types: ８, －) as ASCII."""
    value = value.strip()
    if field in ("contact_phone", "cs_phone", "account_number", "cs_qq"):
        value = re.sub(r"\s+", "", unicodedata.normalize("NFKC", value))
    return value


def _problems(values: Mapping[str, str], lengths: Mapping[str, tuple[int, int]]) -> dict[str, FieldProblem]:
    found: dict[str, FieldProblem] = {}
    for field, (shortest, longest) in lengths.items():
        value = normalized(field, values.get(field, "") or "")
        if not value:
            found[field] = FieldProblem.EMPTY
        elif len(value) > longest:
            found[field] = FieldProblem.TOO_LONG
        elif field in _PATTERNS and not _PATTERNS[field][0].match(value):
            found[field] = _PATTERNS[field][1]
        elif len(value) < shortest:
            found[field] = FieldProblem.TOO_SHORT
    return found


def profile_problems(values: Mapping[str, str]) -> dict[str, FieldProblem]:
    """R-ACC-1: each profile field that would be refused, and why (empty when all are fine)."""
    return _problems(values, PROFILE_LENGTHS)


def bank_account_problems(values: Mapping[str, str]) -> dict[str, FieldProblem]:
    """R-ACC-2/R-WDR-4: each bank-account field that would be refused, and why."""
    return _problems(values, BANK_LENGTHS)


def mask_account_number(number: str) -> str:
    """SPEC §11: everyone but the main account sees only the last four digits: ``**** 1234``."""
    return f"**** {number[-4:]}" if len(number) > 4 else "****"


class OnboardingStep(StrEnum):
    """R-ACC-4, in order: register → agree → real-name verification → fill info → pay the
    platform certification fee (平台认证费)."""

    REGISTER = "register"  # 注册
    AGREE = "agree"  # 签署接入协议
    VERIFY = "verify"  # 实名认证 (business licence, bank account opening permit)
    FILL_INFO = "fill_info"  # 完善资料
    CERTIFICATION_FEE = "certification_fee"  # 缴纳平台认证费


ONBOARDING_ORDER: tuple[OnboardingStep, ...] = tuple(OnboardingStep)
