"""What an invoice's steps tell people, in Chinese and English: the vendor's in-app messages
(站内信) when a buyer requests or revokes an invoice (R-INV-1, R-INV-2), and the buyer side's
notices when the vendor issues and posts it (R-INV-4).

Plain dicts, so the seeder's bulk inserts and the routes share them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from vendor_desktop.domain.invoices import TYPE_NAMES
from vendor_desktop.domain.money import format_fen

#: The vendor's message kinds about invoices.
REQUESTED, REVOKED = "invoice_requested", "invoice_revoked"


def vendor_message_row(
    kind: str, invoice: Mapping[str, Any], message_id: str, at: str, *, read: bool = False
) -> dict[str, Any]:
    """A message to the vendor about ``invoice`` (a dict with the invoice's columns). It names the
    order but is about the invoice (``invoice_id``), so it reaches exactly the roles that read
    invoices, finance included, who read no orders (SPEC §11)."""
    number, listing = invoice["order_number"], invoice["listing_name"]
    amount, (type_en, type_zh) = format_fen(invoice["amount_fen"]), TYPE_NAMES[invoice["type"]]
    title_text = invoice["title"]
    if kind == REQUESTED:
        title, title_en = "买家申请开票", "Invoice requested"
        body = (
            f"订单 {number}（{listing}）的买家申请开具{type_zh}，抬头「{title_text}」，金额 {amount}。"
            f"最晚在 {invoice['due_date']} 当天开票。"
        )
        body_en = (
            f'The buyer of order {number} ({listing}) asked for a {type_en} titled "{title_text}" for {amount}. '
            f"Issue it by {invoice['due_date']}."
        )
    elif kind == REVOKED:
        title, title_en = "买家撤销开票申请", "Invoice request revoked"
        body = f"订单 {number}（{listing}）的买家已撤销开票申请，无需开票。"
        body_en = f"The buyer of order {number} ({listing}) revoked the invoice request: there is nothing to issue."
    else:
        raise ValueError(kind)
    return {
        "id": message_id,
        "account_id": invoice["account_id"],
        "kind": kind,
        "title": title,
        "body": body,
        "title_en": title_en,
        "body_en": body_en,
        "read": read,
        "created_at": at,
        "order_id": None,
        "listing_id": None,
        "invoice_id": invoice["id"],
        "version": 1,
    }


_POSTAGE = {"vendor_paid": ("postage paid", "寄付"), "cod": ("cash on delivery", "到付")}


def buyer_notice(kind: str, invoice: Mapping[str, Any], at: str) -> dict[str, str]:
    """What the buyer side is told when the vendor issues, posts or corrects the posting of its
    invoice (R-INV-4): the buyer then follows the shipment with the carrier and tracking number."""
    number = invoice["order_number"]
    if kind == "invoice_issued":
        text = f"订单 {number} 的发票已开具，发票号码 {invoice['invoice_number']}。"
        text_en = f"The invoice for order {number} was issued: invoice number {invoice['invoice_number']}."
    elif kind in {"invoice_shipped", "invoice_shipment_corrected"}:
        postage_en, postage_zh = _POSTAGE[invoice["postage"]]
        carrier, tracking = invoice["carrier"], invoice["tracking_number"]
        lead, lead_en = (
            ("的发票已寄出", "was posted")
            if kind == "invoice_shipped"
            else ("的发票快递信息已更正", "has corrected posting details")
        )
        text = f"订单 {number} {lead}：快递公司 {carrier}，快递单号 {tracking}，{postage_zh}。"
        text_en = (
            f"The invoice for order {number} {lead_en}: carrier {carrier}, tracking number {tracking}, {postage_en}."
        )
    else:
        raise ValueError(kind)
    return {"at": at, "kind": kind, "text": text, "text_en": text_en}
