"""The Listings area (商品管理): the table, the live version beside the changes under review, and
the lifecycle actions (new, edit, submit for review, delist — several at once)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
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
from vendor_desktop.ui.listings.listing_editor_dialog import ListingEditorDialog
from vendor_desktop.viewmodels.listings.viewmodel import ListingsViewModel, state_label
from vendor_desktop.viewmodels.orders.viewmodel import market_choices

STATES = ("draft", "in_review", "on_sale", "rejected", "delisted")


class ListingsView(Retranslating, QWidget):
    def __init__(self, vm: ListingsViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setMaxLength(100)
        self.state = QComboBox()
        self.market = QComboBox()
        self.new = QPushButton()
        self.edit = QPushButton()
        self.submit = QPushButton()
        self.delist = QPushButton()
        self.result = QLabel()
        self.result.setObjectName("hint")
        self.result.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.state)
        bar.addWidget(self.market)
        bar.addStretch(1)
        for button in (self.new, self.edit, self.submit, self.delist):
            bar.addWidget(button)

        self.table = list_table(
            vm.model,
            widths=(240, 150, 90, 190, 240, 130, 110),
            delegate=ListDelegate(),
            multi=True,  # bulk delist
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.stack = ListOrEmpty(self.table)
        self.empty = self.stack.empty

        # R-LST-5: what is on sale now, beside the changes waiting for review.
        self.live_title = QLabel()
        self.live_title.setObjectName("sectionTitle")
        self.revision_title = QLabel()
        self.revision_title.setObjectName("sectionTitle")
        self.live_form = QFormLayout()
        self.revision_form = QFormLayout()
        detail = QFrame()
        detail.setObjectName("detailPane")
        grid = QGridLayout(detail)
        grid.addWidget(self.live_title, 0, 0)
        grid.addWidget(self.revision_title, 0, 1)
        grid.addLayout(self.live_form, 1, 0)
        grid.addLayout(self.revision_form, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(2, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.stack)
        splitter.addWidget(detail)
        splitter.setSizes([460, 260])
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
        vm.model.modelReset.connect(self._restore_selection)
        self._kept: list[str] = []
        connect_refresh(vm.selected_changed, self, self._show_selection)
        vm.bulk_done.connect(self._show_bulk)
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

    def _show_selection(self) -> None:
        for button, why in (
            (self.edit, self.vm.why_cannot_edit()),
            (self.submit, self.vm.why_cannot_submit()),
            (self.delist, self.vm.why_cannot_delist()),
        ):
            button.setEnabled(not why)
            button.setToolTip(why)
        self.new.setEnabled(self.vm.can_write)
        live, revision = self.vm.detail_columns()
        _fill(self.live_form, live)
        _fill(self.revision_form, revision)
        self.revision_title.setVisible(bool(revision))

    def _show_bulk(self, results: list) -> None:
        self.result.setText("\n".join(f"{name}: {outcome}" for name, outcome in results))

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search listings"))
        refill_combo(self.state, self.tr("All states"), [(s, state_label(s)) for s in STATES])
        refill_combo(self.market, self.tr("All markets"), market_choices())
        self.new.setText(self.tr("New listing…"))
        self.edit.setText(self.tr("Edit…"))
        self.submit.setText(self.tr("Submit for review"))
        self.delist.setText(self.tr("Delist"))
        self.live_title.setText(self.tr("On the marketplace now"))
        self.revision_title.setText(self.tr("Changes (not yet on sale)"))
        self.empty.setText(self.tr("No listings match.\nCreate one with “New listing…”."))
        self.vm.model.relabel()
        self._show_list()
        self._show_selection()


def _fill(form: QFormLayout, fields: list[tuple[str, str]]) -> None:
    while form.rowCount():
        form.removeRow(0)
    for label, value in fields:
        shown = QLabel(value)
        shown.setWordWrap(True)
        shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(label, shown)
