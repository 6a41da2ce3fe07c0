"""The sandbox marketplace backend's app factory: every route under ``/api/v1`` (API.md).

It builds what every area shares (the database, clock, operator token, error envelope, health,
sign-in and sync) and mounts the areas' routers it is given: ``server.py`` registers them.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from importlib.metadata import PackageNotFoundError, version

from fastapi import APIRouter, FastAPI

from . import auth, sync_routes
from .clock import Clock, SettableClock
from .database import Database
from .errors import install_error_handlers
from .idempotency import Inflight
from .schemas import Health

BASE_PATH = "/api/v1"

try:
    __version__ = version("vendor-desktop")
except PackageNotFoundError:  # a source tree that was never installed
    __version__ = "0.0.0+source"


def build_app(
    database_url: str,
    *,
    clock: Clock | None,
    sandbox_controls: bool,
    operator_token: str | None,
    routers: Sequence[APIRouter],
    control_routers: Sequence[APIRouter],
) -> FastAPI:
    """Build the sandbox app over its own database (created if missing).

    ``clock`` drives every time rule; it is wrapped in a ``SettableClock`` (unless it is one) so
    ``POST /sandbox/clock`` can move it. ``operator_token`` authenticates the sandbox controls;
    one is generated when not given (read it from ``app.state.operator_token``). ``routers`` are the
    areas' routes, mounted in this order after sign-in and sync; ``control_routers`` the operator's
    ``/sandbox/*`` controls, mounted only with ``sandbox_controls``.
    """
    app = FastAPI(
        title="Vendor Center marketplace sandbox",
        version=__version__,
        description=(
            "The sandbox implementation of the marketplace backend API v1 (API.md).\n\n"
            "Every vendor command (tag `commands`) requires an `Idempotency-Key` header: a retry with "
            "the same key and body replays the first answer (header `Idempotent-Replayed: true`) and "
            "changes nothing. A command's effect and its recorded answer commit in one transaction, so a "
            "retry after the server died mid-command is either run afresh (nothing was applied) or "
            "answered with the first answer (it was), never applied twice. While the first request with a "
            "key is running, or after a retry took over a key whose first request was cut off, that other "
            "request is answered 409 `IDEMPOTENCY_KEY_IN_USE`: retry it. "
            "Commands on an existing entity take `If-Match: <version>`. "
            "Each caller receives only what its role reads (SPEC §11): a message only if its role reads "
            "the order, listing or invoice it is about, with the caller's own `read` state. "
            "Sign-in (`/auth/login`, `/auth/refresh`, `/auth/logout`) and the operator's `/sandbox/*` "
            "controls take neither: they are not vendor commands and keep their own semantics."
        ),
        openapi_url=f"{BASE_PATH}/openapi.json",
        docs_url=f"{BASE_PATH}/docs",
        redoc_url=None,
    )
    app.state.db = Database(database_url)
    app.state.clock = clock if isinstance(clock, SettableClock) else SettableClock(clock)
    # Hex, not URL-safe base64: a token starting with "-" could not be passed back as --operator-token X.
    app.state.operator_token = operator_token or secrets.token_hex(24)
    app.state.sandbox_controls = sandbox_controls
    # The idempotency keys this process is running now (idempotency.py).
    app.state.inflight_keys = Inflight()
    install_error_handlers(app)

    api = APIRouter(prefix=BASE_PATH)

    @api.get("/health", response_model=Health, tags=["health"])
    def health() -> Health:
        """Liveness; needs no token."""
        return Health(status="ok", version=__version__)

    api.include_router(auth.router)
    api.include_router(sync_routes.router)
    for router in routers:
        api.include_router(router)
    if sandbox_controls:
        for router in control_routers:
            api.include_router(router)
    app.include_router(api)

    return app
