"""The Workbench (工作台): the to-dos — each card opens its list already filtered — then today's
figures beside yesterday's, the money (issue 13), and who is signed in.

A to-do card is a button (hand cursor, hover and focus from the palette, Enter or Space opens
it, read by screen readers as its title and count); it asks the shell to open its area with a
preset filter (``open_requested``). A card whose area this user cannot open (not theirs, or
not in this build) is a figure: read, not clicked. Money figures are right-aligned, so amounts
line up by their last digit. The cards sit in grids that wrap to two columns when the page is
narrow, and the page scrolls rather than clip.
"""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QStyleOption,
    QVBoxLayout,
    QWidget,
)

from vendor_desktop.ui.core.binding import connect_refresh
from vendor_desktop.ui.core.widgets import Retranslating
from vendor_desktop.viewmodels.core.account import AccountViewModel
from vendor_desktop.viewmodels.dashboard.viewmodel import DUE_SOON_WORKING_DAYS, Card, DashboardViewModel

# A card is at least this wide (logical pixels), wider when its figure needs it (a vendor's
# earnings can run to ¥1,234,567.89); below three such cards the grids wrap to two columns.
_CARD = 220
_SPACING = 16
_MARGIN = 24  # the page's, on each side


class _Body:
    """A card's words: its title, its figure, what to do, and yesterday's figure."""

    def build(self, widget: QWidget, name: str) -> None:
        widget.setObjectName(name)
        # Never shorter than its words need: on a short window the page scrolls, it does not squeeze.
        widget.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.title = QLabel()
        self.title.setObjectName("cardTitle")
        self.title.setWordWrap(True)
        self.value = QLabel("0")
        self.value.setObjectName("cardValue")
        self.caption = QLabel()
        self.caption.setObjectName("cardCaption")
        self.caption.setWordWrap(True)
        self.comparison = QLabel()
        self.comparison.setObjectName("cardComparison")
        self.comparison.setWordWrap(True)
        self.comparison.hide()
        layout = QVBoxLayout(widget)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(4)
        for label in (self.title, self.value, self.caption, self.comparison):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(label)
        layout.addStretch(1)
        self.tone = ""

    def show_card(self, widget: QWidget, card: Card, caption: str) -> None:
        if card.money:  # amounts line up by their last digit
            self.value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.value.setText(card.value)
        self.caption.setText(caption)
        self.caption.setVisible(bool(caption))
        self.comparison.setText(card.comparison)
        self.comparison.setVisible(bool(card.comparison))
        widget.setAccessibleName(f"{self.title.text()} {card.value}")
        widget.setAccessibleDescription("  ".join(t for t in (caption, card.comparison) if t))
        if card.tone.value != self.tone:  # the style sheet colours by tone: restyle the card
            self.tone = card.tone.value
            widget.setProperty("tone", self.tone)
            for w in (widget, self.title, self.value, self.caption, self.comparison):
                w.style().unpolish(w)
                w.style().polish(w)


class _TodoCard(_Body, QAbstractButton):
    """A to-do: a button that opens its list already filtered."""

    def __init__(self, key: str) -> None:
        QAbstractButton.__init__(self)
        self.key = key
        self.build(self, "workbenchCard")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.isAutoRepeat():
            self.click()
            return
        super().keyPressEvent(event)  # Space: a button's own

    def paintEvent(self, _event: QPaintEvent) -> None:
        # The style sheet draws the frame (background, border, hover, focus); the labels the rest.
        option = QStyleOption()
        option.initFrom(self)
        painter = QPainter(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_Widget, option, painter, self)
        painter.end()


class _FigureCard(_Body, QFrame):
    """A figure: read, not clicked."""

    def __init__(self, key: str) -> None:
        QFrame.__init__(self)
        self.key = key
        self.build(self, "workbenchFigure")


