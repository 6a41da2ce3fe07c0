"""The Tickets area (工单, R-TKT-1) on a cache of tickets: the list, the conversation, what may be
done and when, and attachments checked and kept before anything is sent."""

from __future__ import annotations

import datetime as dt

import pytest

from vendor_desktop.cache.core import outbox, outbox_files
from vendor_desktop.cache.core.apply import apply_changes
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.ui.tickets.view import TicketsView
from vendor_desktop.viewmodels.core.background import BackgroundRunner
from vendor_desktop.viewmodels.core.commands import CommandQueue
from vendor_desktop.viewmodels.core.states import TAGS_ROLE, Tone
from vendor_desktop.viewmodels.tickets.table import STATE
from vendor_desktop.viewmodels.tickets.viewmodel import TicketsViewModel

from .apphelpers import closed
from .ticket_fixtures import NOW, png, ticket, user

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def runners(qapp):
    made = [BackgroundRunner(name=n) for n in ("reads", "writes", "runner")]
    yield made
    for r in made:
        r.shutdown()


def make_view(qtbot, tmp_path, runners, tickets, role="owner"):
    db = CacheDatabase.open(tmp_path / "cache.sqlite3")
    with db.session(write=True) as s, s.begin():
        apply_changes(s, tickets)
    reads, writes, runner = runners
    queue = CommandQueue(db, user(role), writes)
    vm = TicketsViewModel(queue, reads, writes, runner)
    queue.published.connect(vm.on_data_changed)  # as the shell wires an area
    vm.set_shown(True)
    view = TicketsView(vm)
    qtbot.addWidget(view)
    view.resize(1100, 760)
    view.show()
    return view


def commands(view) -> list:
    with view.vm._db.session() as s:
        return outbox.visible_commands(s)


def queued(qtbot, view, count: int) -> list:
    qtbot.waitUntil(lambda: len(commands(view)) == count)
    return commands(view)


def select(qtbot, view, subject: str) -> None:
    model = view.vm.model
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == subject)
    view.table.selectRow(row)
    qtbot.waitUntil(lambda: view.vm.selected is not None and view.vm.selected.subject == subject)


def test_latest_activity_first_and_awaiting_you_is_the_vendors_move(qtbot, tmp_path, runners):
    view = make_view(qtbot, tmp_path, runners, [
        ticket(1, subject="Old closed one", state="closed", updated=NOW - dt.timedelta(days=3)),
        ticket(2, subject="They answered", state="replied", replies=1, updated=NOW - dt.timedelta(hours=1)),
        ticket(3, subject="Still with them", updated=NOW - dt.timedelta(hours=5)),
    ])  # fmt: skip
    model = view.vm.model
    assert [model.index(r, 0).data() for r in range(3)] == ["They answered", "Still with them", "Old closed one"]
    assert model.index(0, STATE).data(TAGS_ROLE) == [("Awaiting you", Tone.TODO)]
    assert model.index(1, STATE).data(TAGS_ROLE) == [("Open", Tone.WAITING)]
    assert model.index(2, STATE).data(TAGS_ROLE) == [("Closed", Tone.DONE)]
    assert model.index(0, 2).data() == "Order 2026110100000042"
    assert view.count.text() == "3 tickets"
    view.state.setCurrentIndex(view.state.findData("replied"))
    assert view.vm.count == 1
    view.state.setCurrentIndex(0)
    view.search.setText("still")
    assert view.vm.count == 1 and model.index(0, 0).data() == "Still with them"


def test_the_empty_list_says_how_to_open_a_ticket(qtbot, tmp_path, runners):
    view = make_view(qtbot, tmp_path, runners, [])
    assert view.stack.currentWidget() is view.empty
    assert "Open a ticket…" in view.empty.text()
    assert not view.detail.isVisible()


