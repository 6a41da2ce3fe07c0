"""The hook through which every vendor command is written to the activity log (操作日志, issue 15),
and the two optional headers it records (API.md "Conventions": ``X-Client-Id``, ``X-Made-At``).

Core only calls the hook (idempotency.py); the ``activity`` area implements it and ``server.py``
installs it as ``app.state.command_log``. For each command request that claimed its key:
``before`` runs first in the command's transaction (the entity as it was), then either ``applied``
in that same transaction (atomic with the effect and the stored answer) or ``refused`` in the
transaction that stores a 4xx answer. A replay runs none of them, so one key writes one entry.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, Protocol

from fastapi import Header, Request
from sqlalchemy.orm import Session

from .auth import Caller
from .errors import ApiError

CLIENT_ID_HEADER = "X-Client-Id"
MADE_AT_HEADER = "X-Made-At"
_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_MAX_MADE_AT_LENGTH = 64


@dataclass(frozen=True)
class ClientHeaders:
    """What the desktop said about a command: its installation, and when the user made it."""

    client_id: str | None
    made_at: dt.datetime | None


class CommandEntry(Protocol):
    """One command's activity entry in the making (see the module docstring)."""

    def before(self, s: Session) -> None: ...

    def applied(self, s: Session, payload: dict[str, Any]) -> None: ...

    def refused(self, s: Session, status: int, body: bytes) -> None: ...


#: ``app.state.command_log``: the entry of a command request, or None when it writes none.
CommandLog = Callable[[Request, Caller, ClientHeaders], CommandEntry | None]


def client_headers(
    client_id: Annotated[
        str | None,
        Header(
            alias=CLIENT_ID_HEADER,
            description="Optional: the desktop installation that sent the command, a UUID (no personal data), "
            "recorded in the activity log. Not a UUID: 400 MALFORMED_REQUEST (details.header), nothing runs.",
        ),
    ] = None,
    made_at: Annotated[
        str | None,
        Header(
            alias=MADE_AT_HEADER,
            description="Optional: when the user made the change (ISO 8601 with a UTC offset, e.g. "
            "2026-11-24T09:30:00+08:00; maybe days ago, offline), recorded in the activity log; without it, the "
            "moment the server applied it. Malformed or without an offset: 400 MALFORMED_REQUEST "
            "(details.header), nothing runs.",
        ),
    ] = None,
) -> None:
    """Documents the headers in OpenAPI; the route class has already checked them by now."""


def _malformed(header: str, en: str, zh: str) -> ApiError:
    return ApiError(400, "MALFORMED_REQUEST", en, zh, details={"header": header})


def read_client_headers(request: Request) -> ClientHeaders:
    """Both headers checked: 400 ``MALFORMED_REQUEST`` naming the header, before anything runs."""
    raw_id = request.headers.get(CLIENT_ID_HEADER)
    client_id = None
    if raw_id is not None:
        if not _UUID.match(raw_id.strip()):
            raise _malformed(
                CLIENT_ID_HEADER,
                "X-Client-Id must be a UUID, e.g. 3f2b8c1e-7d4a-4b6e-9a0f-1c2d3e4f5a6b.",
                "X-Client-Id 须为 UUID，例如 3f2b8c1e-7d4a-4b6e-9a0f-1c2d3e4f5a6b。",
            )
        client_id = raw_id.strip().lower()
    raw_made = request.headers.get(MADE_AT_HEADER)
    made_at = None
    if raw_made is not None:
        made_at = _moment(raw_made.strip())
        if made_at is None:
            raise _malformed(
                MADE_AT_HEADER,
                "X-Made-At must be a moment in ISO 8601 with its UTC offset, e.g. 2026-11-24T09:30:00+08:00.",
                "X-Made-At 须为带时区偏移（如 +08:00）的 ISO 8601 时间。",
            )
    return ClientHeaders(client_id, made_at)


def _moment(text: str) -> dt.datetime | None:
    if not text or len(text) > _MAX_MADE_AT_LENGTH or not text.isascii() or "T" not in text.upper():
        return None
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    # An offset is required (a naive time would be read in nobody knows which zone); far-off years
    # would overflow converting it, and are no change anybody made.
    if moment.tzinfo is None or moment.utcoffset() is None or not 2000 <= moment.year <= 2100:
        return None
    return moment
