"""What a state means for the vendor, as a tone the views colour (GLOSSARY: a state is a
coloured tag; red only for what needs the user now — refused, rejected, overdue, failed).

The tone is meaning, not colour: the palette (ui/core/palette.py) picks the colours, light or
dark. Table models answer ``TAGS_ROLE`` for a state cell with the tags to draw in it.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import Qt

# Data role: a cell's tags, a list of (text, Tone), drawn by the list delegate (ui/core).
TAGS_ROLE = Qt.ItemDataRole.UserRole + 3


class Tone(StrEnum):
    URGENT = "urgent"  # red: the user must act now (refused, rejected, overdue, failed)
    TODO = "todo"  # amber: the vendor's move (to deliver, awaiting a decision)
    WAITING = "waiting"  # blue: under way elsewhere (in review, sending, the buyer's move)
    DONE = "done"  # green: done and in force (on sale, active, applied, completed)
    CLOSED = "closed"  # grey: over, or not started (cancelled, expired, revoked, draft)


_TONES: dict[str, dict[str, Tone]] = {
    "order": {  # R-ORD-1
        "unpaid": Tone.WAITING,
        "paid": Tone.TODO,  # 待交付: the vendor must deliver now
        "delivering": Tone.WAITING,
        "completed": Tone.DONE,
        "cancelled": Tone.CLOSED,
        "refunding": Tone.TODO,
        "refunded": Tone.CLOSED,
    },
    "listing": {  # R-LST-*
        "draft": Tone.CLOSED,
        "in_review": Tone.WAITING,
        "on_sale": Tone.DONE,
        "rejected": Tone.URGENT,
        "delisted": Tone.CLOSED,
    },
    "discount": {"upcoming": Tone.WAITING, "active": Tone.DONE, "expired": Tone.CLOSED, "revoked": Tone.CLOSED},
    "invoice": {
        "pending": Tone.TODO,
        "issued": Tone.WAITING,
        "shipped": Tone.DONE,
        "revoked": Tone.CLOSED,
        "overdue": Tone.URGENT,
    },
    "refund": {"requested": Tone.TODO, "approved": Tone.DONE, "partial": Tone.DONE, "rejected": Tone.CLOSED},
    "withdrawal": {"requested": Tone.WAITING, "processing": Tone.WAITING, "paid": Tone.DONE, "failed": Tone.URGENT},
    "ticket": {"open": Tone.WAITING, "replied": Tone.TODO, "closed": Tone.DONE, "cancelled": Tone.CLOSED},
    "message": {  # in-app message kinds (R-ORD-2, R-LST-6): what the vendor has to do about it
        "new_order": Tone.WAITING,  # the buyer pays next
        "order_paid": Tone.TODO,  # deliver
        "listing_approved": Tone.DONE,
        "listing_rejected": Tone.URGENT,  # fix the listing
        "invoice_requested": Tone.TODO,  # issue it within 10 working days (R-INV-3)
        "invoice_revoked": Tone.CLOSED,  # nothing to issue any more
    },
    "change": {  # a queued change (outbox command)
        "pending": Tone.WAITING,
        "sending": Tone.WAITING,
        "held": Tone.TODO,  # waits for the user to settle the refused change before it
        "applied": Tone.DONE,
        "rejected": Tone.URGENT,
    },
}


def tone(entity: str, state: str) -> Tone:
    """The tone of ``entity``'s ``state``; an unknown state is grey rather than alarming."""
    return _TONES.get(entity, {}).get(state, Tone.CLOSED)


def known_states(entity: str) -> list[str]:
    return list(_TONES.get(entity, {}))
