"""The Refunds area's viewmodels on a real cache file (issue 14, SPEC §5): the list opens on what
awaits a decision, nearest decide-by first, late ones red (R-REF-4); the rule in words for each of
R-REF-1…3; search and paging from SQLite; the detail (the order, the buyer's history, an invoice
already issued); who decides (SPEC §11); decisions checked before anything is queued, queued with
the refund's version, shown waiting on the row, and a refusal shown with the server's reason."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QModelIndex, Qt

from vendor_desktop.cache.core import outbox
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.cache.core.outbox_results import mark_rejected
from vendor_desktop.domain.roles import Role
from vendor_desktop.ui.core import i18n
from vendor_desktop.viewmodels.changes.viewmodel import describe
from vendor_desktop.viewmodels.core.background import BackgroundRunner
from vendor_desktop.viewmodels.core.commands import CommandQueue
from vendor_desktop.viewmodels.core.paged_table import FETCH_STEP
from vendor_desktop.viewmodels.core.states import TAGS_ROLE, Tone
from vendor_desktop.viewmodels.refunds.table import COLUMNS
from vendor_desktop.viewmodels.refunds.viewmodel import RefundsViewModel

from . import money_data as md
from . import refund_data as rd

pytestmark = pytest.mark.usefixtures("english")

LATE = dt.datetime(2026, 11, 18, 9, 0, tzinfo=rd.SH)  # decide by 2026-11-23; today is 11-27


@pytest.fixture
def db(tmp_path):
    db = CacheDatabase.open(tmp_path / "cache.sqlite3")
    yield db
    db.close()


@pytest.fixture
def writes(qapp):
    runner = BackgroundRunner(name="vendor-desktop-local-writes")
    yield runner
    runner.shutdown()


def refunds(db, writes, role: Role = Role.SUPPORT) -> RefundsViewModel:
    user = md.user(role)
    return RefundsViewModel(db, CommandQueue(db, user, writes), permissions=user.permissions, today=lambda: rd.TODAY)


def column(vm: RefundsViewModel, name: str) -> list[str]:
    model = vm.model
    return [model.index(r, COLUMNS.index(name)).data() for r in range(model.rowCount())]


def on_disk(qtbot, vm: RefundsViewModel) -> list[outbox.Command]:
    """Every open command, read once every write asked for so far is on disk; then the list again."""
    with qtbot.waitCallback(timeout=10_000) as written:
        vm.queue._writes.submit(lambda: None, on_done=written)
    with vm.db.session() as session:
        commands = outbox.visible_commands(session)
    vm.reload_now()
    return commands


def a_few(db) -> None:
    rd.write(db, [
        rd.refund(1, amount_fen=60_000, paid_fen=120_000, invoice_issued=True),
        rd.refund(2, requested=LATE, buyer="B-2044", rule="manual_after_completion"),
        rd.refund(3, state="partial", refunded_fen=20_000, decided_by="客服 小李", decision_reason="已完成一半"),
        rd.refund(4, state="approved", rule="saas_self_service", market="saas", self_service_before=1,
                  refunded_fen=30_000),
        rd.refund(8, state="rejected", order=1, decided_by="主账号", decision_reason="服务已开始"),
    ])  # fmt: skip


# -- the list -----------------------------------------------------------------------------------
def test_the_list_opens_on_what_awaits_a_decision_the_late_one_first_and_red(db, writes):
    a_few(db)
    vm = refunds(db, writes)
    assert vm.count_text() == "2 refunds await your decision"
    assert column(vm, "order_number") == ["20261120000002", "20261120000001"]  # R-REF-4: nearest deadline first
    assert column(vm, "decide_by") == ["overdue by 4 days", "2 working days left"]
    decide_by = COLUMNS.index("decide_by")
    assert vm.model.index(0, decide_by).data(Qt.ItemDataRole.ToolTipRole) == "2026-11-23 · overdue by 4 days"
    assert column(vm, "amount") == ["¥300.00 / ¥1,000.00", "¥600.00 / ¥1,200.00"]
    state = COLUMNS.index("state")
    tones = [vm.model.index(r, state).data(TAGS_ROLE) for r in range(2)]
    assert tones == [[("Awaiting decision", Tone.URGENT)], [("Awaiting decision", Tone.TODO)]]  # red only when late

    vm.clear_filters()  # every state: the decided ones after, newest first
    assert vm.count_text() == "5 refunds"
    assert column(vm, "state") == ["Awaiting decision", "Awaiting decision", "Partly refunded", "Approved", "Refused"]
    assert column(vm, "refunded") == ["—", "—", "¥200.00", "¥300.00", "—"]
    assert column(vm, "decide_by")[2:] == ["—", "—", "—"]


@pytest.mark.parametrize(("rule", "market", "before", "words"), [
    ("saas_self_service", "saas", 1, "SaaS, no-reason refund 2 of 4 in the review period: refunded automatically"),
    ("saas_outside_review_period", "saas", 0, "SaaS, after the review period: negotiated refund"),
    ("saas_limit_reached", "saas", 4, "SaaS, the buyer has used all 4 no-reason refunds: negotiated refund"),
    ("not_refundable", "api", 0, "API market: not refundable"),
    ("manual_before_completion", "custom_service", 0, "Manual service, before completion: full or partial refund"),
    ("manual_after_completion", "custom_service", 0, "Manual service, after completion: negotiated refund"),
])  # fmt: skip
def test_each_rule_of_spec_5_is_said_in_words(db, writes, rule, market, before, words):
    """R-REF-1 (the ordinal counts this refund: the buyer's second), R-REF-2, R-REF-3."""
    rd.write(db, [rd.refund(1, rule=rule, market=market, self_service_before=before)])
    vm = refunds(db, writes)
    vm.clear_filters()
    assert column(vm, "rule") == [words]


def test_the_rule_in_chinese_follows_the_glossary(db, writes):
    rd.write(db, [rd.refund(1, rule="saas_self_service", market="saas", state="approved", self_service_before=1),
                  rd.refund(2, rule="saas_outside_review_period", market="saas", requested=LATE)])  # fmt: skip
    i18n.install(i18n.CHINESE)
    vm = refunds(db, writes)
    vm.clear_filters()
    assert column(vm, "rule") == [
        "SaaS，已过复议期：协商退款",
        "SaaS，复议期内第 2 次无理由退款（共 4 次）：已自动退款",
    ]
    assert column(vm, "decide_by")[0] == "已逾期 4 天"
    assert column(vm, "state") == ["待处理", "已同意"]


def test_search_finds_a_request_by_order_number_or_buyer_account(db, writes):
    a_few(db)
    vm = refunds(db, writes)
    vm.clear_filters()
    vm.set_search_text("B-2044")
    assert column(vm, "order_number") == ["20261120000002"]
    vm.set_search_text("0000003")
    assert column(vm, "order_number") == ["20261120000003"]
    vm.select("r00002")
    vm.set_search_text("nothing like it")
    assert vm.count == 0
    assert vm.selected is None  # the detail follows the list the user filtered
    assert vm.empty_text().startswith("No refunds match these filters.")


def test_the_list_pages_from_sqlite(db, writes):
    rd.write(db, [rd.refund(n, requested=dt.datetime(2026, 11, 1, tzinfo=rd.SH) + dt.timedelta(minutes=n))
                  for n in range(1, 1_201)])  # fmt: skip
    vm = refunds(db, writes)
    model = vm.model
    assert model.total == 1_200
    assert model.rowCount() == FETCH_STEP and model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 2 * FETCH_STEP


def test_the_empty_list_says_why(db, writes):
    vm = refunds(db, writes)
    assert vm.empty_text() == "Not synced yet: refund requests arrive with the first sync."
    with db.session() as s, s.begin():
        from vendor_desktop.cache.core.sync_state import mark_success

        mark_success(s, dt.datetime(2026, 11, 27, 9, 0, tzinfo=rd.SH))
    vm.reload_now()
    assert vm.empty_text() == "No refund requests yet. When a buyer asks for a refund, it appears here."
    assert vm.synced_text() == "As of the last sync, 2026-11-27 09:00"
    rd.write(db, [rd.refund(3, state="approved", refunded_fen=30_000, decided_by="客服 小李")])
    vm.reload_now()
    assert vm.count == 0  # nothing awaits a decision, but there are refunds
    assert vm.empty_text().startswith("No refund awaits a decision.")


# -- the detail ---------------------------------------------------------------------------------
def test_the_detail_shows_the_order_the_buyers_history_and_an_issued_invoice(db, writes):
    a_few(db)
    vm = refunds(db, writes)
    vm.select("r00001")
    assert vm.title() == "Refund for order 20261120000001"
    assert [(f.label, f.value) for f in vm.order_fields()] == [
        ("Order number", "20261120000001"), ("Listing", "数据迁移服务 1"), ("Market", "Custom services"),
        ("Paid", "¥1,200.00"), ("Refunded so far", "¥0.00"), ("Buyer account ID", "B-1001"),
    ]  # fmt: skip
    assert ("Decide by", "2026-12-01 · 2 working days left") in [(f.label, f.value) for f in vm.request_fields()]
    assert vm.buyer_reason() == "服务未按约定时间开始"
    assert vm.invoice_notice().startswith("An invoice was already issued for this order")
    assert vm.history_lines() == [  # the buyer's other requests with this vendor, newest first
        "2026-11-26 09:57 · 20261120000003 · ¥300.00 · Partly refunded · ¥200.00",
        "2026-11-26 09:56 · 20261120000004 · ¥300.00 · Approved · ¥300.00",
        "2026-11-26 09:52 · 20261120000001 · ¥300.00 · Refused",
    ]
    assert vm.self_service_text().endswith(": 0 of 4")
    assert vm.decision_text() == ""
    assert vm.why_cannot_decide() == ""

    vm.select("r00003")
    assert vm.decision_text() == "Partly refunded by 客服 小李 on 2026-11-26 14:57: ¥200.00\nReason: 已完成一半"
    assert vm.why_cannot_decide() == "Already decided: Partly refunded."
    vm.select("r00004")
    assert vm.decision_text() == "Refunded automatically on 2026-11-26 14:56: ¥300.00"
    assert vm.why_cannot_decide().startswith("Nothing to decide: SaaS, no-reason refund 2 of 4")


def test_finance_reads_refunds_and_cannot_decide(db, writes):
    """SPEC §11: finance reads refunds (they reduce earnings); the owner and support decide."""
    a_few(db)
    vm = refunds(db, writes, Role.FINANCE)
    assert vm.count_text() == "2 refunds awaiting decision"
    vm.select("r00001")
    assert not vm.may_decide
    assert vm.why_cannot_decide() == "Your role reads refunds. The main account and support decide them."
    assert refunds(db, writes, Role.OWNER).may_decide


# -- deciding -----------------------------------------------------------------------------------
def test_a_partial_refund_above_what_was_paid_is_refused_before_anything_is_queued(qtbot, db, writes):
    """R-REF-4: a partial amount is above zero and at most what was paid and not yet refunded."""
    rd.write(db, [rd.refund(1, paid_fen=100_000, amount_fen=100_000),
                  rd.refund(9, order=1, state="partial", refunded_fen=40_000, decided_by="客服 小李")])  # fmt: skip
    vm = refunds(db, writes)
    vm.select("r00001")
    form = vm.new_decision("partial")
    assert form.limit_text() == "At most ¥600.00: paid ¥1,000.00, of which ¥400.00 is already refunded."
    assert form.check("600.01") == {"amount": "At most ¥600.00 can be refunded: what was paid and not yet refunded."}
    assert form.check("") == {"amount": "Enter the amount to refund, in yuan."}
    assert form.check("abc") == {"amount": "Enter an amount in yuan, e.g. 2000 or 2,000.00."}
    assert form.check("0") == {"amount": "Enter an amount above ¥0.00."}
    assert not form.submit("700")
    assert on_disk(qtbot, vm) == []

    with qtbot.waitSignal(form.queued, timeout=10_000):
        assert form.submit("250.50", "refund for the unused half")
    [command] = on_disk(qtbot, vm)
    assert (command.kind, command.entity, command.entity_id, command.base_version) == (
        "refund.decide", "refund", "r00001", 1,
    )  # fmt: skip
    assert command.path == "/refunds/r00001/decision"
    assert command.payload == {"decision": "partial", "amount_fen": 25_050, "reason": "refund for the unused half"}
    assert describe(command) == "Partial refund of ¥250.50 (order 20261120000001)"
    # The row says so honestly until the marketplace applies it, and no second decision meanwhile.
    assert column(vm, "state") == ["Awaiting decision · Waiting to send"]
    vm.select("r00001")
    assert vm.change_notice() == "Your decision is saved on this computer and waits to be sent to the marketplace."
    assert vm.why_cannot_decide() == "Your decision on this refund has not been accepted by the marketplace yet."


def test_a_rejection_needs_a_reason_and_approving_refunds_what_was_asked(qtbot, db, writes):
    rd.write(db, [rd.refund(1, amount_fen=30_000), rd.refund(2, amount_fen=45_000, buyer="B-2")])
    vm = refunds(db, writes)
    vm.select("r00001")
    reject = vm.new_decision("reject")
    assert reject.check(reason="   ") == {"reason": "Say why you reject the refund: the buyer reads it."}
    assert reject.check(reason="x" * 501) == {"reason": "Keep the reason to 500 characters."}
    with qtbot.waitSignal(reject.queued, timeout=10_000):
        assert reject.submit(reason="服务已按约定完成")
    vm.select("r00002")
    approve = vm.new_decision("approve")
    assert approve.approve_text().startswith("Refund ¥450.00 to the buyer of order 20261120000002.")
    with qtbot.waitSignal(approve.queued, timeout=10_000):
        assert approve.submit()
    commands = on_disk(qtbot, vm)
    assert [c.payload for c in commands] == [
        {"decision": "reject", "reason": "服务已按约定完成"},
        {"decision": "approve"},
    ]
    assert [describe(c) for c in commands] == [
        "Reject refund of ¥300.00 (order 20261120000001)",
        "Approve refund of ¥450.00 (order 20261120000002)",
    ]
    i18n.install(i18n.CHINESE)
    assert [describe(c) for c in commands] == [
        "拒绝退款 ¥300.00（订单 20261120000001）",
        "同意退款 ¥450.00（订单 20261120000002）",
    ]


def test_a_refused_decision_shows_the_marketplaces_reason_until_dismissed(qtbot, db, writes):
    """409 REFUND_STATE: the buyer withdrew, or a colleague decided first."""
    rd.write(db, [rd.refund(1)])
    vm = refunds(db, writes)
    vm.select("r00001")
    form = vm.new_decision("approve")
    with qtbot.waitSignal(form.queued, timeout=10_000):
        form.submit()
    [command] = on_disk(qtbot, vm)
    with db.session() as s, s.begin():
        mark_rejected(
            s, command.id, code="REFUND_STATE", message="The refund was already decided", message_zh="该退款已处理",
            details={"state": "approved"}, now=dt.datetime.now(dt.UTC),
        )  # fmt: skip
    vm.reload_now()
    assert column(vm, "state") == ["Awaiting decision · Not accepted"]
    state = COLUMNS.index("state")
    assert vm.model.index(0, state).data(TAGS_ROLE)[1] == ("Not accepted", Tone.URGENT)
    assert vm.change_notice() == "The marketplace did not accept this change: The refund was already decided"
    assert vm.change_rejected and not vm.change_retryable  # sending it again would be refused again
    i18n.install(i18n.CHINESE)
    assert vm.change_notice() == "云市场未接受此修改：该退款已处理"
    i18n.install(i18n.ENGLISH)
    with qtbot.waitSignal(vm.queue.published, timeout=10_000):
        vm.dismiss_change()
    assert on_disk(qtbot, vm) == []
    vm.select("r00001")
    assert vm.change_notice() == "" and vm.why_cannot_decide() == ""
