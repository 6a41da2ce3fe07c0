"""Who has read the demo vendor's messages (站内信): rows for the seeder's bulk inserts."""

from __future__ import annotations

from typing import Any

from vendor_desktop.domain.roles import Role, may_read_entity

from .models import message_subject


def seed_reads(messages: list[dict[str, Any]], users_by_role: dict[Role, str]) -> list[dict[str, Any]]:
    """The demo's older messages were read by everyone who receives them (read state is per user,
    SPEC §11); the ``read`` flag of a seeded row only says so and is not stored."""
    rows = []
    for m in messages:
        was_read, m["read"] = m["read"], False
        if not was_read:
            continue
        subject = message_subject(
            m["order_id"], m["listing_id"], m.get("invoice_id"), m.get("refund_id"), m.get("ticket_id")
        )
        for role, user_id in users_by_role.items():
            if subject is None or may_read_entity(role, subject):
                rows.append({"message_id": m["id"], "user_id": user_id, "at": m["created_at"]})
    return rows
