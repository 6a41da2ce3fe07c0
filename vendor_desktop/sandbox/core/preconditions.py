"""Who may change what (SPEC §11) and on which version (RFC 9110 ``If-Match``, API.md).

Order of checks for a command on an existing entity (API.md; the client relies on it):
permission (403) → the entity exists for this vendor (404) → ``If-Match`` present and an integer
(428 / 400) → body rules (422) → business state (409, even when the version is stale: a vendor
whose change arrives after the buyer paid must learn that, not "version conflict") → version (412).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import Depends, Header

from vendor_desktop.domain.roles import Permission, can

from . import entities
from .auth import Caller, current_caller
from .errors import ApiError

IF_MATCH_DESCRIPTION = (
    'The entity version this change is based on (an integer; a quoted entity-tag like "3" is '
    "accepted too). Required: without it 428 PRECONDITION_REQUIRED; not an integer 400; stale 412 "
    "VERSION_CONFLICT with the current entity in details.current."
)

IfMatch = Annotated[str | None, Header(alias="If-Match", description=IF_MATCH_DESCRIPTION)]


def require(permission: Permission) -> Callable[..., Caller]:
    """A dependency: the caller, if their role has ``permission`` (SPEC §11); else 403. As a
    dependency it runs before the body is validated, so a role that may not act learns that first."""

    def dependency(caller: Annotated[Caller, Depends(current_caller)]) -> Caller:
        if not can(caller.role, permission):
            raise ApiError(403, "PERMISSION_DENIED", details={"permission": permission.value, "role": caller.role})
        return caller

    return dependency


def expected_version(if_match: str | None) -> int:
    """The version ``If-Match`` names: 428 when missing, 400 when not an integer."""
    if if_match is None or not if_match.strip():
        raise ApiError(428, "PRECONDITION_REQUIRED")
    text = if_match.strip()
    if text.startswith('"') and text.endswith('"') and len(text) >= 2:
        text = text[1:-1]
    if not (text.isascii() and text.isdigit() and len(text) <= 18):
        raise ApiError(
            400,
            "MALFORMED_REQUEST",
            "If-Match must be the entity's integer version, e.g. If-Match: 3.",
            "If-Match 须为记录的整数版本号，例如 If-Match: 3。",
            details={"header": "If-Match"},
        )
    return int(text)


def check_version(entity: str, row: Any, expected: int, role: str | None = None) -> None:
    """412 VERSION_CONFLICT, with the current entity so the client can show and rebase, unless
    ``row`` is still at ``expected``."""
    if row.version != expected:
        raise ApiError(
            412,
            "VERSION_CONFLICT",
            details={"current": entities.envelope(entity, row, role=role), "expected_version": expected},
        )
