"""The tracking-number import's rules (issue 12 item 3): which row is the header, what a courier
or a postage word means, and each row's verdict before anything is queued (R-INV-1, R-INV-5)."""

from __future__ import annotations

import pytest

from vendor_desktop.domain.invoices import Postage
from vendor_desktop.domain.tracking_import import (
    Column,
    Header,
    HeaderMissing,
    ImportRow,
    InvoiceFacts,
    Problem,
    Verdict,
    carrier_name,
    count,
    data_rows,
    find_header,
    judge,
    postage_of,
)


def _rows(*rows: list[str]) -> list[tuple[int, list[str]]]:
    return list(enumerate(rows, start=1))


@pytest.mark.parametrize(
    "names",
    [
        ["订单号", "快递公司", "快递单号", "邮费"],
        [" Order Number ", "CARRIER", "tracking number", "Postage"],
        ["订单编号", "物流公司", "运单号"],
        ["Order No.", "Courier", "Tracking No"],
        ["订单号（必填）", "快递公司*", "快递单号（必填）", "付款方式"],
        ["订 单 号", "快递公司", "快递单号"],  # spaces inside, as people type them
        ["发票 ID", "快递公司", "快递单号"],
        ["Invoice ID", "carrier", "tracking_number"],
    ],
)
def test_the_header_is_recognised_in_chinese_or_english_whatever_the_spacing_and_case(names: list[str]) -> None:
    header = find_header(_rows(names))
    assert isinstance(header, Header)
    assert header.line == 1
    assert header.cells[Column.CARRIER] == 1 and header.cells[Column.TRACKING_NUMBER] == 2


def test_a_title_line_above_the_header_is_skipped_and_row_numbers_stay_the_sheets() -> None:
    sheet = _rows(
        ["顺丰月结导出 2026-11-26"], [], ["序号", "订单号", "快递公司", "快递单号"], ["1", "A1", "顺丰", "SF1"]
    )
    header = find_header(sheet)
    assert isinstance(header, Header) and header.line == 3
    (row,) = data_rows(header, sheet)
    assert (row.line, row.key, row.carrier_typed, row.tracking_number) == (4, "A1", "顺丰", "SF1")


@pytest.mark.parametrize(
    ("names", "missing"),
    [
        (["订单号", "快递公司"], (Column.TRACKING_NUMBER,)),
        (["快递公司", "快递单号"], (Column.ORDER_NUMBER,)),
        (["name", "address", "phone"], (Column.ORDER_NUMBER, Column.CARRIER, Column.TRACKING_NUMBER)),
    ],
)
def test_a_file_without_the_needed_columns_says_which_are_missing(names, missing) -> None:
    assert find_header(_rows(names)) == HeaderMissing(missing)


def test_empty_rows_are_skipped_and_an_invoice_id_wins_over_an_order_number() -> None:
    sheet = _rows(
        ["订单号", "发票 ID", "快递公司", "快递单号"],
        ["A1", "", "顺丰", " SF１２３ "],  # full-width digits, spaces around: cleaned
        ["", "", "", ""],
        ["A2", "inv-2", "中通", "77"],
    )
    header = find_header(sheet)
    assert isinstance(header, Header)
    rows = data_rows(header, sheet)
    assert [(r.line, r.key, r.key_column, r.tracking_number) for r in rows] == [
        (2, "A1", Column.ORDER_NUMBER, "SF123"),
        (4, "inv-2", Column.INVOICE_ID, "77"),
    ]


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("顺丰速运", "顺丰"),
        ("SF Express", "顺丰"),
        ("sf-express", "顺丰"),
        ("顺丰速运有限公司", "顺丰"),
        ("中通快递", "中通"),
        ("ZTO", "中通"),
        ("圆通速递", "圆通"),
        ("申通快递", "申通"),
        ("韵达快递", "韵达"),
        ("Yunda Express", "韵达"),
        ("京东物流", "京东"),
        ("JD Logistics", "京东"),
        ("极兔速递", "极兔"),
        ("J&T Express", "极兔"),
        ("邮政EMS", "EMS"),
        ("ems", "EMS"),
        ("德邦快递", "德邦快递"),  # not one of the common couriers: kept as typed
        ("  跨越速运 ", "跨越速运"),
    ],
)
def test_couriers_names_map_to_the_apps_list_and_others_stay_as_typed(typed: str, name: str) -> None:
    assert carrier_name(typed) == name


@pytest.mark.parametrize(
    ("typed", "postage"),
    [
        ("", Postage.VENDOR_PAID),
        ("寄付", Postage.VENDOR_PAID),
        ("寄方付", Postage.VENDOR_PAID),
        ("月结", Postage.VENDOR_PAID),
        ("Postage paid", Postage.VENDOR_PAID),
        ("到付", Postage.COD),
        ("收方付", Postage.COD),
        ("Cash on delivery", Postage.COD),
        ("COD", Postage.COD),
        ("免费", None),
    ],
)
def test_postage_words(typed: str, postage: Postage | None) -> None:
    assert postage_of(typed) == postage


# -- verdicts ------------------------------------------------------------------------------------
def _row(line: int, key: str, carrier: str = "顺丰", number: str = "SF1234567890123", postage: str = "") -> ImportRow:
    return ImportRow(line, key, Column.ORDER_NUMBER, carrier, number, postage)


def _facts(key: str, state: str = "issued", amount_fen: int = 12_800, queued: str | None = None) -> InvoiceFacts:
    return InvoiceFacts(f"inv-{key}", 3, key, amount_fen, state, queued)


