"""The synced fields of each entity kind: the ``data`` of a change (API.md "Sync (pull)").

Declared once, here, for both ends: the sandbox serialises exactly these fields in this order,
and the cache copies those it has columns for, converted by their wire type (``cache.apply``).
Adding an entity kind is adding its entry to ``SYNCED``; tests check the sandbox's answers, its
OpenAPI schema and the cache's tables against it.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any


class Wire(enum.Enum):
    """How a field's value looks in JSON."""

    TEXT = "text"
    INTEGER = "integer"  # money in fen, counts, percentages
    BOOLEAN = "boolean"
    TIMESTAMP = "timestamp"  # ISO 8601 text with offset, e.g. 2026-11-26T14:03:00+08:00
    DATE = "date"  # YYYY-MM-DD text, a business date in Beijing time
    OBJECT = "object"  # a JSON object, kept whole
    LIST = "list"  # a JSON array, kept whole


@dataclass(frozen=True, slots=True)
class SyncedField:
    name: str
    wire: Wire
    nullable: bool = False

    def accepts(self, value: Any) -> bool:
        """Whether ``value`` is what this field may carry on the wire."""
        if value is None:
            return self.nullable
        return _ACCEPTS[self.wire](value)


@dataclass(frozen=True, slots=True)
class _OrNull:
    wire: Wire


def or_null(wire: Wire) -> _OrNull:
    """A field that may be null (``paid_at`` before payment)."""
    return _OrNull(wire)


def _kind(**fields: Wire | _OrNull) -> tuple[SyncedField, ...]:
    # Keyword order is the wire order.
    return tuple(
        SyncedField(name, t.wire, nullable=True) if isinstance(t, _OrNull) else SyncedField(name, t)
        for name, t in fields.items()
    )


# Short names for the table below.
TEXT, INTEGER, BOOLEAN = Wire.TEXT, Wire.INTEGER, Wire.BOOLEAN
TIMESTAMP, DATE, OBJECT, LIST = Wire.TIMESTAMP, Wire.DATE, Wire.OBJECT, Wire.LIST

