"""What a listing says (R-LST-1, R-LST-2, R-MKT-2) on the server side: its content as a plain dict,
what a vendor's edit merges into, and the 422 answer naming every bad field in both languages.

The rules themselves are ``domain/listings.py`` (``validate_listing``), shared with the app's
editor, so the server and the client explain a rejection with the same field names and codes.
Here we add only what a server must also guard: characters that cannot be stored, bounded plan
tables, and field names that are safe to echo back.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from vendor_desktop.domain.listings import (
    MAX_AGREEMENT,
    MAX_DESCRIPTION,
    MAX_NAME,
    MAX_SUMMARY,
    MAX_TEXT,
    validate_listing,
)
from vendor_desktop.domain.markets import BillingMode, Delivery
from vendor_desktop.domain.money import MAX_AMOUNT_FEN, format_fen

from ..core.errors import ApiError
from ..core.schemas import storable_problem
from .errors import AGREEMENT_MISSING

#: The fields a vendor writes; ``market`` is chosen once, at creation (R-MKT-1).
CONTENT_FIELDS = ("name", "summary", "description", "billing", "delivery_config", "agreement")

#: R-LST-1: the delivery configuration's keys per delivery type (others are dropped).
DELIVERY_KEYS: dict[Delivery, tuple[str, ...]] = {
    Delivery.IMAGE: ("image_id", "os"),
    Delivery.SAAS: ("callback_url",),
    Delivery.API: ("base_url", "quota_per_plan"),
    Delivery.MANUAL: ("service_scope", "response_hours"),
}
MAX_PLANS = 20
MAX_PLAN_NAME = 64
MAX_QUOTA = 10**12

_LIMITS = {"name": MAX_NAME, "summary": MAX_SUMMARY, "description": MAX_DESCRIPTION, "agreement": MAX_AGREEMENT}
_MODES = {m.value for m in BillingMode}


def content_of(source: Any) -> dict[str, Any]:
    """The content fields of a listing row or a revision dict."""
    get = source.get if isinstance(source, Mapping) else lambda k: getattr(source, k)
    return {
        "name": get("name"),
        "summary": get("summary"),
        "description": get("description") or "",
        "billing": dict(get("billing") or {}),
        "delivery_config": dict(get("delivery_config") or {}),
        "agreement": get("agreement") or "",
    }


def normalised(delivery: str, content: Mapping[str, Any]) -> dict[str, Any]:
    """What will be stored: trimmed one-line texts, "" for no description or agreement, and only the
    delivery type's own configuration keys. Types are left alone for the validation to name."""
    out = {k: content.get(k) for k in CONTENT_FIELDS}
    for key in ("name", "summary"):
        if isinstance(out[key], str):
            out[key] = out[key].strip()
    for key in ("description", "agreement"):
        if out[key] is None:
            out[key] = ""
    config = out["delivery_config"]
    if isinstance(config, Mapping):
        kept = {}
        for key in DELIVERY_KEYS.get(Delivery(delivery), ()):
            if key in config:
                value = config[key]
                kept[key] = value.strip() if isinstance(value, str) else value
        out["delivery_config"] = kept
    return out


def problems_of(market: Any, content: Mapping[str, Any], *, for_submit: bool) -> dict[str, str]:
    """field → code of everything wrong with this content (empty when it may be stored/submitted)."""
    codes: dict[str, str] = {}
    checked = {**content, "market": market if isinstance(market, str) else None}
    config = content.get("delivery_config")
    if isinstance(config, Mapping):
        # urlsplit raises on a malformed bracketed host ("https://[::1"): name it here and let the
        # domain check a stand-in, so one bad address is a 422 like any other.
        for key in ("callback_url", "base_url"):
            if isinstance(config.get(key), str) and _unparsable(config[key]):
                codes[f"delivery_config.{key}"] = "invalid_url"
                checked["delivery_config"] = {**checked["delivery_config"], key: "https://stand-in.invalid"}
    for p in validate_listing(checked, for_submit=for_submit):
        codes.setdefault(_safe_field(p.field), p.code)
    for field in ("name", "summary", "description", "agreement"):
        _storable(codes, field, content.get(field))
    config = content.get("delivery_config")
    if isinstance(config, Mapping):
        for key, value in config.items():
            _storable(codes, f"delivery_config.{key}", value)
        quota = config.get("quota_per_plan")
        if isinstance(quota, Mapping) and "delivery_config.quota_per_plan" not in codes:
            code = _quota_problem(quota)
            if code:
                codes["delivery_config.quota_per_plan"] = code
    return codes


def _unparsable(url: str) -> bool:
    try:
        urlsplit(url.strip()).hostname  # noqa: B018 - parsing the host is what may raise
    except ValueError:
        return True
    return False


