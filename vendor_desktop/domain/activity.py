"""The activity log (操作日志, issue 15; SPEC §11 "activity log"; API.md ``activity``): which vendor
command is which action, and what of an entity a command changed.

Pure: the sandbox records an entry for every command with these ids, and the app names and
filters them. Every command route must be listed here or in ``NOT_LOGGED`` (a test asks the
served OpenAPI), so a new command cannot skip the log.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType
from typing import Any

#: SPEC §11 / issue 15: entries are kept at least this many days (by the sandbox's clock).
RETENTION_DAYS = 180


class Target(StrEnum):
    """Where an entry's ``entity_id`` comes from."""

    PATH = "path"  # the command's path names it: /orders/{id}/price-change
    CREATED = "created"  # the command creates it: its answer's id (none when refused)
    VENDOR = "vendor"  # one per vendor (profile, bank account): the account id


class Outcome(StrEnum):
    APPLIED = "applied"
    REFUSED = "refused"  # with the error's code and status


@dataclass(frozen=True)
class Action:
    """One command's stable id (``order.change_price``), the entity kind it is about, where its id
    comes from, and whether the command deletes it (then ``after`` is null)."""

    id: str
    entity: str
    target: Target = Target.PATH
    deletes: bool = False


def _a(action: str, entity: str, target: Target = Target.PATH, *, deletes: bool = False) -> Action:
    return Action(action, entity, target, deletes)


_PATH, _CREATED, _VENDOR = Target.PATH, Target.CREATED, Target.VENDOR

#: (method, path template under /api/v1) → its action. Path parameters are matched by position,
#: not by name (``template_key``), so the sub-account routes match whatever their id is called.
ACTIONS: Mapping[tuple[str, str], Action] = MappingProxyType(
    {
        ("POST", "/orders/{order_id}/price-change"): _a("order.change_price", "order"),  # R-ORD-3
        ("POST", "/orders/{order_id}/deliver"): _a("order.deliver", "order"),  # R-ORD-5
        ("POST", "/listings"): _a("listing.create", "listing", _CREATED),  # R-LST-*
        ("PATCH", "/listings/{listing_id}"): _a("listing.update", "listing"),
        ("POST", "/listings/{listing_id}/submit"): _a("listing.submit", "listing"),
        ("POST", "/listings/{listing_id}/delist"): _a("listing.delist", "listing"),
        ("POST", "/discounts"): _a("discount.create", "discount", _CREATED),  # R-DSC-*
        ("DELETE", "/discounts/{discount_id}"): _a("discount.delete", "discount"),  # revoked: the row stays
        ("POST", "/invoices/{invoice_id}/issue"): _a("invoice.issue", "invoice"),  # R-INV-*
        ("POST", "/invoices/{invoice_id}/shipment"): _a("invoice.ship", "invoice"),
        ("POST", "/invoices/{invoice_id}/shipment-correction"): _a("invoice.correct_shipment", "invoice"),  # R-INV-6
        ("POST", "/refunds/{refund_id}/decision"): _a("refund.decide", "refund"),  # SPEC §5
        ("POST", "/deposit/payments"): _a("deposit.pay", "deposit_payment", _CREATED),  # R-DEP-*
        ("POST", "/withdrawals"): _a("withdrawal.create", "withdrawal", _CREATED),  # R-WDR-*
        ("PUT", "/vendor/profile"): _a("profile.update", "vendor_profile", _VENDOR),  # R-ACC-1
        ("PUT", "/vendor/bank-account"): _a("bank_account.update", "bank_account", _VENDOR),  # R-ACC-2
        ("POST", "/tickets"): _a("ticket.open", "ticket", _CREATED),  # R-TKT-1
        ("POST", "/tickets/{ticket_id}/messages"): _a("ticket.reply", "ticket"),
        ("POST", "/tickets/{ticket_id}/attachments"): _a("ticket.attach", "ticket"),
        ("POST", "/tickets/{ticket_id}/urge"): _a("ticket.urge", "ticket"),
        ("POST", "/tickets/{ticket_id}/cancel"): _a("ticket.cancel", "ticket"),
        ("POST", "/vendor/exit"): _a("vendor.exit", "vendor_profile", _VENDOR),  # R-EXT-1
        # R-SUB-1 (the owner's sub-account management, issue 15 item 1).
        ("POST", "/sub-accounts"): _a("sub_account.create", "sub_account", _CREATED),
        ("PATCH", "/sub-accounts/{sub_account_id}"): _a("sub_account.update", "sub_account"),
        ("POST", "/sub-accounts/{sub_account_id}/reset-password"): _a("sub_account.reset_password", "sub_account"),
        ("DELETE", "/sub-accounts/{sub_account_id}"): _a("sub_account.delete", "sub_account", deletes=True),
    }
)

