"""The Money area's view binds to its viewmodel (issue 13): the Overview's figures and lists, the
buttons by role, the dialogs saying what would be refused before anything is queued, in English
and Chinese, and a receipt saved as a real PDF whose text layer names the receipt."""

from __future__ import annotations

import datetime as dt

import pytest

from vendor_desktop.cache.core import outbox
from vendor_desktop.cache.core.apply import apply_changes
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.domain.roles import Role
from vendor_desktop.ui.core import i18n
from vendor_desktop.ui.money.view import MoneyView
from vendor_desktop.viewmodels.core.background import BackgroundRunner
from vendor_desktop.viewmodels.core.commands import CommandQueue
from vendor_desktop.viewmodels.money.viewmodel import MoneyViewModel

from . import money_data as md
from .apphelpers import closed
from .pdf_text import pdf_text

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def db(tmp_path):
    db = CacheDatabase.open(tmp_path / "cache.sqlite3")
    with db.session() as s, s.begin():
        apply_changes(s, md.a_vendor())
    yield db
    db.close()


@pytest.fixture
def writes(qapp):
    runner = BackgroundRunner(name="vendor-desktop-local-writes")
    yield runner
    runner.shutdown()


def make_view(qtbot, db, writes, role=Role.FINANCE, *, acting=True) -> MoneyView:
    user = md.user(role)
    queue = CommandQueue(db, user, writes) if acting else None
    vm = MoneyViewModel(db, queue, permissions=user.permissions, company=lambda: "北京云栈科技有限公司",
                        account_id=md.ACCOUNT, today=lambda: dt.date(2026, 11, 27))  # fmt: skip
    view = MoneyView(vm)
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    return view


def queued_kinds(qtbot, writes, db) -> list[str]:
    with qtbot.waitCallback(timeout=10_000) as written:
        writes.submit(lambda: None, on_done=written)
    with db.session() as s:
        return [c.kind for c in outbox.visible_commands(s)]


def test_the_overview_shows_the_figures_and_the_lists(qtbot, db, writes):
    view = make_view(qtbot, db, writes)
    o = view.overview
    assert view.tabs.count() == 1 and view.tabs.tabText(0) == "Overview"
    assert [v.text() for v in o.figure_values] == [
        "¥1,500.00",
        "¥1,000.00",
        "¥5,000.00 (tier 3)",
        "¥4,000.00",
        "tier 1",
    ]
    assert o.market_values[1].text() == "API market (tier 2), SaaS market (tier 3)"
    assert o.earnings_figures.text() == "Withdrawable now ¥1,200.00 · On hold ¥1,100.00"
    assert o.withdrawals_count.text() == "3 withdrawals"
    assert view.earnings_table.model().rowCount() == 4 and view.payments_table.model().rowCount() == 1
    assert o.pay.isEnabled() and o.withdraw.isEnabled()
    # Money lines up on the right.
    assert int(view.earnings_table.model().index(0, 2).data(7)) & 0x2  # Qt.AlignRight


def test_a_role_that_only_reads_sees_the_buttons_off_with_the_reason(qtbot, db, writes):
    view = make_view(qtbot, db, writes, Role.OPERATIONS)
    assert not view.pay.isEnabled() and not view.withdraw.isEnabled()
    assert view.pay.toolTip() == "Your role cannot pay the deposit. Ask the main account or finance."


@pytest.mark.parametrize(
    ("language", "message"),
    [("en", "Balance too low: top up ¥2,500.00 first."), ("zh_CN", "账户余额不足：还需充值 ¥2,500.00")],
)
def test_pay_deposit_refuses_a_short_balance_in_the_dialog(qtbot, db, writes, language, message):
    i18n.install(language)
    view = make_view(qtbot, db, writes)
    dialog = view.open_pay_deposit()
    dialog.choose_tier(3)
    assert dialog.amount.text() == "4000.00"
    assert dialog.balance_after.text() == "-¥2,500.00"
    dialog.submit()
    assert dialog.errors["amount"].isVisible() and dialog.errors["amount"].text() == message
    assert dialog.isVisible() and queued_kinds(qtbot, writes, db) == []


