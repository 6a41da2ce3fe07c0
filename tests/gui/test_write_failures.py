"""A change that cannot be written on this computer is never silently lost (issue 9): the form that
asked for it stays open with what the user typed and says why, in their language; an action
without a form says it in the main window; every failure is logged with its exception."""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QMessageBox
from sqlalchemy.exc import OperationalError

from vendor_desktop.cache.core import outbox
from vendor_desktop.cache.core.outbox import CommandState
from vendor_desktop.cache.core.outbox_results import mark_sending
from vendor_desktop.ui.core import i18n

from .apphelpers import (
    an_unpaid_order,
    change_price,
    go_offline,
    outbox_once_written,
    select_order,
    sign_in,
    tried_offline,
)
from .test_discounts import fill as fill_discount
from .test_discounts import rows as discount_rows
from .test_listings import fill_saas

pytestmark = pytest.mark.usefixtures("english")

DISK_FULL_EN = "Could not save on this computer: the disk is full. Free some space, then try again."
DISK_FULL_ZH = "无法保存到本机：磁盘已满。腾出空间后再试。"


@pytest.fixture
def disk_full(monkeypatch):
    """Every command written to the outbox fails as SQLite fails on a full disk."""

    def enqueue(*_args, **_kwargs):
        raise OperationalError("INSERT INTO outbox …", {}, sqlite3.OperationalError("database or disk is full"))

    monkeypatch.setattr(outbox, "enqueue", enqueue)


def says(dialog, text: str) -> bool:
    """The dialog shows ``text`` where the user can read it."""
    return any(label.isVisible() and label.text() == text for label in dialog.findChildren(QLabel))


def message_box_says(text: str) -> bool:
    """A message box in front of the main window shows ``text``."""
    return any(
        isinstance(w, QMessageBox) and w.isVisible() and w.text() == text for w in QApplication.topLevelWidgets()
    )


def close_message_boxes() -> None:
    for w in QApplication.topLevelWidgets():
        if isinstance(w, QMessageBox):
            w.close()


def logged_failure(caplog) -> bool:
    return any(
        r.levelno == logging.ERROR
        and "local write failed" in r.getMessage()
        and r.exc_info is not None
        and "database or disk is full" in str(r.exc_info[1])
        for r in caplog.records
    )


# -- forms: each stays open, keeps its input and says why ------------------------------------------


def price_change_form(qtbot, center, market):
    select_order(qtbot, center, an_unpaid_order(market)["data"]["number"])
    dialog = change_price(center, "88.00", "agreed with the buyer")
    return dialog, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), dialog.submit


def discount_form(qtbot, center, market):
    dialog = center.window.discounts_view.open_grant()
    fill_discount(dialog, buyer="B-DISK-FULL", percent=85)
    dialog.submit()
    return dialog, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), dialog.submit


def listing_form(qtbot, center, market):
    dialog = center.window.listings_view.open_editor(edit=False)
    fill_saas(dialog, "磁盘已满时的草稿")
    dialog.save()
    return dialog, dialog.buttons.button(QDialogButtonBox.StandardButton.Save), dialog.save


def typed(dialog) -> tuple[str, ...]:
    """What the user typed into whichever form this is."""
    if hasattr(dialog, "new_price"):
        return dialog.new_price.text(), dialog.reason.text()
    if hasattr(dialog, "buyer"):
        return dialog.buyer.text(), str(dialog.percent.value())
    return dialog.name.text(), dialog.prices["monthly"].text(), dialog.config["callback_url"].text()


