"""What every area's vendor commands share (API.md "Commands (push)"): the id in the path, the
errors the idempotency layer may answer, and finding the vendor's own entity.

Every command route is on a ``command_router``: it needs an ``Idempotency-Key`` and a retry replays
its first answer (idempotency.py). Order of checks: preconditions.py.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Path
from sqlalchemy.orm import Session

from .auth import Caller
from .database import User
from .errors import ApiError, error_responses

EntityId = Annotated[str, Path(max_length=64)]

# What every command may answer besides its own errors (the idempotency layer and auth).
_IDEMPOTENCY_NOTES = {
    400: "IDEMPOTENCY_KEY_REQUIRED (no Idempotency-Key), IDEMPOTENCY_KEY_INVALID, or MALFORMED_REQUEST "
    "(bad JSON, If-Match not an integer, X-Client-Id not a UUID or X-Made-At not ISO 8601 with an offset: "
    "details.header names the header)",
    409: "IDEMPOTENCY_KEY_IN_USE (the first request with this key is still running)",
    422: "IDEMPOTENCY_KEY_REUSED (this key was used for another request), or VALIDATION_FAILED (details.fields)",
}


def command_errors(*statuses: int, **notes: str) -> dict[int | str, dict[str, Any]]:
    """``responses=`` for a command: the idempotency codes, plus per-status notes (``s409=...``)."""
    described = dict(_IDEMPOTENCY_NOTES)
    for name, text in notes.items():
        status = int(name.removeprefix("s"))
        described[status] = f"{text}; or {described[status]}" if status in described else text
    return error_responses(400, 401, 409, 422, *statuses, notes=described)


def own(s: Session, model: type[Any], entity_id: str, account_id: str, what: tuple[str, str]) -> Any:
    """The vendor's own entity; another vendor's is as unknown as a missing one (404)."""
    row = s.get(model, entity_id)
    if row is None or row.account_id != account_id:
        raise ApiError(404, "NOT_FOUND", f"No such {what[0]}.", f"{what[1]}不存在。")
    return row


def actor_name(s: Session, caller: Caller) -> str:
    """Who did it, as the vendor's staff know them: the caller's display name."""
    user = s.get(User, caller.user_id)
    return user.display_name if user is not None else caller.username
