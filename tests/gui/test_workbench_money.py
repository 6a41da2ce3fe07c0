"""The Workbench's money cards (工作台 · 资金, issue 13): withdrawable now (待提现金额), on hold
(暂不可提现) with how many markets and why, the deposit outstanding (待缴保证金) with the tier
required, and the withdrawals in progress — from a real cache file, only for the roles that read
them (SPEC §11), each opening the Money area."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from vendor_desktop.cache.core import outbox
from vendor_desktop.cache.core.apply import apply_changes
from vendor_desktop.cache.core.changes import ChangeSet
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.cache.core.outbox_results import mark_rejected
from vendor_desktop.domain.roles import Role, permissions_for
from vendor_desktop.sync.client import SignedInUser
from vendor_desktop.ui.core import i18n
from vendor_desktop.ui.dashboard.view import DashboardView
from vendor_desktop.ui.shell.areas import area
from vendor_desktop.viewmodels.core.account import AccountViewModel
from vendor_desktop.viewmodels.dashboard.viewmodel import DashboardViewModel

pytestmark = pytest.mark.usefixtures("english")

MONEY_CARDS = ["withdrawable", "on_hold", "deposit_outstanding", "withdrawals_in_flight"]
ACCOUNT = "V10001"
NOW = dt.datetime(2026, 11, 29, 10, 0, tzinfo=dt.UTC)


def change(entity: str, id_: str, data: dict, version: int = 1) -> dict:
    return {"entity": entity, "id": id_, "version": version, "deleted": False, "data": data}


def deposit(paid_fen: int, required_tier: int, revenue: list[str], *, version: int = 1) -> dict:
    """The summary as the server computes it (R-DEP-2/3), for the cache."""
    amounts = {0: 0, 1: 100_000, 2: 200_000, 3: 500_000}
    tier = max((t for t, a in amounts.items() if paid_fen >= a and t), default=0)
    required = amounts[required_tier]
    return change(
        "deposit",
        ACCOUNT,
        {
            "balance_fen": 50_000,
            "paid_fen": paid_fen,
            "required_fen": required,
            "outstanding_fen": max(0, required - paid_fen),
            "tier": tier,
            "required_tier": required_tier,
            "covered_markets": [],
            "revenue_markets": revenue,
        },
        version,
    )


def earning(market: str, withdrawable: int, pending: int = 0, blocked: str | None = None, version: int = 1) -> dict:
    return change(
        "earning",
        f"{ACCOUNT}:{market}",
        {
            "market": market,
            "earned_fen": withdrawable + pending,
            "pending_fen": pending,
            "withdrawable_fen": withdrawable,
            "in_flight_fen": 0,
            "paid_out_fen": 0,
            "owed_fen": 0,
            "blocked_reason": blocked,
        },
        version,
    )


def withdrawal(id_: str, amount_fen: int, state: str) -> dict:
    return change(
        "withdrawal",
        id_,
        {
            "amount_fen": amount_fen,
            "state": state,
            "requested_at": "2026-11-20T10:00:00+08:00",
            "expected_from": "2026-12-11",
            "expected_until": "2026-12-18",
            "expected_approximate": False,
            "draws": {"image": amount_fen},
            "bank_account": "招商银行 **** 1234",
            "requested_by": "财务",
            "processing_at": None,
            "settled_at": None,
            "failure_reason": None,
        },
    )


def money_changes() -> list[dict]:
    """Tier 2 paid (¥2,000.00), revenue in tier-3 markets (SaaS, security, custom services): ¥3,000.00
    outstanding, and the settled money of SaaS and security on hold (R-WDR-2). Custom services has
    only money pending settlement: nothing of it is held yet."""
    return [
        deposit(200_000, 3, ["image", "api", "saas", "custom_service", "security"]),
        earning("image", 1_234_560),
        earning("api", 5_000_000, pending=120_000),
        earning("saas", 800_000, pending=300_000, blocked="deposit_not_covered"),
        earning("custom_service", 0, pending=50_000, blocked="deposit_not_covered"),
        earning("security", 45_000, blocked="deposit_not_covered"),
        withdrawal("w1", 100_000, "requested"),
        withdrawal("w2", 250_000, "processing"),
        withdrawal("w3", 999_900, "paid"),  # arrived: no longer in progress
        withdrawal("w4", 50_000, "failed"),  # back in withdrawable
    ]


def queue_withdrawal(db: CacheDatabase, amount_fen: int) -> int:
    """A withdrawal asked for on this computer, not sent yet (``POST /withdrawals``, API.md)."""
    with db.session(write=True) as s, s.begin():
        command = outbox.enqueue(
            s, kind="withdrawal.create", entity="withdrawal", entity_id=outbox.new_local_id(), base_version=None,
            method="POST", path="/withdrawals", payload={"amount_fen": amount_fen}, summary={},
            created_by="finance", now=NOW,
        )  # fmt: skip
    return command.id


@pytest.fixture
def money_db(tmp_path, qapp):
    db = CacheDatabase.open(tmp_path / "cache.sqlite3")
    with db.session(write=True) as s, s.begin():
        apply_changes(s, money_changes())
    yield db
    db.close()


def permissions(role: Role) -> frozenset[str]:
    return frozenset(p.value for p in permissions_for(role))


def workbench(qtbot, db, runner, role: Role = Role.FINANCE, opens=None):
    vm = DashboardViewModel(db, reads=runner, permissions=permissions(role), today=lambda: dt.date(2026, 11, 29))
    user = SignedInUser("u1", role.value, role.value, role.value, permissions(role), ACCOUNT)
    view = DashboardView(vm, AccountViewModel(db, user, reads=runner), opens=opens)
    qtbot.addWidget(view)
    view.resize(900, 900)
    view.show()
    return vm, view


def shown(view, key: str) -> tuple[str, str, str]:
    card = view.cards[key]
    return card.value.text(), card.caption.text(), card.property("tone")


@pytest.mark.parametrize(
    ("role", "cards"),
    [
        (Role.OWNER, MONEY_CARDS),
        (Role.FINANCE, MONEY_CARDS),
        (Role.OPERATIONS, ["deposit_outstanding"]),  # SPEC §11: the deposit summary only
        (Role.SUPPORT, []),
        (Role.VIEWER, []),
    ],
)
def test_each_role_sees_the_money_it_reads(qtbot, money_db, runner, role, cards):
    _vm, view = workbench(qtbot, money_db, runner, role)
    assert [key for key in view.cards if key in MONEY_CARDS] == cards
    assert [c.key for c in view.money_cards] == cards
    # No empty "Money" heading for who has no money card.
    assert view.money_title.isVisible() is bool(cards)
    if cards:
        assert view.money_title.text() == "Money"
        assert view.cards["deposit_outstanding"].value.text() == "¥3,000.00"


def test_the_money_cards_add_up_the_cache(qtbot, money_db, runner):
    """R-WDR-1/2: withdrawable is the settled money of the markets not on hold; on hold is the
    settled money of the others, counted by market (custom services holds nothing settled yet).
    R-DEP-2: outstanding = required (tier 3) − paid. R-WDR-5: requested and processing are in
    progress; paid and failed are not."""
    _vm, view = workbench(qtbot, money_db, runner, Role.FINANCE)
    assert shown(view, "withdrawable") == ("¥62,345.60", "Pending settlement ¥4,700.00", "done")
    assert shown(view, "on_hold") == ("¥8,450.00", "2 markets · deposit too low", "todo")
    # Red: it needs finance now (it holds the earnings back, and finance may pay it).
    assert shown(view, "deposit_outstanding") == ("¥3,000.00", "Required: tier 3 · paid ¥2,000.00", "urgent")
    assert shown(view, "withdrawals_in_flight") == ("¥3,500.00", "2 withdrawals", "waiting")
    assert [view.cards[k].title.text() for k in MONEY_CARDS] == [
        "Withdrawable",
        "On hold",
        "Deposit outstanding",
        "Withdrawals in progress",
    ]
    # Money lines up by its last digit; a screen reader reads the title and the amount.
    assert all(view.cards[k].value.alignment() & Qt.AlignmentFlag.AlignRight for k in MONEY_CARDS)
    assert view.cards["on_hold"].accessibleName() == "On hold ¥8,450.00"


def test_operations_is_told_who_pays_the_deposit_without_red(qtbot, money_db, runner):
    """Operations reads the deposit summary but may not pay it (SPEC §11): the vendor's move (amber),
    not this user's (red is for what needs the user now, GLOSSARY)."""
    _vm, view = workbench(qtbot, money_db, runner, Role.OPERATIONS)
    assert shown(view, "deposit_outstanding") == (
        "¥3,000.00",
        "Required: tier 3 · paid ¥2,000.00\nThe main account or finance pays it",
        "todo",
    )


