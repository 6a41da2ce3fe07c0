"""The bodies every area shares: what the served OpenAPI schema documents (and the fuzzer checks).

Field types with their limits, sign-in, and the wire shape of every synced entity (``data`` of a
change or a command's answer: every command answers an ``EntityEnvelope``, a union of them all, so
it sits below every area). Each area's request bodies are in its own ``schemas`` module.

Every string has a length limit and every integer a range, so no client input can reach the
database in a shape it cannot store (a 10,000-character name is a 422, not a 500).
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints

from vendor_desktop.domain.markets import BillingMode
from vendor_desktop.domain.money import MAX_AMOUNT_FEN
from vendor_desktop.domain.orders import OrderState


def storable_problem(value: str) -> str | None:
    # Lone surrogates cannot be encoded as UTF-8 and NUL is refused by PostgreSQL: both would
    # otherwise fail deep in the database driver.
    if any(c == "\x00" or "\ud800" <= c <= "\udfff" for c in value):
        return "contains characters that cannot be stored"
    return None


def text_problem(value: str, *, multiline: bool = False) -> str | None:
    """API.md "Conventions": a text field refuses C0 control characters (tab and newline only in a
    multi-line field), C1 controls, lone surrogates (and NUL), and a value that is empty once
    whitespace and invisible format characters are removed. None when the text is fine."""
    allowed = {"\t", "\n", "\r"} if multiline else set()
    for c in value:
        if c in allowed:
            continue
        code = ord(c)
        if code < 0x20 or 0x7F <= code <= 0x9F:
            return "contains control characters"
    problem = storable_problem(value)
    if problem is not None:
        return problem
    if not "".join(c for c in value if not c.isspace() and unicodedata.category(c) != "Cf"):
        return "must not be empty"
    return None


def bounded_text_problem(value: str, bounds: tuple[int, int], *, multiline: bool = False) -> str | None:
    """``text_problem``, then the field's length once trimmed (``bounds``, inclusive); None when fine."""
    problem = text_problem(value, multiline=multiline)
    if problem is None and not bounds[0] <= len(value.strip()) <= bounds[1]:
        problem = f"must be {bounds[0]} to {bounds[1]} characters"
    return problem


def _storable(value: str) -> str:
    problem = storable_problem(value)
    if problem is not None:
        raise ValueError(problem)
    return value


Str64 = Annotated[str, StringConstraints(min_length=1, max_length=64), AfterValidator(_storable)]
Str200 = Annotated[str, StringConstraints(min_length=1, max_length=200), AfterValidator(_storable)]


AccountId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{1,64}$")]
Fen = Annotated[int, Field(ge=0, le=MAX_AMOUNT_FEN)]


class StrictBody(BaseModel):
    # Unknown fields are ignored (forward compatible clients); types are checked strictly
    # enough that "abc" for a number is a 422.
    model_config = ConfigDict(extra="ignore")


# --- health and auth -----------------------------------------------------------------------


class Health(BaseModel):
    status: Literal["ok"]
    version: str


class LoginRequest(StrictBody):
    account_id: Str200
    username: Str200
    password: Str200


class RefreshRequest(StrictBody):
    refresh_token: Str200


class ChangePasswordRequest(StrictBody):
    """R-SUB-1: a user changes its own password."""

    current_password: Str200
    new_password: Annotated[str, StringConstraints(min_length=1, max_length=200)] = Field(
        description="at least 10 characters with letters and digits both, not containing the username, not the "
        "current one; else 422 VALIDATION_FAILED with details.fields.new_password and details.codes.new_password "
        "(TOO_SHORT, TOO_LONG, NEEDS_LETTER_AND_DIGIT, CONTAINS_USERNAME, SAME_AS_CURRENT, NOT_PRINTABLE)"
    )


class UserInfo(BaseModel):
    id: str
    username: str
    display_name: str
    role: Literal["owner", "operations", "finance", "support", "viewer"]
    permissions: list[str] = Field(description="vendor_desktop.domain.roles.Permission values")
    account_id: str
    must_change_password: bool = Field(
        description="R-SUB-1: created or reset by the main account; every call but POST /auth/password and "
        "/auth/logout is 403 PASSWORD_CHANGE_REQUIRED until the password is changed"
    )
    can_export: bool = Field(
        description="SPEC §11: may export to CSV/XLSX (the owner always, a viewer never, others when granted)"
    )


