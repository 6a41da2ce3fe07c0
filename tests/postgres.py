"""A throwaway PostgreSQL 15 cluster for the server tests (DESIGN.md "The server's database").

Every server test runs on SQLite and on PostgreSQL; SQLite's process-wide lock hides races that
PostgreSQL shows. The cluster lives in a temporary folder, listens on a free loopback port and is
tuned for speed, not durability (fsync off: a crash only loses test data).

    python -m tests.postgres start DIR     # prints the URL; .ci/run exports it
    python -m tests.postgres stop DIR

Tests read the URL from ``VENDOR_DESKTOP_TEST_POSTGRES_URL``; without it, the test session starts
its own cluster when the PostgreSQL binaries are installed (``/usr/lib/postgresql/*/bin``). ``initdb``
refuses to run as root, so as root the cluster runs as the ``postgres`` user.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

URL_ENV = "VENDOR_DESKTOP_TEST_POSTGRES_URL"
#: Set to 1 (CI does) to fail, rather than skip, the PostgreSQL half when no server can be had.
REQUIRE_ENV = "VENDOR_DESKTOP_REQUIRE_POSTGRES"
SUPERUSER = "postgres"


def binaries() -> Path | None:
    """The folder of initdb/pg_ctl: on PATH, or Debian's versioned folder (newest first)."""
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name), reverse=True):
        if (Path(folder) / "initdb").exists():
            return Path(folder)
    return None


def _as_cluster_owner(args: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return args
    return ["runuser", "-u", SUPERUSER, "--", *args]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start(folder: Path) -> str:
    """initdb + pg_ctl start in ``folder``; returns a SQLAlchemy URL of the ``postgres`` database."""
    bin_dir = binaries()
    if bin_dir is None:
        raise RuntimeError("PostgreSQL is not installed (no initdb on PATH or in /usr/lib/postgresql/*/bin)")
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        import pwd  # POSIX only; a root user exists only there

        owner = pwd.getpwnam(SUPERUSER)
        os.chown(folder, owner.pw_uid, owner.pw_gid)
    data, port = folder / "data", _free_port()
    initdb = [str(bin_dir / "initdb"), "-D", str(data), "-U", SUPERUSER, "-A", "trust", "-E", "UTF8", "--locale=C"]
    _run(_as_cluster_owner([*initdb, "--no-sync"]))
    options = (
        f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off "
        "-c full_page_writes=off -c max_connections=300 -c shared_buffers=64MB"
    )
    _run(
        _as_cluster_owner(
            [str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(folder / "log"), "-w", "start"]
        )
    )
    url = f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{port}/postgres"
    (folder / "url").write_text(url)
    return url


def _run(args: list[str]) -> None:
    done = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed ({done.returncode}): {done.stderr.strip()}")


def stop(folder: Path) -> None:
    bin_dir = binaries()
    if bin_dir is None or not (folder / "data").exists():
        return
    subprocess.run(
        _as_cluster_owner([str(bin_dir / "pg_ctl"), "-D", str(folder / "data"), "-m", "immediate", "-w", "stop"]),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,
    )


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in {"start", "stop"}:
        print(__doc__, file=sys.stderr)
        return 2
    folder = Path(argv[1])
    if argv[0] == "start":
        print(start(folder))
    else:
        stop(folder)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
