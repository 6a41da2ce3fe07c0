"""Vendor commands on sub-accounts (子账号, R-SUB-1; API.md "Commands (push)"): create, change,
reset the password, delete. The owner's alone (SPEC §11: ``sub_accounts.manage``).

Commands are on a ``command_router``: they need an ``Idempotency-Key`` and a retry replays its
first answer (core/idempotency.py), except the generated password: it is in the first answer
only, never stored (``not_replayed``), so a replay returns the entity without it. The app sends
these online only (issue 15: a generated password never waits on disk). Order of checks:
core/preconditions.py — 403 → 404 → 428/400 → 422 → 409 → 412.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request, Response
from starlette.concurrency import run_in_threadpool

from vendor_desktop.domain.roles import Permission
from vendor_desktop.domain.sub_accounts import initial_password_for, password_problem

from ..core import entities
from ..core.auth import Caller, clock_of
from ..core.commands import EntityId, command_errors
from ..core.idempotency import command_router, command_transaction
from ..core.passwords import hash_password
from ..core.preconditions import IfMatch, expected_version, require
from ..core.schemas import Change, EntityEnvelope
from . import rules
from .schemas import ChangeSubAccountRequest, CreateSubAccountRequest, SubAccountWithPassword

router = command_router(prefix="/sub-accounts", tags=["commands"])

_MANAGE = Depends(require(Permission.SUB_ACCOUNTS_MANAGE))
_OWNER = "OWNER_IMMUTABLE: the main account's own row never changes here — sent even when If-Match is stale"
_FIELDS = "VALIDATION_FAILED (details.fields): username, display_name, role (owner cannot be given), can_export "
_FIELDS += "(never with viewer)"


async def _new_password(username: str) -> tuple[str, str]:
    """A generated first password and its hash (scrypt, off the event loop and outside the
    command's transaction: it is slow on purpose)."""
    password = initial_password_for(username)
    return password, await run_in_threadpool(hash_password, password)


@router.post(
    "",
    status_code=201,
    response_model=SubAccountWithPassword,
    responses=command_errors(
        403,
        s409="USERNAME_TAKEN (details.username): a user of this account not deleted has it; SUB_ACCOUNT_LIMIT "
        "(details.max): 100 users already",
        s422=_FIELDS,
    ),
)
async def create_sub_account(
    body: CreateSubAccountRequest, caller: Annotated[Caller, _MANAGE], request: Request
) -> Response:
    """R-SUB-1 新建子账号: 201 the `sub_account` plus `initial_password`, generated (no characters that
    read alike), shown once; the user must change it at first sign-in (`must_change_password`).
    Checks: 403 → 422 → 409."""
    password, password_hash = await _new_password(body.username)

    def run() -> Response:
        with command_transaction(request) as t:
            user = rules.create(t.session, caller.account_id, body, password_hash, clock_of(request).now())
            envelope = entities.envelope("sub_account", user)
            return t.answer(envelope, not_replayed={"initial_password": password})

    return await run_in_threadpool(run)


@router.patch(
    "/{user_id}",
    response_model=EntityEnvelope,
    responses=command_errors(403, 404, 412, 428, s409=_OWNER, s422=_FIELDS),
)
def change_sub_account(
    user_id: EntityId,
    body: ChangeSubAccountRequest,
    caller: Annotated[Caller, _MANAGE],
    request: Request,
    if_match: IfMatch = None,
) -> Response:
    """R-SUB-1: change the display name, role, disabled or export grant. A role change or disabling
    ends all the user's sessions at once (401 TOKEN_REVOKED, `details.reason` role_changed or
    disabled); enabling brings none back (the user signs in again). A change to viewer withdraws
    the export grant. Nothing to change: the entity as it is, same version."""
    with command_transaction(request) as t:
        user = rules.own_user(t.session, user_id, caller.account_id)
        rules.change(t.session, user, body, expected_version(if_match))
        return t.answer(entities.envelope("sub_account", user))


@router.post(
    "/{user_id}/reset-password",
    response_model=SubAccountWithPassword,
    responses=command_errors(403, 404, 412, 428, s409=_OWNER),
)
async def reset_sub_account_password(
    user_id: EntityId, caller: Annotated[Caller, _MANAGE], request: Request, if_match: IfMatch = None
) -> Response:
    """R-SUB-1 重置密码: a new generated `initial_password` (shown once, as on creation, absent from a
    replay); the user must change it at first sign-in, and its sessions end (401 TOKEN_REVOKED,
    reason password_reset)."""
    password, password_hash = await _new_password("")

    def run() -> Response:
        nonlocal password, password_hash
        with command_transaction(request) as t:
            user = rules.own_user(t.session, user_id, caller.account_id)
            version = expected_version(if_match)
            if password_problem(password, username=user.username) is not None:  # contains it, by chance
                password = initial_password_for(user.username)
                password_hash = hash_password(password)
            rules.reset_password(t.session, user, password_hash, version)
            return t.answer(entities.envelope("sub_account", user), not_replayed={"initial_password": password})

    return await run_in_threadpool(run)


@router.delete(
    "/{user_id}",
    response_model=Change,
    responses=command_errors(403, 404, 412, 428, s409=_OWNER),
)
def delete_sub_account(
    user_id: EntityId, caller: Annotated[Caller, _MANAGE], request: Request, if_match: IfMatch = None
) -> Response:
    """R-SUB-1 删除子账号: its sessions end (401 TOKEN_REVOKED, reason deleted), its sign-in is
    unknown from now on, and its username is free again. Answers the tombstone (`deleted: true`,
    `data: null`), as sync sends it."""
    with command_transaction(request) as t:
        user = rules.own_user(t.session, user_id, caller.account_id)
        rules.delete(t.session, user, expected_version(if_match), clock_of(request).now())
        return t.answer(
            {"entity": "sub_account", "id": user.id, "version": user.version, "deleted": True, "data": None}
        )
