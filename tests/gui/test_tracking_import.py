"""Importing tracking numbers (issue 12 item 3) through the viewmodel and the dialog, on a cache
with known invoices: the files people really have (GBK CSV from Chinese Excel, UTF-8 with a BOM,
.xlsx), the preview's verdicts and messages, queuing, a second import, results and exports.
The whole story over real HTTP is test_tracking_import_story.py."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.tracking_import_helpers import invoice_change, invoice_id, number, put_invoices, write_csv, write_xlsx
from vendor_desktop.cache.core import outbox
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.cache.core.outbox_results import mark_applied, mark_rejected
from vendor_desktop.sync.client import SignedInUser
from vendor_desktop.ui.core import i18n
from vendor_desktop.ui.invoices.import_dialog import TrackingImportDialog
from vendor_desktop.viewmodels.core.background import BackgroundRunner
from vendor_desktop.viewmodels.core.commands import CommandQueue
from vendor_desktop.viewmodels.invoices.import_file import read_sheet
from vendor_desktop.viewmodels.invoices.tracking_import import Stage, TrackingImportViewModel

NOW = dt.datetime(2026, 11, 26, 2, 0, tzinfo=dt.UTC)
HEADER_ZH = ["订单号", "快递公司", "快递单号", "邮费"]
OWNER = SignedInUser("u1", "owner", "张晓明", "owner", frozenset({"invoices.issue"}), "V1")


@pytest.fixture
def db(tmp_path):
    database = CacheDatabase.open(tmp_path / "cache.sqlite3")
    put_invoices(
        database,
        [invoice_change(n) for n in range(1, 30)]
        + [
            invoice_change(30, state="shipped"),
            invoice_change(31, state="pending"),
            invoice_change(32, state="revoked"),
        ]
        + [invoice_change(33, amount_fen=8_800), invoice_change(34, amount_fen=4_000)],
    )
    yield database
    database.close()


@pytest.fixture
def vm(qapp, db, english):
    writes, reads = BackgroundRunner(name="writes"), BackgroundRunner(name="reads")
    queue = CommandQueue(db, OWNER, writes)
    model = TrackingImportViewModel(db, queue, reads)
    yield model
    model.stop()
    writes.drain(5)
    reads.shutdown()


def _preview(qtbot, vm: TrackingImportViewModel, path: Path) -> None:
    with qtbot.waitSignal(vm.changed, check_params_cb=lambda: vm.stage is not Stage.READING, timeout=10_000):
        vm.open_file(path)
    qtbot.waitUntil(lambda: vm.stage is not Stage.READING)


def _column(vm: TrackingImportViewModel, column: int) -> list[str]:
    return [vm.model.index(r, column).data() for r in range(vm.model.rowCount())]


def _outbox(db: CacheDatabase) -> list[outbox.Command]:
    with db.session() as s:
        return outbox.visible_commands(s)


# -- the files people have ----------------------------------------------------------------------
@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-8-sig", "utf-8"])
def test_a_csv_in_each_encoding_excel_and_wps_save_reads_the_same(qtbot, vm, tmp_path, encoding) -> None:
    """Chinese Excel saves GBK, newer Excel "CSV UTF-8" with a BOM; couriers' systems UTF-8."""
    rows = [HEADER_ZH, [number(1), "顺丰速运", "SF1234567890123", "寄付"], [number(2), "中通快递", "7730123456789", ""]]
    _preview(qtbot, vm, write_csv(tmp_path / f"{encoding}.csv", rows, encoding))
    assert vm.error == ""
    assert _column(vm, 2) == ["SF Express", "ZTO Express"]  # 顺丰, 中通 on a Chinese screen and to the buyer
    assert vm.summary() == "Ready: 2"


def test_gb18030_characters_outside_gbk_survive(tmp_path) -> None:
    """GB18030 has characters GBK has not (the rare 䶮 of a name): read as GB18030, not GBK."""
    path = write_csv(tmp_path / "gb18030.csv", [HEADER_ZH, [number(1), "䶮记快递", "AB1234567", "寄付"]], "gb18030")
    assert read_sheet(path).rows[1][1][1] == "䶮记快递"