def test_the_conversation_shows_who_said_what_and_the_attachments_with_sizes(qtbot, tmp_path, runners):
    view = make_view(qtbot, tmp_path, runners, [ticket(1, state="replied", replies=1, attachments=2)])
    select(qtbot, view, "订单无法开通 #1")
    text = view.detail.messages.toPlainText()
    assert "买家说登录后看不到已购买的实例。" in text and "Marketplace (云市场运营 小李)" in text
    assert text.index("买家说") < text.index("已收到")  # oldest first
    files = [view.detail.files.item(i).text() for i in range(view.detail.files.count())]
    assert files == ["截图-1.png  ·  176 KB", "截图-2.png  ·  1.4 MB"]
    assert view.detail.files_title.text() == "Attachments (2 of 5)"


def test_urge_waits_24_hours_and_says_until_when(qtbot, tmp_path, runners):
    """R-TKT-1: one urge per rolling 24 hours; the button says when it is allowed again."""
    urged = NOW - dt.timedelta(hours=2)
    view = make_view(qtbot, tmp_path, runners, [
        ticket(1, subject="Urged recently", last_urged_at=urged),
        ticket(2, subject="Never urged"),
        ticket(3, subject="They answered", state="replied", replies=1),
    ])  # fmt: skip
    select(qtbot, view, "Urged recently")
    assert not view.detail.urge.isEnabled()
    again = (urged + dt.timedelta(hours=24)).astimezone(dt.timezone(dt.timedelta(hours=8))).strftime("%Y-%m-%d %H:%M")
    assert again in view.detail.urge.toolTip() and again in view.detail.urge_note.text()
    select(qtbot, view, "They answered")  # a replied ticket waits for the vendor, not the marketplace
    assert not view.detail.urge.isEnabled() and "your turn to reply" in view.detail.urge.toolTip()
    select(qtbot, view, "Never urged")
    assert view.detail.urge.isEnabled()
    view.detail.urge.click()
    [urge] = queued(qtbot, view, 1)
    assert (urge.kind, urge.path, urge.base_version) == ("ticket.urge", "/tickets/t0002/urge", 1)
    # A queued urge counts: no second one.
    qtbot.waitUntil(lambda: not view.detail.urge.isEnabled())
    assert "waiting to be sent" in view.detail.urge.toolTip()


def test_a_closed_ticket_offers_nothing_to_do(qtbot, tmp_path, runners):
    view = make_view(qtbot, tmp_path, runners, [ticket(1, state="closed", replies=1)])
    select(qtbot, view, "订单无法开通 #1")
    d = view.detail
    assert not any(b.isVisible() for b in (d.reply, d.reply_box, d.urge, d.cancel, d.attach))


def test_a_too_large_file_is_refused_in_the_dialog_and_nothing_is_queued(qtbot, tmp_path, runners):
    view = make_view(qtbot, tmp_path, runners, [])
    big = png(tmp_path / "whole-screen.png", extra=5 * 1024 * 1024)
    text = tmp_path / "notes.png"
    text.write_text("not really a picture")
    dialog = view.open_dialog()
    dialog.type.setCurrentIndex(dialog.type.findData("other"))
    dialog.subject.setText("Where is my deposit receipt?")
    dialog.description.setPlainText("I paid last week.")
    dialog.add_paths([str(big), str(text)])
    qtbot.waitUntil(lambda: dialog.files.count() == 2)
    assert dialog.errors["files"].isVisible()
    assert dialog.errors["files"].text().splitlines() == [
        "whole-screen.png: Larger than 5 MB: attach a smaller file.",
        "notes.png: Not a PNG, JPEG or PDF file.",
        "Remove these files: they cannot be attached.",
    ]
    dialog.submit()
    assert not closed(dialog)
    assert commands(view) == []


