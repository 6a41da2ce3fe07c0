"""Idempotency keys for every vendor command (API.md "Conventions", IETF idempotency-key draft).

One mechanism for all of them: command routes live on a ``command_router()``, whose route class
wraps each route's handler. The wrapper
1. authenticates (keys are scoped to the user, so a 401 comes first),
2. requires ``Idempotency-Key`` (400 ``IDEMPOTENCY_KEY_REQUIRED``; malformed: 400
   ``IDEMPOTENCY_KEY_INVALID``),
3. fingerprints the request (method, path and query, canonical JSON body, If-Match),
4. claims the key in its own short transaction, under a claim id of its own: a new key becomes
   ``in_progress``; a known key with another fingerprint is 422 ``IDEMPOTENCY_KEY_REUSED``; one
   whose first request is still running (in this process, or holding the record's row lock in
   another) is 409 ``IDEMPOTENCY_KEY_IN_USE``; a done one replays its first response (status and
   body, errors included) and runs nothing; one left in progress by a request that died (a crash,
   or a failure while recording) is taken over,
5. runs the route. The route does its work in ``command_transaction``, which locks the key's
   record, checks the claim is still this request's, and stores the 2xx answer in the SAME
   transaction as the command's effect: a crash before the commit leaves no effect (the retry runs
   afresh), a crash after it leaves the answer (the retry replays it), never one without the
   other. A 4xx changed nothing, so it is recorded afterwards in its own transaction. A 5xx (a
   bug; its transaction rolled back) releases the key, so a retry runs afresh.

Records are kept at least ``RETENTION`` (7 days, API.md) by the app's clock and purged lazily.

The activity log (issue 15, command_log.py) hooks in here: the wrapper checks ``X-Client-Id`` and
``X-Made-At`` right after the key (400, nothing runs), and a request that claimed its key writes its
entry with its effect (``command_transaction``) or with its 4xx answer (``_record_separately``); a
replay writes none.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import threading
import uuid
from collections.abc import Callable, Coroutine, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Request, Response
from fastapi.routing import APIRoute
from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from .auth import Caller, caller_from_request, clock_of, db_of
from .command_log import ClientHeaders, CommandEntry, client_headers, read_client_headers
from .database import Database, IdempotencyRecord
from .errors import ApiError, response_for

log = logging.getLogger(__name__)

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


@dataclass(frozen=True)
class BodyLimit:
    """At most ``max_bytes`` of request body are read (an upload: its fingerprint needs the whole
    body, so the cap is here); a longer one is refused with ``too_large`` before anything runs."""

    max_bytes: int
    too_large: Callable[[], ApiError]


class CommandRoute(APIRoute):
    """An APIRoute whose handler runs under an idempotency key (see the module docstring)."""

    body_limit: BodyLimit | None = None

    def get_route_handler(self) -> Handler:
        handler = super().get_route_handler()
        limit = self.body_limit

        async def idempotent(request: Request) -> Response:
            return await run_idempotently(request, handler, limit)

        return idempotent


def command_router(*, body_limit: BodyLimit | None = None, **kwargs: Any) -> APIRouter:
    """The router every mutating vendor call goes on: its routes are idempotent and document
    the ``Idempotency-Key`` header. ``body_limit``: for uploads (multipart), the most body its
    routes read."""
    dependencies = [Depends(idempotency_key_header), Depends(client_headers), *kwargs.pop("dependencies", [])]
    route_class = CommandRoute
    if body_limit is not None:
        route_class = type("UploadRoute", (CommandRoute,), {"body_limit": body_limit})
    return APIRouter(route_class=route_class, dependencies=dependencies, **kwargs)


async def _read_body(request: Request, limit: BodyLimit | None) -> bytes:
    """The whole body, or with a limit at most ``limit.max_bytes`` of it: a larger one is refused
    as soon as it shows (its Content-Length, else while streaming), never held whole."""
    if limit is None:
        return await request.body()
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit.max_bytes:
        raise limit.too_large()
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit.max_bytes:
            raise limit.too_large()
        chunks.append(chunk)
    body = b"".join(chunks)
    # Starlette's own cache of the body: the route's form parsing then reads it from here.
    request._body = body
    return body


@dataclass(frozen=True)
class Claim:
    """This request's hold on its key: ``claim_id`` is written into the record when claimed, and a
    command commits only while the record still names it (a takeover by a retry fences us out)."""

    user_id: str
    key: str
    claim_id: str


class Inflight:
    """The keys this process is running right now, with their requests' fingerprints: a retry
    arriving meanwhile is 409 IN_USE (422 REUSED with another body), while a record in progress
    that is not here was left by a request that died."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._running: dict[tuple[str, str], str] = {}

    def enter(self, slot: tuple[str, str], fingerprint: str) -> str | None:
        """Mark ``slot`` running; or the fingerprint of the request already running it."""
        with self._lock:
            running = self._running.get(slot)
            if running is None:
                self._running[slot] = fingerprint
            return running

    def leave(self, slot: tuple[str, str]) -> None:
        with self._lock:
            self._running.pop(slot, None)


