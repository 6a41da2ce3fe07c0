"""``GET /sync/changes``: the pull side of sync (API.md "Sync (pull)")."""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from vendor_desktop.domain.roles import may_read_entity, may_read_every_users

from . import changes
from .auth import CallerDep, clock_of, db_of
from .catch_up import catch_up
from .entities import synced_entities
from .errors import error_responses
from .schemas import ChangesPage

router = APIRouter(prefix="/sync", tags=["sync"])


@router.get(
    "/changes",
    response_model=ChangesPage,
    responses=error_responses(
        401, 403, 409, 422, notes={403: "PASSWORD_CHANGE_REQUIRED: change the password first (R-SUB-1)"}
    ),
)
def sync_changes(
    caller: CallerDep,
    request: Request,
    cursor: Annotated[
        str | None, Query(max_length=200, description="opaque cursor from the previous page; none = start")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=2000)] = 500,
) -> Response:
    """The caller's account's changes after ``cursor``, in commit order, each entity once at its
    latest state; only the entity types the caller's role may read, messages only about those, and
    the caller's own read state of each message (SPEC §11). A garbage, foreign
    or expired cursor is 409 CURSOR_EXPIRED: sync again from the start."""
    visible = [e for e in synced_entities() if may_read_entity(caller.role, e)]
    every_users = [e for e in visible if may_read_every_users(caller.role, e)]  # the owner: all activity
    db = db_of(request)
    # What the clock made due (money settling, withdrawals processing) first, in its own short
    # transaction that writes only when something is due: the page then shows it.
    with db.session() as s:
        catch_up(s, caller.account_id, clock_of(request).now())
    with db.session() as s:
        page = changes.read_page(
            s, caller.account_id, cursor, limit, visible, caller.user_id, caller.role, every_users
        )
    # The page is already plain JSON data: encode it once rather than validate 2,000 changes into
    # models and serialise them back (the benchmark showed that as most of a full sync's time).
    # ``ChangesPage`` still documents the shape in the OpenAPI schema, and tests check it.
    body = {"cursor": page.cursor, "has_more": page.has_more, "changes": page.changes}
    return Response(
        json.dumps(body, ensure_ascii=False, separators=(",", ":"), default=_iso), media_type="application/json"
    )


def _iso(value: object) -> str:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    raise TypeError(f"not JSON: {type(value).__name__}")