def test_opening_a_ticket_keeps_a_copy_of_its_attachment(qtbot, tmp_path, runners):
    """The copy is made at once: the original may be moved or deleted before it is sent."""
    view = make_view(qtbot, tmp_path, runners, [])
    shot = png(tmp_path / "截图.png", extra=20_000)
    dialog = view.open_dialog()
    dialog.type.setCurrentIndex(dialog.type.findData("account"))
    dialog.subject.setText("Change the bank account")
    dialog.description.setPlainText("New account:\n6222 0000 1111 2222")
    dialog.add_paths([str(shot)])
    qtbot.waitUntil(lambda: dialog.files.count() == 1)
    dialog.submit()
    qtbot.waitUntil(lambda: closed(dialog))
    opened, attach = queued(qtbot, view, 2)
    assert (opened.kind, opened.method, opened.path) == ("ticket.open", "POST", "/tickets")
    assert opened.payload == {"type": "account", "subject": "Change the bank account",
                              "description": "New account:\n6222 0000 1111 2222"}  # fmt: skip
    assert attach.kind == "ticket.attach" and attach.entity_id == opened.entity_id
    assert attach.path == f"/tickets/{opened.entity_id}/attachments"
    kept = outbox_files.upload_of(attach.payload)
    assert kept is not None and kept.name == "截图.png" and kept.media_type == "image/png"
    original = shot.read_bytes()
    shot.unlink()
    assert outbox_files.read(outbox_files.folder_for(view.vm._db.path), kept.stored) == original
    # The ticket is listed at once, waiting to be sent, with its attachment.
    qtbot.waitUntil(lambda: view.vm.count == 1)
    assert view.vm.model.index(0, STATE).data(TAGS_ROLE) == [("Waiting to send", Tone.WAITING)]
    select(qtbot, view, "Change the bank account")
    assert view.detail.files.item(0).text().startswith("截图.png  ·  20 KB")


def test_five_attachments_at_most_counting_those_on_their_way(qtbot, tmp_path, runners):
    view = make_view(qtbot, tmp_path, runners, [ticket(1, attachments=4)])
    select(qtbot, view, "订单无法开通 #1")
    files = [str(png(tmp_path / f"{n}.png")) for n in range(2)]
    assert not view.vm.attach(files)
    assert "at most 5 attachments; 1 more can be added" in view.detail.file_message.text()
    assert view.vm.attach(files[:1])
    queued(qtbot, view, 1)
    qtbot.waitUntil(lambda: not view.detail.attach.isEnabled())
    assert "at most 5 attachments" in view.detail.attach.toolTip()


def test_a_reply_and_a_cancel_are_queued_on_the_tickets_version(qtbot, tmp_path, runners):
    view = make_view(qtbot, tmp_path, runners, [ticket(1, state="replied", replies=2)])
    select(qtbot, view, "订单无法开通 #1")
    view.detail.reply.click()
    assert view.detail.reply_error.isVisible()  # nothing written yet
    view.detail.reply_box.setPlainText("截图已上传，请查看。")
    view.detail.reply.click()
    [reply] = queued(qtbot, view, 1)
    assert (reply.kind, reply.path, reply.base_version, reply.payload) == (
        "ticket.reply", "/tickets/t0001/messages", 3, {"body": "截图已上传，请查看。"})  # fmt: skip
    qtbot.waitUntil(lambda: "截图已上传，请查看。" in view.detail.messages.toPlainText())
    assert view.vm.cancel()
    queued(qtbot, view, 2)


def test_the_viewer_has_no_tickets_area_and_the_other_roles_do():
    """SPEC §11: owner, operations, finance and support read and write tickets; the viewer none."""
    from vendor_desktop.domain.roles import permissions_for
    from vendor_desktop.ui.shell.areas import areas_for

    def has_tickets(role: str) -> bool:
        return "tickets" in {a.id for a in areas_for({p.value for p in permissions_for(role)})}

    assert [r for r in ("owner", "operations", "finance", "support", "viewer") if has_tickets(r)] == [
        "owner", "operations", "finance", "support"]  # fmt: skip


