"""Deterministic demo vendors (``POST /sandbox/seed``, ``EmbeddedSandbox.ensure_demo``).

The same seed gives the same vendor: account id, passwords, listings, orders and messages (for
the same day of the sandbox clock, since order dates are spread back from it). Rows go in with
bulk Core inserts so a 100,000-order vendor seeds in seconds.

Each area makes its own rows (``listings/seed.py``, ``orders/seed.py``, ``discounts/seed.py``, ``invoices/seed.py``,
``messages/seed.py``); this module makes the vendor and its users, runs the areas' seeds in the
order their rows depend on each other, and inserts them with their change-log rows.
"""

from __future__ import annotations

import datetime as dt
import functools
import random
import string
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from vendor_desktop.domain.roles import Role
from vendor_desktop.domain.workdays import SHANGHAI

from ..account import seed as account_seed
from ..account.models import Agreement, BankAccount
from ..account.rules import onboarding
from ..core import names
from ..core.changes import record_new_bulk
from ..core.clock import iso
from ..core.database import User, Vendor
from ..core.errors import ApiError
from ..core.passwords import hash_password
from ..discounts.models import Discount
from ..discounts.seed import seed_discounts
from ..invoices.models import Invoice
from ..invoices.seed import seed_invoices
from ..listings.models import Listing
from ..listings.seed import seed_listings, seed_review_messages
from ..messages.models import Message, MessageRead, message_subject
from ..messages.seed import seed_reads
from ..money.models import DepositPayment, Earning, LedgerEntry, Money, Withdrawal
from ..money.seed import seed_money
from ..orders.models import Order
from ..orders.seed import reprice_messages, seed_orders
from ..refunds.models import Refund
from ..refunds.seed import seed_refunds
from ..tickets.models import Ticket, TicketAttachment
from ..tickets.seed import seed_tickets
from .errors import ACCOUNT_EXISTS


def account_id_for(seed: int) -> str:
    """The 16-digit account id (账号 ID, R-ACC-3) a seed gives when none is asked for."""
    return str(random.Random(f"account:{seed}").randrange(10**15, 10**16))


def passwords_for(seed: int) -> dict[str, str]:
    """role → password: derived from the seed alone, so ensure_demo can repeat the login."""
    rng = random.Random(f"users:{seed}")
    alphabet = string.ascii_letters + string.digits
    return {r.value: "Demo-" + "".join(rng.choice(alphabet) for _ in range(10)) for r in Role}


@functools.lru_cache(maxsize=64)
def _password_hashes(seed: int) -> dict[str, str]:
    """role → scrypt hash of its seeded password. The passwords follow from the seed, so their
    hashes are computed once per seed and process: scrypt is slow on purpose (five per vendor made
    seeding most of a server test's time)."""
    return {role: hash_password(password) for role, password in passwords_for(seed).items()}