class DashboardView(Retranslating, QWidget):
    # A card asks to open an area with its list filtered (area id, preset or None).
    open_requested = Signal(str, object)

    def __init__(
        self,
        vm: DashboardViewModel,
        account: AccountViewModel,
        parent: QWidget | None = None,
        *,
        opens: Collection[str] | None = None,
    ) -> None:
        """``opens``: the areas this user can open (None: every area a card names)."""
        super().__init__(parent)
        self.vm = vm
        self.account_vm = account
        self.heading = QLabel()
        self.heading.setObjectName("pageTitle")
        self.account = QLabel()
        self.account.setObjectName("hint")
        self.account.setWordWrap(True)
        self.account.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.todo_title = QLabel()
        self.todo_title.setObjectName("sectionTitle")
        self.figures_title = QLabel()
        self.figures_title.setObjectName("sectionTitle")
        self.money_title = QLabel()
        self.money_title.setObjectName("sectionTitle")
        for title in (self.todo_title, self.figures_title, self.money_title):
            title.setIndent(0)  # in line with the cards (a padded label indents by itself)
        # Every card this user sees (those of the areas their role may read), by key.
        self.cards: dict[str, _TodoCard | _FigureCard] = {}
        self._targets: dict[str, tuple[str, str | None]] = {}
        for spec in vm.specs():
            card: _TodoCard | _FigureCard
            if spec.area and (opens is None or spec.area in opens):
                card = _TodoCard(spec.key)
                card.clicked.connect(lambda _=False, k=spec.key: self.open_card(k))
                self._targets[spec.key] = (spec.area, spec.preset)
            else:
                card = _FigureCard(spec.key)
            self.cards[spec.key] = card
        self.todos = [self.cards[s.key] for s in vm.specs() if s.todo]
        self.figure_cards = [self.cards[s.key] for s in vm.specs() if not s.todo and not s.money]
        self.money_cards = [self.cards[s.key] for s in vm.specs() if s.money]
        self.todo_grid = QGridLayout()
        self.figure_grid = QGridLayout()
        self.money_grid = QGridLayout()
        for grid in (self.todo_grid, self.figure_grid, self.money_grid):
            grid.setSpacing(_SPACING)
        self.columns = 0
        self._lay_out(3)

        page = QWidget()
        page.setObjectName("workbenchPage")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(_MARGIN, _MARGIN, _MARGIN, _MARGIN)
        layout.addWidget(self.heading)
        layout.addWidget(self.account)
        # Today's figures are about orders and listings: a role reading neither (finance) has none;
        # the money is for the roles that read it (support and viewer do not). A section without
        # cards takes no room, its gap above included.
        sections = (
            (self.todo_title, self.todo_grid, self.todos),
            (self.figures_title, self.figure_grid, self.figure_cards),
            (self.money_title, self.money_grid, self.money_cards),
        )
        for title, grid, cards in sections:
            section = QWidget()
            box = QVBoxLayout(section)
            box.setContentsMargins(0, 12, 0, 0)
            box.addWidget(title)
            box.addLayout(grid)
            layout.addWidget(section)
            title.setHidden(not cards)
            section.setHidden(not cards)
        layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("workbenchScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(page)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll)
        connect_refresh(vm.counts_changed, self, self.render)
        connect_refresh(account.changed, self, self.render)
        self.retranslate()

    # -- opening a list ------------------------------------------------------------------------
    def open_card(self, key: str) -> None:
        area, preset = self._targets[key]
        self.open_requested.emit(area, preset)

    # -- layout --------------------------------------------------------------------------------
    def _lay_out(self, columns: int) -> None:
        if columns == self.columns:
            return
        self.columns = columns
        grids = (
            (self.todo_grid, self.todos),
            (self.figure_grid, self.figure_cards),
            (self.money_grid, self.money_cards),
        )
        for grid, cards in grids:
            for card in cards:
                grid.removeWidget(card)
            for i, card in enumerate(cards):
                grid.addWidget(card, i // columns, i % columns)
            for column in range(3):
                grid.setColumnStretch(column, 1 if column < columns else 0)

    def _columns_for(self, width: int) -> int:
        """Three columns when three of the widest card fit, else two: a figure is never cut."""
        card = max([_CARD, *(c.minimumSizeHint().width() for c in self.cards.values())])
        return 3 if width - 2 * _MARGIN >= 3 * card + 2 * _SPACING else 2

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._lay_out(self._columns_for(event.size().width()))
        super().resizeEvent(event)

    # -- words ---------------------------------------------------------------------------------
    def render(self) -> None:
        captions = self._captions()
        nothing = self.tr("Nothing to do")
        for card in self.vm.cards():
            caption = card.caption or (nothing if card.calm else captions.get(card.key, ""))
            widget = self.cards[card.key]
            widget.show_card(widget, card, caption)
        self.account.setText(self.account_vm.account_text())
        self._lay_out(self._columns_for(self.width()))  # a longer figure may need more room

    def _captions(self) -> dict[str, str]:
        return {
            "unpaid": self.tr("Waiting for the buyer to pay; you can change the price"),
            "to_deliver": self.tr("Manual services paid: start delivery"),
            "tickets_awaiting": self.tr("The marketplace answered: reply or close them"),
            "rejected_listings": self.tr("Edit them and submit for review again"),
            "refused_changes": self.tr("The marketplace did not accept them: send again or discard"),
            "unread": self.tr("Notices from the marketplace"),
            "invoices_pending": self.tr("Requested by buyers: issue and post them"),
            "invoices_overdue": self.tr("Past the 10 working days: issue them now"),
            "invoices_due_soon": self.tr("Issue them by the due date"),
        }

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Workbench"))
        self.todo_title.setText(self.tr("To do"))
        self.figures_title.setText(self.tr("Today"))
        self.money_title.setText(self.tr("Money"))
        within = DUE_SOON_WORKING_DAYS  # lupdate skips a call whose count is not a name
        titles = {
            "unpaid": self.tr("Unpaid"),
            "to_deliver": self.tr("To deliver"),
            "refunds_awaiting": self.tr("Refunds awaiting decision"),
            "tickets_awaiting": self.tr("Tickets awaiting you"),
            "rejected_listings": self.tr("Rejected listings"),
            "refused_changes": self.tr("Changes not accepted"),
            "unread": self.tr("Unread messages"),
            "invoices_pending": self.tr("Pending invoices"),
            "invoices_overdue": self.tr("Overdue invoices"),
            "invoices_due_soon": self.tr("Due within %n working days", "", within),
            "today": self.tr("Orders today"),
            "revenue": self.tr("Paid today"),
            "on_sale": self.tr("Listings on sale"),
            "withdrawable": self.tr("Withdrawable"),
            "on_hold": self.tr("On hold"),
            "deposit_outstanding": self.tr("Deposit outstanding"),
            "withdrawals_in_flight": self.tr("Withdrawals in progress"),
        }
        for key, card in self.cards.items():
            card.title.setText(titles[key])
        self.render()
