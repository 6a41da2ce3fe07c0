"""What can go wrong talking to the backend, in three kinds the app reacts to differently."""

from __future__ import annotations

from typing import Any


class ApiError(Exception):
    """The backend answered with the error envelope of API.md (``{"error": {...}}``).

    The user sees ``message`` or ``message_zh`` (by UI language); code decides on ``code``.
    """

    def __init__(
        self,
        status: int,
        code: str,
        message: str = "",
        message_zh: str = "",
        details: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.message_zh = message_zh
        self.details = details or {}

    @classmethod
    def from_envelope(cls, status: int, body: Any) -> ApiError | None:
        """The error in ``body``, or None if ``body`` is not the envelope."""
        if not isinstance(body, dict) or not isinstance(body.get("error"), dict):
            return None
        err = body["error"]
        details = err.get("details")
        return cls(
            status,
            str(err.get("code") or f"HTTP_{status}"),
            str(err.get("message") or ""),
            str(err.get("message_zh") or ""),
            details if isinstance(details, dict) else {},
        )


class BackendUnreachable(Exception):
    """No answer from the backend itself: connection refused, timeout, DNS, TLS, or a proxy's
    non-JSON 5xx page. The app keeps working offline on the cache and retries with backoff."""


class NotSignedIn(Exception):
    """The call needs a signed-in user and there is none (or the session ended on the server):
    the app asks for the password again."""
