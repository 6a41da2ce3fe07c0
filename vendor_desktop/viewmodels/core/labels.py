"""Names of states and markets in the user's language (the marketplace's Chinese terms)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt

from vendor_desktop.domain.invoices import carrier_named
from vendor_desktop.domain.markets import MARKETS
from vendor_desktop.domain.money import format_fen
from vendor_desktop.domain.workdays import SHANGHAI

# Data role: "pending" or "rejected" when a row has an open change (the view colours it).
CHANGE_ROLE = Qt.ItemDataRole.UserRole + 2


def local_time(moment: dt.datetime | None) -> str:
    """A timestamp as the vendor reads it: Beijing time, to the minute."""
    if moment is None:
        return ""
    return moment.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M")


def business_time(moment: dt.datetime) -> str:
    """Beijing time to the minute, as the tables show it, and said to be Beijing time when this
    computer keeps another zone (GLOSSARY: business times are Beijing time, the status bar too)."""
    text = local_time(moment)
    if moment.astimezone().utcoffset() != moment.astimezone(SHANGHAI).utcoffset():
        text = QCoreApplication.translate("Labels", "%1 (Beijing time)").replace("%1", text)
    return text


def order_state_label(state: str) -> str:
    """R-ORD-1 states in the glossary's words (待支付, 待交付 …)."""
    names = {
        "unpaid": QCoreApplication.translate("Labels", "Unpaid"),
        "paid": QCoreApplication.translate("Labels", "To deliver"),
        "delivering": QCoreApplication.translate("Labels", "Delivering"),
        "completed": QCoreApplication.translate("Labels", "Completed"),
        "cancelled": QCoreApplication.translate("Labels", "Cancelled"),
        "refunding": QCoreApplication.translate("Labels", "Refunding"),
        "refunded": QCoreApplication.translate("Labels", "Refunded"),
    }
    return names.get(state, state)


def invoice_state_label(state: str) -> str:
    """R-INV-1 states in the glossary's words (待处理, 已开票, 已寄出, 已撤销)."""
    names = {
        "pending": QCoreApplication.translate("Labels", "Pending"),
        "issued": QCoreApplication.translate("Labels", "Issued"),
        "shipped": QCoreApplication.translate("Labels", "Shipped"),
        "revoked": QCoreApplication.translate("Labels", "Revoked by buyer"),
    }
    return names.get(state, state)


def invoice_type_label(kind: str | None) -> str:
    """增值税普通发票 / 增值税专用发票."""
    names = {
        "ordinary": QCoreApplication.translate("Labels", "VAT ordinary invoice"),
        "special": QCoreApplication.translate("Labels", "VAT special invoice"),
    }
    return names.get(kind or "", kind or "")


def postage_label(postage: str | None) -> str:
    """寄付 (the vendor pays) / 到付 (the buyer pays on delivery), R-INV-5."""
    names = {
        "vendor_paid": QCoreApplication.translate("Labels", "Postage paid"),
        "cod": QCoreApplication.translate("Labels", "Cash on delivery"),
    }
    return names.get(postage or "", postage or "")


def carrier_label(carrier: str | None) -> str:
    """A courier by the name the reader uses: 顺丰 on a Chinese screen, SF Express on an English
    one; a carrier the app does not know shows as typed."""
    if not carrier:
        return ""
    known = carrier_named(carrier)
    if known is None:
        return carrier
    return known.name if is_chinese() else known.name_en


def virtual_number_label(number: str | None) -> str:
    """A virtual number as the glossary writes it: 170 1170 4956 转 4409 / ext. 4409 (R-ORD-4).

    The marketplace sends the extension after a hyphen (170 1170 4956-4409); a number without
    one is shown as sent."""
    text = (number or "").strip()
    main, dash, extension = text.rpartition("-")
    if not dash or not main.strip() or not extension.strip().isdigit():
        return text
    return (
        QCoreApplication.translate("Labels", "%1 ext. %2").replace("%1", main.strip()).replace("%2", extension.strip())
    )


def shipment_label(entry: Mapping[str, Any]) -> str:
    """A shipment as one phrase: the carrier (English names on English screens) and the tracking number."""
    parts = (carrier_label(entry.get("carrier")), str(entry.get("tracking_number") or ""))
    return " ".join(p for p in parts if p)


