"""The demo vendor's refunds (退款, SPEC §5): a request for every order being refunded (most of
them recent, one past its decide-by date), and the refund of every refunded order (SaaS ones
self-service, refunded at once; the others approved by the vendor), with the messages they sent.
Plain rows for the seeder's bulk inserts; runs before the money's seed, which reads the orders'
states and refunded amounts."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

from vendor_desktop.domain.exit import delivered_by_vendor
from vendor_desktop.domain.invoices import InvoiceState
from vendor_desktop.domain.markets import MARKETS, Delivery
from vendor_desktop.domain.orders import OrderState
from vendor_desktop.domain.refunds import RefundRule, RefundState, decide_by, is_automatic, refund_rule

from ..core import names
from ..core.clock import iso
from .rules import refund_message_row

_REASONS = (
    "买错了规格，想换成年付版本。",
    "服务内容与商品描述不符，申请退款。",
    "项目取消，暂时不需要这项服务了。",
    "开通后一直无法登录，联系客服未解决。",
)
#: How many hours before the anchor day each recent request arrived; the oldest request is late.
_LATE_DAYS = 8


def seed_refunds(
    account_id: str,
    orders: list[dict[str, Any]],
    invoices: list[dict[str, Any]],
    actor: str,
    today: dt.datetime,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Refund rows and their messages; an order whose request would be self-service (a SaaS order
    still in its review period) is refunded instead, as R-REF-1 would have done."""
    invoiced = {i["order_id"] for i in invoices if i["state"] in (InvoiceState.ISSUED, InvoiceState.SHIPPED)}
    asking = [o for o in orders if o["state"] in (OrderState.REFUNDING, OrderState.REFUNDED)]
    if not any(MARKETS[o["market"]].delivery is Delivery.SAAS and o["state"] == OrderState.REFUNDED for o in asking):
        # The demo shows one self-service refund (R-REF-1): the newest SaaS order without an
        # invoice request was refunded in its review period (the demo's invoices stay on orders
        # the buyer kept).
        requested_invoice = {i["order_id"] for i in invoices}
        saas = [
            o
            for o in orders
            if MARKETS[o["market"]].delivery is Delivery.SAAS
            and o["state"] in (OrderState.PAID, OrderState.DELIVERING, OrderState.COMPLETED)
            and o["id"] not in requested_invoice
        ]
        if saas:
            newest = max(saas, key=lambda o: o["paid_at"])
            newest.update(state=OrderState.REFUNDED.value, refunded_fen=newest["amount_fen"])
            # R-ORD-5: it was completed when paid (its delivery dates stay, as in the sandbox).
            asking.append(newest)
    self_service: dict[str, int] = {}
    refunds: list[dict[str, Any]] = []
    messages: list[dict[str, Any]] = []
    requested = 0
    for n, order in enumerate(sorted(asking, key=lambda o: o["paid_at"])):
        paid_at = dt.datetime.fromisoformat(order["paid_at"])
        if order["state"] == OrderState.REFUNDING:
            # Recent, so the demo has requests to decide in time; the first (oldest) one is late.
            ago = dt.timedelta(days=_LATE_DAYS) if requested == 0 else dt.timedelta(hours=2 + 5 * (n % 9))
            at = max(paid_at + dt.timedelta(hours=1), today - ago)
            requested += 1
        else:  # refunded soon after payment (a SaaS order: in its review period)
            at = paid_at + dt.timedelta(hours=2)
        at = min(at, today - dt.timedelta(seconds=10))
        # R-ORD-5: a SaaS order was completed when paid; a manual service was still paid early on.
        late = at - paid_at > dt.timedelta(days=10)
        before_state = OrderState.COMPLETED if late or not delivered_by_vendor(order["market"]) else OrderState.PAID
        buyer = order["buyer_account_id"]
        count = self_service.get(buyer, 0)
        rule = refund_rule(order["market"], before_state, paid_at, at, count)
        if rule is RefundRule.NOT_REFUNDABLE:
            continue  # the orders seed never puts API or image orders here
        if is_automatic(rule):
            self_service[buyer] = count + 1
            order["state"], order["refunded_fen"] = OrderState.REFUNDED.value, order["amount_fen"]
        refunded = order["state"] == OrderState.REFUNDED
        deadline = None if is_automatic(rule) else decide_by(at)
        decided = at if is_automatic(rule) else at + dt.timedelta(hours=20)
        refund = {
            "id": names.seeded_id(account_id, "ref", n),
            "account_id": account_id,
            "order_id": order["id"],
            "order_number": order["number"],
            "listing_name": order["listing_name"],
            "market": order["market"],
            "buyer_account_id": buyer,
            "paid_fen": order["amount_fen"],
            "amount_fen": order["amount_fen"],
            "refunded_fen": order["amount_fen"] if refunded else 0,
            "state": (RefundState.APPROVED if refunded else RefundState.REQUESTED).value,
            "rule": rule.value,
            "buyer_reason": _REASONS[n % len(_REASONS)],
            "buyer_self_service_before": count,
            "order_state_before": before_state.value,
            "requested_at": iso(at),
            "decide_by": deadline.date.isoformat() if deadline else None,
            "decide_by_approximate": deadline.approximate if deadline else False,
            "decided_at": iso(decided) if refunded else None,
            "decided_by": None if is_automatic(rule) or not refunded else actor,
            "decision_reason": None,
            "invoice_issued": order["id"] in invoiced,
            "version": 2 if refunded else 1,
        }
        refunds.append(refund)
        if refunded and not is_automatic(rule):
            continue  # the vendor decided it: no message to tell
        kind = "refund_refunded" if refunded else "refund_requested"
        message_id = names.seeded_id(account_id, "rmsg", n)
        row = refund_message_row(kind, SimpleNamespace(**refund), message_id, refund["requested_at"])
        row["read"] = at < today - dt.timedelta(days=3)
        messages.append(row)
    return refunds, messages
