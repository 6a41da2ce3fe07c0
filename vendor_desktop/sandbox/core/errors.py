"""The error envelope of API.md: every non-2xx answer is
``{"error": {"code", "message", "message_zh", "details"}}``, whatever went wrong and wherever.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger(__name__)

# code → (English, Chinese) default messages; a raise site may pass a more specific text. These are
# the codes every area shares; each area adds its own with ``error_code`` (its ``errors`` module).
MESSAGES: dict[str, tuple[str, str]] = {
    "MALFORMED_REQUEST": ("The request body is not valid JSON.", "请求内容不是有效的 JSON。"),
    "VALIDATION_FAILED": ("Some fields are missing or invalid.", "部分字段缺失或无效。"),
    "NOT_AUTHENTICATED": ("Sign in first.", "请先登录。"),
    "INVALID_TOKEN": ("The token is invalid or has expired.", "令牌无效或已过期。"),
    "INVALID_CREDENTIALS": ("Wrong account ID, username or password.", "账号 ID、用户名或密码错误。"),
    "PERMISSION_DENIED": ("Your role may not do this.", "您的角色无权执行此操作。"),
    "NOT_FOUND": ("Not found.", "未找到。"),
    "METHOD_NOT_ALLOWED": ("This method is not allowed here.", "不支持此请求方法。"),
    "RATE_LIMITED": ("Too many attempts; try again later.", "尝试次数过多，请稍后再试。"),
    "CURSOR_EXPIRED": (
        "The sync position is no longer valid; sync again from the start.",
        "同步位置已失效，请重新完整同步。",
    ),
    "INTERNAL_ERROR": ("Something went wrong in the sandbox.", "沙箱内部错误。"),
    # Idempotency (API.md "Conventions", IETF idempotency-key draft).
    "IDEMPOTENCY_KEY_REQUIRED": (
        "Send an Idempotency-Key header (a new UUID) with every change.",
        "每个修改请求都须带 Idempotency-Key 请求头（新的 UUID）。",
    ),
    "IDEMPOTENCY_KEY_INVALID": (
        "The Idempotency-Key header must be 1 to 200 visible ASCII characters, e.g. a UUID.",
        "Idempotency-Key 请求头须为 1 至 200 个可见 ASCII 字符，例如 UUID。",
    ),
    "IDEMPOTENCY_KEY_REUSED": (
        "This Idempotency-Key was already used for a different request; use a new key.",
        "该 Idempotency-Key 已用于另一个不同的请求，请使用新的 Idempotency-Key。",
    ),
    "IDEMPOTENCY_KEY_IN_USE": (
        "The first request with this Idempotency-Key is still being processed; retry shortly.",
        "使用该 Idempotency-Key 的首个请求仍在处理中，请稍后重试。",
    ),
    # Versions (RFC 9110 If-Match).
    "PRECONDITION_REQUIRED": (
        "Send If-Match with the version you based this change on.",
        "请在 If-Match 请求头中提供此次修改所基于的版本号。",
    ),
    "VERSION_CONFLICT": (
        "Someone changed this in the meantime; review the current version and try again.",
        "该记录已被他人修改，请查看最新版本后重试。",
    ),
}



def error_code(code: str, message: str, message_zh: str) -> str:
    """An area's own error code, with its default English and Chinese messages; returns the code,
    so a raise site that names it has imported its messages."""
    MESSAGES[code] = (message, message_zh)
    return code


_STATUS_CODES = {
    400: "MALFORMED_REQUEST",
    401: "NOT_AUTHENTICATED",
    403: "PERMISSION_DENIED",
    404: "NOT_FOUND",
    405: "METHOD_NOT_ALLOWED",
    409: "CONFLICT",
    422: "VALIDATION_FAILED",
    429: "RATE_LIMITED",
}


class ErrorBody(BaseModel):
    code: str = Field(description="UPPER_SNAKE error code, fixed by API.md")
    message: str = Field(description="English explanation")
    message_zh: str = Field(description="Chinese explanation")
    details: dict[str, Any] = Field(
        default_factory=dict, description="e.g. `fields` {field: reason} for VALIDATION_FAILED"
    )


class ErrorEnvelope(BaseModel):
    error: ErrorBody


class ApiError(Exception):
    """Raise anywhere in a route to answer with the envelope."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str | None = None,
        message_zh: str | None = None,
        details: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        en, zh = MESSAGES.get(code, (code.replace("_", " ").capitalize() + ".", "请求失败。"))
        super().__init__(f"{status} {code}")
        self.status = status
        self.code = code
        self.message = message or en
        self.message_zh = message_zh or zh
        self.details = details or {}
        self.headers = headers


