"""The Tickets area (工单), R-TKT-1: the list (latest activity first) over the selected ticket —
its conversation, its attachments, and what the vendor can do: reply, attach, urge, cancel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from vendor_desktop.ui.core.binding import connect_refresh
from vendor_desktop.ui.core.list_delegate import ListDelegate
from vendor_desktop.ui.core.palette import colours
from vendor_desktop.ui.core.tag_label import TagLabel
from vendor_desktop.ui.core.widgets import (
    ListOrEmpty,
    Retranslating,
    error_label,
    list_over_detail,
    list_table,
    refill_combo,
)
from vendor_desktop.ui.tickets.open_dialog import OpenTicketDialog, file_filter
from vendor_desktop.viewmodels.tickets.viewmodel import TicketsViewModel, state_choices

SUBJECT = 0
FITTED = {1: 140, 2: 260, 3: 260, 4: 200}
ATTACHMENT_ID = Qt.ItemDataRole.UserRole + 1
SIDE_CHARS = 52  # the attachments and actions beside the conversation, in average characters


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>")


class TicketDetail(QWidget):
    """The selected ticket: what it is, the conversation, the attachments and the actions."""

    def __init__(self, vm: TicketsViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.setObjectName("detailPane")
        self.subject = QLabel()
        self.subject.setObjectName("sectionTitle")
        self.subject.setWordWrap(True)
        self.subject.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.state = TagLabel()
        self.facts = QLabel()  # type · about · opened by, when
        self.facts.setObjectName("hint")
        self.facts.setWordWrap(True)
        self.change = QLabel()  # an open change, or the marketplace's reason for not accepting it
        self.change.setObjectName("changeNotice")
        self.change.setWordWrap(True)
        self.discard = QPushButton()  # a refused change holds the ticket's later ones: let it go here
        self.messages = QTextBrowser()
        self.messages.setOpenLinks(False)
        self.messages.setMinimumHeight(160)
        self.files_title = QLabel()
        self.files_title.setObjectName("detailFieldName")
        self.files = QListWidget()
        self.files.setMaximumHeight(self.fontMetrics().lineSpacing() * 6)
        self.open_file = QPushButton()
        self.save_file = QPushButton()
        self.attach = QPushButton()
        self.file_message = error_label()
        self.reply_box = QPlainTextEdit()
        self.reply_box.setTabChangesFocus(True)
        self.reply_box.setMaximumHeight(self.fontMetrics().lineSpacing() * 4 + 16)
        self.reply = QPushButton()
        self.reply_error = error_label()
        self.urge = QPushButton()
        self.urge_note = QLabel()  # when it may be urged again, or why not (R-TKT-1)
        self.urge_note.setObjectName("hint")
        self.urge_note.setWordWrap(True)
        self.cancel = QPushButton()

        head = QHBoxLayout()
        head.addWidget(self.subject, 1)
        head.addWidget(self.state, 0, Qt.AlignmentFlag.AlignTop)
        reply = QHBoxLayout()
        reply.addWidget(self.reply_box, 1)
        reply.addWidget(self.reply, 0, Qt.AlignmentFlag.AlignBottom)
        talk = QVBoxLayout()
        talk.addWidget(self.messages, 1)
        talk.addLayout(reply)
        talk.addWidget(self.reply_error)
        # Beside the conversation: the attachments, then what else can be done (urge, cancel).
        file_buttons = QHBoxLayout()
        for button in (self.open_file, self.save_file):
            file_buttons.addWidget(button)
        file_buttons.addStretch(1)
        file_buttons.addWidget(self.attach)
        side = QVBoxLayout()
        side.addWidget(self.files_title)
        side.addWidget(self.files)
        side.addLayout(file_buttons)
        side.addWidget(self.file_message)
        side.addSpacing(self.fontMetrics().height())
        urge = QHBoxLayout()
        urge.addWidget(self.urge)
        urge.addStretch(1)
        urge.addWidget(self.cancel)
        side.addLayout(urge)
        side.addWidget(self.urge_note)
        side.addStretch(1)
        side_box = QWidget()
        side_box.setLayout(side)
        side.setContentsMargins(0, 0, 0, 0)
        side_box.setFixedWidth(self.fontMetrics().averageCharWidth() * SIDE_CHARS)
        body = QHBoxLayout()
        body.addLayout(talk, 1)
        body.addWidget(side_box)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.facts)
        notice = QHBoxLayout()
        notice.addWidget(self.change, 1)
        notice.addWidget(self.discard, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(notice)
        layout.addLayout(body, 1)

    def show_ticket(self) -> None:
        vm, line = self.vm, self.vm.selected
        self.setVisible(line is not None)
        if line is None:
            return
        tags = line.tags()
        self.subject.setText(line.subject)
        if tags:
            self.state.set_tag(*tags[0])
        self.state.setVisible(bool(tags))
        self.facts.setText(vm.facts())
        change = vm.change_text()
        self.change.setText(change)
        self.change.setVisible(bool(change))
        self.discard.setVisible(vm.refused_change() is not None)
        self._show_messages()
        self._show_files()
        for button, why in (
            (self.reply, vm.why_cannot_reply()),
            (self.attach, vm.why_cannot_attach()),
            (self.urge, vm.why_cannot_urge()),
            (self.cancel, vm.why_cannot_cancel()),
        ):
            button.setEnabled(not why)
            button.setToolTip(why)
        open_ticket = not vm.why_cannot_reply()
        self.reply_box.setVisible(open_ticket)
        self.reply.setVisible(open_ticket)
        self.urge.setVisible(open_ticket)
        self.cancel.setVisible(open_ticket)
        self.attach.setVisible(open_ticket)
        self.urge_note.setText(vm.why_cannot_urge() if open_ticket and vm.can_write else "")
        self._file_chosen()

    def _show_messages(self) -> None:
        c = colours()
        parts = []
        for entry in self.vm.conversation():
            background = c.window if entry.from_marketplace else c.surface
            note = f'<div style="color:{c.muted}">{_html(entry.note)}</div>' if entry.note else ""
            parts.append(
                f'<table width="100%" cellpadding="8" style="margin-bottom:6px; background:{background};'
                f' border:1px solid {c.border}"><tr><td>'
                f'<b>{_html(entry.who)}</b> <span style="color:{c.muted}">{_html(entry.at)}</span>'
                f"<div>{_html(entry.body)}</div>{note}</td></tr></table>"
            )
        self.messages.setHtml("".join(parts))
        bar = self.messages.verticalScrollBar()
        bar.setValue(bar.maximum())  # the latest message is what the vendor came for

    def _show_files(self) -> None:
        self.files.clear()
        shown = self.vm.attachments()
        for a in shown:
            text = f"{a.name}  ·  {a.size}" + (f"  ·  {a.note}" if a.note else "")
            item = QListWidgetItem(text)
            item.setData(ATTACHMENT_ID, a.id)
            item.setToolTip(text)
            self.files.addItem(item)
        self.files_title.setText(self.tr("Attachments (%1 of %2)").replace("%1", str(len(shown))).replace("%2", "5"))
        self.files.setVisible(bool(shown))
        self.files_title.setVisible(bool(shown) or not self.vm.why_cannot_attach())

    def _file_chosen(self) -> None:
        item = self.files.currentItem()
        sent = item is not None and item.data(ATTACHMENT_ID) is not None
        self.open_file.setEnabled(sent)
        self.save_file.setEnabled(sent)
        self.open_file.setVisible(self.files.count() > 0)
        self.save_file.setVisible(self.files.count() > 0)

    def retranslate(self) -> None:
        self.open_file.setText(self.tr("Open"))
        self.save_file.setText(self.tr("Save as…"))
        self.attach.setText(self.tr("Attach…"))
        self.reply_box.setPlaceholderText(self.tr("Write a reply to the marketplace"))
        self.reply.setText(self.tr("Reply"))
        self.urge.setText(self.tr("Urge"))
        self.cancel.setText(self.tr("Cancel ticket…"))
        self.discard.setText(self.tr("Discard this change"))
        self.show_ticket()


class TicketsView(Retranslating, QWidget):
    def __init__(self, vm: TicketsViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self._saving_to: str | None = None  # a "Save as…" under way: not opened when it arrives
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setMaxLength(100)
        self.search.setMinimumWidth(220)
        self.state = QComboBox()
        self.state.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.count = QLabel()
        self.count.setObjectName("hint")
        self.open_ticket = QPushButton()
        self.read_only = QLabel()
        self.read_only.setObjectName("hint")
        self.read_only.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.state)
        bar.addWidget(self.count)
        bar.addStretch(1)
        bar.addWidget(self.open_ticket)

        self.table = list_table(vm.model, widths=(320, 110, 200, 180, 150), delegate=ListDelegate())
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(SUBJECT, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(80)
        self.stack = ListOrEmpty(self.table)
        self.empty = self.stack.empty
        self.detail = TicketDetail(vm)
        self.splitter = list_over_detail(self.stack, self.detail, sizes=(260, 420), detail_stretch=2)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.read_only)
        layout.addWidget(self.splitter, 1)

        self.search.textChanged.connect(vm.set_search_text)
        self.state.currentIndexChanged.connect(self._state_chosen)
        self.open_ticket.clicked.connect(self.open_dialog)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        d = self.detail
        d.reply.clicked.connect(self._reply)
        d.urge.clicked.connect(vm.urge)
        d.discard.clicked.connect(vm.discard_refused)
        d.cancel.clicked.connect(self.confirm_cancel)
        d.attach.clicked.connect(self.choose_attachments)
        d.files.currentItemChanged.connect(d._file_chosen)
        d.files.itemDoubleClicked.connect(lambda _item: self.open_attachment())
        d.open_file.clicked.connect(self.open_attachment)
        d.save_file.clicked.connect(self.save_attachment)
        connect_refresh(vm.selected_changed, self, self._show_selected)
        connect_refresh(vm.model.modelReset, self, self._show_list)
        # Bound methods: Qt disconnects them when this view goes (the viewmodel outlives it).
        vm.problems_changed.connect(self._problems)
        vm.save_failed.connect(self._failed)
        vm.queued.connect(self._queued)
        vm.file_ready.connect(self._file_ready)
        vm.file_failed.connect(self._failed)
        self.retranslate()

    # -- actions --------------------------------------------------------------------------------
    def open_dialog(self) -> OpenTicketDialog:
        dialog = OpenTicketDialog(self.vm, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _reply(self) -> None:
        if self.vm.reply(self.detail.reply_box.toPlainText()):
            self.detail.reply_box.clear()

    def confirm_cancel(self) -> None:
        line = self.vm.selected
        if line is None or self.vm.why_cannot_cancel():
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Cancel ticket"))
        box.setText(self.tr("Cancel the ticket “%1”? The marketplace stops working on it.").replace("%1", line.subject))
        yes = box.addButton(self.tr("Cancel ticket"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Keep it"), QMessageBox.ButtonRole.RejectRole)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda button: self.vm.cancel() if button is yes else None)
        box.open()

    def choose_attachments(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Attach files"), "", file_filter())
        if paths:
            self.detail.file_message.hide()
            self.vm.attach(paths)

    def _chosen_attachment(self) -> tuple[str, str] | None:
        item = self.detail.files.currentItem()
        if item is None or item.data(ATTACHMENT_ID) is None:
            return None
        return str(item.data(ATTACHMENT_ID)), item.text().split("  ·  ")[0]

    def open_attachment(self) -> None:
        chosen = self._chosen_attachment()
        if chosen is not None:
            self.vm.open_attachment(*chosen)

    def save_attachment(self) -> None:
        chosen = self._chosen_attachment()
        if chosen is None:
            return
        target, _ = QFileDialog.getSaveFileName(self, self.tr("Save attachment"), chosen[1])
        if target:
            self._saving_to = target
            self.vm.open_attachment(*chosen, target=target)

    def _file_ready(self, path: str) -> None:
        if self._saving_to == path:
            self._saving_to = None
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(path))))

    def _problems(self, problems: dict) -> None:
        message = problems.get("body", "")
        self.detail.reply_error.setText(message)
        self.detail.reply_error.setVisible(bool(message))

    def _failed(self, message: str) -> None:
        self.detail.file_message.setText(message)
        self.detail.file_message.setVisible(bool(message))

    def _queued(self, *_: object) -> None:
        self.detail.file_message.hide()

    # -- showing --------------------------------------------------------------------------------
    def _state_chosen(self, index: int) -> None:
        state = self.state.itemData(index)
        self.vm.set_states([state] if state else [])

    def _selected(self, *_: object) -> None:
        rows = self.table.selectionModel().selectedRows()
        self.vm.select(rows[0].row() if rows else -1)

    def _show_detail(self) -> None:
        """The selected ticket, or no pane at all (an empty frame under the list says nothing)."""
        self.detail.show_ticket()
        self.splitter.widget(1).setVisible(self.vm.selected is not None)

    def _show_selected(self) -> None:
        self._show_detail()
        line = self.vm.selected
        row = self.vm.model.row_of(line.id) if line is not None else -1
        current = self.table.selectionModel().selectedRows()
        if row >= 0 and (not current or current[0].row() != row):
            blocked = self.table.selectionModel().blockSignals(True)
            self.table.selectRow(row)
            self.table.selectionModel().blockSignals(blocked)

    def _show_list(self) -> None:
        n = self.vm.count
        self.count.setText(self.tr("%n tickets", "", n))
        self.empty.setText(self.vm.empty_text())
        self.stack.show_list(n > 0)
        self._fit_columns()
        self._show_detail()

    def _fit_columns(self) -> None:
        for column, widest in FITTED.items():
            self.table.resizeColumnToContents(column)
            if self.table.columnWidth(column) > widest:
                self.table.setColumnWidth(column, widest)

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search subject"))
        refill_combo(self.state, self.tr("All states"), state_choices())
        self.open_ticket.setText(self.tr("Open a ticket…"))
        self.open_ticket.setEnabled(self.vm.can_write)
        self.open_ticket.setToolTip(self.vm.why_read_only())
        self.read_only.setText(self.vm.why_read_only())
        self.read_only.setVisible(not self.vm.can_write)
        self.vm.model.relabel()
        self.detail.retranslate()
        self._show_list()
