"""The tracking-number import in the user's words: each verdict as a tag, each row's message
naming its spreadsheet row and what is wrong, and the results once the shipments are sent.

The glossary's words: 快递公司 · 快递单号 · 寄付 · 到付 (carrier · tracking number · postage paid ·
cash on delivery), the invoice states 已寄出 / 已撤销, and the queued-change states of Pending
changes (待发送 … 已生效 · 云市场未接受).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from vendor_desktop.cache.core.outbox import CommandState
from vendor_desktop.domain.invoices import Postage, carrier_named
from vendor_desktop.domain.money import format_fen
from vendor_desktop.domain.tracking_import import Column, Judgement, Problem, Verdict
from vendor_desktop.viewmodels.core.labels import is_chinese, server_message
from vendor_desktop.viewmodels.core.states import Tone

#: The verdicts in the order the counts list them.
VERDICT_ORDER = tuple(Verdict)


def verdict_label(verdict: Verdict) -> str:
    names = {
        Verdict.READY: QCoreApplication.translate("TrackingImport", "Ready"),
        Verdict.MALFORMED: QCoreApplication.translate("TrackingImport", "Needs fixing"),
        Verdict.UNKNOWN_INVOICE: QCoreApplication.translate("TrackingImport", "Unknown invoice"),
        Verdict.ALREADY_SHIPPED: QCoreApplication.translate("TrackingImport", "Already shipped"),
        Verdict.NOT_ISSUED: QCoreApplication.translate("TrackingImport", "Not issued yet"),
        Verdict.REVOKED: QCoreApplication.translate("TrackingImport", "Revoked by buyer"),
        Verdict.ALREADY_QUEUED: QCoreApplication.translate("TrackingImport", "Already queued"),
        Verdict.DUPLICATE: QCoreApplication.translate("TrackingImport", "Duplicate"),
        Verdict.COD_NOT_ALLOWED: QCoreApplication.translate("TrackingImport", "No cash on delivery"),
    }
    return names[verdict]


def verdict_tags(judged: Judgement) -> list[tuple[str, Tone]]:
    """The verdict as tags: red only where the user must fix the file to ship the invoice."""
    tones = {
        Verdict.READY: Tone.DONE,
        Verdict.MALFORMED: Tone.URGENT,
        Verdict.UNKNOWN_INVOICE: Tone.URGENT,
        Verdict.ALREADY_SHIPPED: Tone.CLOSED,
        Verdict.NOT_ISSUED: Tone.TODO,
        Verdict.REVOKED: Tone.CLOSED,
        Verdict.ALREADY_QUEUED: Tone.CLOSED,
        Verdict.DUPLICATE: Tone.CLOSED if judged.same_shipment else Tone.URGENT,
        Verdict.COD_NOT_ALLOWED: Tone.URGENT,
    }
    tags = [(verdict_label(judged.verdict), tones[judged.verdict])]
    if judged.unusual_number:
        tags.append((QCoreApplication.translate("TrackingImport", "Check the number"), Tone.TODO))
    return tags


def carrier_label(name: str) -> str:
    """A common courier by its English name on an English screen (顺丰 → SF Express); the
    marketplace gets, and the buyer sees, the Chinese name. Others as typed."""
    known = carrier_named(name)
    return known.name_en if known is not None and not is_chinese() else name


def postage_label(postage: Postage | None, typed: str) -> str:
    if postage is Postage.VENDOR_PAID:
        return QCoreApplication.translate("TrackingImport", "Postage paid")
    if postage is Postage.COD:
        return QCoreApplication.translate("TrackingImport", "Cash on delivery")
    return typed


def column_label(column: Column) -> str:
    names = {
        Column.ORDER_NUMBER: QCoreApplication.translate("TrackingImport", "Order number"),
        Column.INVOICE_ID: QCoreApplication.translate("TrackingImport", "Invoice ID"),
        Column.CARRIER: QCoreApplication.translate("TrackingImport", "Carrier"),
        Column.TRACKING_NUMBER: QCoreApplication.translate("TrackingImport", "Tracking number"),
        Column.POSTAGE: QCoreApplication.translate("TrackingImport", "Postage"),
    }
    return names[column]


def order_of(judged: Judgement) -> str:
    """The order number a row is about: the invoice's, once found; else what the row says."""
    return judged.invoice.order_number if judged.invoice is not None and judged.invoice.order_number else judged.row.key


def _gap() -> str:
    """Between two sentences: nothing after a full-width stop, a space after an English one."""
    return "" if is_chinese() else " "


def _problem_text(problem: Problem, judged: Judgement) -> str:
    row = judged.row
    texts = {
        Problem.NO_KEY: QCoreApplication.translate("TrackingImport", "There is no order number or invoice ID."),
        Problem.KEY_AS_NUMBER: QCoreApplication.translate(
            "TrackingImport",
            "The spreadsheet turned the order number into the number %1 and lost digits. Format the column as text and enter the number again.",
        ),
        Problem.NO_CARRIER: QCoreApplication.translate("TrackingImport", "The carrier is empty."),
        Problem.CARRIER_TOO_LONG: QCoreApplication.translate(
            "TrackingImport", "The carrier “%1” is longer than 20 characters."
        ),
        Problem.NO_TRACKING_NUMBER: QCoreApplication.translate("TrackingImport", "The tracking number is empty."),
        Problem.TRACKING_NUMBER_AS_NUMBER: QCoreApplication.translate(
            "TrackingImport",
            "The spreadsheet turned the tracking number into the number %1 and lost digits. Format the column as text and enter the number again.",
        ),
        Problem.BAD_TRACKING_NUMBER: QCoreApplication.translate(
            "TrackingImport", "The tracking number “%1” is not 6–40 letters, digits or hyphens."
        ),
        Problem.UNKNOWN_POSTAGE: QCoreApplication.translate(
            "TrackingImport", "The postage “%1” is neither “postage paid” nor “cash on delivery”."
        ),
    }
    value = {
        Problem.KEY_AS_NUMBER: row.key,
        Problem.CARRIER_TOO_LONG: row.carrier,
        Problem.TRACKING_NUMBER_AS_NUMBER: row.tracking_number,
        Problem.BAD_TRACKING_NUMBER: row.tracking_number,
        Problem.UNKNOWN_POSTAGE: row.postage_typed,
    }.get(problem, "")
    return texts[problem].replace("%1", value)


