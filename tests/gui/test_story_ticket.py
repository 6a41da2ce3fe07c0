"""The ticket story (工单, R-TKT-1) through the GUI over real HTTP: the owner opens a ticket with a
screenshot attached, the marketplace replies, the owner replies and urges (once per 24 hours: a
second urge is refused and never retried by itself), the marketplace closes it. And an attachment
queued offline survives a restart of the app, its original deleted, and is sent on reconnect."""

from __future__ import annotations

import pytest

from vendor_desktop.cache.core import outbox_files
from vendor_desktop.cache.core.outbox import CommandState

from .apphelpers import closed, go_offline, restart, sign_in
from .ticket_fixtures import png

pytestmark = pytest.mark.usefixtures("english")


def sync(qtbot, center) -> None:
    with qtbot.waitSignal(center.sync.last_synced_changed, timeout=20_000):
        center.window.sync_button.click()


def tickets(qtbot, center):
    center.window.show_area("tickets")
    return center.window.tickets_view


def server_ticket(view):
    """The selected ticket as the marketplace last sent it (None while only queued here)."""
    line = view.vm.selected
    return line.ticket if line is not None else None


def select(qtbot, view, subject: str) -> None:
    """Select the ticket by its subject once the list shows it (the demo vendor has tickets too)."""
    model = view.vm.model

    def row() -> int:
        return next((r for r in range(model.rowCount()) if model.index(r, 0).data() == subject), -1)

    qtbot.waitUntil(lambda: row() >= 0, timeout=10_000)
    view.table.selectRow(row())
    qtbot.waitUntil(lambda: view.vm.selected is not None and view.vm.selected.subject == subject)


SUBJECT = "买家无法登录已购实例"


def open_ticket(qtbot, view, shot, subject=SUBJECT) -> None:
    dialog = view.open_dialog()
    dialog.type.setCurrentIndex(dialog.type.findData("order"))
    assert dialog.about.count() > 0  # the orders this computer knows
    dialog.subject.setText(subject)
    dialog.description.setPlainText("买家付款后登录控制台，看不到实例。\n请协助排查。")
    dialog.add_paths([str(shot)])
    qtbot.waitUntil(lambda: dialog.files.count() == 1)
    dialog.submit()
    qtbot.waitUntil(lambda: closed(dialog))


def urge_refusals(center):
    return [
        c for c in center.window.changes_vm.commands if c.kind == "ticket.urge" and c.state == CommandState.REJECTED
    ]


