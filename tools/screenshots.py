"""Render the documentation screenshots offscreen, in Chinese and English.

    QT_QPA_PLATFORM=offscreen python tools/screenshots.py docs/screenshots

Runs the real app on a fresh embedded sandbox (demo data), waits for the first sync, and saves
each screen. Chinese needs CJK fonts (Debian: fonts-noto-cjk), or it shows boxes.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("VENDOR_DESKTOP_DATA_DIR", tempfile.mkdtemp(prefix="vendor-desktop-shots-"))

import requests
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from vendor_desktop.app import VendorCenter
from vendor_desktop.application import create_application
from vendor_desktop.cache.core.paths import data_dir
from vendor_desktop.sync.token_store import SessionOnlyTokenStore
from vendor_desktop.ui.core import i18n
from vendor_desktop.viewmodels.core.sync_status import Connection


def wait_until(app: QApplication, condition, timeout_s: float = 60) -> None:
    import time

    end = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > end:
            raise SystemExit("timed out waiting for the app")
        app.processEvents()
        QTimer.singleShot(20, lambda: None)
        app.processEvents()


def reject_a_price_change(app: QApplication, center: VendorCenter) -> str:
    """The buyer pays while the change is on its way: the marketplace refuses it (R-ORD-3)."""
    window = center.window
    assert window is not None and center.sandbox is not None
    orders = window.orders_view
    orders.state.setCurrentIndex(orders.state.findData("unpaid"))
    orders.table.selectRow(0)
    wait_until(app, lambda: window.orders_vm.selected is not None)
    order = window.orders_vm.selected
    pay = requests.post(
        f"{center.sandbox.base_url}/api/v1/sandbox/orders/{order.id}/pay",
        headers={"Authorization": f"Bearer {center.sandbox.operator_token}"},
        timeout=10,
    )
    pay.raise_for_status()
    dialog = orders.open_price_change()
    dialog.new_price.setText("88.00")
    dialog.confirm.setChecked(True)  # a cut below half the price asks for it
    dialog.reason.setText("老客户优惠 / loyal customer")
    dialog.submit()
    wait_until(app, lambda: window.changes_vm.rejected_count == 1)
    return order.number


def shoot_listings(app: QApplication, window, out: Path, suffix: str) -> None:  # type: ignore[no-untyped-def]
    """The listings table, a rejected listing, and the editor for a SaaS and an image listing."""
    window.show_area("listings")
    view = window.listings_view
    model = view.vm.model
    rejected = next(r for r in range(model.rowCount()) if (line := model.row_at(r)) and line.listing
                    and line.listing.state == "rejected")
    view.table.clearSelection()
    view.table.selectRow(rejected)
    app.processEvents()
    window.grab().save(str(out / f"listings-rejected-{suffix}.png"))
    on_sale = next(r for r in range(model.rowCount()) if (line := model.row_at(r)) and line.listing
                   and line.listing.revision)
    view.table.clearSelection()
    view.table.selectRow(on_sale)
    app.processEvents()
    window.grab().save(str(out / f"listings-{suffix}.png"))
    for market, sample in (("saas", saas_sample), ("image", image_sample)):
        dialog = view.open_editor(edit=False)
        dialog.market.setCurrentIndex(dialog.market.findData(market))
        sample(dialog)
        dialog.tried = True  # as after pressing Save: every problem shows, nothing is queued
        dialog.check()
        app.processEvents()
        dialog.grab().save(str(out / f"listing-editor-{market}-{suffix}.png"))
        dialog.reject()


def saas_sample(dialog) -> None:  # type: ignore[no-untyped-def]
    dialog.name.setText("智能排班 SaaS 专业版")
    dialog.summary.setText("排班、考勤、工时一站式管理")
    dialog.modes["monthly"].setChecked(True)
    dialog.prices["monthly"].setText("299.00")
    dialog.modes["yearly"].setChecked(True)
    dialog.prices["yearly"].setText("2990")
    dialog.config["callback_url"].setText("http://paiban.example.com/callback")


def image_sample(dialog) -> None:  # type: ignore[no-untyped-def]
    dialog.name.setText("CentOS 7.9 安全加固镜像")
    dialog.summary.setText("预装安全基线与常用运维工具")
    dialog.modes["payg"].setChecked(True)
    dialog.prices["payg"].setText("0.5")
    dialog.config["image_id"].setText("m-2ze0a1b2c3d4e5f6")
    dialog.config["os"].setText("CentOS 7.9 64位")
    dialog.agreement.setPlainText("商品服务协议：……")


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    app = create_application()
    settings = QSettings(str(data_dir() / "settings.ini"), QSettings.Format.IniFormat)
    center = VendorCenter(settings, SessionOnlyTokenStore(), i18n.install(i18n.CHINESE))
    center.start_sandbox(data_dir() / "sandbox.sqlite3")
    wait_until(app, lambda: center.sync is not None and center.sync.state == Connection.ONLINE)
    window = center.window
    assert window is not None
    window.resize(1440, 860)
    for language in (i18n.CHINESE, i18n.ENGLISH):
        center.set_language(language)
        app.processEvents()  # deliver LanguageChange before rendering
        suffix = "zh" if language == i18n.CHINESE else "en"
        window.show_area("orders")
        wait_until(app, lambda: window.orders_view.vm.count > 2)  # the first sync's orders are read
        window.orders_view.table.selectRow(2)
        wait_until(app, lambda: window.orders_view.vm.selected is not None)
        app.processEvents()
        window.grab().save(str(out / f"main-orders-{suffix}.png"))
        window.show_area("dashboard")
        app.processEvents()
        window.grab().save(str(out / f"dashboard-{suffix}.png"))
        window.show_area("messages")
        app.processEvents()
        window.grab().save(str(out / f"messages-{suffix}.png"))
    rejected = reject_a_price_change(app, center)
    for language in (i18n.CHINESE, i18n.ENGLISH):
        center.set_language(language)
        app.processEvents()
        suffix = "zh" if language == i18n.CHINESE else "en"
        window.show_area("orders")
        window.orders_view.clear_filters()
        window.orders_view.search.setText(rejected)
        window.orders_view.table.selectRow(0)
        wait_until(app, lambda: bool(window.orders_view.change_notice.text()))
        app.processEvents()
        window.grab().save(str(out / f"price-change-rejected-{suffix}.png"))
        window.orders_view.search.setText("")
        window.show_area("changes")
        app.processEvents()
        window.grab().save(str(out / f"pending-changes-{suffix}.png"))
        window.show_area("discounts")
        app.processEvents()
        window.grab().save(str(out / f"discounts-{suffix}.png"))
        window.show_area("orders")
        window.orders_view.state.setCurrentIndex(window.orders_view.state.findData("unpaid"))
        window.orders_view.table.selectRow(0)
        wait_until(app, lambda: window.orders_vm.selected is not None)
        dialog = window.orders_view.open_price_change()
        dialog.new_price.setText("12.345")
        dialog.reason.setText("")
        dialog.submit()
        app.processEvents()
        dialog.grab().save(str(out / f"price-change-dialog-{suffix}.png"))
        dialog.reject()
        window.orders_view.clear_filters()
        discount = window.discounts_view.open_grant()
        discount.buyer.setText("8623100045671234")
        discount.percent.setValue(85)
        app.processEvents()
        discount.grab().save(str(out / f"discount-dialog-{suffix}.png"))
        discount.reject()
    for language in (i18n.CHINESE, i18n.ENGLISH):
        center.set_language(language)
        app.processEvents()
        suffix = "zh" if language == i18n.CHINESE else "en"
        shoot_listings(app, window, out, suffix)
    center.shutdown()
    print(f"saved screenshots to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")))
