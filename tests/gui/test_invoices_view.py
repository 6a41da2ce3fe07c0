"""The Invoices view over a real SQLite cache (issue 12): the request queue sorted by due date
with overdue and due-soon tags (R-INV-3), filters and the Workbench's presets, the detail with
the mailing details as one block and how to reach the buyer (R-INV-6), the link to the order for
roles that read orders, actions enabled by state and role, and the CSV export."""

from __future__ import annotations

import csv
import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from vendor_desktop.cache.core.apply import apply_changes
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.domain.roles import Role, permissions_for
from vendor_desktop.sync.client import SignedInUser
from vendor_desktop.ui.core import i18n
from vendor_desktop.ui.invoices.view import InvoicesView
from vendor_desktop.viewmodels.core.background import BackgroundRunner
from vendor_desktop.viewmodels.core.commands import CommandQueue
from vendor_desktop.viewmodels.core.states import TAGS_ROLE, Tone
from vendor_desktop.viewmodels.invoices.export import AMOUNT_COLUMN, COLUMNS, STATE_COLUMN
from vendor_desktop.viewmodels.invoices.viewmodel import InvoicesViewModel

pytestmark = pytest.mark.usefixtures("english")

# Wednesday 30 September 2026, the last working day before National Day (1–7 October off).
TODAY = dt.date(2026, 9, 30)
SH = dt.timezone(dt.timedelta(hours=8))


def make_invoice(n: int, *, state: str = "pending", due: str = "2026-10-20", **data: Any) -> dict[str, Any]:
    """A ``/sync/changes`` entry for invoice ``inv000n`` of order ``20260930000n``."""
    requested = dt.datetime(2026, 9, 16, 10, 0, tzinfo=SH) + dt.timedelta(minutes=n)
    fields: dict[str, Any] = {
        "order_id": f"o{n:05d}",
        "order_number": f"20260930{n:04d}",
        "amount_fen": 8_800,
        "listing_name": "云桌面 SaaS 标准版",
        "buyer_account_id": f"B{n:06d}",
        "state": state,
        "type": "special",
        "title": f"杭州云帆{n}号科技有限公司",
        "tax_id": "91330100MA2H12345X",
        "mailing": {"recipient": "王*明", "address": "浙江省杭州市西湖区文三路 90 号 6 楼",
                    "virtual_number": f"170 1170 4956 转 {n:04d}"},
        "requested_at": requested.isoformat(),
        "due_date": due,
        "due_date_approximate": False,
        "invoice_code": None,
        "invoice_number": None,
        "carrier": None,
        "tracking_number": None,
        "postage": None,
        "history": [{"at": requested.isoformat(), "action": "requested", "actor": "buyer"}],
    }  # fmt: skip
    fields.update(data)
    return {"entity": "invoice", "id": f"inv{n:04d}", "version": 1, "deleted": False, "data": fields}


def user(role: Role) -> SignedInUser:
    return SignedInUser("u", role.value, f"{role.value} 同事", role.value, frozenset(permissions_for(role)), "acct")


@pytest.fixture
def invoices_db(tmp_path):
    db = CacheDatabase.open(tmp_path / "cache.sqlite3")
    shipped_history = [
        {"at": "2026-09-01T10:00:00+08:00", "action": "requested", "actor": "buyer"},
        {"at": "2026-09-02T11:00:00+08:00", "action": "issued", "actor": "财务 小周", "invoice_number": "04400001"},
        {"at": "2026-09-03T12:00:00+08:00", "action": "shipped", "actor": "财务 小周", "carrier": "顺丰",
         "tracking_number": "SF1111111111111", "postage": "vendor_paid"},
        {"at": "2026-09-04T13:00:00+08:00", "action": "shipment_corrected", "actor": "客服 小李", "carrier": "顺丰",
         "tracking_number": "SF2222222222222", "reason": "面单打错了"},
    ]  # fmt: skip
    with db.session() as s, s.begin():
        apply_changes(s, [
            make_invoice(1, due="2026-09-29"),  # overdue
            make_invoice(2, due="2026-10-09", amount_fen=4_999),  # due in 2 working days
            make_invoice(3, due="2026-10-20", type="ordinary", tax_id=None),  # later
            make_invoice(4, state="issued", due="2026-09-25", invoice_number="04400002"),
            make_invoice(5, state="shipped", due="2026-09-15", invoice_number="04400001", carrier="顺丰",
                         tracking_number="SF2222222222222", postage="vendor_paid", history=shipped_history),
            make_invoice(6, state="revoked", due="2026-09-28", title="=HYPERLINK(\"http://x\")"),
        ])  # fmt: skip
    yield db
    db.close()


