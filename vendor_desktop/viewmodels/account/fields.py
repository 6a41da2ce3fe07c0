"""The account's fields in the user's words: their names, and why a value is refused (R-ACC-1,
R-ACC-2) — the app's own checks (``domain.account``) and the marketplace's 422 ``details.fields``
use the same ``FieldProblem`` codes, so both read the same."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from vendor_desktop.domain.account import BANK_LENGTHS, PROFILE_LENGTHS, FieldProblem, mask_account_number

#: R-ACC-1, in the order the page and the dialog show them.
PROFILE_FIELDS = ("company_name", "contact_name", "contact_phone", "cs_phone", "cs_email", "cs_qq")
#: R-ACC-2 / R-WDR-4.
BANK_FIELDS = ("holder", "bank", "branch", "account_number")

_LENGTHS = {**PROFILE_LENGTHS, **BANK_LENGTHS}


def field_label(field: str) -> str:
    names = {
        "company_name": QCoreApplication.translate("AccountFields", "Company name"),
        "contact_name": QCoreApplication.translate("AccountFields", "Contact person"),
        "contact_phone": QCoreApplication.translate("AccountFields", "Contact phone"),
        "cs_phone": QCoreApplication.translate("AccountFields", "Customer-service phone"),
        "cs_email": QCoreApplication.translate("AccountFields", "Customer-service e-mail"),
        "cs_qq": QCoreApplication.translate("AccountFields", "Customer-service QQ"),
        "holder": QCoreApplication.translate("AccountFields", "Account holder"),
        "bank": QCoreApplication.translate("AccountFields", "Bank"),
        "branch": QCoreApplication.translate("AccountFields", "Branch"),
        "account_number": QCoreApplication.translate("AccountFields", "Account number"),
    }
    return names.get(field, field)


def field_hint(field: str) -> str:
    """What the box expects, as its placeholder."""
    hints = {
        "contact_phone": QCoreApplication.translate("AccountFields", "e.g. 138 0013 8000 or 010-8888 6666"),
        "cs_phone": QCoreApplication.translate("AccountFields", "e.g. 400-820-8820"),
        "cs_email": QCoreApplication.translate("AccountFields", "e.g. service@example.com"),
        "cs_qq": QCoreApplication.translate("AccountFields", "5 to 12 digits"),
        "account_number": QCoreApplication.translate("AccountFields", "Digits only; spaces are fine"),
    }
    return hints.get(field, "")


def problem_text(field: str, problem: FieldProblem | str) -> str:
    """Why ``field``'s value is refused, in the user's language (R-ACC-1/2); a problem this build
    does not know yet is still said to be refused."""
    shortest, longest = _LENGTHS.get(field, (0, 0))
    texts: dict[str, str] = {
        FieldProblem.EMPTY: QCoreApplication.translate("AccountFields", "Required."),
        FieldProblem.TOO_SHORT: QCoreApplication.translate("AccountFields", "At least %1 characters.").replace(
            "%1", str(shortest)
        ),
        FieldProblem.TOO_LONG: QCoreApplication.translate("AccountFields", "At most %1 characters.").replace(
            "%1", str(longest)
        ),
        FieldProblem.NOT_A_PHONE: QCoreApplication.translate(
            "AccountFields",
            "Enter a mobile number (138 0013 8000), a landline with its area code (010-8888 6666) or a 400/800 number.",
        ),
        FieldProblem.NOT_A_QQ: QCoreApplication.translate(
            "AccountFields", "A customer-service QQ number has 5–12 digits and does not start with 0."
        ),
        FieldProblem.NOT_AN_EMAIL: QCoreApplication.translate(
            "AccountFields", "Not an e-mail address, e.g. service@example.com."
        ),
        FieldProblem.NOT_AN_ACCOUNT_NUMBER: QCoreApplication.translate(
            "AccountFields", "A bank account number has 8–30 digits."
        ),
        # The marketplace's own check (API.md "Conventions": control characters and the like).
        FieldProblem.INVALID_CHARACTERS: QCoreApplication.translate(
            "AccountFields", "Contains characters that cannot be used here (such as control characters)."
        ),
    }
    return texts.get(str(problem), QCoreApplication.translate("AccountFields", "Not accepted."))


def named(field: str, value: str) -> str:
    """ "Customer-service QQ: 12345678" — 客服 QQ：12345678 (full-width colon in Chinese)."""
    return QCoreApplication.translate("AccountFields", "%1: %2").replace("%1", field_label(field)).replace("%2", value)


def listed(parts: list[str]) -> str:
    """Several of those on one line: "a; b" — "a；b"."""
    return QCoreApplication.translate("AccountFields", "; ").join(parts)


def refused_fields_text(details: Mapping[str, Any]) -> str:
    """The marketplace's 422 ``details.fields`` ({field: FieldProblem}) as one line per field."""
    found = details.get("fields")
    if not isinstance(found, Mapping):
        return ""
    return "\n".join(named(str(f), problem_text(str(f), str(p))) for f, p in found.items())


def shown_value(field: str, value: Any, *, mask: bool = False) -> str:
    """A field's value as the page shows it; the account number masked where asked (SPEC §11)."""
    text = str(value or "").strip()
    if not text:
        return "—"
    if field == "account_number":
        return mask_account_number(text) if mask else grouped(text)
    return text


def grouped(number: str) -> str:
    """A long account number in groups of four, as printed on a bank's papers: 6225 8801 2345 6789."""
    if not number.isdigit():
        return number
    return " ".join(number[i : i + 4] for i in range(0, len(number), 4))
