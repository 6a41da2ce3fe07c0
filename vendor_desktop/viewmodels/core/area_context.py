"""What an area's viewmodel factory is given: the pieces of one signed-in session, in one object.

The composition root builds it once per sign-in; the shell (``ui/shell/areas.py``) hands it to every
area it shows, so adding an area never changes the composition root.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QSettings

from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.sync.client import SignedInUser
from vendor_desktop.viewmodels.core.account import AccountViewModel
from vendor_desktop.viewmodels.core.background import BackgroundRunner
from vendor_desktop.viewmodels.core.commands import CommandQueue


@dataclass(frozen=True)
class AreaContext:
    db: CacheDatabase
    user: SignedInUser
    #: Sync and exports: network and bulk disk work.
    runner: BackgroundRunner
    #: Local writes (queued commands), on their own thread so a long pull never delays them.
    writes: BackgroundRunner
    #: The areas' refresh queries, off the GUI thread and never behind a pull or a write.
    reads: BackgroundRunner
    queue: CommandQueue
    #: Who is signed in, for which vendor: the status bar and the Workbench show it.
    account: AccountViewModel
    #: Owns the viewmodels (they outlive a view that is rebuilt).
    parent: QObject
    #: The app's settings: what a viewmodel remembers between runs (the invoice reminders sent
    #: today); None keeps it for this run only.
    settings: QSettings | None = None
    #: GET a file the API serves (a ticket's attachment): (bytes, media type, filename). Network:
    #: call it on ``runner``. None where there is no connection to ask (some tests).
    fetch_file: Callable[[str], tuple[bytes, str, str]] | None = None

    @property
    def permissions(self) -> frozenset[str]:
        """Permission values (``domain.roles.Permission``) of the signed-in user (SPEC §11)."""
        return self.user.permissions
