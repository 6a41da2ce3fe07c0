"""The area registry (ui/areas.py): who sees which area and where the window opens (SPEC §11),
shortcuts, lazy views, and which change sets reach which area."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import Qt

from vendor_desktop.cache.core.changes import ChangeSet
from vendor_desktop.domain.roles import ENTITY_READ_PERMISSION, Permission, Role, permissions_for
from vendor_desktop.ui.shell.areas import AREAS, area, areas_for, opening_area

from .apphelpers import sign_in

pytestmark = pytest.mark.usefixtures("english")

ALL = ["dashboard", "orders", "listings", "discounts", "invoices", "money", "messages", "tickets", "changes", "account"]

# SPEC §11, the rows of today's areas: listings R for owner, operations, viewer; orders R for all
# but finance; discounts for owner and operations; every role reads its messages and may queue a
# change. The Workbench is for every role (its cards follow the role's permissions: finance
# counts invoices, not orders), and is never where the window opens.
# Invoices (issue 12) for owner, finance and support; operations and viewer do not see them.
# Finance reads no orders ("invoices and refunds carry the order's number and amount"), so it
# opens on its own area, Invoices, not on an empty Orders page.
# Money (issue 13) for owner and finance: deposit payments, earnings, withdrawals (earnings.read).
# Account (issue 13) for every role: each reads the profile and the agreements, never lands there.
# Tickets (issue 14, R-TKT-1) for owner, operations, finance and support; not the viewer.
SEEN_BY_ROLE = {
    Role.OWNER: ALL,
    Role.OPERATIONS: ["dashboard", "orders", "listings", "discounts", "messages", "tickets", "changes", "account"],
    Role.FINANCE: ["dashboard", "invoices", "money", "messages", "tickets", "changes", "account"],
    Role.SUPPORT: ["dashboard", "orders", "invoices", "messages", "tickets", "changes", "account"],
    Role.VIEWER: ["dashboard", "orders", "listings", "messages", "changes", "account"],
}
OPENS_ON = {
    Role.OWNER: "orders",
    Role.OPERATIONS: "orders",
    Role.FINANCE: "invoices",
    Role.SUPPORT: "orders",
    Role.VIEWER: "orders",
}


def test_the_registry_declares_each_area_once_with_a_real_permission_and_shortcut():
    assert [a.id for a in AREAS] == ALL  # the navigation order
    assert len({a.shortcut for a in AREAS}) == len(AREAS)
    # Ctrl+1…9 each once; a new area takes the next number wherever it sits, so no shortcut a user
    # learnt moves (Money, after Invoices, is Ctrl+8; Account, last, Ctrl+9). Areas beyond nine
    # take Ctrl+Shift+<the number of the area they sit beside> (Tickets, after Messages: Ctrl+Shift+6).
    plain = [a.shortcut for a in AREAS if not a.shortcut.startswith("Ctrl+Shift+")]
    assert sorted(plain) == [f"Ctrl+{n}" for n in range(1, 10)]
    for i, a in enumerate(AREAS):
        if a.shortcut.startswith("Ctrl+Shift+"):
            assert a.shortcut.replace("Shift+", "") == AREAS[i - 1].shortcut, a.id
    assert area("account").shortcut == "Ctrl+9"
    assert area("tickets").shortcut == "Ctrl+Shift+6"
    permissions = {p.value for p in Permission}
    known_kinds = set(ENTITY_READ_PERMISSION) | {"command"}
    for a in AREAS:
        assert a.permission is None or a.permission in permissions, a.id
        assert a.listens and a.listens <= known_kinds, a.id
        assert a.title() == a.name  # English: the source text


@pytest.mark.parametrize("role", list(Role))
def test_each_role_sees_its_areas_and_opens_on_the_first_it_works_in(role):
    seen = areas_for({p.value for p in permissions_for(role)})
    assert [a.id for a in seen] == SEEN_BY_ROLE[role]
    assert opening_area(seen).id == OPENS_ON[role]


def test_a_role_with_no_landing_area_opens_on_its_first_area():
    only_summary = [area("dashboard")]
    assert opening_area(only_summary).id == "dashboard"
    assert opening_area([]) is None


def test_change_sets_reach_the_areas_that_listen_to_them():
    listings = ChangeSet()
    listings.add("listing", "l1")
    commands = ChangeSet()
    commands.add("command", "7")
    hearing = {name: [a.id for a in AREAS if a.hears(changes)] for name, changes in (
        ("listing", listings), ("command", commands), ("nothing", ChangeSet()),
    )}  # fmt: skip
    assert hearing == {
        "listing": ["dashboard", "listings"],
        # The Workbench counts refused changes; Invoices marks the rows with a queued change.
        "command": ["dashboard", "listings", "discounts", "invoices", "money", "tickets", "changes", "account"],
        "nothing": ["changes"],  # a local write that named no entity still refreshes Pending changes
    }


@pytest.mark.parametrize("role", list(Role))
def test_the_window_shows_a_role_its_areas_and_opens_on_the_first(qtbot, tmp_path, market, caplog, role):
    caplog.set_level(logging.INFO, logger="vendor_desktop")
    center = sign_in(qtbot, tmp_path, market, username=role.value)
    try:
        window = center.window
        assert window.area_ids == SEEN_BY_ROLE[role]
        opening = OPENS_ON[role]
        assert window.shell.current == opening
        assert window.pages.currentWidget() is window.view(opening)
        names = [window.nav.item(row).text().split("  (")[0] for row in range(window.nav.count())]
        assert names == [area(a).name for a in SEEN_BY_ROLE[role]]
        # Only the first area's view is built at start; areas the role does not use have none.
        assert list(window.shell.views) == [opening]
        hidden = set(ALL) - set(SEEN_BY_ROLE[role])
        assert all(getattr(window, f"{a}_view") is None and getattr(window, f"{a}_vm") is None for a in hidden)
        # What acts on orders is there only for a role that sees them.
        sees_orders = "orders" in SEEN_BY_ROLE[role]
        for action in (window.find_action, window.export_action, window.price_action):
            assert action.isVisible() is sees_orders and action.isEnabled() is sees_orders
        assert [a.text() for a in window.go_menu.actions()] == names
        qtbot.waitUntil(lambda: f"first area on screen: {opening}" in caplog.text, timeout=10_000)
    finally:
        center.shutdown()


def test_a_shortcut_opens_its_area_and_builds_its_view_then(qtbot, tmp_path, market):
    center = sign_in(qtbot, tmp_path, market)
    try:
        window = center.window
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        assert "listings" not in window.shell.views
        qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
        assert window.shell.current == "listings"
        assert window.pages.currentWidget() is window.listings_view
        assert window.listings_view.isVisible()
        qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
        assert window.pages.currentWidget() is window.dashboard_view
        # Shown now: an area that reads off the GUI thread shows its figures a moment later.
        qtbot.waitUntil(lambda: window.dashboard_view.cards["unpaid"].value.text() != "0")
    finally:
        center.shutdown()


def test_the_shown_area_is_told_and_the_one_left_too(qtbot, tmp_path, market):
    center = sign_in(qtbot, tmp_path, market)
    try:
        window = center.window
        told: list[tuple[str, bool]] = []
        for area_id in window.area_ids:  # what the viewmodels reloading off the GUI thread hear
            window.viewmodel(area_id).set_shown = lambda shown, area_id=area_id: told.append((area_id, shown))
        window.show_area("messages")
        window.show_area("messages")
        window.show_area("changes")
        assert told == [("orders", False), ("messages", True), ("messages", False), ("changes", True)]
    finally:
        center.shutdown()


def test_only_the_areas_listening_get_a_change_set(qtbot, tmp_path, market):
    center = sign_in(qtbot, tmp_path, market)
    try:
        window = center.window
        heard: list[str] = []
        for area_id in window.area_ids:
            window.viewmodel(area_id).on_data_changed = lambda _changes, area_id=area_id: heard.append(area_id)
        discounts = ChangeSet()
        discounts.add("discount", "d1")
        center.sync.data_changed.emit(discounts)
        center.sync.data_changed.emit(ChangeSet())
        assert heard == ["discounts", "changes"]
    finally:
        center.shutdown()


def test_area_pages_name_the_areas_in_order_with_views_once_built(qtbot, tmp_path, market):
    center = sign_in(qtbot, tmp_path, market, username="support")
    try:
        window = center.window
        assert list(window.area_pages) == SEEN_BY_ROLE[Role.SUPPORT]
        assert window.area_pages["messages"] is None
        window.show_area("messages")
        assert window.area_pages["messages"] is window.messages_view
    finally:
        center.shutdown()
