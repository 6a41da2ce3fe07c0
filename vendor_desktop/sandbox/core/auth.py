"""Sign-in, token refresh and sign-out (API.md "Health and auth"), and the Bearer dependency.

Tokens are random (``secrets.token_urlsafe``) and stored only as sha256 hashes. An access token
lives 15 minutes by the app's clock; a refresh token 30 days and only once: refreshing revokes
the old pair (rotation). For 60 s after, the old refresh token returns the same pair again (a
retry after a lost answer, API.md); presenting it later, or once that pair is gone, revokes its
whole session, since only a thief would still hold it.

Sub-accounts (issue 15, R-SUB-1): a token the owner's action ended (a user disabled, deleted,
given another role, its password reset; or its other sessions when it changed its password) keeps
why (``tokens.revoked_reason``) and answers 401 ``TOKEN_REVOKED`` naming it, its refresh token too;
an expired or unknown one stays ``INVALID_TOKEN``. A disabled user's sign-in is 401
``ACCOUNT_DISABLED`` (after its password is checked: a stranger learns nothing); a deleted one is
unknown. While a user ``must_change_password``, every route but ``/auth/password`` and
``/auth/logout`` is 403 ``PASSWORD_CHANGE_REQUIRED`` (refresh and health need no caller).

Sign-in locks a username out after 5 failures in 15 minutes (API.md). Each attempt is recorded
before its password is checked, under a per-username lock, so parallel attempts cannot outrun
the count; the failure table is pruned by age and capped in size for everyone.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Select, delete, func, select, text, update
from sqlalchemy.orm import Session

from vendor_desktop.domain.roles import may_export, permissions_for
from vendor_desktop.domain.sub_accounts import password_problem

from .changes import record_change
from .clock import Clock, iso
from .database import Database, LoginFailure, RefreshGrace, Token, User
from .errors import ApiError, error_code, error_responses
from .passwords import DUMMY_HASH, hash_password, token_hash, verify_password
from .schemas import ChangePasswordRequest, LoginRequest, RefreshRequest, TokenPair, UserInfo
from .token_seal import seal, unseal

ACCESS_TTL_SECONDS = 15 * 60
REFRESH_TTL_SECONDS = 30 * 24 * 3600
LOCKOUT_FAILURES = 5  # API.md: 429 after 5 failures for one username within 15 minutes
LOCKOUT_WINDOW_SECONDS = 15 * 60
#: Hard cap on recorded failures, for all names together (the window alone bounds nothing under a
#: spray of made-up names); at most 5 per name are ever kept, since the sixth attempt is refused.
MAX_LOGIN_FAILURES_KEPT = 10_000
REFRESH_GRACE_SECONDS = 60  # API.md: the previous refresh token stays usable for 60 s after rotation
_DEAD_TOKEN_KEPT_SECONDS = 86400

#: Why the owner's action (or the user's own password change) ended a token: 401 TOKEN_REVOKED names it.
REVOKED_REASONS = frozenset({"disabled", "deleted", "role_changed", "password_reset", "password_changed"})

TOKEN_REVOKED = error_code(
    "TOKEN_REVOKED",
    "Your session was ended by the main account; sign in again.",
    "您的登录已被主账号终止，请重新登录。",
)
ACCOUNT_DISABLED = error_code(
    "ACCOUNT_DISABLED",
    "This sub-account is disabled; ask the main account to enable it.",
    "该子账号已停用，请联系主账号启用。",
)
PASSWORD_CHANGE_REQUIRED = error_code(
    "PASSWORD_CHANGE_REQUIRED",
    "Change your password before you go on.",
    "请先修改密码再继续。",
)
WRONG_PASSWORD = error_code("WRONG_PASSWORD", "The current password is wrong.", "当前密码不正确。")
#: What a user who must change its password may still call (besides refresh and health, which
#: take no access token).
_BEFORE_PASSWORD_CHANGE = ("/auth/password", "/auth/logout")
#: details.fields' English for each of domain.sub_accounts.PasswordProblem (details.codes has the code).
_PROBLEMS = {
    "TOO_SHORT": "must be at least 10 characters",
    "TOO_LONG": "must be at most 128 characters",
    "NEEDS_LETTER_AND_DIGIT": "must contain both letters and digits",
    "CONTAINS_USERNAME": "must not contain the username",
    "SAME_AS_CURRENT": "must differ from the current password",
    "NOT_PRINTABLE": "must not contain control characters",
}

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
        if row is None:
            raise ApiError(401, "INVALID_TOKEN")
        t: Token = row.Token
        u: User = row.User
        reason = _revoked_reason(t, u)
        if reason is not None:
            raise _token_revoked(reason)
        if t.revoked or t.expires_at <= now:
            raise ApiError(401, "INVALID_TOKEN")
        if u.must_change_password and not request.url.path.endswith(_BEFORE_PASSWORD_CHANGE):
            raise ApiError(403, PASSWORD_CHANGE_REQUIRED)
        return Caller(u.id, u.account_id, u.username, u.role, t.session_id)


def _revoked_reason(t: Token, u: User) -> str | None:
    """Why the owner (or the user's own password change) ended this token; None when it did not.
    The user's own state counts too, so no token of a disabled or deleted user ever works."""
    if t.revoked and t.revoked_reason in REVOKED_REASONS:
        return t.revoked_reason
    if u.deleted_at is not None:
        return "deleted"
    if u.disabled:
        return "disabled"
    return None


def _token_revoked(reason: str) -> ApiError:
    return ApiError(401, TOKEN_REVOKED, details={"reason": reason})


def revoke_user_tokens(s: Session, user_id: str, reason: str, *, keep_session: str | None = None) -> None:
    """End every live session of a user at once (R-SUB-1), saying why; ``keep_session``: the one
    that asked (a password change keeps its own). Their refresh graces go too, so no retry brings
    a pair back."""
    assert reason in REVOKED_REASONS
    where = [Token.user_id == user_id, Token.revoked.is_(False)]
    if keep_session is not None:
        where.append(Token.session_id != keep_session)
    sessions = select(Token.session_id).where(*where).distinct()
    s.execute(delete(RefreshGrace).where(RefreshGrace.session_id.in_(sessions)))
    s.execute(update(Token).where(*where).values(revoked=True, revoked_reason=reason))


CallerDep = Annotated[Caller, Depends(current_caller)]


def _user_info(u: User) -> UserInfo:
    return UserInfo(
        id=u.id,
        username=u.username,
        display_name=u.display_name,
        role=u.role,  # type: ignore[arg-type]
        permissions=sorted(p.value for p in permissions_for(u.role)),
        account_id=u.account_id,
        must_change_password=bool(u.must_change_password),
        can_export=may_export(u.role, bool(u.can_export)),
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
    """Every live token of the session stops working, and no retry may bring its pairs back."""
    s.execute(update(Token).where(Token.session_id == session_id, Token.revoked.is_(False)).values(revoked=True))
    s.execute(delete(RefreshGrace).where(RefreshGrace.session_id == session_id))


# --- housekeeping ----------------------------------------------------------------------------


def _tidy(db: Database, now: float) -> None:
    """Drop what no rule needs any more, for everyone: failures older than the lockout window,
    the oldest failures beyond the hard cap, graces that have ended, and long-dead tokens.

    Its own short transaction, deleting only rows nobody else has locked (``SKIP LOCKED`` on
    PostgreSQL; SQLite serialises sessions anyway): it never waits, so it can never take part in
    a deadlock with a sign-in or a refresh, and two of them never queue behind each other."""
    with db.session() as s:
        _delete_ids(s, select(LoginFailure.id).where(LoginFailure.at <= now - LOCKOUT_WINDOW_SECONDS))
        kept = s.execute(select(func.count()).select_from(LoginFailure)).scalar_one()
        if kept > MAX_LOGIN_FAILURES_KEPT:
            # A spray of made-up user names within one window: forget the oldest attempts. Each
            # one cost the sprayer a request and us an scrypt, so winning back a username's five
            # tries this way costs MAX_LOGIN_FAILURES_KEPT requests; the table stays small.
            oldest = select(LoginFailure.id).order_by(LoginFailure.at, LoginFailure.id)
            _delete_ids(s, oldest.limit(kept - MAX_LOGIN_FAILURES_KEPT))
        stale = select(RefreshGrace.token_hash).where(RefreshGrace.rotated_at < now - REFRESH_GRACE_SECONDS)
        s.execute(delete(RefreshGrace).where(RefreshGrace.token_hash.in_(stale.with_for_update(skip_locked=True))))
        # Tokens a day past expiry: a revoked refresh token is kept until it expires, so its reuse
        # is still recognised (and ends its session); after that it is merely unknown. Here, not
        # only at sign-in, or a desktop that only ever refreshes would grow the table forever.
        dead = select(Token.token_hash).where(Token.expires_at < now - _DEAD_TOKEN_KEPT_SECONDS)
        s.execute(delete(Token).where(Token.token_hash.in_(dead.with_for_update(skip_locked=True))))


def _delete_ids(s: Session, ids: Select[tuple[int]]) -> None:
    s.execute(delete(LoginFailure).where(LoginFailure.id.in_(ids.with_for_update(skip_locked=True))))


def _serialise_login(s: Session, account_id: str, username: str) -> None:
    """Hold, until this transaction ends, the right to count and record attempts for this
    (account, username) (DESIGN.md: lock, then check, then write).

    PostgreSQL: a transaction-scoped advisory lock on a hash of the pair (there is no row to lock
    for a user that does not exist, and those are counted too, or a 429 would tell which names
    exist). A hash collision only makes two names queue behind each other. SQLite: the Database's
    process lock already serialises every session."""
    if s.get_bind().dialect.name != "postgresql":
        return
    digest = hashlib.sha256(f"login\x00{account_id}\x00{username}".encode()).digest()
    s.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": int.from_bytes(digest[:8], "big", signed=True)})


# --- routes ----------------------------------------------------------------------------------


@router.post(
    "/login",
    response_model=TokenPair,
    responses=error_responses(
        400,
        401,
        422,
        429,
        notes={
            401: "Wrong account id, username or password, or no such account or user, a deleted sub-account "
            "included (INVALID_CREDENTIALS); the right password of a disabled sub-account (ACCOUNT_DISABLED)",
            429: "5 failed attempts for this username within 15 minutes (RATE_LIMITED; Retry-After header "
            "and details.retry_after_seconds say when to try again)",
        },
    ),
)
def login(body: LoginRequest, request: Request) -> TokenPair:
    """Sign in with account id, username and password. The same 401 for an unknown account,
    unknown user or wrong password, so nobody can probe which accounts exist.

    **Lockout** (API.md): after 5 failed attempts for one (account id, username) within 15 minutes,
    every further attempt, the right password included, is 429 `RATE_LIMITED` until the oldest of
    them is 15 minutes old (`Retry-After` and `details.retry_after_seconds` say when). Attempts are
    counted before the password is checked, so parallel attempts cannot get more than 5 checked. A
    successful sign-in clears the count.
    """
    db, now = db_of(request), clock_of(request).now().timestamp()
    who = (LoginFailure.account_id == body.account_id, LoginFailure.username == body.username)
    # Reserve the attempt: counted as a failure up front, in one short transaction that holds the
    # per-username lock, so a burst of parallel attempts cannot all see "fewer than 5" before any
    # of them is written. A crash during the check leaves it counted, which errs on the safe side.
    retry_after: int | None = None
    user: User | None = None
    attempt_id = 0
    with db.session() as s:
        _serialise_login(s, body.account_id, body.username)
        recent, oldest = s.execute(
            select(func.count(), func.min(LoginFailure.at)).where(*who, LoginFailure.at > now - LOCKOUT_WINDOW_SECONDS)
        ).one()
        if recent >= LOCKOUT_FAILURES:
            # Locked even for the right password until the window passes.
            retry_after = max(1, int((oldest or now) + LOCKOUT_WINDOW_SECONDS - now))
        else:
            attempt = LoginFailure(account_id=body.account_id, username=body.username, at=now)
            s.add(attempt)
            s.flush()
            attempt_id = attempt.id
            # A deleted user is unknown (its username may belong to someone new by now).
            user = s.execute(
                select(User).where(
                    User.account_id == body.account_id, User.username == body.username, User.deleted_at.is_(None)
                )
            ).scalar_one_or_none()
    _tidy(db, now)  # after the reservation, so the cap holds once this attempt is answered
    if retry_after is not None:
        raise ApiError(
            429, "RATE_LIMITED", details={"retry_after_seconds": retry_after}, headers={"Retry-After": str(retry_after)}
        )
    # Hash outside any transaction: scrypt is deliberately slow.
    if not (verify_password(body.password, user.password_hash if user else DUMMY_HASH) and user is not None):
        raise ApiError(401, "INVALID_CREDENTIALS")  # the reserved attempt stays: it was a failure
    with db.session() as s:
        # Under the same per-name lock as the reservations, so none of them counts half-cleared
        # failures. A success clears the failures before it, its own reservation included;
        # attempts that started after it keep counting.
        _serialise_login(s, body.account_id, body.username)
        s.execute(delete(LoginFailure).where(*who, LoginFailure.id <= attempt_id))
        # The user as it is now, locked: the owner may have disabled or deleted it meanwhile.
        current = s.get(User, user.id, with_for_update=True, populate_existing=True)
        if current is None or current.deleted_at is not None:
            raise ApiError(401, "INVALID_CREDENTIALS")
        if current.disabled:
            # The right password: telling why does not help a stranger (R-SUB-1, API.md).
            raise ApiError(401, ACCOUNT_DISABLED)
        # The owner's list shows when each user last signed in.
        current.last_sign_in_at = iso(clock_of(request).now())
        current.version += 1
        record_change(s, current.account_id, "sub_account", current.id, current.version)
        return _issue(s, current, uuid.uuid4().hex, now)


@router.post(
    "/refresh",
    response_model=TokenPair,
    responses=error_responses(
        400,
        401,
        422,
        notes={
            401: "Unknown, expired or revoked refresh token (INVALID_TOKEN); a rotated one presented after its "
            "60-second grace also ends the session (details.reused: true); one whose session the main account "
            "ended (TOKEN_REVOKED, details.reason: disabled, deleted, role_changed, password_reset, "
            "password_changed)",
        },
    ),
)
def refresh(body: RefreshRequest, request: Request) -> TokenPair:
    """Trade a refresh token for a new pair (rotation): the old pair stops working.

    **Grace for a lost answer** (API.md): for 60 seconds after the rotation, presenting the previous
    refresh token again returns the same pair again (the same access and refresh token;
    `expires_in` counts down), as long as that pair is still the session's current one. Once the
    pair has itself been refreshed or the session has ended (sign-out), or after the 60 seconds, the
    previous refresh token is reuse: the answer is 401 `INVALID_TOKEN` with `details.reused: true`
    and the whole session ends, since only a thief would still hold it.
    """
    db, now = db_of(request), clock_of(request).now().timestamp()
    _tidy(db, now)
    presented = token_hash(body.refresh_token)
    reused = False
    with db.session() as s:
        # Lock, then check, then write: the row lock makes a concurrent refresh (or sign-out) of
        # the same token wait, then see it rotated, so one token is traded for one pair only.
        row = s.execute(
            select(Token, User)
            .join(User, User.id == Token.user_id)
            .where(Token.token_hash == presented, Token.kind == "refresh")
            .with_for_update(of=Token)
        ).first()
        if row is not None:
            reason = _revoked_reason(row.Token, row.User)
            if reason is not None:
                raise _token_revoked(reason)
        if row is not None and not row.Token.revoked and row.Token.expires_at > now:
            return _rotate(s, row.Token, row.User, body.refresh_token, now)
        if row is not None and row.Token.revoked:
            again = _same_pair_again(s, row.Token, row.User, body.refresh_token, now)
            if again is not None:
                return again
            reused = True
            _revoke_session(s, row.Token.session_id)
    raise ApiError(401, "INVALID_TOKEN", details={"reused": True} if reused else None)


def _rotate(s: Session, old: Token, user: User, old_plain: str, now: float) -> TokenPair:
    """Revoke the session's pair, issue the next one, and keep it (sealed under the old refresh
    token) for a retry within the grace. Rotating also ends the grace of the token before."""
    _revoke_session(s, old.session_id)
    pair = _issue(s, user, old.session_id, now)
    sealed = seal(old_plain, f"{pair.access_token} {pair.refresh_token}".encode())
    s.add(RefreshGrace(token_hash=old.token_hash, session_id=old.session_id, rotated_at=now, sealed_pair=sealed))
    return pair


def _same_pair_again(s: Session, old: Token, user: User, old_plain: str, now: float) -> TokenPair | None:
    """API.md: the previous refresh token returns the same pair again for 60 s after rotation.
    None when the grace is over, or the pair is no longer the session's live one (refreshed
    again, signed out, revoked): a retry must never bring back a pair that was ended."""
    grace = s.get(RefreshGrace, old.token_hash)
    if grace is None or grace.rotated_at < now - REFRESH_GRACE_SECONDS:
        return None
    opened = unseal(old_plain, grace.sealed_pair)
    if opened is None:
        return None
    access, _, refresh_token = opened.decode().partition(" ")
    live = {
        t.kind: t
        for t in s.execute(
            select(Token).where(
                Token.token_hash.in_([token_hash(access), token_hash(refresh_token)]),
                Token.session_id == old.session_id,
                Token.revoked.is_(False),
                Token.expires_at > now,
            )
        ).scalars()
    }
    if set(live) != {"access", "refresh"}:
        return None
    remaining = max(0, int(live["access"].expires_at - now))
    return TokenPair(access_token=access, refresh_token=refresh_token, expires_in=remaining, user=_user_info(user))


@router.post("/logout", status_code=204, response_class=Response, responses=error_responses(401))
def logout(caller: CallerDep, request: Request) -> Response:
    """Sign out: this session's access and refresh tokens stop working, and a retry of its last
    refresh (API.md's 60-second grace) no longer returns them."""
    with db_of(request).session() as s:
        # Wait for a refresh of this session that is under way (it holds the live refresh token's
        # row), so the pair it issues is revoked too rather than outliving the sign-out.
        s.execute(
            select(Token.token_hash)
            .where(Token.session_id == caller.session_id, Token.kind == "refresh", Token.revoked.is_(False))
            .with_for_update()
        ).all()
        _revoke_session(s, caller.session_id)
    return Response(status_code=204)


@router.post(
    "/password",
    status_code=204,
    response_class=Response,
    responses=error_responses(
        400,
        401,
        422,
        notes={
            422: "WRONG_PASSWORD (the current password is wrong: not 401, the session stays); VALIDATION_FAILED "
            "with details.fields.new_password and details.codes.new_password (TOO_SHORT, TOO_LONG, "
            "NEEDS_LETTER_AND_DIGIT, CONTAINS_USERNAME, SAME_AS_CURRENT, NOT_PRINTABLE)",
        },
    ),
)
def change_password(body: ChangePasswordRequest, caller: CallerDep, request: Request) -> Response:
    """R-SUB-1: change one's own password (every role; the main account too). Allowed while
    `must_change_password`, and clears it. The user's OTHER sessions end (401 TOKEN_REVOKED,
    reason `password_changed`); this one stays signed in.

    Not a vendor command (like sign-in): no `Idempotency-Key`. A retry after a lost answer finds
    the new password current and answers WRONG_PASSWORD or SAME_AS_CURRENT: the app then signs in
    with the new one."""
    db = db_of(request)
    with db.session() as s:
        user = s.get(User, caller.user_id)
        assert user is not None  # the caller's token names it
        username, stored = user.username, user.password_hash
    # scrypt outside any transaction: it is slow on purpose.
    if not verify_password(body.current_password, stored):
        raise ApiError(422, WRONG_PASSWORD, details={"fields": {"current_password": "wrong password"}})
    problem = password_problem(body.new_password, username=username)
    if problem is None and verify_password(body.new_password, stored):
        problem = "SAME_AS_CURRENT"
    if problem is not None:
        raise ApiError(
            422,
            "VALIDATION_FAILED",
            "The new password does not meet the rules.",
            "新密码不符合要求。",
            details={"fields": {"new_password": _PROBLEMS[problem]}, "codes": {"new_password": str(problem)}},
        )
    new_hash = hash_password(body.new_password)
    with db.session(write=True) as s:
        user = s.get(User, caller.user_id, with_for_update=True, populate_existing=True)
        if user is None or user.password_hash != stored:
            # Reset or changed by someone else meanwhile: what was checked is no longer current.
            raise ApiError(422, WRONG_PASSWORD, details={"fields": {"current_password": "wrong password"}})
        user.password_hash, user.must_change_password = new_hash, False
        user.version += 1
        record_change(s, user.account_id, "sub_account", user.id, user.version)
        revoke_user_tokens(s, user.id, "password_changed", keep_session=caller.session_id)
    return Response(status_code=204)
