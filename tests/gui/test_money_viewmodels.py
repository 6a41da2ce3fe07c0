"""The Money area's viewmodels on a real cache file (issue 13): the summary figures (R-DEP-2/3),
earnings held back and what releases them (R-WDR-1/2), the dialogs' refusals before anything
is queued (R-DEP-4/5, R-WDR-2/4/5) and what they queue, the withdrawal history paging from
SQLite with queued withdrawals on top, and how Pending changes words the money changes."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QModelIndex

from vendor_desktop.cache.core import outbox
from vendor_desktop.cache.core.apply import apply_changes
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.domain.roles import Role
from vendor_desktop.viewmodels.changes.viewmodel import describe
from vendor_desktop.viewmodels.core.background import BackgroundRunner
from vendor_desktop.viewmodels.core.commands import CommandQueue
from vendor_desktop.viewmodels.core.paged_table import FETCH_STEP
from vendor_desktop.viewmodels.core.states import TAGS_ROLE
from vendor_desktop.viewmodels.money.viewmodel import MoneyViewModel

from . import money_data as md

pytestmark = pytest.mark.usefixtures("english")

TODAY = dt.date(2026, 11, 27)  # a Friday: 15–20 working days → 2026-12-18 – 2026-12-25


@pytest.fixture
def db(tmp_path):
    db = CacheDatabase.open(tmp_path / "cache.sqlite3")
    yield db
    db.close()


def write(db, changes) -> None:
    with db.session() as s, s.begin():
        apply_changes(s, changes)


@pytest.fixture
def writes(qapp):
    runner = BackgroundRunner(name="vendor-desktop-local-writes")
    yield runner
    runner.shutdown()


def money(db, writes, role: Role = Role.FINANCE) -> MoneyViewModel:
    user = md.user(role)
    queue = CommandQueue(db, user, writes)
    return MoneyViewModel(
        db, queue, permissions=user.permissions, company=lambda: "北京云栈科技有限公司", account_id=md.ACCOUNT,
        today=lambda: TODAY,
    )  # fmt: skip


def on_disk(qtbot, vm: MoneyViewModel) -> list[outbox.Command]:
    """Every open command, read once every write asked for so far is on disk; then the figures again."""
    with qtbot.waitCallback(timeout=10_000) as written:
        vm.queue._writes.submit(lambda: None, on_done=written)
    with vm.db.session() as session:
        commands = outbox.visible_commands(session)
    vm.reload_now()
    return commands


def cells(model) -> list[list[str]]:
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


# -- the summary ------------------------------------------------------------------------------------
def test_the_summary_shows_balance_deposit_tier_and_markets_as_synced(db, writes):
    write(db, md.a_vendor())
    vm = money(db, writes)
    assert vm.summary() == [
        ("Balance", "¥1,500.00"),
        ("Deposit paid", "¥1,000.00"),
        ("Deposit required", "¥5,000.00 (tier 3)"),  # R-DEP-2: SaaS has revenue
        ("Deposit outstanding", "¥4,000.00"),
        ("Tier covered", "tier 1"),
    ]
    assert vm.markets_lines() == [
        ("Markets covered", "Image market, Ops: image maintenance"),  # R-DEP-3
        ("Revenue markets not covered", "API market (tier 2), SaaS market (tier 3)"),
    ]
    assert vm.agreements_text() == "Access agreement and revenue supplementary agreement signed."


def test_before_the_first_sync_the_page_says_so_and_offers_nothing(db, writes):
    vm = money(db, writes)
    assert vm.summary() == [] and vm.markets_lines() == []
    assert vm.synced_text() == "Not synced yet: the figures arrive with the first sync."
    assert vm.why_cannot_pay() and vm.why_cannot_withdraw()
    assert vm.earnings_model.rowCount() == 0 and vm.withdrawals_model.rowCount() == 0


# -- earnings (R-WDR-1/2) -----------------------------------------------------------------------------
def test_earnings_on_hold_say_why_and_what_releases_them(db, writes):
    write(db, md.a_vendor())
    vm = money(db, writes)
    rows = cells(vm.earnings_model)
    assert rows == [
        ["Image market", "¥0.00", "¥1,200.00", "¥0.00", "—", "¥0.00", "¥500.00", "¥0.00"],
        ["API market", "¥0.00", "¥0.00", "¥800.00", "Deposit below tier 2: pay up to tier 2 (¥1,000.00 more)",
         "¥0.00", "¥0.00", "¥0.00"],
        ["SaaS market", "¥200.00", "¥0.00", "¥300.00", "Deposit below tier 3: pay up to tier 3 (¥4,000.00 more)",
         "¥0.00", "¥0.00", "¥10.00"],
        ["Total", "¥200.00", "¥1,200.00", "¥1,100.00", "", "¥0.00", "¥500.00", "¥10.00"],
    ]  # fmt: skip
    assert vm.earnings_figures() == [("Withdrawable now", "¥1,200.00"), ("On hold", "¥1,100.00")]
    # The reason in full, for the cell cut short.
    assert vm.earnings_model.index(1, 4).data(3).startswith("The deposit paid does not cover this market")


def test_without_the_revenue_agreement_every_market_waits_for_it(db, writes):
    write(db, [*md.a_vendor(), md.agreement("revenue", signed=False),
               md.earning("image", withdrawable=120_000, blocked="agreement_not_signed")])  # fmt: skip
    vm = money(db, writes)
    assert vm.earnings_model.index(0, 4).data() == "Sign the revenue supplementary agreement"
    assert vm.agreements_text() == (
        "Not signed yet: the revenue supplementary agreement. Withdrawals need both agreements signed."
    )
    assert vm.agreements_missing


# -- Pay deposit… (R-DEP-1..5) ---------------------------------------------------------------------------
def test_pay_deposit_offers_only_higher_tiers_and_says_what_a_payment_opens(db, writes):
    write(db, md.a_vendor())
    pay = money(db, writes).new_deposit_payment()
    assert pay.tier_choices() == [
        (2, "Tier 2 (¥2,000.00 in all): pay ¥1,000.00"),
        (3, "Tier 3 (¥5,000.00 in all): pay ¥4,000.00"),
    ]
    preview = pay.preview(pay.amount_for_tier(2))
    assert preview.deposit_after == "¥2,000.00 · tier 2"
    assert preview.markets_opened == "Application licences, API market"
    assert preview.balance_after == "¥500.00"


def test_a_short_balance_is_refused_in_the_dialog_and_nothing_is_queued(qtbot, db, writes):
    write(db, md.a_vendor())  # balance ¥1,500.00
    vm = money(db, writes)
    pay = vm.new_deposit_payment()
    assert not pay.submit("4000")  # R-DEP-5: tier 3 needs ¥4,000.00 more
    assert pay.check("4000") == {"amount": "Balance too low: top up ¥2,500.00 first."}
    assert not pay.submit("4000.01")
    assert pay.check("4000.01") == {"amount": "The deposit goes up to tier 3 (¥5,000.00): pay at most ¥4,000.00."}
    for text, message in (
        ("", "Enter an amount in yuan, e.g. 2000 or 2,000.00."),
        ("0", "Enter an amount above ¥0.00."),
        ("1.005", "At most two decimals: fen are the smallest unit."),
    ):
        assert pay.check(text) == {"amount": message}
    assert on_disk(qtbot, vm) == []


def test_paying_a_tier_queues_one_deposit_payment_and_spends_the_balance_here(qtbot, db, writes):
    write(db, md.a_vendor())
    vm = money(db, writes)
    pay = vm.new_deposit_payment()
    with qtbot.waitSignal(pay.queued, timeout=10_000):
        assert pay.submit("1,000.00")
    [command] = on_disk(qtbot, vm)
    assert (command.kind, command.entity, command.method, command.path) == (
        "deposit.pay", "deposit_payment", "POST", "/deposit/payments")  # fmt: skip
    assert command.entity_id.startswith("local-") and command.base_version is None
    assert command.payload == {"amount_fen": 100_000}
    assert describe(command) == "Pay ¥1,000.00 of deposit (up to tier 2)"
    # Queued, not applied: the figures stay the marketplace's, the payment heads the list…
    assert vm.summary()[1] == ("Deposit paid", "¥1,000.00")
    assert cells(vm.payments_model)[0][:2] == ["Waiting to send", "¥1,000.00"]
    assert vm.payments_model.index(0, 0).data(TAGS_ROLE) == [("Waiting to send", "waiting")]
    # …and the balance it spends is spent here: the same money is not queued twice.
    again = vm.new_deposit_payment()
    assert [t for t, _ in again.tier_choices()] == [3]
    assert again.check("1000") == {"amount": "Balance too low: top up ¥500.00 first."}


@pytest.mark.parametrize("role", [Role.OWNER, Role.FINANCE])
def test_owner_and_finance_may_pay_and_withdraw(db, writes, role):
    write(db, md.a_vendor())
    vm = money(db, writes, role)
    assert vm.why_cannot_pay() == "" and vm.why_cannot_withdraw() == ""


def test_without_the_permission_the_buttons_say_why(db, writes):
    write(db, md.a_vendor())
    vm = money(db, writes, Role.OPERATIONS)  # reads the deposit summary only (SPEC §11)
    assert vm.why_cannot_pay() == "Your role cannot pay the deposit. Ask the main account or finance."
    assert vm.why_cannot_withdraw() == "Your role cannot withdraw earnings. Ask the main account or finance."


# -- Withdraw… (R-WDR-2..5) ------------------------------------------------------------------------------
def test_withdraw_shows_the_withdrawable_amount_the_bank_account_and_the_window(db, writes):
    write(db, md.a_vendor())
    w = money(db, writes).new_withdrawal()
    assert w.default_amount() == "1200.00"
    assert w.withdrawable_text() == "¥1,200.00"
    assert w.bank_account() == "招商银行 北京分行中关村支行 **** 1234 · 北京云栈科技有限公司"
    assert w.arrival_text() == "Expected 2026-12-18 to 2026-12-25 (15–20 working days)"  # R-WDR-3
    assert w.on_hold_text() == (
        "¥1,100.00 is on hold. The deposit does not cover API market, SaaS market: pay up to tier 3 (¥4,000.00 more) "
        "to release it."
    )


def test_more_than_withdrawable_is_refused_saying_what_is_on_hold_and_why(qtbot, db, writes):
    write(db, md.a_vendor())
    vm = money(db, writes)
    w = vm.new_withdrawal()
    assert not w.submit("1500")
    assert w.check("1500")["amount"] == "At most ¥1,200.00 can be withdrawn now. " + w.on_hold_text()
    assert w.check("99999")["amount"].startswith("At most ¥1,200.00 can be withdrawn now.")
    assert on_disk(qtbot, vm) == []


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ([md.agreement("access", signed=False)],
         "Withdrawals need both agreements signed. Not signed yet: the access agreement."),
        ([md.agreement("access", signed=False), md.agreement("revenue", signed=False)],
         "Withdrawals need both agreements signed. Not signed yet: the access agreement and the revenue "
         "supplementary agreement."),
        ([{**md.bank_account(), "deleted": True}],
         "No bank account on file to receive the money. The main account adds it under Account."),
    ],
)  # fmt: skip
def test_missing_agreements_or_bank_account_refuse_any_withdrawal(qtbot, db, writes, extra, message):
    write(db, [*md.a_vendor(), *extra])
    vm = money(db, writes)
    w = vm.new_withdrawal()
    assert w.why_cannot_withdraw() == message
    assert w.check("100") == {"form": message}
    assert not w.submit("100")
    assert on_disk(qtbot, vm) == []


def test_a_withdrawal_is_queued_and_heads_the_history_until_sent(qtbot, db, writes):
    write(db, md.a_vendor())
    vm = money(db, writes)
    w = vm.new_withdrawal()
    with qtbot.waitSignal(w.queued, timeout=10_000):
        assert w.submit("1000")
    [command] = on_disk(qtbot, vm)
    assert (command.kind, command.entity, command.path, command.payload) == (
        "withdrawal.request", "withdrawal", "/withdrawals", {"amount_fen": 100_000})  # fmt: skip
    assert command.entity_id.startswith("local-") and command.base_version is None
    assert describe(command) == "Withdraw ¥1,000.00 to 招商银行 北京分行中关村支行 **** 1234 · 北京云栈科技有限公司"
    model = vm.withdrawals_model
    assert model.total == 4
    first = [model.index(0, c).data() for c in range(model.columnCount())]
    assert first[:2] == ["¥1,000.00", "Waiting to send"]
    assert first[6] == "Waiting to be sent to the marketplace"
    assert [model.index(r, 1).data() for r in range(1, 4)] == ["Processing", "Failed", "Paid"]  # newest first
    assert model.index(2, 6).data() == "银行账户信息有误"
    # What is queued is no longer withdrawable here.
    assert vm.earnings_figures()[0] == ("Withdrawable now", "¥200.00")
    assert vm.new_withdrawal().check("300")["amount"].startswith("At most ¥200.00 can be withdrawn now.")


def test_a_refused_withdrawal_stays_with_the_marketplaces_reason(qtbot, db, writes):
    write(db, md.a_vendor())
    vm = money(db, writes)
    w = vm.new_withdrawal()
    with qtbot.waitSignal(w.queued, timeout=10_000):
        w.submit("1000")
    [command] = on_disk(qtbot, vm)
    with db.session() as s, s.begin():
        from vendor_desktop.cache.core.outbox_results import mark_rejected

        mark_rejected(s, command.id, code="DEPOSIT_NOT_COVERED", message="Deposit does not cover",
                      message_zh="保证金未覆盖", details={}, now=dt.datetime.now(dt.UTC))  # fmt: skip
    vm.reload_now()
    model = vm.withdrawals_model
    assert model.index(0, 1).data() == "Not accepted"
    assert model.index(0, 6).data() == "The marketplace did not accept this change: Deposit does not cover"
    assert vm.earnings_figures()[0] == ("Withdrawable now", "¥1,200.00")  # a refused one takes nothing


def test_the_history_pages_from_sqlite_newest_first(db, writes):
    write(db, [md.withdrawal(n, day=n % 300) for n in range(1, 1_201)])
    vm = money(db, writes)
    model = vm.withdrawals_model
    assert model.total == 1_200
    assert model.rowCount() == FETCH_STEP and model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 2 * FETCH_STEP
    requested = [model.index(r, 2).data() for r in range(model.rowCount())]
    assert requested == sorted(requested, reverse=True)


# -- Pending changes --------------------------------------------------------------------------------------
def test_pending_changes_words_the_account_changes_too(db, writes):
    with db.session() as s, s.begin():
        for kind, entity in (("profile.update", "vendor_profile"), ("bank_account.update", "bank_account")):
            outbox.enqueue(s, created_by="owner", kind=kind, entity=entity, entity_id=md.ACCOUNT, base_version=1,
                           method="PUT", path="/vendor/x", payload={}, summary={})  # fmt: skip
    with db.session() as s:
        texts = [describe(c) for c in outbox.visible_commands(s)]
    assert texts == ["Save changes to the account information", "Change the bank account"]


def test_the_money_models_pass_qts_model_checks(qtmodeltester, qtbot, db, writes):
    write(db, md.a_vendor())
    vm = money(db, writes)
    w = vm.new_withdrawal()
    with qtbot.waitSignal(w.queued, timeout=10_000):
        w.submit("100")  # a queued row too
    on_disk(qtbot, vm)
    for model in (vm.earnings_model, vm.payments_model, vm.withdrawals_model):
        qtmodeltester.check(model)


def test_the_main_accounts_full_bank_account_number_never_goes_to_disk_with_a_withdrawal(qtbot, db, writes):
    # The main account reads its number in full (SPEC §11); the queued command, kept in the outbox
    # file and shown in Pending changes, carries it masked, as the marketplace's record does.
    write(db, md.a_vendor())
    full = md.bank_account()
    full["data"] = {**full["data"], "account_number": "6225888812341234"}
    full["version"] += 1
    write(db, [full])
    vm = money(db, writes, Role.OWNER)
    w = vm.new_withdrawal()
    with qtbot.waitSignal(w.queued, timeout=10_000):
        assert w.submit("1000")
    [command] = on_disk(qtbot, vm)
    assert "6225888812341234" not in str(command.summary)
    assert describe(command) == "Withdraw ¥1,000.00 to 招商银行 北京分行中关村支行 **** 1234 · 北京云栈科技有限公司"
