"""A refund request in the vendor's words: which of SPEC §5's rules applies (R-REF-1…3), how long
is left to decide (R-REF-4), what was decided, and a queued decision's state.

Time left is counted in working days, as the decide-by date is (3 working days after the
request); once it has passed, the delay is counted in calendar days — the buyer has waited
every one of them.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from vendor_desktop.cache.core.outbox import Command, CommandState
from vendor_desktop.cache.refunds.queries import RefundRow
from vendor_desktop.domain.invoices import working_days_left
from vendor_desktop.domain.money import format_fen
from vendor_desktop.domain.refunds import SELF_SERVICE_REFUNDS_PER_BUYER, RefundRule, is_late
from vendor_desktop.viewmodels.core.labels import local_time, market_label, refund_state_label, server_message
from vendor_desktop.viewmodels.core.states import Tone, tone


def rule_text(refund: RefundRow) -> str:
    """SPEC §5's rule for this request in a phrase: where the order stands, then what follows."""
    match refund.rule:
        case RefundRule.SAAS_SELF_SERVICE:  # R-REF-1: the ordinal counts this refund too
            return (
                QCoreApplication.translate(
                    "RefundsViewModel", "SaaS, no-reason refund %1 of %2 in the review period: refunded automatically"
                )
                .replace("%1", str(refund.self_service_before + 1))
                .replace("%2", str(SELF_SERVICE_REFUNDS_PER_BUYER))
            )
        case RefundRule.SAAS_OUTSIDE_REVIEW_PERIOD:
            return QCoreApplication.translate("RefundsViewModel", "SaaS, after the review period: negotiated refund")
        case RefundRule.SAAS_LIMIT_REACHED:
            return QCoreApplication.translate(
                "RefundsViewModel", "SaaS, the buyer has used all %1 no-reason refunds: negotiated refund"
            ).replace("%1", str(SELF_SERVICE_REFUNDS_PER_BUYER))
        case RefundRule.NOT_REFUNDABLE:  # R-REF-2
            return QCoreApplication.translate("RefundsViewModel", "%1: not refundable").replace(
                "%1", market_label(refund.market or "")
            )
        case RefundRule.MANUAL_BEFORE_COMPLETION:  # R-REF-3
            return QCoreApplication.translate(
                "RefundsViewModel", "Manual service, before completion: full or partial refund"
            )
        case RefundRule.MANUAL_AFTER_COMPLETION:
            return QCoreApplication.translate("RefundsViewModel", "Manual service, after completion: negotiated refund")
    return refund.rule


def late(refund: RefundRow, today: dt.date) -> bool:
    """R-REF-4: awaiting a decision past its decide-by date."""
    return refund.awaiting_decision and refund.decide_by is not None and is_late(refund.decide_by, today)


def time_left(refund: RefundRow, today: dt.date) -> str:
    """How long the vendor has left to decide ("" when nothing awaits a decision)."""
    if not refund.awaiting_decision or refund.decide_by is None:
        return ""
    if late(refund, today):
        days = (today - refund.decide_by).days
        if days == 1:  # (lupdate finds no plural in a translate() call: one string per form)
            return QCoreApplication.translate("RefundsViewModel", "overdue by 1 day")
        return QCoreApplication.translate("RefundsViewModel", "overdue by %1 days").replace("%1", str(days))
    left = working_days_left(today, refund.decide_by)
    if left == 0:
        return QCoreApplication.translate("RefundsViewModel", "decide today")
    if left == 1:
        return QCoreApplication.translate("RefundsViewModel", "1 working day left")
    return QCoreApplication.translate("RefundsViewModel", "%1 working days left").replace("%1", str(left))


