"""Request bodies of refunds (退款, SPEC §5): the vendor's decision, and the buyer's request (a
sandbox control). Business ranges (reason lengths, amounts against what was paid) are checked in
the rules, after permission and existence, so they answer with the rule's own code."""

from __future__ import annotations

from pydantic import Field, StrictInt

from vendor_desktop.domain.money import MAX_AMOUNT_FEN
from vendor_desktop.domain.refunds import Decision

from ..core.schemas import Str64, StrictBody

#: SPEC §5: a reason (the buyer's or the vendor's), 1–500 characters, several lines allowed.
REASON_LENGTH = 500


class DecisionRequest(StrictBody):
    """R-REF-4: approve (the amount the buyer asked), reject (a reason is required), or partial
    (an amount ≤ what was paid and not yet refunded)."""

    decision: Decision
    amount_fen: StrictInt | None = Field(
        default=None,
        description="partial only: the amount to refund, in fen, > 0 and ≤ what was paid and not yet refunded "
        "(422 AMOUNT_EXCEEDS_PAID with details.refundable_fen); ignored otherwise",
        json_schema_extra={"minimum": 1, "maximum": MAX_AMOUNT_FEN},
    )
    reason: str | None = Field(
        default=None,
        description="required to reject: why (the buyer reads it), 1–500 characters; optional otherwise",
        json_schema_extra={"maxLength": REASON_LENGTH},
    )


class SandboxRefundRequest(StrictBody):
    """The buyer asks for a refund of a paid order (the whole refundable amount when no amount)."""

    order_id: Str64
    amount_fen: StrictInt | None = Field(
        default=None,
        description="what the buyer asks back, in fen, > 0; the whole refundable amount when absent",
        json_schema_extra={"minimum": 1, "maximum": MAX_AMOUNT_FEN},
    )
    reason: str = Field(
        description="the buyer's words, 1–500 characters",
        json_schema_extra={"minLength": 1, "maxLength": REASON_LENGTH},
    )