def _judge(rows: list[ImportRow], invoices: list[InvoiceFacts]):
    known = {f.order_number: f for f in invoices}
    return judge(rows, lambda row: known.get(row.key))


def test_each_verdict() -> None:
    """One row per verdict: only the issued invoice, not queued, with a sound row, is ready."""
    invoices = [
        _facts("ready"),
        _facts("shipped", "shipped"),
        _facts("pending", "pending"),
        _facts("revoked", "revoked"),
        _facts("queued", queued="pending"),
        _facts("dup"),
        _facts("cod", amount_fen=8_800),
    ]
    rows = [
        _row(2, "ready"),
        _row(3, "nobody"),
        _row(4, "shipped"),
        _row(5, "pending"),
        _row(6, "revoked"),
        _row(7, "queued"),
        _row(8, "dup", number="SF1000000000001"),
        _row(9, "dup", number="SF1000000000002"),
        _row(10, "cod", postage="到付"),
        _row(11, "ready", number="12"),
    ]
    verdicts = [j.verdict for j in _judge(rows, invoices)]
    assert verdicts == [
        Verdict.READY,
        Verdict.UNKNOWN_INVOICE,
        Verdict.ALREADY_SHIPPED,
        Verdict.NOT_ISSUED,
        Verdict.REVOKED,
        Verdict.ALREADY_QUEUED,
        Verdict.DUPLICATE,
        Verdict.DUPLICATE,
        Verdict.COD_NOT_ALLOWED,
        Verdict.MALFORMED,
    ]
    counts = count(_judge(rows, invoices))
    assert counts.total == 10 and counts.ready == 1 and counts.by_verdict[Verdict.DUPLICATE] == 2


@pytest.mark.parametrize(
    ("row", "problems"),
    [
        (_row(2, ""), (Problem.NO_KEY,)),
        (_row(2, "2.02611E+15"), (Problem.KEY_AS_NUMBER,)),  # Excel's CSV of a 16-digit order number
        (_row(2, "k", carrier=""), (Problem.NO_CARRIER,)),
        (_row(2, "k", carrier="一家名字特别特别特别长的快递物流有限责任公司"), (Problem.CARRIER_TOO_LONG,)),
        (_row(2, "k", number=""), (Problem.NO_TRACKING_NUMBER,)),
        (_row(2, "k", number="SF 123 456"), (Problem.BAD_TRACKING_NUMBER,)),
        (_row(2, "k", number="x" * 41), (Problem.BAD_TRACKING_NUMBER,)),
        (_row(2, "k", number="7.73012E+14"), (Problem.TRACKING_NUMBER_AS_NUMBER,)),
        (_row(2, "k", postage="免费"), (Problem.UNKNOWN_POSTAGE,)),
        (_row(2, "", carrier="", number=""), (Problem.NO_KEY, Problem.NO_CARRIER, Problem.NO_TRACKING_NUMBER)),
    ],
)
def test_malformed_rows_name_every_problem(row: ImportRow, problems: tuple[Problem, ...]) -> None:
    (judged,) = _judge([row], [_facts("k")])
    assert judged.verdict is Verdict.MALFORMED and judged.problems == problems


def test_the_same_shipment_twice_keeps_the_first_row() -> None:
    """A row pasted twice: the first is queued, the second is flagged as its duplicate."""
    judged = _judge([_row(2, "a"), _row(3, "b"), _row(7, "a", postage="寄付")], [_facts("a"), _facts("b")])
    assert [j.verdict for j in judged] == [Verdict.READY, Verdict.READY, Verdict.DUPLICATE]
    assert judged[2].other_lines == (2,) and judged[2].same_shipment


def test_different_shipments_for_one_invoice_are_all_flagged() -> None:
    """Nobody can tell which tracking number is right: every one of those rows is flagged."""
    rows = [
        _row(2, "a", number="SF1000000000001"),
        _row(5, "a", number="SF1000000000002"),
        _row(9, "a", carrier="中通"),
    ]
    judged = _judge(rows, [_facts("a")])
    assert [j.verdict for j in judged] == [Verdict.DUPLICATE] * 3
    assert [j.other_lines for j in judged] == [(5, 9), (2, 9), (2, 5)]
    assert not any(j.same_shipment for j in judged)


@pytest.mark.parametrize(("amount_fen", "verdict"), [(4_999, Verdict.READY), (5_000, Verdict.COD_NOT_ALLOWED)])
def test_cash_on_delivery_only_under_fifty_yuan(amount_fen: int, verdict: Verdict) -> None:
    """R-INV-5: from ¥50.00 the vendor pays the postage."""
    (judged,) = _judge([_row(2, "a", postage="到付")], [_facts("a", amount_fen=amount_fen)])
    assert judged.verdict is verdict


def test_an_unusual_tracking_number_is_a_warning_on_a_ready_row() -> None:
    judged = _judge([_row(2, "a", number="ABC123456"), _row(3, "b"), _row(4, "c", "德邦", "DPK1")], [
        _facts("a"), _facts("b"), _facts("c")])  # fmt: skip
    assert [j.verdict for j in judged[:2]] == [Verdict.READY, Verdict.READY]
    assert judged[0].unusual_number and not judged[1].unusual_number
    assert judged[2].verdict is Verdict.MALFORMED  # too short for the marketplace: a refusal
    assert count(judged).unusual == 1