def envelope(status: int, code: str, details: dict[str, Any] | None = None, **kw: Any) -> JSONResponse:
    return _respond(ApiError(status, code, details=details, **kw))


def _respond(err: ApiError) -> JSONResponse:
    body = {
        "error": {
            "code": err.code,
            "message": err.message,
            "message_zh": err.message_zh,
            "details": err.details,
        }
    }
    headers = dict(err.headers or {})
    if err.status == 401:
        headers.setdefault("WWW-Authenticate", "Bearer")
    return JSONResponse(body, status_code=err.status, headers=headers)


def _field_name(loc: tuple[Any, ...] | list[Any]) -> str:
    # Drop the "body"/"query"/"path" prefix so clients see their own field names.
    parts = [str(p) for p in loc]
    if len(parts) > 1 and parts[0] in {"body", "query", "path", "header"}:
        parts = parts[1:]
    return ".".join(parts) or "body"


def response_for(exc: Exception) -> JSONResponse | None:
    """The envelope answering a client-caused exception; None for anything else (a bug).

    Public so the idempotency layer can record an error answer as the key's first response."""
    if isinstance(exc, ApiError):
        return _respond(exc)
    if isinstance(exc, RequestValidationError):
        errors = exc.errors()
        if any(e.get("type") == "json_invalid" for e in errors):
            return envelope(400, "MALFORMED_REQUEST")
        fields: dict[str, str] = {}
        for e in errors:
            fields.setdefault(_field_name(e.get("loc", ())), str(e.get("msg", "invalid")))
        return envelope(422, "VALIDATION_FAILED", {"fields": fields})
    if isinstance(exc, StarletteHTTPException):
        code = _STATUS_CODES.get(exc.status_code, "HTTP_ERROR")
        return _respond(ApiError(exc.status_code, code, headers=getattr(exc, "headers", None)))
    return None


def install_error_handlers(app: FastAPI) -> None:
    async def _client_error(_: Request, exc: Exception) -> JSONResponse:
        response = response_for(exc)
        assert response is not None  # registered only for the client-error types below
        return response

    for kind in (ApiError, RequestValidationError, StarletteHTTPException):
        app.add_exception_handler(kind, _client_error)

    @app.exception_handler(Exception)
    async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
        # A 500 is a bug (API.md); log it with its traceback, answer with the envelope anyway.
        log.exception("unexpected error in the sandbox", exc_info=exc)
        return envelope(500, "INTERNAL_ERROR")


def error_responses(*statuses: int, notes: dict[int, str] | None = None) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses=`` documenting that these statuses answer with the envelope;
    ``notes`` replace the generic description of a status with the codes a route really sends."""
    described = {
        400: "Malformed JSON (MALFORMED_REQUEST)",
        401: "Missing or invalid credentials (NOT_AUTHENTICATED, INVALID_TOKEN, INVALID_CREDENTIALS), or a session "
        "the main account ended (TOKEN_REVOKED, details.reason)",
        403: "The caller's role may not do this (PERMISSION_DENIED), or the caller must change its password first "
        "(PASSWORD_CHANGE_REQUIRED)",
        404: "No such resource (NOT_FOUND)",
        409: "State conflict (e.g. CURSOR_EXPIRED, ORDER_STATE, ACCOUNT_EXISTS, LISTING_STATE)",
        412: "If-Match names a stale version (VERSION_CONFLICT; details.current is the current entity)",
        422: "Invalid fields (VALIDATION_FAILED, details.fields)",
        428: "If-Match is missing (PRECONDITION_REQUIRED)",
        429: "Too many attempts (RATE_LIMITED)",
    }
    described.update(notes or {})
    return {s: {"model": ErrorEnvelope, "description": described[s]} for s in statuses}
