"""A listing's prices with their billing unit (GLOSSARY: ``¥999.00/月`` · ``¥2,990.00/年`` ·
``按需 ¥0.05/次``), so a price never reads as ¥999.00 per who-knows-what (R-MKT-2).

Kept here until the shared ``price_with_unit`` in ``viewmodels/core/labels.py`` is on main; then
this one can go.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from vendor_desktop.domain.money import format_fen

# The order the billing modes are shown in, cheapest commitment first (R-MKT-2).
MODES = ("payg", "monthly", "yearly")


def price_with_unit(fen: int, mode: str) -> str:
    """``¥999.00/月``, ``¥2,990.00/年``, ``按需 ¥0.05/次`` (English: /month, /year, pay-as-you-go … /call)."""
    money = format_fen(fen)
    texts = {
        "monthly": QCoreApplication.translate("ListingPrices", "%1/month"),
        "yearly": QCoreApplication.translate("ListingPrices", "%1/year"),
        "payg": QCoreApplication.translate("ListingPrices", "pay-as-you-go %1/call"),
    }
    return texts.get(mode, "%1").replace("%1", money)


def unit_label(mode: str) -> str:
    """What a price typed in the editor is per: 元/月, 元/年, 元/次."""
    texts = {
        "monthly": QCoreApplication.translate("ListingPrices", "yuan per month"),
        "yearly": QCoreApplication.translate("ListingPrices", "yuan per year"),
        "payg": QCoreApplication.translate("ListingPrices", "yuan per call"),
    }
    return texts.get(mode, "")


def billing_text(billing: Mapping[str, int]) -> str:
    """Every price a listing offers, with its unit, in one line."""
    return " · ".join(price_with_unit(billing[m], m) for m in MODES if m in billing)
