"""Signing in and out (登录): the refresh token goes to the OS keychain, never the password.

Network and disk work (the login call, opening the cache and applying migrations) run on the
background runner; the GUI thread only hears the outcome.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Signal

from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.cache.core.legacy import adopt_legacy_commands
from vendor_desktop.cache.core.paths import cache_file_for, legacy_cache_file_for
from vendor_desktop.cache.core.sync_state import save_signed_in_user, signed_in_user
from vendor_desktop.sync import auth
from vendor_desktop.sync.client import MarketplaceClient, SignedInUser
from vendor_desktop.sync.errors import ApiError, BackendUnreachable
from vendor_desktop.sync.token_store import TokenStore
from vendor_desktop.viewmodels.core.background import BackgroundRunner
from vendor_desktop.viewmodels.core.labels import server_message

MAX_FIELD = 200


@dataclass
class Session:
    """Everything that belongs to one signed-in (backend, account, user)."""

    backend_url: str
    cache_key: str  # what names the cache file; the embedded sandbox uses a stable key
    user: SignedInUser
    client: MarketplaceClient
    db: CacheDatabase
    online: bool
    token_saved: bool = False

    @property
    def account_id(self) -> str:
        return self.user.account_id


def open_cache_for(cache_key: str, account_id: str, username: str) -> CacheDatabase:
    """The signed-in user's own cache, with that user's unsent changes from an older version's
    per-account file moved into it (``cache.legacy``)."""
    db = CacheDatabase.open(cache_file_for(cache_key, account_id, username))
    adopt_legacy_commands(legacy_cache_file_for(cache_key, account_id), db, username)
    return db


class SessionViewModel(QObject):
    """Sign in with a password, resume from the keychain, or open offline on the cache."""

    busy_changed = Signal(bool)
    signed_in = Signal(object)  # Session
    sign_in_failed = Signal(str)  # a message in the user's language
    needs_password = Signal(str)  # why we cannot sign in by ourselves
    signed_out = Signal()

    def __init__(
        self,
        runner: BackgroundRunner,
        token_store: TokenStore,
        client_factory: Callable[[str], MarketplaceClient] = MarketplaceClient,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._store = token_store
        self._client_factory = client_factory
        self.busy = False

    @property
    def keychain_available(self) -> bool:
        return self._store.available()

    def keychain_note(self) -> str:
        if self.keychain_available:
            return QCoreApplication.translate(
                "SessionViewModel", "You stay signed in: a sign-in token is kept in the system keychain."
            )
        return QCoreApplication.translate(
            "SessionViewModel",
            "No secure keychain on this computer: you will be asked for your password each time.",
        )

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.busy_changed.emit(busy)

    # -- with a password -----------------------------------------------------------------------
    def validate(self, backend_url: str, account_id: str, username: str, password: str) -> str:
        """What is wrong with the form before anything is sent ("" if nothing)."""
        if not backend_url.strip().lower().startswith(("http://", "https://")):
            return QCoreApplication.translate(
                "SessionViewModel", "The marketplace address must start with http:// or https://."
            )
        if not account_id.strip():
            return QCoreApplication.translate("SessionViewModel", "Enter your account ID.")
        if not username.strip():
            return QCoreApplication.translate("SessionViewModel", "Enter your username.")
        if not password:
            return QCoreApplication.translate("SessionViewModel", "Enter your password.")
        if any(len(v) > MAX_FIELD for v in (backend_url, account_id, username, password)):
            return QCoreApplication.translate("SessionViewModel", "A field is too long.")
        return ""

    def sign_in(
        self, backend_url: str, account_id: str, username: str, password: str, *, cache_key: str | None = None
    ) -> None:
        problem = self.validate(backend_url, account_id, username, password)
        if problem:
            self.sign_in_failed.emit(problem)
            return
        backend_url = backend_url.strip().rstrip("/")
        account_id, username = account_id.strip(), username.strip()
        key = cache_key or backend_url

        def work() -> Session:
            client = self._client_factory(backend_url)
            result = auth.sign_in(client, self._store, backend_url, account_id, username, password)
            db = open_cache_for(key, result.user.account_id, result.user.username)
            with db.session(write=True) as s, s.begin():
                save_signed_in_user(s, result.user.to_json())
            return Session(backend_url, key, result.user, client, db, online=True, token_saved=result.token_saved)

        self._set_busy(True)
        self._runner.submit(work, on_done=self._done, on_error=self._failed)

    # -- from the keychain, or offline -------------------------------------------------------
    def resume(self, backend_url: str, account_id: str, username: str, *, cache_key: str | None = None) -> None:
        """Automatic sign-in at start; unreachable backend → open on the cached data, offline."""
        key = cache_key or backend_url

        def work() -> Session | None:
            client = self._client_factory(backend_url)
            try:
                user = auth.resume(client, self._store, backend_url, account_id, username)
            except BackendUnreachable:
                # Only this user's own file: another user's cache is never opened for them.
                path = cache_file_for(key, account_id, username)
                if not path.exists():
                    raise
                db = open_cache_for(key, account_id, username)
                with db.session() as s:
                    data = signed_in_user(s)
                cached = SignedInUser.from_json(data) if data else None
                if cached is None:
                    db.close()
                    raise
                # Keep the refresh token in the client: the engine signs in again on reconnect.
                client.set_refresh_token(self._store.load(backend_url, account_id, username))
                return Session(backend_url, key, cached, client, db, online=False)
            if user is None:
                return None
            db = open_cache_for(key, user.account_id, user.username)
            with db.session(write=True) as s, s.begin():
                save_signed_in_user(s, user.to_json())
            return Session(backend_url, key, user, client, db, online=True, token_saved=True)

        def done(session: Session | None) -> None:
            if session is None:
                self._set_busy(False)
                self.needs_password.emit(QCoreApplication.translate("SessionViewModel", "Please sign in."))
            else:
                self._done(session)

        self._set_busy(True)
        self._runner.submit(work, on_done=done, on_error=self._failed)

    def sign_out(self, session: Session, username: str) -> None:
        """Forget the token here even when the backend cannot be told."""

        def work() -> None:
            auth.sign_out(session.client, self._store, session.backend_url, session.account_id, username)

        self._runner.submit(work, on_done=lambda _: self.signed_out.emit(), on_error=lambda _: self.signed_out.emit())

    def _done(self, session: Session) -> None:
        self._set_busy(False)
        self.signed_in.emit(session)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.sign_in_failed.emit(describe_error(exc))


def describe_error(exc: BaseException) -> str:
    """An error a user can act on, in their language."""
    if isinstance(exc, BackendUnreachable):
        return QCoreApplication.translate(
            "SessionViewModel", "Cannot reach the marketplace. Check the address and your connection."
        )
    if isinstance(exc, ApiError):
        if exc.code == "INVALID_CREDENTIALS":
            return QCoreApplication.translate("SessionViewModel", "Wrong account ID, username or password.")
        if exc.code == "RATE_LIMITED":
            return QCoreApplication.translate(
                "SessionViewModel", "Too many failed attempts. Wait 15 minutes and try again."
            )
        return server_message(exc.message, exc.message_zh)
    return QCoreApplication.translate("SessionViewModel", "Something went wrong: %1").replace(
        "%1", str(exc) or type(exc).__name__
    )