@pytest.fixture
def make_view(qtbot, invoices_db, runner):
    writes = BackgroundRunner(name="vendor-desktop-local-writes")

    def make(role: Role = Role.SUPPORT) -> InvoicesView:
        queue = CommandQueue(invoices_db, user(role), writes)
        vm = InvoicesViewModel(
            invoices_db, queue, runner, writes, runner, permissions=user(role).permissions, today=lambda: TODAY
        )
        queue.published.connect(vm.on_data_changed)  # what the shell does with a queued change
        view = InvoicesView(vm)
        qtbot.addWidget(view)
        view.resize(1280, 760)
        view.show()
        return view

    yield make
    writes.shutdown()


@pytest.fixture
def view(make_view):
    return make_view()


def column(view: InvoicesView, name: str) -> list[Any]:
    model = view.vm.model
    return [model.index(r, COLUMNS.index(name)).data() for r in range(model.rowCount())]


def select(qtbot, view: InvoicesView, number: str) -> None:
    view.clear_filters()
    view.search.setText(number)
    qtbot.waitUntil(lambda: view.vm.count == 1)
    view.table.selectRow(0)
    qtbot.waitUntil(lambda: view.vm.selected is not None and view.vm.selected.order_number == number)


def test_model_passes_qt_model_checks(qtmodeltester, view):
    qtmodeltester.check(view.vm.model)


def test_the_list_is_sorted_by_due_date_with_overdue_red_and_due_soon_amber(view):
    """R-INV-3: the request that falls due first is on top (pending ones first, then issued ones
    to post, then the finished ones); red only for the overdue one."""
    assert column(view, "order_number") == [f"20260930{n:04d}" for n in (1, 2, 3, 4, 5, 6)]
    model = view.vm.model
    tags = {model.index(r, 0).data(): model.index(r, STATE_COLUMN).data(TAGS_ROLE) for r in range(model.rowCount())}
    assert tags["202609300001"] == [("Pending", Tone.TODO), ("overdue", Tone.URGENT)]
    assert tags["202609300002"] == [("Pending", Tone.TODO), ("due in 2 working days", Tone.TODO)]
    assert tags["202609300003"] == [("Pending", Tone.TODO)]
    assert tags["202609300004"] == [("Issued", Tone.WAITING)]  # past its date but issued: not overdue
    assert tags["202609300006"] == [("Revoked by buyer", Tone.CLOSED)]
    assert [t for ts in tags.values() for t in ts if t[1] == Tone.URGENT] == [("overdue", Tone.URGENT)]
    amount = model.index(0, AMOUNT_COLUMN)
    assert amount.data() == "¥88.00"
    assert amount.data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    assert column(view, "shipment")[4] == "SF Express SF2222222222222"
    assert view.count.text() == "6 invoices"


def test_the_workbench_presets_show_what_their_cards_count(view):
    view.search.setText("something else")
    view.show_preset("pending")
    assert view.search.text() == "" and view.state.currentData() == "pending"
    assert column(view, "order_number") == ["202609300001", "202609300002", "202609300003"]
    view.show_preset("overdue")
    assert view.state.currentIndex() == 0 and column(view, "order_number") == ["202609300001"]
    view.show_preset("due_soon")  # pending and due within 2 working days: across National Day
    assert column(view, "order_number") == ["202609300002"]
    assert view.due.currentText() == "Due within 2 working days"
    view.clear_filters()
    assert view.vm.count == 6


def test_filters_by_state_due_date_and_request_date_and_search(view, qtbot):
    view.state.setCurrentIndex(view.state.findData("shipped"))
    assert column(view, "order_number") == ["202609300005"]
    view.clear_filters()
    view.due.setCurrentIndex(view.due.findData("10"))  # due within 10 working days
    assert column(view, "order_number") == ["202609300002", "202609300003"]
    view.clear_filters()
    view.search.setText("sf2222")  # the tracking number
    assert column(view, "order_number") == ["202609300005"]
    view.search.setText("杭州云帆3号")  # the title
    assert column(view, "order_number") == ["202609300003"]
    view.clear_filters()
    view.use_dates.setChecked(True)
    view.date_from.setDate(view.date_from.date().fromString("2026-09-01", "yyyy-MM-dd"))
    view.date_to.setDate(view.date_to.date().fromString("2026-09-30", "yyyy-MM-dd"))
    assert view.vm.count == 6
    view.search.setText("no such invoice")
    assert view.list_stack.currentWidget() is view.empty


