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


# --- export as a grant (issue 15, SPEC §11's last row) -----------------------------------------


def may_export(role: Role | str, can_export: bool) -> bool:
    """SPEC §11: export to CSV/XLSX — the owner always, a viewer never, any other role only when
    the owner granted it to that sub-account (``can_export``). The server has no export route: the
    app enforces this for every export."""
    role = Role(role)
    if role is Role.OWNER:
        return True
    if role is Role.VIEWER:
        return False
    return bool(can_export)


# --- the permission matrix of every vendor route (issue 15) ------------------------------------

#: Routes anyone may call, signed in or not (API.md "Health and auth").
PUBLIC_ROUTES: frozenset[tuple[str, str]] = frozenset(
    {("GET", "/health"), ("POST", "/auth/login"), ("POST", "/auth/refresh")}
)

#: (method, path template under /api/v1) → the permission it needs; None = any signed-in user.
#: Every vendor route of the served OpenAPI is here (the operator's ``/sandbox/*`` controls are not:
#: they take the operator token): ``tests/server/test_permission_matrix.py`` asks each route as
#: each role and fails for a route missing here, so no endpoint ships unguarded.
ROUTE_PERMISSIONS: dict[tuple[str, str], Permission | None] = {
    # Signed-in basics: one's own session and password, the sync of what one's role reads.
    ("POST", "/auth/logout"): None,
    ("POST", "/auth/password"): None,
    ("GET", "/sync/changes"): None,  # filtered by role (ENTITY_READ_PERMISSION)
    ("POST", "/orders/{order_id}/price-change"): P.ORDERS_CHANGE_PRICE,
    ("POST", "/orders/{order_id}/deliver"): P.ORDERS_DELIVER,
    ("POST", "/messages/{message_id}/read"): P.MESSAGES_READ,
    ("POST", "/messages/read-all"): P.MESSAGES_READ,
    ("POST", "/discounts"): P.DISCOUNTS_WRITE,
    ("DELETE", "/discounts/{discount_id}"): P.DISCOUNTS_WRITE,
    ("POST", "/listings"): P.LISTINGS_WRITE,
    ("PATCH", "/listings/{listing_id}"): P.LISTINGS_WRITE,
    ("POST", "/listings/{listing_id}/submit"): P.LISTINGS_WRITE,
    ("POST", "/listings/{listing_id}/delist"): P.LISTINGS_WRITE,
    ("POST", "/invoices/{invoice_id}/issue"): P.INVOICES_ISSUE,
    ("POST", "/invoices/{invoice_id}/shipment"): P.INVOICES_ISSUE,
    ("POST", "/invoices/{invoice_id}/shipment-correction"): P.INVOICES_ISSUE,
    ("POST", "/deposit/payments"): P.DEPOSIT_PAY,
    ("POST", "/withdrawals"): P.WITHDRAWALS_WRITE,
    ("POST", "/refunds/{refund_id}/decision"): P.REFUNDS_DECIDE,
    ("PUT", "/vendor/profile"): P.PROFILE_WRITE,
    ("PUT", "/vendor/bank-account"): P.BANK_ACCOUNT_WRITE,
    ("POST", "/tickets"): P.TICKETS_WRITE,
    ("POST", "/tickets/{ticket_id}/messages"): P.TICKETS_WRITE,
    ("POST", "/tickets/{ticket_id}/urge"): P.TICKETS_WRITE,
    ("POST", "/tickets/{ticket_id}/cancel"): P.TICKETS_WRITE,
    ("POST", "/tickets/{ticket_id}/attachments"): P.TICKETS_WRITE,
    ("GET", "/tickets/{ticket_id}/attachments/{attachment_id}"): P.TICKETS_READ,
    ("POST", "/vendor/exit"): P.EXIT,
    # R-SUB-1: sub-accounts are the owner's alone.
    ("POST", "/sub-accounts"): P.SUB_ACCOUNTS_MANAGE,
    ("PATCH", "/sub-accounts/{user_id}"): P.SUB_ACCOUNTS_MANAGE,
    ("POST", "/sub-accounts/{user_id}/reset-password"): P.SUB_ACCOUNTS_MANAGE,
    ("DELETE", "/sub-accounts/{user_id}"): P.SUB_ACCOUNTS_MANAGE,
}


def route_allowed(role: Role | str, method: str, path: str) -> bool:
    """Whether ``role`` may call the route (KeyError for a route not in the matrix)."""
    needed = ROUTE_PERMISSIONS[(method.upper(), path)]
    return needed is None or can(role, needed)
