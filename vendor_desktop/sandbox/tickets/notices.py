"""What the marketplace's answers on a ticket tell the vendor (站内信), in Chinese and English:
``ticket_replied`` when its staff reply, ``ticket_closed`` when they close it (R-TKT-1).

A message about a ticket names it in ``ticket_id`` and reaches only the roles that read tickets:
every role but viewer (SPEC §11). Plain dicts, so the seeder's bulk inserts and the controls share them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

#: The vendor's message kinds about tickets (viewmodels/core/labels.py names them too).
REPLIED, CLOSED = "ticket_replied", "ticket_closed"
_EXCERPT = 120


def vendor_message_row(kind: str, ticket: Mapping[str, Any], message_id: str, at: str) -> dict[str, Any]:
    """A message to the vendor about ``ticket`` (a dict with the ticket's columns): its subject, and
    for a reply the start of what the marketplace wrote."""
    subject = ticket["subject"]
    if kind == REPLIED:
        said = ticket["messages"][-1]["body"]
        excerpt = said if len(said) <= _EXCERPT else said[: _EXCERPT - 1] + "…"
        title, title_en = "工单有新回复", "Ticket replied"
        body = f"云市场已回复工单「{subject}」：{excerpt}"
        body_en = f'The marketplace replied to the ticket "{subject}": {excerpt}'
    elif kind == CLOSED:
        title, title_en = "工单已完成", "Ticket closed"
        body = f"云市场已关闭工单「{subject}」。"
        body_en = f'The marketplace closed the ticket "{subject}".'
    else:
        raise ValueError(kind)
    return {
        "id": message_id,
        "account_id": ticket["account_id"],
        "kind": kind,
        "title": title,
        "body": body,
        "title_en": title_en,
        "body_en": body_en,
        "read": False,
        "created_at": at,
        "order_id": None,
        "listing_id": None,
        "invoice_id": None,
        "ticket_id": ticket["id"],
        "version": 1,
    }