def test_a_ticket_with_a_screenshot_is_answered_urged_and_closed(qtbot, tmp_path, market):
    shot = png(tmp_path / "登录截图.png", extra=30_000)
    center = sign_in(qtbot, tmp_path, market)
    try:
        view = tickets(qtbot, center)
        open_ticket(qtbot, view, shot)
        select(qtbot, view, SUBJECT)
        sync(qtbot, center)
        # Applied: the marketplace named the ticket and has the screenshot.
        qtbot.waitUntil(lambda: server_ticket(view) is not None and len(server_ticket(view).attachments) == 1,
                        timeout=20_000)  # fmt: skip
        ticket = server_ticket(view)
        assert not ticket.id.startswith("local-") and ticket.state == "open"
        assert view.detail.files.item(0).text() == "登录截图.png  ·  29 KB"  # 30,070 bytes
        assert view.detail.state.text() == "Open"
        with market.as_user() as api:
            got = api.get(f"/tickets/{ticket.id}/attachments/{ticket.attachments[0].id}")
        assert got.status_code == 200 and got.content == shot.read_bytes()
        # Save as…: downloaded off the GUI thread, the same bytes.
        saved = tmp_path / "saved.png"
        with qtbot.waitSignal(view.vm.file_ready, timeout=10_000) as ready:
            view.vm.open_attachment(ticket.attachments[0].id, ticket.attachments[0].name, target=str(saved))
        assert ready.args == [str(saved)] and saved.read_bytes() == shot.read_bytes()

        # The marketplace replies: after sync the ticket awaits the vendor, the reply in the conversation.
        answer = market.operator("POST", f"/tickets/{ticket.id}/reply", json={"body": "请提供买家账号 ID 和截图时间。"})
        assert answer.status_code == 200, answer.text
        sync(qtbot, center)
        qtbot.waitUntil(lambda: server_ticket(view).state == "replied", timeout=10_000)
        assert view.detail.state.text() == "Awaiting you"
        assert "请提供买家账号 ID 和截图时间。" in view.detail.messages.toPlainText()
        assert not view.detail.urge.isEnabled()  # the vendor's turn: nothing to urge

        # The owner replies, then urges.
        view.detail.reply_box.setPlainText("买家账号 ID：B-20261129，截图时间 10:05。")
        view.detail.reply.click()
        sync(qtbot, center)
        qtbot.waitUntil(lambda: server_ticket(view).state == "open" and len(server_ticket(view).messages) == 3,
                        timeout=10_000)  # fmt: skip
        qtbot.waitUntil(view.detail.urge.isEnabled)
        view.detail.urge.click()
        sync(qtbot, center)
        qtbot.waitUntil(lambda: server_ticket(view).last_urged_at is not None, timeout=10_000)
        assert not view.detail.urge.isEnabled()
        assert "you can urge again at" in view.detail.urge_note.text()

        # A second urge within 24 hours (a window that had not synced yet would send one) is refused
        # with the time it is allowed again, and stays refused: never retried by itself.
        center.queue.enqueue(
            kind="ticket.urge", entity="ticket", entity_id=ticket.id, base_version=server_ticket(view).version,
            method="POST", path=f"/tickets/{ticket.id}/urge", payload=None, summary={"subject": ticket.subject},
        )  # fmt: skip
        sync(qtbot, center)
        qtbot.waitUntil(lambda: len(urge_refusals(center)) == 1, timeout=10_000)
        (refused,) = urge_refusals(center)
        assert refused.error_code == "URGE_TOO_SOON" and refused.error_details.get("next_allowed_at")
        qtbot.waitUntil(lambda: "You can urge again at" in view.detail.change.text())
        urged_at = server_ticket(view).last_urged_at
        sync(qtbot, center)
        sync(qtbot, center)
        (still,) = urge_refusals(center)
        assert still.id == refused.id and still.attempts == refused.attempts
        assert server_ticket(view).last_urged_at == urged_at
        center.queue.discard(refused.id)  # the vendor lets it go

        # The marketplace closes it: done, nothing left to do.
        assert market.operator("POST", f"/tickets/{ticket.id}/close").status_code == 200
        sync(qtbot, center)
        qtbot.waitUntil(lambda: server_ticket(view).state == "closed", timeout=10_000)
        assert view.detail.state.text() == "Closed"
        d = view.detail
        assert not any(b.isVisible() for b in (d.reply, d.reply_box, d.urge, d.cancel, d.attach))
    finally:
        center.shutdown()


def test_an_attachment_queued_offline_survives_a_restart_and_is_sent_on_reconnect(qtbot, tmp_path, market):
    shot = png(tmp_path / "回单.png", extra=10_000)
    sent = shot.read_bytes()
    center = sign_in(qtbot, tmp_path, market)
    go_offline(qtbot, center, market)
    view = tickets(qtbot, center)
    open_ticket(qtbot, view, shot, subject="保证金回单已寄出")
    # The ticket was tried and kept for later; its attachment waits behind it (same ticket).
    changes = center.window.changes_vm
    qtbot.waitUntil(lambda: sorted((c.kind, c.state, c.attempts > 0) for c in changes.commands) == [
        ("ticket.attach", CommandState.PENDING, False), ("ticket.open", CommandState.PENDING, True)],
        timeout=10_000)  # fmt: skip
    shot.unlink()  # the original is gone: what is sent is the copy kept beside the cache
    folder = outbox_files.folder_for(center.session.db.path)
    again = restart(qtbot, center, market.base_url)
    try:
        market.restart()
        view = tickets(qtbot, again)
        sync(qtbot, again)
        select(qtbot, view, "保证金回单已寄出")
        qtbot.waitUntil(lambda: server_ticket(view) is not None and len(server_ticket(view).attachments) == 1,
                        timeout=20_000)  # fmt: skip
        ticket = server_ticket(view)
        assert ticket.subject == "保证金回单已寄出" and ticket.attachments[0].name == "回单.png"
        with market.as_user() as api:
            assert api.get(f"/tickets/{ticket.id}/attachments/{ticket.attachments[0].id}").content == sent
        assert not any(folder.iterdir())  # applied: the kept copy is gone
    finally:
        again.shutdown()