def test_the_detail_has_the_mailing_details_as_one_block_to_copy(view, qtbot):
    select(qtbot, view, "202609300001")
    block = "王*明\n浙江省杭州市西湖区文三路 90 号 6 楼\n170 1170 4956 转 0001"
    assert view.mailing.text() == block
    view.copy_mailing.click()
    assert QGuiApplication.clipboard().text() == block
    assert view.field_values["Due date"].text() == "2026-09-29 · overdue"
    assert view.field_values["Invoice type"].text() == "VAT special invoice"
    assert view.contact.text() == "To correct the request, call the buyer on the virtual number 170 1170 4956 转 0001."
    assert [t.text() for t in view.tags if t.isVisible()] == ["Pending", "overdue"]
    assert view.order.text() == "202609300001 · ¥88.00 · 云桌面 SaaS 标准版"


def test_a_request_that_looks_wrong_says_how_to_reach_the_buyer(view, qtbot, invoices_db):
    """R-INV-6: a special invoice without a tax ID cannot be issued as asked: call the buyer."""
    with invoices_db.session() as s, s.begin():
        apply_changes(s, [make_invoice(7, tax_id=None)])
    view.vm.model.reload()
    select(qtbot, view, "202609300007")
    assert view.contact.text() == (
        "This request looks wrong: a VAT special invoice needs the buyer's tax ID. Call the buyer on the virtual"
        " number 170 1170 4956 转 0007 to correct it before you issue."
    )
    assert view.contact.objectName() == "error"


def test_the_history_is_oldest_first_with_actors_and_the_corrections_reason(view, qtbot):
    select(qtbot, view, "202609300005")
    assert view.history.text().splitlines() == [
        "2026-09-01 10:00 · Buyer · requested the invoice",
        "2026-09-02 11:00 · 财务 小周 · issued invoice number 04400001",
        "2026-09-03 12:00 · 财务 小周 · posted it: SF Express SF1111111111111 (Postage paid)",
        "2026-09-04 13:00 · 客服 小李 · corrected the shipment to SF Express SF2222222222222. Reason: 面单打错了",
    ]


@pytest.mark.parametrize(
    ("number", "issue", "ship", "correct"),
    [
        ("202609300001", True, False, False),
        ("202609300004", False, True, False),
        ("202609300005", False, False, True),
        ("202609300006", False, False, False),
    ],
)
def test_each_action_is_enabled_only_for_its_state(view, qtbot, number, issue, ship, correct):
    select(qtbot, view, number)
    assert (view.issue.isEnabled(), view.ship.isEnabled(), view.correct.isEnabled()) == (issue, ship, correct)
    for button in (view.issue, view.ship, view.correct):
        assert button.isEnabled() or button.toolTip()  # a disabled action says why


def test_an_unsent_change_disables_the_next_one_and_says_why(view, qtbot):
    select(qtbot, view, "202609300001")
    dialog = view.open_issue()
    dialog.invoice_number.setText("04400003")
    dialog.submit()
    qtbot.waitUntil(lambda: view.vm.selected_change is not None)
    assert not view.issue.isEnabled()
    assert view.issue.toolTip().startswith("An earlier change of this invoice has not been accepted")
    assert view.change_notice.text() == "This change is waiting to send: issue invoice number 04400003."
    tags = view.vm.model.index(0, STATE_COLUMN).data(TAGS_ROLE)
    assert tags[-1] == ("change waiting to send", Tone.WAITING)


@pytest.mark.parametrize(("role", "acts", "opens_order"), [(Role.FINANCE, True, False), (Role.SUPPORT, True, True)])
def test_the_order_link_is_for_roles_that_read_orders(make_view, qtbot, role, acts, opens_order):
    """Finance works from the invoice's order number and amount; it reads no orders (SPEC §11)."""
    view = make_view(role)
    if role == Role.FINANCE and "invoices.issue" not in view.vm.permissions:
        acts = False  # until domain/roles.py gives finance INVOICES_ISSUE (SPEC §11: finance RW)
    select(qtbot, view, "202609300001")
    assert view.open_order.isVisible() is opens_order
    assert view.issue.isVisible() is acts and view.import_button.isVisible() is acts
    if opens_order:
        with qtbot.waitSignal(view.vm.open_requested) as opened:
            view.open_order.click()
        assert opened.args == ["orders", "o00001"]


