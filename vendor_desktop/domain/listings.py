"""Listings (商品管理): states, what a listing must say for its market, and review due dates.

R-LST-1 … R-LST-5. The server decides; the editor checks the same rules as the user types, so
nothing invalid is ever queued.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any
from urllib.parse import urlsplit

from .markets import MARKETS, BillingMode, Delivery
from .money import MAX_AMOUNT_FEN
from .workdays import WorkingDate, add_working_days

MAX_NAME = 60
MAX_SUMMARY = 200
MAX_DESCRIPTION = 5_000
MAX_AGREEMENT = 20_000
MAX_TEXT = 200  # image id, OS, service scope, URLs

#: R-LST-4: review completes within 7 working days of submission.
REVIEW_WORKING_DAYS = 7
#: R-LST-4: image listings pass a security review (镜像安全审核) first. The marketplace does not
#: publish its length; we plan with 3 working days and say it is an estimate.
IMAGE_SECURITY_REVIEW_WORKING_DAYS = 3


class ListingState(StrEnum):
    DRAFT = "draft"
    IN_REVIEW = "in_review"
    ON_SALE = "on_sale"
    REJECTED = "rejected"
    DELISTED = "delisted"


#: Each state's name (English, Chinese) as GLOSSARY.md fixes it, for the marketplace's messages
#: (the app shows its translated labels); tests/test_glossary.py checks both.
STATE_NAMES: dict[str, tuple[str, str]] = {
    ListingState.DRAFT: ("Draft", "草稿"),
    ListingState.IN_REVIEW: ("In review", "审核中"),
    ListingState.ON_SALE: ("On sale", "已上架"),
    ListingState.REJECTED: ("Rejected", "审核未通过"),
    ListingState.DELISTED: ("Delisted", "已下架"),
}


# R-LST-3: draft → in_review → on_sale | rejected; rejected → (edited) → in_review;
# on_sale → delisted → (resubmitted) → in_review.
TRANSITIONS: dict[ListingState, frozenset[ListingState]] = {
    ListingState.DRAFT: frozenset({ListingState.IN_REVIEW}),
    ListingState.IN_REVIEW: frozenset({ListingState.ON_SALE, ListingState.REJECTED}),
    ListingState.REJECTED: frozenset({ListingState.IN_REVIEW}),
    ListingState.ON_SALE: frozenset({ListingState.DELISTED}),
    ListingState.DELISTED: frozenset({ListingState.IN_REVIEW}),
}

#: States whose content is edited in place; an on-sale listing is edited through a revision (R-LST-5).
EDITABLE_IN_PLACE = frozenset({ListingState.DRAFT, ListingState.REJECTED, ListingState.DELISTED})


def can_submit(state: ListingState | str) -> bool:
    return ListingState.IN_REVIEW in TRANSITIONS[ListingState(state)]


def can_delist(state: ListingState | str) -> bool:
    return ListingState(state) is ListingState.ON_SALE


@dataclass(frozen=True)
class ListingProblem:
    """A field and a stable code (messages are the UI's and the server's business)."""

    field: str
    code: str


def _https(url: Any) -> str | None:
    """None when ``url`` is a usable https URL, else the problem's code."""
    if not isinstance(url, str) or not url.strip():
        return "required"
    if len(url) > MAX_TEXT:
        return "too_long"
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname  # raises on a malformed IPv6 literal such as "https://[::1"
    except ValueError:
        return "invalid_url"
    if parts.scheme != "https":
        return "https_required"
    if not host or " " in url.strip():
        return "invalid_url"
    return None


def _text(
    fields: Mapping[str, Any], name: str, limit: int, problems: list[ListingProblem], *, required: bool = True
) -> None:
    value = fields.get(name)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            problems.append(ListingProblem(name, "required"))
        return
    if not isinstance(value, str):
        problems.append(ListingProblem(name, "invalid"))
    elif len(value) > limit:
        problems.append(ListingProblem(name, "too_long"))


