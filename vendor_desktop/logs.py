"""Log files a vendor can send us: the platform's log folder, rotated, plus stderr.

Windows ``%LOCALAPPDATA%\\VendorCenter\\Logs``, macOS ``~/Library/Logs/VendorCenter``, Linux
``~/.local/state/VendorCenter/log`` (platformdirs). ``$VENDOR_DESKTOP_LOG_DIR`` overrides it
(tests, portable installs).
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
from pathlib import Path

import platformdirs

LOG_DIR_ENV = "VENDOR_DESKTOP_LOG_DIR"
LOG_FILE = "vendor-center.log"
MAX_BYTES = 2_000_000
BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"


def log_dir() -> Path:
    override = os.environ.get(LOG_DIR_ENV)
    if override:
        return Path(override)
    return Path(platformdirs.user_log_dir("VendorCenter", appauthor=False))


def log_path() -> Path:
    return log_dir() / LOG_FILE


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Log to a rotated file (the path returned; None if the folder cannot be written) and stderr."""
    root = logging.getLogger()
    root.setLevel(level)
    formatter = logging.Formatter(FORMAT)
    for handler in list(root.handlers):
        if getattr(handler, "_vendor_desktop", False):
            root.removeHandler(handler)
            handler.close()
    if sys.stderr is not None:  # a windowed bundle on Windows has no stderr
        console = logging.StreamHandler()
        console.setFormatter(formatter)
        console._vendor_desktop = True  # type: ignore[attr-defined]
        root.addHandler(console)
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        file_handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True
        )
    except OSError as exc:  # a read-only profile must not stop the app
        logging.getLogger("vendor_desktop").warning("cannot write logs to %s: %s", path, exc)
        return None
    file_handler.setFormatter(formatter)
    file_handler._vendor_desktop = True  # type: ignore[attr-defined]
    root.addHandler(file_handler)
    return path
