"""Request bodies of the listing commands (R-LST-1, R-LST-2, R-MKT-2) and the operator's review.

The content fields are taken as any JSON and checked in the route by ``domain/listings.py``,
after permission, existence and If-Match (API.md's order of checks): so a wrong type, a missing
field or a 10,000-character name is one 422 VALIDATION_FAILED naming every bad field in both
languages (``details.fields``, ``fields_zh``, ``codes``), the same way the app's editor names it.
The schema below documents what is accepted.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import ConfigDict, Field, StrictBool

from vendor_desktop.domain.listings import MAX_AGREEMENT, MAX_DESCRIPTION, MAX_NAME, MAX_SUMMARY, MAX_TEXT
from vendor_desktop.domain.markets import MARKETS, BillingMode
from vendor_desktop.domain.money import MAX_AMOUNT_FEN

from ..core.schemas import StrictBody
from .content import MAX_PLAN_NAME, MAX_PLANS, MAX_QUOTA


def _documented(**schema: Any) -> Callable[[dict[str, Any]], None]:
    """json_schema_extra for an ``Any`` field: its documented type, without pydantic's null default."""

    def extra(generated: dict[str, Any]) -> None:
        generated.pop("default", None)
        generated.update(schema)

    return extra


def _text(limit: int, *, nullable: bool = False) -> Callable[[dict[str, Any]], None]:
    if nullable:
        return _documented(type=["string", "null"], maxLength=limit)
    return _documented(type="string", minLength=1, maxLength=limit)


_URL = {"type": "string", "maxLength": MAX_TEXT, "pattern": "^https://", "description": "https only"}
_BILLING = _documented(
    type="object",
    minProperties=1,
    additionalProperties=False,
    properties={m.value: {"type": "integer", "minimum": 1, "maximum": MAX_AMOUNT_FEN} for m in BillingMode},
    description="R-MKT-2: at least one billing mode (payg 按需, monthly 包月, yearly 包年) → its price in fen (> 0)",
)
_DELIVERY_CONFIG = _documented(
    type="object",
    properties={
        "image_id": {"type": "string", "maxLength": MAX_TEXT},
        "os": {"type": "string", "maxLength": MAX_TEXT},
        "callback_url": _URL,
        "base_url": _URL,
        "quota_per_plan": {
            "type": "object",
            "minProperties": 1,
            "maxProperties": MAX_PLANS,
            "propertyNames": {"minLength": 1, "maxLength": MAX_PLAN_NAME},
            "additionalProperties": {"type": "integer", "minimum": 1, "maximum": MAX_QUOTA},
        },
        "service_scope": {"type": "string", "maxLength": MAX_TEXT},
        "response_hours": {"type": "integer", "minimum": 1, "maximum": 720},
    },
    description="R-LST-1, per the market's delivery type: image → image_id, os; saas → callback_url (https, "
    "the auto-delivery 自动交付 callback); api → base_url (https), quota_per_plan {plan: calls}; manual → "
    "service_scope, response_hours (1–720). Keys of other delivery types are ignored.",
)


class ListingContent(StrictBody):
    name: Any = Field(None, description=f"1–{MAX_NAME} characters", json_schema_extra=_text(MAX_NAME))
    summary: Any = Field(None, description=f"1–{MAX_SUMMARY} characters", json_schema_extra=_text(MAX_SUMMARY))
    description: Any = Field(
        None,
        description=f"optional, up to {MAX_DESCRIPTION:,} characters",
        json_schema_extra=_text(MAX_DESCRIPTION, nullable=True),
    )
    billing: Any = Field(None, json_schema_extra=_BILLING)
    delivery_config: Any = Field(None, json_schema_extra=_DELIVERY_CONFIG)
    agreement: Any = Field(
        None,
        description=f"the product service agreement 商品服务协议 (R-LST-2), up to {MAX_AGREEMENT:,} characters; a "
        "draft may lack it, a submission may not (422 AGREEMENT_MISSING)",
        json_schema_extra=_text(MAX_AGREEMENT, nullable=True),
    )


class ListingDraftRequest(ListingContent):
    """A new draft listing (R-LST-1). Its delivery type follows from the market (R-MKT-1)."""

    model_config = ConfigDict(
        extra="ignore", json_schema_extra={"required": ["market", "name", "summary", "billing", "delivery_config"]}
    )

    market: Any = Field(None, description="the market id (SPEC §1)", json_schema_extra=_documented(enum=list(MARKETS)))


class ListingEditRequest(ListingContent):
    """A partial edit: only the fields sent change (null clears description or agreement).
    ``market`` may be sent only with its current value (422 otherwise: a listing keeps its market)."""

    market: Any = Field(
        None, description="must equal the listing's market", json_schema_extra=_documented(enum=list(MARKETS))
    )


class ListingReviewRequest(StrictBody):
    """The operator's decision on the review in progress (R-LST-3, R-LST-5)."""

    approve: StrictBool
    reason: str | None = Field(
        None,
        description="why it was rejected: required (1–200 characters) when approve is false",
        json_schema_extra={"maxLength": 200},
    )
