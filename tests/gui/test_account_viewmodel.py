"""The Account area's viewmodels on a real cache file (SPEC §9, §11): what each role reads, the
checks of the profile (R-ACC-1) and bank account (R-ACC-2) forms in both languages, what an
edit queues, the lock, and the ticket draft that replaces *Edit…* once the account is locked."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from vendor_desktop.cache.core.outbox import CommandState
from vendor_desktop.cache.core.outbox_results import mark_rejected
from vendor_desktop.domain.roles import Role
from vendor_desktop.ui.core import i18n
from vendor_desktop.viewmodels.account.viewmodel import AccountAreaViewModel

from .account_fixtures import (
    ACCOUNT,
    Context,
    account_db,
    agreement,
    bank,
    open_commands,
    profile,
    user,
    write,
    written,
)

pytestmark = pytest.mark.usefixtures("english")

PROFILE_VALUES = {k: v for k, v in profile()["data"].items() if k not in ("account_id", "onboarding")}


@pytest.fixture
def db(tmp_path):
    db = account_db(tmp_path / "cache.sqlite3")
    yield db
    db.close()


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def area(db, settings):
    made = []

    def make(role: Role = Role.OWNER) -> tuple[AccountAreaViewModel, Context]:
        context = Context(db, user(role), settings)
        made.append(context)
        return AccountAreaViewModel(context.context), context

    yield make
    for context in made:
        context.close()


def test_the_page_shows_the_account_id_and_the_profile(area):
    vm, _ = area()
    assert vm.account_id == ACCOUNT  # R-ACC-3
    assert dict(vm.profile_rows())["Customer-service QQ"] == "800012345"
    assert [name for name, _tag, _at in vm.agreement_rows()] == [
        "Access agreement",
        "Revenue supplementary agreement",
    ]
    assert [tag[0] for _name, tag, _at in vm.agreement_rows()] == ["Signed", "Not signed"]
    assert vm.agreement_rows()[0][2] == "2026-10-08 09:30"


def test_onboarding_steps_are_in_order_each_done_or_not(area, db):
    """R-ACC-4: register → agree → verify → fill info → certification fee, in that order even when
    the marketplace sends them otherwise; a step it leaves out is not done."""
    write(db, [profile(version=4, onboarding=[{"step": "verify", "done": True}, {"step": "register", "done": True}])])
    vm, _ = area()
    assert vm.onboarding_rows() == [
        ("Register", True),
        ("Sign the access agreement", False),
        ("Real-name verification", True),
        ("Complete the account information", False),
        ("Pay the platform certification fee", False),
    ]
    assert vm.onboarding_summary() == "2 of 5 steps done"


@pytest.mark.parametrize("role", [Role.OPERATIONS, Role.FINANCE, Role.SUPPORT, Role.VIEWER])
def test_only_the_main_account_edits_the_profile_and_others_are_told_why(area, role):
    vm, _ = area(role)
    assert vm.why_cannot_edit_profile() == "Only the main account can change the account information."
    assert vm.profile_rows()  # SPEC §11: every role reads it


def test_a_profile_edit_queues_a_put_based_on_the_version_shown(qtbot, area, db):
    vm, _context = area()
    edit = vm.new_profile_edit()
    values = {**edit.initial(), "cs_phone": " 400 820 8821 "}
    with qtbot.waitSignal(edit.queued, timeout=10_000):
        assert edit.submit(values)
    (command,) = open_commands(db)
    assert (command.kind, command.entity, command.entity_id) == ("profile.update", "vendor_profile", ACCOUNT)
    assert (command.method, command.path, command.base_version) == ("PUT", "/vendor/profile", 3)
    assert command.payload == {**PROFILE_VALUES, "cs_phone": "4008208821"}  # spaces are the user's


@pytest.mark.parametrize(
    ("language", "field", "typed", "message"),
    [
        ("en", "cs_qq", "0123", "A customer-service QQ number has 5–12 digits and does not start with 0."),
        ("zh", "cs_qq", "0123", "客服 QQ 应为 5–12 位数字，且不以 0 开头。"),
        ("en", "cs_email", "service.example.com", "Not an e-mail address, e.g. service@example.com."),
        ("zh", "cs_phone", "12345", "应为手机号（138 0013 8000）、带区号的座机（010-8888 6666）或 400/800 号码。"),
        ("zh", "company_name", "  ", "必填。"),
        ("en", "company_name", "杭" * 101, "At most 100 characters."),
        ("zh", "contact_name", "孙" * 51, "最多 50 个字。"),
    ],
)
def test_each_refused_value_is_said_under_its_field_and_nothing_is_queued(
    qtbot, area, db, language, field, typed, message
):
    i18n.install(i18n.CHINESE if language == "zh" else i18n.ENGLISH)
    vm, context = area()
    edit = vm.new_profile_edit()
    values = {**edit.initial(), field: typed}
    assert edit.check(values, only=frozenset({field})) == {field: message}
    assert not edit.submit(values)
    written(qtbot, context)
    assert open_commands(db) == []


def test_an_unchanged_form_is_not_queued(qtbot, area, db):
    vm, context = area()
    edit = vm.new_profile_edit()
    assert edit.check(edit.initial()) == {"form": "Nothing has changed."}
    assert not edit.submit(edit.initial())
    written(qtbot, context)
    assert open_commands(db) == []


def test_a_queued_edit_shows_as_waiting_and_the_next_edit_starts_from_it(qtbot, area, db):
    vm, _context = area()
    edit = vm.new_profile_edit()
    with qtbot.waitSignal(edit.queued, timeout=10_000):
        edit.submit({**edit.initial(), "cs_qq": "12345678"})
    vm.reload()
    notice = vm.profile_notice()
    assert notice is not None and not notice.rejected
    assert notice.tag[0] == "Waiting to send"
    assert "Customer-service QQ: 12345678" in notice.text
    assert dict(vm.profile_rows())["Customer-service QQ"] == "800012345"  # not applied yet
    assert vm.new_profile_edit().initial()["cs_qq"] == "12345678"  # never quietly undone


def _refuse(db, command_id, code, message, message_zh, details=None):
    import datetime as dt

    with db.session(write=True) as s, s.begin():
        mark_rejected(
            s, command_id, code=code, message=message, message_zh=message_zh, details=details or {},
            now=dt.datetime.now(dt.UTC),
        )  # fmt: skip


def test_a_refused_edit_stays_with_the_marketplaces_reason_and_an_edit_replaces_it(qtbot, area, db):
    vm, _context = area()
    edit = vm.new_profile_edit()
    with qtbot.waitSignal(edit.queued, timeout=10_000):
        edit.submit({**edit.initial(), "cs_email": "kefu@yunfan.example.com"})
    (command,) = open_commands(db)
    _refuse(
        db, command.id, "VALIDATION_FAILED", "Invalid fields", "字段不正确", {"fields": {"cs_email": "not_an_email"}}
    )
    vm.reload()
    notice = vm.profile_notice()
    assert notice.rejected and notice.tag[0] == "Not accepted"
    assert notice.text.startswith("The marketplace did not accept this change: Invalid fields")
    assert "Customer-service e-mail: Not an e-mail address" in notice.text
    again = vm.new_profile_edit()
    assert again.initial()["cs_email"] == "kefu@yunfan.example.com"  # what the user typed, kept
    with qtbot.waitSignal(again.queued, timeout=10_000):
        again.submit({**again.initial(), "cs_email": "kefu@yunfan.example.cn"})
    (replacement,) = open_commands(db)  # the refused one is discarded, the new one not held behind it
    assert replacement.state == CommandState.PENDING
    assert replacement.payload["cs_email"] == "kefu@yunfan.example.cn"


# -- the bank account (R-ACC-2, SPEC §11) ----------------------------------------------------------


def test_the_owner_edits_an_unlocked_bank_account_typed_with_spaces(qtbot, area, db):
    vm, _context = area()
    assert vm.may_edit_bank and not vm.may_request_bank_change
    assert dict(vm.bank_rows())["Account number"] == "6225 8801 2345 6789"  # the owner's full number
    edit = vm.new_bank_edit()
    assert edit.check({**edit.initial(), "account_number": "6225 88"}, only=frozenset({"account_number"})) == {
        "account_number": "A bank account number has 8–30 digits."
    }
    with qtbot.waitSignal(edit.queued, timeout=10_000):
        assert edit.submit({**edit.initial(), "account_number": "6214 8301 0000 1234", "branch": "西湖支行"})
    (command,) = open_commands(db)
    assert (command.kind, command.path, command.base_version) == ("bank_account.update", "/vendor/bank-account", 2)
    assert command.payload["account_number"] == "6214830100001234"
    assert command.summary["fields"]["account_number"] == "**** 1234"  # never the full number in a list


def test_a_locked_bank_account_says_why_and_offers_a_ticket_instead(qtbot, area, db):
    write(db, [bank(locked=True, version=3)])
    vm, context = area()
    assert not vm.may_edit_bank and vm.may_request_bank_change
    assert vm.lock_reason() == (
        "The revenue supplementary agreement is signed: the bank account can be changed only through a ticket."
    )
    assert vm.bank_state() == ("Locked", "closed")
    edit = vm.new_bank_edit()  # a form opened before the lock arrived refuses too
    assert not edit.submit({**edit.initial(), "branch": "西湖支行"})
    written(qtbot, context)
    assert open_commands(db) == []


def test_the_lock_reason_in_chinese(area, db):
    i18n.install(i18n.CHINESE)
    write(db, [bank(locked=True, version=3)])
    vm, _ = area()
    assert vm.lock_reason() == "已签署收益补充协议，银行账户只能通过工单修改。"
    assert vm.why_cannot_edit_profile() == ""
    vm_viewer, _ = area(Role.VIEWER)
    assert vm_viewer.why_cannot_edit_profile() == "只有主账号可以修改账户信息。"


def test_finance_reads_the_number_masked_and_cannot_edit(area, db):
    write(db, [bank(number="**** 6789", version=3)])  # as the marketplace sends it to finance
    vm, _ = area(Role.FINANCE)
    assert vm.reads_bank_account
    assert dict(vm.bank_rows())["Account number"] == "**** 6789"
    assert not vm.may_edit_bank and not vm.may_request_bank_change


@pytest.mark.parametrize("role", [Role.OPERATIONS, Role.SUPPORT, Role.VIEWER])
def test_roles_without_the_bank_account_are_told_who_sees_it(tmp_path, settings, role):
    db = account_db(tmp_path / "other.sqlite3", bank_on_file=False, revenue_signed=True)  # none synced to them
    context = Context(db, user(role), settings)
    try:
        vm = AccountAreaViewModel(context.context)
        assert not vm.reads_bank_account and vm.bank_rows() == []
        assert vm.no_bank_account_text() == "Only the main account and finance see the bank account."
        assert not vm.may_edit_bank and not vm.may_request_bank_change
        assert [tag[0] for _n, tag, _at in vm.agreement_rows()] == ["Signed", "Signed"]  # everyone reads them
    finally:
        context.close()
        db.close()


def test_the_ticket_draft_names_the_masked_account_and_is_kept_per_user(qtbot, area, db, settings):
    write(db, [bank(locked=True, version=3)])
    vm, _ = area()
    draft = vm.new_ticket_draft()
    assert draft.draft.type == "account" and draft.draft.subject == "Change the bank account"
    assert "Account number: **** 6789" in draft.draft.description
    assert "6225880123456789" not in draft.draft.description
    assert not draft.kept
    assert draft.save("Change the bank account", draft.draft.description + "New branch") == {}
    again = vm.new_ticket_draft()
    assert again.kept and again.draft.description.endswith("New branch")
    assert again.save("", "x") == {"subject": "Required."}
    assert again.start_over().description == draft._offered.description
    assert not vm.new_ticket_draft().kept


def test_an_edit_refused_for_the_lock_fills_in_the_ticket_draft(qtbot, area, db):
    vm, _context = area()
    edit = vm.new_bank_edit()
    with qtbot.waitSignal(edit.queued, timeout=10_000):
        edit.submit({**edit.initial(), "account_number": "6214830100001234"})
    (command,) = open_commands(db)
    write(db, [bank(locked=True, version=3)])
    _refuse(db, command.id, "BANK_ACCOUNT_LOCKED", "The bank account is locked", "银行账户已锁定")
    vm.reload()
    notice = vm.bank_notice()
    assert notice.rejected and "The bank account is locked" in notice.text
    assert "Account number: 6214830100001234" in vm.new_ticket_draft().draft.description


def test_the_owner_puts_a_first_bank_account_on_file(qtbot, tmp_path, settings):
    """None on file yet (the revenue agreement unsigned): *Edit…* creates it, on top of version 0."""
    db = account_db(tmp_path / "first.sqlite3", bank_on_file=False)
    context = Context(db, user(), settings)
    try:
        vm = AccountAreaViewModel(context.context)
        assert vm.bank_rows() == [] and vm.no_bank_account_text() == "No bank account on file yet."
        assert vm.may_edit_bank
        edit = vm.new_bank_edit()
        values = {
            "holder": "杭州云帆科技有限公司",
            "bank": "招商银行",
            "branch": "杭州分行",
            "account_number": "6225 8801 2345",
        }
        with qtbot.waitSignal(edit.queued, timeout=10_000):
            assert edit.submit(values)
        (command,) = open_commands(db)
        assert (command.kind, command.base_version, command.entity_id) == ("bank_account.update", 0, ACCOUNT)
    finally:
        context.close()
        db.close()


def test_a_signed_revenue_agreement_locks_the_account_even_before_the_account_says_so(area, db):
    """R-ACC-2: the agreement is what locks it; the bank account's own flag may come in a later page."""
    write(db, [agreement("revenue", True)])
    vm, _ = area()
    assert vm.bank_locked and not vm.may_edit_bank and vm.may_request_bank_change