def _storable(codes: dict[str, str], field: str, value: Any) -> None:
    if field not in codes and isinstance(value, str) and storable_problem(value):
        codes[field] = "unstorable"


def _quota_problem(quota: Mapping[str, Any]) -> str | None:
    if len(quota) > MAX_PLANS:
        return "too_many_plans"
    if any(not 1 <= len(plan) <= MAX_PLAN_NAME or storable_problem(plan) for plan in quota):
        return "invalid_plan_name"
    if any(isinstance(v, int) and v > MAX_QUOTA for v in quota.values()):
        return "quota_too_large"
    return None


def _safe_field(field: str) -> str:
    """``billing.<mode>`` echoes a client's key: only short, printable ones are echoed."""
    if field.startswith("billing."):
        mode = field.removeprefix("billing.")
        if mode not in _MODES and (len(mode) > 20 or not mode.isprintable() or storable_problem(mode)):
            return "billing"
    return field


def _message(field: str, code: str) -> tuple[str, str]:
    limit = _LIMITS.get(field, MAX_TEXT)
    if code == "required" and field == "billing":
        return (
            "offer at least one billing mode (payg, monthly, yearly) with its price",
            "请至少选择一种计费方式并填写价格",
        )
    if code == "required" and field == "delivery_config":
        return ("is required for this market's delivery type", "须按该类目市场的交付方式填写")
    if code == "required" and field == "delivery_config.quota_per_plan":
        return ("give each plan its call quota", "请填写每个套餐的调用额度")
    known: dict[str, tuple[str, str]] = {
        "required": ("is required", "必填"),
        "invalid": ("must be text", "须为文本"),
        "too_long": (f"must be at most {limit:,} characters", f"不能超过 {limit:,} 个字符"),
        "unstorable": ("contains characters that cannot be stored", "包含无法保存的字符"),
        "https_required": ("must be an https:// address", "须为 https:// 开头的网址"),
        "invalid_url": ("is not a valid address", "不是有效的网址"),
        "not_positive": (
            "each plan's call quota must be a whole number above 0",
            "每个套餐的调用额度须为大于 0 的整数",
        ),
        "too_many_plans": (f"at most {MAX_PLANS} plans", f"最多 {MAX_PLANS} 个套餐"),
        "invalid_plan_name": (
            f"plan names must be 1 to {MAX_PLAN_NAME} characters",
            f"套餐名称须为 1 至 {MAX_PLAN_NAME} 个字符",
        ),
        "quota_too_large": (f"a call quota may be at most {MAX_QUOTA:,}", f"调用额度不能超过 {MAX_QUOTA:,}"),
        "out_of_range": ("must be a whole number of hours from 1 to 720", "须为 1 至 720 之间的整数（小时）"),
        "unknown_mode": (
            "is not a billing mode: use payg, monthly or yearly",
            "不是有效的计费方式：只能是按需、包月或包年",
        ),
        "price_not_positive": (
            "the price must be a whole number of fen above 0",
            "价格须为大于 0 的整数（单位：分）",
        ),
        "price_too_large": (f"the price may be at most {format_fen(MAX_AMOUNT_FEN)}", "价格不能超过 1 亿元"),
        "unknown_market": ("is not a market", "不是有效的类目市场"),
        "agreement_missing": (
            "a listing needs its listing service agreement before it is submitted (R-LST-2)",
            "提交审核前须填写商品服务协议",
        ),
        "cannot_change": (
            "cannot change: a listing stays in the market it was created in; create a new listing instead",
            "不能修改：商品创建后不能更换类目市场，请新建商品",
        ),
    }
    return known.get(code, ("is invalid", "无效"))


def content_error(codes: Mapping[str, str]) -> ApiError:
    """The 422 for these problems: AGREEMENT_MISSING when the agreement is what is missing (the
    rule's own code wins, like INVALID_PRICE; the other fields are named too), else
    VALIDATION_FAILED. ``details``: ``fields`` (English), ``fields_zh``, ``codes``."""
    messages = {field: _message(field, code) for field, code in codes.items()}
    details = {
        "fields": {f: m[0] for f, m in messages.items()},
        "fields_zh": {f: m[1] for f, m in messages.items()},
        "codes": dict(codes),
    }
    code = AGREEMENT_MISSING if codes.get("agreement") == "agreement_missing" else "VALIDATION_FAILED"
    return ApiError(422, code, details=details)


def check_content(
    market: str, content: Mapping[str, Any], *, for_submit: bool, extra: Mapping[str, str] | None = None
) -> None:
    """422 (see ``content_error``) unless the content is valid; ``extra`` adds problems found by the
    caller (e.g. a market that cannot change)."""
    codes = {**(extra or {}), **problems_of(market, content, for_submit=for_submit)}
    if codes:
        raise content_error(codes)
