"""Shared test set-up: offscreen Qt, an in-memory keyring, and a private data directory."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator

import keyring
import keyring.backend
import keyring.errors
import pytest
from hypothesis import settings

# Property tests explore new inputs on every local run; CI (HYPOTHESIS_PROFILE=ci, set by .ci/run)
# runs the same examples every time, so a landing is never blocked by a new input found at random
# (a failure found locally is replayed from Hypothesis's example database and fixed there).
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


class MemoryKeyring(keyring.backend.KeyringBackend):
    """The real keyring API over a dict, so tests see exactly what would be stored and never
    touch the developer's keychain."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if (service, username) not in self.items:
            raise keyring.errors.PasswordDeleteError("not found")
        del self.items[(service, username)]


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path, monkeypatch):
    path = tmp_path / "data"
    monkeypatch.setenv("VENDOR_DESKTOP_DATA_DIR", str(path))
    return path
