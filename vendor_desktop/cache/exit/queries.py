"""What blocks leaving the marketplace (退出云市场), R-EXT-1, as the cache knows it: counted in SQL
in the shape of the server's 409 ``EXIT_BLOCKED`` ``details.blockers`` (``domain.exit.ExitBlocker``),
so the page shows its own look and the marketplace's refusal the same way.

Only the main account leaves (SPEC §11), and it reads every entity counted here. The server
decides; this is what the page says before asking it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from vendor_desktop.cache.core import outbox
from vendor_desktop.cache.core.models import Invoice, Order, Refund, Withdrawal
from vendor_desktop.cache.core.outbox import Command
from vendor_desktop.domain.earnings import WithdrawalState
from vendor_desktop.domain.exit import ExitBlocker
from vendor_desktop.domain.invoices import InvoiceState
from vendor_desktop.domain.orders import OrderState
from vendor_desktop.domain.refunds import RefundState

#: As ``details.blockers`` carries them: at most this many ids of each.
IDS_PER_BLOCKER = 20
#: The desktop command that applies to leave (API.md ``POST /vendor/exit``).
EXIT_KIND = "vendor.exit"

# R-EXT-1: an order is open until it is completed or cancelled (or, refunded in full, closed).
_ORDERS_CLOSED = (OrderState.COMPLETED.value, OrderState.CANCELLED.value, OrderState.REFUNDED.value)
_WITHDRAWALS_IN_PROGRESS = (WithdrawalState.REQUESTED.value, WithdrawalState.PROCESSING.value)


@dataclass(frozen=True)
class Blocker:
    """One line of ``details.blockers``: what, how many, and the first ids."""

    blocker: ExitBlocker
    count: int
    ids: tuple[str, ...] = ()


def _blocker(session: Session, which: ExitBlocker, model: type, where: ColumnElement[bool]) -> Blocker | None:
    count = session.scalar(select(func.count()).select_from(model).where(where)) or 0
    if not count:
        return None
    ids = session.scalars(select(model.id).where(where).order_by(model.id).limit(IDS_PER_BLOCKER)).all()  # type: ignore[attr-defined]
    return Blocker(which, count, tuple(ids))


def exit_blockers(session: Session) -> list[Blocker]:
    """R-EXT-1: what blocks an exit now, in ``ExitBlocker`` order, only those with a count."""
    found = [
        _blocker(session, ExitBlocker.OPEN_ORDERS, Order, Order.state.not_in(_ORDERS_CLOSED)),
        _blocker(session, ExitBlocker.PENDING_REFUNDS, Refund, Refund.state == RefundState.REQUESTED.value),
        _blocker(session, ExitBlocker.PENDING_INVOICES, Invoice, Invoice.state == InvoiceState.PENDING.value),
        _blocker(
            session,
            ExitBlocker.WITHDRAWALS_IN_PROGRESS,
            Withdrawal,
            Withdrawal.state.in_(_WITHDRAWALS_IN_PROGRESS),
        ),
    ]
    return [b for b in found if b is not None]


def blockers_from_details(details: object) -> list[Blocker]:
    """The server's ``details.blockers`` of a refused exit, as ``Blocker``s (what it does not
    recognise is left out rather than shown wrong)."""
    raw = details.get("blockers") if isinstance(details, dict) else None
    blockers = []
    for item in raw if isinstance(raw, list) else []:
        if not isinstance(item, dict):
            continue
        try:
            which = ExitBlocker(str(item.get("blocker")))
        except ValueError:
            continue
        count = item.get("count")
        ids = item.get("ids")
        blockers.append(
            Blocker(
                which,
                count if isinstance(count, int) and not isinstance(count, bool) else 0,
                tuple(str(i) for i in ids) if isinstance(ids, list) else (),
            )
        )
    return blockers


def latest_exit_command(session: Session) -> Command | None:
    """The newest open (waiting, sending, held or refused) application to leave."""
    found = outbox.open_commands_of_kind(session, EXIT_KIND)
    return found[-1] if found else None
