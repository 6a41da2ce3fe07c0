"""Tickets (R-TKT-1) and leaving the marketplace (R-EXT-1, R-DEP-7, R-ORD-5): draft contract of issue 14."""

from __future__ import annotations

import datetime as dt

import pytest

from vendor_desktop.domain.exit import completes_by_silence_at, delivered_by_vendor, deposit_refund_on
from vendor_desktop.domain.tickets import (
    TicketState,
    attachment_type,
    can_cancel,
    can_reply,
    can_urge,
    next_urge_at,
    urge_allowed,
)

NOW = dt.datetime(2026, 11, 29, 12, 0, tzinfo=dt.UTC)


def test_urging_is_once_per_rolling_24_hours():
    assert urge_allowed(None, NOW) and next_urge_at(None) is None
    last = NOW - dt.timedelta(hours=23, minutes=59)
    assert not urge_allowed(last, NOW)
    assert next_urge_at(last) == last + dt.timedelta(hours=24)
    assert urge_allowed(NOW - dt.timedelta(hours=24), NOW)


@pytest.mark.parametrize(
    ("state", "reply", "cancel", "urge"),
    [
        (TicketState.OPEN, True, True, True),
        (TicketState.REPLIED, True, True, False),
        (TicketState.CLOSED, False, False, False),
        (TicketState.CANCELLED, False, False, False),
    ],
)
def test_what_each_ticket_state_allows(state, reply, cancel, urge):
    assert (can_reply(state), can_cancel(state), can_urge(state)) == (reply, cancel, urge)


@pytest.mark.parametrize(
    ("head", "media"),
    [
        (b"\x89PNG\r\n\x1a\n....", "image/png"),
        (b"\xff\xd8\xff\xe0JFIF", "image/jpeg"),
        (b"%PDF-1.7\n", "application/pdf"),
        (b"GIF89a", None),
        (b"MZ\x90\x00", None),  # an .exe renamed .png is still an .exe
        (b"", None),
    ],
)
def test_an_attachments_type_is_what_its_bytes_are(head, media):
    assert attachment_type(head) == media


def test_the_deposit_comes_back_about_45_days_after_the_receipt():
    assert deposit_refund_on(dt.date(2026, 11, 29)) == dt.date(2027, 1, 13)


def test_only_manual_services_wait_for_the_vendor_and_silence_completes_them_in_7_days():
    assert delivered_by_vendor("security") and not delivered_by_vendor("saas") and not delivered_by_vendor("api")
    assert completes_by_silence_at(NOW) == NOW + dt.timedelta(days=7)
