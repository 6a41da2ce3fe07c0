"""Deterministic demo vendors (``POST /sandbox/seed``, ``EmbeddedSandbox.ensure_demo``).

The same seed gives the same vendor: account id, passwords, listings, orders and messages (for
the same day of the sandbox clock, since order dates are spread back from it). Rows go in with
bulk Core inserts so a 100,000-order vendor seeds in seconds.
"""

from __future__ import annotations

import datetime as dt
import functools
import random
import string
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from vendor_desktop.domain.listings import review_due
from vendor_desktop.domain.markets import MARKETS, Delivery
from vendor_desktop.domain.orders import OrderState
from vendor_desktop.domain.roles import Role, may_read_entity
from vendor_desktop.domain.workdays import SHANGHAI

from ..core import names
from ..core.changes import record_new_bulk
from ..core.clock import iso
from ..core.database import User, Vendor
from ..core.errors import ApiError
from ..core.passwords import hash_password
from ..discounts.models import Discount
from ..discounts.rules import seed_discounts
from ..listings.lifecycle import listing_message_row
from ..listings.models import Listing
from ..messages.models import Message, MessageRead, message_subject
from ..orders.models import Order
from ..orders.rules import message_row, order_number
from .errors import ACCOUNT_EXISTS

# Share of seeded orders per state (R-ORD-1); every state also appears at least once.
_STATE_WEIGHTS = {
    OrderState.COMPLETED: 35,
    OrderState.DELIVERING: 10,
    OrderState.PAID: 10,
    OrderState.UNPAID: 12,
    OrderState.CANCELLED: 15,
    OrderState.REFUNDING: 6,
    OrderState.REFUNDED: 12,
}
_LISTING_STATES = ["on_sale", "on_sale", "on_sale", "draft", "in_review", "rejected", "delisted"]
_AGREEMENT = (
    "商品服务协议：服务商按本商品页面所述内容向买家提供服务；买家在云市场完成支付后，服务商应在承诺时间内"
    "完成交付。退款规则以云市场相关规则为准。"
)


def account_id_for(seed: int) -> str:
    """The 16-digit account id (帐号 ID, R-ACC-3) a seed gives when none is asked for."""
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


def _id(account_id: str, kind: str, n: int) -> str:
    # Unique across vendors (account ids are) and stable for a seed.
    return f"{kind}-{account_id}-{n}"


def _delivery_config(delivery: Delivery, rng: random.Random, pinyin: str) -> dict[str, Any]:
    """R-LST-1: what each delivery type needs."""
    if delivery is Delivery.IMAGE:
        return {
            "image_id": f"m-{rng.randrange(16**12):012x}",
            "os": rng.choice(["CentOS 7.9 64位", "Ubuntu 22.04 64位", "Alibaba Cloud Linux 3"]),
        }
    if delivery is Delivery.SAAS:
        return {"callback_url": f"https://saas.{pinyin}.com.cn/marketplace/callback"}
    if delivery is Delivery.API:
        return {
            "base_url": f"https://api.{pinyin}.com.cn/v1",
            "quota_per_plan": {"payg": 1000, "monthly": 100_000},
        }
    return {"service_scope": "远程在线服务，工作日 9:00–18:00", "response_hours": rng.choice([2, 4, 8, 24])}


