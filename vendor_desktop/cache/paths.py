"""Where the local caches live: one SQLite file per (backend, account)."""

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


def cache_file_for(backend_url: str, account_id: str) -> Path:
    """The cache file of one account on one backend, e.g. ``127.0.0.1_8765-acct42-1a2b3c4d.sqlite3``.

    The short hash covers the full URL and account id, so two backends that differ only in
    scheme or path (which the readable part drops) never share a cache.
    """
    parts = urlsplit(backend_url.strip())
    host = parts.hostname or parts.path or "backend"
    host_port = f"{host}_{parts.port}" if parts.port else host
    digest = hashlib.sha256(f"{backend_url.strip().rstrip('/')}\n{account_id}".encode()).hexdigest()[:10]
    name = f"{_safe(host_port)}-{_safe(account_id)}-{digest}.sqlite3"
    return data_dir() / "caches" / name
