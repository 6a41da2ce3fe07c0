"""The sandbox marketplace backend's app: core's app factory with every area registered, once.

An area is a package beside ``core/`` (DESIGN.md "Areas"). Its routes are registered here, in the
order the OpenAPI document lists them; its tables, with the entity kinds they sync, join the schema
where ``core/database.py`` imports its models; its demo rows, in ``controls/seed.py``.
"""

from __future__ import annotations

from fastapi import FastAPI

from .account import routes as account
from .activity import recording as activity
from .controls import exit as exit_controls
from .controls import invoices as invoice_controls
from .controls import money as money_controls
from .controls import refunds as refund_controls
from .controls import routes as controls
from .controls import tickets as ticket_controls
from .core.app import build_app
from .core.clock import Clock
from .discounts import routes as discounts
from .exit import routes as exit_routes
from .invoices import routes as invoices
from .listings import routes as listings
from .messages import routes as messages
from .money import routes as money
from .orders import routes as orders
from .refunds import routes as refunds
from .sub_accounts import routes as sub_accounts
from .tickets import routes as tickets

#: Each area's vendor routes, in the order the OpenAPI document lists them.
AREA_ROUTERS = (
    orders.router,
    messages.router,
    discounts.router,
    listings.router,
    invoices.router,
    money.router,
    refunds.router,
    account.router,
    tickets.router,
    tickets.uploads,
    tickets.files,
    exit_routes.router,
    sub_accounts.router,
)
#: The operator's ``/sandbox/*`` controls (playing buyers and the review), only with sandbox_controls.
CONTROL_ROUTERS = (
    controls.router,
    invoice_controls.router,
    money_controls.router,
    ticket_controls.router,
    refund_controls.router,
    exit_controls.router,
)


def create_app(
    database_url: str = "sqlite://",
    *,
    clock: Clock | None = None,
    sandbox_controls: bool = True,
    operator_token: str | None = None,
) -> FastAPI:
    """Build the sandbox app over its own database (created if missing), with every area's routes
    (``core.app.build_app`` says what ``clock`` and ``operator_token`` do)."""
    app = build_app(
        database_url,
        clock=clock,
        sandbox_controls=sandbox_controls,
        operator_token=operator_token,
        routers=AREA_ROUTERS,
        control_routers=CONTROL_ROUTERS,
    )
    # Every vendor command writes its activity entry (issue 15; core/command_log.py).
    app.state.command_log = activity.start
    return app
