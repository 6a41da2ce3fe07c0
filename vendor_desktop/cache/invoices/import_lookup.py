"""What the tracking-number import's preview needs from the cache: the invoices a file names.

A file of 10,000 rows is looked up in chunks (SQLite's bound-parameter limit, and one query per
chunk instead of one per row), by order number first (the index ``ix_invoices_order_number``),
then the keys still unknown by invoice ID. Each invoice found also says whether an
``invoice.ship`` command for it is still open in the outbox, so importing the same file twice
queues nothing the second time (issue 12).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from vendor_desktop.cache.core.models import Invoice, OutboxCommand
from vendor_desktop.cache.core.outbox import OPEN_STATES
from vendor_desktop.domain.invoices import InvoiceState
from vendor_desktop.domain.tracking_import import InvoiceFacts

CHUNK = 500
SHIP_KIND = "invoice.ship"

#: When an order has several invoices (the buyer revoked one and asked again), the one a
#: tracking number is for: the issued one first, then pending, shipped, revoked.
_PREFERENCE = {InvoiceState.ISSUED: 0, InvoiceState.PENDING: 1, InvoiceState.SHIPPED: 2, InvoiceState.REVOKED: 3}

_COLUMNS = (Invoice.id, Invoice.version, Invoice.order_number, Invoice.amount_fen, Invoice.state, Invoice.requested_ts)


def _chunks(items: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


def _facts(row: Any) -> InvoiceFacts:
    return InvoiceFacts(row.id, row.version, row.order_number or "", row.amount_fen or 0, row.state or "")


def _rank(row: Any) -> tuple[int, int]:
    return _PREFERENCE.get(row.state, 9), -(row.requested_ts or 0)


def invoices_for_import(session: Session, order_numbers: Iterable[str], ids: Iterable[str]) -> dict[str, InvoiceFacts]:
    """Key → the invoice it names: each of ``order_numbers`` looked up as an order number and,
    if none, as an invoice ID; each of ``ids`` as an invoice ID and, if none, as an order number
    (a forgiving import: people paste one into the other's column). Absent keys are unknown."""
    numbers, by_id = sorted(set(order_numbers)), sorted(set(ids))
    found = _by_order_number(session, numbers)
    found.update(_by_id(session, by_id))
    found.update(_by_id(session, [n for n in numbers if n not in found]))
    found.update(_by_order_number(session, [i for i in by_id if i not in found]))
    queued = open_shipments(session, sorted({f.id for f in found.values()}))
    return {
        key: InvoiceFacts(f.id, f.version, f.order_number, f.amount_fen, f.state, queued.get(f.id))
        for key, f in found.items()
    }


def _by_order_number(session: Session, numbers: Sequence[str]) -> dict[str, InvoiceFacts]:
    best: dict[str, Any] = {}
    for chunk in _chunks(numbers):
        for row in session.execute(select(*_COLUMNS).where(Invoice.order_number.in_(chunk))):
            kept = best.get(row.order_number)
            if kept is None or _rank(row) < _rank(kept):
                best[row.order_number] = row
    return {number: _facts(row) for number, row in best.items()}


def _by_id(session: Session, ids: Sequence[str]) -> dict[str, InvoiceFacts]:
    found: dict[str, InvoiceFacts] = {}
    for chunk in _chunks(ids):
        for row in session.execute(select(*_COLUMNS).where(Invoice.id.in_(chunk))):
            found[row.id] = _facts(row)
    return found


def open_shipments(session: Session, invoice_ids: Sequence[str]) -> dict[str, str]:
    """Invoice ID → the state of its open ``invoice.ship`` command (the latest when several)."""
    states = [s.value for s in OPEN_STATES]
    found: dict[str, str] = {}
    for chunk in _chunks(invoice_ids):
        stmt = (
            select(OutboxCommand.entity_id, OutboxCommand.state)
            .where(
                OutboxCommand.entity == "invoice",
                OutboxCommand.entity_id.in_(chunk),
                OutboxCommand.kind == SHIP_KIND,
                OutboxCommand.state.in_(states),
            )
            .order_by(OutboxCommand.id)
        )
        for entity_id, state in session.execute(stmt):
            found[entity_id] = state
    return found


def command_states(session: Session, command_ids: Sequence[int]) -> dict[int, tuple[str, str | None, str, str]]:
    """Command id → (state, error code, error message, its Chinese), for the import's results;
    a command no longer in the outbox (discarded) is absent."""
    found: dict[int, tuple[str, str | None, str, str]] = {}
    for start in range(0, len(command_ids), CHUNK):
        chunk = command_ids[start : start + CHUNK]
        stmt = select(
            OutboxCommand.id,
            OutboxCommand.state,
            OutboxCommand.error_code,
            OutboxCommand.error_message,
            OutboxCommand.error_message_zh,
        ).where(OutboxCommand.id.in_(chunk))
        for id_, state, code, message, message_zh in session.execute(stmt):
            found[id_] = (state, code, message or "", message_zh or "")
    return found