def test_export_writes_the_listed_invoices_for_excel(view, qtbot, tmp_path):
    """UTF-8 with BOM, amounts as numbers, a title that starts with "=" kept as text."""
    path = tmp_path / "invoices.csv"
    with qtbot.waitSignal(view.vm.export_finished, timeout=10_000):
        view.vm.export_csv(str(path))
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0][:4] == ["Order number", "Title", "Invoice type", "Amount"]
    assert rows[0][-3:] == ["Tax ID", "Invoice number", "Postage"]
    by_number = {r[0]: r for r in rows[1:]}
    assert len(by_number) == 6
    assert by_number["202609300001"][AMOUNT_COLUMN] == "88.00"
    assert by_number["202609300006"][1] == '\'=HYPERLINK("http://x")'
    assert by_number["202609300005"][-1] == "Postage paid"


def test_in_chinese_the_list_speaks_the_glossarys_words(view, qtbot):
    i18n.install(i18n.CHINESE)
    tags = view.vm.model.index(0, STATE_COLUMN).data(TAGS_ROLE)  # 202609300001
    assert tags == [("待处理", Tone.TODO), ("已逾期", Tone.URGENT)]
    qtbot.waitUntil(lambda: view.count.text() == "共 6 张发票")  # the view re-reads its words
    assert column(view, "type")[0] == "增值税专用发票"
    assert column(view, "shipment")[4] == "顺丰 SF2222222222222"


def _command(kind: str, summary: dict[str, Any], state: str = "pending", **error: Any):
    from vendor_desktop.cache.core.outbox import Command, CommandState

    now = dt.datetime(2026, 9, 30, 2, 0, tzinfo=dt.UTC)
    return Command(
        1, "k", kind, "invoice", "inv0001", 1, "POST", "/invoices/inv0001/issue", None, summary, now, "kefu",
        CommandState(state), 0, None, error.get("code"), error.get("en"), error.get("zh"), {}, None, now,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("kind", "summary", "en", "zh"),
    [
        ("invoice.issue", {"order_number": "202609300001", "invoice_number": "04400003"},
         "Issue the invoice for order 202609300001 (invoice number 04400003)",
         "订单 202609300001 开票（发票号码 04400003）"),
        ("invoice.ship", {"order_number": "202609300004", "carrier": "顺丰", "tracking_number": "SF1234567890123",
                          "postage": "vendor_paid"},
         "Record the shipment of the invoice for order 202609300004: SF Express SF1234567890123, Postage paid",
         "登记订单 202609300004 的发票邮寄：顺丰 SF1234567890123，寄付"),
        ("invoice.correct_shipment", {"order_number": "202609300005", "carrier": "中通",
                                      "tracking_number": "731234567890", "reason": "面单打错了"},
         "Correct the shipment of the invoice for order 202609300005 to ZTO Express 731234567890",
         "订单 202609300005 的发票快递单号更正为 中通 731234567890"),
    ],
)  # fmt: skip
def test_pending_changes_describe_invoice_changes_in_words(qapp, kind, summary, en, zh):
    from vendor_desktop.viewmodels.changes.viewmodel import describe

    assert describe(_command(kind, summary)) == en
    i18n.install(i18n.CHINESE)
    assert describe(_command(kind, summary)) == zh


def test_a_refused_issue_says_the_marketplaces_reason_on_the_invoice(qapp):
    """The buyer revoked first: 409 INVOICE_STATE, in the user's language (GLOSSARY 云市场未接受此修改)."""
    from vendor_desktop.viewmodels.invoices.detail import change_notice

    refused = _command(
        "invoice.issue", {"order_number": "202609300001", "invoice_number": "04400003"}, "rejected",
        code="INVOICE_STATE", en="The buyer revoked this invoice request.", zh="买家已撤销此发票申请。",
    )  # fmt: skip
    assert change_notice(refused) == (
        "The marketplace did not accept this change (issue invoice number 04400003): "
        "The buyer revoked this invoice request."
    )
    i18n.install(i18n.CHINESE)
    assert change_notice(refused) == "云市场未接受此修改（开票，发票号码 04400003）：买家已撤销此发票申请。"
