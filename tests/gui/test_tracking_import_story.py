"""The tracking-number import over real HTTP (issue 12, "Done when"): 200 issued invoices on the
marketplace; a courier's file of 200 rows — a GBK CSV as Chinese Excel saves it, and an .xlsx —
with 10 bad rows of different kinds; the preview names each bad row; the 190 shipments are
applied by the marketplace (the buyer side sees them shipped, R-INV-4); importing the same file
again queues nothing. R-INV-1 (only an issued invoice ships), R-INV-2 (revoked), R-INV-5 (cash on
delivery only under ¥50.00)."""

from __future__ import annotations

import csv
import uuid
from pathlib import Path
from typing import Any

import pytest

from tests.tracking_import_helpers import write_xlsx
from vendor_desktop.ui.invoices.import_dialog import TrackingImportDialog
from vendor_desktop.viewmodels.invoices.tracking_import import Stage

from .apphelpers import Marketplace, outbox_once_written, sign_in

pytestmark = pytest.mark.usefixtures("english")

PAID_STATES = ("paid", "delivering", "completed")


@pytest.fixture
def big_market(tmp_path):
    """Enough paid orders for 200 new invoices beside the demo's own (in every state)."""
    m = Marketplace(tmp_path, orders=700, listings=12, seed=11)
    yield m
    m.stop()


def everything(market: Marketplace) -> list[dict[str, Any]]:
    """Every change the owner may read, all pages."""
    found, cursor = [], None
    with market.as_user() as api:
        while True:
            page = api.get("/sync/changes", params={"limit": 2000, **({"cursor": cursor} if cursor else {})}).json()
            found += page["changes"]
            cursor = page["cursor"]
            if not page["has_more"]:
                return found


def latest(changes: list[dict[str, Any]], entity: str) -> dict[str, dict[str, Any]]:
    rows: dict[str, dict[str, Any]] = {}
    for change in changes:
        if change["entity"] == entity:
            rows[change["id"]] = change
    return {id_: c for id_, c in rows.items() if not c["deleted"]}


def issue_new_invoices(market: Marketplace, count: int) -> list[dict[str, Any]]:
    """Buyers ask for invoices on paid orders that have none; the owner issues them (If-Match: 1)."""
    changes = everything(market)
    invoiced = {c["data"]["order_id"] for c in latest(changes, "invoice").values()}
    orders = [o for o in latest(changes, "order").values() if o["data"]["state"] in PAID_STATES]
    orders = [o for o in orders if o["id"] not in invoiced]
    assert len(orders) >= count, f"only {len(orders)} paid orders without an invoice"
    issued = []
    with market.as_user() as owner:
        for n, order in enumerate(orders[:count]):
            asked = market.operator("POST", "/invoices", json={"order_id": order["id"]})
            assert asked.status_code == 201, asked.text
            headers = {"If-Match": "1", "Idempotency-Key": str(uuid.uuid4())}
            done = owner.post(f"/invoices/{asked.json()['id']}/issue", json={"invoice_number": f"{n + 1:08d}"},
                              headers=headers)  # fmt: skip
            assert done.status_code == 200, done.text
            issued.append(done.json())
    return issued


def demo_invoice(market: Marketplace, state: str) -> dict[str, Any]:
    return next(c for c in latest(everything(market), "invoice").values() if c["data"]["state"] == state)


def courier_rows(market: Marketplace, issued: list[dict[str, Any]]) -> tuple[list[list[Any]], dict[int, str]]:
    """200 rows: 190 good shipments of 190 issued invoices, and 10 bad rows, each with what the
    preview must say about it (by spreadsheet row)."""
    number = {i["id"]: i["data"]["order_number"] for i in issued}
    expensive = [i for i in issued if i["data"]["amount_fen"] >= 5_000]
    cod_refused, duplicated = expensive[0], expensive[1]
    others = [i for i in issued if i["id"] not in (cod_refused["id"], duplicated["id"])]
    good, spare = others[:190], others[190:]
    carriers = [
        ("顺丰速运", "SF{:013d}"),
        ("中通快递", "78{:011d}"),
        ("圆通速递", "YT{:013d}"),
        ("京东物流", "JD{:013d}"),
    ]
    rows: list[list[Any]] = [["订单号", "快递公司", "快递单号", "邮费"]]
    for n, invoice in enumerate(good):
        carrier, pattern = carriers[n % len(carriers)]
        cheap = invoice["data"]["amount_fen"] < 5_000
        rows.append([number[invoice["id"]], carrier, pattern.format(n + 1), "到付" if cheap else "寄付"])
    bad = [
        (["2026000000000000", "顺丰", "SF9000000000001", "寄付"], "No invoice for order 2026000000000000"),
        ([number[spare[0]["id"]], "", "SF9000000000002", "寄付"], "The carrier is empty."),
        ([demo_invoice(market, "shipped")["data"]["order_number"], "顺丰", "SF9000000000003", "寄付"],
         "is already shipped"),
        ([demo_invoice(market, "pending")["data"]["order_number"], "顺丰", "SF9000000000004", "寄付"],
         "is not issued yet"),
        ([demo_invoice(market, "revoked")["data"]["order_number"], "顺丰", "SF9000000000005", "寄付"],
         "The buyer revoked the invoice"),
        ([number[cod_refused["id"]], "顺丰", "SF9000000000006", "到付"], "Cash on delivery is only for invoices under"),
        ([number[duplicated["id"]], "顺丰", "SF9000000000007", "寄付"], "is also on row"),
        ([number[duplicated["id"]], "中通", "78900000000008", "寄付"], "is also on row"),
        (["", "顺丰", "SF9000000000009", "寄付"], "There is no order number or invoice ID."),
        ([number[spare[1]["id"]], "顺丰", "SF 12", "寄付"], "is not 6–40 letters"),
    ]  # fmt: skip
    expected: dict[int, str] = {}
    for at, (row, message) in zip((15, 40, 41, 77, 100, 123, 150, 151, 180, 200), bad, strict=True):
        rows.insert(at - 1, row)
        expected[at] = message
    assert len(rows) == 201
    return rows, expected


