"""A ticket's files (附件, R-TKT-1), the disk and network work of the Tickets viewmodel — each
function runs on a background runner, never on the GUI thread: checking chosen files, copying
them beside the cache for the outbox (cache.outbox_files), the commands that send them, and
downloading one to open or save."""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from vendor_desktop.cache.core import outbox_files
from vendor_desktop.domain.tickets import MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS
from vendor_desktop.viewmodels.core.labels import file_size


@dataclass(frozen=True)
class FileCheck:
    """A chosen file as the dialog lists it: its size, and why it cannot go (empty: it can)."""

    path: str
    name: str
    size: str
    problem: str


def file_problem_text(code: str, detail: str = "") -> str:
    """Why a file cannot be attached (R-TKT-1), in the user's language."""
    if code == "ATTACHMENT_TOO_LARGE":
        return QCoreApplication.translate("TicketsViewModel", "Larger than %1: attach a smaller file.").replace(
            "%1", file_size(MAX_ATTACHMENT_BYTES)
        )
    if code == "ATTACHMENT_TYPE":
        return QCoreApplication.translate("TicketsViewModel", "Not a PNG, JPEG or PDF file.")
    return QCoreApplication.translate("TicketsViewModel", "Cannot read this file: %1").replace("%1", detail)


def too_many(left: int) -> str:
    return (
        QCoreApplication.translate("TicketsViewModel", "A ticket takes at most %1 attachments; %2 more can be added.")
        .replace("%1", str(MAX_ATTACHMENTS))
        .replace("%2", str(left))
    )


def check_files(paths: Sequence[str]) -> list[FileCheck]:
    """Size and type of each file (reads a few bytes of each)."""
    checks = []
    for p in paths:
        path = Path(p)
        try:
            size, _media = outbox_files.check(path)
            checks.append(FileCheck(p, path.name, file_size(size), ""))
        except outbox_files.FileProblem as problem:
            size_text = file_size(path.stat().st_size) if path.is_file() else ""
            checks.append(FileCheck(p, path.name, size_text, file_problem_text(problem.code, problem.detail)))
    return checks


def copy_files(folder: Path, paths: Sequence[Path]) -> list[outbox_files.StoredFile]:
    """Copy each file beside the cache; all of them or none (a copy made before a failure goes)."""
    stored: list[outbox_files.StoredFile] = []
    try:
        for p in paths:
            stored.append(outbox_files.store(folder, p))
    except BaseException:
        outbox_files.remove(folder, [s.stored for s in stored])
        raise
    return stored


def copy_failure_text(error: BaseException) -> str:
    if isinstance(error, outbox_files.FileProblem):
        return file_problem_text(error.code, error.detail)
    return file_problem_text("UNREADABLE", str(error))


def attach_commands(
    ticket_id: str, version: int | None, subject: str, stored: Sequence[outbox_files.StoredFile]
) -> list[dict[str, Any]]:
    """One ``ticket.attach`` per kept copy: multipart, one part ``file`` (API.md)."""
    return [
        {
            "kind": "ticket.attach",
            "entity": "ticket",
            "entity_id": ticket_id,
            "base_version": version,
            "method": "POST",
            "path": f"/tickets/{ticket_id}/attachments",
            "payload": {outbox_files.UPLOAD_KEY: s.to_payload()},
            "summary": {"subject": subject, "name": s.name, "size": s.size, "media_type": s.media_type},
        }
        for s in stored
    ]


def download(
    fetch: Callable[[str], tuple[bytes, str, str]], ticket_id: str, attachment_id: str, name: str, target: str | None
) -> str:
    """GET the attachment into ``target`` (save as) or a fresh temporary folder (to open); its path."""
    data, _media, filename = fetch(f"/tickets/{ticket_id}/attachments/{attachment_id}")
    path = Path(target) if target else Path(tempfile.mkdtemp(prefix="vendor-center-")) / _file_name(filename or name)
    path.write_bytes(data)
    return str(path)


def _file_name(name: str) -> str:
    # A name from the server, used as a file name here: no folders, nothing Windows refuses.
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]', "_", Path(name).name).strip(" .")
    return cleaned or "attachment"
