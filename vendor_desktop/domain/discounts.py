"""Buyer-specific discounts (指定商品折扣): R-DSC-1, R-DSC-2.

A discount is the percentage the buyer pays (80 = 八折, 20 % off), for one buyer account on one
listing, valid from one moment until a later one. The server decides; the app pre-validates and
explains with these same rules.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

MIN_PERCENT = 1
MAX_PERCENT = 99

_DIGITS = "〇一二三四五六七八九"


class DiscountState(StrEnum):
    UPCOMING = "upcoming"  # 待生效
    ACTIVE = "active"  # 生效中
    EXPIRED = "expired"  # 已过期
    REVOKED = "revoked"  # 已撤销


@dataclass(frozen=True)
class DiscountProblem:
    """What is wrong with a discount, by field: ``code`` is stable, for messages in any language."""

    field: str
    code: str


def validate_discount(percent: int, valid_from: dt.datetime, valid_until: dt.datetime) -> list[DiscountProblem]:
    """R-DSC-1: percent paid 1–99; until after from. Empty when the discount is well-formed."""
    problems = []
    if not MIN_PERCENT <= percent <= MAX_PERCENT:
        problems.append(DiscountProblem("percent", "percent_out_of_range"))
    if valid_until <= valid_from:
        problems.append(DiscountProblem("valid_until", "until_not_after_from"))
    return problems


def discount_state(
    valid_from: dt.datetime, valid_until: dt.datetime, now: dt.datetime, *, revoked: bool = False
) -> DiscountState:
    """The state at ``now``: a discount is active on [from, until)."""
    if revoked:
        return DiscountState.REVOKED
    if now < valid_from:
        return DiscountState.UPCOMING
    if now < valid_until:
        return DiscountState.ACTIVE
    return DiscountState.EXPIRED


def periods_overlap(a_from: dt.datetime, a_until: dt.datetime, b_from: dt.datetime, b_until: dt.datetime) -> bool:
    """R-DSC-2: two half-open periods [from, until) share a moment."""
    return a_from < b_until and b_from < a_until


def discounted_fen(price_fen: int, percent: int) -> int:
    """The price a buyer pays with a discount, rounded half up to the fen (R-DSC-2)."""
    return (price_fen * percent + 50) // 100


def zhe(percent: int) -> str:
    """The Chinese way to say it: 80 → 八折, 85 → 八五折, 88 → 八八折, 5 → 〇.五折."""
    tens, ones = divmod(percent, 10)
    if ones == 0:
        return f"{_DIGITS[tens]}折"
    if tens == 0:
        return f"〇.{_DIGITS[ones]}折"
    return f"{_DIGITS[tens]}{_DIGITS[ones]}折"


def percent_off(percent: int) -> int:
    """80 (paid) → 20 (% off), for readers who think in percent off."""
    return 100 - percent