def test_before_the_first_sync_the_money_cards_say_dash(qtbot, tmp_path, runner):
    """No deposit summary cached yet: nothing is known, so no ¥0.00 is claimed."""
    db = CacheDatabase.open(tmp_path / "empty.sqlite3")
    try:
        _vm, view = workbench(qtbot, db, runner, Role.OWNER)
        for key in MONEY_CARDS:
            assert shown(view, key) == ("—", "Shown after the first sync", "closed"), key
    finally:
        db.close()


def test_a_withdrawal_queued_here_is_said_apart_until_sent(qtbot, money_db, runner):
    """Queued on this computer, a withdrawal is not in progress at the marketplace yet: it is
    counted as waiting to send, not added to the sum. A refused one is not waiting any more."""
    vm, view = workbench(qtbot, money_db, runner, Role.OWNER)
    first = queue_withdrawal(money_db, 80_000)
    changes = ChangeSet()
    changes.add("command", str(first))
    assert area("dashboard").hears(changes)
    vm.on_data_changed(changes)
    qtbot.waitUntil(lambda: view.cards["withdrawals_in_flight"].caption.text().endswith("waiting to send"))
    assert shown(view, "withdrawals_in_flight") == (
        "¥3,500.00",
        "2 withdrawals\n1 withdrawal waiting to send",
        "waiting",
    )
    # … and what it will take is no longer offered as withdrawable, as the Money area counts it.
    assert shown(view, "withdrawable")[0] == "¥61,545.60"  # ¥62,345.60 − ¥800.00
    second = queue_withdrawal(money_db, 90_000)
    with money_db.session(write=True) as s, s.begin():
        refused = mark_rejected(
            s, first, code="AMOUNT_EXCEEDS_WITHDRAWABLE", message="Too much.", message_zh="超出待提现金额。",
            details={}, now=NOW,
        )  # fmt: skip
    refused.add("command", str(second))
    vm.on_data_changed(refused)
    qtbot.waitUntil(lambda: vm.money.unsent == 1 and vm.counts.refused_changes == 1)
    assert view.cards["withdrawals_in_flight"].caption.text() == "2 withdrawals\n1 withdrawal waiting to send"


