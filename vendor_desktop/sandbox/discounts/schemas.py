"""Request bodies of the buyer discount commands (指定商品折扣).

Ranges that are business rules (percent) are documented here but checked in the route, after
permission and existence (see core/preconditions.py for the order of checks), so they answer with
the rule's own code and a field name.
"""

from __future__ import annotations

from pydantic import Field, StrictInt

from ..core.schemas import AccountId, Moment, Str64, StrictBody


class DiscountRequest(StrictBody):
    """R-DSC-1: one buyer account, one listing, a percentage paid, a period."""

    listing_id: Str64
    buyer_account_id: AccountId
    percent: StrictInt = Field(
        description="percentage the buyer pays, 1–99 (80 = 八折)", json_schema_extra={"minimum": 1, "maximum": 99}
    )
    valid_from: Moment = Field(description="with offset, e.g. 2026-12-01T00:00:00+08:00")
    valid_until: Moment = Field(description="after valid_from and in the future; exclusive")