def test_an_xlsx_with_numbers_as_numbers_and_empty_rows(qtbot, vm, tmp_path) -> None:
    """Excel stores an order number typed without a leading ' as a number: read back whole."""
    path = write_xlsx(tmp_path / "sf.xlsx", [
        ["Order number", "Carrier", "Tracking number"],
        [int(number(1)), "SF Express", "SF1234567890123"],
        [None, None, None],
        [int(number(2)), "ZTO", 773012345678901],
    ])  # fmt: skip
    _preview(qtbot, vm, path)
    assert _column(vm, 0) == ["2", "4"]  # the sheet's row numbers, the empty row skipped
    assert _column(vm, 3) == ["SF1234567890123", "773012345678901"]
    assert vm.summary() == "Ready: 2"


def test_a_16_digit_number_excel_rounded_is_named_not_shipped_to_another_order(qtbot, vm, tmp_path) -> None:
    """Excel keeps 15 significant digits: an order number it stored as a number ends in 0, maybe
    not its own last digit. Such a row needs fixing, never ships another order's invoice."""
    rounded = int(number(1)[:-1] + "0")
    path = write_xlsx(tmp_path / "rounded.xlsx", [
        ["Order number", "Carrier", "Tracking number"],
        [rounded, "SF Express", "SF1234567890123"],
        [int(number(2)), "SF Express", "SF1234567890124"],  # a last digit Excel could not have made
    ])  # fmt: skip
    _preview(qtbot, vm, path)
    assert vm.summary() == "Ready: 1 · Needs fixing: 1"
    assert "lost digits" in _column(vm, 6)[0]


def test_a_tab_separated_text_file_is_read_too(qtbot, vm, tmp_path) -> None:
    path = tmp_path / "export.txt"
    path.write_text(f"订单号\t快递公司\t快递单号\n{number(1)}\t韵达\t3123456789012\n", encoding="utf-8")
    _preview(qtbot, vm, path)
    assert vm.summary() == "Ready: 1"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.csv", "订单号,快递公司\n1,顺丰\n", "The file has no column for Tracking number."),
        ("nothing.csv", "name,phone\nx,y\n", "no column for Order number, Carrier, Tracking number"),
        ("empty.csv", "\n\n", "The file is empty."),
        ("header-only.csv", "订单号,快递公司,快递单号\n", "no rows under them"),
        ("old.xls", "binary", "Old Excel files (.xls) cannot be read"),
        ("broken.xlsx", "not a zip", "This file could not be read"),
    ],
)
def test_a_file_that_cannot_be_imported_says_why(qtbot, vm, tmp_path, name, content, message) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with qtbot.waitSignal(vm.failed, timeout=10_000) as failed:
        vm.open_file(path)
    assert message in failed.args[0]
    assert vm.stage is Stage.EMPTY and vm.why_cannot_import() == "Choose a file first."


# -- the preview -----------------------------------------------------------------------------------
BAD_ROWS = [
    [number(30), "顺丰", "SF1234567890125", "寄付"],  # row 3: already shipped
    [number(31), "顺丰", "SF1234567890126", "寄付"],  # row 4: not issued yet
    [number(32), "顺丰", "SF1234567890127", "寄付"],  # row 5: revoked by buyer
    ["2026999999999999", "顺丰", "SF1234567890124", "寄付"],  # row 6: unknown invoice
    [number(3), "顺丰", "SF12", "寄付"],  # row 7: malformed
    [number(4), "顺丰", "SF1234567890128", "免费"],  # row 8: malformed postage
    [number(33), "圆通", "YT1234567890123", "到付"],  # row 9: COD of ¥88.00 (R-INV-5)
    [number(5), "韵达", "3123456789012", ""],  # rows 10, 11: one invoice, two shipments
    [number(5), "韵达", "3123456789099", ""],
]


def _mixed_file(tmp_path: Path) -> Path:
    rows = [HEADER_ZH, [number(1), "顺丰速运", "SF1234567890123", "寄付"], *BAD_ROWS]
    rows += [[number(34), '=HYPERLINK("x")', "DPK123456789", "到付"]]  # row 12: ready (¥40.00 may be COD)
    rows += [[number(6), "京东", "ABC123456", ""]]  # row 13: ready, an unusual JD number
    return write_csv(tmp_path / "顺丰 11月.csv", rows, "gbk")


