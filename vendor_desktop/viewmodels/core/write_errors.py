"""A local write that failed, in the user's words: what happened and what to do next.

Every change is written to the outbox on this computer before the app says it is kept; when that
write fails (a full disk, a read-only or locked file, a change that is already on the wire), the
user hears why in their language, in the form they are filling in or in the main window.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from vendor_desktop.cache.core.outbox import CommandState
from vendor_desktop.cache.core.write_failures import WriteFailure, write_failure


class CannotDiscard(Exception):
    """The change is past the point where discarding it means anything: on the wire, applied, gone."""

    def __init__(self, state: CommandState | None) -> None:
        super().__init__(f"cannot discard a change that is {state.value if state else 'no longer queued'}")
        self.state = state


def _reason(error: BaseException) -> str:
    kind = write_failure(error)
    if kind == WriteFailure.DISK_FULL:
        return QCoreApplication.translate("LocalWrite", "the disk is full. Free some space, then try again.")
    if kind == WriteFailure.READ_ONLY:
        return QCoreApplication.translate(
            "LocalWrite",
            "the data file on this computer cannot be written (read-only). Check its folder, then try again.",
        )
    if kind == WriteFailure.IN_USE:
        return QCoreApplication.translate(
            "LocalWrite", "the data file is in use by another program. Try again in a moment."
        )
    if kind == WriteFailure.DISK_ERROR:
        return QCoreApplication.translate(
            "LocalWrite", "the disk could not be written. Check the disk, then try again."
        )
    return str(getattr(error, "orig", None) or error) or type(error).__name__


def write_failure_text(error: BaseException) -> str:
    """The message for a failed local write (the change is not kept), in the user's language."""
    if isinstance(error, CannotDiscard):
        if error.state == CommandState.SENDING:
            return QCoreApplication.translate(
                "LocalWrite",
                "This change is being sent right now and can no longer be discarded. Wait for the marketplace's answer.",
            )
        if error.state == CommandState.APPLIED:
            return QCoreApplication.translate(
                "LocalWrite", "This change has already been applied; it can no longer be discarded."
            )
        return QCoreApplication.translate("LocalWrite", "This change is no longer in the list.")
    return QCoreApplication.translate("LocalWrite", "Could not save on this computer: %1").replace("%1", _reason(error))


def unsaved_at_quit_text(unsaved: int) -> str:
    """Quitting waited for the changes still being written, and some did not make it in time."""
    return QCoreApplication.translate(
        "LocalWrite",
        "Vendor Center closed before %1 of your latest changes could be saved on this computer; they may be lost. When you start it again, check Pending changes and make any missing change again.",
    ).replace("%1", str(unsaved))
