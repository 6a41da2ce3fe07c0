"""The Listings detail pane: a rejection to act on at the top (驳回原因, R-LST-3), the listing's
state tags and review dates, then its fields in aligned rows — live | changes when an on-sale
listing has changes (R-LST-5), the changed rows highlighted and marked, the others muted."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from vendor_desktop.ui.core.palette import tag_colours
from vendor_desktop.ui.core.widgets import Retranslating
from vendor_desktop.viewmodels.core.states import Tone
from vendor_desktop.viewmodels.listings.detail import ListingDetail


def tag_label(text: str, tone: Tone) -> QLabel:
    """A state as a coloured tag, as the lists draw it (colours from the palette by tone)."""
    label = QLabel(text)
    label.setObjectName("stateTag")
    label.setProperty("tone", str(tone))
    background, foreground = tag_colours(tone)
    label.setStyleSheet(
        f"QLabel {{ background: {background.name()}; color: {foreground.name()}; border-radius: 3px; padding: 1px 6px; }}"
    )
    return label


def _value(text: str, name: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # wraps, never widens
    return label


class RejectionBanner(Retranslating, QFrame):
    """审核未通过 · 驳回原因, in the urgent tone, with the way out: edit and resubmit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rejectedBanner")
        self.title = QLabel()
        self.title.setObjectName("bannerTitle")
        self.title.setWordWrap(True)
        self.reason = QLabel()
        self.reason.setObjectName("bannerText")
        self.reason.setWordWrap(True)
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.next_step = QLabel()
        self.next_step.setObjectName("bannerText")
        self.next_step.setWordWrap(True)
        self.resubmit = QPushButton()
        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(self.title)
        texts.addWidget(self.reason)
        texts.addWidget(self.next_step)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addLayout(texts, 1)
        layout.addWidget(self.resubmit, 0, Qt.AlignmentFlag.AlignVCenter)
        self.retranslate()

    def retranslate(self) -> None:
        self.resubmit.setText(self.tr("Edit and resubmit…"))
        self.next_step.setText(self.tr("After saving your edits, click “Submit for review”."))


class ListingDetailPane(Retranslating, QScrollArea):
    resubmit_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QFrame()
        body.setObjectName("detailPane")
        self.banner = RejectionBanner()
        self.banner.resubmit.clicked.connect(self.resubmit_requested)
        self.name = QLabel()
        self.name.setObjectName("sectionTitle")
        self.name.setWordWrap(True)
        self.tags = QHBoxLayout()
        self.tags.setSpacing(4)
        self.facts = QLabel()
        self.facts.setObjectName("hint")
        self.facts.setWordWrap(True)
        heading = QHBoxLayout()
        heading.addWidget(self.name)
        heading.addLayout(self.tags)
        heading.addStretch(1)
        self.grid_box = QWidget()
        self.grid = QGridLayout(self.grid_box)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(12)
        self.grid.setVerticalSpacing(4)
        layout = QVBoxLayout(body)
        layout.addWidget(self.banner)
        layout.addLayout(heading)
        layout.addWidget(self.facts)
        layout.addWidget(self.grid_box)
        layout.addStretch(1)
        self.setWidget(body)
        # What each row shows, for tests: field key → (name, live, changed or None, mark or None).
        self.rows: dict[str, tuple[QLabel, QLabel, QLabel | None, QLabel | None]] = {}
        self.detail: ListingDetail | None = None
        self.banner.hide()
        self.retranslate()

    def show_detail(self, detail: ListingDetail | None, *, why_cannot_edit: str = "") -> None:
        self.detail = detail
        self._clear()
        self.banner.setVisible(detail is not None and detail.rejection is not None)
        if detail is None:
            self.name.clear()
            self.facts.clear()
            self.facts.setText(self.tr("Select a listing to see it here."))
            return
        self.name.setText(detail.name)
        for text, tone in detail.tags:
            self.tags.addWidget(tag_label(text, tone))
        self.facts.setText(
            " · ".join(self.tr("%1: %2").replace("%1", label).replace("%2", value) for label, value in detail.facts)
        )
        if detail.rejection is not None:
            self.banner.title.setText(detail.rejection.title)
            self.banner.reason.setText(self.tr("Reason: %1").replace("%1", detail.rejection.reason))
            self.banner.resubmit.setEnabled(not why_cannot_edit)
            self.banner.resubmit.setToolTip(why_cannot_edit)
        comparing = bool(detail.changes_title)
        row = 0
        if comparing:
            for column, text in ((1, self.tr("On sale now")), (2, detail.changes_title)):
                head = QLabel(text)
                head.setObjectName("columnTitle")
                head.setWordWrap(True)
                self.grid.addWidget(head, row, column)
            row += 1
        for line in detail.lines:
            name = QLabel(line.label)
            name.setObjectName("detailFieldName")
            name.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            # Drawn the way the (selectable) values are, so the name sits level with them.
            name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            style = "changedValue" if line.changed else ("unchangedValue" if comparing else "fieldValue")
            live = _value(line.live, style)
            self.grid.addWidget(name, row, 0)
            self.grid.addWidget(live, row, 1)
            changed = mark = None
            if comparing:
                changed = _value(line.changed_value or "", style)
                self.grid.addWidget(changed, row, 2)
                if line.changed:
                    mark = QLabel(self.tr("Changed"))
                    mark.setObjectName("changedMark")
                    self.grid.addWidget(mark, row, 3, Qt.AlignmentFlag.AlignTop)
            self.rows[line.key] = (name, live, changed, mark)
            row += 1
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(2, 1 if comparing else 0)

    def _clear(self) -> None:
        self.rows = {}
        for layout in (self.grid, self.tags):
            while layout.count():
                item = layout.takeAt(0)
                widget = item.widget() if item is not None else None
                if widget is not None:
                    widget.deleteLater()
        for column in range(4):
            self.grid.setColumnStretch(column, 0)

    def retranslate(self) -> None:
        if self.detail is None:
            self.facts.setText(self.tr("Select a listing to see it here."))

