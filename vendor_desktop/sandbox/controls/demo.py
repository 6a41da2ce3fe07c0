"""Buyers at work in the embedded demo: today's orders and invoice requests, so the demo never
looks like a closed shop.

Seeded data ends at midnight of the day it was seeded (so a seed is reproducible within a day);
the app launches the demo on a persistent database, days later too. At each launch, if the demo
vendor has no orders yet today, a few buyers place orders earlier today and some pay for them,
through the same code as ``POST /sandbox/orders`` and ``/pay`` (with their messages, R-ORD-2),
and a couple of buyers of earlier paid orders ask for invoices, as ``POST /sandbox/invoices`` does
(R-INV-1): the seeded requests age into overdue ones, and new ones keep arriving.
"""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from vendor_desktop.domain.orders import OrderState
from vendor_desktop.domain.workdays import SHANGHAI

from ..core.clock import iso
from ..invoices.models import Invoice
from ..invoices.rules import PAID_STATES, request_invoice
from ..invoices.seed import buyer_request
from ..listings.models import Listing
from ..money.rules import order_paid
from ..orders.models import Order
from ..orders.rules import move_order, place_order

#: The demo vendor's money, plain at a glance (SPEC §7–§8): ¥8,000.00 in the balance, a tier-2
#: deposit (¥2,000.00) while its revenue in tier-3 markets requires tier 3 — so those markets'
#: earnings are on hold (暂不可提现) — both agreements signed, and one paid and one processing
#: withdrawal in its history.
DEMO_MONEY = {"balance_fen": 800_000, "deposit_paid_fen": 200_000, "withdrawals": 2}


def place_todays_orders(s: Session, account_id: str, now: dt.datetime, *, count: int = 5) -> int:
    """Place up to ``count`` orders between midnight and ``now`` (Shanghai) unless today has some."""
    now = now.astimezone(SHANGHAI)
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    today = (
        select(func.count()).select_from(Order).where(Order.account_id == account_id, Order.created_at >= iso(midnight))
    )
    if s.execute(today).scalar_one() or now - midnight < dt.timedelta(minutes=10):
        return 0
    on_sale = list(
        s.execute(select(Listing).where(Listing.account_id == account_id, Listing.state == "on_sale")).scalars()
    )
    if not on_sale:
        return 0
    rng = random.Random(f"{account_id}:{midnight.date()}")
    span = int((now - midnight).total_seconds())
    moments = sorted(midnight + dt.timedelta(seconds=rng.randrange(60, span)) for _ in range(count))
    for n, moment in enumerate(moments):
        buyer = str(10**15 + rng.randrange(9 * 10**15))
        order = place_order(s, rng.choice(on_sale), buyer, None, moment)
        if n % 2 == 0:  # about half are paid within minutes, and earn (R-WDR-1)
            paid_at = min(now, moment + dt.timedelta(minutes=rng.randrange(1, 30)))
            move_order(s, order, OrderState.PAID, paid_at)
            order_paid(s, order, paid_at)
    _request_invoices(s, account_id, rng, midnight, span)
    return count


def _request_invoices(s: Session, account_id: str, rng: random.Random, midnight: dt.datetime, span: int) -> None:
    """Two buyers of orders paid before today, without an invoice yet, ask for one today."""
    invoiced = select(Invoice.order_id).where(Invoice.account_id == account_id)
    query = (
        select(Order)
        .where(
            Order.account_id == account_id,
            Order.state.in_([state.value for state in PAID_STATES]),
            Order.paid_at < iso(midnight),
            Order.id.not_in(invoiced),
        )
        .order_by(Order.paid_at.desc())
        .limit(20)
    )
    candidates = list(s.execute(query).scalars())
    for order in rng.sample(candidates, min(2, len(candidates))):
        moment = midnight + dt.timedelta(seconds=rng.randrange(60, span))
        request_invoice(s, order, buyer_request(order.number, order.virtual_number), moment)
