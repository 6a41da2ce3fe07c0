"""The tracking-number import's screens in the tour (tools/tour.py): the preview of a courier's
file with a row of every verdict, and the results after importing.

The demo vendor has a few issued invoices; the tour needs more that nothing else shows (the
results screen ships its own, and does so once per language), so buyers ask for invoices on paid
orders through the sandbox controls and the owner issues them over the API — as a vendor's
colleague would on another computer — then the app syncs them in. The "already queued" row is an
issued invoice whose earlier shipment the marketplace did not accept (it was sent against an old
version); the screen's close discards it again, so later screens see no trace of it.
"""

from __future__ import annotations

import csv
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

PAID = ("paid", "delivering", "completed")


def _rows(tour: Any, sql: str, *args: Any) -> list[Any]:
    with tour.center.session.db.engine.connect() as conn:
        return list(conn.exec_driver_sql(sql, args).all())


def _invoices(tour: Any, state: str) -> list[Any]:
    """(id, version, order_number, amount_fen) of cached invoices in ``state``, largest first."""
    return _rows(
        tour,
        "SELECT id, version, order_number, amount_fen FROM invoices WHERE state = ? ORDER BY amount_fen DESC, id",
        state,
    )


def new_issued_invoices(tour: Any, count: int) -> list[Any]:
    """``count`` invoices issued just now for paid orders that had none, synced into the cache."""
    import requests

    sandbox = tour.center.sandbox
    base = f"{sandbox.base_url}/api/v1"
    orders = _rows(
        tour,
        "SELECT id FROM orders WHERE state IN (?, ?, ?) AND id NOT IN "
        "(SELECT order_id FROM invoices WHERE order_id IS NOT NULL) ORDER BY id LIMIT ?",
        *PAID,
        count,
    )
    login = sandbox.ensure_demo()
    token = requests.post(
        f"{base}/auth/login",
        json={"account_id": login.account_id, "username": login.username, "password": login.password},
        timeout=10,
    ).json()["access_token"]
    operator = {"Authorization": f"Bearer {sandbox.operator_token}"}
    ids = []
    for (order_id,) in orders:
        asked = requests.post(f"{base}/sandbox/invoices", json={"order_id": order_id}, headers=operator, timeout=10)
        asked.raise_for_status()
        invoice_id = asked.json()["id"]
        headers = {"Authorization": f"Bearer {token}", "If-Match": "1", "Idempotency-Key": str(uuid.uuid4())}
        requests.post(
            f"{base}/invoices/{invoice_id}/issue", json={"invoice_number": "24330000123456789012"}, headers=headers,
            timeout=10,
        ).raise_for_status()  # fmt: skip
        ids.append(invoice_id)
    tour.center.sync.sync_now()
    tour.wait_until(lambda: len([i for i in _invoices(tour, "issued") if i[0] in ids]) == len(ids), "issued invoices")
    return [i for i in _invoices(tour, "issued") if i[0] in ids]


def _write(tour: Any, name: str, rows: list[list[str]]) -> Path:
    """A courier's file as Chinese Excel saves it: CSV in GBK."""
    path = Path(tour.center.session.db.path).parent / name
    with path.open("w", encoding="gbk", newline="") as f:
        csv.writer(f).writerows(rows)
    return path


