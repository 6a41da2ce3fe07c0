"""The Invoices list's queries (issue 12): filters by state, overdue and due within N working
days (R-INV-3, the official calendar: across National Day), request dates, search by order
number, title, tax ID and tracking number; the due date as the default sort; paging."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests.cache.conftest import change
from vendor_desktop.cache.core.apply import apply_changes
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.cache.invoices.queries import (
    InvoiceQuery,
    count_invoices,
    due_within_until,
    invoice_detail,
    invoice_ids,
    invoices_by_id,
    invoices_for_order_number,
)

# Wednesday 30 September 2026, the last working day before National Day (1–7 October off;
# Saturday 10 October is a make-up working day).
TODAY = dt.date(2026, 9, 30)


def invoice(id_: str, *, due: str, state: str = "pending", version: int = 1, **data: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "order_id": f"o-{id_}",
        "order_number": f"2026091{id_[-1]}0000{id_}",
        "amount_fen": 8800,
        "listing_name": "云桌面 SaaS 标准版",
        "buyer_account_id": "B000001",
        "state": state,
        "type": "ordinary",
        "title": f"杭州{id_}科技有限公司",
        "tax_id": "91330100MA2H123456",
        "mailing": {
            "recipient": "王*明",
            "address": "杭州市西湖区文三路 1 号",
            "virtual_number": "170 0000 0001 转 0001",
        },
        "requested_at": "2026-09-16T10:00:00+08:00",
        "due_date": due,
        "due_date_approximate": False,
        "history": [{"at": "2026-09-16T10:00:00+08:00", "action": "requested", "actor": "buyer"}],
    }
    fields.update(data)
    return change("invoice", id_, version, **fields)


@pytest.fixture
def invoices(db: CacheDatabase) -> CacheDatabase:
    with db.session(write=True) as s, s.begin():
        apply_changes(s, [
            invoice("i1", due="2026-09-29"),  # overdue since yesterday
            invoice("i2", due="2026-09-30"),  # due today: 0 working days left
            invoice("i3", due="2026-10-08"),  # 1 working day after the holiday
            invoice("i4", due="2026-10-09"),  # 2 working days
            invoice("i5", due="2026-10-10"),  # the make-up Saturday: 3 working days
            invoice("i6", due="2026-09-20", state="issued", invoice_number="12345678"),  # past, but issued
            invoice("i7", due="2026-10-20", state="shipped", carrier="顺丰", tracking_number="SF1234567890123",
                    postage="vendor_paid", requested_at="2026-09-01T09:00:00+08:00"),
            invoice("i8", due="2026-09-10", state="revoked", title="=HYPERLINK(\"x\")", tax_id=None,
                    requested_at="2026-08-20T23:30:00+00:00"),  # 21 August in Beijing
        ])  # fmt: skip
    return db


def ids(db: CacheDatabase, **query: Any) -> list[str]:
    with db.session() as s:
        return invoice_ids(s, InvoiceQuery(today=TODAY, **query))


def test_the_default_order_is_the_due_date_soonest_first_pending_requests_on_top(invoices):
    """R-INV-3: the request that falls due first is on top; the due date is a deadline to issue,
    so pending requests come first, then issued ones (to post), then the finished ones."""
    assert ids(invoices) == ["i1", "i2", "i3", "i4", "i5", "i6", "i8", "i7"]
    assert ids(invoices, descending=True) == ["i5", "i4", "i3", "i2", "i1", "i6", "i7", "i8"]


def test_overdue_is_pending_and_past_its_due_date(invoices):
    """An issued or revoked request past its date is not overdue (R-INV-3)."""
    assert ids(invoices, overdue=True) == ["i1"]


def test_due_within_counts_working_days_across_national_day(invoices):
    """Two working days from 30 September reach 9 October: the holiday week does not count, the
    make-up Saturday after it does (so a request due on 10 October is three days away)."""
    assert due_within_until(TODAY, 2) == dt.date(2026, 10, 10)  # the first date past: the make-up Saturday
    assert ids(invoices, due_within=2) == ["i2", "i3", "i4"]
    assert ids(invoices, due_within=0) == ["i2"]
    assert ids(invoices, due_within=3) == ["i2", "i3", "i4", "i5"]
    # Overdue or due soon: what the vendor must look at now.
    assert ids(invoices, overdue=True, due_within=1) == ["i1", "i2", "i3"]


def test_state_and_request_dates_filter_in_beijing_days(invoices):
    assert ids(invoices, states=("issued", "shipped")) == ["i6", "i7"]
    # 2026-08-20 23:30 UTC is 21 August in Beijing.
    assert ids(invoices, date_from=dt.date(2026, 8, 21), date_to=dt.date(2026, 8, 21)) == ["i8"]
    assert ids(invoices, date_from=dt.date(2026, 9, 2)) == ["i1", "i2", "i3", "i4", "i5", "i6"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("20260913", ["i3"]),  # a part of the order number
        ("杭州i5科技", ["i5"]),  # the title
        ("91330100ma2h", ["i1", "i2", "i3", "i4", "i5", "i6", "i7"]),  # tax ID, any case
        ("sf12345", ["i7"]),  # the tracking number
        ("顺丰", []),  # the carrier is not searched (it would match every shipped invoice)
        ("%", []),  # no wildcard
    ],
)
def test_search_finds_order_number_title_tax_id_and_tracking_number(invoices, text, found):
    assert ids(invoices, text=text) == found


def test_sorts_by_each_column_with_missing_values_last(invoices):
    assert ids(invoices, sort="shipment")[0] == "i7"  # the only one with a carrier
    assert ids(invoices, sort="shipment", descending=True)[0] == "i7"
    assert ids(invoices, sort="requested")[0] == "i8"
    with pytest.raises(ValueError, match="unknown sort key"):
        ids(invoices, sort="nope")


def test_paging_a_thousand_requests(db):
    with db.session(write=True) as s, s.begin():
        apply_changes(s, [invoice(f"p{n:04d}", due=f"2026-10-{n % 20 + 10:02d}") for n in range(1000)])
    with db.session() as s:
        query = InvoiceQuery(today=TODAY)
        head = invoice_ids(s, query, limit=100)
        every = invoice_ids(s, query)
        assert count_invoices(s, query) == 1000
        assert head == every[:100]
        rows = invoices_by_id(s, every[500:600])
    assert len(rows) == 100
    assert [rows[i].due_date for i in every[500:600]] == sorted(rows[i].due_date for i in every[500:600])


def test_one_invoice_with_its_version_mailing_and_history(invoices):
    with invoices.session(write=True) as s, s.begin():
        apply_changes(s, [invoice("i1", due="2026-09-29", version=3, state="issued", invoice_number="87654321")])
    with invoices.session() as s:
        row = invoice_detail(s, "i1")
        assert invoice_detail(s, "nope") is None
        by_number = invoices_for_order_number(s, row.order_number)
    assert (row.version, row.state, row.invoice_number) == (3, "issued", "87654321")
    assert row.mailing["virtual_number"] == "170 0000 0001 转 0001"
    assert row.history[0]["action"] == "requested"
    assert row.due_date == dt.date(2026, 9, 29) and row.requested_at.utcoffset() is not None
    assert [r.id for r in by_number] == ["i1"]