@pytest.mark.parametrize("open_form", [price_change_form, discount_form, listing_form])
def test_a_form_whose_change_cannot_be_saved_stays_open_and_says_why(
    qtbot, tmp_path, market, disk_full, caplog, open_form
):
    center = sign_in(qtbot, tmp_path, market)
    with caplog.at_level(logging.ERROR):
        dialog, ok, submit = open_form(qtbot, center, market)
        before = typed(dialog)
        qtbot.waitUntil(lambda: says(dialog, DISK_FULL_EN))
        assert dialog.isVisible() and typed(dialog) == before
        assert ok.isEnabled()  # the user can free some space and press it again
        assert sum(outbox_once_written(qtbot, center).values()) == 0
        assert logged_failure(caplog)

        i18n.install("zh_CN")
        submit()
        qtbot.waitUntil(lambda: says(dialog, DISK_FULL_ZH))
        assert dialog.isVisible() and typed(dialog) == before
    assert sum(outbox_once_written(qtbot, center).values()) == 0
    dialog.reject()
    center.shutdown()


# -- actions without a form: the main window says it -------------------------------------------------


@pytest.mark.parametrize(("language", "expected"), [("en", DISK_FULL_EN), ("zh_CN", DISK_FULL_ZH)])
def test_a_revocation_that_cannot_be_saved_is_reported_in_the_main_window(
    qtbot, tmp_path, market, disk_full, caplog, language, expected
):
    center = sign_in(qtbot, tmp_path, market)
    window = center.window
    view = window.discounts_view
    window.show_area("discounts")
    qtbot.waitUntil(lambda: any(cells[5] == "Active" for cells in discount_rows(view)))
    active = next(r for r, cells in enumerate(discount_rows(view)) if cells[5] == "Active")
    view.table.selectRow(active)
    i18n.install(language)
    with caplog.at_level(logging.ERROR):
        view.revoke.click()
        qtbot.waitUntil(lambda: message_box_says(expected))
    assert window.statusBar().currentMessage() == expected
    assert logged_failure(caplog)
    assert sum(outbox_once_written(qtbot, center).values()) == 0
    close_message_boxes()
    center.shutdown()


def test_a_delisting_that_cannot_be_saved_is_reported_per_listing(qtbot, tmp_path, market, disk_full, caplog):
    center = sign_in(qtbot, tmp_path, market)
    view = center.window.listings_view
    center.window.show_area("listings")
    view.state.setCurrentIndex(view.state.findData("on_sale"))
    view.table.selectAll()
    names = [line.listing.name for line in view.vm.selected]
    with caplog.at_level(logging.ERROR):
        view.delist.click()
        qtbot.waitUntil(lambda: view.result.text() != "")
    assert view.result.text().splitlines() == [f"{name}: {DISK_FULL_EN}" for name in names]
    assert center.window.statusBar().currentMessage() == DISK_FULL_EN
    assert logged_failure(caplog)
    assert sum(outbox_once_written(qtbot, center).values()) == 0
    center.shutdown()


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            "This change is being sent right now and can no longer be discarded. Wait for the marketplace's answer.",
        ),
        ("zh_CN", "此修改正在发送，已无法放弃。请等待云市场的答复。"),
    ],
)
def test_discarding_a_change_that_is_being_sent_says_why_it_stays(qtbot, tmp_path, market, caplog, language, expected):
    center = sign_in(qtbot, tmp_path, market)
    window = center.window
    select_order(qtbot, center, an_unpaid_order(market)["data"]["number"])
    go_offline(qtbot, center, market)
    change_price(center, "5.00", "typo")
    tried_offline(qtbot, center)  # offline: it stays queued
    panel = window.changes_view
    window.show_area("changes")
    panel.table.selectRow(0)
    assert panel.discard.isEnabled()
    # The sender picks it up between the panel's last look and the click.
    command_id = window.changes_vm.command_at(0).id
    with center.session.db.session(write=True) as session, session.begin():
        mark_sending(session, command_id, dt.datetime.now(dt.UTC))
    i18n.install(language)
    with caplog.at_level(logging.ERROR):
        panel.discard.click()
        qtbot.waitUntil(lambda: message_box_says(expected))
    assert any(r.levelno == logging.ERROR and "local write failed" in r.getMessage() for r in caplog.records)
    assert outbox_once_written(qtbot, center)[CommandState.SENDING] == 1  # still there, on its way
    qtbot.waitUntil(lambda: not panel.discard.isEnabled())  # the panel now shows it as sending
    close_message_boxes()
    center.shutdown()
