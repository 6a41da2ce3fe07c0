"""The HTTP client's view of failures: envelope → ApiError, anything not our backend → offline."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.sync.conftest import free_port
from vendor_desktop.sync.client import MarketplaceClient
from vendor_desktop.sync.errors import ApiError, BackendUnreachable, NotSignedIn


class _Scripted(BaseHTTPRequestHandler):
    """Answers every request with the server's ``reply`` (status, content type, body)."""

    def _answer(self) -> None:
        self.server.requests.append((self.command, self.path, dict(self.headers)))  # type: ignore[attr-defined]
        status, ctype, body = self.server.reply  # type: ignore[attr-defined]
        payload = body.encode() if isinstance(body, str) else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    do_GET = do_POST = _answer

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def scripted() -> Iterator[ThreadingHTTPServer]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Scripted)
    server.requests = []  # type: ignore[attr-defined]
    server.reply = (200, "application/json", {})  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def _client(server: ThreadingHTTPServer) -> MarketplaceClient:
    return MarketplaceClient(f"http://127.0.0.1:{server.server_address[1]}/", timeout=2)


def test_error_envelope_becomes_api_error(scripted: ThreadingHTTPServer) -> None:
    scripted.reply = (409, "application/json", {  # type: ignore[attr-defined]
        "error": {"code": "ORDER_NOT_UNPAID", "message": "Paid already", "message_zh": "订单已支付",
                  "details": {"state": "paid"}}})
    client = _client(scripted)
    client.set_refresh_token(None)
    with pytest.raises(ApiError) as err:
        client.health()
    assert (err.value.status, err.value.code, err.value.message_zh) == (409, "ORDER_NOT_UNPAID", "订单已支付")
    assert err.value.details == {"state": "paid"}


def test_a_proxy_error_page_means_offline(scripted: ThreadingHTTPServer) -> None:
    scripted.reply = (502, "text/html", "<html>Bad Gateway</html>")  # type: ignore[attr-defined]
    with pytest.raises(BackendUnreachable):
        _client(scripted).health()


def test_a_captive_portal_page_means_offline(scripted: ThreadingHTTPServer) -> None:
    scripted.reply = (200, "text/html", "<html>Sign in to the hotel Wi-Fi</html>")  # type: ignore[attr-defined]
    with pytest.raises(BackendUnreachable):
        _client(scripted).health()


def test_a_non_envelope_client_error_is_still_an_api_error(scripted: ThreadingHTTPServer) -> None:
    scripted.reply = (404, "text/plain", "nope")  # type: ignore[attr-defined]
    with pytest.raises(ApiError) as err:
        _client(scripted).health()
    assert err.value.code == "HTTP_404"


def test_connection_refused_means_offline() -> None:
    with pytest.raises(BackendUnreachable):
        MarketplaceClient(f"http://127.0.0.1:{free_port()}", timeout=2).health()


def test_no_tokens_means_not_signed_in(scripted: ThreadingHTTPServer) -> None:
    with pytest.raises(NotSignedIn):
        _client(scripted).changes(None, 10)
    assert scripted.requests == []  # type: ignore[attr-defined]


def test_mutating_calls_carry_an_idempotency_key_and_the_callers_is_kept(scripted: ThreadingHTTPServer) -> None:
    client = _client(scripted)
    scripted.reply = (200, "application/json", {  # type: ignore[attr-defined]
        "access_token": "a", "refresh_token": "r", "expires_in": 900,
        "user": {"id": "u", "username": "owner", "display_name": "O", "role": "owner",
                 "permissions": ["orders.read"], "account_id": "acct"}})
    client.login("acct", "owner", "pw")
    client.request("POST", "/orders/1/price-change", {"new_price_fen": 1}, headers={"Idempotency-Key": "k-1"})
    client.request("GET", "/health")
    (_m1, _p1, login_h), (_m2, path, cmd_h), (_m3, _p3, get_h) = scripted.requests  # type: ignore[attr-defined]
    assert path == "/api/v1/orders/1/price-change"
    assert cmd_h["Idempotency-Key"] == "k-1" and cmd_h["Authorization"] == "Bearer a"
    assert "Idempotency-Key" in login_h and "Authorization" not in login_h
    assert "Idempotency-Key" not in get_h
