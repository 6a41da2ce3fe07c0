"""Ways a cache file goes wrong on a user's disk, for the salvage tests (cache and GUI)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

FUTURE_REVISION = "9999_from_the_future"


def _checkpointed(path: Path) -> tuple[int, list[tuple[str, int]]]:
    """Move everything from the -wal into the file itself (what a clean quit does); returns the
    page size and every b-tree's (name, root page)."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        roots = conn.execute("SELECT name, rootpage FROM sqlite_master WHERE rootpage > 0").fetchall()
    finally:
        conn.close()
    return page_size, roots


def stomp_pages(path: Path, pages: list[int], page_size: int) -> None:
    with path.open("r+b") as f:
        for page in pages:
            f.seek((page - 1) * page_size)  # pages are numbered from 1
            f.write(b"\xff" * page_size)


def damage_the_orders(path: Path) -> None:
    """Garbage over the root pages of the orders table and its indexes: ``quick_check`` fails,
    the outbox's own pages are untouched."""
    page_size, roots = _checkpointed(path)
    pages = [root for name, root in roots if name == "orders" or name.startswith("ix_orders")]
    assert pages, roots
    stomp_pages(path, pages, page_size)


def page_holding(path: Path, marker: bytes) -> int:
    """The page of the (checkpointed) file whose bytes contain ``marker``."""
    page_size, _roots = _checkpointed(path)
    data = path.read_bytes()
    at = data.index(marker)
    assert data.find(marker, at + 1) == -1, "the marker must be on one page only"
    return at // page_size + 1


def damage_page(path: Path, page: int) -> None:
    page_size, _roots = _checkpointed(path)
    stomp_pages(path, [page], page_size)


def stamp_a_newer_version(path: Path) -> None:
    """What a newer version of the app leaves: a revision this one does not know, and an outbox
    with a column more."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("ALTER TABLE outbox ADD COLUMN priority INTEGER NOT NULL DEFAULT 0")
        conn.execute("CREATE TABLE tickets_from_the_future (id TEXT PRIMARY KEY, data TEXT)")
        conn.execute("UPDATE alembic_version SET version_num = ?", (FUTURE_REVISION,))
        conn.commit()
    finally:
        conn.close()