def test_a_pull_that_pays_the_deposit_up_frees_the_held_money(qtbot, money_db, runner):
    """R-DEP-3: once tier 3 is paid, nothing is outstanding and no market is on hold; the
    Workbench hears deposit and earning changes and recounts."""
    vm, view = workbench(qtbot, money_db, runner, Role.OWNER)
    revenue = ["image", "api", "saas", "custom_service", "security"]
    with money_db.session(write=True) as s, s.begin():
        changes = apply_changes(
            s,
            [
                deposit(500_000, 3, revenue, version=2),
                earning("saas", 800_000, pending=300_000, version=2),
                earning("custom_service", 0, pending=50_000, version=2),
                earning("security", 45_000, version=2),
            ],
        )
    assert area("dashboard").hears(changes)
    vm.on_data_changed(changes)
    qtbot.waitUntil(lambda: view.cards["deposit_outstanding"].value.text() == "¥0.00")
    assert shown(view, "deposit_outstanding") == ("¥0.00", "Paid: tier 3, covering every market with revenue", "closed")
    assert shown(view, "on_hold") == ("¥0.00", "Nothing on hold", "closed")
    assert view.cards["withdrawable"].value.text() == "¥70,795.60"  # 62,345.60 + 8,000.00 + 450.00


def test_unsigned_agreements_are_the_reason_said(qtbot, tmp_path, runner):
    """R-WDR-2: without both agreements nothing can be withdrawn; one market held says "1 market"."""
    db = CacheDatabase.open(tmp_path / "unsigned.sqlite3")
    try:
        with db.session(write=True) as s, s.begin():
            apply_changes(s, [deposit(100_000, 1, ["image"]), earning("image", 30_000, blocked="agreement_not_signed")])
        _vm, view = workbench(qtbot, db, runner, Role.OWNER)
        assert shown(view, "on_hold") == ("¥300.00", "1 market · agreements not signed", "todo")
        assert shown(view, "withdrawable") == ("¥0.00", "", "closed")
        assert shown(view, "deposit_outstanding") == (
            "¥0.00",
            "Paid: tier 1, covering every market with revenue",
            "closed",
        )
        assert shown(view, "withdrawals_in_flight") == ("¥0.00", "None in progress", "closed")
    finally:
        db.close()


