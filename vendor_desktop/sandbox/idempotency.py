"""Idempotency keys for every vendor command (API.md "Conventions", IETF idempotency-key draft).

One mechanism for all of them: command routes live on a ``command_router()``, whose route class
wraps each route's handler. The wrapper
1. authenticates (keys are scoped to the user, so a 401 comes first),
2. requires ``Idempotency-Key`` (400 ``IDEMPOTENCY_KEY_REQUIRED``; malformed: 400
   ``IDEMPOTENCY_KEY_INVALID``),
3. fingerprints the request (method, path and query, canonical JSON body, If-Match),
4. claims the key in its own short transaction: a new key becomes ``in_progress``; a known key
   with another fingerprint is 422 ``IDEMPOTENCY_KEY_REUSED``; one still in progress is 409
   ``IDEMPOTENCY_KEY_IN_USE``; a done one replays its first response (status and body, errors
   included) and runs nothing,
5. runs the route and records its answer (2xx or 4xx) as the key's first response. A 5xx (a bug;
   its transaction rolled back) releases the key instead, so a retry runs afresh.

Known gap: the route's transaction and the recording are two transactions; if the process dies
between them, the key is left in progress by a dead instance and the retry runs the command again
(its If-Match then no longer matches, so a change is not applied twice).
Records are kept at least ``RETENTION`` (7 days, API.md) by the app's clock and purged lazily.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Coroutine
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Request, Response
from fastapi.routing import APIRoute
from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from .auth import caller_from_request, clock_of, db_of
from .db import IdempotencyRecord
from .errors import ApiError, response_for

RETENTION = dt.timedelta(days=7)
MAX_KEY_LENGTH = 200
HEADER = "Idempotency-Key"
REPLAYED_HEADER = "Idempotent-Replayed"

IN_PROGRESS, DONE = "in_progress", "done"

Handler = Callable[[Request], Coroutine[Any, Any, Response]]


def idempotency_key_header(
    idempotency_key: Annotated[
        str,
        Header(
            alias=HEADER,
            min_length=1,
            max_length=MAX_KEY_LENGTH,
            pattern=r"^[!-~]+$",
            description=(
                "A new UUID per command (reuse it only to retry the same request). Without it: 400 "
                "IDEMPOTENCY_KEY_REQUIRED. A retry with the same body replays the first response "
                "and changes nothing; another body is 422 IDEMPOTENCY_KEY_REUSED; while the first "
                "is running, 409 IDEMPOTENCY_KEY_IN_USE. Scoped to the user, kept at least 7 days."
            ),
        ),
    ],
) -> None:
    """Documents the header in OpenAPI; the route class has already checked it by now."""


class CommandRoute(APIRoute):
    """An APIRoute whose handler runs under an idempotency key (see the module docstring)."""

    def get_route_handler(self) -> Handler:
        handler = super().get_route_handler()

        async def idempotent(request: Request) -> Response:
            return await run_idempotently(request, handler)

        return idempotent


def command_router(**kwargs: Any) -> APIRouter:
    """The router every mutating vendor call goes on: its routes are idempotent and document
    the ``Idempotency-Key`` header."""
    dependencies = [Depends(idempotency_key_header), *kwargs.pop("dependencies", [])]
    return APIRouter(route_class=CommandRoute, dependencies=dependencies, **kwargs)


async def run_idempotently(request: Request, handler: Handler) -> Response:
    caller = await run_in_threadpool(caller_from_request, request)
    key = _checked_key(request.headers.get(HEADER))
    request_print = fingerprint(request, await request.body())
    db, now = db_of(request), clock_of(request).now().timestamp()
    instance: str = request.app.state.instance_id

    def claim() -> Response | None:
        with db.session() as s:
            return _claim(s, caller.user_id, key, request_print, now, instance)

    replay = await run_in_threadpool(claim)
    if replay is not None:
        return replay
    try:
        response = await handler(request)
    except Exception as exc:
        answer = response_for(exc)
        if answer is None:  # a bug: nothing was committed, let a retry run afresh
            await run_in_threadpool(_release, request, caller.user_id, key)
            raise
        response = answer
    if response.status_code >= 500:
        await run_in_threadpool(_release, request, caller.user_id, key)
        return response
    body = bytes(response.body).decode("utf-8")

    def finish() -> None:
        with db.session() as s:
            record = s.get(IdempotencyRecord, (caller.user_id, key))
            if record is not None:
                record.state, record.status, record.body = DONE, response.status_code, body

    await run_in_threadpool(finish)
    return response


def _checked_key(raw: str | None) -> str:
    if raw is None or not raw.strip():
        raise ApiError(400, "IDEMPOTENCY_KEY_REQUIRED")
    key = raw.strip()
    if len(key) > MAX_KEY_LENGTH or not all("!" <= c <= "~" for c in key):
        raise ApiError(400, "IDEMPOTENCY_KEY_INVALID", details={"max_length": MAX_KEY_LENGTH})
    return key


def fingerprint(request: Request, body: bytes) -> str:
    """What makes two requests "the same" (draft: the payload; we add the target and If-Match,
    since the same body against another order or version is a different request)."""
    try:
        # Canonical JSON: key order and spacing do not make a retry "another body".
        canonical = json.dumps(json.loads(body), sort_keys=True, separators=(",", ":")).encode() if body else b""
    except (ValueError, RecursionError):
        canonical = body
    target = f"{request.method} {request.url.path}?{request.url.query}\n{request.headers.get('If-Match', '')}\n"
    return hashlib.sha256(target.encode() + canonical).hexdigest()


def _claim(s: Session, user_id: str, key: str, fingerprint: str, now: float, instance: str) -> Response | None:
    """Claim the key for this request; or the first response to replay; or raise 409/422."""
    # Lazy purge, by the app's clock: every key of every user older than the retention.
    s.execute(delete(IdempotencyRecord).where(IdempotencyRecord.created_at < now - RETENTION.total_seconds()))
    record = s.get(IdempotencyRecord, (user_id, key))
    if record is None:
        s.add(
            IdempotencyRecord(
                user_id=user_id, key=key, fingerprint=fingerprint, state=IN_PROGRESS, owner=instance, created_at=now
            )
        )
        try:
            s.flush()
        except IntegrityError:  # another server process claimed it a moment ago (PostgreSQL)
            raise ApiError(409, "IDEMPOTENCY_KEY_IN_USE") from None
        return None
    if record.fingerprint != fingerprint:
        raise ApiError(422, "IDEMPOTENCY_KEY_REUSED", details={"key": key})
    if record.state == IN_PROGRESS:
        if record.owner == instance:
            raise ApiError(409, "IDEMPOTENCY_KEY_IN_USE", headers={"Retry-After": "1"})
        record.owner, record.created_at = instance, now  # abandoned by a dead instance: take over
        return None
    return Response(
        content=record.body or "",
        status_code=record.status or 200,
        media_type="application/json",
        headers={REPLAYED_HEADER: "true"},
    )


def _release(request: Request, user_id: str, key: str) -> None:
    with db_of(request).session() as s:
        s.execute(delete(IdempotencyRecord).where(IdempotencyRecord.user_id == user_id, IdempotencyRecord.key == key))
