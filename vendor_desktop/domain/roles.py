"""Roles and permissions of sub-accounts (子账号): SPEC §11, R-SUB-1.

The server enforces these; the app uses them only to explain (a disabled action says why).
"""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    OWNER = "owner"  # 主账号
    OPERATIONS = "operations"  # 运营
    FINANCE = "finance"  # 财务
    SUPPORT = "support"  # 客服
    VIEWER = "viewer"  # 只读


class Permission(StrEnum):
    LISTINGS_READ = "listings.read"
    LISTINGS_WRITE = "listings.write"
    ORDERS_READ = "orders.read"
    ORDERS_CHANGE_PRICE = "orders.change_price"
    ORDERS_DELIVER = "orders.deliver"  # R-ORD-5: start delivering a manual service
    DISCOUNTS_READ = "discounts.read"
    DISCOUNTS_WRITE = "discounts.write"
    REFUNDS_READ = "refunds.read"
    REFUNDS_DECIDE = "refunds.decide"
    INVOICES_READ = "invoices.read"
    INVOICES_ISSUE = "invoices.issue"
    DEPOSIT_READ = "deposit.read"  # the summary (balance, paid, required, tier)
    DEPOSIT_PAY = "deposit.pay"
    EARNINGS_READ = "earnings.read"  # deposit payments, earnings, withdrawals, ledger, statements
    WITHDRAWALS_WRITE = "withdrawals.write"
    BANK_ACCOUNT_READ = "bank_account.read"
    BANK_ACCOUNT_WRITE = "bank_account.write"
    PROFILE_READ = "profile.read"
    PROFILE_WRITE = "profile.write"
    MESSAGES_READ = "messages.read"
    TICKETS_READ = "tickets.read"
    TICKETS_WRITE = "tickets.write"
    SUB_ACCOUNTS_MANAGE = "sub_accounts.manage"
    EXIT = "vendor.exit"  # R-EXT-1: leave the marketplace
    ACTIVITY_READ_OWN = "activity.own.read"  # SPEC §11: own activity log (every role)
    ACTIVITY_READ_ALL = "activity.all.read"  # SPEC §11: the activity log of everyone (owner)


P = Permission
# Every role reads the vendor profile and its own in-app messages (站内信).
_COMMON = {P.PROFILE_READ, P.MESSAGES_READ}
_COMMON |= {P.ACTIVITY_READ_OWN}  # SPEC §11: every role reads its own activity log

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.OWNER: frozenset(Permission),
    Role.OPERATIONS: frozenset(
        _COMMON
        | {P.DEPOSIT_READ}  # SPEC §11: the deposit summary only, for the deposit preview
        | {P.LISTINGS_READ, P.LISTINGS_WRITE, P.DISCOUNTS_READ, P.DISCOUNTS_WRITE}
        | {P.ORDERS_READ, P.ORDERS_CHANGE_PRICE, P.ORDERS_DELIVER}
        | {P.TICKETS_READ, P.TICKETS_WRITE}
    ),
    Role.FINANCE: frozenset(
        _COMMON
        | {P.DEPOSIT_READ, P.DEPOSIT_PAY, P.EARNINGS_READ, P.WITHDRAWALS_WRITE}
        | {P.INVOICES_READ, P.INVOICES_ISSUE, P.BANK_ACCOUNT_READ}  # SPEC §11: finance is RW on invoices
        | {P.REFUNDS_READ}  # SPEC §11: finance reads refunds (they reduce earnings), support decides
        | {P.TICKETS_READ, P.TICKETS_WRITE}
    ),
    Role.SUPPORT: frozenset(
        _COMMON
        | {P.ORDERS_READ, P.ORDERS_DELIVER, P.INVOICES_READ, P.INVOICES_ISSUE, P.REFUNDS_READ, P.REFUNDS_DECIDE}
        | {P.TICKETS_READ, P.TICKETS_WRITE}
    ),
    Role.VIEWER: frozenset(_COMMON | {P.LISTINGS_READ, P.ORDERS_READ}),
}

# Which permission lets a user read each synced entity (API.md "Sync"): a caller sees only
# entities its role may read.
ENTITY_READ_PERMISSION: dict[str, Permission] = {
    "listing": P.LISTINGS_READ,
    "order": P.ORDERS_READ,
    "discount": P.DISCOUNTS_READ,
    "refund": P.REFUNDS_READ,
    "invoice": P.INVOICES_READ,
    # SPEC §11: the deposit summary is read more widely than the money behind it.
    "deposit": P.DEPOSIT_READ,
    "deposit_payment": P.EARNINGS_READ,
    "earning": P.EARNINGS_READ,
    "withdrawal": P.EARNINGS_READ,
    "ledger_entry": P.EARNINGS_READ,
    "vendor_profile": P.PROFILE_READ,
    "bank_account": P.BANK_ACCOUNT_READ,
    "agreement": P.PROFILE_READ,
    "message": P.MESSAGES_READ,
    "ticket": P.TICKETS_READ,
    "sub_account": P.SUB_ACCOUNTS_MANAGE,
    "activity": P.ACTIVITY_READ_OWN,  # each entry only to its author, but see below
}

# Kinds whose entries belong to one user (its author, ``change_log.user_id``) and which a role with
# this permission receives for every user of its vendor: the owner reads everyone's activity.
ENTITY_READ_ALL_USERS_PERMISSION: dict[str, Permission] = {
    "activity": P.ACTIVITY_READ_ALL,
}


def permissions_for(role: Role | str) -> frozenset[Permission]:
    return ROLE_PERMISSIONS[Role(role)]


def can(role: Role | str, permission: Permission | str) -> bool:
    return Permission(permission) in ROLE_PERMISSIONS[Role(role)]


def may_read_every_users(role: Role | str, entity: str) -> bool:
    """Whether a role receives every user's entries of a per-user kind (the owner: all activity)."""
    needed = ENTITY_READ_ALL_USERS_PERMISSION.get(entity)
    return needed is not None and can(role, needed)


def may_read_entity(role: Role | str, entity: str) -> bool:
    """Whether a role sees an entity type in ``/sync/changes``; unknown entities are hidden."""
    needed = ENTITY_READ_PERMISSION.get(entity)
    return needed is not None and can(role, needed)
