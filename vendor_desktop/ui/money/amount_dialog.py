"""What the two money dialogs share: their messages under the fields and the OK that queues."""

from __future__ import annotations

from typing import Any

from vendor_desktop.ui.core.widgets import show_problems


class AmountDialogMixin:
    """Mixed into *Pay deposit…* and *Withdraw…*: ``errors`` (field → label), ``amount`` (the
    line edit), ``saving`` (``SaveFeedback``) and ``vm`` (an ``AmountForm``) are the dialog's."""

    errors: dict[str, Any]
    amount: Any
    saving: Any
    vm: Any

    def show_problems(self, problems: dict) -> None:
        show_problems(self.errors, problems)

    def submit(self) -> None:
        if self.saving.saving:
            return
        self.saving.start()
        if not self.vm.submit(self.amount.text()):
            self.saving.not_sent()