class TokenPair(BaseModel):
    access_token: str
    refresh_token: str
    token_type: Literal["Bearer"] = "Bearer"
    expires_in: int = Field(description="seconds until the access token expires")
    user: UserInfo


# --- entities ------------------------------------------------------------------------------

Timestamp = Annotated[str, Field(description="ISO 8601 with offset, e.g. 2026-11-26T14:03:00+08:00")]


class OrderData(BaseModel):
    number: str = Field(description="order number (订单号), digits, unique per vendor")
    state: OrderState
    amount_fen: int
    listing_id: str
    listing_name: str
    market: str
    billing_mode: BillingMode
    buyer_account_id: str
    buyer_name: str = Field(description="masked, e.g. 杭州**科技有限公司 or 王*明")
    buyer_contact: str = Field(description="masked phone, e.g. 138****5678 (R-ORD-4)")
    virtual_number: str = Field(description="marketplace-issued virtual number (虚拟号, R-ORD-4)")
    created_at: Timestamp
    paid_at: Timestamp | None
    list_price_fen: int = Field(description="the listing's price before any discount or price change")
    discount_id: str | None = Field(description="the buyer's discount applied when the order was placed (R-DSC-2)")
    discount_percent: int | None = Field(description="its percentage paid, e.g. 80 (八折)")
    price_changed_at: Timestamp | None = Field(description="when the vendor last changed the price (R-ORD-3)")
    price_change_reason: str | None
    delivery_note: str | None = Field(
        description="R-ORD-5: 交付说明, the note the vendor gave the buyer on starting delivery"
    )
    delivering_at: Timestamp | None = Field(description="R-ORD-5: when the vendor started delivering")
    completed_at: Timestamp | None = Field(description="when the order was completed (confirmed, or 7 days of silence)")
    completes_by: Timestamp | None = Field(
        description="R-ORD-5: while delivering, when 7 days of the buyer's silence complete it"
    )
    refunded_fen: int = Field(description="SPEC §5: refunded so far, 0 when none (a partial refund keeps the state)")


class DiscountData(BaseModel):
    """A buyer-specific discount (指定商品折扣), R-DSC-1, R-DSC-2."""

    listing_id: str
    listing_name: str
    buyer_account_id: str
    buyer_name: str = Field(description="masked, as on the buyer's orders (R-ORD-4)")
    percent: int = Field(description="percentage the buyer pays, 1–99 (80 = 八折)")
    valid_from: Timestamp
    valid_until: Timestamp = Field(description="exclusive: active on [valid_from, valid_until)")
    state: Literal["upcoming", "active", "expired", "revoked"] = Field(
        description="as of the last change of the discount; recompute from the period by your own clock"
    )
    revoked_at: Timestamp | None
    created_at: Timestamp


ListingStateName = Literal["draft", "in_review", "on_sale", "rejected", "delisted"]


class ListingRevisionData(BaseModel):
    """R-LST-5: the pending edit of an on-sale listing, reviewed on its own while the approved
    version stays on sale; approved, its content replaces the live fields."""

    name: str
    summary: str
    description: str
    billing: dict[str, int]
    delivery_config: dict[str, object]
    agreement: str
    state: Literal["draft", "in_review", "rejected"]
    submitted_at: Timestamp | None
    review_due: str | None = Field(description="YYYY-MM-DD, while in review (R-LST-4)")
    review_due_approximate: bool | None
    security_review: bool = Field(description="an image listing's security review comes first (R-LST-4)")
    reject_reason: str | None
    updated_at: Timestamp


class ListingData(BaseModel):
    """A listing (商品), R-LST-1 … R-LST-5."""

    name: str
    summary: str
    description: str = Field(description='"" when none')
    market: str
    delivery: Literal["image", "manual", "api", "saas"] = Field(description="follows from the market (R-MKT-1)")
    state: ListingStateName
    billing: dict[str, int] = Field(description="billing mode (payg|monthly|yearly) → price_fen")
    delivery_config: dict[str, object] = Field(
        description="per delivery type, R-LST-1: image {image_id, os}; saas {callback_url (https)}; "
        "api {base_url (https), quota_per_plan {plan: calls}}; manual {service_scope, response_hours}"
    )
    agreement: str = Field(description='product service agreement text (R-LST-2); "" when none yet')
    review_due: str | None = Field(description="date the review is due (R-LST-4), YYYY-MM-DD, while in review")
    review_due_approximate: bool | None = Field(
        description="true when that year's official holidays are not known yet: the date may move"
    )
    security_review: bool = Field(description="an image listing in review passes the security review first")
    submitted_at: Timestamp | None = Field(description="when the review in progress was asked for")
    approved_at: Timestamp | None
    reject_reason: str | None
    revision: ListingRevisionData | None = Field(description="the pending edit of an on-sale listing (R-LST-5)")
    created_at: Timestamp | None
    updated_at: Timestamp