async def run_idempotently(request: Request, handler: Handler, limit: BodyLimit | None = None) -> Response:
    caller = await run_in_threadpool(caller_from_request, request)
    key = _checked_key(request.headers.get(HEADER))
    said = read_client_headers(request)  # activity log: malformed headers are 400 before anything runs
    request_print = fingerprint(request, await _read_body(request, limit))
    db, now = db_of(request), clock_of(request).now().timestamp()
    claim = Claim(caller.user_id, key, uuid.uuid4().hex)
    inflight: Inflight = request.app.state.inflight_keys
    slot = (caller.user_id, key)
    running = inflight.enter(slot, request_print)
    if running is not None:
        if running != request_print:
            raise ApiError(422, "IDEMPOTENCY_KEY_REUSED", details={"key": key})
        raise ApiError(409, "IDEMPOTENCY_KEY_IN_USE", headers={"Retry-After": "1"})
    try:

        def take() -> Response | None:
            with db.session() as s:
                return _claim(s, claim, request_print, now)

        replay = await run_in_threadpool(take)
        if replay is not None:
            return replay
        request.state.idempotency_claim = claim
        request.state.command_entry = _command_entry(request, caller, said)
        try:
            response = await handler(request)
        except Exception as exc:
            answer = response_for(exc)
            if answer is None:  # a bug: nothing was committed, let a retry run afresh
                await run_in_threadpool(_release, db, claim)
                raise
            response = answer
        if response.status_code >= 500:
            await run_in_threadpool(_release, db, claim)
        elif not getattr(request.state, "idempotency_recorded", False):
            if response.status_code < 300:  # a command route that does not use command_transaction
                log.error("%s %s answered without recording atomically", request.method, request.url.path)
            await run_in_threadpool(_record_separately, db, claim, response, request.state.command_entry)
        return response
    finally:
        inflight.leave(slot)


class CommandTransaction:
    """A command's transaction (``command_transaction``): ``session`` for its work, ``answer`` to
    end it with its 2xx answer, which is stored as the key's first response in this transaction."""

    def __init__(self, session: Session, record: IdempotencyRecord, request: Request) -> None:
        self.session = session
        self._record = record
        self._request = request
        self.answered = False

    def answer(self, payload: dict[str, Any], *, not_replayed: dict[str, Any] | None = None) -> Response:
        """End the command with ``payload``, stored as the key's first response. ``not_replayed``:
        fields added to this answer only, never stored, so a replay lacks them (a sub-account's
        generated password, API.md: shown once)."""
        route = self._request.scope.get("route")
        status = getattr(route, "status_code", None) or 200
        body = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
        record = self._record
        record.state, record.status, record.body = DONE, status, body
        self.answered = True
        entry = _entry_of(self._request)
        if entry is not None:  # the activity log's entry, atomic with the effect and the stored answer
            entry.applied(self.session, payload)
        if not_replayed:  # this answer only (a generated password): never stored, never replayed
            body = json.dumps({**payload, **not_replayed}, ensure_ascii=False, separators=(",", ":"))
        return Response(content=body.encode("utf-8"), status_code=status, media_type="application/json")


@contextmanager
def command_transaction(request: Request) -> Iterator[CommandTransaction]:
    """The one transaction of a vendor command: it takes the write lock (lock, then check, then
    write: DESIGN.md), locks the key's record and checks the claim is still this request's, runs
    the command, and commits its effect and its answer together (atomic idempotency)."""
    claim: Claim = request.state.idempotency_claim
    with db_of(request).session(write=True) as s:
        s.info["idempotency_key"] = claim.key  # lets a test find the command's own commit
        record = s.get(IdempotencyRecord, (claim.user_id, claim.key), with_for_update=True)
        if record is None or record.state != IN_PROGRESS or record.owner != claim.claim_id:
            # A retry took the key over while this request was on its way: the retry runs it.
            raise ApiError(409, "IDEMPOTENCY_KEY_IN_USE", headers={"Retry-After": "1"})
        entry = _entry_of(request)
        if entry is not None:
            entry.before(s)  # activity log: the entity as it was, before the command touches it
        transaction = CommandTransaction(s, record, request)
        yield transaction
        if not transaction.answered:
            raise RuntimeError("a command ended without its answer")
    request.state.idempotency_recorded = True


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
    boundary = _multipart_boundary(request.headers.get("content-type", ""))
    if boundary:
        # A retried upload is built afresh with a new random boundary: the same parts are the
        # same request (the boundary never occurs inside a part, so this changes nothing else).
        canonical = body.replace(b"--" + boundary, b"--boundary")
    else:
        try:
            # Canonical JSON: key order and spacing do not make a retry "another body".
            canonical = json.dumps(json.loads(body), sort_keys=True, separators=(",", ":")).encode() if body else b""
        except (ValueError, RecursionError):
            canonical = body
    target = f"{request.method} {request.url.path}?{request.url.query}\n{request.headers.get('If-Match', '')}\n"
    return hashlib.sha256(target.encode() + canonical).hexdigest()


