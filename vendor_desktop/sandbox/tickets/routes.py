"""Vendor commands on tickets (工单, R-TKT-1; API.md "Commands (push)"): open, reply, attach a
file, urge, cancel; and the download of an attached file.

Commands are on ``command_router``s: they need an ``Idempotency-Key`` and a retry replays its
first answer (core/idempotency.py), an upload too (its parts, whatever the boundary). Order of
checks: core/preconditions.py. Owner, operations, finance and support may (SPEC §11: tickets RW);
the viewer reads no tickets at all.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Request, Response
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from vendor_desktop.domain.roles import Permission
from vendor_desktop.domain.tickets import MAX_ATTACHMENT_BYTES

from ..core import entities
from ..core.auth import Caller, clock_of, db_of
from ..core.commands import EntityId, actor_name, command_errors
from ..core.errors import ApiError, error_responses
from ..core.idempotency import BodyLimit, command_router, command_transaction
from ..core.preconditions import IfMatch, expected_version, require
from ..core.schemas import EntityEnvelope
from .errors import ATTACHMENT_TOO_LARGE
from .models import Ticket, TicketAttachment
from .rules import Upload, attach, cancel, open_ticket, reply, urge
from .schemas import OpenTicketRequest, ReplyRequest

router = command_router(prefix="/tickets", tags=["commands"])


def _too_large() -> ApiError:
    return ApiError(413, ATTACHMENT_TOO_LARGE, details={"max_bytes": MAX_ATTACHMENT_BYTES})


# The file plus its part's headers and the boundaries: a body beyond this cannot hold a file of
# 5 MB and is refused before it is read whole; one a little smaller is read, and its file measured.
_UPLOAD_BODY_MAX = MAX_ATTACHMENT_BYTES + 64 * 1024
uploads = command_router(prefix="/tickets", tags=["commands"], body_limit=BodyLimit(_UPLOAD_BODY_MAX, _too_large))
files = APIRouter(prefix="/tickets", tags=["tickets"])

_WRITE = Depends(require(Permission.TICKETS_WRITE))
_READ = Depends(require(Permission.TICKETS_READ))
_FIELDS = "VALIDATION_FAILED (details.fields names every bad field: length, control characters)"
_STATE = "TICKET_STATE (details.state): {} — sent even when If-Match is stale"


def _own_ticket(s: Session, ticket_id: str, caller: Caller) -> Ticket:
    """The vendor's own ticket, locked until commit (the marketplace's reply waits for this
    command); another vendor's is as unknown as a missing one (404)."""
    ticket = s.get(Ticket, ticket_id, with_for_update=True, populate_existing=True)
    if ticket is None or ticket.account_id != caller.account_id:
        raise ApiError(404, "NOT_FOUND", "No such ticket.", "工单不存在。")
    return ticket


@router.post(
    "",
    status_code=201,
    response_model=EntityEnvelope,
    responses=command_errors(
        403, s422="VALIDATION_FAILED: subject, description, an unknown listing_id or order_id (details.fields)"
    ),
)
def submit_ticket(body: OpenTicketRequest, caller: Annotated[Caller, _WRITE], request: Request) -> Response:
    """R-TKT-1 提交工单: a new ticket, open (处理中), whose first message is the description. The
    listing or order it is about must be the vendor's own; the order's number is copied in."""
    with command_transaction(request) as t:
        actor, now = actor_name(t.session, caller), clock_of(request).now()
        ticket = open_ticket(
            t.session,
            caller.account_id,
            body.type,
            body.subject,
            body.description,
            body.listing_id,
            body.order_id,
            actor,
            now,
        )
        return t.answer(entities.envelope("ticket", ticket))


@router.post(
    "/{ticket_id}/messages",
    response_model=EntityEnvelope,
    responses=command_errors(
        403, 404, 412, 428, s409=_STATE.format("only an open or replied ticket takes a reply"), s422=_FIELDS
    ),
)
def reply_to_ticket(
    ticket_id: EntityId,
    body: ReplyRequest,
    caller: Annotated[Caller, _WRITE],
    request: Request,
    if_match: IfMatch = None,
) -> Response:
    """回复: the vendor's message; the ticket goes back to the marketplace (open). Checks: 403 →
    404 → 428/400 → 422 → 409 TICKET_STATE → 412."""
    with command_transaction(request) as t:
        ticket = _own_ticket(t.session, ticket_id, caller)
        version = expected_version(if_match)
        reply(t.session, ticket, body.body, version, actor_name(t.session, caller), clock_of(request).now())
        return t.answer(entities.envelope("ticket", ticket))


_MULTIPART = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file"],
                    "properties": {
                        "file": {
                            "type": "string",
                            "format": "binary",
                            "description": "exactly one part named file, with its filename: PNG, JPEG or PDF by "
                            "its bytes, at most 5 MB (5,242,880 bytes)",
                        }
                    },
                }
            }
        },
    }
}