class MessageData(BaseModel):
    kind: str = Field(
        description="new_order, order_paid, listing_approved, listing_rejected, invoice_requested, invoice_revoked, …"
    )
    title: str
    body: str
    title_en: str
    body_en: str
    read: bool
    created_at: Timestamp
    order_id: str | None
    listing_id: str | None = Field(description="the listing a review result (R-LST-6) is about")
    invoice_id: str | None = Field(
        description="the invoice a buyer requested or revoked (R-INV-1/2); such a message reaches only the "
        "roles that read invoices (owner, finance, support)"
    )
    refund_id: str | None = Field(
        description="the refund a refund_requested or refund_refunded message is about (SPEC §5); such a "
        "message reaches only the roles that read refunds (owner, finance, support)"
    )
    ticket_id: str | None = Field(
        description="the ticket a ticket_replied or ticket_closed message is about (R-TKT-1); such a message "
        "reaches only the roles that read tickets"
    )


class OnboardingStepData(BaseModel):
    step: Literal["register", "agree", "verify", "fill_info", "certification_fee"]
    done: bool


class VendorProfileData(BaseModel):
    """R-ACC-1: company, customer-service (cs_*) and contact info; R-ACC-4: the onboarding steps."""

    account_id: str
    company_name: str
    contact_name: str
    contact_phone: str
    cs_phone: str
    cs_email: str
    cs_qq: str
    onboarding: list[OnboardingStepData] = Field(
        description="R-ACC-4 in order: register, agree (the access agreement is signed), verify, fill_info "
        "(the profile passes R-ACC-1's checks), certification_fee"
    )
    exited_at: Timestamp | None = Field(description="R-EXT-1: when the vendor left the marketplace (退出云市场)")
    receipt_returned_on: str | None = Field(
        description="R-DEP-7: when the deposit receipt came back (YYYY-MM-DD, Beijing)"
    )
    deposit_refund_on: str | None = Field(
        description="R-DEP-7: the expected deposit refund date (YYYY-MM-DD), about 45 days after the receipt came back"
    )
    deposit_refunded_at: Timestamp | None = Field(
        description="R-DEP-7: when the deposit was paid back into the balance"
    )


class InvoiceMailing(BaseModel):
    """Where the paper invoice goes (邮寄信息): never a real phone, the order's virtual number (R-ORD-4)."""

    recipient: str
    address: str
    virtual_number: str = Field(description="the marketplace-issued virtual number (虚拟号) of the buyer's order")


class InvoiceHistoryEntry(BaseModel):
    """One step of an invoice, oldest first; every key is present, null where it does not apply.
    A correction keeps the posting it replaced in the entry before it (R-INV-6)."""

    at: Timestamp
    action: Literal["requested", "issued", "shipped", "shipment_corrected", "revoked"]
    actor: str = Field(description='the vendor user\'s display name, or "buyer"')
    invoice_number: str | None = Field(description="issued: the invoice number")
    carrier: str | None = Field(description="shipped: the carrier; shipment_corrected: the new carrier")
    tracking_number: str | None = Field(description="shipped, shipment_corrected: the tracking number")
    postage: Literal["vendor_paid", "cod"] | None = Field(description="shipped, shipment_corrected: the postage")
    reason: str | None = Field(description="shipment_corrected: why")