def _open_dialog(tour: Any) -> Any:
    """*Import tracking numbers…* on the Invoices page (built as that page builds it, where the
    page is not there yet)."""
    from PySide6.QtCore import Qt

    from vendor_desktop.ui.invoices.import_dialog import TrackingImportDialog
    from vendor_desktop.viewmodels.invoices.tracking_import import TrackingImportViewModel

    if "invoices" in tour.window.area_ids:
        view = tour.show_area("invoices")
        before = set(view.findChildren(TrackingImportDialog))
        view.import_button.click()
        return next(d for d in view.findChildren(TrackingImportDialog) if d not in before)
    center, window = tour.center, tour.window
    vm = TrackingImportViewModel(center.session.db, center.queue, center.reads, parent=window)
    dialog = TrackingImportDialog(vm, parent=window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def _refused_shipment(tour: Any, invoice: Any) -> int:
    """An earlier shipment of ``invoice`` the marketplace did not accept (an old version)."""
    window = tour.window
    refused = window.changes_vm.rejected_count
    tour.center.queue.enqueue(
        kind="invoice.ship",
        entity="invoice",
        entity_id=invoice[0],
        base_version=invoice[1] - 1,  # sent as If-Match: someone changed it since
        method="POST",
        path=f"/invoices/{invoice[0]}/shipment",
        payload={"carrier": "顺丰", "tracking_number": "SF1000000000099", "postage": "vendor_paid"},
        summary={"order_number": invoice[2], "carrier": "顺丰", "tracking_number": "SF1000000000099"},
    )
    tour.wait_until(lambda: window.changes_vm.rejected_count > refused, "the refused shipment")
    return next(c.id for c in window.changes_vm.commands if c.entity_id == invoice[0])


def preview(tour: Any) -> QWidget:
    """A file with a row of each verdict: ready, ready with an unusual number, cash on delivery
    refused (R-INV-5), one invoice twice, already queued, unknown, shipped, pending, revoked
    (R-INV-2), and a malformed row."""
    issued = _invoices(tour, "issued")
    queued = new_issued_invoices(tour, 1)[0]
    tour.refused_command = _refused_shipment(tour, queued)
    shipped, pending, revoked = (_invoices(tour, s)[0] for s in ("shipped", "pending", "revoked"))
    rows = [
        ["订单号", "快递公司", "快递单号", "邮费"],
        [issued[0][2], "顺丰速运", "SF1234567890123", "寄付"],
        [issued[1][2], "京东物流", "123456789", "寄付"],
        [issued[2][2], "圆通速递", "YT1234567890123", "到付"],
        [issued[3][2], "中通快递", "75123456789012", ""],
        [issued[3][2], "中通快递", "75123456789099", ""],
        [queued[2], "顺丰", "SF1234567890124", "寄付"],
        ["2026000000000000", "顺丰", "SF1234567890125", "寄付"],
        [shipped[2], "顺丰", "SF1234567890126", "寄付"],
        [pending[2], "韵达", "43123456789012", "寄付"],
        [revoked[2], "申通", "77123456789012", "寄付"],
        [issued[4][2] if len(issued) > 4 else issued[0][2], "EMS", "SF 12", "免费"],
    ]
    dialog = _open_dialog(tour)
    dialog.open_path(str(_write(tour, "顺丰 11月.csv", rows)))
    tour.wait_until(lambda: dialog.vm.preview is not None, "the import preview")
    tour.select_row(dialog.table, 2)  # cash on delivery refused: its whole note under the list
    return dialog


def close_preview(tour: Any, dialog: QWidget) -> None:
    dialog.reject()  # type: ignore[attr-defined]
    tour.center.queue.discard(tour.refused_command)
    tour.wait_until(lambda: all(c.id != tour.refused_command for c in tour.window.changes_vm.commands), "discard")


def results(tour: Any) -> QWidget:
    """Two shipments imported and applied by the marketplace, one row not imported."""
    fresh = new_issued_invoices(tour, 2)
    rows = [
        ["订单号", "快递公司", "快递单号", "邮费"],
        [fresh[0][2], "顺丰速运", "SF1234567890127", "寄付"],
        ["2026000000000000", "顺丰", "SF1234567890128", "寄付"],
        [fresh[1][2], "极兔速递", "JT1234567890123", "寄付"],
    ]
    dialog = _open_dialog(tour)
    dialog.open_path(str(_write(tour, "极兔 11月.csv", rows)))
    tour.wait_until(lambda: dialog.vm.preview is not None, "the import preview")
    dialog.import_button.click()
    tour.wait_until(lambda: dialog.vm.settled, "the shipments to be applied")
    return dialog


def close(_tour: Any, dialog: QWidget) -> None:
    dialog.reject()  # type: ignore[attr-defined]


def import_screens() -> Iterator[tuple[str, Any, Any]]:
    yield "tracking-import-preview", preview, close_preview
    yield "tracking-import-results", results, close
