"""The Workbench's invoice counts and the due-date reminder's query (issue 12, R-INV-3), around
National Day 2026: 10-01..10-07 are holidays, Saturday 10-10 is a make-up working day, so "two
working days" from Wednesday 09-30 reaches Friday 10-09, nine calendar days away."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests.cache.conftest import change
from vendor_desktop.cache.core.apply import apply_changes
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.cache.invoices.dashboard import (
    InvoiceCounts,
    due_soon_bound,
    invoice_counts,
    invoices_due_next_working_day,
)
from vendor_desktop.domain.invoices import is_overdue, working_days_left

D = dt.date
WEDNESDAY_BEFORE_THE_HOLIDAY = D(2026, 9, 30)


def invoice_change(id_: str, state: str, due: str, **data: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "order_id": f"o-{id_}",
        "order_number": f"2026092900{id_}",
        "amount_fen": 8800,
        "listing_name": "Cloud Backup",
        "buyer_account_id": f"B{id_}",
        "state": state,
        "type": "ordinary",
        "title": "杭州云栖科技有限公司",
        "tax_id": "91330100MA2B3C4D5E",
        "mailing": {"recipient": "张*", "address": "杭州市", "virtual_number": "17011704956,4409"},
        "requested_at": "2026-09-15T10:00:00+08:00",
        "due_date": due,
        "due_date_approximate": False,
        "history": [],
    }
    fields.update(data)
    return change("invoice", id_, 1, **fields)


INVOICES = [
    ("over", "pending", "2026-09-29"),  # due yesterday: overdue
    ("today", "pending", "2026-09-30"),  # due today: 0 working days left, due soon, not overdue
    ("oct8", "pending", "2026-10-08"),  # the next working day, after the holiday week
    ("oct9", "pending", "2026-10-09"),  # the second working day
    ("oct10", "pending", "2026-10-10"),  # the make-up Saturday: the third working day
    ("oct12", "pending", "2026-10-12"),
    ("issued", "issued", "2026-10-08"),  # issued: nothing to do, whatever its due date
    ("shipped", "shipped", "2026-09-29"),
    ("revoked", "revoked", "2026-09-28"),
]


@pytest.fixture
def invoices_db(db: CacheDatabase) -> CacheDatabase:
    with db.session(write=True) as s, s.begin():
        apply_changes(s, [invoice_change(i, state, due) for i, state, due in INVOICES])
    return db


def counts(db: CacheDatabase, today: dt.date) -> InvoiceCounts:
    with db.session() as s:
        return invoice_counts(s, today)


def reminded(db: CacheDatabase, today: dt.date) -> list[str]:
    with db.session() as s:
        return [d.id for d in invoices_due_next_working_day(s, today)]


def test_two_working_days_skip_the_national_day_holiday(invoices_db: CacheDatabase) -> None:
    """R-INV-3: from 09-30, due within two working days is due by 10-09 (10-01..10-07 are not
    working days); overdue is only what is still pending past its due date."""
    assert counts(invoices_db, WEDNESDAY_BEFORE_THE_HOLIDAY) == InvoiceCounts(pending=6, overdue=1, due_soon=3)
    assert due_soon_bound(WEDNESDAY_BEFORE_THE_HOLIDAY) == D(2026, 10, 10)


def test_the_counts_agree_with_the_domain_rules_on_every_day_around_the_holiday(invoices_db: CacheDatabase) -> None:
    """The SQL ranges give what ``is_overdue`` and ``working_days_left`` say, day by day."""
    pending = [D.fromisoformat(due) for _, state, due in INVOICES if state == "pending"]
    day = D(2026, 9, 25)
    while day <= D(2026, 10, 14):
        expected = InvoiceCounts(
            pending=len(pending),
            overdue=sum(is_overdue("pending", due, day) for due in pending),
            due_soon=sum(not is_overdue("pending", due, day) and working_days_left(day, due) <= 2 for due in pending),
        )
        assert counts(invoices_db, day) == expected, day
        day += dt.timedelta(days=1)


def test_during_the_holiday_the_next_working_days_are_after_it(invoices_db: CacheDatabase) -> None:
    """On 10-03 (a holiday) 09-29 and 09-30 are overdue; 10-08 and 10-09 are the next two
    working days, 10-10 the third."""
    assert counts(invoices_db, D(2026, 10, 3)) == InvoiceCounts(pending=6, overdue=2, due_soon=2)


def test_the_reminder_names_the_invoice_due_the_next_working_day(invoices_db: CacheDatabase) -> None:
    """Issue 12: the working day before it falls due. On Wednesday 09-30 that is the invoice due
    Thursday 10-08, a week later; not the one due 10-09, nor the issued one due 10-08."""
    assert reminded(invoices_db, WEDNESDAY_BEFORE_THE_HOLIDAY) == ["oct8"]
    with invoices_db.session() as s:
        (due,) = invoices_due_next_working_day(s, WEDNESDAY_BEFORE_THE_HOLIDAY)
    assert (due.order_number, due.due_date) == ("2026092900oct8", D(2026, 10, 8))


def test_no_reminder_on_a_holiday_and_the_make_up_saturday_counts(invoices_db: CacheDatabase) -> None:
    assert reminded(invoices_db, D(2026, 10, 5)) == []  # a holiday is not the working day before
    assert reminded(invoices_db, D(2026, 10, 8)) == ["oct9"]
    assert reminded(invoices_db, D(2026, 10, 9)) == ["oct10"]  # Friday, before the make-up Saturday
    assert reminded(invoices_db, D(2026, 10, 10)) == ["oct12"]
    assert reminded(invoices_db, D(2026, 9, 29)) == ["today"]  # due 09-30
    assert reminded(invoices_db, D(2026, 10, 12)) == []  # nothing pending is due 10-13


def test_an_empty_cache_counts_nothing(db: CacheDatabase) -> None:
    assert counts(db, WEDNESDAY_BEFORE_THE_HOLIDAY) == InvoiceCounts()
    assert reminded(db, WEDNESDAY_BEFORE_THE_HOLIDAY) == []