class InvoiceData(BaseModel):
    """A buyer's invoice request (发票) and what the vendor did with it, R-INV-1 … R-INV-6. It
    carries the order's number and amount, so finance and support need not read orders (SPEC §11)."""

    order_id: str
    order_number: str
    amount_fen: int = Field(description="the order's paid amount (the invoice's amount)")
    listing_name: str
    buyer_account_id: str
    state: Literal["pending", "issued", "shipped", "revoked"] = Field(
        description="R-INV-1: pending (待处理) → issued (已开票) → shipped (已寄出); "
        "pending → revoked (已撤销, by the buyer)"
    )
    type: Literal["ordinary", "special"] = Field(description="增值税普通发票 (ordinary) or 增值税专用发票 (special)")
    title: str = Field(description="抬头: the company's or person's name to print")
    tax_id: str | None = Field(
        description="税号 (统一社会信用代码, 18 characters); null for a person's ordinary invoice"
    )
    mailing: InvoiceMailing
    requested_at: Timestamp
    due_date: str = Field(description="R-INV-3: issue by this date (YYYY-MM-DD), 10 working days after the request")
    due_date_approximate: bool = Field(description="true when that year's official holidays are not known yet")
    invoice_code: str | None = Field(description="发票代码, 10 or 12 digits, when the vendor gave one")
    invoice_number: str | None = Field(description="发票号码, 8–20 digits, once issued")
    issued_at: Timestamp | None
    carrier: str | None = Field(description="快递公司, once shipped (the latest, after a correction)")
    tracking_number: str | None = Field(description="快递单号, once shipped (the latest, after a correction)")
    postage: Literal["vendor_paid", "cod"] | None = Field(description="寄付 or 到付 (R-INV-5), once shipped")
    shipped_at: Timestamp | None
    revoked_at: Timestamp | None
    history: list[InvoiceHistoryEntry]


MarketId = Annotated[str, Field(description="a market id of SPEC §1, e.g. saas")]


class DepositData(BaseModel):
    """The balance (账户余额) and deposit summary (保证金), id = the account id; owner, finance and
    operations read it (SPEC §11)."""

    balance_fen: int
    paid_fen: int = Field(description="已缴")
    required_fen: int = Field(description="R-DEP-2 最大应缴保证金: the tier amount of the highest market with revenue")
    outstanding_fen: int = Field(description="待缴 = max(0, required − paid)")
    tier: int = Field(description="R-DEP-3: the tier the paid deposit covers (就高原则), 0 when none")
    required_tier: int = Field(description="the highest tier among markets with revenue, 0 when none")
    covered_markets: list[MarketId] = Field(description="markets the paid deposit covers, SPEC §1 order")
    revenue_markets: list[MarketId] = Field(description="markets with revenue (R-DEP-2), SPEC §1 order")


class DepositPaymentData(BaseModel):
    """R-DEP-5/6: one payment of deposit from the balance, and its receipt (缴纳凭证)."""

    amount_fen: int
    receipt_number: str = Field(description="unique per vendor: BZJ, the Beijing date, a sequence")
    paid_at: Timestamp
    paid_fen_after: int
    tier_after: int
    paid_by: str = Field(description="display name of the user who paid")


class EarningData(BaseModel):
    """R-WDR-1/2: one market's earnings (收益), id `<account id>:<market>`."""

    market: MarketId
    earned_fen: int = Field(description="all order money ever paid in this market")
    pending_fen: int = Field(description="待结算: paid, not yet settled (R-WDR-1)")
    withdrawable_fen: int = Field(
        description="settled, not withdrawn; on hold (暂不可提现) while blocked_reason is set"
    )
    in_flight_fen: int = Field(description="withdrawn, requested or processing")
    paid_out_fen: int
    owed_fen: int = Field(description="待扣回: refunds not yet deducted")
    blocked_reason: Literal["agreement_not_signed", "deposit_not_covered"] | None


class WithdrawalData(BaseModel):
    """R-WDR-2..5: a withdrawal (提现) to the bank account on file."""

    amount_fen: int
    state: Literal["requested", "processing", "paid", "failed"]
    requested_at: Timestamp
    expected_from: str = Field(description="预计到账 from (YYYY-MM-DD): 15 working days after the request (R-WDR-3)")
    expected_until: str = Field(description="20 working days after the request (YYYY-MM-DD)")
    expected_approximate: bool = Field(description="true when that year's official holidays are not known yet")
    draws: dict[str, int] = Field(description="market id → fen drawn from it (a failure returns them there)")
    bank_account: str = Field(description="where it goes: the bank and the masked number, e.g. 招商银行 **** 1234")
    requested_by: str
    processing_at: Timestamp | None
    settled_at: Timestamp | None = Field(description="when it was paid out or failed")
    failure_reason: str | None