@pytest.mark.parametrize(
    ("key", "preset"),
    [
        ("withdrawable", "earnings"),
        ("on_hold", "earnings"),
        ("deposit_outstanding", "deposit"),
        ("withdrawals_in_flight", "withdrawals"),
    ],
)
def test_each_money_card_opens_money(qtbot, money_db, runner, key, preset):
    """A click or Enter asks the shell to open the Money area (id ``money``) at what the card is about."""
    _vm, view = workbench(qtbot, money_db, runner, Role.OWNER, opens={"money"})
    with qtbot.waitSignal(view.open_requested, timeout=2_000) as opened:
        qtbot.mouseClick(view.cards[key], Qt.MouseButton.LeftButton)
    assert opened.args == ["money", preset]
    view.cards[key].setFocus()
    with qtbot.waitSignal(view.open_requested, timeout=2_000) as opened:
        qtbot.keyClick(view.cards[key], Qt.Key.Key_Return)
    assert opened.args == ["money", preset]


def test_a_money_card_is_not_a_button_when_money_cannot_be_opened(qtbot, money_db, runner):
    """A user without the Money area (or a build without it) reads the figures; nothing to click."""
    _vm, view = workbench(qtbot, money_db, runner, Role.OPERATIONS, opens={"orders", "listings"})
    card = view.cards["deposit_outstanding"]
    assert card.objectName() == "workbenchFigure" and card.focusPolicy() == Qt.FocusPolicy.NoFocus
    with qtbot.assertNotEmitted(view.open_requested, wait=100):
        qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    assert card.value.text() == "¥3,000.00"


def test_the_money_cards_in_chinese(qtbot, money_db, runner):
    i18n.install(i18n.CHINESE)
    _vm, view = workbench(qtbot, money_db, runner, Role.OWNER)
    assert view.money_title.text() == "资金"
    assert [view.cards[k].title.text() for k in MONEY_CARDS] == [
        "待提现金额",
        "暂不可提现",
        "待缴保证金",
        "进行中的提现",
    ]
    assert view.cards["withdrawable"].caption.text() == "待结算 ¥4,700.00"
    assert view.cards["on_hold"].caption.text() == "2 个市场 · 已缴保证金未覆盖"
    assert view.cards["deposit_outstanding"].caption.text() == "应缴第 3 档 · 已缴 ¥2,000.00"
    assert view.cards["withdrawals_in_flight"].caption.text() == "共 2 笔提现"


def test_a_large_amount_is_never_cut(qtbot, tmp_path, runner, styled):
    """A big vendor's earnings run to nine digits: the grids wrap to two columns rather than cut
    a figure, and go back to three when the window is wide enough."""
    db = CacheDatabase.open(tmp_path / "big.sqlite3")
    try:
        with db.session(write=True) as s, s.begin():
            apply_changes(s, [deposit(500_000, 3, ["saas"]), earning("saas", 123_456_789_01, pending=9_876_543_21)])
        _vm, view = workbench(qtbot, db, runner, Role.OWNER)
        value = view.cards["withdrawable"].value
        assert value.text() == "¥123,456,789.01"
        for width, columns in ((760, 2), (1100, 3)):
            view.resize(width, 900)
            qtbot.waitUntil(lambda c=columns: view.columns == c)
            qtbot.waitUntil(lambda: value.width() > 0 and value.isVisible())
            assert value.width() >= value.fontMetrics().horizontalAdvance(value.text()), width
            page = view.scroll.widget()
            assert page.minimumSizeHint().width() <= view.scroll.viewport().width(), width
    finally:
        db.close()
