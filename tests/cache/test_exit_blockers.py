"""What blocks leaving the marketplace, counted from the cache (R-EXT-1), in the shape of the
server's ``details.blockers``; and the Workbench's refund and ticket counts (R-REF-4, R-TKT-1)."""

from __future__ import annotations

import datetime as dt

from tests.cache.conftest import change, order_change
from vendor_desktop.cache.core.apply import apply_changes
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.cache.exit.queries import Blocker, blockers_from_details, exit_blockers
from vendor_desktop.cache.orders.dashboard import (
    RefundCounts,
    refund_counts,
    refunds_due_next_working_day,
    tickets_awaiting_reply,
)
from vendor_desktop.domain.exit import ExitBlocker


def refund(id_: str, state: str, decide_by: str | None, number: str = "N1") -> dict:
    return change(
        "refund", id_, 1, order_id=f"o-{id_}", order_number=number, state=state, amount_fen=100,
        refunded_fen=0, requested_at="2026-09-25T10:00:00+08:00", decide_by=decide_by, market="custom_service",
    )  # fmt: skip


def test_every_kind_of_blocker_is_counted_with_its_ids(db: CacheDatabase) -> None:
    """R-EXT-1: orders not completed or cancelled (a fully refunded one is closed too), refunds
    awaiting a decision, invoices not issued, withdrawals requested or processing."""
    states = ["unpaid", "paid", "delivering", "refunding", "completed", "cancelled", "refunded"]
    with db.session(write=True) as s, s.begin():
        apply_changes(s, [order_change(f"o{i}", state=st) for i, st in enumerate(states)])
        apply_changes(s, [refund("r1", "requested", "2026-09-30"), refund("r2", "approved", None)])
        apply_changes(
            s, [change("invoice", f"i{st}", 1, state=st) for st in ("pending", "issued", "shipped", "revoked")]
        )
        apply_changes(
            s, [change("withdrawal", f"w{st}", 1, state=st) for st in ("requested", "processing", "paid", "failed")]
        )
    with db.session() as s:
        assert exit_blockers(s) == [
            Blocker(ExitBlocker.OPEN_ORDERS, 4, ("o0", "o1", "o2", "o3")),
            Blocker(ExitBlocker.PENDING_REFUNDS, 1, ("r1",)),
            Blocker(ExitBlocker.PENDING_INVOICES, 1, ("ipending",)),
            Blocker(ExitBlocker.WITHDRAWALS_IN_PROGRESS, 2, ("wprocessing", "wrequested")),
        ]


def test_nothing_blocks_a_vendor_with_everything_settled(db: CacheDatabase) -> None:
    with db.session(write=True) as s, s.begin():
        apply_changes(s, [order_change("o1", state="completed"), change("invoice", "i1", 1, state="shipped")])
    with db.session() as s:
        assert exit_blockers(s) == []


def test_the_servers_refusal_reads_as_the_same_blockers() -> None:
    """409 EXIT_BLOCKED ``details.blockers``; what the app does not know is left out, not shown wrong."""
    details = {
        "blockers": [
            {"blocker": "pending_invoices", "count": 1, "ids": ["inv1"]},
            {"blocker": "something_new", "count": 3, "ids": []},
            "garbage",
        ]
    }
    assert blockers_from_details(details) == [Blocker(ExitBlocker.PENDING_INVOICES, 1, ("inv1",))]
    assert blockers_from_details(None) == []


def test_refunds_awaiting_a_decision_with_the_nearest_decide_by_and_the_late_ones(db: CacheDatabase) -> None:
    """R-REF-4: late means past the decide-by date; decided requests are not counted."""
    with db.session(write=True) as s, s.begin():
        apply_changes(s, [
            refund("r1", "requested", "2026-09-29"),  # late on 09-30
            refund("r2", "requested", "2026-10-08"),
            refund("r3", "requested", "2026-10-09"),
            refund("r4", "partial", "2026-09-20"),
        ])  # fmt: skip
    with db.session() as s:
        assert refund_counts(s, dt.date(2026, 9, 30)) == RefundCounts(3, 1, dt.date(2026, 9, 29))
        assert refund_counts(s, dt.date(2026, 9, 28)) == RefundCounts(3, 0, dt.date(2026, 9, 29))


def test_the_refund_to_remind_of_is_the_one_due_the_next_working_day(db: CacheDatabase) -> None:
    """Wednesday 09-30 2026 is the last working day before the National Day holiday: a request to
    decide by Thursday 10-08 is due the next working day; one due 10-09 is not."""
    with db.session(write=True) as s, s.begin():
        apply_changes(s, [
            refund("r1", "requested", "2026-10-08", "A8"),
            refund("r2", "requested", "2026-10-09", "A9"),
            refund("r3", "approved", "2026-10-08", "B8"),
        ])  # fmt: skip
    with db.session() as s:
        assert [d.order_number for d in refunds_due_next_working_day(s, dt.date(2026, 9, 30))] == ["A8"]
        assert refunds_due_next_working_day(s, dt.date(2026, 10, 3)) == []  # a holiday: no reminder


def test_tickets_awaiting_the_vendor_are_the_replied_ones(db: CacheDatabase) -> None:
    """R-TKT-1: 待您回复 is the vendor's move; open ones are with the marketplace."""
    with db.session(write=True) as s, s.begin():
        apply_changes(s, [
            change("ticket", f"t{st}", 1, state=st, subject="s", updated_at="2026-09-25T10:00:00+08:00")
            for st in ("open", "replied", "closed", "cancelled")
        ])  # fmt: skip
    with db.session() as s:
        assert tickets_awaiting_reply(s) == 1
