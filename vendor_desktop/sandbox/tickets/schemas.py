"""Request bodies of the ticket commands (工单, R-TKT-1) and of the marketplace staff's controls.

Types are checked by the schema (a number for a text is 422 at once); the documented bounds
(lengths once trimmed, no control characters, API.md "Conventions") are checked by the rules,
after permission, existence and If-Match (core/preconditions.py's order), and answer 422
VALIDATION_FAILED naming every bad field.
"""

from __future__ import annotations

from pydantic import Field, StrictStr

from vendor_desktop.domain.tickets import DESCRIPTION_LENGTH, REPLY_LENGTH, SUBJECT_LENGTH, TicketType

from ..core.schemas import Str64, StrictBody

_NO_CONTROLS = "; no control characters, not blank (API.md), else 422 VALIDATION_FAILED naming the field"
_MULTILINE = "; multi-line (newlines and tabs allowed)"


def _bounds(bounds: tuple[int, int]) -> dict[str, int]:
    return {"minLength": bounds[0], "maxLength": bounds[1]}


class OpenTicketRequest(StrictBody):
    """R-TKT-1 提交工单."""

    type: TicketType = Field(description="listing, order, account, finance or other")
    subject: StrictStr = Field(
        description=f"标题: one line of {SUBJECT_LENGTH[0]}–{SUBJECT_LENGTH[1]} characters once trimmed" + _NO_CONTROLS,
        json_schema_extra=_bounds(SUBJECT_LENGTH),
    )
    description: StrictStr = Field(
        description=f"问题描述, {DESCRIPTION_LENGTH[0]}–{DESCRIPTION_LENGTH[1]} characters once trimmed"
        + _MULTILINE
        + _NO_CONTROLS
        + "; it becomes the ticket's first message",
        json_schema_extra=_bounds(DESCRIPTION_LENGTH),
    )
    listing_id: Str64 | None = Field(None, description="the vendor's listing it is about; unknown: 422 naming it")
    order_id: Str64 | None = Field(None, description="the vendor's order it is about; unknown: 422 naming it")


class ReplyRequest(StrictBody):
    """回复 (the vendor's, or the marketplace staff's through the sandbox controls)."""

    body: StrictStr = Field(
        description=f"{REPLY_LENGTH[0]}–{REPLY_LENGTH[1]} characters once trimmed" + _MULTILINE + _NO_CONTROLS,
        json_schema_extra=_bounds(REPLY_LENGTH),
    )