def validate_delivery_config(delivery: Delivery | str, config: Any) -> list[ListingProblem]:
    """R-LST-1: what each delivery type needs. Fields are named ``delivery_config.<key>``."""
    problems: list[ListingProblem] = []
    if not isinstance(config, Mapping):
        return [ListingProblem("delivery_config", "required")]
    delivery = Delivery(delivery)

    def need_text(key: str) -> None:
        _text(config, key, MAX_TEXT, problems)
        for p in list(problems):
            if p.field == key:
                problems.remove(p)
                problems.append(ListingProblem(f"delivery_config.{key}", p.code))

    if delivery is Delivery.IMAGE:
        need_text("image_id")
        need_text("os")
    elif delivery is Delivery.SAAS:
        code = _https(config.get("callback_url"))
        if code:
            problems.append(ListingProblem("delivery_config.callback_url", code))
    elif delivery is Delivery.API:
        code = _https(config.get("base_url"))
        if code:
            problems.append(ListingProblem("delivery_config.base_url", code))
        quota = config.get("quota_per_plan")
        if not isinstance(quota, Mapping) or not quota:
            problems.append(ListingProblem("delivery_config.quota_per_plan", "required"))
        elif any(not isinstance(v, int) or isinstance(v, bool) or v <= 0 for v in quota.values()):
            problems.append(ListingProblem("delivery_config.quota_per_plan", "not_positive"))
    else:  # manual: service scope and the promised response time
        need_text("service_scope")
        hours = config.get("response_hours")
        if not isinstance(hours, int) or isinstance(hours, bool) or not 1 <= hours <= 720:
            problems.append(ListingProblem("delivery_config.response_hours", "out_of_range"))
    return problems


def validate_billing(billing: Any) -> list[ListingProblem]:
    """R-MKT-2: at least one billing mode, each with a price > 0."""
    if not isinstance(billing, Mapping) or not billing:
        return [ListingProblem("billing", "required")]
    problems = []
    modes = {m.value for m in BillingMode}
    for mode, price in billing.items():
        if mode not in modes:
            problems.append(ListingProblem(f"billing.{mode}", "unknown_mode"))
        elif not isinstance(price, int) or isinstance(price, bool) or price <= 0:
            problems.append(ListingProblem(f"billing.{mode}", "price_not_positive"))
        elif price > MAX_AMOUNT_FEN:
            problems.append(ListingProblem(f"billing.{mode}", "price_too_large"))
    return problems


def validate_listing(fields: Mapping[str, Any], *, for_submit: bool = False) -> list[ListingProblem]:
    """Everything wrong with a listing's content. A draft may lack the agreement; a submission
    may not (R-LST-2)."""
    problems: list[ListingProblem] = []
    market = fields.get("market")
    if not isinstance(market, str) or market not in MARKETS:
        problems.append(ListingProblem("market", "unknown_market"))
    _text(fields, "name", MAX_NAME, problems)
    _text(fields, "summary", MAX_SUMMARY, problems)
    _text(fields, "description", MAX_DESCRIPTION, problems, required=False)
    problems += validate_billing(fields.get("billing"))
    if isinstance(market, str) and market in MARKETS:
        problems += validate_delivery_config(MARKETS[market].delivery, fields.get("delivery_config"))
    agreement = fields.get("agreement")
    if agreement is None or (isinstance(agreement, str) and not agreement.strip()):
        if for_submit:
            problems.append(ListingProblem("agreement", "agreement_missing"))
    elif not isinstance(agreement, str) or len(agreement) > MAX_AGREEMENT:
        problems.append(ListingProblem("agreement", "too_long"))
    return problems


def review_due(submitted: dt.date, market_id: str) -> WorkingDate:
    """R-LST-4: 7 working days from submission (the day itself not counted); image listings
    add the security review first. ``approximate`` when a year's holidays are not known yet."""
    days = REVIEW_WORKING_DAYS
    if MARKETS[market_id].delivery is Delivery.IMAGE:
        days += IMAGE_SECURITY_REVIEW_WORKING_DAYS
    return add_working_days(submitted, days)
