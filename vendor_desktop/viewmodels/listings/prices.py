"""A listing's prices with their billing unit (GLOSSARY: ``¥999.00/月`` · ``¥2,990.00/年`` ·
``按需 ¥0.05/次``), so a price never reads as ¥999.00 per who-knows-what (R-MKT-2).
The format itself is the shared ``price_with_unit`` (viewmodels/core/labels.py); here is what
only listings need: the editor's units and a listing's prices in one line.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from vendor_desktop.viewmodels.core.labels import price_with_unit

# The order the billing modes are shown in, cheapest commitment first (R-MKT-2).
MODES = ("payg", "monthly", "yearly")


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
