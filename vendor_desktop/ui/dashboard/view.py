"""The Workbench (工作台): cards with today's numbers, and who is signed in."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from vendor_desktop.ui.core.binding import connect_refresh
from vendor_desktop.ui.core.widgets import Retranslating
from vendor_desktop.viewmodels.core.account import AccountViewModel
from vendor_desktop.viewmodels.dashboard.viewmodel import DashboardViewModel


class _Card(QFrame):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("card")
        self.value = QLabel("0")
        self.value.setObjectName("cardValue")
        self.caption = QLabel()
        self.caption.setObjectName("cardCaption")
        layout = QVBoxLayout(self)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)


class DashboardView(Retranslating, QWidget):
    def __init__(self, vm: DashboardViewModel, account: AccountViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.account_vm = account
        self.heading = QLabel()
        self.heading.setObjectName("pageTitle")
        self.account = QLabel()
        self.account.setObjectName("hint")
        self.account.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.cards = {key: _Card() for key in ("unpaid", "today", "revenue", "delivering", "unread", "on_sale")}
        grid = QGridLayout()
        grid.setSpacing(16)
        for i, card in enumerate(self.cards.values()):
            grid.addWidget(card, i // 3, i % 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(self.heading)
        layout.addWidget(self.account)
        layout.addSpacing(12)
        layout.addLayout(grid)
        layout.addStretch(1)
        connect_refresh(vm.counts_changed, self, self.render)
        connect_refresh(account.changed, self, self.render)
        self.retranslate()

    def render(self) -> None:
        for key, value in self.vm.figures().items():
            self.cards[key].value.setText(value)
        self.account.setText(self.account_vm.account_text())

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Workbench"))
        captions = {
            "unpaid": self.tr("Unpaid orders"),
            "today": self.tr("Orders today"),
            "revenue": self.tr("Paid today"),
            "delivering": self.tr("Delivering"),
            "unread": self.tr("Unread messages"),
            "on_sale": self.tr("Listings on sale"),
        }
        for key, caption in captions.items():
            self.cards[key].caption.setText(caption)
        self.render()
