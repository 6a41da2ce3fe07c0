"""Request and answer bodies of the message commands (站内信)."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, Field, StringConstraints

from ..core.schemas import Moment, StrictBody, Timestamp

MessageKind = Annotated[str, StringConstraints(pattern=r"^[a-z_]{1,40}$")]


class ReadAllRequest(StrictBody):
    """Mark the caller's unread messages read, up to the newest one the user saw."""

    up_to: Moment = Field(
        description="messages created at or before this moment are marked (ISO 8601 with offset, to the "
        "second): the `created_at` of the newest message the user saw, so one that arrives after the user "
        "pressed the button stays unread"
    )
    kind: MessageKind | None = Field(
        None,
        description="only messages of this kind (new_order, order_paid, listing_approved, listing_rejected, "
        "invoice_requested, invoice_revoked, …)",
    )


class ReadAllAnswer(BaseModel):
    marked: int = Field(description="how many of the caller's unread messages this call marked read (0 on a repeat)")
    up_to: Timestamp = Field(description="the `up_to` that was applied, in Beijing time to the second")
    kind: str | None