def seed_vendor(
    s: Session,
    now: dt.datetime,
    *,
    orders: int = 200,
    listings: int = 20,
    seed: int = 1,
    agreements: list[str] | None = None,
    balance_fen: int = 0,
    deposit_paid_fen: int = 0,
    account_id: str | None = None,
    bank_account: bool = True,
    withdrawals: int = 0,
) -> dict[str, Any]:
    """Create a vendor with demo data in the caller's transaction; 409 ACCOUNT_EXISTS if taken."""
    if orders and not listings:
        raise ApiError(422, "VALIDATION_FAILED", details={"fields": {"listings": "orders need at least one listing"}})
    account_id = account_id or account_id_for(seed)
    if s.get(Vendor, account_id) is not None:
        raise ApiError(409, ACCOUNT_EXISTS, details={"account_id": account_id})
    rng = random.Random(f"data:{seed}")
    # Dates are spread back from the start of "today" in Shanghai, so a seed is stable all day.
    today = now.astimezone(SHANGHAI).replace(hour=0, minute=0, second=0, microsecond=0)
    company, _, pinyin = names.company(rng)
    signed = list(dict.fromkeys(agreements if agreements is not None else ["access", "revenue"]))
    profile = {
        "company_name": company,
        "contact_name": names.person_name(rng),
        "contact_phone": account_seed.contact_phone(seed),
        "cs_phone": f"400-{rng.randrange(100, 1000)}-{rng.randrange(10_000):04d}",
        "cs_email": f"service@{pinyin}.com.cn",
        "cs_qq": str(rng.randrange(10**8, 10**10)),
    }
    # R-ACC-4: registered, verified and certified before it came here; agreed as it signed.
    vendor = Vendor(
        account_id=account_id,
        **profile,
        onboarding=onboarding("access" in signed, profile),
        seed=seed,
        version=1,
    )
    s.add(vendor)
    s.flush()  # the users' foreign key needs the vendor row first (PostgreSQL checks at once)
    passwords, hashes = passwords_for(seed), _password_hashes(seed)
    users, users_by_role, display_names = [], {}, {}
    for role in Role:
        users_by_role[role] = names.seeded_id(account_id, "user", len(users))
        display_names[role] = names.person_name(rng)  # the app shows the role beside it
        s.add(
            User(
                id=users_by_role[role],
                account_id=account_id,
                username=role.value,
                display_name=display_names[role],
                role=role.value,
                password_hash=hashes[role.value],
                version=1,
                # SPEC §11's export grant: the owner always; of the others, finance has it (it exports
                # the ledger), so the app shows both states.
                can_export=role in (Role.OWNER, Role.FINANCE),
                created_at=iso(today),
            )
        )
        users.append({"username": role.value, "password": passwords[role.value], "role": role.value})
    s.flush()

    listing_rows = seed_listings(rng, account_id, listings, today, pinyin)
    order_rows, message_rows = seed_orders(rng, account_id, orders, listing_rows, today)
    discount_rows = seed_discounts(seed, account_id, listing_rows, order_rows, today)
    reprice_messages(order_rows, message_rows)
    # R-INV-*: after the repricing, so an invoice is of the amount the buyer paid.
    invoice_actors = [display_names[r] for r in (Role.OWNER, Role.FINANCE, Role.SUPPORT)]
    invoice_rows, invoice_messages = seed_invoices(seed, account_id, order_rows, invoice_actors, today)
    # SPEC §5: before the money, which reads the orders' states and refunded amounts.
    decider = display_names[Role.SUPPORT]
    refund_rows, refund_messages = seed_refunds(account_id, order_rows, invoice_rows, decider, today)
    message_rows = sorted(
        message_rows + seed_review_messages(account_id, listing_rows) + invoice_messages + refund_messages,
        key=lambda m: m["created_at"],
    )
    for m in message_rows:  # one shape for the bulk insert: most rows are about no refund or ticket
        m.setdefault("refund_id", None)
        m.setdefault("ticket_id", None)
    read_rows = seed_reads(message_rows, users_by_role)
    # SPEC §7–§9: the account and its money, from the start of its history (before any order).
    start = today - dt.timedelta(days=181)
    bank_row = (
        account_seed.bank_account_row(seed, account_id, company, company[:2], "revenue" in signed, iso(start))
        if bank_account
        else None
    )
    money = seed_money(
        account_id,
        order_rows,
        today,
        start=start,
        balance_fen=balance_fen,
        deposit_paid_fen=deposit_paid_fen,
        signed=signed,
        paid_by=display_names[Role.OWNER],
        bank_account=bank_row,
        withdrawals=withdrawals,
    )
    agreement_rows = account_seed.agreement_rows(account_id, signed, iso(start))
    ticket_actors = [display_names[r] for r in (Role.OWNER, Role.OPERATIONS, Role.SUPPORT)]
    ticket_rows, ticket_files = seed_tickets(seed, account_id, order_rows, listing_rows, ticket_actors, today)
    tables = (
        (Listing, listing_rows),
        (Order, order_rows),
        (Message, message_rows),
        (MessageRead, read_rows),
        (Discount, discount_rows),
        (Invoice, invoice_rows),
        (Refund, refund_rows),
        (Money, [money.money]),
        (Earning, money.earnings),
        (DepositPayment, money.deposit_payments),
        (Withdrawal, money.withdrawals),
        (LedgerEntry, money.ledger),
        (Agreement, agreement_rows),
        (BankAccount, [bank_row] if bank_row else []),
        (Ticket, ticket_rows),
        (TicketAttachment, ticket_files),
    )
    for model, rows in tables:
        for start in range(0, len(rows), 5000):
            # Core executemany on the session's connection: the ORM bulk path is ~3× slower.
            s.connection().execute(insert(model.__table__), rows[start : start + 5000])
    log = [
        {
            "account_id": account_id,
            "entity": entity,
            "entity_id": account_id,
            "version": 1,
            "deleted": False,
            "audience": None,
            "user_id": None,
        }
        for entity in ("vendor_profile", "deposit", *(["bank_account"] if bank_row else []))
    ]
    for entity, rows in (
        ("listing", listing_rows),
        ("order", order_rows),
        ("message", message_rows),
        ("discount", discount_rows),
        ("invoice", invoice_rows),
        ("refund", refund_rows),
        ("agreement", agreement_rows),
        ("earning", money.earnings),
        ("deposit_payment", money.deposit_payments),
        ("withdrawal", money.withdrawals),
        ("ledger_entry", money.ledger),
        ("ticket", ticket_rows),
        ("sub_account", [{"id": user_id, "version": 1} for user_id in users_by_role.values()]),
    ):
        log.extend(
            {
                "account_id": account_id,
                "entity": entity,
                "entity_id": r["id"],
                "version": r["version"],
                "deleted": False,
                "audience": _audience(r) if entity == "message" else None,
                "user_id": None,
            }
            for r in rows
        )
    for start in range(0, len(log), 5000):
        record_new_bulk(s, log[start : start + 5000])
    return {
        "account_id": account_id,
        "company_name": company,
        "users": users,
        "listings": len(listing_rows),
        "orders": len(order_rows),
        "invoices": len(invoice_rows),
    }


def _audience(message: dict[str, Any]) -> str | None:
    """The entity kind a seeded message is about (SPEC §11: who receives it)."""
    return message_subject(
        message["order_id"],
        message["listing_id"],
        message.get("invoice_id"),
        message.get("refund_id"),
        message.get("ticket_id"),
    )
