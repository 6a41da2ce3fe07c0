"""Bulk import of tracking numbers (issue 12 item 3): the rules, without the file or the screen.

A courier's spreadsheet names its columns in many ways (订单号, "Order No.", 快递单号（必填）…),
a courier in many ways (顺丰速运, SF Express…) and the postage in many ways (寄付, 寄方付, 到付…):
the header row is recognised forgivingly, couriers are mapped to ``invoices.CARRIERS`` names,
and each row gets one verdict before anything is queued — ready, or why not. Pure, so the
preview, the benchmark and the tests share exactly one set of rules. Reading the file is
``viewmodels/invoices/import_file.py``; the words the user reads are the viewmodel's.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache

from .invoices import (
    CARRIER_MAX,
    CARRIERS,
    InvoiceState,
    Postage,
    carrier_named,
    cod_allowed,
    looks_like_carriers,
    tracking_number_ok,
)


class Column(StrEnum):
    ORDER_NUMBER = "order_number"
    INVOICE_ID = "invoice_id"
    CARRIER = "carrier"
    TRACKING_NUMBER = "tracking_number"
    POSTAGE = "postage"  # optional: empty means postage paid (寄付)


def fold(text: str) -> str:
    """A header or courier name as compared: full-width folded (NFKC), lower case, without
    spaces, punctuation or a bracketed remark ("快递单号（必填）" → "快递单号")."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"\(.*?\)|\[.*?\]|【.*?】|<.*?>", "", text)
    return re.sub(r"[\s_\-.:*#/\\'\"]+", "", text)


#: Header names per column, as ``fold`` leaves them (Chinese Excel, couriers' exports, English).
HEADER_NAMES: dict[Column, frozenset[str]] = {
    Column.ORDER_NUMBER: frozenset({
        "订单号", "订单编号", "订单号码", "订单", "云市场订单号", "ordernumber", "orderno", "ordernum", "order",
    }),
    Column.INVOICE_ID: frozenset({"发票id", "发票编号", "invoiceid", "invoice", "invoiceno"}),
    Column.CARRIER: frozenset({
        "快递公司", "快递", "物流公司", "快递公司名称", "承运商", "承运公司", "carrier", "courier",
        "expresscompany", "logisticscompany", "shippingcompany",
    }),
    Column.TRACKING_NUMBER: frozenset({
        "快递单号", "运单号", "物流单号", "快递单号码", "运单号码", "运单编号", "单号", "trackingnumber",
        "trackingno", "tracking", "trackingnum", "waybillnumber", "waybillno", "waybill",
    }),
    Column.POSTAGE: frozenset({
        "邮费", "运费", "付款方式", "运费付款方式", "邮费支付方式", "寄付到付", "邮费方式", "postage",
        "postagepayment", "freight", "payment",
    }),
}  # fmt: skip

#: How many rows at the top may come before the header (a title line, a note).
HEADER_SEARCH_ROWS = 10


@dataclass(frozen=True)
class Header:
    """Where the header row is (its spreadsheet row number) and which cell holds each column."""

    line: int
    cells: dict[Column, int]


@dataclass(frozen=True)
class HeaderMissing:
    """No header row with the needed columns: the ones the best candidate lacked."""

    missing: tuple[Column, ...]


def column_of(name: str) -> Column | None:
    folded = fold(name)
    return next((column for column, names in HEADER_NAMES.items() if folded in names), None)


def find_header(rows: Iterable[tuple[int, Sequence[str]]]) -> Header | HeaderMissing:
    """The first row (of the first ``HEADER_SEARCH_ROWS`` non-empty ones) naming a carrier, a
    tracking number and an order number or invoice ID; otherwise what the closest row lacks."""
    best: dict[Column, int] = {}
    seen = 0
    for line, cells in rows:
        if not any(c.strip() for c in cells):
            continue
        seen += 1
        found: dict[Column, int] = {}
        for at, cell in enumerate(cells):
            column = column_of(cell)
            if column is not None and column not in found:
                found[column] = at
        if _complete(found):
            return Header(line, found)
        if len(found) > len(best):
            best = found
        if seen >= HEADER_SEARCH_ROWS:
            break
    missing = [c for c in (Column.CARRIER, Column.TRACKING_NUMBER) if c not in best]
    if Column.ORDER_NUMBER not in best and Column.INVOICE_ID not in best:
        missing.insert(0, Column.ORDER_NUMBER)
    return HeaderMissing(tuple(missing))


