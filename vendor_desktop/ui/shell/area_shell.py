"""The shell around the areas: navigation, pages, shortcuts and change delivery, from ``AREAS``.

Only the areas the signed-in user may use appear (SPEC §11). Their viewmodels exist from the
start (counts, notifications, change sets reach them); a view is built the first time its area
is shown, so the window opens as soon as its first area is ready. The viewmodel of the area on
screen is told so (``set_shown``): a hidden area may put off reloading until it is shown again.
"""

from __future__ import annotations

import logging
from functools import partial
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStackedWidget, QWidget

from vendor_desktop.ui.core.binding import connect_refresh
from vendor_desktop.ui.shell.areas import Area, areas_for, opening_area
from vendor_desktop.viewmodels.core.area_context import AreaContext

log = logging.getLogger(__name__)

NAV_WIDTH = 196  # at least; wider when a name and its count need it


class AreaShell(QObject):
    #: An area's view was just built (area id, view): restore its saved state, connect it.
    view_built = Signal(str, QWidget)
    #: The area on screen changed (its id).
    current_changed = Signal(str)

    def __init__(self, context: AreaContext, window: QWidget) -> None:
        super().__init__(window)
        self.context = context
        self.areas: list[Area] = areas_for(context.permissions)
        self.viewmodels: dict[str, Any] = {a.id: a.viewmodel(context) for a in self.areas}
        self.views: dict[str, QWidget] = {}
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setFixedWidth(NAV_WIDTH)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.pages = QStackedWidget()
        #: One action per area: its shortcut, and its entry in the Go menu.
        self.actions: dict[str, QAction] = {}
        for area in self.areas:
            self.pages.addWidget(QWidget())  # stands in until the area is first shown
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, area.id)
            self.nav.addItem(item)
            action = QAction(window)
            action.setShortcut(QKeySequence(area.shortcut))
            action.triggered.connect(partial(self.show, area.id))
            window.addAction(action)
            self.actions[area.id] = action
            if area.count is not None:
                connect_refresh(getattr(self.viewmodels[area.id], area.count_changed), self.nav, self.label)
        # A viewmodel may ask to show another area's entity (a message's "View order").
        for vm in self.viewmodels.values():
            if (asked := getattr(vm, "open_requested", None)) is not None:
                asked.connect(self.open_entity)
        self.current = ""
        self._first_paint: QWidget | None = None
        self.nav.currentRowChanged.connect(self._row_changed)
        first = opening_area(self.areas)
        for area_id, vm in self.viewmodels.items():
            if first is None or area_id != first.id:
                vm.set_shown(False)
        if first is not None:
            self.show(first.id)
            self._first_paint = self.views[first.id]
            self._first_paint.installEventFilter(self)
        self.label()

    # -- which area ---------------------------------------------------------------------------------
    @property
    def ids(self) -> list[str]:
        return [a.id for a in self.areas]

    def show(self, area_id: str) -> None:
        self.nav.setCurrentRow(self.ids.index(area_id))

    def open_area(self, area_id: str, preset: str | None = None) -> None:
        """Show an area with its list already filtered by ``preset`` (the view's ``show_preset``):
        a Workbench card opens its to-dos. An area this user does not see is not opened."""
        if area_id not in self.viewmodels:
            return
        self.show(area_id)
        view = self.views[area_id]
        if preset is not None and hasattr(view, "show_preset"):
            view.show_preset(preset)

    def view(self, area_id: str) -> QWidget | None:
        """The area's view, built now if it was not yet; None when the user does not see the area."""
        if area_id not in self.viewmodels:
            return None
        if area_id not in self.views:
            row = self.ids.index(area_id)
            area = self.areas[row]
            view = area.view(self.viewmodels[area_id], self.context)
            self.views[area_id] = view
            stand_in = self.pages.widget(row)
            self.pages.insertWidget(row, view)
            self.pages.removeWidget(stand_in)
            stand_in.deleteLater()
            # A view may ask to open another area, filtered (the Workbench's cards).
            if (open_requested := getattr(view, "open_requested", None)) is not None:
                open_requested.connect(self.open_area)
            self.view_built.emit(area_id, view)
        return self.views[area_id]

    def open_entity(self, area_id: str, entity_id: str) -> None:
        """Show ``area_id`` with ``entity_id`` selected in its list (the view's own
        ``select_entity`` if it has one)."""
        view = self.view(area_id)
        if view is None:
            return
        self.show(area_id)
        select = getattr(view, "select_entity", None)
        if select is not None:
            select(entity_id)
            return
        if select_in_list(view, entity_id):
            return
        vm = getattr(view, "vm", None)
        if getattr(vm, "refreshing", False):
            # A hidden area reloads when shown: what a pull brought meanwhile arrives with it.
            model = vm.model

            def once_reloaded() -> None:
                model.modelReset.disconnect(once_reloaded)
                # After the viewmodel has finished taking the reload in (it may reselect).
                QTimer.singleShot(0, view, lambda: select_in_list(view, entity_id))

            model.modelReset.connect(once_reloaded)
        else:
            log.info("%s %s is not in its list", area_id, entity_id)

    def _row_changed(self, row: int) -> None:
        if row < 0:
            return
        area_id = self.ids[row]
        self.view(area_id)
        self.pages.setCurrentIndex(row)
        left, self.current = self.current, area_id
        if left == area_id:
            return
        if left:
            self.viewmodels[left].set_shown(False)
        self.viewmodels[area_id].set_shown(True)  # a stale area reloads now
        self.current_changed.emit(area_id)

    # -- what changed -------------------------------------------------------------------------------
    def deliver(self, changes: Any) -> None:
        """A change set (from a pull or a local write) goes to the areas that listen to it."""
        for area in self.areas:
            if area.hears(changes):
                self.viewmodels[area.id].on_data_changed(changes)

    # -- words ------------------------------------------------------------------------------------
    def label(self) -> None:
        """Names in the current language, with a count where an area has one."""
        for row, area in enumerate(self.areas):
            title = area.title()
            count = area.count(self.viewmodels[area.id]) if area.count is not None else 0
            item = self.nav.item(row)
            item.setText(f"{title}  ({count:,})" if count else title)
            shortcut = self.actions[area.id].shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            item.setToolTip(f"{title} ({shortcut})")
            self.actions[area.id].setText(title)
        # As wide as the longest name with its count, in this language: never cut (issue 11).
        needed = self.nav.sizeHintForColumn(0) + 2 * self.nav.frameWidth()
        self.nav.setFixedWidth(max(NAV_WIDTH, needed))

    # -- the first screen ----------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The cold-start benchmark waits for this line: the first area painted with its content.
        if watched is self._first_paint and event.type() == QEvent.Type.Paint:
            area_id = self.current
            if not getattr(self.viewmodels.get(area_id), "loading", False):
                watched.removeEventFilter(self)
                self._first_paint = None
                log.info("first area on screen: %s", area_id)
        return super().eventFilter(watched, event)


def select_in_list(view: Any, entity_id: str) -> bool:
    """Select ``entity_id``'s row in an area's list (``view.table`` over ``view.vm.model``), after
    clearing the view's filters if they hide it; False when the list does not hold it."""
    model = view.vm.model
    if model.row_of(entity_id) < 0:
        if (clear := getattr(view, "clear_filters", None)) is not None:
            clear()
        elif (search := getattr(view, "search", None)) is not None:
            search.clear()
    row = model.row_of(entity_id)
    if row < 0:
        return False
    while row >= model.rowCount() and model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    view.table.selectRow(row)
    view.table.scrollTo(model.index(row, 0))
    return True