#: Command routes that write no entry: marking messages read is bookkeeping of one user's own
#: inbox (its read state, SPEC §11), not a change of the vendor's business.
NOT_LOGGED: frozenset[tuple[str, str]] = frozenset(
    {
        ("POST", "/messages/{message_id}/read"),
        ("POST", "/messages/read-all"),
    }
)

#: Never in an entry's before/after, whatever an entity or answer carries (a generated password
#: is shown once; hashes and tokens never leave the server).
SECRET_FIELDS = frozenset({
    "password", "initial_password", "new_password", "current_password", "password_hash", "token",
    "access_token", "refresh_token",
})  # fmt: skip

_PARAM = re.compile(r"\{[^}]*\}")


def template_key(method: str, path: str) -> tuple[str, str]:
    """``(method, path)`` with every ``{name}`` made ``{}``: routes match whatever their ids are called."""
    return method.upper(), _PARAM.sub("{}", path)


_BY_KEY: Mapping[tuple[str, str], Action] = MappingProxyType({template_key(*k): a for k, a in ACTIONS.items()})
_NOT_LOGGED_KEYS = frozenset(template_key(*k) for k in NOT_LOGGED)


def action_for(method: str, path: str) -> Action | None:
    """The action of the command route ``method path`` (its template); None when it is not logged.
    KeyError for a command route nobody classified (a bug: the test of the served routes fails)."""
    key = template_key(method, path)
    if key in _NOT_LOGGED_KEYS:
        return None
    return _BY_KEY[key]


def is_classified(method: str, path: str) -> bool:
    key = template_key(method, path)
    return key in _BY_KEY or key in _NOT_LOGGED_KEYS


def _without_secrets(data: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k not in SECRET_FIELDS}


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _list_change(old: list[Any], new: list[Any]) -> tuple[list[Any], list[Any]]:
    """The items only in ``old`` and the items only in ``new`` (a reply appended to a conversation
    is one item added, not the whole conversation twice)."""
    old_keys = {_canonical(item) for item in old}
    new_keys = {_canonical(item) for item in new}
    return [i for i in old if _canonical(i) not in new_keys], [i for i in new if _canonical(i) not in old_keys]


def changed_values(
    before: Mapping[str, Any] | None, after: Mapping[str, Any] | None
) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    """An entry's ``before`` and ``after``: only the fields whose values differ (a price change:
    ``{"amount_fen": 12000}`` → ``{"amount_fen": 9900}``). A creation has no ``before`` and keeps
    every field in ``after``; a deletion the reverse. A list field (a ticket's messages, an
    invoice's history) keeps only the items removed (before) and added (after). Secrets never."""
    if before is None or after is None:
        return (
            None if before is None else _without_secrets(before),
            None if after is None else _without_secrets(after),
        )
    old, new = _without_secrets(before), _without_secrets(after)
    was: dict[str, Any] = {}
    now: dict[str, Any] = {}
    for name in dict.fromkeys([*old, *new]):
        a, b = old.get(name), new.get(name)
        if _canonical(a) == _canonical(b):
            continue
        if isinstance(a, list) and isinstance(b, list):
            a, b = _list_change(a, b)
        was[name], now[name] = a, b
    return was, now
