"""Files a queued command uploads (a ticket's attachment, R-TKT-1), kept beside the cache.

When the user attaches a file, a copy goes at once into ``<cache file>.outbox_files/<uuid>``, so
moving or deleting the original, a crash or a restart loses nothing: the command's payload names
the stored copy (``upload``), and the sender reads it from here on every try. The copy goes once
the command is applied or discarded; a rejected one keeps it, for the user may send it again.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from vendor_desktop.cache.core.models import OutboxCommand
from vendor_desktop.cache.core.outbox import OPEN_STATES
from vendor_desktop.domain.tickets import MAX_ATTACHMENT_BYTES, attachment_type

#: The payload key of a command that sends a file as multipart/form-data (one part ``file``).
UPLOAD_KEY = "upload"
#: A copy no open command names is removed at start-up, once this old: younger ones may belong
#: to a command being queued right now (the copy is written before the command is committed).
ORPHAN_AGE = dt.timedelta(hours=1)
_HEAD = 16


@dataclass(frozen=True)
class StoredFile:
    """A copy kept for the outbox: ``stored`` is its name in the folder."""

    stored: str
    name: str
    media_type: str
    size: int

    def to_payload(self) -> dict[str, Any]:
        return {"stored": self.stored, "name": self.name, "media_type": self.media_type, "size": self.size}


class FileProblem(Exception):
    """The file cannot be attached: ``code`` is the API's (ATTACHMENT_TOO_LARGE, ATTACHMENT_TYPE)
    or UNREADABLE; the viewmodel says it in the user's language."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail


def folder_for(cache_file: Path) -> Path:
    """The folder of one cache's stored copies (one per cache file: one user's outbox)."""
    return cache_file.with_name(cache_file.name + ".outbox_files")


def upload_of(payload: Mapping[str, Any] | None) -> StoredFile | None:
    """The stored file a command's payload names, if it sends one."""
    upload = (payload or {}).get(UPLOAD_KEY)
    if not isinstance(upload, Mapping) or not isinstance(upload.get("stored"), str):
        return None
    return StoredFile(
        stored=str(upload["stored"]),
        name=str(upload.get("name") or "file"),
        media_type=str(upload.get("media_type") or "application/octet-stream"),
        size=int(upload.get("size") or 0),
    )


def check(source: Path) -> tuple[int, str]:
    """(size, media type) of a file that may be attached; raises FileProblem (R-TKT-1: ≤ 5 MB,
    PNG, JPEG or PDF by its bytes, domain.tickets)."""
    try:
        size = source.stat().st_size
        with source.open("rb") as f:
            head = f.read(_HEAD)
    except OSError as exc:
        raise FileProblem("UNREADABLE", exc.strerror or str(exc)) from exc
    if size > MAX_ATTACHMENT_BYTES:
        raise FileProblem("ATTACHMENT_TOO_LARGE")
    media_type = attachment_type(head)
    if media_type is None:
        raise FileProblem("ATTACHMENT_TYPE")
    return size, media_type


def store(folder: Path, source: Path) -> StoredFile:
    """Copy ``source`` into ``folder`` durably (written, flushed to disk, then renamed into place)."""
    _size, media_type = check(source)
    folder.mkdir(parents=True, exist_ok=True)
    stored = uuid.uuid4().hex
    part = folder / f"{stored}.part"
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise FileProblem("UNREADABLE", exc.strerror or str(exc)) from exc
    if len(data) > MAX_ATTACHMENT_BYTES:  # it grew since it was checked
        raise FileProblem("ATTACHMENT_TOO_LARGE")
    with part.open("wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(part, folder / stored)
    return StoredFile(stored=stored, name=source.name, media_type=media_type, size=len(data))


def read(folder: Path, stored: str) -> bytes:
    return (folder / _safe(stored)).read_bytes()


def remove(folder: Path, stored: Iterable[str]) -> None:
    for name in stored:
        (folder / _safe(name)).unlink(missing_ok=True)


def sweep(folder: Path, keep: set[str], *, now: dt.datetime | None = None) -> int:
    """Remove copies no open command names (applied or discarded before a crash let us remove
    them), older than ``ORPHAN_AGE``; returns how many."""
    if not folder.is_dir():
        return 0
    cutoff = (now or dt.datetime.now(dt.UTC)) - ORPHAN_AGE
    removed = 0
    for path in folder.iterdir():
        name = path.name.removesuffix(".part")
        if name in keep:
            continue
        try:
            if dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC) < cutoff:
                path.unlink()
                removed += 1
        except OSError:
            continue
    return removed


def open_uploads(session: Session) -> set[str]:
    """The stored copies that commands still waiting (or rejected, or held) will send."""
    stmt = select(OutboxCommand.payload).where(
        OutboxCommand.state.in_([s.value for s in OPEN_STATES]), OutboxCommand.payload.contains(f'"{UPLOAD_KEY}"')
    )
    names = set()
    for payload in session.scalars(stmt):
        upload = upload_of(json.loads(payload) if payload else None)
        if upload is not None:
            names.add(upload.stored)
    return names


def _safe(stored: str) -> str:
    # The name comes from our own payload; still, never let it leave the folder.
    return Path(stored).name
