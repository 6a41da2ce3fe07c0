"""(h) Cold start: from process start to the first area's content on screen.

The app is started the way a vendor starts it the next morning: a new process, its cache of
100,000 orders already on disk, the backend reachable and the refresh token in the keychain. The
clock runs from just before the process is spawned until the app logs that the first area (the
one the role opens on) shows its content from the cache (``FIRST_AREA_LOG``). Each run uses the
token the previous run rotated, as a real restart does.

The keychain is a throwaway file (``BenchmarkKeyring``), chosen with keyring's own
``PYTHON_KEYRING_BACKEND`` switch: the benchmark's tokens live and die in its temp folder.
"""

from __future__ import annotations

import json
import os
import queue
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from keyring.backend import KeyringBackend

from .measure import percentile

#: What the app logs once the first area shows its content (vendor_desktop/ui/area_shell.py).
FIRST_AREA_LOG = "first area on screen:"
KEYRING_FILE_ENV = "VENDOR_BENCH_KEYRING_FILE"
TIMEOUT_S = 30.0
ROOT = Path(__file__).resolve().parent.parent


class BenchmarkKeyring(KeyringBackend):
    """A keychain in one JSON file named by ``$VENDOR_BENCH_KEYRING_FILE`` (benchmarks only)."""

    priority = 1  # type: ignore[assignment]

    def _path(self) -> Path:
        return Path(os.environ[KEYRING_FILE_ENV])

    def _all(self) -> dict[str, str]:
        path = self._path()
        return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._all().get(f"{service}\n{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._all()
        data[f"{service}\n{username}"] = password
        self._path().write_text(json.dumps(data), encoding="utf-8")

    def delete_password(self, service: str, username: str) -> None:
        data = self._all()
        data.pop(f"{service}\n{username}", None)
        self._path().write_text(json.dumps(data), encoding="utf-8")


def prepare(
    work: Path, backend_url: str, account_id: str, username: str, refresh_token: str, cache: Path
) -> dict[str, str]:
    """A data folder, settings and keychain as a previous run of the app leaves them; returns the
    environment to start the app with."""
    from vendor_desktop.sync.token_store import TokenStore

    home = work / "cold-start"
    shutil.rmtree(home, ignore_errors=True)
    data, config, logs = home / "data", home / "config", home / "logs"
    for folder in (data, config, logs):
        folder.mkdir(parents=True)
    env = {
        **os.environ,
        "VENDOR_DESKTOP_DATA_DIR": str(data),
        "VENDOR_DESKTOP_LOG_DIR": str(logs),
        "XDG_CONFIG_HOME": str(config),  # QSettings on Linux
        "PYTHON_KEYRING_BACKEND": f"{__name__}.BenchmarkKeyring",
        KEYRING_FILE_ENV: str(home / "keyring.json"),
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH", "")])),
    }
    # The cache file the app opens for this (backend, account, user), already synced.
    saved = dict(os.environ)
    os.environ.update({k: env[k] for k in ("VENDOR_DESKTOP_DATA_DIR", KEYRING_FILE_ENV)})
    try:
        from vendor_desktop.cache.core.paths import cache_file_for

        target = cache_file_for(backend_url, account_id, username)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(cache, target)
        BenchmarkKeyring().set_password(
            TokenStore().service, TokenStore._key(backend_url, account_id, username), refresh_token
        )
    finally:
        os.environ.clear()
        os.environ.update(saved)
    settings = config / "VendorCenter" / "Vendor Center.conf"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(
        f"[General]\nbackend_url={backend_url}\naccount_id={account_id}\nusername={username}\nlanguage=zh_CN\n",
        encoding="utf-8",
    )
    return env


def start_once(env: dict[str, str], backend_url: str) -> dict[str, Any]:
    """Spawn the app, wait for the first area's content, stop it; milliseconds and what showed."""
    command = [sys.executable, "-m", "vendor_desktop", "--backend", backend_url]
    lines: queue.Queue[str | None] = queue.Queue()
    seen: list[str] = []
    start = time.perf_counter()
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=ROOT)

    def read() -> None:  # a thread, so a silent app cannot block the clock
        assert proc.stderr is not None
        for line in proc.stderr:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=read, daemon=True).start()
    shown: dict[str, Any] | None = None
    try:
        while shown is None:
            left = start + TIMEOUT_S - time.perf_counter()
            try:
                line = lines.get(timeout=max(left, 0.01))
            except queue.Empty:
                break
            if line is None:
                break
            seen.append(line)
            if FIRST_AREA_LOG in line:
                shown = {"ms": (time.perf_counter() - start) * 1000, "area": line.split(FIRST_AREA_LOG, 1)[1].strip()}
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    if shown is None:
        raise RuntimeError("the app did not show its first area:\n" + "".join(seen[-30:]))
    return shown


def cold_start(
    work: Path, backend_url: str, account_id: str, username: str, refresh_token: str, cache: Path, repeats: int = 5
) -> dict[str, Any]:
    """(h) ``repeats`` cold starts in a row (the first also pays for the OS's file cache)."""
    env = prepare(work, backend_url, account_id, username, refresh_token, cache)
    runs = [start_once(env, backend_url) for _ in range(repeats)]
    times = [r["ms"] for r in runs]
    return {
        "first_ms": times[0],
        "p50_ms": percentile(times, 50),
        "max_ms": max(times),
        "runs_ms": times,
        "area": runs[-1]["area"],
    }
