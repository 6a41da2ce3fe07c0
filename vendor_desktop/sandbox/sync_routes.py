"""``GET /sync/changes``: the pull side of sync (API.md "Sync (pull)")."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from vendor_desktop.domain.roles import may_read_entity

from . import changes
from .auth import CallerDep, db_of
from .entities import SYNCED_ENTITIES
from .errors import error_responses
from .schemas import ChangesPage

router = APIRouter(prefix="/sync", tags=["sync"])


@router.get("/changes", response_model=ChangesPage, responses=error_responses(401, 409, 422))
def sync_changes(
    caller: CallerDep,
    request: Request,
    cursor: Annotated[
        str | None, Query(max_length=200, description="opaque cursor from the previous page; none = start")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=2000)] = 500,
) -> ChangesPage:
    """The caller's account's changes after ``cursor``, in commit order, each entity once at its
    latest state; only the entity types the caller's role may read (SPEC §11). A garbage, foreign
    or expired cursor is 409 CURSOR_EXPIRED: sync again from the start."""
    visible = [e for e in SYNCED_ENTITIES if may_read_entity(caller.role, e)]
    with db_of(request).session() as s:
        page = changes.read_page(s, caller.account_id, cursor, limit, visible)
    return ChangesPage.model_validate({"cursor": page.cursor, "has_more": page.has_more, "changes": page.changes})
