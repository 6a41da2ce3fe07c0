"""The Invoices dialogs check what the vendor typed before anything is queued (issue 12):
*Issue…* (invoice number 8–20 digits, code 10 or 12), *Record shipment…* (carrier, tracking
number with a warning — never a refusal — for an unusual format, R-INV-4; cash on delivery
only under ¥50.00, said before sending, R-INV-5) and *Correct shipment…* (a reason, R-INV-6).
Each message shows under its field, in the user's language."""

from __future__ import annotations

import pytest

from vendor_desktop.cache.core import outbox
from vendor_desktop.cache.core.apply import apply_changes
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.cache.invoices.queries import invoice_detail
from vendor_desktop.domain.roles import Role, permissions_for
from vendor_desktop.sync.client import SignedInUser
from vendor_desktop.ui.core import i18n
from vendor_desktop.ui.invoices.issue_dialog import IssueDialog
from vendor_desktop.ui.invoices.shipment_dialog import ShipmentDialog
from vendor_desktop.viewmodels.core.background import BackgroundRunner
from vendor_desktop.viewmodels.core.commands import CommandQueue
from vendor_desktop.viewmodels.invoices.actions import IssueViewModel, ShipmentViewModel

from .test_invoices_view import make_invoice

pytestmark = pytest.mark.usefixtures("english")

SUPPORT = SignedInUser(
    "u4", "kefu", "客服 小李", "support", frozenset(p.value for p in permissions_for(Role.SUPPORT)), "acct"
)


@pytest.fixture
def db(tmp_path):
    db = CacheDatabase.open(tmp_path / "cache.sqlite3")
    with db.session() as s, s.begin():
        apply_changes(s, [
            make_invoice(1, amount_fen=8_800),  # ¥88.00, pending
            make_invoice(2, state="issued", amount_fen=5_000, invoice_number="12345678"),  # exactly ¥50.00
            make_invoice(3, state="issued", amount_fen=4_999, invoice_number="12345679"),  # ¥49.99
            make_invoice(4, state="shipped", amount_fen=4_999, invoice_number="12345680", carrier="顺丰",
                         tracking_number="SF1234567890123", postage="cod"),
        ])  # fmt: skip
    yield db
    db.close()


@pytest.fixture
def queue(db):
    writes = BackgroundRunner(name="vendor-desktop-local-writes")
    yield CommandQueue(db, SUPPORT, writes)
    writes.shutdown()


def _invoice(db, n):
    with db.session() as s:
        return invoice_detail(s, f"inv{n:04d}")


