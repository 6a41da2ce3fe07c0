"""The Workbench's money cards (资金, issue 13): withdrawable now, on hold and why, the deposit
outstanding, and the withdrawals in progress — each opening the Money area.

The figures are the server's, as the last pull left them in the cache: which markets are on hold
is each earning's ``blocked_reason`` (R-WDR-2), the outstanding deposit the summary's
``outstanding_fen`` (R-DEP-2). Nothing here decides a rule; it adds up and says. Before the first
pull there is no deposit summary, and every money card says "—" rather than a ¥0.00 it does not know.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from PySide6.QtCore import QObject
from sqlalchemy.orm import Session

from vendor_desktop.cache.core import outbox
from vendor_desktop.cache.core.outbox import CommandState
from vendor_desktop.cache.money import queries as money
from vendor_desktop.domain.earnings import HoldReason
from vendor_desktop.domain.money import format_fen
from vendor_desktop.viewmodels.core.labels import tier_label
from vendor_desktop.viewmodels.core.states import Tone

# A withdrawal queued here and not yet accepted by the marketplace (API.md ``POST /withdrawals``):
# not in progress on the server yet, so counted apart.
_UNSENT = frozenset({CommandState.PENDING, CommandState.SENDING, CommandState.HELD})


@dataclass(frozen=True)
class MoneyFigures:
    """The money the Workbench shows; ``synced`` is False before the first pull brought the deposit."""

    synced: bool = False
    withdrawable_fen: int = 0  # 待提现金额: settled, in the markets not on hold
    pending_fen: int = 0  # 待结算
    on_hold_fen: int = 0  # 暂不可提现
    on_hold_markets: int = 0
    hold_reason: str | None = None  # the reason that holds the most money (domain.earnings.HoldReason)
    paid_fen: int = 0  # 已缴
    outstanding_fen: int = 0  # 待缴
    required_tier: int = 0
    tier: int = 0  # the tier the paid deposit covers
    in_flight: int = 0  # withdrawals requested or processing (R-WDR-5)
    in_flight_fen: int = 0
    unsent: int = 0  # withdrawals queued on this computer, not sent yet


def money_figures(session: Session, *, earnings: bool) -> MoneyFigures:
    """Read on the reads runner. ``earnings``: the user reads earnings and withdrawals (SPEC §11);
    without, only the deposit summary is read (operations)."""
    deposit = money.deposit(session)
    if deposit is None:
        return MoneyFigures()
    summary = {
        "paid_fen": int(deposit.get("paid_fen") or 0),
        "outstanding_fen": int(deposit.get("outstanding_fen") or 0),
        "required_tier": int(deposit.get("required_tier") or 0),
        "tier": int(deposit.get("tier") or 0),
    }
    if not earnings:
        return MoneyFigures(synced=True, **summary)
    free = pending = 0
    held: Counter[str] = Counter()
    held_markets = 0
    for earning in money.earnings(session):
        withdrawable = int(earning.get("withdrawable_fen") or 0)
        pending += int(earning.get("pending_fen") or 0)
        reason = earning.get("blocked_reason")
        if not reason:
            free += withdrawable
        elif withdrawable > 0:
            held[str(reason)] += withdrawable
            held_markets += 1
    in_flight, in_flight_fen = money.withdrawals_in_flight(session)
    unsent_fen = [
        int((c.payload or {}).get("amount_fen") or 0)
        for c in outbox.visible_commands(session)
        if c.method == "POST" and c.path == "/withdrawals" and c.state in _UNSENT
    ]
    return MoneyFigures(
        synced=True,
        # What a withdrawal queued here will take is not withdrawable any more, as the Money area
        # counts it (honest about what is pending): the card never offers the same money twice.
        withdrawable_fen=max(0, free - sum(unsent_fen)),
        pending_fen=pending,
        on_hold_fen=sum(held.values()),
        on_hold_markets=held_markets,
        hold_reason=held.most_common(1)[0][0] if held else None,
        in_flight=in_flight,
        in_flight_fen=in_flight_fen,
        unsent=len(unsent_fen),
        **summary,
    )


class MoneyCards(QObject):
    """What each money card shows: its figure, its tone and its caption (one line or more).

    A QObject for its words only: counted words ("1 market", "2 markets") need ``self.tr``, whose
    plural forms lupdate collects (it does not for ``QCoreApplication.translate``)."""

    def card(self, key: str, m: MoneyFigures, *, may_pay: bool) -> tuple[str, Tone, str]:
        if not m.synced:
            return "—", Tone.CLOSED, self.tr("Shown after the first sync")
        if key == "withdrawable":
            return self._withdrawable(m)
        if key == "on_hold":
            return self._on_hold(m)
        if key == "deposit_outstanding":
            return self._deposit_outstanding(m, may_pay=may_pay)
        return self._withdrawals_in_flight(m)

    def _withdrawable(self, m: MoneyFigures) -> tuple[str, Tone, str]:
        """R-WDR-1: settled money in the markets not on hold, and what is still settling."""
        caption = self.tr("Pending settlement %1").replace("%1", format_fen(m.pending_fen)) if m.pending_fen else ""
        return format_fen(m.withdrawable_fen), Tone.DONE if m.withdrawable_fen else Tone.CLOSED, caption

    def _on_hold(self, m: MoneyFigures) -> tuple[str, Tone, str]:
        """R-WDR-2: settled money that cannot be withdrawn yet, in how many markets, and mainly why
        (the vendor's move: sign the agreements, or pay the deposit up)."""
        if not m.on_hold_fen:
            return format_fen(0), Tone.CLOSED, self.tr("Nothing on hold")
        count = m.on_hold_markets  # lupdate skips a call whose count is not a name
        if m.hold_reason == HoldReason.AGREEMENT_NOT_SIGNED:
            caption = self.tr("%n markets · agreements not signed", "", count)
        else:
            caption = self.tr("%n markets · deposit too low", "", count)
        return format_fen(m.on_hold_fen), Tone.TODO, caption

    def _deposit_outstanding(self, m: MoneyFigures, *, may_pay: bool) -> tuple[str, Tone, str]:
        """R-DEP-2: 待缴, with the tier required (最大应缴保证金) and what is paid (已缴).

        Red only for what needs this user now (GLOSSARY): for who may pay it. For a role that may
        not (operations) it is the vendor's move (amber), and the card says who pays."""
        if m.outstanding_fen > 0:
            required = self.tr("Required: %1 · paid %2")
            lines = [required.replace("%1", tier_label(m.required_tier)).replace("%2", format_fen(m.paid_fen))]
            if not may_pay:
                lines.append(self.tr("The main account or finance pays it"))
            return format_fen(m.outstanding_fen), Tone.URGENT if may_pay else Tone.TODO, "\n".join(lines)
        if m.tier > 0:
            caption = self.tr("Paid: %1, covering every market with revenue").replace("%1", tier_label(m.tier))
        else:
            caption = self.tr("None required yet: no market has revenue")
        return format_fen(0), Tone.CLOSED, caption

    def _withdrawals_in_flight(self, m: MoneyFigures) -> tuple[str, Tone, str]:
        """R-WDR-5: requested or processing, on the marketplace's side; and those queued here that
        have not reached it yet, said apart (they are not in progress there)."""
        count, unsent = m.in_flight, m.unsent
        lines = [self.tr("%n withdrawals", "", count) if count else self.tr("None in progress")]
        if unsent:
            lines.append(self.tr("%n withdrawals waiting to send", "", unsent))
        return format_fen(m.in_flight_fen), Tone.WAITING if count or unsent else Tone.CLOSED, "\n".join(lines)
