"""Sign-in, token refresh and sign-out (API.md "Health and auth"), and the Bearer dependency.

Tokens are random (``secrets.token_urlsafe``) and stored only as sha256 hashes. An access token
lives 15 minutes by the app's clock; a refresh token 30 days and only once: refreshing revokes
the old pair (rotation), and presenting a revoked refresh token again revokes its whole session,
since only a thief would still hold it.
"""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from vendor_desktop.domain.roles import permissions_for

from .clock import Clock
from .db import Database, LoginFailure, Token, User
from .errors import ApiError, error_responses
from .passwords import DUMMY_HASH, token_hash, verify_password
from .schemas import LoginRequest, RefreshRequest, TokenPair, UserInfo

ACCESS_TTL_SECONDS = 15 * 60
REFRESH_TTL_SECONDS = 30 * 24 * 3600
LOCKOUT_FAILURES = 5  # API.md: 429 after 5 failures for one username within 15 minutes
LOCKOUT_WINDOW_SECONDS = 15 * 60

router = APIRouter(prefix="/auth", tags=["auth"])
_bearer = HTTPBearer(auto_error=False, scheme_name="AccessToken", description="access_token from login")


@dataclass(frozen=True)
class Caller:
    """Who is calling: resolved from a valid access token."""

    user_id: str
    account_id: str
    username: str
    role: str
    session_id: str


def db_of(request: Request) -> Database:
    return request.app.state.db


def clock_of(request: Request) -> Clock:
    return request.app.state.clock


def current_caller(
    request: Request,
    creds: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Caller:
    return caller_for_token(request, creds.credentials if creds else None)


def caller_from_request(request: Request) -> Caller:
    """The caller, read straight from the Authorization header: for code that runs before the
    route's dependencies (the idempotency layer scopes keys to the user)."""
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    return caller_for_token(request, token.strip() if scheme.lower() == "bearer" else None)


def caller_for_token(request: Request, token: str | None) -> Caller:
    if not token:
        raise ApiError(401, "NOT_AUTHENTICATED")
    now = clock_of(request).now().timestamp()
    with db_of(request).session() as s:
        row = s.execute(
            select(Token, User)
            .join(User, User.id == Token.user_id)
            .where(Token.token_hash == token_hash(token), Token.kind == "access")
        ).first()
        if row is None or row.Token.revoked or row.Token.expires_at <= now:
            raise ApiError(401, "INVALID_TOKEN")
        u: User = row.User
        return Caller(u.id, u.account_id, u.username, u.role, row.Token.session_id)


CallerDep = Annotated[Caller, Depends(current_caller)]


def _user_info(u: User) -> UserInfo:
    return UserInfo(
        id=u.id,
        username=u.username,
        display_name=u.display_name,
        role=u.role,  # type: ignore[arg-type]
        permissions=sorted(p.value for p in permissions_for(u.role)),
        account_id=u.account_id,
    )


def _issue(s: Session, user: User, session_id: str, now: float) -> TokenPair:
    access, refresh = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    s.add_all(
        [
            Token(
                token_hash=token_hash(access),
                kind="access",
                session_id=session_id,
                user_id=user.id,
                expires_at=now + ACCESS_TTL_SECONDS,
                revoked=False,
            ),
            Token(
                token_hash=token_hash(refresh),
                kind="refresh",
                session_id=session_id,
                user_id=user.id,
                expires_at=now + REFRESH_TTL_SECONDS,
                revoked=False,
            ),
        ]
    )
    return TokenPair(access_token=access, refresh_token=refresh, expires_in=ACCESS_TTL_SECONDS, user=_user_info(user))


def _revoke_session(s: Session, session_id: str) -> None:
    s.execute(update(Token).where(Token.session_id == session_id).values(revoked=True))


@router.post("/login", response_model=TokenPair, responses=error_responses(400, 401, 422, 429))
def login(body: LoginRequest, request: Request) -> TokenPair:
    """Sign in with account id, username and password. The same 401 for an unknown account,
    unknown user or wrong password, so nobody can probe which accounts exist."""
    db, now = db_of(request), clock_of(request).now().timestamp()
    who = (LoginFailure.account_id == body.account_id, LoginFailure.username == body.username)
    with db.session() as s:
        recent = s.execute(
            select(func.count()).select_from(LoginFailure).where(*who, LoginFailure.at > now - LOCKOUT_WINDOW_SECONDS)
        ).scalar_one()
        oldest = s.execute(
            select(func.min(LoginFailure.at)).where(*who, LoginFailure.at > now - LOCKOUT_WINDOW_SECONDS)
        ).scalar()
        user = s.execute(
            select(User).where(User.account_id == body.account_id, User.username == body.username)
        ).scalar_one_or_none()
    if recent >= LOCKOUT_FAILURES:
        # Locked even for the right password until the window passes.
        retry = max(1, int((oldest or now) + LOCKOUT_WINDOW_SECONDS - now))
        raise ApiError(429, "RATE_LIMITED", details={"retry_after_seconds": retry}, headers={"Retry-After": str(retry)})
    # Hash outside the database lock: scrypt is deliberately slow.
    ok = verify_password(body.password, user.password_hash if user else DUMMY_HASH) and user is not None
    with db.session() as s:
        if not ok:
            # Failures older than the window no longer count: drop them so the table stays small.
            s.execute(delete(LoginFailure).where(*who, LoginFailure.at <= now - LOCKOUT_WINDOW_SECONDS))
            s.add(LoginFailure(account_id=body.account_id, username=body.username, at=now))
        else:
            s.execute(delete(LoginFailure).where(*who))
            s.execute(delete(Token).where(Token.expires_at < now - 86400))  # long dead, any user
            assert user is not None
            return _issue(s, s.merge(user), uuid.uuid4().hex, now)
    raise ApiError(401, "INVALID_CREDENTIALS")


@router.post("/refresh", response_model=TokenPair, responses=error_responses(400, 401, 422))
def refresh(body: RefreshRequest, request: Request) -> TokenPair:
    """Trade a refresh token for a new pair; the old refresh token stops working."""
    db, now = db_of(request), clock_of(request).now().timestamp()
    reused = False
    with db.session() as s:
        row = s.execute(
            select(Token, User)
            .join(User, User.id == Token.user_id)
            .where(Token.token_hash == token_hash(body.refresh_token), Token.kind == "refresh")
        ).first()
        if row is not None and not row.Token.revoked and row.Token.expires_at > now:
            _revoke_session(s, row.Token.session_id)
            return _issue(s, row.User, row.Token.session_id, now)
        if row is not None and row.Token.revoked:
            reused = True
            _revoke_session(s, row.Token.session_id)
    raise ApiError(401, "INVALID_TOKEN", details={"reused": True} if reused else None)


@router.post("/logout", status_code=204, response_class=Response, responses=error_responses(401))
def logout(caller: CallerDep, request: Request) -> Response:
    """Sign out: this session's access and refresh tokens stop working."""
    with db_of(request).session() as s:
        _revoke_session(s, caller.session_id)
    return Response(status_code=204)