def decide_by_text(refund: RefundRow, today: dt.date, *, long: bool = False) -> str:
    """The decide-by date and the time left: 2026-12-02 · 2 working days left. ``long`` adds
    that the date may move when the year's holidays are not published yet."""
    if refund.decide_by is None:
        return "—"
    text = refund.decide_by.isoformat()
    if left := time_left(refund, today):
        text += " · " + left
    if long and refund.awaiting_decision and refund.decide_by_approximate:
        text += " · " + QCoreApplication.translate(
            "RefundsViewModel", "may move once this year's holidays are published"
        )
    return text


def state_tag(refund: RefundRow, today: dt.date) -> tuple[str, Tone]:
    """The state as a tag: amber while it awaits a decision, red once that is late (R-REF-4)."""
    colour = Tone.URGENT if late(refund, today) else tone("refund", refund.state)
    return refund_state_label(refund.state), colour


def change_tag(command: Command) -> tuple[str, Tone]:
    """A queued decision's state as a tag (GLOSSARY "queued change")."""
    if command.state == CommandState.REJECTED:
        return QCoreApplication.translate("RefundsViewModel", "Not accepted"), Tone.URGENT
    if command.state == CommandState.HELD:
        return QCoreApplication.translate("RefundsViewModel", "Waiting for an earlier change"), Tone.TODO
    if command.state == CommandState.SENDING:
        return QCoreApplication.translate("RefundsViewModel", "Sending"), Tone.WAITING
    return QCoreApplication.translate("RefundsViewModel", "Waiting to send"), Tone.WAITING


def amounts_text(refund: RefundRow) -> str:
    """What the buyer asked for, of what was paid: ¥300.00 / ¥1,000.00."""
    return f"{format_fen(refund.amount_fen)} / {format_fen(refund.paid_fen)}"


def refunded_text(refund: RefundRow) -> str:
    return format_fen(refund.refunded_fen) if refund.refunded_fen else "—"


def decision_text(refund: RefundRow) -> str:
    """What became of the request: who decided, when, and why (a rejection's or a partial's reason)."""
    if refund.awaiting_decision:
        return ""
    when = local_time(refund.decided_at) or "—"
    if refund.decided_by:
        text = (
            QCoreApplication.translate("RefundsViewModel", "%1 by %2 on %3: %4")
            .replace("%1", refund_state_label(refund.state))
            .replace("%2", refund.decided_by)
            .replace("%3", when)
            .replace("%4", format_fen(refund.refunded_fen))
        )
    else:  # R-REF-1: refunded at once by the marketplace, nobody decided
        text = (
            QCoreApplication.translate("RefundsViewModel", "Refunded automatically on %1: %2")
            .replace("%1", when)
            .replace("%2", format_fen(refund.refunded_fen))
        )
    if refund.decision_reason:
        text += "\n" + QCoreApplication.translate("RefundsViewModel", "Reason: %1").replace(
            "%1", refund.decision_reason
        )
    return text


def history_line(refund: RefundRow) -> str:
    """One of the buyer's requests: when, which order, how much, what became of it."""
    refunded = f" · {format_fen(refund.refunded_fen)}" if refund.refunded_fen else ""
    return (
        f"{local_time(refund.requested_at)} · {refund.order_number or '—'} · "
        f"{format_fen(refund.amount_fen)} · {refund_state_label(refund.state)}{refunded}"
    )


def change_notice(command: Command) -> str:
    """A queued decision in a sentence: waiting, or not accepted and why (GLOSSARY: 云市场未接受此修改：原因)."""
    if command.state == CommandState.REJECTED:
        reason = server_message(command.error_message or "", command.error_message_zh or "") or command.error_code or ""
        return QCoreApplication.translate("RefundsViewModel", "The marketplace did not accept this change: %1").replace(
            "%1", reason
        )
    if command.state == CommandState.HELD:
        return QCoreApplication.translate(
            "RefundsViewModel",
            "This decision waits for an earlier change of this refund, which the marketplace did not accept.",
        )
    return QCoreApplication.translate(
        "RefundsViewModel", "Your decision is saved on this computer and waits to be sent to the marketplace."
    )
