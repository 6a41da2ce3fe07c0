"""``vendor-desktop-sandbox``: run the sandbox marketplace backend on its own (API.md
"Running the sandbox")."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from pathlib import Path

import platformdirs
from sqlalchemy.exc import SQLAlchemyError

from .embedded import EmbeddedSandbox


def default_database_url() -> str:
    """A file in the user's data directory (or $VENDOR_DESKTOP_DATA_DIR), created if needed."""
    folder = os.environ.get("VENDOR_DESKTOP_DATA_DIR") or platformdirs.user_data_dir("VendorCenter", appauthor=False)
    path = Path(folder)
    path.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path / 'sandbox.sqlite3'}"


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="vendor-desktop-sandbox", description="Run the Vendor Center sandbox marketplace backend."
    )
    p.add_argument("--host", default="127.0.0.1", help="interface to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8765, help="port (default 8765; 0 picks a free one)")
    p.add_argument("--database", default=None, help="SQLAlchemy URL (default: a file in the data dir)")
    p.add_argument("--operator-token", default=None, help="sandbox operator token (default: generated)")
    p.add_argument("--no-sandbox-controls", action="store_true", help="serve only the marketplace API, no /sandbox")
    p.add_argument("--seed", type=int, default=2026, help="seed of the demo vendor (default 2026)")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    controls = not args.no_sandbox_controls
    database = args.database or default_database_url()
    try:
        sandbox = EmbeddedSandbox(
            database,
            port=args.port,
            operator_token=args.operator_token,
            sandbox_controls=controls,
            host=args.host,
        )
        demo = sandbox.ensure_demo(args.seed) if controls else None
    except SQLAlchemyError as exc:  # a mistyped URL or a folder that does not exist
        reason = exc.args[0] if exc.args else exc
        print(f"error: cannot open the database {database!r}: {reason}", file=sys.stderr)
        return 2
    try:
        sandbox.start()
    except RuntimeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"Sandbox listening on {sandbox.base_url} (API under /api/v1)", flush=True)
    if demo is not None:
        print(f"Demo login: account id {demo.account_id}, username {demo.username}, password {demo.password}")
        print(f"Operator token: {demo.operator_token}", flush=True)

    done = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: done.set())
    try:
        while not done.wait(1.0):
            pass
    finally:
        sandbox.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
