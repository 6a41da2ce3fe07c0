"""The Listings area (商品管理): the table, the live version beside the changes under review, and
the lifecycle actions (new, edit, submit for review, delist — several at once). A rejected
listing shows its reason above everything else, with the way to edit and resubmit it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from vendor_desktop.ui.core.binding import connect_refresh
from vendor_desktop.ui.core.list_delegate import ListDelegate
from vendor_desktop.ui.core.widgets import ListOrEmpty, Retranslating, list_table, refill_combo
from vendor_desktop.ui.listings.detail_pane import ListingDetailPane
from vendor_desktop.ui.listings.listing_editor_dialog import ListingEditorDialog
from vendor_desktop.viewmodels.listings.viewmodel import ListingsViewModel, filter_choices
from vendor_desktop.viewmodels.orders.viewmodel import market_choices

# A column sized to its content is never wider than this; its cut text shows whole in a tooltip.
MAX_COLUMN = 420
SLACK = 12


class ListingsView(Retranslating, QWidget):
    def __init__(self, vm: ListingsViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setMaxLength(100)
        self.state = QComboBox()
        self.market = QComboBox()
        self.count = QLabel()
        self.count.setObjectName("hint")
        self.new = QPushButton()
        self.edit = QPushButton()
        self.submit = QPushButton()
        self.delist = QPushButton()
        self.result = QLabel()
        self.result.setObjectName("hint")
        self.result.setWordWrap(True)
        self.result.hide()  # until a bulk delist has something to report
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.state)
        bar.addWidget(self.market)
        bar.addWidget(self.count)
        bar.addStretch(1)
        for button in (self.new, self.edit, self.submit, self.delist):
            bar.addWidget(button)

        self.table = list_table(vm.model, delegate=ListDelegate(), multi=True)  # multi: bulk delist
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the name takes what is left
        header.setMinimumSectionSize(60)
        self.stack = ListOrEmpty(self.table)
        self.empty = self.stack.empty

        self.detail = ListingDetailPane()
        self.detail.resubmit_requested.connect(lambda: self.open_editor(edit=True))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.stack)
        splitter.addWidget(self.detail)
        splitter.setSizes([440, 300])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.result)
        layout.addWidget(splitter, 1)

        self.search.textChanged.connect(lambda text: vm.set_filter(text=text))
        self.state.currentIndexChanged.connect(self._filter_state)
        self.market.currentIndexChanged.connect(self._filter_market)
        self.new.clicked.connect(lambda: self.open_editor(edit=False))
        self.edit.clicked.connect(lambda: self.open_editor(edit=True))
        self.submit.clicked.connect(vm.submit)
        self.delist.clicked.connect(vm.delist)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        vm.model.modelAboutToBeReset.connect(self._remember_selection)
        vm.model.modelReset.connect(self._show_list)
        vm.model.modelReset.connect(self.fit_columns)
        vm.count_changed.connect(self._show_count)
        vm.model.modelReset.connect(self._restore_selection)
        self._kept: list[str] = []
        connect_refresh(vm.selected_changed, self, self._show_selection)
        vm.bulk_done.connect(self._show_bulk)
        connect_refresh(vm.deposit_changed, self, self._show_deposit_notes)
        self.retranslate()

    def open_editor(self, *, edit: bool) -> ListingEditorDialog:
        dialog = ListingEditorDialog(self.vm.new_editor(edit=edit), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _filter_state(self, index: int) -> None:
        state = self.state.itemData(index)
        self.vm.set_filter(states=[state] if state else [])

    def _filter_market(self, index: int) -> None:
        market = self.market.itemData(index)
        self.vm.set_filter(markets=[market] if market else [])
        self._show_deposit_notes()

    def _show_deposit_notes(self) -> None:
        """Each market's deposit as the tooltip of its entry in the filter, and the chosen one's
        as the filter's own: a filter finds listings, so the preview stays out of the way there
        (the editor, where a market is chosen for good, shows it in full)."""
        for index in range(1, self.market.count()):
            note = self.vm.market_deposit_note(self.market.itemData(index))
            self.market.setItemData(index, note, Qt.ItemDataRole.ToolTipRole)
        chosen = self.market.currentData()
        self.market.setToolTip(self.vm.market_deposit_note(chosen) if chosen else "")

    def _selected(self, *_: object) -> None:
        self.vm.select_rows(sorted(i.row() for i in self.table.selectionModel().selectedRows()))

    def _remember_selection(self) -> None:
        self._kept = [line.listing.id for line in self.vm.selected if line.listing is not None]

    def _restore_selection(self) -> None:
        """A sync or a queued change reloaded the list: keep the same listings selected."""
        selection = self.table.selectionModel()
        for listing_id in self._kept:
            row = self.vm.model.row_of(listing_id)
            if 0 <= row < self.vm.model.rowCount():
                flags = selection.SelectionFlag.Select | selection.SelectionFlag.Rows
                selection.select(self.vm.model.index(row, 0), flags)

    def _show_list(self) -> None:
        self.stack.show_list(self.vm.model.total > 0)
        self._show_count()

    def _show_count(self, *_: object) -> None:
        self.count.setText(self.tr("%n listings", "", self.vm.model.total))

    def fit_columns(self) -> None:
        """Every column as wide as what it shows (up to ``MAX_COLUMN``); the name takes the rest."""
        for column in range(1, self.vm.model.columnCount()):
            self.table.resizeColumnToContents(column)
            # A little air: the grid line and the tags' margins take a few pixels of the cell.
            self.table.setColumnWidth(column, min(self.table.columnWidth(column) + SLACK, MAX_COLUMN))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fit_columns()  # only now are the rows on screen measured

    def _show_selection(self) -> None:
        for button, why in (
            (self.edit, self.vm.why_cannot_edit()),
            (self.submit, self.vm.why_cannot_submit()),
            (self.delist, self.vm.why_cannot_delist()),
        ):
            button.setEnabled(not why)
            button.setToolTip(why)
        why = self.vm.why_cannot_create()
        self.new.setEnabled(not why)
        self.new.setToolTip(why)
        self.detail.show_detail(self.vm.detail(), why_cannot_edit=self.vm.why_cannot_edit())

    def _show_bulk(self, results: list) -> None:
        self.result.setText("\n".join(f"{name}: {outcome}" for name, outcome in results))
        self.result.setVisible(bool(results))

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search listings"))
        refill_combo(self.state, self.tr("All states"), filter_choices())
        refill_combo(self.market, self.tr("All markets"), market_choices())
        self._show_deposit_notes()
        self.new.setText(self.tr("New listing…"))
        self.edit.setText(self.tr("Edit…"))
        self.submit.setText(self.tr("Submit for review"))
        self.delist.setText(self.tr("Delist"))
        self.empty.setText(self.tr("No listings match.\nCreate one with “New listing…”."))
        self.vm.model.relabel()
        self._show_list()
        self._show_selection()
        self.fit_columns()

    # -- opened from a Workbench card ----------------------------------------------------------
    def show_preset(self, name: str) -> None:
        """Only the listings a Workbench card counts: "rejected" (审核未通过) or "on_sale"; search
        and market are cleared so the list matches the card."""
        self.search.clear()
        self.market.setCurrentIndex(0)
        self.state.setCurrentIndex(max(0, self.state.findData(name)))  # filters, as if chosen
