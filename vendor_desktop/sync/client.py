"""HTTP client for the marketplace backend (API.md), one ``requests.Session`` per client.

It holds the tokens and hides the access token's short life: a 401 on an authenticated call
refreshes once and retries. Refresh tokens rotate (the old one stops working), so every new
refresh token goes to ``on_tokens``, which saves it in the keychain. A refresh whose answer is
lost is sent again with the same token, which the server answers with the same pair.
"""

from __future__ import annotations

import email.message
import logging
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import requests

from vendor_desktop.sync.errors import ApiError, BackendUnreachable, NotSignedIn

log = logging.getLogger(__name__)

_REFRESHABLE = {"INVALID_TOKEN", "NOT_AUTHENTICATED"}
#: Sends of one refresh token when no answer arrives: a retry soon after a lost answer gets the
#: same pair (API.md's 60-second grace); more would only delay "offline" when the server is down.
_REFRESH_ATTEMPTS = 3
_MUTATING = {"POST", "PUT", "PATCH", "DELETE"}


@dataclass(frozen=True)
class SignedInUser:
    """The user the tokens belong to; ``role`` and ``permissions`` per SPEC §11."""

    id: str
    username: str
    display_name: str
    role: str
    permissions: frozenset[str]
    account_id: str

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SignedInUser:
        return cls(
            id=str(data["id"]),
            username=str(data.get("username", "")),
            display_name=str(data.get("display_name") or data.get("username", "")),
            role=str(data.get("role", "")),
            permissions=frozenset(str(p) for p in data.get("permissions") or ()),
            account_id=str(data.get("account_id", "")),
        )

    def to_json(self) -> dict[str, Any]:
        """For ``cache.sync_state.save_signed_in_user`` (the role is needed offline)."""
        return {
            "id": self.id,
            "username": self.username,
            "display_name": self.display_name,
            "role": self.role,
            "permissions": sorted(self.permissions),
            "account_id": self.account_id,
        }


@dataclass(frozen=True)
class LoginResult:
    access_token: str
    refresh_token: str
    expires_in: int
    user: SignedInUser


@dataclass(frozen=True)
class ChangesPage:
    cursor: str
    has_more: bool
    changes: list[dict[str, Any]]


class FetchedChanges:
    """A ``/sync/changes`` answer that arrived but is not decoded yet."""

    def __init__(self, api_url: str, response: requests.Response) -> None:
        self._api_url = api_url
        self._response = response

    def decode(self) -> ChangesPage:
        body = _decode(self._response)
        changes = body.get("changes")
        if not isinstance(body.get("cursor"), str) or not isinstance(changes, list):
            raise BackendUnreachable(f"unexpected /sync/changes response from {self._api_url}")
        return ChangesPage(cursor=body["cursor"], has_more=bool(body.get("has_more")), changes=changes)


