"""Names of states and markets in the user's language (the marketplace's Chinese terms)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QLocale, Qt

from vendor_desktop.domain.discounts import zhe
from vendor_desktop.domain.markets import MARKETS
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


def change_state_label(state: str) -> str:
    """A queued change's state (GLOSSARY "queued change"): pending, sending, held, applied, rejected."""
    names = {
        "pending": QCoreApplication.translate("Labels", "Waiting to send"),
        "sending": QCoreApplication.translate("Labels", "Sending"),
        "held": QCoreApplication.translate("Labels", "Waiting for an earlier change"),
        "applied": QCoreApplication.translate("Labels", "Applied"),
        "rejected": QCoreApplication.translate("Labels", "Not accepted"),
    }
    return names.get(state, state)


def not_accepted(reason: str) -> str:
    """The marketplace refused a change, with its reason (GLOSSARY: 云市场未接受此修改：原因)."""
    return QCoreApplication.translate("Labels", "The marketplace did not accept this change: %1").replace("%1", reason)


def discount_label(percent: int) -> str:
    """A buyer discount by the percentage the buyer pays: 八五折, or 15% off (buyer pays 85%)."""
    if is_chinese():
        return zhe(percent)
    return (
        QCoreApplication.translate("Labels", "%1% off (buyer pays %2%)")
        .replace("%1", str(100 - percent))
        .replace("%2", str(percent))
    )


def role_label(role: str) -> str:
    """SPEC §11 roles as staff call them (GLOSSARY: never the role id)."""
    names = {
        "owner": QCoreApplication.translate("Labels", "Main account"),
        "operations": QCoreApplication.translate("Labels", "Operations"),
        "finance": QCoreApplication.translate("Labels", "Finance"),
        "support": QCoreApplication.translate("Labels", "Support"),
        "viewer": QCoreApplication.translate("Labels", "Read-only"),
    }
    return names.get(role, role)


def billing_mode_label(mode: str | None) -> str:
    """R-MKT-2 billing modes in the glossary's words (按需 · 包月 · 包年)."""
    names = {
        "payg": QCoreApplication.translate("Labels", "pay-as-you-go"),
        "monthly": QCoreApplication.translate("Labels", "monthly"),
        "yearly": QCoreApplication.translate("Labels", "yearly"),
    }
    return names.get(mode or "", mode or "")


def market_label(market_id: str) -> str:
    """The market's own name (R-MKT-1) in the current language; no translation file needed."""
    market = MARKETS.get(market_id)
    if market is None:
        return market_id
    return market.name_zh if is_chinese() else market.name_en


def is_chinese() -> bool:
    return QLocale().language() == QLocale.Language.Chinese


def server_message(message: str, message_zh: str) -> str:
    """The server's own reason, in the user's language (the envelope carries both)."""
    return (message_zh or message) if is_chinese() else (message or message_zh)