def row_message(judged: Judgement) -> str:
    """What the row's verdict means, naming the spreadsheet's row ("Row 7: …"); for a ready row
    only a warning about its tracking number, if any."""
    text = _verdict_text(judged)
    if not text:
        return ""
    return (
        QCoreApplication.translate("TrackingImport", "Row %1: %2")
        .replace("%1", str(judged.row.line))
        .replace("%2", text)
    )


def _verdict_text(judged: Judgement) -> str:
    verdict, row, order = judged.verdict, judged.row, order_of(judged)
    if verdict is Verdict.MALFORMED:
        return _gap().join(_problem_text(p, judged) for p in judged.problems)
    if verdict is Verdict.UNKNOWN_INVOICE:
        if row.key_column is Column.INVOICE_ID:
            text = QCoreApplication.translate(
                "TrackingImport", "No invoice %1 on this computer. Sync, then import the file again."
            )
        else:
            text = QCoreApplication.translate(
                "TrackingImport", "No invoice for order %1 on this computer. Sync, then import the file again."
            )
        return text.replace("%1", row.key)
    if verdict is Verdict.ALREADY_SHIPPED:
        return QCoreApplication.translate("TrackingImport", "The invoice of order %1 is already shipped.").replace(
            "%1", order
        )
    if verdict is Verdict.NOT_ISSUED:
        return QCoreApplication.translate(
            "TrackingImport", "The invoice of order %1 is not issued yet. Issue it first, then import the file again."
        ).replace("%1", order)
    if verdict is Verdict.REVOKED:
        return QCoreApplication.translate("TrackingImport", "The buyer revoked the invoice of order %1.").replace(
            "%1", order
        )
    if verdict is Verdict.ALREADY_QUEUED:
        if judged.invoice is not None and judged.invoice.queued == CommandState.REJECTED:
            text = QCoreApplication.translate(
                "TrackingImport",
                "The marketplace did not accept an earlier shipment for order %1. Settle it in Pending changes first.",
            )
        else:
            text = QCoreApplication.translate(
                "TrackingImport", "A shipment for order %1 is already in Pending changes."
            )
        return text.replace("%1", order)
    if verdict is Verdict.DUPLICATE:
        others = ", ".join(str(line) for line in judged.other_lines)
        if judged.same_shipment:
            text = QCoreApplication.translate("TrackingImport", "The same shipment as row %1: imported once.")
        else:
            text = QCoreApplication.translate(
                "TrackingImport",
                "Order %2 is also on row %1 with another shipment. Nothing is imported for it: keep one row and import again.",
            )
        return text.replace("%1", others).replace("%2", order)
    if verdict is Verdict.COD_NOT_ALLOWED:
        amount = judged.invoice.amount_fen if judged.invoice is not None else 0
        return QCoreApplication.translate(
            "TrackingImport",
            "Cash on delivery is only for invoices under ¥50.00; this one is %1. Use postage paid.",
        ).replace("%1", format_fen(amount))
    if judged.unusual_number:
        return QCoreApplication.translate(
            "TrackingImport", "The tracking number does not look like a %1 number. Check it: it is sent as it is."
        ).replace("%1", carrier_label(row.carrier))
    return ""


# -- after queuing -------------------------------------------------------------------------------
def result_tags(state: str | None) -> list[tuple[str, Tone]]:
    """A queued row's command as Pending changes names it; None: no longer in the outbox."""
    names = {
        CommandState.PENDING: (QCoreApplication.translate("TrackingImport", "Waiting to send"), Tone.WAITING),
        CommandState.SENDING: (QCoreApplication.translate("TrackingImport", "Sending"), Tone.WAITING),
        CommandState.HELD: (
            QCoreApplication.translate("TrackingImport", "Waiting for an earlier change"),
            Tone.TODO,
        ),
        CommandState.APPLIED: (QCoreApplication.translate("TrackingImport", "Shipped"), Tone.DONE),
        CommandState.REJECTED: (QCoreApplication.translate("TrackingImport", "Not accepted"), Tone.URGENT),
    }
    if state is None:
        return [(QCoreApplication.translate("TrackingImport", "Discarded"), Tone.CLOSED)]
    return [names.get(CommandState(state), (state, Tone.CLOSED))]


def not_imported_tags() -> list[tuple[str, Tone]]:
    return [(QCoreApplication.translate("TrackingImport", "Not imported"), Tone.CLOSED)]


def refusal_text(message: str, message_zh: str, code: str | None) -> str:
    reason = server_message(message, message_zh) or (code or "")
    return QCoreApplication.translate("TrackingImport", "The marketplace did not accept this change: %1").replace(
        "%1", reason
    )
