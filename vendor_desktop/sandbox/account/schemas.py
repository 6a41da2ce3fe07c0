"""Request bodies of the account commands (账户信息): the profile (R-ACC-1) and the bank account
(R-ACC-2), and of the agreement control.

Types are checked by the schema (a number for a text is 422 at once); the fields' rules
(``domain.account``: lengths after trimming, phone, QQ, e-mail and account-number patterns; no
control characters, API.md "Conventions") are checked by ``rules``, after permission and If-Match,
and answer 422 VALIDATION_FAILED with ``details.fields`` = {field: domain.account.FieldProblem}.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field, StrictStr

from vendor_desktop.domain.account import BANK_LENGTHS, PROFILE_LENGTHS

from ..core.schemas import AccountId, StrictBody

_RULES = "; else 422 VALIDATION_FAILED, details.fields.{field} a domain.account.FieldProblem"


def _text(field: str, lengths: dict[str, tuple[int, int]], what: str) -> Any:
    shortest, longest = lengths[field]
    return Field(
        description=f"{what}: {shortest}–{longest} characters once trimmed{_RULES}",
        json_schema_extra={"maxLength": longest},
    )


class ProfileRequest(StrictBody):
    """R-ACC-1: the whole profile (company, contact, customer service)."""

    company_name: StrictStr = _text("company_name", PROFILE_LENGTHS, "公司名称")
    contact_name: StrictStr = _text("contact_name", PROFILE_LENGTHS, "联系人")
    contact_phone: StrictStr = _text(
        "contact_phone", PROFILE_LENGTHS, "联系人电话: a mainland mobile, landline or 400/800 number"
    )
    cs_phone: StrictStr = _text("cs_phone", PROFILE_LENGTHS, "客服电话: a mainland mobile, landline or 400/800 number")
    cs_email: StrictStr = _text("cs_email", PROFILE_LENGTHS, "客服邮箱")
    cs_qq: StrictStr = _text("cs_qq", PROFILE_LENGTHS, "客服 QQ: 5–12 digits, no leading 0")


class BankAccountRequest(StrictBody):
    """R-ACC-2, R-WDR-4: the whole bank account."""

    holder: StrictStr = _text("holder", BANK_LENGTHS, "户名 (the company's name)")
    bank: StrictStr = _text("bank", BANK_LENGTHS, "开户银行")
    branch: StrictStr = _text("branch", BANK_LENGTHS, "开户支行")
    account_number: StrictStr = _text("account_number", BANK_LENGTHS, "账号: 8–30 digits (spaces are dropped)")


class SignAgreementRequest(StrictBody):
    account_id: AccountId