def write_gbk_csv(path: Path, rows: list[list[Any]]) -> Path:
    with path.open("w", encoding="gbk", newline="") as f:
        csv.writer(f).writerows(rows)
    return path


def open_import(center) -> TrackingImportDialog:
    """*Import tracking numbers…* on the Invoices page, as support clicks it."""
    window = center.window
    window.show_area("invoices")
    view = window.view("invoices")
    before = set(view.findChildren(TrackingImportDialog))
    view.import_button.click()
    return next(d for d in view.findChildren(TrackingImportDialog) if d not in before)


def preview(qtbot, dialog: TrackingImportDialog, path: Path) -> dict[int, tuple[str, str]]:
    dialog.open_path(str(path))
    qtbot.waitUntil(lambda: dialog.vm.stage is Stage.PREVIEW, timeout=30_000)
    model = dialog.vm.model
    return {int(model.index(r, 0).data()): (model.index(r, 5).data(), model.index(r, 6).data())
            for r in range(model.rowCount())}  # fmt: skip


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_two_hundred_rows_ten_bad_the_rest_shipped_and_a_second_import_queues_nothing(
    qtbot, tmp_path, big_market, kind
) -> None:
    issued = issue_new_invoices(big_market, 200)
    rows, bad = courier_rows(big_market, issued)
    path = (
        write_gbk_csv(tmp_path / "顺丰 11月.csv", rows) if kind == "csv" else write_xlsx(tmp_path / "顺丰.xlsx", rows)
    )
    center = sign_in(qtbot, tmp_path, big_market)

    dialog = open_import(center)
    rows_shown = preview(qtbot, dialog, path)
    assert len(rows_shown) == 200
    for line, message in bad.items():  # each bad row is named, with what is wrong
        verdict, note = rows_shown[line]
        assert verdict != "Ready" and note.startswith(f"Row {line}: ") and message in note, (line, rows_shown[line])
    assert sum(1 for verdict, _ in rows_shown.values() if verdict.startswith("Ready")) == 190
    assert dialog.import_button.text() == "Import 190 rows"

    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.vm.settled, timeout=120_000)  # every shipment sent and answered
    assert dialog.summary.text() == "Shipped: 190 · Not imported: 10"
    shipped = latest(everything(big_market), "invoice")
    ids = {i["data"]["order_number"]: i["id"] for i in issued}
    good = [r for r in rows[1:] if r[0] in ids and rows_shown[rows.index(r) + 1][0].startswith("Ready")]
    assert len(good) == 190
    for row in good[:5] + good[-5:]:  # what the buyer sees (R-INV-4)
        buyer = big_market.operator("GET", f"/invoices/{ids[row[0]]}").json()
        assert (buyer["state"], buyer["tracking_number"]) == ("shipped", row[2])
    assert (
        sum(1 for i in shipped.values() if i["id"] in {ids[r[0]] for r in good} and i["data"]["state"] == "shipped")
        == 190
    )
    applied = outbox_once_written(qtbot, center)

    # The same file again: every row is shipped or bad now; nothing is queued.
    dialog.close()
    again = open_import(center)
    rows_again = preview(qtbot, again, path)
    assert sum(1 for verdict, _ in rows_again.values() if verdict == "Already shipped") >= 190
    assert not again.import_button.isEnabled()
    again.import_button.click()
    assert outbox_once_written(qtbot, center) == applied
    again.close()
    center.shutdown()