def test_a_refused_change_says_why_and_can_be_let_go_here(qtbot, tmp_path, runners):
    """R-TKT-1: an urge refused as too soon says when it is allowed again; discarding it (and its
    hold on the ticket's later changes) is one click away, not only in Pending changes."""
    from sqlalchemy import update

    from vendor_desktop.cache.core.models import OutboxCommand

    view = make_view(qtbot, tmp_path, runners, [ticket(1)])
    select(qtbot, view, "订单无法开通 #1")
    view.detail.urge.click()
    [urge] = queued(qtbot, view, 1)
    allowed = (NOW + dt.timedelta(hours=20)).isoformat()
    with view.vm._db.session(write=True) as s, s.begin():
        s.execute(update(OutboxCommand).where(OutboxCommand.id == urge.id).values(
            state="rejected", error_code="URGE_TOO_SOON", error_message="Urged less than 24 hours ago.",
            error_details=f'{{"next_allowed_at": "{allowed}"}}'))  # fmt: skip
    view.vm.on_data_changed(outbox.command_changes([urge]))
    qtbot.waitUntil(lambda: view.detail.discard.isVisible())
    again = (NOW + dt.timedelta(hours=20)).astimezone(dt.timezone(dt.timedelta(hours=8))).strftime("%Y-%m-%d %H:%M")
    assert "Urged less than 24 hours ago." in view.detail.change.text()
    assert f"You can urge again at {again}" in view.detail.change.text()
    assert not view.detail.urge.isEnabled() and again in view.detail.urge.toolTip()
    assert view.vm.model.index(0, STATE).data(TAGS_ROLE)[1] == ("Not accepted", Tone.URGENT)
    view.detail.discard.click()
    qtbot.waitUntil(lambda: commands(view) == [])
    qtbot.waitUntil(lambda: not view.detail.discard.isVisible())


def test_discarding_an_attachment_removes_its_kept_copy(qtbot, tmp_path, runners):
    view = make_view(qtbot, tmp_path, runners, [ticket(1)])
    select(qtbot, view, "订单无法开通 #1")
    assert view.vm.attach([str(png(tmp_path / "a.png"))])
    [attach] = queued(qtbot, view, 1)
    folder = outbox_files.folder_for(view.vm._db.path)
    assert [p.name for p in folder.iterdir()] == [outbox_files.upload_of(attach.payload).stored]
    view.vm._queue.discard(attach.id)  # as Pending changes does
    qtbot.waitUntil(lambda: commands(view) == [])
    qtbot.waitUntil(lambda: not any(folder.iterdir()))


@pytest.mark.parametrize(
    ("language", "texts"),
    [
        ("en", ["Open a ticket: Deposit receipt", "Attach 回单.png (176 KB) to the ticket: Deposit receipt",
                "Reply to the ticket: Deposit receipt", "Urge the ticket: Deposit receipt",
                "Cancel the ticket: Deposit receipt"]),
        ("zh_CN", ["提交工单：Deposit receipt", "上传附件 回单.png（176 KB）：Deposit receipt",
                   "回复工单：Deposit receipt", "催单：Deposit receipt", "撤销工单：Deposit receipt"]),
    ],
)  # fmt: skip
def test_pending_changes_name_ticket_changes_by_subject(qapp, tmp_path, language, texts):
    from vendor_desktop.ui.core import i18n
    from vendor_desktop.viewmodels.changes.viewmodel import describe

    db = CacheDatabase.open(tmp_path / "cache.sqlite3")
    summary = {"subject": "Deposit receipt", "name": "回单.png", "size": 180_000}
    kinds = ("ticket.open", "ticket.attach", "ticket.reply", "ticket.urge", "ticket.cancel")
    with db.session(write=True) as s, s.begin():
        made = [outbox.enqueue(s, kind=kind, entity="ticket", entity_id="t1", base_version=1, method="POST",
                               path="/tickets/t1", payload=None, summary=summary, created_by="owner")
                for kind in kinds]  # fmt: skip
    i18n.install(language)
    try:
        assert [describe(c) for c in made] == texts
    finally:
        i18n.install(i18n.ENGLISH)
        db.close()
