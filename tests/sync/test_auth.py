"""Sign-in, automatic sign-in from the keychain, sign-out, and token refresh (DESIGN "Credentials")."""

from __future__ import annotations

import datetime as dt

import keyring.backends.chainer
import keyring.backends.fail
import pytest

from tests.conftest import MemoryKeyring
from tests.sync.conftest import Vendor, operator
from vendor_desktop.sandbox.embedded import EmbeddedSandbox
from vendor_desktop.sync.auth import resume, sign_in, sign_out
from vendor_desktop.sync.client import MarketplaceClient
from vendor_desktop.sync.errors import ApiError, BackendUnreachable, NotSignedIn
from vendor_desktop.sync.token_store import TokenStore


def _sign_in(sandbox: EmbeddedSandbox, vendor: Vendor, store: TokenStore, username: str = "owner"):
    client = MarketplaceClient(sandbox.base_url)
    result = sign_in(client, store, sandbox.base_url, vendor.account_id, username, vendor.passwords[username])
    return client, result


def test_sign_in_stores_only_the_refresh_token(
    sandbox: EmbeddedSandbox, vendor: Vendor, memory_keyring: MemoryKeyring
) -> None:
    client, result = _sign_in(sandbox, vendor, TokenStore())
    assert result.token_saved is True
    assert result.user.role == "owner" and result.user.account_id == vendor.account_id
    assert "orders.read" in result.user.permissions
    assert list(memory_keyring.items.values()) == [client.refresh_token]
    stored = " ".join(k + v for (_s, k), v in memory_keyring.items.items())
    assert vendor.passwords["owner"] not in stored


def test_wrong_password_stores_nothing(
    sandbox: EmbeddedSandbox, vendor: Vendor, memory_keyring: MemoryKeyring
) -> None:
    client = MarketplaceClient(sandbox.base_url)
    with pytest.raises(ApiError) as err:
        sign_in(client, TokenStore(), sandbox.base_url, vendor.account_id, "owner", "not-the-password")
    assert (err.value.status, err.value.code) == (401, "INVALID_CREDENTIALS")
    assert memory_keyring.items == {}
    assert not client.signed_in


def test_resume_after_restart_signs_in_from_the_keychain(sandbox: EmbeddedSandbox, vendor: Vendor) -> None:
    store = TokenStore()
    _first, _ = _sign_in(sandbox, vendor, store)
    stored = store.load(sandbox.base_url, vendor.account_id, "owner")

    # A new process: a new client, only the keychain remembers.
    client = MarketplaceClient(sandbox.base_url)
    user = resume(client, store, sandbox.base_url, vendor.account_id, "owner")
    assert user is not None and user.username == "owner"
    # Refresh tokens rotate; the keychain holds the new one, which the server accepts.
    rotated = store.load(sandbox.base_url, vendor.account_id, "owner")
    assert rotated is not None and rotated != stored
    assert client.changes(None, 1).changes


def test_resume_without_a_stored_token_is_none(sandbox: EmbeddedSandbox, vendor: Vendor) -> None:
    assert resume(MarketplaceClient(sandbox.base_url), TokenStore(), sandbox.base_url, vendor.account_id,
                  "owner") is None


def test_resume_with_a_stale_token_forgets_it(sandbox: EmbeddedSandbox, vendor: Vendor) -> None:
    store = TokenStore()
    store.save(sandbox.base_url, vendor.account_id, "owner", "revoked-or-made-up")
    client = MarketplaceClient(sandbox.base_url)
    assert resume(client, store, sandbox.base_url, vendor.account_id, "owner") is None
    assert store.load(sandbox.base_url, vendor.account_id, "owner") is None
    assert not client.signed_in


def test_resume_offline_raises_and_keeps_the_token(sandbox: EmbeddedSandbox, vendor: Vendor) -> None:
    store = TokenStore()
    _sign_in(sandbox, vendor, store)
    url = sandbox.base_url
    sandbox.stop()
    with pytest.raises(BackendUnreachable):
        resume(MarketplaceClient(url, timeout=2), store, url, vendor.account_id, "owner")
    assert store.load(url, vendor.account_id, "owner") is not None


def test_sign_out_ends_the_session_and_forgets_the_token(sandbox: EmbeddedSandbox, vendor: Vendor) -> None:
    store = TokenStore()
    client, _ = _sign_in(sandbox, vendor, store)
    refresh_token = client.refresh_token
    sign_out(client, store, sandbox.base_url, vendor.account_id, "owner")
    assert store.load(sandbox.base_url, vendor.account_id, "owner") is None
    assert not client.signed_in
    with pytest.raises(ApiError) as err:
        MarketplaceClient(sandbox.base_url).refresh(refresh_token)
    assert err.value.code == "INVALID_TOKEN"


