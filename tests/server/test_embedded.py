"""The sandbox over real HTTP: EmbeddedSandbox (as the desktop app starts it) and the CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from vendor_desktop.sandbox.__main__ import default_database_url
from vendor_desktop.sandbox.embedded import DemoLogin, EmbeddedSandbox


def _login(base_url: str, demo: DemoLogin) -> httpx.Response:
    return httpx.post(
        f"{base_url}/api/v1/auth/login",
        json={"account_id": demo.account_id, "username": demo.username, "password": demo.password},
    )


def test_embedded_sandbox_serves_the_api_over_http():
    with EmbeddedSandbox() as sandbox:
        assert sandbox.base_url.startswith("http://127.0.0.1:") and not sandbox.base_url.endswith("/api/v1")
        assert httpx.get(f"{sandbox.base_url}/api/v1/health").json()["status"] == "ok"
        demo = sandbox.ensure_demo()
        r = _login(sandbox.base_url, demo)
        assert r.status_code == 200
        changes = httpx.get(
            f"{sandbox.base_url}/api/v1/sync/changes",
            params={"limit": 2000},
            headers={"Authorization": f"Bearer {r.json()['access_token']}"},
        ).json()["changes"]
        assert any(c["entity"] == "order" for c in changes)
        op = {"Authorization": f"Bearer {sandbox.operator_token}"}
        seeded = httpx.post(f"{sandbox.base_url}/api/v1/sandbox/seed", json={"seed": 77, "orders": 5}, headers=op)
        assert seeded.status_code == 201


def test_stop_frees_the_port_and_a_restart_on_it_keeps_the_data(tmp_path: Path):
    url = f"sqlite:///{tmp_path / 'sandbox.sqlite3'}"
    first = EmbeddedSandbox(url, operator_token="op-1").start()
    port, base_url = first.port, first.base_url
    demo = first.ensure_demo(seed=31)
    first.stop()
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{base_url}/api/v1/health")

    with EmbeddedSandbox(url, port=port, operator_token="op-2") as second:
        assert second.base_url == base_url
        again = second.ensure_demo(seed=31)  # already there: not seeded twice, same login
        assert (again.account_id, again.username, again.password) == (demo.account_id, "owner", demo.password)
        assert again.operator_token == "op-2"
        assert _login(second.base_url, again).status_code == 200


def test_ensure_demo_is_idempotent_in_one_process():
    sandbox = EmbeddedSandbox()
    one, two = sandbox.ensure_demo(), sandbox.ensure_demo()
    assert one == two
    assert sandbox.seed(seed=5, orders=3, listings=2)["orders"] == 3


def test_default_database_lives_in_the_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("VENDOR_DESKTOP_DATA_DIR", str(tmp_path / "data"))
    assert default_database_url() == f"sqlite:///{tmp_path / 'data' / 'sandbox.sqlite3'}"
    assert (tmp_path / "data").is_dir()


def test_cli_prints_where_it_listens_and_the_demo_login(tmp_path: Path):
    env = {**os.environ, "VENDOR_DESKTOP_DATA_DIR": str(tmp_path)}
    cmd = [sys.executable, "-m", "vendor_desktop.sandbox", "--port", "0", "--operator-token", "cli-token"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        lines = []
        for line in proc.stdout:  # type: ignore[union-attr]
            lines.append(line)
            if line.startswith("Operator token:"):
                break
        listening = next(x for x in lines if x.startswith("Sandbox listening on http://"))
        base_url = listening.split()[3]
        assert httpx.get(f"{base_url}/api/v1/health").status_code == 200
        login_line = next(x for x in lines if x.startswith("Demo login:"))
        account_id = login_line.split("account id ")[1].split(",")[0]
        password = login_line.rsplit("password ", 1)[1].strip()
        r = httpx.post(
            f"{base_url}/api/v1/auth/login",
            json={"account_id": account_id, "username": "owner", "password": password},
        )
        assert r.status_code == 200
        assert "cli-token" in lines[-1]
        assert (tmp_path / "sandbox.sqlite3").exists()
    finally:
        proc.terminate()
        assert proc.wait(timeout=30) == 0


def test_a_file_database_uses_write_ahead_logging(tmp_path: Path):
    sandbox = EmbeddedSandbox(f"sqlite:///{tmp_path / 'wal.sqlite3'}")
    with sandbox.app.state.db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_cli_explains_a_database_it_cannot_open(capsys: pytest.CaptureFixture[str]):
    from vendor_desktop.sandbox.__main__ import main

    assert main(["--port", "0", "--database", "sqlite:///no/such/folder/x.sqlite3"]) == 2
    assert "cannot open the database 'sqlite:///no/such/folder/x.sqlite3'" in capsys.readouterr().err
