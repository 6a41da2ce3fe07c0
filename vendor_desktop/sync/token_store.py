"""The refresh token in the OS keychain (keyring), never a password and never a plain file.

Where no secure keychain exists (headless Linux: keyring's ``fail`` backend, or a chainer with
nothing usable), ``available()`` is False: the app says so and asks for the password each time
(DESIGN "Credentials in the OS keychain").
"""

from __future__ import annotations

import logging
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import keyring.backend

log = logging.getLogger(__name__)

# Backends that store secrets in a file we would not call secure (keyrings.alt), or that would
# prompt for a master password from a worker thread: refuse them rather than leak the token.
_REFUSED_MODULE_PREFIXES = ("keyrings.alt",)
_REFUSED_NAMES = ("PlaintextKeyring", "EncryptedKeyring", "Null")


def _keyring() -> ModuleType:
    """keyring, imported when a keychain is first asked for: the embedded demo never asks."""
    import keyring
    import keyring.errors

    return keyring


def _usable(backend: keyring.backend.KeyringBackend) -> bool:
    from keyring.backends import chainer, fail

    if isinstance(backend, fail.Keyring):
        return False
    if isinstance(backend, chainer.ChainerBackend):
        return any(_usable(b) for b in backend.backends)
    cls = type(backend)
    return not (cls.__module__.startswith(_REFUSED_MODULE_PREFIXES) or cls.__name__ in _REFUSED_NAMES)


class TokenStore:
    """Refresh tokens per (backend URL, account, username) under one keychain service."""

    def __init__(self, service: str = "VendorCenter") -> None:
        self.service = service

    @staticmethod
    def _key(backend_url: str, account_id: str, username: str) -> str:
        return f"{backend_url.rstrip('/')}|{account_id}|{username}"

    def available(self) -> bool:
        """Whether a secure keychain can hold the token on this machine."""
        keyring = _keyring()
        try:
            return _usable(keyring.get_keyring())
        except keyring.errors.KeyringError:
            return False

    def save(self, backend_url: str, account_id: str, username: str, refresh_token: str) -> bool:
        """Store the refresh token; False (and nothing stored) when there is no secure keychain."""
        if not self.available():
            return False
        keyring = _keyring()
        try:
            keyring.set_password(self.service, self._key(backend_url, account_id, username), refresh_token)
        except keyring.errors.KeyringError as exc:  # locked keychain, user said no, too long, …
            log.warning("could not save the refresh token in the keychain: %s", exc)
            return False
        return True

    def load(self, backend_url: str, account_id: str, username: str) -> str | None:
        if not self.available():
            return None
        keyring = _keyring()
        try:
            return keyring.get_password(self.service, self._key(backend_url, account_id, username))
        except keyring.errors.KeyringError as exc:
            log.warning("could not read the keychain: %s", exc)
            return None

    def forget(self, backend_url: str, account_id: str, username: str) -> None:
        if not self.available():
            return
        keyring = _keyring()
        try:
            keyring.delete_password(self.service, self._key(backend_url, account_id, username))
        except keyring.errors.PasswordDeleteError:
            pass  # nothing stored: already forgotten
        except keyring.errors.KeyringError as exc:
            log.warning("could not delete the refresh token from the keychain: %s", exc)


class SessionOnlyTokenStore(TokenStore):
    """For the embedded demo: the password is known, so nothing goes into the keychain; tokens
    live as long as the process."""

    def __init__(self) -> None:
        super().__init__()
        self._tokens: dict[tuple[str, str, str], str] = {}

    def available(self) -> bool:
        return True

    def save(self, backend_url: str, account_id: str, username: str, refresh_token: str) -> bool:
        self._tokens[(backend_url, account_id, username)] = refresh_token
        return True

    def load(self, backend_url: str, account_id: str, username: str) -> str | None:
        return self._tokens.get((backend_url, account_id, username))

    def forget(self, backend_url: str, account_id: str, username: str) -> None:
        self._tokens.pop((backend_url, account_id, username), None)