def _complete(found: dict[Column, int]) -> bool:
    keyed = Column.ORDER_NUMBER in found or Column.INVOICE_ID in found
    return keyed and Column.CARRIER in found and Column.TRACKING_NUMBER in found


# -- couriers and postage ----------------------------------------------------------------------
#: Other names of the common couriers, folded: brand names, company names, English names.
_CARRIER_ALIASES: dict[str, str] = {
    **{alias: "顺丰" for alias in ("顺丰", "sf", "sfexpress", "顺丰速运", "顺丰快递", "顺丰速递", "顺丰物流")},
    **{alias: "EMS" for alias in ("ems", "邮政ems", "中国邮政ems", "邮政特快专递", "中国邮政速递", "chinaems",
                                  "中国邮政速递物流", "emsexpress", "邮政速递")},
    **{alias: "中通" for alias in ("中通", "zto", "ztoexpress", "中通快递", "中通速递")},
    **{alias: "圆通" for alias in ("圆通", "yto", "ytoexpress", "圆通速递", "圆通快递")},
    **{alias: "申通" for alias in ("申通", "sto", "stoexpress", "申通快递", "申通速递")},
    **{alias: "韵达" for alias in ("韵达", "yunda", "yundaexpress", "韵达快递", "韵达速递")},
    **{alias: "京东" for alias in ("京东", "jd", "jdlogistics", "jdexpress", "京东物流", "京东快递", "京东速运")},
    **{alias: "极兔" for alias in ("极兔", "j&t", "j&texpress", "jt", "jtexpress", "极兔速递", "极兔快递")},
}  # fmt: skip
_COMPANY_SUFFIX = re.compile(r"(股份)?有限(责任)?公司$|集团$|co?ltd$|company$|inc$")


@lru_cache(maxsize=1024)  # a file names a handful of couriers, on thousands of rows
def carrier_name(typed: str) -> str:
    """The common courier's name (``CARRIERS``) for what the sheet says, else the text as typed
    (trimmed): 顺丰速运 → 顺丰, "SF Express" → 顺丰, 德邦快递 → 德邦快递."""
    text = typed.strip()
    known = carrier_named(text)
    if known is not None:
        return known.name
    folded = _COMPANY_SUFFIX.sub("", fold(text))
    return _CARRIER_ALIASES.get(folded, text)


#: Postage words, folded: the couriers' own (寄方付, 收方付, 月结…) and English.
_POSTAGE_WORDS: dict[str, Postage] = {
    **{w: Postage.VENDOR_PAID for w in ("寄付", "寄方付", "寄件人付", "现付", "寄付现结", "寄付月结", "月结",
                                        "包邮", "postagepaid", "paid", "prepaid", "vendorpaid", "sender",
                                        "senderpays", "shipperpays")},
    **{w: Postage.COD for w in ("到付", "收方付", "收件人付", "到付款", "cashondelivery", "cod", "collect",
                                "freightcollect", "receiver", "receiverpays", "recipientpays")},
}  # fmt: skip


@lru_cache(maxsize=256)
def postage_of(typed: str) -> Postage | None:
    """寄付 when empty; None for a word that is neither 寄付 nor 到付."""
    folded = fold(typed)
    if not folded:
        return Postage.VENDOR_PAID
    return _POSTAGE_WORDS.get(folded)


# -- rows and their verdicts -------------------------------------------------------------------
#: A number a spreadsheet wrote in scientific notation (7.73012E+14): its digits are lost.
_SCIENTIFIC = re.compile(r"[0-9](\.[0-9]+)?e\+[0-9]+", re.IGNORECASE)  # not 5E12345678, a real number


def clean(text: str) -> str:
    """A cell's value as compared: full-width digits and letters folded, spaces trimmed."""
    return unicodedata.normalize("NFKC", text).strip()


@dataclass(frozen=True, slots=True)
class ImportRow:
    """One data row as the sheet has it (cleaned), with its spreadsheet row number."""

    line: int
    key: str  # the order number, or the invoice ID
    key_column: Column  # which of the two
    carrier_typed: str
    tracking_number: str
    postage_typed: str

    @property
    def carrier(self) -> str:
        return carrier_name(self.carrier_typed)

    @property
    def postage(self) -> Postage | None:
        return postage_of(self.postage_typed)


