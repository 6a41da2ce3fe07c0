"""The vendor's exit command (退出云市场, R-EXT-1), API.md "Commands (push)".

On a ``command_router``: it needs an ``Idempotency-Key``; no If-Match (``/vendor/exit`` is not
an entity path).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request, Response

from vendor_desktop.domain.roles import Permission

from ..core import entities
from ..core.auth import Caller, clock_of
from ..core.catch_up import catch_up
from ..core.commands import command_errors
from ..core.idempotency import command_router, command_transaction
from ..core.preconditions import require
from ..core.schemas import EntityEnvelope
from .rules import exit_marketplace

router = command_router(tags=["commands"])


@router.post(
    "/vendor/exit",
    response_model=EntityEnvelope,
    responses=command_errors(
        403,
        s409="EXIT_BLOCKED (details.blockers: [{blocker: open_orders | pending_refunds | pending_invoices | "
        "withdrawals_in_progress, count, ids (up to 20)}], only those with a count); ALREADY_EXITED "
        "(details.exited_at)",
    ),
)
def leave(caller: Annotated[Caller, Depends(require(Permission.EXIT))], request: Request) -> Response:
    """R-EXT-1 退出云市场 (owner only, SPEC §11): once no order is open (unpaid or refunding, or a
    manual service paid or delivering — the marketplace delivers the others), no refund awaits a
    decision, no invoice is pending and no withdrawal is requested or processing, the vendor
    leaves: every listing on sale or in review is delisted, new orders and listing submissions are
    refused (409 VENDOR_EXITED). Answers the vendor profile with `exited_at`. The body, if any,
    is ignored. The deposit comes back about 45 days after the receipt is returned (R-DEP-7:
    `receipt_returned_on`, `deposit_refund_on`)."""
    with command_transaction(request) as t:
        now = clock_of(request).now()
        catch_up(t.session, caller.account_id, now)
        vendor = exit_marketplace(t.session, caller.account_id, now)
        return t.answer(entities.envelope("vendor_profile", vendor))