def role_label(role: str) -> str:
    """SPEC §11 roles in the glossary's words; never the role id (主账号, not owner)."""
    names = {
        "owner": QCoreApplication.translate("Labels", "Main account"),
        "operations": QCoreApplication.translate("Labels", "Operations"),
        "finance": QCoreApplication.translate("Labels", "Finance"),
        "support": QCoreApplication.translate("Labels", "Support"),
        "viewer": QCoreApplication.translate("Labels", "Read-only"),
    }
    return names.get(role, role)


def billing_mode_label(mode: str | None) -> str:
    names = {
        "payg": QCoreApplication.translate("Labels", "Pay-as-you-go"),
        "monthly": QCoreApplication.translate("Labels", "Monthly"),
        "yearly": QCoreApplication.translate("Labels", "Yearly"),
    }
    return names.get(mode or "", mode or "")


def price_with_unit(fen: int | None, mode: str | None) -> str:
    """A price with what it buys (GLOSSARY "price with its billing mode", R-MKT-2): ¥999.00/月,
    ¥2,990.00/年, 按需 ¥0.05/次 — ¥999.00/month, ¥2,990.00/year, pay-as-you-go ¥0.05/call.
    An unknown billing mode shows the bare amount; no amount shows ``—``."""
    if fen is None:
        return "—"
    money = format_fen(fen)
    formats = {
        "monthly": QCoreApplication.translate("Labels", "%1/month"),
        "yearly": QCoreApplication.translate("Labels", "%1/year"),
        "payg": QCoreApplication.translate("Labels", "pay-as-you-go %1/call"),
    }
    shown = formats.get(mode or "")
    return shown.replace("%1", money) if shown else money


def market_label(market_id: str) -> str:
    """The market's own name (R-MKT-1) in the current language; no translation file needed."""
    market = MARKETS.get(market_id)
    if market is None:
        return market_id
    return market.name_zh if is_chinese() else market.name_en


def withdrawal_state_label(state: str) -> str:
    """R-WDR-5 states in the glossary's words (已申请, 处理中, 已到账, 失败)."""
    names = {
        # Disambiguated: "Requested" is also a column (申请时间), "Paid" an amount (已缴).
        "requested": QCoreApplication.translate("Labels", "Requested", "withdrawal state"),
        "processing": QCoreApplication.translate("Labels", "Processing", "withdrawal state"),
        "paid": QCoreApplication.translate("Labels", "Paid", "withdrawal state"),
        "failed": QCoreApplication.translate("Labels", "Failed", "withdrawal state"),
    }
    return names.get(state, state)


def refund_state_label(state: str) -> str:
    """SPEC §5 refund states in the glossary's words (待处理, 已同意, 部分退款, 已拒绝)."""
    names = {
        "requested": QCoreApplication.translate("Labels", "Awaiting decision", "refund state"),
        "approved": QCoreApplication.translate("Labels", "Approved", "refund state"),
        "partial": QCoreApplication.translate("Labels", "Partly refunded", "refund state"),
        "rejected": QCoreApplication.translate("Labels", "Refused", "refund state"),
    }
    return names.get(state, state)


def ticket_state_label(state: str) -> str:
    """R-TKT-1 ticket states in the glossary's words (处理中, 待您回复, 已完成, 已撤销)."""
    names = {
        "open": QCoreApplication.translate("Labels", "Open", "ticket state"),
        "replied": QCoreApplication.translate("Labels", "Awaiting you", "ticket state"),
        "closed": QCoreApplication.translate("Labels", "Closed", "ticket state"),
        "cancelled": QCoreApplication.translate("Labels", "Cancelled", "ticket state"),
    }
    return names.get(state, state)


def ticket_type_label(kind: str) -> str:
    """What a ticket is about (API.md ``POST /tickets`` ``type``)."""
    names = {
        "listing": QCoreApplication.translate("Labels", "Listing", "ticket type"),
        "order": QCoreApplication.translate("Labels", "Order", "ticket type"),
        "account": QCoreApplication.translate("Labels", "Account", "ticket type"),
        "finance": QCoreApplication.translate("Labels", "Money", "ticket type"),
        "other": QCoreApplication.translate("Labels", "Other", "ticket type"),
    }
    return names.get(kind, kind)


def tier_label(tier: int) -> str:
    """R-DEP-1: 第 2 档 / tier 2; no tier at all is 未缴 (nothing paid) — shown as the dash."""
    if tier <= 0:
        return "—"
    return QCoreApplication.translate("Labels", "tier %1").replace("%1", str(tier))


def hold_reason_label(reason: str | None) -> str:
    """R-WDR-2: why a market's earnings are on hold (暂不可提现); empty when they are not."""
    names = {
        "agreement_not_signed": QCoreApplication.translate(
            "Labels", "The access agreement and the revenue supplementary agreement must both be signed"
        ),
        "deposit_not_covered": QCoreApplication.translate("Labels", "The deposit paid does not cover this market"),
    }
    return names.get(reason or "", reason or "")