class MarketplaceClient:
    """Calls ``{backend_url}/api/v1/...``; raises ApiError, BackendUnreachable or NotSignedIn."""

    def __init__(
        self,
        backend_url: str,
        *,
        timeout: float = 10.0,
        on_tokens: Callable[[str], None] | None = None,
    ) -> None:
        self.backend_url = backend_url.rstrip("/")
        self.api_url = self.backend_url + "/api/v1"
        self.timeout = timeout
        #: Called with each new refresh token obtained by a refresh (they rotate).
        self.on_tokens = on_tokens
        self.user: SignedInUser | None = None
        self._http = requests.Session()
        self._access_token: str | None = None
        self._refresh_token: str | None = None
        self._lock = threading.Lock()
        self._refresh_lock = threading.Lock()

    # --- tokens -------------------------------------------------------------------------

    @property
    def signed_in(self) -> bool:
        return self._access_token is not None or self._refresh_token is not None

    @property
    def refresh_token(self) -> str | None:
        return self._refresh_token

    def set_refresh_token(self, refresh_token: str | None) -> None:
        """Adopt a stored refresh token; the first authenticated call trades it for an access token."""
        with self._lock:
            self._refresh_token = refresh_token
            self._access_token = None

    def forget_tokens(self) -> None:
        with self._lock:
            self._access_token = self._refresh_token = None
            self.user = None

    def _adopt(self, body: dict[str, Any]) -> LoginResult:
        try:
            result = LoginResult(
                access_token=str(body["access_token"]),
                refresh_token=str(body["refresh_token"]),
                expires_in=int(body.get("expires_in") or 0),
                user=SignedInUser.from_json(body["user"]),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise BackendUnreachable(f"unexpected token response from {self.api_url}: {exc}") from exc
        with self._lock:
            self._access_token = result.access_token
            self._refresh_token = result.refresh_token
            self.user = result.user
        return result

    # --- calls --------------------------------------------------------------------------

    def health(self) -> dict[str, Any]:
        return self._send("GET", "/health", auth=False)

    def login(self, account_id: str, username: str, password: str) -> LoginResult:
        body = self._send(
            "POST",
            "/auth/login",
            {"account_id": account_id, "username": username, "password": password},
            auth=False,
        )
        return self._adopt(body)

    def refresh(self, refresh_token: str | None = None) -> LoginResult:
        """Trade the refresh token (given, or the one held) for a new pair; reports it to ``on_tokens``.

        When no answer arrives (reset, timeout, a proxy's error page) the server may well have
        rotated the token already, so the same token is sent again, at once: API.md keeps it
        usable for 60 s after rotation and answers with the same pair again, where a later
        retry would end the session. Until an answer arrives the client (and the keychain) keep
        the token they had; the pair finally received is adopted and reported."""
        token = refresh_token or self._refresh_token
        if not token:
            raise NotSignedIn("no refresh token")
        for attempt in range(1, _REFRESH_ATTEMPTS + 1):
            try:
                body = self._send("POST", "/auth/refresh", {"refresh_token": token}, auth=False)
                break
            except BackendUnreachable as exc:
                if attempt == _REFRESH_ATTEMPTS:
                    raise
                log.info("refresh got no answer (%s); sending the same token again", exc)
        result = self._adopt(body)
        if self.on_tokens is not None:
            self.on_tokens(result.refresh_token)
        return result

    def logout(self) -> None:
        """End the session on the server (its refresh token stops working) and drop the tokens."""
        try:
            if self.signed_in:
                self._send("POST", "/auth/logout")
        finally:
            self.forget_tokens()

    def changes(self, cursor: str | None, limit: int) -> ChangesPage:
        return self.fetch_changes(cursor, limit).decode()

    def fetch_changes(self, cursor: str | None, limit: int) -> FetchedChanges:
        """The network half of ``changes``: the page's body arrives, the caller decodes it.

        The puller fetches the next page on a helper thread and decodes it on its own: decoding
        2,000 changes holds the GIL for a while, and one thread doing it is kinder to the GUI."""
        params: dict[str, Any] = {"limit": limit}
        if cursor is not None:
            params["cursor"] = cursor
        return FetchedChanges(self.api_url, self._send_raw("GET", "/sync/changes", params=params))

    def request(
        self,
        method: str,
        path: str,
        json: Any = None,
        headers: dict[str, str] | None = None,
        *,
        files: dict[str, tuple[str, bytes, str]] | None = None,
    ) -> dict[str, Any]:
        """An authenticated call for commands. Mutating calls get an ``Idempotency-Key`` unless the
        caller (the outbox) passes its own, and keep it across the refresh-and-retry.

        ``files`` (part name → (filename, bytes, media type)) sends multipart/form-data instead of
        JSON: a ticket's attachment (R-TKT-1)."""
        return _decode(self._send_raw(method, path, json, headers=headers, files=files))

    def download(self, path: str) -> tuple[bytes, str, str]:
        """A file the API serves (GET, e.g. a ticket's attachment): (bytes, media type, filename
        from ``Content-Disposition``, empty when it names none)."""
        response = self._send_raw("GET", path)
        media_type = response.headers.get("Content-Type", "application/octet-stream").split(";")[0].strip()
        return response.content, media_type, _filename(response.headers.get("Content-Disposition", ""))

    def _send(
        self,
        method: str,
        path: str,
        json: Any = None,
        *,
        params: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
        auth: bool = True,
    ) -> dict[str, Any]:
        return _decode(self._send_raw(method, path, json, params=params, headers=headers, auth=auth))

    def _send_raw(
        self,
        method: str,
        path: str,
        json: Any = None,
        *,
        params: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
        auth: bool = True,
        files: dict[str, tuple[str, bytes, str]] | None = None,
    ) -> requests.Response:
        """The answer of a successful call, its body not decoded yet; failures raise."""
        method = method.upper()
        headers = dict(headers or {})
        if method in _MUTATING and not any(k.lower() == "idempotency-key" for k in headers):
            headers["Idempotency-Key"] = str(uuid.uuid4())
        if not auth:
            return self._once(method, path, json, params, headers, None, files)
        token = self._access_token or self._refresh_for(None, None)
        try:
            return self._once(method, path, json, params, headers, token, files)
        except ApiError as err:
            if err.status != 401 or err.code not in _REFRESHABLE or not self._refresh_token:
                raise
            token = self._refresh_for(token, err)
            return self._once(method, path, json, params, headers, token, files)

    def _refresh_for(self, rejected: str | None, cause: ApiError | None) -> str:
        """A fresh access token. Refreshes at most once for a rejected token, even when several
        threads hit the 401 together: presenting a rotated refresh token twice looks like theft
        to the server, which then ends the whole session."""
        with self._refresh_lock:
            if self._access_token is not None and self._access_token != rejected:
                return self._access_token  # another thread refreshed meanwhile
            if not self._refresh_token:
                raise NotSignedIn("sign in first") from cause
            try:
                return self.refresh().access_token
            except ApiError as err:
                if err.status == 401:
                    # The session ended on the server (signed out elsewhere, expired, revoked).
                    self.forget_tokens()
                    raise NotSignedIn(err.message or "the session has ended") from err
                raise

    def _once(
        self,
        method: str,
        path: str,
        json: Any,
        params: dict[str, Any] | None,
        headers: dict[str, str],
        access_token: str | None,
        files: dict[str, tuple[str, bytes, str]] | None = None,
    ) -> requests.Response:
        if access_token:
            headers = {**headers, "Authorization": f"Bearer {access_token}"}
        try:
            response = self._http.request(
                method, self.api_url + path, json=None if files else json, files=files, params=params,
                headers=headers, timeout=self.timeout,
            )
        except requests.RequestException as exc:
            # Refused, timed out, DNS, TLS, reset mid-body: all mean "offline" to the user.
            raise BackendUnreachable(f"{method} {self.api_url}{path}: {exc}") from exc
        if not 200 <= response.status_code < 300:
            _decode(response)  # raises the error the answer describes
        return response


def _filename(disposition: str) -> str:
    """The filename of a ``Content-Disposition`` header (RFC 6266: ``filename*`` first)."""
    message = email.message.Message()
    message["content-disposition"] = disposition
    name = message.get_filename()  # decodes filename*=UTF-8''…
    return Path(name).name if name else ""


def _decode(response: requests.Response) -> dict[str, Any]:
    status = response.status_code
    if status == 204 or (200 <= status < 300 and not response.content):
        return {}
    try:
        body = response.json()
    except ValueError:
        body = None
    if 200 <= status < 300:
        if not isinstance(body, dict):
            # A captive portal or a proxy page: not our backend.
            raise BackendUnreachable(f"non-JSON {status} answer from {response.url}")
        return body
    error = ApiError.from_envelope(status, body)
    if error is not None:
        raise error
    if status >= 500 or status in (407, 408):
        # A gateway or proxy answered, not the backend: treat like no connection.
        raise BackendUnreachable(f"HTTP {status} without an error envelope from {response.url}")
    raise ApiError(status, f"HTTP_{status}", response.reason or "", "", {})
