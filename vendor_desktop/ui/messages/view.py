"""Messages (站内信): search, kind and unread filters, a count, the list newest first with a dot
on unread messages, the message itself with a link to its order or listing, and "mark all read"."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from vendor_desktop.ui.core.binding import connect_refresh, set_quietly
from vendor_desktop.ui.core.list_delegate import ListDelegate
from vendor_desktop.ui.core.palette import colours
from vendor_desktop.ui.core.widgets import ListOrEmpty, Retranslating, list_over_detail, list_table, refill_combo
from vendor_desktop.viewmodels.messages.viewmodel import (
    RECEIVED_COLUMN,
    TEXT_COLUMN,
    UNREAD_ROLE,
    MessagesViewModel,
    kind_choices,
)


class MessagesDelegate(ListDelegate):
    """The list delegate (kinds as tags), and a small accent dot before the time of an unread
    message; read ones keep the same room empty, so the times line up."""

    def __init__(self) -> None:
        super().__init__()
        self._dots: dict[tuple[str, int, bool], QIcon] = {}

    def _dot(self, size: int, unread: bool) -> QIcon:
        colour = colours().accent
        key = (colour, size, unread)
        icon = self._dots.get(key)
        if icon is None:
            pixmap = QPixmap(size * 2, size * 2)  # drawn at twice the size: sharp on HiDPI too
            pixmap.setDevicePixelRatio(2.0)
            pixmap.fill(Qt.GlobalColor.transparent)
            if unread:
                painter = QPainter(pixmap)
                painter.setRenderHint(QPainter.RenderHint.Antialiasing)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(colour))
                radius = max(3.0, size * 0.22)
                painter.drawEllipse(QPointF(size / 2, size / 2), radius, radius)
                painter.end()
            icon = self._dots[key] = QIcon(pixmap)
        return icon

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        if index.column() != RECEIVED_COLUMN:
            return
        size = option.fontMetrics.height()
        option.icon = self._dot(size, bool(index.data(UNREAD_ROLE)))
        option.features |= QStyleOptionViewItem.ViewItemFeature.HasDecoration
        option.decorationSize = QSize(size, size)


class MessagesView(Retranslating, QWidget):
    status_message = Signal(str)

    def __init__(self, vm: MessagesViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setMaxLength(200)
        self.search.setMinimumWidth(240)
        self.kind = QComboBox()
        self.kind.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.unread_only = QCheckBox()
        self.clear = QPushButton()
        self.count = QLabel()
        self.count.setObjectName("hint")
        self.mark_all_read = QPushButton()
        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        bar.addWidget(self.kind)
        bar.addWidget(self.unread_only)
        bar.addWidget(self.clear)
        bar.addStretch(1)
        bar.addWidget(self.count)
        bar.addWidget(self.mark_all_read)

        # Time and kind as wide as they need, the text takes the rest.
        self.table = list_table(vm.model, widths=(170, 120), delegate=MessagesDelegate(), stretch=TEXT_COLUMN)
        self.table.setAlternatingRowColors(False)
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.stack = ListOrEmpty(self.table)
        self.empty = self.stack.empty

        # The message itself, under the list: title, kind and time, text, and where it leads.
        self.detail_title = QLabel()
        self.detail_title.setObjectName("sectionTitle")
        self.detail_title.setWordWrap(True)
        self.detail_meta = QLabel()
        self.detail_meta.setObjectName("hint")
        self.detail_body = QLabel()
        self.detail_body.setWordWrap(True)
        self.detail_body.setTextFormat(Qt.TextFormat.PlainText)
        self.detail_body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail_body.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.open_link = QPushButton()
        link_row = QHBoxLayout()
        link_row.addWidget(self.open_link)
        link_row.addStretch(1)
        self.detail_placeholder = QLabel()
        self.detail_placeholder.setObjectName("hint")
        self.detail_placeholder.setWordWrap(True)
        detail = QFrame()
        detail.setObjectName("detailPane")
        detail_layout = QVBoxLayout(detail)
        detail_layout.addWidget(self.detail_placeholder)
        detail_layout.addWidget(self.detail_title)
        detail_layout.addWidget(self.detail_meta)
        detail_layout.addWidget(self.detail_body)
        detail_layout.addLayout(link_row)
        detail_layout.addStretch(1)
        self.splitter = list_over_detail(self.stack, detail, sizes=(500, 220))
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)

        self.search.textChanged.connect(vm.set_search_text)
        self.kind.currentIndexChanged.connect(self._kind_chosen)
        self.unread_only.toggled.connect(vm.set_unread_only)
        self.clear.clicked.connect(self.clear_filters)
        self.mark_all_read.clicked.connect(vm.mark_all_read)
        self.open_link.clicked.connect(vm.open_link)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        vm.model.modelReset.connect(self._reselect)
        connect_refresh(vm.selected_changed, self, self._show_detail)
        connect_refresh(vm.count_changed, self, self._show_count)
        connect_refresh(vm.unread_changed, self, self._show_mark_all)
        self.retranslate()

    # -- filters -------------------------------------------------------------------------------
    def _kind_chosen(self, index: int) -> None:
        self.vm.set_kind(self.kind.itemData(index))
        self._show_mark_all()

    def clear_filters(self) -> None:
        set_quietly(self.search, self.search.setText, "")
        set_quietly(self.kind, self.kind.setCurrentIndex, 0)
        set_quietly(self.unread_only, self.unread_only.setChecked, False)
        self.vm.clear_filters()
        self._show_mark_all()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # -- list ----------------------------------------------------------------------------------
    def _show_count(self) -> None:
        n = self.vm.count
        self.count.setText(self.tr("%n messages", "", n))
        self.clear.setEnabled(self.vm.filtered)
        self.clear.setToolTip("" if self.vm.filtered else self.tr("No filter is set."))
        if self.vm.filtered:
            self.empty.setText(
                self.tr("No messages match these filters.\nClear the filters or search for something else.")
            )
        else:
            self.empty.setText(self.tr("No messages yet. New orders and payments will show up here."))
        self.stack.show_list(n > 0)

    def _show_mark_all(self) -> None:
        self.mark_all_read.setText(self.tr("Mark this kind read") if self.vm.query.kind else self.tr("Mark all read"))
        why_not = self.vm.why_cannot_mark_all_read()
        self.mark_all_read.setEnabled(not why_not)
        self.mark_all_read.setToolTip(
            why_not or self.tr("Mark %n unread messages as read", "", self.vm.unread_in_scope)
        )

    def _selected(self, *_: object) -> None:
        rows = self.table.selectionModel().selectedRows()
        self.vm.select(self.vm.model.id_at(rows[0].row()) if rows else None)

    def _reselect(self) -> None:
        """A pull or a queued change reloaded the list: keep the same message selected."""
        if self.vm.selected is None:
            return
        row = self.vm.model.row_of(self.vm.selected.id)
        if 0 <= row < self.vm.model.rowCount():
            blocked = self.table.selectionModel().blockSignals(True)
            self.table.selectRow(row)
            self.table.selectionModel().blockSignals(blocked)

    # -- the message ---------------------------------------------------------------------------
    def _show_detail(self) -> None:
        title, when, body = self.vm.selected_text()
        shown = bool(title or body)
        self.detail_placeholder.setVisible(not shown)
        for widget in (self.detail_title, self.detail_meta, self.detail_body):
            widget.setVisible(shown)
        self.detail_title.setText(title)
        self.detail_meta.setText(when)  # the title already says what kind of message it is
        self.detail_body.setText(body)
        link = self.vm.link_text()
        self.open_link.setText(link)
        self.open_link.setVisible(bool(link))

    # -- language ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search message titles and text"))
        refill_combo(self.kind, self.tr("All kinds"), kind_choices())
        self.unread_only.setText(self.tr("Unread only"))
        self.clear.setText(self.tr("Clear filters"))
        self.detail_placeholder.setText(self.tr("Select a message to read it."))
        self.vm.model.relabel()
        self._show_count()
        self._show_mark_all()
        self._show_detail()

    # -- opened from a Workbench card ----------------------------------------------------------
    def show_preset(self, name: str) -> None:
        """Preset "unread": only the unread messages, whatever search or kind was left over."""
        if name != "unread":
            return
        self.clear_filters()
        self.unread_only.setChecked(True)
