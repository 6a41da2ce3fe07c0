"""The exit section of the Account page (退出云市场, R-EXT-1, R-DEP-7) over a real SQLite cache:
only the main account has it; what blocks an exit, counted from the cache, each opening its list;
*Apply to leave…* only when nothing blocks, confirmed by typing the company name, queued as
``vendor.exit``; the marketplace's refusal with its own blockers; after the exit, the date and the
deposit refund waiting for the receipt, expected, then refunded."""

from __future__ import annotations

import datetime as dt

import pytest
import shiboken6
from PySide6.QtCore import QSettings

from tests.cache.conftest import order_change
from vendor_desktop.cache.core.outbox_results import mark_rejected
from vendor_desktop.domain.roles import Role
from vendor_desktop.ui.account.view import AccountView
from vendor_desktop.ui.core import i18n
from vendor_desktop.viewmodels.account.viewmodel import AccountAreaViewModel
from vendor_desktop.viewmodels.changes.viewmodel import describe

from .account_fixtures import ACCOUNT, Context, account_db, change, open_commands, profile, user, write
from .apphelpers import closed

pytestmark = pytest.mark.usefixtures("english")

COMPANY = "杭州云帆科技有限公司"


@pytest.fixture
def db(tmp_path):
    db = account_db(tmp_path / "cache.sqlite3")
    yield db
    db.close()


@pytest.fixture
def page(qtbot, db, tmp_path):
    made, views = [], []
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)

    def make(role: Role = Role.OWNER) -> AccountView:
        context = Context(db, user(role), settings)
        made.append(context)
        vm = AccountAreaViewModel(context.context)
        context.queue.published.connect(vm.on_data_changed)  # as the shell delivers a local write
        view = AccountView(vm)
        qtbot.addWidget(view)
        view.resize(1100, 900)
        view.show()
        views.append((view, context))
        return view

    yield make
    for view, _ in views:
        shiboken6.delete(view)
    for context in made:
        context.close()


def blockers(view: AccountView) -> dict[str, str]:
    """Each blocker's words → the area its button opens."""
    grid = view.exit_section.grid
    found = {}
    for row in range(grid.rowCount()):
        name = grid.itemAtPosition(row, 0)
        if name is not None and name.widget() is not None:
            found[name.widget().text()] = row
    return {text: area for text, area in zip(found, view.exit.links, strict=False)}


def test_only_the_main_account_has_the_exit_section(page):
    """SPEC §11: exit is the owner's alone; the others do not see it at all."""
    for role in (Role.OPERATIONS, Role.FINANCE, Role.SUPPORT, Role.VIEWER):
        view = page(role)
        assert view.exit is None and view.vm.exit is None
    owner = page(Role.OWNER)
    assert owner.exit_section.isVisible()
    assert owner.exit_section.title.text() == "Leave the marketplace"


def test_what_blocks_an_exit_is_listed_with_a_link_to_each(qtbot, db, page):
    write(db, [
        order_change("o1", state="paid"), order_change("o2", state="delivering"), order_change("o3", state="completed"),
        change("invoice", "i1", {"state": "pending"}),
        change("withdrawal", "w1", {"state": "processing"}),
    ])  # fmt: skip
    view = page()
    assert blockers(view) == {
        "2 orders not completed or cancelled": "orders",
        "1 invoice not issued yet": "invoices",
        "1 withdrawal in progress": "money",
    }
    assert view.exit_section.tag.text() == "Cannot leave yet"
    assert not view.apply_exit.isEnabled()
    assert view.apply_exit.toolTip() == "Settle what blocks an exit first."
    with qtbot.waitSignal(view.open_requested) as opened:
        view.exit.links["invoices"].click()
    assert opened.args == ["invoices", "pending"]
    with qtbot.waitSignal(view.open_requested) as opened:
        view.exit.links["orders"].click()
    assert opened.args == ["orders", "open"]