def _billing(delivery: Delivery, rng: random.Random) -> dict[str, int]:
    """R-MKT-2: at least one billing mode, with a price in fen."""
    monthly = rng.choice([99, 199, 299, 599, 999, 1999, 4999]) * 100
    if delivery is Delivery.SAAS:
        return {"monthly": monthly, "yearly": monthly * 10}
    if delivery is Delivery.API:
        return {"payg": rng.choice([1, 5, 10]) * 100, "monthly": monthly}
    if delivery is Delivery.IMAGE:
        return {"payg": rng.choice([0, 100, 500]) + 100, "monthly": monthly, "yearly": monthly * 10}
    return {"payg": rng.choice([500, 1000, 3000, 8000]) * 100}


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
    vendor = Vendor(
        account_id=account_id,
        company_name=company,
        contact_name=names.person_name(rng),
        service_phone=f"400-{rng.randrange(100, 1000)}-{rng.randrange(10_000):04d}",
        service_email=f"service@{pinyin}.com.cn",
        service_qq=str(rng.randrange(10**8, 10**10)),
        balance_fen=balance_fen,
        deposit_paid_fen=deposit_paid_fen,
        agreements=list(dict.fromkeys(agreements if agreements is not None else ["access", "revenue"])),
        seed=seed,
        version=1,
    )
    s.add(vendor)
    s.flush()  # the users' foreign key needs the vendor row first (PostgreSQL checks at once)
    passwords, hashes = passwords_for(seed), _password_hashes(seed)
    users, users_by_role = [], {}
    for role in Role:
        users_by_role[role] = _id(account_id, "user", len(users))
        s.add(
            User(
                id=users_by_role[role],
                account_id=account_id,
                username=role.value,
                display_name=names.person_name(rng),  # the app shows the role beside it
                role=role.value,
                password_hash=hashes[role.value],
                version=1,
            )
        )
        users.append({"username": role.value, "password": passwords[role.value], "role": role.value})
    s.flush()

    listing_rows = _listings(rng, account_id, listings, today, pinyin)
    order_rows, message_rows = _orders(rng, account_id, orders, listing_rows, today)
    discount_rows = seed_discounts(seed, account_id, listing_rows, order_rows, today)
    _reprice_messages(order_rows, message_rows)
    message_rows = sorted(message_rows + _listing_messages(account_id, listing_rows), key=lambda m: m["created_at"])
    read_rows = _message_reads(message_rows, users_by_role)
    tables = (
        (Listing, listing_rows),
        (Order, order_rows),
        (Message, message_rows),
        (MessageRead, read_rows),
        (Discount, discount_rows),
    )
    for model, rows in tables:
        for start in range(0, len(rows), 5000):
            # Core executemany on the session's connection: the ORM bulk path is ~3× slower.
            s.connection().execute(insert(model.__table__), rows[start : start + 5000])
    log = [
        {
            "account_id": account_id,
            "entity": "vendor_profile",
            "entity_id": account_id,
            "version": 1,
            "deleted": False,
            "audience": None,
            "user_id": None,
        }
    ]
    for entity, rows in (
        ("listing", listing_rows),
        ("order", order_rows),
        ("message", message_rows),
        ("discount", discount_rows),
    ):
        log.extend(
            {
                "account_id": account_id,
                "entity": entity,
                "entity_id": r["id"],
                "version": r["version"],
                "deleted": False,
                "audience": message_subject(r["order_id"], r["listing_id"]) if entity == "message" else None,
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
    }


def _message_reads(messages: list[dict[str, Any]], users_by_role: dict[Role, str]) -> list[dict[str, Any]]:
    """The demo's older messages were read by everyone who receives them (read state is per user,
    SPEC §11); the ``read`` flag of a seeded row only says so and is not stored."""
    rows = []
    for m in messages:
        was_read, m["read"] = m["read"], False
        if not was_read:
            continue
        subject = message_subject(m["order_id"], m["listing_id"])
        for role, user_id in users_by_role.items():
            if subject is None or may_read_entity(role, subject):
                rows.append({"message_id": m["id"], "user_id": user_id, "at": m["created_at"]})
    return rows


#: Seeded listings 10–13 take these states, so a demo with 14+ listings shows every state (R-LST-3).
_FORCED_STATES = {10: "draft", 11: "in_review", 12: "rejected", 13: "delisted"}
#: Seeded listing 9 (on sale) has a revision in review (R-LST-5).
_REVISED = 9
_REJECT_REASON = "商品描述与实际交付内容不符，请修改后重新提交。"


def _listings(rng: random.Random, account_id: str, count: int, today: dt.datetime, pinyin: str) -> list[dict[str, Any]]:
    markets = list(MARKETS.values())
    rows = []
    for i in range(count):
        m = markets[i % len(markets)]  # round-robin: 10+ listings cover every market
        pool = names.PRODUCTS[m.id]
        name = pool[(i // len(markets)) % len(pool)]
        if i // len(markets) >= len(pool):
            name += f"（套餐{i // len(markets) // len(pool) + 1}）"
        drawn = rng.choice(_LISTING_STATES)  # drawn for every listing: keeps the stream of a seed stable
        state = "on_sale" if i < len(markets) else _FORCED_STATES.get(i, drawn)
        updated = today - dt.timedelta(days=rng.randrange(1, 200), minutes=rng.randrange(1440))
        review: dict[str, Any] = {"submitted_at": None, "review_due": None, "review_due_approximate": None}
        if state == "in_review":  # R-LST-4: 7 working days from submission (image: + security review)
            submitted = today - dt.timedelta(days=rng.randrange(0, 5))
            review = _review(submitted, m.id)
            updated = submitted
        rows.append(
            {
                "id": _id(account_id, "lst", i),
                "account_id": account_id,
                "name": name,
                "summary": f"{m.name_zh}优选：{name}，专业团队提供服务与技术支持。",
                "description": f"{name}：由{m.name_zh}认证服务商提供，开通后按页面所述内容交付。",
                "market": m.id,
                "delivery": m.delivery.value,
                "state": state,
                "billing": _billing(m.delivery, rng),
                "delivery_config": _delivery_config(m.delivery, rng, pinyin),
                "agreement": _AGREEMENT,
                **review,
                "security_review": state == "in_review" and m.delivery is Delivery.IMAGE,
                "approved_at": iso(updated - dt.timedelta(days=10)) if state in {"on_sale", "delisted"} else None,
                "reject_reason": _REJECT_REASON if state == "rejected" else None,
                "revision": None,
                "created_at": iso(updated - dt.timedelta(days=30)),
                "updated_at": iso(updated),
                "version": 1,
            }
        )
    if count > _REVISED:
        _revise(rows[_REVISED], today)
    return rows


def _review(submitted: dt.datetime, market_id: str) -> dict[str, Any]:
    due = review_due(submitted.date(), market_id)
    return {
        "submitted_at": iso(submitted),
        "review_due": due.date.isoformat(),
        "review_due_approximate": due.approximate,
    }


def _revise(row: dict[str, Any], today: dt.datetime) -> None:
    """R-LST-5: an on-sale listing whose edit (new summary, prices up 10%) is in review."""
    submitted = today - dt.timedelta(days=1)
    row["revision"] = {
        "name": row["name"],
        "summary": row["summary"].replace("优选", "全新升级"),
        "description": row["description"],
        "billing": {mode: price + price // 10 for mode, price in row["billing"].items()},
        "delivery_config": dict(row["delivery_config"]),
        "agreement": row["agreement"],
        "state": "in_review",
        **_review(submitted, row["market"]),
        "security_review": row["delivery"] == Delivery.IMAGE,
        "reject_reason": None,
        "updated_at": iso(submitted),
    }
    row["updated_at"] = iso(submitted)


def _listing_messages(account_id: str, listings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """R-LST-6: the review results the seeded listings had: approvals of those on sale, and the
    rejection of those rejected, with its reason."""
    rows = []
    for n, x in enumerate(listings):
        if x["state"] == "on_sale":
            kind, at, reason = "listing_approved", x["approved_at"], None
        elif x["state"] == "rejected":
            kind, at, reason = "listing_rejected", x["updated_at"], x["reject_reason"]
        else:
            continue
        message_id = _id(account_id, "lmsg", n)
        rows.append(listing_message_row(kind, x, message_id, at, reason=reason, revision=False, read=True))
    return rows


def _orders(
    rng: random.Random, account_id: str, count: int, listings: list[dict[str, Any]], today: dt.datetime
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    sellable = [x for x in listings if x["state"] in {"on_sale", "delisted"}]
    states = list(_STATE_WEIGHTS)
    picks = states[:count] + rng.choices(states, weights=list(_STATE_WEIGHTS.values()), k=max(0, count - len(states)))
    buyers = [str(rng.randrange(10**15, 10**16)) for _ in range(max(5, count // 4))]
    identities: dict[str, tuple[str, str]] = {}
    taken: set[str] = set()
    drafts = []
    for state in picks:
        # Unpaid orders are recent (older ones would have expired, R-ORD-1); others span ~180 days.
        span = 3 * 86400 if state is OrderState.UNPAID else 180 * 86400
        created = today - dt.timedelta(seconds=rng.randrange(60, span))
        drafts.append((created, state))
    drafts.sort(key=lambda d: d[0])  # ids and the change log follow creation order
    orders, messages = [], []
    read_before = today - dt.timedelta(days=3)
    for n, (created, state) in enumerate(drafts):
        listing = rng.choice(sellable)
        mode = rng.choice(list(listing["billing"]))
        buyer = rng.choice(buyers)
        if buyer not in identities:
            identities[buyer] = names.buyer_identity(buyer)
        paid = state not in {OrderState.UNPAID, OrderState.CANCELLED}
        # Paid within hours, but never after the day the data is anchored to.
        paid_at = min(created + dt.timedelta(seconds=rng.randrange(30, 6 * 3600)), today - dt.timedelta(seconds=30))
        paid_at = paid_at if paid else None
        order = {
            "id": _id(account_id, "ord", n),
            "account_id": account_id,
            "number": order_number(rng, created, taken),
            "state": state.value,
            "amount_fen": listing["billing"][mode],
            "listing_id": listing["id"],
            "listing_name": listing["name"],
            "market": listing["market"],
            "billing_mode": mode,
            "buyer_account_id": buyer,
            "buyer_name": identities[buyer][0],
            "buyer_contact": identities[buyer][1],
            "virtual_number": names.virtual_number(rng),
            "created_at": iso(created),
            "paid_at": iso(paid_at) if paid_at else None,
            "list_price_fen": listing["billing"][mode],
            "discount_id": None,  # seed_discounts reprices the orders its discounts cover
            "discount_percent": None,
            "price_changed_at": None,
            "price_change_reason": None,
            "version": 1,
        }
        taken.add(order["number"])
        orders.append(order)
        messages.append(
            message_row(
                "new_order",
                order,
                _id(account_id, "msg", 2 * n),
                order["created_at"],
                read=created < read_before,
            )
        )
        if paid_at is not None:
            messages.append(
                message_row(
                    "order_paid",
                    order,
                    _id(account_id, "msg", 2 * n + 1),
                    order["paid_at"],
                    read=paid_at < read_before,
                )
            )
    messages.sort(key=lambda m: m["created_at"])
    return orders, messages


def _reprice_messages(orders: list[dict[str, Any]], messages: list[dict[str, Any]]) -> None:
    """Messages quote the amount: rewrite those of orders a seeded discount repriced (R-DSC-2)."""
    discounted = {o["id"]: o for o in orders if o["discount_id"] is not None}
    for i, m in enumerate(messages):
        order = discounted.get(m["order_id"])
        if order is not None:
            messages[i] = message_row(m["kind"], order, m["id"], m["created_at"], read=m["read"])
