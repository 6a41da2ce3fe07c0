"""The shell's own pieces, as a user sees them (issue 11): the navigation never cuts a name or its
count and draws no focus frame inside the selected item; the status bar counts open changes in
the user's language."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from PySide6.QtWidgets import QStyleOptionViewItem

from vendor_desktop.cache.core.outbox import CommandState
from vendor_desktop.ui.core import i18n

from .apphelpers import sign_in

pytestmark = pytest.mark.usefixtures("english")


def test_the_navigation_fits_its_names_with_any_count_and_shows_no_focus_frame(qtbot, tmp_path, market, styled):
    center = sign_in(qtbot, tmp_path, market)
    window = center.window
    nav = window.nav
    for language in (i18n.CHINESE, i18n.ENGLISH):
        center.set_language(language)
        messages, changes = window.messages_vm, window.changes_vm
        messages.unread = 123_456  # a mailbox nobody has read in years
        messages.unread_changed.emit(messages.unread)
        changes.commands = [SimpleNamespace(state=CommandState.PENDING)] * 12_345  # a month offline
        changes.changed.emit()
        qtbot.waitUntil(lambda: "12,345" in nav.item(window.area_ids.index("changes")).text())
        for row in range(nav.count()):
            index = nav.model().index(row, 0)
            option = QStyleOptionViewItem()
            nav.initViewItemOption(option)
            needed = nav.itemDelegateForIndex(index).sizeHint(option, index).width()
            shown = nav.visualRect(index).intersected(nav.viewport().rect())  # an item may reach past it
            assert shown.width() >= needed, nav.item(row).text()
        assert not nav.horizontalScrollBar().isVisible()

    # Selected, with and without the keyboard focus: the item looks the same (no dotted frame).
    window.show_area("orders")
    window.activateWindow()
    item = nav.visualItemRect(nav.currentItem())
    nav.setFocus()
    qtbot.waitUntil(nav.hasFocus)
    focused = nav.viewport().grab(item).toImage()
    window.orders_view.search.setFocus()
    qtbot.waitUntil(lambda: not nav.hasFocus())
    assert nav.viewport().grab(item).toImage() == focused
    changes.commands = []
    center.shutdown()
