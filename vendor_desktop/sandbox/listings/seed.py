"""The demo vendor's listings (商品管理): every market, every state, a revision in review, and the
review results they had (R-LST-1 … R-LST-6). Plain rows for the seeder's bulk inserts."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from vendor_desktop.domain.listings import review_due
from vendor_desktop.domain.markets import MARKETS, Delivery

from ..core import names
from ..core.clock import iso
from .lifecycle import listing_message_row

_LISTING_STATES = ["on_sale", "on_sale", "on_sale", "draft", "in_review", "rejected", "delisted"]
_AGREEMENT = (
    "商品服务协议：服务商按本商品页面所述内容向买家提供服务；买家在云市场完成支付后，服务商应在承诺时间内"
    "完成交付。退款规则以云市场相关规则为准。"
)



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


#: Seeded listings 10–13 take these states, so a demo with 14+ listings shows every state (R-LST-3).
_FORCED_STATES = {10: "draft", 11: "in_review", 12: "rejected", 13: "delisted"}
#: Seeded listing 9 (on sale) has a revision in review (R-LST-5).
_REVISED = 9
_REJECT_REASON = "商品描述与实际交付内容不符，请修改后重新提交。"


def seed_listings(
    rng: random.Random, account_id: str, count: int, today: dt.datetime, pinyin: str
) -> list[dict[str, Any]]:
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
                "id": names.seeded_id(account_id, "lst", i),
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


def seed_review_messages(account_id: str, listings: list[dict[str, Any]]) -> list[dict[str, Any]]:
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
        message_id = names.seeded_id(account_id, "lmsg", n)
        rows.append(listing_message_row(kind, x, message_id, at, reason=reason, revision=False, read=True))
    return rows
