"""A refresh whose answer is lost on the way does not sign the user out (API.md "Health and auth":
the previous refresh token returns the same pair again for 60 s; issue 9.9). Over real HTTP,
through a proxy that lets the server handle the refresh and then loses its answer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from tests.faults.proxy import FaultProxy
from tests.sync.conftest import Vendor, operator
from vendor_desktop.sandbox.embedded import EmbeddedSandbox
from vendor_desktop.sync.auth import sign_in
from vendor_desktop.sync.client import MarketplaceClient
from vendor_desktop.sync.errors import ApiError, BackendUnreachable, NotSignedIn
from vendor_desktop.sync.token_store import TokenStore

REFRESH = "/api/v1/auth/refresh"


@pytest.fixture
def proxy(sandbox: EmbeddedSandbox) -> Iterator[FaultProxy]:
    with FaultProxy("127.0.0.1", sandbox.port) as p:
        yield p


def _set_clock(sandbox: EmbeddedSandbox, moment: dt.datetime) -> None:
    operator(sandbox, "POST", "/clock", {"now": moment.isoformat()})


@pytest.mark.parametrize("reset", [False, True], ids=["closed", "reset"])
def test_a_refresh_whose_answer_is_lost_is_sent_again_and_gets_the_same_pair(
    sandbox: EmbeddedSandbox, vendor: Vendor, proxy: FaultProxy, reset: bool
) -> None:
    store = TokenStore()
    client = MarketplaceClient(proxy.base_url, timeout=5)
    sign_in(client, store, proxy.base_url, vendor.account_id, "owner", vendor.passwords["owner"])
    signed_in_with = store.load(proxy.base_url, vendor.account_id, "owner")
    assert signed_in_with is not None
    # The access token expires (15 minutes by the sandbox's clock): the next call refreshes, and
    # the server rotates the tokens, but its answer never reaches the client.
    later = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=20)
    _set_clock(sandbox, later)
    lost = proxy.drop_response("POST", REFRESH, reset=reset)

    assert client.changes(None, 5).changes  # still signed in: no sign-out, no error
    assert lost.hits == 1 and proxy.seen("POST", REFRESH) == 2  # sent again with the same token
    held = (client._access_token, client.refresh_token)
    assert held[1] != signed_in_with
    assert store.load(proxy.base_url, vendor.account_id, "owner") == held[1]  # saved in the keychain
    # What the client holds is the pair of the first (lost) answer: within 60 s the old token
    # yields exactly that pair again, so the server rotated once.
    direct = MarketplaceClient(sandbox.base_url)
    again = direct.refresh(signed_in_with)
    assert (again.access_token, again.refresh_token) == held

    # Later reuse of the old token is theft (API.md): it ends the session, this client's too.
    _set_clock(sandbox, later + dt.timedelta(seconds=61))
    with pytest.raises(ApiError) as err:
        direct.refresh(signed_in_with)
    assert (err.value.status, err.value.code) == (401, "INVALID_TOKEN")
    with pytest.raises(NotSignedIn):
        client.changes(None, 5)


def test_when_no_answer_comes_at_all_the_old_token_is_kept_and_later_gets_the_same_pair(
    sandbox: EmbeddedSandbox, vendor: Vendor, proxy: FaultProxy
) -> None:
    store = TokenStore()
    client = MarketplaceClient(proxy.base_url, timeout=5)
    sign_in(client, store, proxy.base_url, vendor.account_id, "owner", vendor.passwords["owner"])
    signed_in_with = store.load(proxy.base_url, vendor.account_id, "owner")
    later = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=20)
    _set_clock(sandbox, later)
    lost = proxy.drop_response("POST", REFRESH, times=3)

    with pytest.raises(BackendUnreachable):
        client.changes(None, 5)  # every answer lost: offline, for now
    assert lost.hits == 3 and proxy.seen("POST", REFRESH) == 3  # each time with the same token
    # Nothing replaced the token the server may still honour: neither the client nor the keychain.
    assert client.signed_in and client.refresh_token == signed_in_with
    assert store.load(proxy.base_url, vendor.account_id, "owner") == signed_in_with

    _set_clock(sandbox, later + dt.timedelta(seconds=30))  # back online within the 60 s
    assert client.changes(None, 5).changes
    held = (client._access_token, client.refresh_token)
    assert store.load(proxy.base_url, vendor.account_id, "owner") == held[1] != signed_in_with
    # The pair the first, lost answer carried: the server rotated once, however often it was asked.
    again = MarketplaceClient(sandbox.base_url).refresh(signed_in_with)
    assert (again.access_token, again.refresh_token) == held