def _dialog(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def queued(qtbot, queue, db, n) -> list[tuple[str, dict]]:
    """The invoice's open commands once every write asked for so far is on disk."""
    with qtbot.waitCallback(timeout=10_000) as written:
        queue._writes.submit(lambda: None, on_done=written)
    with db.session() as session:
        commands = outbox.open_commands_for(session, "invoice", [f"inv{n:04d}"]).get(f"inv{n:04d}", [])
    return [(c.kind, c.payload) for c in commands]


def shown(dialog) -> dict[str, str]:
    return {name: label.text() for name, label in dialog.errors.items() if label.isVisible()}


@pytest.mark.parametrize(
    ("language", "number", "code", "messages"),
    [
        ("en", "", "", {"invoice_number": "Enter the invoice number printed on the invoice."}),
        ("en", "1234567", "", {"invoice_number": "An invoice number is 8 to 20 digits."}),
        ("en", "123456789012345678901", "", {"invoice_number": "An invoice number is 8 to 20 digits."}),
        ("en", "1234 5678", "", {"invoice_number": "An invoice number is 8 to 20 digits."}),
        ("en", "12345678", "12345678901", {
            "invoice_code": "An invoice code is 10 or 12 digits. Leave it empty if the invoice has none."}),
        ("zh_CN", "", "", {"invoice_number": "请填写纸质发票上的发票号码。"}),
        ("zh_CN", "12ab5678", "", {"invoice_number": "发票号码为 8–20 位数字。"}),
        ("zh_CN", "12345678", "123", {"invoice_code": "发票代码为 10 或 12 位数字。发票上没有发票代码时请留空。"}),
    ],
)  # fmt: skip
def test_issue_says_under_each_field_what_is_wrong(qtbot, db, queue, language, number, code, messages):
    i18n.install(language)
    dialog = _dialog(qtbot, IssueDialog(IssueViewModel(queue, _invoice(db, 1))))
    dialog.invoice_number.setText(number)
    dialog.invoice_code.setText(code)
    dialog.submit()
    assert shown(dialog) == messages
    assert dialog.isVisible()
    assert queued(qtbot, queue, db, 1) == []


@pytest.mark.parametrize("code", ["", "1234567890", "123456789012"])
def test_a_good_invoice_number_is_queued_with_the_invoices_version(qtbot, db, queue, code):
    dialog = _dialog(qtbot, IssueDialog(IssueViewModel(queue, _invoice(db, 1))))
    assert dialog.title.text() == "Issue the invoice for order 202609300001"
    dialog.invoice_number.setText(" 0123456789 ")
    dialog.invoice_code.setText(code)
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    payload = {"invoice_number": "0123456789", **({"invoice_code": code} if code else {})}
    assert queued(qtbot, queue, db, 1) == [("invoice.issue", payload)]
    with db.session() as s:
        command = outbox.open_commands_for(s, "invoice", ["inv0001"])["inv0001"][0]
    assert (command.path, command.base_version) == ("/invoices/inv0001/issue", 1)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_cash_on_delivery_is_disabled_from_fifty_yuan_with_the_reason_shown(qtbot, db, queue, language):
    """R-INV-5: ¥50.00 is postage paid by the vendor; the reason is on screen before sending."""
    i18n.install(language)
    dialog = _dialog(qtbot, ShipmentDialog(ShipmentViewModel(queue, _invoice(db, 2))))
    assert not dialog.cod.isEnabled()
    assert dialog.vendor_paid.isChecked()
    expected = {
        "en": "Cash on delivery is not possible: this invoice is ¥50.00, and from ¥50.00 you pay the postage.",
        "zh_CN": "不能到付：这张发票金额为 ¥50.00，满 ¥50.00 须寄付。",
    }[language]
    assert dialog.cod_rule.text() == expected and dialog.cod_rule.isVisible()
    assert dialog.cod.toolTip() == expected
    # Even if the choice were made (a keyboard, a test), the viewmodel refuses to queue it.
    dialog.cod.setEnabled(True)
    dialog.cod.setChecked(True)
    dialog.tracking_number.setText("SF1234567890123")
    dialog.submit()
    assert shown(dialog) == {"postage": expected}
    assert queued(qtbot, queue, db, 2) == []


def test_cash_on_delivery_is_allowed_at_forty_nine_yuan_ninety_nine(qtbot, db, queue):
    dialog = _dialog(qtbot, ShipmentDialog(ShipmentViewModel(queue, _invoice(db, 3))))
    assert dialog.cod.isEnabled()
    assert dialog.cod_rule.text() == (
        "From ¥50.00 you pay the postage (postage paid); below ¥50.00 you may send it cash on delivery."
    )
    dialog.cod.setChecked(True)
    dialog.tracking_number.setText("SF1234567890123")
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    payload = {"carrier": "顺丰", "tracking_number": "SF1234567890123", "postage": "cod"}
    assert queued(qtbot, queue, db, 3) == [("invoice.ship", payload)]


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_an_unusual_tracking_number_is_a_warning_not_a_refusal(qtbot, db, queue, language):
    i18n.install(language)
    dialog = _dialog(qtbot, ShipmentDialog(ShipmentViewModel(queue, _invoice(db, 3))))
    dialog.choose_carrier("中通")
    dialog.tracking_number.setText("SF1234567890123")  # an SF number under ZTO
    expected = {
        "en": "This does not look like a ZTO Express tracking number. Check it; it is saved as typed if you go on.",
        "zh_CN": "这不像中通的快递单号，请核对。继续保存将按填写内容登记。",
    }[language]
    assert dialog.warning.isVisible() and dialog.warning.text() == expected
    dialog.tracking_number.setText("731234567890")  # a ZTO-looking number
    assert not dialog.warning.isVisible()
    dialog.tracking_number.setText("SF1234567890123")
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert queued(qtbot, queue, db, 3)[0][1]["tracking_number"] == "SF1234567890123"


@pytest.mark.parametrize(
    ("language", "carrier", "other", "number", "messages"),
    [
        ("en", "顺丰", "", "", {"tracking_number": "Enter the tracking number."}),
        ("en", "顺丰", "", "SF 123", {"tracking_number": "A tracking number is 6 to 40 letters, digits or hyphens."}),
        ("en", "", "", "AB123456", {"carrier": "Enter the carrier's name."}),
        ("en", "", "德邦快递股份有限公司华东大区上海分拨中心站", "AB123456",
         {"carrier": "Keep the carrier's name to 20 characters."}),
        ("zh_CN", "", "", "", {"carrier": "请填写快递公司名称。", "tracking_number": "请填写快递单号。"}),
        ("zh_CN", "EMS", "", "E" * 41, {"tracking_number": "快递单号为 6–40 位字母、数字或连字符。"}),
    ],
)  # fmt: skip
def test_shipment_says_under_each_field_what_is_wrong(qtbot, db, queue, language, carrier, other, number, messages):
    i18n.install(language)
    dialog = _dialog(qtbot, ShipmentDialog(ShipmentViewModel(queue, _invoice(db, 3))))
    dialog.choose_carrier(carrier) if carrier else dialog.carrier.setCurrentIndex(dialog.carrier.count() - 1)
    assert dialog.other_carrier.isVisible() is (carrier == "")
    dialog.other_carrier.setText(other)
    dialog.tracking_number.setText(number)
    dialog.submit()
    assert shown(dialog) == messages
    assert queued(qtbot, queue, db, 3) == []


def test_another_carrier_is_typed_and_sent_as_typed(qtbot, db, queue):
    dialog = _dialog(qtbot, ShipmentDialog(ShipmentViewModel(queue, _invoice(db, 2))))
    dialog.choose_carrier("德邦快递")
    assert dialog.carrier.currentText() == "Other (type its name)" and dialog.other_carrier.text() == "德邦快递"
    dialog.tracking_number.setText("DPK-2026-0001")
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    payload = {"carrier": "德邦快递", "tracking_number": "DPK-2026-0001", "postage": "vendor_paid"}
    assert queued(qtbot, queue, db, 2) == [("invoice.ship", payload)]


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_a_correction_needs_a_change_and_a_reason(qtbot, db, queue, language):
    """R-INV-6: the shipped invoice's carrier or tracking number, replaced with a reason."""
    i18n.install(language)
    dialog = _dialog(qtbot, ShipmentDialog(ShipmentViewModel(queue, _invoice(db, 4), correction=True)))
    assert dialog.tracking_number.text() == "SF1234567890123"  # starts from what the buyer sees now
    assert not dialog.cod.isVisible() and dialog.reason.isVisible()
    dialog.submit()
    expected = {
        "en": {
            "tracking_number": "Change the carrier or the tracking number.",
            "reason": "Say why the shipment is corrected, for the buyer and your colleagues.",
        },
        "zh_CN": {"tracking_number": "请修改快递公司或快递单号。", "reason": "请填写更正原因，方便买家和同事了解。"},
    }[language]
    assert shown(dialog) == expected
    dialog.tracking_number.setText("SF9876543210987")
    dialog.reason.setText("面单打错了")
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    payload = {"carrier": "顺丰", "tracking_number": "SF9876543210987", "reason": "面单打错了"}
    assert queued(qtbot, queue, db, 4) == [("invoice.correct_shipment", payload)]