class LedgerEntryData(BaseModel):
    """One money movement (资金流水)."""

    kind: Literal[
        "top_up", "deposit_payment", "deposit_refund", "order_settled", "refund", "withdrawal", "withdrawal_returned"
    ]
    amount_fen: int = Field(description="signed: + into its book, − out of it")
    balance_after_fen: int = Field(
        description="the book's balance after: the account balance (top_up, deposit_payment, deposit_refund) or "
        "the market's withdrawable (the others)"
    )
    market: MarketId | None = Field(description="earnings entries only")
    order_number: str | None
    refund_id: str | None = Field(description="refund entries: the refund")
    owed_fen: int | None = Field(
        description="refund entries: the part the market's withdrawable could not cover, now owed (待扣回) and "
        "taken from the market's next settled money"
    )
    withdrawal_id: str | None
    receipt_number: str | None
    at: Timestamp


class BankAccountData(BaseModel):
    """R-ACC-2, R-WDR-4: the bank account (银行账户), id = the account id."""

    holder: str
    bank: str
    branch: str
    account_number: str = Field(description="the main account sees it whole; finance sees **** and the last four")
    locked: bool = Field(description="the revenue agreement is signed: change it only through a ticket (R-ACC-2)")
    updated_at: Timestamp


class AgreementData(BaseModel):
    """R-WDR-2: 接入协议 (access) and 收益补充协议 (revenue), id `<account id>:<kind>`."""

    kind: Literal["access", "revenue"]
    signed: bool
    signed_at: Timestamp | None


class TicketMessageData(BaseModel):
    """One message of a ticket's conversation (R-TKT-1), oldest first; the first is the description."""

    id: str
    at: Timestamp
    author: Literal["vendor", "marketplace"]
    author_name: str = Field(description="the vendor user's display name, or the marketplace staff's (云市场客服)")
    body: str


class TicketAttachmentData(BaseModel):
    """An attached file (附件); its bytes are GET /tickets/{id}/attachments/{attachment id}."""

    id: str
    name: str = Field(
        description="the file name, cleaned: no folders or control characters, ≤ 200 characters, with the "
        "extension of its real type"
    )
    media_type: Literal["image/png", "image/jpeg", "application/pdf"] = Field(
        description="from the bytes, not the name"
    )
    size: int = Field(description="bytes")
    at: Timestamp
    uploaded_by: str = Field(description="display name")


class TicketData(BaseModel):
    """A ticket (工单) to the marketplace, R-TKT-1; every role but viewer reads them (SPEC §11)."""

    type: Literal["listing", "order", "account", "finance", "other"]
    subject: str
    state: Literal["open", "replied", "closed", "cancelled"] = Field(
        description="open (处理中: with the marketplace) ⇄ replied (待您回复: the vendor's turn) → closed (已完成, "
        "by the marketplace) | cancelled (已撤销, by the vendor)"
    )
    listing_id: str | None
    order_id: str | None
    order_number: str | None
    messages: list[TicketMessageData]
    attachments: list[TicketAttachmentData] = Field(description="at most 5")
    created_at: Timestamp
    created_by: str = Field(description="display name")
    updated_at: Timestamp = Field(description="the last change: a message, an attachment, an urge, the close")
    last_urged_at: Timestamp | None
    next_urge_at: Timestamp | None = Field(
        description="R-TKT-1: when it may be urged again (last urge + 24 h); null when never urged; a moment past "
        "means now"
    )
    closed_at: Timestamp | None = Field(description="closed or cancelled")
class RefundData(BaseModel):
    """SPEC §5 (R-REF-1…5): a buyer's refund request (退款) and the vendor's decision."""

    order_id: str
    order_number: str
    listing_name: str
    market: MarketId
    buyer_account_id: str
    paid_fen: int = Field(description="what the buyer paid for the order")
    amount_fen: int = Field(description="what the buyer asked for (the whole refundable amount when it named none)")
    refunded_fen: int = Field(description="what this request refunded: 0 until decided, and when rejected")
    state: Literal["requested", "approved", "partial", "rejected"]
    rule: Literal[
        "saas_self_service",
        "saas_outside_review_period",
        "saas_limit_reached",
        "not_refundable",
        "manual_before_completion",
        "manual_after_completion",
    ] = Field(description="which of SPEC §5's rules applied (domain.refunds.RefundRule)")
    buyer_reason: str
    buyer_self_service_before: int = Field(
        description="R-REF-1: the buyer account's self-service refunds before this one, marketplace-wide"
    )
    order_state_before: OrderState = Field(description="R-REF-5: the order's state when the request arrived")
    requested_at: Timestamp
    decide_by: str | None = Field(
        description="R-REF-4: decide by this date (YYYY-MM-DD), 3 working days after the request; null when "
        "there was nothing to decide (an automatic refund)"
    )
    decide_by_approximate: bool = Field(description="true when that year's official holidays are not known yet")
    decided_at: Timestamp | None = Field(description="when decided; also the moment of an automatic refund")
    decided_by: str | None = Field(description="who decided (display name); null for an automatic refund")
    decision_reason: str | None = Field(description="why rejected, or what a partial amount is for")
    invoice_issued: bool = Field(
        description="an invoice was already issued (or shipped) for the order: the vendor must see to it"
    )