def _multipart_boundary(content_type: str) -> bytes | None:
    media_type, _, parameters = content_type.partition(";")
    if media_type.strip().lower() != "multipart/form-data":
        return None
    for parameter in parameters.split(";"):
        name, _, value = parameter.strip().partition("=")
        if name.strip().lower() == "boundary" and value.strip().strip('"'):
            return value.strip().strip('"').encode("latin-1", "replace")
    return None


def _claim(s: Session, claim: Claim, fingerprint: str, now: float) -> Response | None:
    """Claim the key for this request; or the first response to replay; or raise 409/422."""
    # Lazy purge, by the app's clock: every key of every user older than the retention.
    s.execute(delete(IdempotencyRecord).where(IdempotencyRecord.created_at < now - RETENTION.total_seconds()))
    try:
        # NOWAIT: a record locked by another server process's running command is "in use".
        record = s.get(
            IdempotencyRecord, (claim.user_id, claim.key), with_for_update={"nowait": True}, populate_existing=True
        )
    except OperationalError:
        raise ApiError(409, "IDEMPOTENCY_KEY_IN_USE", headers={"Retry-After": "1"}) from None
    if record is None:
        s.add(
            IdempotencyRecord(
                user_id=claim.user_id,
                key=claim.key,
                fingerprint=fingerprint,
                state=IN_PROGRESS,
                owner=claim.claim_id,
                created_at=now,
            )
        )
        try:
            s.flush()
        except IntegrityError:  # another server process claimed it a moment ago (PostgreSQL)
            raise ApiError(409, "IDEMPOTENCY_KEY_IN_USE", headers={"Retry-After": "1"}) from None
        return None
    if record.fingerprint != fingerprint:
        raise ApiError(422, "IDEMPOTENCY_KEY_REUSED", details={"key": claim.key})
    if record.state == IN_PROGRESS:
        # Not running here (the in-flight set), not locked by a running command elsewhere: its
        # request died, before its command committed (nothing applied). Take it over.
        record.owner, record.created_at = claim.claim_id, now
        return None
    return Response(
        content=record.body or "",
        status_code=record.status or 200,
        media_type="application/json",
        headers={REPLAYED_HEADER: "true"},
    )


def _record_separately(db: Database, claim: Claim, response: Response, entry: CommandEntry | None = None) -> None:
    """Store a 4xx as the key's first response: it changed nothing, so it needs no atomicity. Its
    activity entry (refused) goes in the same transaction: written once, with the key's answer."""
    with db.session() as s:
        record = s.get(IdempotencyRecord, (claim.user_id, claim.key), with_for_update=True)
        if record is not None and record.state == IN_PROGRESS and record.owner == claim.claim_id:
            record.state, record.status = DONE, response.status_code
            record.body = bytes(response.body).decode("utf-8")
            if entry is not None and response.status_code >= 400:
                entry.refused(s, response.status_code, bytes(response.body))


# --- the activity log's hook (command_log.py) ---------------------------------------------------


def _command_entry(request: Request, caller: Caller, said: ClientHeaders) -> CommandEntry | None:
    """This request's activity entry, from the hook ``server.py`` installs (none without one)."""
    start = getattr(request.app.state, "command_log", None)
    return start(request, caller, said) if start is not None else None


def _entry_of(request: Request) -> CommandEntry | None:
    return getattr(request.state, "command_entry", None)


def _release(db: Database, claim: Claim) -> None:
    with db.session() as s:
        s.execute(
            delete(IdempotencyRecord).where(
                IdempotencyRecord.user_id == claim.user_id,
                IdempotencyRecord.key == claim.key,
                IdempotencyRecord.owner == claim.claim_id,
            )
        )
