"""A deposit payment's receipt (缴纳凭证, R-DEP-6) as a document to print or save as PDF: who paid
what, when, and the tier it reached. The view lays it out and prints it; the words are here."""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication

from vendor_desktop.cache.core.apply import parse_timestamp
from vendor_desktop.domain.money import format_fen
from vendor_desktop.viewmodels.core.labels import local_time, tier_label


@dataclass(frozen=True)
class Receipt:
    receipt_number: str
    title: str
    lines: tuple[tuple[str, str], ...]

    def file_name(self) -> str:
        return f"{self.receipt_number}.pdf"

    def html(self) -> str:
        """The receipt as simple HTML for ``QTextDocument``: a title and a two-column table."""
        rows = "".join(
            f"<tr><td style='padding:6px 24px 6px 0;color:#555'>{html.escape(label)}</td>"
            f"<td style='padding:6px 0'>{html.escape(value)}</td></tr>"
            for label, value in self.lines
        )
        return (
            f"<h2 style='margin-bottom:18px'>{html.escape(self.title)}</h2>"
            f"<table cellspacing='0'>{rows}</table>"
            f"<p style='margin-top:24px;color:#555'>{html.escape(QCoreApplication.translate('MoneyViewModel', 'Issued by the marketplace when the deposit was paid.'))}</p>"
        )


def receipt_for(payment: Mapping[str, Any], company: str, account_id: str) -> Receipt:
    """缴纳凭证 of one synced ``deposit_payment``: vendor, account ID, receipt number, amount, date,
    tier reached and who paid."""
    number = str(payment.get("receipt_number") or "")
    lines = (
        (QCoreApplication.translate("MoneyViewModel", "Vendor"), company or "—"),
        (QCoreApplication.translate("MoneyViewModel", "Account ID"), account_id),
        (QCoreApplication.translate("MoneyViewModel", "Receipt number"), number),
        (QCoreApplication.translate("MoneyViewModel", "Amount"), format_fen(int(payment.get("amount_fen") or 0))),
        (
            QCoreApplication.translate("MoneyViewModel", "Paid at"),
            local_time(parse_timestamp(payment.get("paid_at"))) or "—",
        ),
        (
            QCoreApplication.translate("MoneyViewModel", "Deposit paid after"),
            format_fen(int(payment.get("paid_fen_after") or 0)),
        ),
        (QCoreApplication.translate("MoneyViewModel", "Tier after"), tier_label(int(payment.get("tier_after") or 0))),
        (QCoreApplication.translate("MoneyViewModel", "Paid by"), str(payment.get("paid_by") or "—")),
    )
    return Receipt(number, QCoreApplication.translate("MoneyViewModel", "Deposit receipt"), lines)