def ledger_kind_label(kind: str) -> str:
    """Money movements (资金流水) by kind, API.md ``ledger_entry.kind``."""
    names = {
        "top_up": QCoreApplication.translate("Labels", "Top-up"),
        "deposit_payment": QCoreApplication.translate("Labels", "Deposit payment"),
        "deposit_refund": QCoreApplication.translate("Labels", "Deposit refund"),
        "order_settled": QCoreApplication.translate("Labels", "Order settled"),
        "refund": QCoreApplication.translate("Labels", "Refund"),
        "withdrawal": QCoreApplication.translate("Labels", "Withdrawal"),
        "withdrawal_returned": QCoreApplication.translate("Labels", "Failed withdrawal returned"),
    }
    return names.get(kind, kind)


def agreement_label(kind: str) -> str:
    """接入协议 / 收益补充协议 (R-WDR-2, R-ACC-2)."""
    names = {
        "access": QCoreApplication.translate("Labels", "Access agreement"),
        "revenue": QCoreApplication.translate("Labels", "Revenue supplementary agreement"),
    }
    return names.get(kind, kind)


def onboarding_step_label(step: str) -> str:
    """R-ACC-4's steps: register → agree → real-name verification → fill info → certification fee."""
    names = {
        "register": QCoreApplication.translate("Labels", "Register"),
        "agree": QCoreApplication.translate("Labels", "Sign the access agreement"),
        "verify": QCoreApplication.translate("Labels", "Real-name verification"),
        "fill_info": QCoreApplication.translate("Labels", "Complete the account information"),
        "certification_fee": QCoreApplication.translate("Labels", "Pay the platform certification fee"),
    }
    return names.get(step, step)


# In-app message kinds (站内信) in the order the Messages filter lists them (R-ORD-2, R-LST-6,
# issue 12).
MESSAGE_KINDS = (
    "new_order",
    "order_paid",
    "listing_approved",
    "listing_rejected",
    "invoice_requested",
    "invoice_revoked",
    "order_completed",
    "refund_requested",
    "refund_refunded",
    "ticket_replied",
    "ticket_closed",
    "deposit_refunded",
)


def message_kind_label(kind: str | None) -> str:
    """What an in-app message is about; shared by Messages and Pending changes."""
    names = {
        "listing_approved": QCoreApplication.translate("MessagesViewModel", "Review passed"),
        "listing_rejected": QCoreApplication.translate("MessagesViewModel", "Review failed"),
        "new_order": QCoreApplication.translate("MessagesViewModel", "New order"),
        "order_paid": QCoreApplication.translate("MessagesViewModel", "Order paid"),
        # Issue 12: a buyer asks for an invoice, or takes the request back while pending (R-INV-2).
        "invoice_requested": QCoreApplication.translate("MessagesViewModel", "Invoice requested"),
        "invoice_revoked": QCoreApplication.translate("MessagesViewModel", "Invoice request revoked"),
        # Issue 14: refunds (SPEC §5), tickets (R-TKT-1), delivery (R-ORD-5), exit (R-DEP-7).
        "refund_requested": QCoreApplication.translate("MessagesViewModel", "Refund requested"),
        "refund_refunded": QCoreApplication.translate("MessagesViewModel", "Refunded automatically"),
        "ticket_replied": QCoreApplication.translate("MessagesViewModel", "Ticket replied"),
        "ticket_closed": QCoreApplication.translate("MessagesViewModel", "Ticket closed"),
        "order_completed": QCoreApplication.translate("MessagesViewModel", "Delivery confirmed"),
        "deposit_refunded": QCoreApplication.translate("MessagesViewModel", "Deposit refunded"),
    }
    return names.get(kind or "", QCoreApplication.translate("MessagesViewModel", "Notice"))


def is_chinese() -> bool:
    return QLocale().language() == QLocale.Language.Chinese


def server_message(message: str, message_zh: str) -> str:
    """The server's own reason, in the user's language (the envelope carries both)."""
    return (message_zh or message) if is_chinese() else (message or message_zh)



def file_size(size: int) -> str:
    """A file's size as people say it, the same in both languages: 12 B, 820 KB, 1.2 MB (base 1024)."""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    mb = size / (1024 * 1024)
    return f"{mb:.0f} MB" if mb.is_integer() else f"{mb:.1f} MB"
