"""What the user is told when the cache file had to be set aside, and what became of their changes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from vendor_desktop.cache.core.database import Recovery, SetAsideReason
from vendor_desktop.viewmodels.core.labels import is_chinese


def recovery_notice(recovery: Recovery | None) -> str:
    """The banner text ("" when the cache opened as it was): which case, where the file went,
    and how many changes not yet sent were kept (or could not be read)."""
    if recovery is None:
        return ""
    if recovery.reason is SetAsideReason.NEWER_VERSION:
        what = QCoreApplication.translate(
            "RecoveryNotice",
            "The saved data on this computer was written by a newer version of Vendor Center. It was kept at %1 for that version and is being downloaded again from the marketplace.",
        )
    else:
        what = QCoreApplication.translate(
            "RecoveryNotice",
            "The saved data on this computer was damaged. It was moved to %1 and is being downloaded again from the marketplace.",
        )
    parts = [what.replace("%1", str(recovery.moved_to))]
    # One and many spelled out: English has no catalog to choose a plural form from.
    if recovery.kept == 1:
        parts.append(QCoreApplication.translate("RecoveryNotice", "1 change not yet sent was kept and will be sent."))
    elif recovery.kept > 1:
        parts.append(
            QCoreApplication.translate("RecoveryNotice", "%1 changes not yet sent were kept and will be sent.").replace(
                "%1", str(recovery.kept)
            )
        )
    if not recovery.outbox_read:
        parts.append(
            QCoreApplication.translate(
                "RecoveryNotice", "Changes not yet sent could not be read from it and may be lost."
            )
        )
    elif recovery.lost == 1:
        parts.append(
            QCoreApplication.translate("RecoveryNotice", "1 change not yet sent could not be read and may be lost.")
        )
    elif recovery.lost > 1:
        parts.append(
            QCoreApplication.translate(
                "RecoveryNotice", "%1 changes not yet sent could not be read and may be lost."
            ).replace("%1", str(recovery.lost))
        )
    elif recovery.kept == 0:
        parts.append(QCoreApplication.translate("RecoveryNotice", "No change was waiting to send."))
    # Chinese sentences follow each other without a space after 。
    return ("" if is_chinese() else " ").join(parts)
