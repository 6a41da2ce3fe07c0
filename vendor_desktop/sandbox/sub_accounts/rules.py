"""The rules of sub-accounts (子账号, R-SUB-1; SPEC §11; API.md "Commands"), in the command's
transaction: who may be created, what may change, and whose sessions end.

- The owner's own row never changes here (409 OWNER_IMMUTABLE): not its role, not disabled,
  reset or deleted; the owner changes its own password with POST /auth/password.
- Role ``owner`` cannot be given (422); a viewer never exports (SPEC §11: 422 for can_export with
  viewer; changing a role to viewer withdraws the grant).
- A username is unique among the vendor's users not deleted (409 USERNAME_TAKEN); at most
  ``MAX_USERS_PER_VENDOR`` users, the owner included (409 SUB_ACCOUNT_LIMIT).
- A role change, disabling, a reset or a deletion ends every session of the user at once, saying
  why (core/auth.revoke_user_tokens: 401 TOKEN_REVOKED); enabling brings none back.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from vendor_desktop.domain.roles import Role
from vendor_desktop.domain.sub_accounts import DISPLAY_NAME_LENGTH, MAX_USERS_PER_VENDOR, username_problem

from ..core.auth import revoke_user_tokens
from ..core.changes import record_change
from ..core.clock import iso
from ..core.database import User
from ..core.errors import ApiError
from ..core.preconditions import check_version
from ..core.schemas import bounded_text_problem
from .errors import OWNER_IMMUTABLE, SUB_ACCOUNT_LIMIT, USERNAME_TAKEN
from .schemas import ChangeSubAccountRequest, CreateSubAccountRequest


def own_user(s: Session, user_id: str, account_id: str) -> User:
    """The vendor's own user, not deleted, locked until commit; another vendor's, or a deleted one,
    is as unknown as a missing one (404)."""
    user = s.get(User, user_id, with_for_update=True, populate_existing=True)
    if user is None or user.account_id != account_id or user.deleted_at is not None:
        raise ApiError(404, "NOT_FOUND", "No such sub-account.", "子账号不存在。")
    return user


def _invalid(fields: dict[str, str]) -> None:
    if fields:
        raise ApiError(422, "VALIDATION_FAILED", details={"fields": fields})


def _role_problem(role: str | None) -> str | None:
    if role == Role.OWNER:
        return "owner cannot be given: there is one main account"
    return None


def _display_problem(name: str | None) -> str | None:
    return None if name is None else bounded_text_problem(name, DISPLAY_NAME_LENGTH)


def _not_immutable(user: User) -> None:
    if user.role == Role.OWNER:
        raise ApiError(409, OWNER_IMMUTABLE)


def create(s: Session, account_id: str, body: CreateSubAccountRequest, password_hash: str, now: dt.datetime) -> User:
    """R-SUB-1: a new sub-account, must change its password at first sign-in."""
    fields = {
        name: problem
        for name, problem in (
            ("username", username_problem(body.username)),
            ("display_name", _display_problem(body.display_name)),
            ("role", _role_problem(body.role)),
        )
        if problem is not None
    }
    if body.can_export and body.role == Role.VIEWER and "role" not in fields:
        fields["can_export"] = "a viewer never exports (SPEC §11)"
    _invalid(fields)
    live = (User.account_id == account_id, User.deleted_at.is_(None))
    taken = s.execute(select(User.id).where(*live, User.username == body.username)).first()
    if taken is not None:
        raise ApiError(409, USERNAME_TAKEN, details={"username": body.username})
    if s.execute(select(func.count()).select_from(User).where(*live)).scalar_one() >= MAX_USERS_PER_VENDOR:
        raise ApiError(409, SUB_ACCOUNT_LIMIT, details={"max": MAX_USERS_PER_VENDOR})
    user = User(
        id=f"usr-{uuid.uuid4().hex}",
        account_id=account_id,
        username=body.username,
        display_name=body.display_name.strip(),
        role=body.role,
        password_hash=password_hash,
        version=1,
        disabled=False,
        must_change_password=True,
        can_export=body.can_export,
        created_at=iso(now),
    )
    s.add(user)
    record_change(s, account_id, "sub_account", user.id, user.version)
    return user


def change(s: Session, user: User, body: ChangeSubAccountRequest, expected: int) -> None:
    """R-SUB-1: display name, role, disabled, export grant. Checks: 422 → 409 → 412."""
    fields = {
        name: problem
        for name, problem in (("display_name", _display_problem(body.display_name)), ("role", _role_problem(body.role)))
        if problem is not None
    }
    role = body.role if body.role is not None else user.role
    if body.can_export and role == Role.VIEWER and "role" not in fields:
        fields["can_export"] = "a viewer never exports (SPEC §11)"
    _invalid(fields)
    _not_immutable(user)
    check_version("sub_account", user, expected)
    changes: dict[str, Any] = {}
    if body.display_name is not None and body.display_name.strip() != user.display_name:
        changes["display_name"] = body.display_name.strip()
    if role != user.role:
        changes["role"] = role
    if body.disabled is not None and body.disabled != user.disabled:
        changes["disabled"] = body.disabled
    can_export = False if role == Role.VIEWER else (body.can_export if body.can_export is not None else user.can_export)
    if can_export != user.can_export:
        changes["can_export"] = can_export
    if not changes:
        return  # nothing to change: the same version, nothing logged
    for name, value in changes.items():
        setattr(user, name, value)
    user.version += 1
    record_change(s, user.account_id, "sub_account", user.id, user.version)
    # Disabled outranks a role change as the reason: the user cannot come back either way.
    if changes.get("disabled") is True:
        revoke_user_tokens(s, user.id, "disabled")
    elif "role" in changes:
        revoke_user_tokens(s, user.id, "role_changed")


def reset_password(s: Session, user: User, password_hash: str, expected: int) -> None:
    """R-SUB-1: a new generated password, to be changed at first sign-in; its sessions end."""
    _not_immutable(user)
    check_version("sub_account", user, expected)
    user.password_hash, user.must_change_password = password_hash, True
    user.version += 1
    record_change(s, user.account_id, "sub_account", user.id, user.version)
    revoke_user_tokens(s, user.id, "password_reset")


def delete(s: Session, user: User, expected: int, now: dt.datetime) -> None:
    """R-SUB-1: a soft delete (its revoked tokens still say why); a tombstone in sync; its
    username is free for a new colleague."""
    _not_immutable(user)
    check_version("sub_account", user, expected)
    user.deleted_at = iso(now)
    user.version += 1
    record_change(s, user.account_id, "sub_account", user.id, user.version, deleted=True)
    revoke_user_tokens(s, user.id, "deleted")
