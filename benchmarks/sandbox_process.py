"""The sandbox in a subprocess, so its memory and CPU are not the app's (the benchmark process is the app)."""

from __future__ import annotations

import secrets
import socket
import subprocess
import sys
import time
from pathlib import Path
from types import TracebackType
from typing import Any

import requests

_START_TIMEOUT_S = 60.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class SandboxProcess:
    """``vendor-desktop-sandbox`` on a loopback port over a SQLite file, with the sandbox controls."""

    def __init__(self, database: Path, *, seed: int, log: Path, operator_token: str | None = None) -> None:
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.operator_token = operator_token or secrets.token_urlsafe(24)
        self._args = [
            sys.executable, "-m", "vendor_desktop.sandbox",
            "--port", str(self.port),
            "--database", f"sqlite:///{database}",
            # "=": a URL-safe token starts with "-" one time in 64, which argparse takes for an option.
            f"--operator-token={self.operator_token}",
            "--seed", str(seed),
        ]  # fmt: skip
        self._log_path = log
        self._proc: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> SandboxProcess:
        log = self._log_path.open("wb")
        self._proc = subprocess.Popen(self._args, stdout=log, stderr=subprocess.STDOUT)
        log.close()
        deadline = time.monotonic() + _START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self._proc.poll() is not None:
                raise RuntimeError(f"the sandbox exited: {self._log_path.read_text(errors='replace')}")
            try:
                if requests.get(self.base_url + "/api/v1/health", timeout=2).ok:
                    return self
            except requests.ConnectionError:
                pass
            time.sleep(0.1)
        self.__exit__(None, None, None)
        raise RuntimeError("the sandbox did not start in time")

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._proc is not None and self._proc.poll() is None:
            self._proc.terminate()
            try:
                self._proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()
        self._proc = None

    def operator(self, method: str, path: str, json: Any = None) -> Any:
        """Play the buyer or the marketplace operator (``/api/v1/sandbox/...``)."""
        response = requests.request(
            method,
            f"{self.base_url}/api/v1/sandbox{path}",
            json=json,
            headers={"Authorization": f"Bearer {self.operator_token}"},
            timeout=600,
        )
        if response.status_code >= 300:
            raise RuntimeError(f"{method} {path}: {response.status_code} {response.text[:500]}")
        return response.json() if response.content else None