#: entity kind → its synced fields, in the order the sandbox sends them.
SYNCED: Mapping[str, tuple[SyncedField, ...]] = MappingProxyType({
    # R-ACC-1: company, customer-service and contact info.
    # Field names as API.md; checks in ``domain.account``. ``onboarding``: R-ACC-4's steps in order,
    # each ``{step: domain.account.OnboardingStep, done: bool}``.
    "vendor_profile": _kind(
        account_id=TEXT,
        company_name=TEXT,
        contact_name=TEXT,
        contact_phone=TEXT,
        cs_phone=TEXT,
        cs_email=TEXT,
        cs_qq=TEXT,
        onboarding=LIST,
        # R-EXT-1, R-DEP-7: when the vendor left the marketplace, when the deposit receipt came
        # back, the expected deposit refund date (domain.exit.deposit_refund_on), when it was paid.
        exited_at=or_null(TIMESTAMP),
        receipt_returned_on=or_null(DATE),
        deposit_refund_on=or_null(DATE),
        deposit_refunded_at=or_null(TIMESTAMP),
    ),
    # R-LST-*: the live content and its review; ``revision`` is the pending edit of an on-sale
    # listing (R-LST-5). Fields added later are null on older listings.
    "listing": _kind(
        name=TEXT,
        summary=TEXT,
        description=TEXT,  # "" when none
        market=TEXT,
        delivery=TEXT,
        state=TEXT,
        billing=OBJECT,  # billing mode → price_fen
        delivery_config=OBJECT,  # per delivery type, R-LST-1
        agreement=TEXT,
        review_due=or_null(DATE),
        review_due_approximate=or_null(BOOLEAN),
        security_review=BOOLEAN,
        submitted_at=or_null(TIMESTAMP),
        approved_at=or_null(TIMESTAMP),
        reject_reason=or_null(TEXT),
        revision=or_null(OBJECT),
        created_at=or_null(TIMESTAMP),
        updated_at=TIMESTAMP,
    ),
    # R-ORD-1..4: buyer name and contact arrive masked.
    "order": _kind(
        number=TEXT,
        state=TEXT,
        amount_fen=INTEGER,
        listing_id=TEXT,
        listing_name=TEXT,
        market=TEXT,
        billing_mode=TEXT,
        buyer_account_id=TEXT,
        buyer_name=TEXT,
        buyer_contact=TEXT,
        virtual_number=TEXT,
        created_at=TIMESTAMP,
        paid_at=or_null(TIMESTAMP),
        list_price_fen=INTEGER,  # before any discount or price change (R-ORD-3, R-DSC-2)
        discount_id=or_null(TEXT),
        discount_percent=or_null(INTEGER),
        price_changed_at=or_null(TIMESTAMP),
        price_change_reason=or_null(TEXT),
        # R-ORD-5: a manual service's delivery note (交付说明, the buyer sees it) and its dates;
        # ``completes_by``: while delivering, when 7 days of silence complete it.
        delivery_note=or_null(TEXT),
        delivering_at=or_null(TIMESTAMP),
        completed_at=or_null(TIMESTAMP),
        completes_by=or_null(TIMESTAMP),
        refunded_fen=INTEGER,  # SPEC §5: refunded so far, 0 when none
    ),
    # R-LST-6, R-ORD-2; ``read`` is the receiving user's own (SPEC §11).
    "message": _kind(
        kind=TEXT,
        title=TEXT,
        body=TEXT,
        title_en=TEXT,
        body_en=TEXT,
        read=BOOLEAN,
        created_at=TIMESTAMP,
        order_id=or_null(TEXT),
        listing_id=or_null(TEXT),
        invoice_id=or_null(TEXT),  # a buyer's invoice request (R-INV-1); reaches roles reading invoices
        refund_id=or_null(TEXT),  # a refund request or refund (SPEC §5); reaches roles reading refunds
        ticket_id=or_null(TEXT),  # a ticket's reply or closing (R-TKT-1); reaches roles reading tickets
    ),
    # R-DSC-1/2; ``state`` as of the last change (the client recomputes it by its own clock).
    "discount": _kind(
        listing_id=TEXT,
        listing_name=TEXT,
        buyer_account_id=TEXT,
        buyer_name=TEXT,
        percent=INTEGER,
        valid_from=TIMESTAMP,
        valid_until=TIMESTAMP,  # exclusive
        state=TEXT,
        revoked_at=or_null(TIMESTAMP),
        created_at=TIMESTAMP,
    ),
    # R-INV-1..6: the buyer's request and what the vendor did with it. It carries the order's
    # number and amount, so finance and support work without reading orders (SPEC §11).
    "invoice": _kind(
        order_id=TEXT,
        order_number=TEXT,
        amount_fen=INTEGER,  # the order's paid amount
        listing_name=TEXT,
        buyer_account_id=TEXT,
        state=TEXT,  # domain.invoices.InvoiceState
        type=TEXT,  # domain.invoices.InvoiceType
        title=TEXT,  # 抬头
        tax_id=or_null(TEXT),  # 税号; none for a person's ordinary invoice
        mailing=OBJECT,  # {recipient, address, virtual_number}: never a real phone (R-ORD-4)
        requested_at=TIMESTAMP,
        due_date=DATE,  # R-INV-3: 10 working days after the request's Beijing date
        due_date_approximate=BOOLEAN,  # the year's holiday calendar was not known
        invoice_code=or_null(TEXT),
        invoice_number=or_null(TEXT),
        issued_at=or_null(TIMESTAMP),
        carrier=or_null(TEXT),
        tracking_number=or_null(TEXT),
        postage=or_null(TEXT),  # domain.invoices.Postage
        shipped_at=or_null(TIMESTAMP),
        revoked_at=or_null(TIMESTAMP),
        # Oldest first: {at, action: requested|issued|shipped|shipment_corrected|revoked,
        # actor (display name or "buyer"), invoice_number?, carrier?, tracking_number?, postage?,
        # reason?}. A correction keeps the shipment it replaced (R-INV-6).
        history=LIST,
    ),
    # SPEC §7–§9, the money (资金管理). Amounts are integer fen. One ``deposit`` per vendor, id =
    # the account id: the balance (账户余额) and the deposit summary (R-DEP-2/3); operations reads
    # it too (SPEC §11), for the deposit preview.
    "deposit": _kind(
        balance_fen=INTEGER,
        paid_fen=INTEGER,  # 已缴
        required_fen=INTEGER,  # 最大应缴保证金: the tier amount of the highest revenue market
        outstanding_fen=INTEGER,  # 待缴 = max(0, required − paid)
        tier=INTEGER,  # the tier the paid deposit covers (就高原则), 0 when none
        required_tier=INTEGER,  # the highest tier among markets with revenue, 0 when none
        covered_markets=LIST,  # market ids the paid deposit covers, SPEC §1 order
        revenue_markets=LIST,  # market ids with revenue (R-DEP-2), SPEC §1 order
    ),
    # R-DEP-5/6: one payment from the balance; its receipt (缴纳凭证).
    "deposit_payment": _kind(
        amount_fen=INTEGER,
        receipt_number=TEXT,  # unique per vendor, e.g. BZJ20261129000001
        paid_at=TIMESTAMP,
        paid_fen_after=INTEGER,  # the deposit paid once this payment was made
        tier_after=INTEGER,  # the tier it then covered
        paid_by=TEXT,  # the display name of the user who paid
    ),
    # R-WDR-1/2: one per market with revenue, id ``<account id>:<market>``. withdrawable_fen is
    # settled money not yet withdrawn; while ``blocked_reason`` is set (domain.earnings.HoldReason)
    # that money is on hold (暂不可提现) instead. owed_fen: refunds not yet deducted (待扣回).
    "earning": _kind(
        market=TEXT,
        earned_fen=INTEGER,  # all order money ever paid in this market (before refunds)
        pending_fen=INTEGER,  # 待结算
        withdrawable_fen=INTEGER,
        in_flight_fen=INTEGER,  # withdrawn from this market, requested or processing
        paid_out_fen=INTEGER,  # withdrawn and paid
        owed_fen=INTEGER,  # 待扣回
        blocked_reason=or_null(TEXT),
    ),
    # R-WDR-3..5: ``draws`` is market id → fen taken from it (a failure returns them there).
    "withdrawal": _kind(
        amount_fen=INTEGER,
        state=TEXT,  # domain.earnings.WithdrawalState
        requested_at=TIMESTAMP,
        expected_from=DATE,  # 15 working days after the request's Beijing date
        expected_until=DATE,  # 20 working days after
        expected_approximate=BOOLEAN,  # a year's holiday calendar was not known
        draws=OBJECT,
        bank_account=TEXT,  # where it goes, as the caller may see it: 招商银行 **** 1234
        requested_by=TEXT,  # display name
        processing_at=or_null(TIMESTAMP),
        settled_at=or_null(TIMESTAMP),  # paid or failed
        failure_reason=or_null(TEXT),
    ),
    # R-DEP-6, R-WDR-1, API.md: every money movement; domain.earnings.LedgerKind, signed amount.
    "ledger_entry": _kind(
        kind=TEXT,
        amount_fen=INTEGER,  # + into its book (domain.earnings.ledger_book), − out of it
        balance_after_fen=INTEGER,  # the book's balance after: the account balance, or the market's withdrawable
        market=or_null(TEXT),  # earnings entries only
        order_number=or_null(TEXT),  # order_settled and refund
        refund_id=or_null(TEXT),  # refund
        # refund: the part the market's withdrawable could not cover, now owed (待扣回)
        owed_fen=or_null(INTEGER),
        withdrawal_id=or_null(TEXT),  # withdrawal and withdrawal_returned
        receipt_number=or_null(TEXT),  # deposit_payment
        at=TIMESTAMP,
    ),
    # R-ACC-2, R-WDR-4: one per vendor, id = the account id. ``account_number`` is masked
    # (domain.account.mask_account_number) for every role but the main account (SPEC §11).
    "bank_account": _kind(
        holder=TEXT,
        bank=TEXT,
        branch=TEXT,
        account_number=TEXT,
        locked=BOOLEAN,  # the revenue agreement is signed: changes only through a ticket
        updated_at=TIMESTAMP,
    ),
    # SPEC §5 (R-REF-1…5): a buyer's refund request and the vendor's decision. It carries the
    # order's number and amounts, so support and finance work without reading orders (SPEC §11).
    "refund": _kind(
        order_id=TEXT,
        order_number=TEXT,
        listing_name=TEXT,
        market=TEXT,
        buyer_account_id=TEXT,
        paid_fen=INTEGER,  # what the buyer paid for the order
        amount_fen=INTEGER,  # what the buyer asked for (the whole refundable amount when it named none)
        refunded_fen=INTEGER,  # what this request refunded: 0 until decided, and when rejected
        state=TEXT,  # domain.refunds.RefundState
        rule=TEXT,  # domain.refunds.RefundRule: which of SPEC §5's rules applied
        buyer_reason=TEXT,  # the buyer's words
        # R-REF-1: the buyer's self-service refunds before this one, marketplace-wide.
        buyer_self_service_before=INTEGER,
        order_state_before=TEXT,  # R-REF-5: the order's state when the request arrived
        requested_at=TIMESTAMP,
        decide_by=or_null(DATE),  # R-REF-4: 3 working days after the request; null when nothing to decide
        decide_by_approximate=BOOLEAN,  # the year's holiday calendar was not known
        decided_at=or_null(TIMESTAMP),  # also the moment of an automatic refund
        decided_by=or_null(TEXT),  # display name; null for an automatic refund
        decision_reason=or_null(TEXT),  # why rejected, or what the partial amount is for
        invoice_issued=BOOLEAN,  # an invoice was already issued for the order: the vendor must see to it
    ),
    # R-TKT-1: a ticket (工单) to the marketplace. ``messages`` oldest first: {id, at, author:
    # vendor|marketplace, author_name, body}; the first is the description. ``attachments``:
    # {id, name, media_type, size, at, uploaded_by}; the file is GET /tickets/{id}/attachments/{attachment_id}.
    "ticket": _kind(
        type=TEXT,  # domain.tickets.TicketType
        subject=TEXT,
        state=TEXT,  # domain.tickets.TicketState
        listing_id=or_null(TEXT),
        order_id=or_null(TEXT),
        order_number=or_null(TEXT),
        messages=LIST,
        attachments=LIST,
        created_at=TIMESTAMP,
        created_by=TEXT,  # display name
        updated_at=TIMESTAMP,
        last_urged_at=or_null(TIMESTAMP),
        next_urge_at=or_null(TIMESTAMP),  # R-TKT-1: null when it may be urged now
        closed_at=or_null(TIMESTAMP),  # closed or cancelled
    ),
    # R-SUB-1 (issue 15): a user of the vendor, the owner's own row too (role owner); only the owner
    # receives them (SPEC §11). Never a password or its hash. A deleted one comes as a tombstone.
    "sub_account": _kind(
        username=TEXT,  # domain.sub_accounts: 3–32 letters, digits, . _ -
        display_name=TEXT,
        role=TEXT,  # domain.roles.Role
        disabled=BOOLEAN,
        can_export=BOOLEAN,  # SPEC §11's export grant; always true for the owner
        must_change_password=BOOLEAN,  # created or reset by the owner, not yet changed
        last_sign_in=or_null(TIMESTAMP),
        created_at=or_null(TIMESTAMP),  # null for users made before sub-accounts existed
    ),
    # Issue 15, SPEC §11: one vendor command (domain.activity), applied or refused; id ``act-…``.
    # The owner receives every user's entries, every other role only its own.
    "activity": _kind(
        user_id=TEXT,
        username=TEXT,
        actor=TEXT,  # the display name at the time
        role=TEXT,  # domain.roles.Role, at the time
        client_id=or_null(TEXT),  # X-Client-Id: the installation (a UUID), when sent
        action=TEXT,  # domain.activity.ACTIONS, e.g. order.change_price
        entity=TEXT,  # the entity kind it is about
        entity_id=or_null(TEXT),  # null for a creation that was refused
        before=or_null(OBJECT),  # only the fields that changed (domain.activity.changed_values)
        after=or_null(OBJECT),
        outcome=TEXT,  # domain.activity.Outcome: applied | refused
        code=or_null(TEXT),  # refused: the error code
        status=or_null(INTEGER),  # refused: the HTTP status
        made_at=TIMESTAMP,  # X-Made-At: when the user made it (maybe offline); else applied_at
        applied_at=TIMESTAMP,  # when the server applied (or refused) it
    ),
    # R-WDR-2, R-ACC-2/4: id ``<account id>:<kind>``; every role reads them (SPEC §11).
    "agreement": _kind(
        kind=TEXT,  # domain.earnings.AgreementKind
        signed=BOOLEAN,
        signed_at=or_null(TIMESTAMP),
    ),
})

#: Every entity kind with declared fields.
ENTITY_KINDS: tuple[str, ...] = tuple(SYNCED)


def synced_fields(entity: str) -> tuple[SyncedField, ...]:
    """The declared fields of ``entity``, in wire order (KeyError for an undeclared kind)."""
    return SYNCED[entity]


def fields(entity: str) -> tuple[str, ...]:
    """The names of ``entity``'s synced fields, in wire order."""
    return _NAMES[entity]


_NAMES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {kind: tuple(f.name for f in declared) for kind, declared in SYNCED.items()}
)


def _is_timestamp(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        return dt.datetime.fromisoformat(value).tzinfo is not None
    except ValueError:
        return False


def _is_date(value: Any) -> bool:
    if not isinstance(value, str) or len(value) != 10:
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


_ACCEPTS = {
    Wire.TEXT: lambda v: isinstance(v, str),
    Wire.INTEGER: lambda v: isinstance(v, int) and not isinstance(v, bool),
    Wire.BOOLEAN: lambda v: isinstance(v, bool),
    Wire.TIMESTAMP: _is_timestamp,
    Wire.DATE: _is_date,
    Wire.OBJECT: lambda v: isinstance(v, dict),
    Wire.LIST: lambda v: isinstance(v, list),
}