def data_rows(header: Header, rows: Iterable[tuple[int, Sequence[str]]]) -> list[ImportRow]:
    """The rows under the header; empty rows are skipped (Excel leaves them between blocks)."""
    cells = header.cells

    def cell(values: Sequence[str], column: Column) -> str:
        at = cells.get(column)
        return clean(values[at]) if at is not None and at < len(values) else ""

    found: list[ImportRow] = []
    for line, values in rows:
        if line <= header.line or not any(v.strip() for v in values):
            continue
        invoice_id = cell(values, Column.INVOICE_ID)
        key, key_column = (invoice_id, Column.INVOICE_ID) if invoice_id else (
            cell(values, Column.ORDER_NUMBER), Column.ORDER_NUMBER)  # fmt: skip
        found.append(ImportRow(line, key, key_column, cell(values, Column.CARRIER),
                               cell(values, Column.TRACKING_NUMBER), cell(values, Column.POSTAGE)))  # fmt: skip
    return found


class Verdict(StrEnum):
    READY = "ready"
    MALFORMED = "malformed"  # a field the marketplace would refuse (row's ``problems``)
    UNKNOWN_INVOICE = "unknown_invoice"  # no such invoice on this computer
    ALREADY_SHIPPED = "already_shipped"
    NOT_ISSUED = "not_issued"  # still pending: issue it first
    REVOKED = "revoked"  # revoked by the buyer (R-INV-2)
    ALREADY_QUEUED = "already_queued"  # an open invoice.ship command waits for it (a second import)
    DUPLICATE = "duplicate"  # the same invoice on another row of the file
    COD_NOT_ALLOWED = "cod_not_allowed"  # R-INV-5


class Problem(StrEnum):
    """What makes a row malformed; the viewmodel says each in the user's language."""

    NO_KEY = "no_key"
    KEY_AS_NUMBER = "key_as_number"  # 2.02611E+15: Excel rounded the order number
    NO_CARRIER = "no_carrier"
    CARRIER_TOO_LONG = "carrier_too_long"
    NO_TRACKING_NUMBER = "no_tracking_number"
    TRACKING_NUMBER_AS_NUMBER = "tracking_number_as_number"  # 7.73E+14: Excel rounded it
    BAD_TRACKING_NUMBER = "bad_tracking_number"
    UNKNOWN_POSTAGE = "unknown_postage"


def problems_of(row: ImportRow) -> tuple[Problem, ...]:
    found: list[Problem] = []
    if not row.key:
        found.append(Problem.NO_KEY)
    elif _SCIENTIFIC.fullmatch(row.key):
        found.append(Problem.KEY_AS_NUMBER)
    carrier = row.carrier
    if not carrier:
        found.append(Problem.NO_CARRIER)
    elif len(carrier) > CARRIER_MAX:
        found.append(Problem.CARRIER_TOO_LONG)
    if not row.tracking_number:
        found.append(Problem.NO_TRACKING_NUMBER)
    elif _SCIENTIFIC.fullmatch(row.tracking_number):
        found.append(Problem.TRACKING_NUMBER_AS_NUMBER)
    elif not tracking_number_ok(row.tracking_number):
        found.append(Problem.BAD_TRACKING_NUMBER)
    if row.postage is None:
        found.append(Problem.UNKNOWN_POSTAGE)
    return tuple(found)


@dataclass(frozen=True, slots=True)
class InvoiceFacts:
    """What the cache knows of the invoice a row names (``cache/invoices/import_lookup.py``)."""

    id: str
    version: int
    order_number: str
    amount_fen: int
    state: str
    #: The state of an open ``invoice.ship`` command on it (pending, sending, held, rejected), if any.
    queued: str | None = None


@dataclass(frozen=True, slots=True)
class Judgement:
    row: ImportRow
    verdict: Verdict
    invoice: InvoiceFacts | None = None
    problems: tuple[Problem, ...] = ()
    #: Duplicates: the other rows naming the same invoice; ``same_shipment`` when they all carry
    #: the same carrier, tracking number and postage (then the first row stays ready).
    other_lines: tuple[int, ...] = ()
    same_shipment: bool = False
    #: A ready row whose tracking number does not look like its carrier's (a warning only).
    unusual_number: bool = False

    @property
    def ready(self) -> bool:
        return self.verdict is Verdict.READY