def test_the_preview_names_each_bad_row_and_counts_each_verdict(qtbot, vm, tmp_path) -> None:
    _preview(qtbot, vm, _mixed_file(tmp_path))
    assert vm.row_count == 12 and vm.file_name == "顺丰 11月.csv"
    assert vm.summary() == (
        "Ready: 3 · Needs fixing: 2 · Unknown invoice: 1 · Already shipped: 1 · Not issued yet: 1 · "
        "Revoked by buyer: 1 · Duplicate: 2 · No cash on delivery: 1 · Check the number: 1"
    )
    notes = dict(zip(_column(vm, 0), _column(vm, 6), strict=True))
    assert notes["2"] == ""
    assert notes["3"] == f"Row 3: The invoice of order {number(30)} is already shipped."
    assert notes["4"].startswith(f"Row 4: The invoice of order {number(31)} is not issued yet.")
    assert notes["5"] == f"Row 5: The buyer revoked the invoice of order {number(32)}."
    assert notes["6"].startswith("Row 6: No invoice for order 2026999999999999 on this computer.")
    assert notes["7"] == "Row 7: The tracking number “SF12” is not 6–40 letters, digits or hyphens."
    assert notes["8"] == "Row 8: The postage “免费” is neither “postage paid” nor “cash on delivery”."
    assert notes["9"] == (
        "Row 9: Cash on delivery is only for invoices under ¥50.00; this one is ¥88.00. Use postage paid."
    )
    assert notes["10"].startswith(f"Row 10: Order {number(5)} is also on row 11 with another shipment.")
    assert notes["11"].startswith(f"Row 11: Order {number(5)} is also on row 10")
    assert notes["13"] == (
        "Row 13: The tracking number does not look like a JD Logistics number. Check it: it is sent as it is."
    )
    assert vm.ready_count == 3

    vm.set_problems_only(True)  # the rows that need a look: all but the two clean ready ones
    assert _column(vm, 0) == ["3", "4", "5", "6", "7", "8", "9", "10", "11", "13"]


def test_the_preview_in_chinese(qtbot, vm, tmp_path) -> None:
    i18n.install(i18n.CHINESE)
    _preview(qtbot, vm, _mixed_file(tmp_path))
    notes = dict(zip(_column(vm, 0), _column(vm, 6), strict=True))
    assert notes["9"] == "第 9 行：满 ¥50.00 的发票不能到付，这张是 ¥88.00。请改为寄付。"
    assert notes["3"] == f"第 3 行：订单 {number(30)} 的发票已寄出。"
    assert vm.summary().startswith("可导入：3 · 需修改：2 · 未找到发票：1")
    assert _column(vm, 4)[0] == "寄付"


# -- queuing, a second import, results -----------------------------------------------------------
def test_the_ready_rows_are_queued_once_and_a_second_import_queues_nothing(qtbot, vm, db, tmp_path) -> None:
    path = _mixed_file(tmp_path)
    _preview(qtbot, vm, path)
    assert vm.import_ready()
    qtbot.waitUntil(lambda: vm.stage is Stage.RESULTS)
    queued = {c.entity_id: c for c in _outbox(db)}
    assert set(queued) == {invoice_id(1), invoice_id(34), invoice_id(6)}
    ship = queued[invoice_id(1)]
    assert (ship.kind, ship.method, ship.path, ship.base_version) == (
        "invoice.ship", "POST", f"/invoices/{invoice_id(1)}/shipment", 3)  # fmt: skip
    assert ship.payload == {"carrier": "顺丰", "tracking_number": "SF1234567890123", "postage": "vendor_paid"}
    assert ship.summary["import_file"] == "顺丰 11月.csv" and ship.summary["order_number"] == number(1)
    assert queued[invoice_id(34)].payload["postage"] == "cod"  # ¥40.00: cash on delivery allowed
    assert not vm.import_ready()  # this import is done: a second click queues nothing

    again = TrackingImportViewModel(db, vm._queue, vm._reads)
    _preview(qtbot, again, path)
    assert again.summary().startswith("Ready: 0")
    assert "Already queued: 3" in again.summary()
    assert again.why_cannot_import() == "No row is ready to import: each row's note says why."
    assert not again.import_ready()
    assert len(_outbox(db)) == 3


