"""The embedded demo the app opens by default."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from vendor_desktop.domain.workdays import SHANGHAI
from vendor_desktop.sandbox.core.clock import SettableClock
from vendor_desktop.sandbox.embedded import EmbeddedSandbox
from vendor_desktop.sandbox.orders.models import Order


def todays_orders(sandbox: EmbeddedSandbox, day: str) -> list[tuple[str, str]]:
    with sandbox.app.state.db.session() as s:
        rows = s.execute(select(Order.created_at, Order.state)).all()
    return [(created, state) for created, state in rows if created.startswith(day)]


def test_the_demo_has_orders_today_every_day_it_is_opened(tmp_path, database_url):
    """Opened days after it was seeded, the demo shows buyers at work today (R-ORD-2)."""
    clock = SettableClock()
    clock.set(dt.datetime(2026, 11, 20, 15, 0, tzinfo=SHANGHAI))
    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}" if database_url == "sqlite://" else database_url
    sandbox = EmbeddedSandbox(url, clock=clock)
    first = sandbox.ensure_demo()
    today = todays_orders(sandbox, "2026-11-20")
    assert today and all(created < "2026-11-20T15:00" for created, _ in today)
    assert {"paid", "unpaid"} <= {state for _, state in today}

    assert sandbox.ensure_demo() == first  # the same login at every launch
    assert len(todays_orders(sandbox, "2026-11-20")) == len(today)  # once a day, not at every launch

    clock.set(dt.datetime(2026, 11, 23, 9, 30, tzinfo=SHANGHAI))
    assert sandbox.ensure_demo() == first
    assert todays_orders(sandbox, "2026-11-23")


def test_buyers_of_the_demo_ask_for_invoices_each_day_it_is_opened(tmp_path, database_url):
    """R-INV-1, R-INV-3: days after the seed, new requests arrive today (due in 10 working days)
    on orders paid before today, with their messages; the seeded ones are still there."""
    from vendor_desktop.sandbox.invoices.models import Invoice
    from vendor_desktop.sandbox.messages.models import Message

    clock = SettableClock()
    clock.set(dt.datetime(2026, 11, 20, 15, 0, tzinfo=SHANGHAI))
    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}" if database_url == "sqlite://" else database_url
    sandbox = EmbeddedSandbox(url, clock=clock)
    sandbox.ensure_demo()
    clock.set(dt.datetime(2026, 11, 23, 9, 30, tzinfo=SHANGHAI))
    sandbox.ensure_demo()
    sandbox.ensure_demo()  # once a day, not at every launch
    with sandbox.app.state.db.session() as s:
        invoices = s.execute(select(Invoice)).scalars().all()
        todays = [i for i in invoices if i.requested_at.startswith("2026-11-23")]
        told = {m.invoice_id for m in s.execute(select(Message).where(Message.kind == "invoice_requested")).scalars()}
        paid = {o.id: o.paid_at for o in s.execute(select(Order)).scalars()}
    assert len(todays) == 2 and len(invoices) > 2
    assert all(i.state == "pending" and i.due_date == "2026-12-07" for i in todays)
    assert all(paid[i.order_id] < "2026-11-23" for i in todays)
    assert {i.id for i in invoices} <= told