def judge(rows: Sequence[ImportRow], lookup: Callable[[ImportRow], InvoiceFacts | None]) -> list[Judgement]:
    """Each row's verdict, in the order of the sheet. The first that applies wins: malformed,
    unknown invoice, the invoice's state (shipped, not issued, revoked), already queued,
    duplicate in the file, cash on delivery not allowed (R-INV-5), else ready."""
    verdicts: list[Judgement] = []
    for row in rows:
        problems = problems_of(row)
        if problems:
            verdicts.append(Judgement(row, Verdict.MALFORMED, problems=problems))
            continue
        invoice = lookup(row)
        verdicts.append(_by_invoice(row, invoice))
    return _mark_duplicates(verdicts)


def _by_invoice(row: ImportRow, invoice: InvoiceFacts | None) -> Judgement:
    if invoice is None:
        return Judgement(row, Verdict.UNKNOWN_INVOICE)
    state = InvoiceState(invoice.state) if invoice.state in InvoiceState._value2member_map_ else None
    if state is InvoiceState.SHIPPED:
        return Judgement(row, Verdict.ALREADY_SHIPPED, invoice)
    if state is InvoiceState.REVOKED:
        return Judgement(row, Verdict.REVOKED, invoice)
    if state is not InvoiceState.ISSUED:
        return Judgement(row, Verdict.NOT_ISSUED, invoice)
    if invoice.queued is not None:
        return Judgement(row, Verdict.ALREADY_QUEUED, invoice)
    return Judgement(row, Verdict.READY, invoice)


def _shipment(row: ImportRow) -> tuple[str, str, Postage | None]:
    return row.carrier, row.tracking_number.upper(), row.postage


def _mark_duplicates(verdicts: list[Judgement]) -> list[Judgement]:
    """Rows naming the same invoice that could otherwise be queued: if they all say the same
    (a row pasted twice), the first stays and the others are duplicates of it; if they differ,
    nobody can tell which is right, so every one of them is a duplicate and none is queued."""
    groups: dict[str, list[int]] = {}
    for at, judged in enumerate(verdicts):
        if judged.verdict is Verdict.READY and judged.invoice is not None:
            groups.setdefault(judged.invoice.id, []).append(at)
    result = list(verdicts)
    for members in groups.values():
        if len(members) < 2:
            continue
        lines = [verdicts[at].row.line for at in members]
        same = len({_shipment(verdicts[at].row) for at in members}) == 1
        for at in members[1:] if same else members:
            judged = verdicts[at]
            others = tuple(line for line in lines if line != judged.row.line)
            result[at] = Judgement(
                judged.row, Verdict.DUPLICATE, judged.invoice, other_lines=others, same_shipment=same
            )
    return [_final(j) for j in result]


def _final(judged: Judgement) -> Judgement:
    """The last checks on a row that could be queued: R-INV-5, then the number's usual shape."""
    if judged.verdict is not Verdict.READY or judged.invoice is None:
        return judged
    row = judged.row
    if row.postage is Postage.COD and not cod_allowed(judged.invoice.amount_fen):
        return Judgement(row, Verdict.COD_NOT_ALLOWED, judged.invoice)
    unusual = not looks_like_carriers(row.carrier, row.tracking_number)
    return Judgement(row, Verdict.READY, judged.invoice, unusual_number=unusual) if unusual else judged


@dataclass
class Counts:
    """How many rows got each verdict (the preview's line at the top); ``unusual`` counts ready
    rows with a tracking number to check."""

    total: int = 0
    by_verdict: dict[Verdict, int] = field(default_factory=dict)
    unusual: int = 0

    @property
    def ready(self) -> int:
        return self.by_verdict.get(Verdict.READY, 0)


def count(verdicts: Iterable[Judgement]) -> Counts:
    counts = Counts()
    for judged in verdicts:
        counts.total += 1
        counts.by_verdict[judged.verdict] = counts.by_verdict.get(judged.verdict, 0) + 1
        counts.unusual += judged.unusual_number
    return counts


#: The courier names a template and the dialog's hint offer (the app's list, in its order).
CARRIER_NAMES = tuple(c.name for c in CARRIERS)