def test_results_follow_each_command_until_applied_or_refused(qtbot, vm, db, tmp_path) -> None:
    _preview(qtbot, vm, _mixed_file(tmp_path))
    vm.import_ready()
    qtbot.waitUntil(lambda: vm.stage is Stage.RESULTS)
    qtbot.waitUntil(lambda: vm.summary() == "Waiting to send: 3 · Not imported: 9")
    commands = {c.entity_id: c for c in _outbox(db)}
    with db.session(write=True) as s, s.begin():
        shipped = invoice_change(1, state="shipped", version=4)
        mark_applied(s, commands[invoice_id(1)].id, shipped, NOW)
        mark_rejected(
            s, commands[invoice_id(34)].id, code="INVOICE_STATE", message="The invoice is not issued.",
            message_zh="发票不是已开票状态。", details={}, now=NOW)  # fmt: skip
    qtbot.waitUntil(lambda: vm.summary() == "Shipped: 1 · Not accepted: 1 · Waiting to send: 1 · Not imported: 9")
    results = dict(zip(_column(vm, 0), zip(_column(vm, 5), _column(vm, 6), strict=True), strict=True))
    assert results["2"] == ("Shipped", "")
    assert results["12"] == ("Not accepted", "The marketplace did not accept this change: The invoice is not issued.")
    assert results["3"][0] == "Already shipped"  # not imported: still says why
    assert vm.model.headerData(5, Qt.Orientation.Horizontal) == "Result"
    assert not vm.settled
    vm.set_problems_only(True)  # after importing: the rows that did not ship
    assert _column(vm, 0) == ["3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13"]
    vm.set_problems_only(False)
    with db.session(write=True) as s, s.begin():
        outbox.discard(s, commands[invoice_id(6)].id, now=NOW)
    qtbot.waitUntil(lambda: vm.settled, timeout=5_000)
    assert "Discarded: 1" in vm.summary()


def test_exported_results_open_in_excel_with_formulas_neutralised(qtbot, vm, tmp_path) -> None:
    _preview(qtbot, vm, _mixed_file(tmp_path))
    vm.import_ready()
    qtbot.waitUntil(lambda: vm.stage is Stage.RESULTS)
    target = tmp_path / vm.default_results_name()
    with qtbot.waitSignal(vm.saved, timeout=10_000):
        vm.export_results(target)
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM: Excel shows the Chinese right
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0] == ["Row", "Order number", "Invoice ID", "Carrier", "Tracking number", "Postage", "Result", "Note"]
    assert len(rows) == 13
    by_row = {r[0]: r for r in rows[1:]}
    assert by_row["2"][2:] == [invoice_id(1), "SF Express", "SF1234567890123", "Postage paid", "Waiting to send", ""]
    assert by_row["12"][3] == '\'=HYPERLINK("x")'  # typed by someone else: text, never a formula
    assert by_row["6"][6] == "Unknown invoice" and by_row["6"][7].startswith("Row 6: No invoice")


@pytest.mark.parametrize(
    ("language", "suffix"), [(i18n.ENGLISH, ".csv"), (i18n.CHINESE, ".xlsx"), (i18n.CHINESE, ".csv")]
)
def test_the_template_in_each_language_imports_as_it_is(qtbot, vm, tmp_path, language, suffix) -> None:
    """The template's header is recognised and its example row is checked like any other."""
    i18n.install(language)
    target = tmp_path / f"template{suffix}"
    with qtbot.waitSignal(vm.saved, timeout=10_000):
        vm.write_template(target)
    header = read_sheet(target).rows[0][1]
    assert header == (["订单号", "快递公司", "快递单号", "邮费"] if language == i18n.CHINESE else
                      ["Order number", "Carrier", "Tracking number", "Postage"])  # fmt: skip
    if suffix == ".csv":
        assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    _preview(qtbot, vm, target)
    assert vm.preview is not None and vm.preview.counts.total == 1
    assert _column(vm, 2) == ["顺丰" if language == i18n.CHINESE else "SF Express"]
    assert _column(vm, 3) == ["SF1234567890123"]


def test_the_dialog_says_why_it_cannot_import_and_shows_the_counts(qtbot, vm, tmp_path) -> None:
    dialog = TrackingImportDialog(vm)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.import_button.isEnabled()
    assert dialog.import_button.toolTip() == "Choose a file first."
    dialog.open_path(str(_mixed_file(tmp_path)))
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled())
    assert dialog.import_button.text() == "Import 3 rows"
    assert dialog.file_label.text() == "12 rows in 顺丰 11月.csv"
    assert dialog.summary.text().startswith("Ready: 3 · Needs fixing: 2")
    dialog.table.selectRow(7)  # row 9 of the sheet: its whole note shows under the list
    assert dialog.row_note.text() == (
        "Row 9: Cash on delivery is only for invoices under ¥50.00; this one is ¥88.00. Use postage paid."
    )
    dialog.import_button.click()
    qtbot.waitUntil(lambda: vm.stage is Stage.RESULTS)
    assert not dialog.import_button.isEnabled() and not dialog.choose.isEnabled()
    assert dialog.summary.text() == "Waiting to send: 3 · Not imported: 9"