@uploads.post(
    "/{ticket_id}/attachments",
    response_model=EntityEnvelope,
    openapi_extra=_MULTIPART,
    responses=command_errors(
        403,
        404,
        412,
        413,
        415,
        428,
        s409=_STATE.format("only an open or replied ticket takes attachments")
        + "; ATTACHMENT_LIMIT (details.max): it has 5 already",
        s413="ATTACHMENT_TOO_LARGE (details.max_bytes): the file is over 5 MB (a body far over it is refused "
        "before anything else is checked)",
        s415="ATTACHMENT_TYPE: the bytes are not a PNG, JPEG or PDF, whatever the name says",
        s422="VALIDATION_FAILED (details.fields.file): no file part, more than one, or a part without a filename",
    ),
)
async def attach_file(
    ticket_id: EntityId, caller: Annotated[Caller, _WRITE], request: Request, if_match: IfMatch = None
) -> Response:
    """附件: one file (multipart/form-data, part `file`), stored by the sandbox; its description
    joins the ticket's `attachments` and its bytes are `GET /tickets/{id}/attachments/{attachment id}`.
    The type comes from the bytes (a PNG named .pdf is a PNG, stored with a .png name). Checks: 403
    → 404 → 428/400 → 422 → 413 → 415 → 409 TICKET_STATE, ATTACHMENT_LIMIT → 412."""
    upload = await _upload_of(request)
    return await run_in_threadpool(_attach, request, ticket_id, caller, upload, if_match)


async def _upload_of(request: Request) -> Upload:
    """The body's one file part, read up to one byte more than an attachment may have."""
    form = await request.form()
    try:
        parts = form.getlist("file")
        if not parts:
            return Upload(problem="missing: send the file as a multipart/form-data part named file")
        if len(parts) > 1:
            return Upload(problem="one file per request")
        part = parts[0]
        if not isinstance(part, UploadFile):
            return Upload(problem="must be a file (a part with a filename)")
        return Upload(part.filename, await part.read(MAX_ATTACHMENT_BYTES + 1))
    finally:
        await form.close()


def _attach(request: Request, ticket_id: str, caller: Caller, upload: Upload, if_match: str | None) -> Response:
    with command_transaction(request) as t:
        ticket = _own_ticket(t.session, ticket_id, caller)
        version = expected_version(if_match)
        attach(t.session, ticket, upload, version, actor_name(t.session, caller), clock_of(request).now())
        return t.answer(entities.envelope("ticket", ticket))


@router.post(
    "/{ticket_id}/urge",
    response_model=EntityEnvelope,
    responses=command_errors(
        403,
        404,
        412,
        428,
        s409=_STATE.format("only an open ticket (with the marketplace) can be urged")
        + "; URGE_TOO_SOON (details.next_allowed_at): urged less than 24 hours ago (R-TKT-1, rolling)",
    ),
)
def urge_ticket(
    ticket_id: EntityId, caller: Annotated[Caller, _WRITE], request: Request, if_match: IfMatch = None
) -> Response:
    """催单 (R-TKT-1): at most once per rolling 24 hours, by the sandbox's clock; answers with
    `last_urged_at` and `next_urge_at`. A 409 is final: a client must not retry it by itself."""
    with command_transaction(request) as t:
        ticket = _own_ticket(t.session, ticket_id, caller)
        version = expected_version(if_match)
        urge(t.session, ticket, version, clock_of(request).now())
        return t.answer(entities.envelope("ticket", ticket))


@router.post(
    "/{ticket_id}/cancel",
    response_model=EntityEnvelope,
    responses=command_errors(403, 404, 412, 428, s409=_STATE.format("only an open or replied ticket can be cancelled")),
)
def cancel_ticket(
    ticket_id: EntityId, caller: Annotated[Caller, _WRITE], request: Request, if_match: IfMatch = None
) -> Response:
    """撤销: the vendor withdraws its ticket (cancelled, 已撤销)."""
    with command_transaction(request) as t:
        ticket = _own_ticket(t.session, ticket_id, caller)
        version = expected_version(if_match)
        cancel(t.session, ticket, version, clock_of(request).now())
        return t.answer(entities.envelope("ticket", ticket))


_FILE_TYPES: dict[str, Any] = {media: {"schema": {"type": "string", "format": "binary"}} for media in (
    "image/png", "image/jpeg", "application/pdf")}  # fmt: skip


@files.get(
    "/{ticket_id}/attachments/{attachment_id}",
    response_class=Response,
    responses={
        200: {
            "content": _FILE_TYPES,
            "description": "the file's bytes with its media type and Content-Disposition: attachment; "
            "filename*=UTF-8''<its name, percent-encoded> (RFC 5987)",
        },
        **error_responses(401, 403, 404, 422),
    },
)
def download_attachment(
    ticket_id: EntityId, attachment_id: EntityId, caller: Annotated[Caller, _READ], request: Request
) -> Response:
    """An attached file (an API addition): the bytes as uploaded. Another vendor's ticket, or an
    attachment of another ticket, is 404."""
    with db_of(request).session() as s:
        ticket = s.get(Ticket, ticket_id)
        if ticket is None or ticket.account_id != caller.account_id:
            raise ApiError(404, "NOT_FOUND", "No such ticket.", "工单不存在。")
        described = next((a for a in ticket.attachments if a["id"] == attachment_id), None)
        stored = s.get(TicketAttachment, attachment_id) if described is not None else None
        if described is None or stored is None:
            raise ApiError(404, "NOT_FOUND", "No such attachment.", "附件不存在。")
        content, media_type, name = stored.content, stored.media_type, described["name"]
    return Response(
        content=content,
        media_type=media_type,
        headers={
            "Content-Disposition": f"attachment; filename*=UTF-8''{quote(name, safe='')}",
            "X-Content-Type-Options": "nosniff",
        },
    )
