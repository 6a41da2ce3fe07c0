"""Request bodies of the order commands (订单管理).

Ranges that are business rules (price, reason length) are documented here but checked in the route, after
permission and existence (see core/preconditions.py for the order of checks), so they answer with
the rule's own code (INVALID_PRICE) and a field name.
"""

from __future__ import annotations

from pydantic import Field, StrictInt

from vendor_desktop.domain.money import MAX_AMOUNT_FEN

from ..core.schemas import StrictBody


class PriceChangeRequest(StrictBody):
    """R-ORD-3: the new price of an unpaid order."""

    new_price_fen: StrictInt = Field(
        description="the price the buyer will pay, in fen; > 0 and ≤ MAX_AMOUNT_FEN, else 422 INVALID_PRICE",
        json_schema_extra={"minimum": 1, "maximum": MAX_AMOUNT_FEN},
    )
    reason: str = Field(
        description="why (shown to colleagues), 1–200 characters, else 422 VALIDATION_FAILED",
        json_schema_extra={"minLength": 1, "maxLength": 200},
    )



class DeliverRequest(StrictBody):
    """R-ORD-5 开始交付: the delivery note (交付说明) the buyer sees."""

    note: str = Field(
        description="what the buyer should know about the delivery, 1–500 characters, several lines allowed; "
        "else 422 VALIDATION_FAILED (details.fields.note)",
        json_schema_extra={"minLength": 1, "maxLength": 500},
    )
