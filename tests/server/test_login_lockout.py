"""The login lockout holds under concurrency, and its bookkeeping stays small (API.md "Health and
auth": 429 after 5 failures for one username within 15 minutes; issue 9.8)."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import requests
from sqlalchemy import func, inspect, select, text

from vendor_desktop.sandbox.core import auth
from vendor_desktop.sandbox.core.clock import SettableClock
from vendor_desktop.sandbox.core.database import Database, LoginFailure
from vendor_desktop.sandbox.core.passwords import verify_password
from vendor_desktop.sandbox.embedded import EmbeddedSandbox

from .conftest import API, OPERATOR_TOKEN, assert_error, login, password_of

PARALLEL = 40
WINDOW_PASSED = dt.timedelta(minutes=15, seconds=1)


@pytest.fixture
def served(database_url: str, clock: SettableClock) -> Iterator[EmbeddedSandbox]:
    """The sandbox over real HTTP on its own port: parallel sign-ins need real connections."""
    with EmbeddedSandbox(database_url, clock=clock, operator_token=OPERATOR_TOKEN) as sandbox:
        yield sandbox


class _HeldChecks:
    """Stands in for ``verify_password``: counts the passwords really checked, and holds each
    check until the test opens the gate, so every attempt that gets as far as a check is in it at
    the same moment (with checks unheld, a quick burst might happen to be answered one by one)."""

    def __init__(self, real: Callable[[str, str], bool]) -> None:
        self._real = real
        self.changed = threading.Condition()
        self.held = 0
        self.checked = 0
        self.answers: list[int] = []
        self.open = False

    def __call__(self, password: str, stored: str) -> bool:
        with self.changed:
            self.held += 1
            self.changed.notify_all()
            if not self.changed.wait_for(lambda: self.open, timeout=60):
                raise RuntimeError("the test never opened the gate")
            self.checked += 1
        return self._real(password, stored)

    def answered(self, status: int) -> None:
        with self.changed:
            self.answers.append(status)
            self.changed.notify_all()


def _sign_in(base_url: str, account_id: str, password: str, username: str = "owner") -> requests.Response:
    body = {"account_id": account_id, "username": username, "password": password}
    return requests.post(f"{base_url}{API}/auth/login", json=body, timeout=60)


def test_forty_parallel_wrong_passwords_get_at_most_five_checked(served, clock, monkeypatch):
    vendor = served.seed(orders=0, listings=0, seed=81)
    checks = _HeldChecks(auth.verify_password)
    monkeypatch.setattr(auth, "verify_password", checks)

    def attempt(n: int) -> None:
        checks.answered(_sign_in(served.base_url, vendor["account_id"], f"wrong-{n}").status_code)

    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(PARALLEL)]
    for t in threads:
        t.start()
    with checks.changed:
        # Every attempt is either answered already or waiting in its password check.
        assert checks.changed.wait_for(lambda: len(checks.answers) + checks.held == PARALLEL, timeout=60)
        checks.open = True
        checks.changed.notify_all()
    for t in threads:
        t.join()

    assert checks.checked <= auth.LOCKOUT_FAILURES
    assert sorted(checks.answers) == [401] * checks.checked + [429] * (PARALLEL - checks.checked)
    # Locked: the right password too, until the window has passed.
    right = password_of(vendor)
    r = _sign_in(served.base_url, vendor["account_id"], right)
    assert_error(r, 429, "RATE_LIMITED")
    assert checks.checked <= auth.LOCKOUT_FAILURES  # refused without a check
    clock.advance(WINDOW_PASSED)
    r = _sign_in(served.base_url, vendor["account_id"], right)
    assert r.status_code == 200, r.text


def _failures(client: Any) -> int:
    with client.app.state.db.session() as s:
        return s.execute(select(func.count()).select_from(LoginFailure)).scalar_one()


def _spray(client: Any, names: int) -> None:
    for n in range(names):
        body = {"account_id": f"acct-{n % 7}", "username": f"ghost-{n}", "password": "guess"}
        assert_error(client.post(f"{API}/auth/login", json=body), 401, "INVALID_CREDENTIALS")


@pytest.fixture
def quick_checks(monkeypatch: pytest.MonkeyPatch) -> None:
    # The spray is about bookkeeping: a thousand real scrypt runs would only make it slow.
    monkeypatch.setattr(auth, "verify_password", lambda password, stored: False)


def test_a_spray_of_unknown_usernames_is_pruned_once_the_window_passes(
    client, vendor, clock, quick_checks, monkeypatch
):
    _spray(client, 1000)
    assert _failures(client) == 1000  # each counts, or a 429 would tell which names exist
    clock.advance(WINDOW_PASSED)
    _spray(client, 1)
    assert _failures(client) == 1
    # Real users are untouched by the pruning of others' failures.
    monkeypatch.setattr(auth, "verify_password", verify_password)
    assert login(client, vendor)["user"]["username"] == "owner"


def test_failure_bookkeeping_has_a_hard_cap_within_one_window(client, vendor, monkeypatch, quick_checks):
    monkeypatch.setattr(auth, "MAX_LOGIN_FAILURES_KEPT", 50)
    _spray(client, 200)
    assert _failures(client) == 50
    # The newest attempts are the ones kept.
    with client.app.state.db.session() as s:
        kept = set(s.execute(select(LoginFailure.username)).scalars())
    assert kept == {f"ghost-{n}" for n in range(150, 200)}


def test_an_older_database_file_gains_the_index_that_pruning_needs(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    db = Database(url)
    with db.engine.begin() as conn:  # what an older sandbox's file looks like
        conn.execute(text("DROP TABLE alembic_version"))  # made before migrations
        conn.execute(text("DROP INDEX IF EXISTS ix_login_failures_at"))
    db.dispose()

    db = Database(url)
    assert "ix_login_failures_at" in {ix["name"] for ix in inspect(db.engine).get_indexes("login_failures")}
    db.dispose()


def test_the_served_schema_describes_the_lockout(client):
    op = client.get(f"{API}/openapi.json").json()["paths"][f"{API}/auth/login"]["post"]
    assert "5 failed attempts" in op["description"] and "the right password included" in op["description"]
    assert "RATE_LIMITED" in op["responses"]["429"]["description"]
    assert "Retry-After" in op["responses"]["429"]["description"]
