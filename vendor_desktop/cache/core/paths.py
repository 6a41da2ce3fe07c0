"""Where the local caches live: one SQLite file per (backend, account, user)."""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import platformdirs

#: Tests and portable installs point the app at another folder with this variable.
DATA_DIR_ENV = "VENDOR_DESKTOP_DATA_DIR"

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def data_dir() -> Path:
    """The app's data folder: ``$VENDOR_DESKTOP_DATA_DIR`` or the platform's user data dir."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir("VendorCenter", appauthor=False))


def _safe(text: str, limit: int = 40) -> str:
    # Keep names readable in a file manager but legal on Windows, macOS and Linux.
    cleaned = _UNSAFE.sub("_", text).strip("._") or "x"
    return cleaned[:limit]


def _host_port(backend_url: str) -> str:
    parts = urlsplit(backend_url.strip())
    host = parts.hostname or parts.path or "backend"
    return f"{host}_{parts.port}" if parts.port else host


def _digest(*parts: str) -> str:
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:10]


def cache_file_for(backend_url: str, account_id: str, username: str) -> Path:
    """The cache file of one user of one account on one backend,
    e.g. ``127.0.0.1_8765-acct42-owner-1a2b3c4d5e.sqlite3``.

    One file per user, not per account: the synced rows are what that user's role may read, and
    the outbox holds only that user's changes, so another user signing in on this computer can
    neither see nor send nor discard them (issue 9). The short hash covers the full URL, account
    id and username, so names that differ only in what the readable part drops (scheme, path,
    case on a case-insensitive file system, unsafe characters) never share a file.
    """
    url = backend_url.strip().rstrip("/")
    readable = f"{_safe(_host_port(backend_url))}-{_safe(account_id)}-{_safe(username)}"
    return data_dir() / "caches" / f"{readable}-{_digest(url, account_id, username)}.sqlite3"


def legacy_cache_file_for(backend_url: str, account_id: str) -> Path:
    """The one file per (backend, account) that versions before per-user caches wrote.

    Only read to move each user's unsent changes into that user's own file (``cache.legacy``).
    """
    url = backend_url.strip().rstrip("/")
    name = f"{_safe(_host_port(backend_url))}-{_safe(account_id)}-{_digest(url, account_id)}"
    return data_dir() / "caches" / f"{name}.sqlite3"