def test_sign_out_offline_still_forgets_locally(sandbox: EmbeddedSandbox, vendor: Vendor) -> None:
    store = TokenStore()
    client, _ = _sign_in(sandbox, vendor, store)
    url = sandbox.base_url
    sandbox.stop()
    sign_out(client, store, url, vendor.account_id, "owner")
    assert store.load(url, vendor.account_id, "owner") is None
    assert not client.signed_in


def test_expired_access_token_is_refreshed_once_and_the_rotated_token_saved(
    sandbox: EmbeddedSandbox, vendor: Vendor
) -> None:
    store = TokenStore()
    client, _ = _sign_in(sandbox, vendor, store)
    before = store.load(sandbox.base_url, vendor.account_id, "owner")
    # Access tokens live 15 minutes by the sandbox's clock.
    later = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=20)
    operator(sandbox, "POST", "/clock", {"now": later.isoformat()})

    page = client.changes(None, 5)
    assert page.changes
    after = store.load(sandbox.base_url, vendor.account_id, "owner")
    assert after == client.refresh_token and after != before
    # The old refresh token was rotated away (once its 60 s grace for a lost answer is over).
    operator(sandbox, "POST", "/clock", {"now": (later + dt.timedelta(seconds=61)).isoformat()})
    with pytest.raises(ApiError):
        MarketplaceClient(sandbox.base_url).refresh(before)


def test_a_session_ended_elsewhere_means_sign_in_again(sandbox: EmbeddedSandbox, vendor: Vendor) -> None:
    store = TokenStore()
    client, _ = _sign_in(sandbox, vendor, store)
    # Another client presents the same session's refresh token: rotation, then our copy is stale.
    other = MarketplaceClient(sandbox.base_url)
    other.refresh(client.refresh_token)
    later = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=20)
    operator(sandbox, "POST", "/clock", {"now": later.isoformat()})
    with pytest.raises(NotSignedIn):
        client.changes(None, 5)
    assert not client.signed_in


def test_no_secure_keychain_means_nothing_is_stored(
    sandbox: EmbeddedSandbox, vendor: Vendor, monkeypatch: pytest.MonkeyPatch
) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())
    store = TokenStore()
    assert store.available() is False
    _client, result = _sign_in(sandbox, vendor, store)
    assert result.token_saved is False and result.user.username == "owner"
    assert store.load(sandbox.base_url, vendor.account_id, "owner") is None
    store.forget(sandbox.base_url, vendor.account_id, "owner")  # harmless
    assert resume(MarketplaceClient(sandbox.base_url), store, sandbox.base_url, vendor.account_id,
                  "owner") is None


class _EmptyChainer(keyring.backends.chainer.ChainerBackend):
    backends = ()  # what keyring finds on a headless Linux box without Secret Service


class _ChainerOfFail(keyring.backends.chainer.ChainerBackend):
    backends = (keyring.backends.fail.Keyring(),)


@pytest.mark.parametrize("chainer", [_EmptyChainer, _ChainerOfFail])
def test_a_chainer_with_no_usable_backend_is_not_available(chainer: type) -> None:
    keyring.set_keyring(chainer())
    store = TokenStore()
    assert store.available() is False
    assert store.save("http://a:1", "acct", "owner", "t") is False


def test_tokens_are_kept_per_backend_account_and_user(memory_keyring: MemoryKeyring) -> None:
    store = TokenStore()
    assert store.available()
    assert store.save("http://a:1/", "acct", "owner", "t1")
    assert store.save("http://a:1", "acct", "finance", "t2")
    assert store.save("http://b:1", "acct", "owner", "t3")
    assert store.load("http://a:1", "acct", "owner") == "t1"  # a trailing slash is the same backend
    assert store.load("http://a:1", "acct", "finance") == "t2"
    store.forget("http://a:1", "acct", "owner")
    assert store.load("http://a:1", "acct", "owner") is None
    store.forget("http://a:1", "acct", "owner")  # twice is fine
    assert len(memory_keyring.items) == 2


def test_threads_hitting_an_expired_token_together_refresh_only_once(
    sandbox: EmbeddedSandbox, vendor: Vendor
) -> None:
    import threading

    store = TokenStore()
    client, _ = _sign_in(sandbox, vendor, store)
    later = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=20)
    operator(sandbox, "POST", "/clock", {"now": later.isoformat()})
    errors: list[BaseException] = []

    def pull() -> None:
        try:
            client.changes(None, 5)
        except BaseException as exc:  # collected and asserted in the test thread
            errors.append(exc)

    threads = [threading.Thread(target=pull) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    # Refreshing twice with the same token would look like theft and end the session.
    assert errors == []
    assert client.changes(None, 1).changes
    assert store.load(sandbox.base_url, vendor.account_id, "owner") == client.refresh_token
