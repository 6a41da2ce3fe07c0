"""The Tickets screens of the tour (tools/tour.py), R-TKT-1: the list before any ticket (or, when
the demo has some, one filtered to nothing), *Open a ticket…* refusing a screenshot over 5 MB, and
a ticket the owner opened with a screenshot that the marketplace has answered (待您回复), its
conversation and attachments beside it."""

from __future__ import annotations

import struct
import tempfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

SUBJECT = "买家付款后看不到已购实例 / Buyer cannot see the instance"


def _png(path: Path, extra: int) -> Path:
    """A real 1×1 PNG, padded in a private chunk to the size wanted."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
    body = chunk(b"prVt", b"\0" * extra) + chunk(b"IDAT", zlib.compress(b"\0\xff\x00\x00")) + chunk(b"IEND", b"")
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + header + body)
    return path


_FILES = Path(tempfile.mkdtemp(prefix="vendor-desktop-tour-files-"))


def _empty(tour: Any) -> QWidget:
    view = tour.show_area("tickets")
    if view.vm.count:  # the demo has tickets: show the list's empty sentence through the search
        view.search.setText("——")
    tour.settle()
    return tour.window


def _leave_empty(tour: Any, _widget: QWidget) -> None:
    tour.window.view("tickets").search.clear()


def _open_dialog_with_a_large_file(tour: Any) -> QWidget:
    view = tour.show_area("tickets")
    dialog = view.open_dialog()
    dialog.type.setCurrentIndex(dialog.type.findData("other"))
    dialog.subject.setText("保证金缴纳凭证 / Deposit receipt")
    dialog.description.setPlainText(
        "上周已缴纳第 2 档保证金，附上转账回单。\nPaid tier 2 last week; the receipt is attached."
    )
    dialog.add_paths([str(_png(_FILES / "回单.png", 180_000)), str(_png(_FILES / "整个屏幕.png", 6 * 1024 * 1024))])
    tour.wait_until(lambda: dialog.files.count() == 2, "the files to be checked")
    return dialog


def _close(_tour: Any, dialog: QWidget) -> None:
    dialog.reject()  # type: ignore[attr-defined]


def _answered_ticket(tour: Any) -> QWidget:
    """Open a ticket with a screenshot (through the outbox), let the marketplace answer it, select it."""
    import requests

    from vendor_desktop.viewmodels.tickets.viewmodel import TicketForm

    view = tour.show_area("tickets")
    vm, window, sandbox = view.vm, tour.window, tour.center.sandbox

    def ours() -> Any:
        row = next((r for r in range(vm.model.rowCount()) if vm.model.index(r, 0).data() == SUBJECT), -1)
        return vm.model.row_at(row) if row >= 0 else None

    if ours() is None or ours().ticket is None:
        orders = vm.orders()
        vm.open_ticket(TicketForm(
            "order", SUBJECT, "买家付款后登录控制台，看不到实例。\n请协助排查。",
            order_id=orders[0][0] if orders else None, files=(str(_png(_FILES / "登录截图.png", 240_000)),),
        ))  # fmt: skip
        tour.wait_until(lambda: ours() is not None, "the ticket to be queued")
        window.sync_button.click()
        tour.wait_until(
            lambda: ours().ticket is not None and ours().ticket.attachments, "the ticket to reach the marketplace"
        )
        requests.post(
            f"{sandbox.base_url}/api/v1/sandbox/tickets/{ours().ticket.id}/reply",
            json={"body": "已收到。请提供买家账号 ID 和截图时间。\nReceived: please send the buyer's account ID."},
            headers={"Authorization": f"Bearer {sandbox.operator_token}"},
            timeout=10,
        ).raise_for_status()
        window.sync_button.click()
        tour.wait_until(lambda: ours().ticket.state == "replied", "the marketplace's reply")
    row = next(r for r in range(vm.model.rowCount()) if vm.model.index(r, 0).data() == SUBJECT)
    tour.select_row(view.table, row, lambda: vm.selected is not None and vm.selected.subject == SUBJECT)
    return window


def ticket_screens() -> Iterator[tuple[str, Callable[[Any], QWidget], Callable[[Any, QWidget], None], bool]]:
    """(name, open, close, dialog) of each Tickets screen, in the order the tour shows them."""
    yield "tickets-empty", _empty, _leave_empty, False
    yield "ticket-open-dialog", _open_dialog_with_a_large_file, _close, True
    yield "tickets", _answered_ticket, lambda _tour, _widget: None, False