class SubAccountData(BaseModel):
    """R-SUB-1: a user of the vendor (子账号), the owner's own row too; only the owner receives them
    (SPEC §11). Never a password: a generated one is in the answer of its command only."""

    username: str = Field(description="3–32 letters, digits, '.', '_' or '-'; unique among the vendor's users")
    display_name: str
    role: Literal["owner", "operations", "finance", "support", "viewer"]
    disabled: bool = Field(description="cannot sign in (401 ACCOUNT_DISABLED); its sessions were ended")
    can_export: bool = Field(description="SPEC §11: may export to CSV/XLSX (always for the owner, never a viewer)")
    must_change_password: bool = Field(description="created or reset by the owner, its password not changed yet")
    last_sign_in: Timestamp | None = Field(description="its last successful sign-in; null when never")
    created_at: Timestamp | None = Field(description="null for users made before sub-accounts existed")


class ActivityData(BaseModel):
    """One vendor command in the activity log (操作日志, issue 15; SPEC §11: the owner reads every
    user's, each other role its own). Written for every command but marking messages read, applied
    or refused (a 4xx after the caller was known); a replay of its Idempotency-Key writes none."""

    user_id: str
    username: str
    actor: str = Field(description="the user's display name at the time")
    role: Literal["owner", "operations", "finance", "support", "viewer"] = Field(description="the role at the time")
    client_id: str | None = Field(description="the X-Client-Id header sent with the command (a UUID), if any")
    action: str = Field(description="stable id of the command, e.g. order.change_price (domain.activity.ACTIONS)")
    entity: str = Field(description="the entity kind it is about, e.g. order")
    entity_id: str | None = Field(description="the entity; null for a creation that was refused")
    before: dict[str, Any] | None = Field(
        description="the changed fields' values before (null for a creation or a refusal); a list field keeps "
        "only its removed items; a bank account number masked; never a password"
    )
    after: dict[str, Any] | None = Field(
        description="the same fields after (null for a deletion or a refusal); a list field keeps only its added items"
    )
    outcome: Literal["applied", "refused"]
    code: str | None = Field(description="refused: the error code, e.g. ORDER_NOT_UNPAID")
    status: int | None = Field(description="refused: the HTTP status, e.g. 409")
    made_at: Timestamp = Field(description="X-Made-At: when the user made the change (offline maybe); else applied_at")
    applied_at: Timestamp = Field(description="when the server applied or refused it (the sandbox clock)")


EntityData = (
    OrderData
    | ListingData
    | MessageData
    | VendorProfileData
    | DiscountData
    | InvoiceData
    | DepositData
    | DepositPaymentData
    | EarningData
    | WithdrawalData
    | LedgerEntryData
    | BankAccountData
    | AgreementData
    | TicketData
    | RefundData
    | SubAccountData
    | ActivityData
)
EntityName = Literal[
    "vendor_profile",
    "listing",
    "order",
    "message",
    "discount",
    "invoice",
    "deposit",
    "deposit_payment",
    "earning",
    "withdrawal",
    "ledger_entry",
    "bank_account",
    "agreement",
    "ticket",
    "refund",
    "sub_account",
    "activity",
]


class Change(BaseModel):
    entity: EntityName
    id: str
    version: int
    deleted: bool
    data: EntityData | None = Field(description="null when deleted (a tombstone)")


class ChangesPage(BaseModel):
    cursor: str = Field(description="opaque; pass it back to get the next page")
    has_more: bool
    changes: list[Change]


class EntityEnvelope(BaseModel):
    """What a command's 2xx answer carries (API.md)."""

    entity: EntityName
    id: str
    version: int
    data: EntityData


def _plausible(moment: dt.datetime) -> dt.datetime:
    # Far-off years would overflow when converted to Asia/Shanghai or shifted by 180 days.
    if not 2000 <= moment.year <= 2100:
        raise ValueError("must be between the years 2000 and 2100")
    return moment


Moment = Annotated[AwareDatetime, AfterValidator(_plausible)]