def test_nothing_blocks_then_the_company_name_confirms_and_the_exit_is_queued(qtbot, db, page):
    view = page()
    assert view.exit_section.tag.text() == "Nothing blocks"
    assert view.apply_exit.isEnabled()
    dialog = view.exit.open_application()
    assert dialog.company.text() == COMPANY
    assert not dialog.ok.isEnabled()  # not one Enter away
    dialog.typed.setText("杭州云帆")
    assert not dialog.ok.isEnabled()
    dialog.submit()  # forced: the viewmodel refuses too, and says why
    assert dialog.errors["company"].isVisible()
    dialog.typed.setText(f" {COMPANY} ")
    assert dialog.ok.isEnabled()
    with qtbot.waitSignal(dialog.vm.queued):
        dialog.submit()
    qtbot.waitUntil(lambda: closed(dialog))
    context = view.vm.context
    with qtbot.waitCallback(timeout=10_000) as done:
        context.writes.submit(lambda: None, on_done=done)
    [command] = open_commands(db)
    assert (command.kind, command.entity, command.entity_id) == ("vendor.exit", "vendor_profile", f"{ACCOUNT}:exit")
    assert (command.method, command.path, command.base_version) == ("POST", "/vendor/exit", None)
    assert describe(command) == f"Apply to leave the marketplace ({COMPANY})"  # as Pending changes lists it
    qtbot.waitUntil(lambda: view.exit_section.tag.text() == "Waiting to send")
    assert not view.apply_exit.isEnabled()


def test_the_marketplace_refusal_lists_its_blockers_and_can_be_discarded(qtbot, db, page):
    """409 EXIT_BLOCKED: what the marketplace knew and this computer did not yet."""
    view = page()
    dialog = view.exit.open_application()
    dialog.typed.setText(COMPANY)
    with qtbot.waitSignal(dialog.vm.queued):
        dialog.submit()
    [command] = open_commands(db)
    details = {"blockers": [{"blocker": "pending_refunds", "count": 2, "ids": ["r1", "r2"]}]}
    with db.session(write=True) as s, s.begin():
        mark_rejected(s, command.id, code="EXIT_BLOCKED", message="Settle what is open first.",
                      message_zh="还有未处理的事项，暂不能退出。", details=details,
                      now=dt.datetime.now(dt.UTC))  # fmt: skip
    view.vm.exit.reload()
    assert view.exit_section.tag.text() == "Not accepted"
    assert view.exit_section.notice.text() == "The marketplace did not accept this change: Settle what is open first."
    assert view.exit_section.notice.property("rejected") == "true" and not view.exit.summary.isVisible()
    assert blockers(view) == {"2 refund requests awaiting a decision": "refunds"}
    assert view.apply_exit.text() == "Apply again…" and view.apply_exit.isEnabled()
    assert view.exit_section.discard.isVisible()
    view.exit_section.discard.click()
    qtbot.waitUntil(lambda: open_commands(db) == [])
    view.vm.exit.reload()
    assert view.exit_section.tag.text() == "Nothing blocks"


def test_after_the_exit_the_deposit_refund_waits_then_is_expected_then_refunded(qtbot, db, page):
    """R-DEP-7: about 45 days after the receipt is returned, from the synced profile."""
    write(db, [profile(4, exited_at="2026-11-20T10:00:00+08:00")])
    view = page()
    values = view.exit_section
    texts = [values.grid.itemAtPosition(r, 1).widget().text() for r in range(values.grid.rowCount())]
    assert texts[0] == "2026-11-20 10:00"
    assert texts[1] == "All delisted; new orders are stopped."
    assert texts[2].startswith("Waiting for the receipt")
    assert not view.apply_exit.isVisible()
    assert view.exit_section.tag.text() == "Left the marketplace"

    write(db, [profile(5, exited_at="2026-11-20T10:00:00+08:00", receipt_returned_on="2026-11-25",
                       deposit_refund_on="2027-01-09")])  # fmt: skip
    view.vm.exit.reload()
    assert (
        view.vm.exit.deposit_text()
        == "Expected on 2027-01-09 (about 45 days after the receipt was returned on 2026-11-25)."
    )
    write(db, [profile(6, exited_at="2026-11-20T10:00:00+08:00", receipt_returned_on="2026-11-25",
                       deposit_refund_on="2027-01-09", deposit_refunded_at="2027-01-09T00:05:00+08:00")])  # fmt: skip
    view.vm.exit.reload()
    assert view.vm.exit.deposit_text() == "Refunded to your account balance on 2027-01-09 00:05."


def test_the_exit_section_in_chinese(qtbot, db, page, qapp):
    write(db, [change("invoice", "i1", {"state": "pending"})])
    i18n.install(i18n.CHINESE)
    try:
        view = page()
        assert view.exit_section.title.text() == "退出云市场"
        assert list(blockers(view)) == ["1 张发票待开票"]
        assert view.apply_exit.text() == "申请退出…"
    finally:
        i18n.install(i18n.ENGLISH)
