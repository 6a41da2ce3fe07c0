"""Signing in, resuming a session from the keychain, and signing out.

Only the refresh token is kept (in the keychain, ``TokenStore``); the password is sent once and
forgotten. While signed in, the client's ``on_tokens`` saves each rotated refresh token, so
the stored one is always the one the server will accept. A refresh whose answer is lost saves
nothing: the stored token stays the old one, which the server still answers for 60 s with the
same pair (API.md), and the client sends it again at once (``MarketplaceClient.refresh``).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from vendor_desktop.sync.client import MarketplaceClient, SignedInUser
from vendor_desktop.sync.errors import ApiError, BackendUnreachable, NotSignedIn
from vendor_desktop.sync.token_store import TokenStore

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SignInResult:
    user: SignedInUser
    #: False when no secure keychain exists: the user will be asked for the password next time.
    token_saved: bool


def _keep_rotated_tokens(
    client: MarketplaceClient, store: TokenStore, backend_url: str, account_id: str, username: str
) -> None:
    def save(refresh_token: str) -> None:
        store.save(backend_url, account_id, username, refresh_token)

    client.on_tokens = save


def sign_in(
    client: MarketplaceClient,
    store: TokenStore,
    backend_url: str,
    account_id: str,
    username: str,
    password: str,
) -> SignInResult:
    """Log in with the password. A wrong password raises ApiError 401 INVALID_CREDENTIALS
    (429 RATE_LIMITED after five) and stores nothing."""
    result = client.login(account_id, username, password)
    saved = store.save(backend_url, account_id, username, result.refresh_token)
    _keep_rotated_tokens(client, store, backend_url, account_id, username)
    return SignInResult(user=result.user, token_saved=saved)


def resume(
    client: MarketplaceClient, store: TokenStore, backend_url: str, account_id: str, username: str
) -> SignedInUser | None:
    """Sign in automatically with the stored refresh token.

    None when nothing is stored, or the server no longer accepts it (then it is forgotten).
    BackendUnreachable propagates: the app opens offline on the cache (the stored token stays
    for the next attempt).
    """
    token = store.load(backend_url, account_id, username)
    if not token:
        return None
    _keep_rotated_tokens(client, store, backend_url, account_id, username)
    try:
        # refresh() reports the rotated token to on_tokens, which saves it.
        return client.refresh(token).user
    except ApiError as err:
        if err.status != 401:
            raise
        log.info("the stored session is no longer valid (%s); asking for the password", err.code)
        store.forget(backend_url, account_id, username)
        client.forget_tokens()
        client.on_tokens = None
        return None


def sign_out(
    client: MarketplaceClient, store: TokenStore, backend_url: str, account_id: str, username: str
) -> None:
    """End the session on the server if it can be reached, and forget the token here in any case."""
    client.on_tokens = None
    store.forget(backend_url, account_id, username)
    try:
        client.logout()
    except (BackendUnreachable, ApiError, NotSignedIn) as exc:
        # Offline or already ended: the local token is gone, which is what the user asked for.
        log.info("server sign-out did not complete: %s", exc)