def test_pay_deposit_queues_the_tier_chosen(qtbot, db, writes):
    view = make_view(qtbot, db, writes)
    dialog = view.open_pay_deposit()
    dialog.choose_tier(2)
    assert dialog.markets_opened.text() == "Application licences, API market"
    dialog.submit()
    qtbot.waitUntil(lambda: closed(dialog))
    assert queued_kinds(qtbot, writes, db) == ["deposit.pay"]


def test_typing_a_tiers_amount_picks_the_tier_and_another_amount_the_typed_choice(qtbot, db, writes):
    view = make_view(qtbot, db, writes)
    dialog = view.open_pay_deposit()
    dialog.amount.setText("1000")
    assert dialog.tier.currentData() == 2
    dialog.amount.setText("300")
    assert dialog.tier.currentText() == "An amount I type"
    assert dialog.deposit_after.text() == "¥1,300.00 · tier 1" and dialog.markets_opened.text() == "—"


def test_withdraw_says_at_once_why_it_cannot_be_requested(qtbot, db, writes):
    with db.session() as s, s.begin():
        apply_changes(s, [md.agreement("revenue", signed=False)])
    view = make_view(qtbot, db, writes)
    dialog = view.open_withdraw()
    assert dialog.errors["form"].isVisible()
    assert dialog.errors["form"].text() == (
        "Withdrawals need both agreements signed. Not signed yet: the revenue supplementary agreement."
    )
    dialog.submit()
    assert dialog.isVisible() and queued_kinds(qtbot, writes, db) == []


def test_withdraw_shows_the_window_and_queues_the_amount(qtbot, db, writes):
    view = make_view(qtbot, db, writes)
    dialog = view.open_withdraw()
    assert dialog.amount.text() == "1200.00"
    assert dialog.arrival.text() == "Expected 2026-12-18 to 2026-12-25 (15–20 working days)"
    dialog.amount.setText("2000")
    dialog.submit()
    assert dialog.errors["amount"].text().startswith("At most ¥1,200.00 can be withdrawn now. ¥1,100.00 is on hold. ")
    dialog.amount.setText("1200")
    dialog.submit()
    qtbot.waitUntil(lambda: closed(dialog))
    assert queued_kinds(qtbot, writes, db) == ["withdrawal.request"]


def test_a_receipt_saves_as_a_pdf_that_names_the_receipt(qtbot, db, writes, tmp_path):
    view = make_view(qtbot, db, writes)
    assert not view.overview.save_receipt.isEnabled()  # nothing selected: the tooltip says to select one
    assert view.overview.save_receipt.toolTip() == "Select a deposit payment to print its receipt."
    view.payments_table.selectRow(0)
    assert view.overview.save_receipt.isEnabled() and view.overview.print_receipt.isEnabled()
    path = tmp_path / "receipt.pdf"
    with qtbot.waitSignal(view.status_message):
        assert view.save_selected_receipt(str(path))
    pdf = path.read_bytes()
    assert pdf.startswith(b"%PDF")
    text = pdf_text(pdf)
    for shown in ("BZJ20261129000001", "¥1,000.00", "2026-11-11", md.ACCOUNT, "北京云栈科技有限公司", "财务"):
        assert shown in text, shown


def test_pay_deposit_at_tier_3_says_at_once_there_is_nothing_to_pay(qtbot, db, writes):
    with db.session() as s, s.begin():
        apply_changes(s, [md.deposit(paid_fen=500_000, tier=3)])
    view = make_view(qtbot, db, writes)
    assert not view.pay.isEnabled()
    assert view.pay.toolTip() == "The deposit already covers tier 3, the highest: nothing more to pay."
    dialog = view.open_pay_deposit()  # from the menu or a shortcut, say
    assert dialog.errors["form"].isVisible()
    assert dialog.tier.count() == 1 and dialog.tier.currentText() == "An amount I type"


def test_a_receipt_that_cannot_be_saved_says_so_and_writes_nothing(qtbot, db, writes, tmp_path):
    # QPdfWriter on a path it cannot open only logs a warning: the vendor must not read "saved".
    view = make_view(qtbot, db, writes)
    view.payments_table.selectRow(0)
    path = tmp_path / "no such folder" / "receipt.pdf"
    with qtbot.waitSignal(view.status_message) as said:
        assert not view.save_selected_receipt(str(path))
    assert said.args[0].startswith("The receipt was not saved: ")
    assert not path.exists()
