"""Property (issue 13 item 6, issue 14 for refunds): whatever a vendor, its buyers, the marketplace
and the clock do, in any order, with answers lost and commands resent, the money never appears,
vanishes or goes negative, and a resent command applies once.

A Hypothesis state machine drives the sandbox through its HTTP API — top-ups, orders paid in every
market, services completed, time passing (hours to weeks, and to either side of a SaaS review
period's end or of midnight in Beijing), deposit payments, withdrawals, payouts and failed
payouts, agreements signed, buyers' refund requests and the vendor's decisions on them (SPEC §5:
refunded at once, approved, partly refunded or refused; R-WDR-1: from pending, else withdrawable,
else owed and paid back first by later settlements) — with some of the vendor's answers lost and the
command resent later with the same Idempotency-Key. The refund steps run only when the sandbox
serves ``POST /sandbox/refunds``. After every step it pulls ``/sync/changes`` as the owner, from its
last cursor, and checks the books (``check_books``) and a model of what the money should be
(money_model.py). The model uses the domain's rules (settles_at, hold_reason, draw_plan,
arrival_window, refund_rule, refund_split, settle_against_owed), which tests/domain checks on
their own: here the question is whether the server applies them, once, to the right money.

Budget: ``VENDOR_DESKTOP_MONEY_EXAMPLES`` examples (10) of up to ``VENDOR_DESKTOP_MONEY_STEPS``
steps (50) per database: about 20 s on SQLite and 30 s on PostgreSQL on an idle 2-core machine.
CI (HYPOTHESIS_PROFILE=ci) runs the same examples every time. Run it longer locally, with new
examples each run, e.g. ``VENDOR_DESKTOP_MONEY_EXAMPLES=100 pytest tests/server/test_money_property.py``
(each clock move brings every vendor in the database up to it, so long runs slow down as vendors pile up).
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import uuid
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from fastapi.testclient import TestClient
from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from vendor_desktop.domain.deposit import DEPOSIT_MAXIMUM_FEN, TIER_AMOUNT_FEN, tier_covered
from vendor_desktop.domain.earnings import AgreementKind, LedgerBook, LedgerKind, WithdrawalState, ledger_book
from vendor_desktop.domain.exit import delivered_by_vendor
from vendor_desktop.domain.markets import MARKETS, Delivery
from vendor_desktop.domain.orders import OrderState
from vendor_desktop.domain.refunds import Decision, RefundRule
from vendor_desktop.domain.workdays import SHANGHAI

from .conftest import API, OPERATOR_TOKEN, assert_error, bearer, login, place_order, send
from .money_helpers import MARKET_INDEX, assert_books_balance, complete, money_vendor, set_clock, settle, sign, top_up
from .money_model import ExpectedWithdrawal, MoneyModel, PaidOrder

MONEY_EXAMPLES = int(os.environ.get("VENDOR_DESKTOP_MONEY_EXAMPLES", "10"))
MONEY_STEPS = int(os.environ.get("VENDOR_DESKTOP_MONEY_STEPS", "50"))
#: API.md: idempotency keys are kept at least 7 days; the app resends well within that.
KEY_KEPT = dt.timedelta(days=7)
#: One seed for every vendor (its password hashes are computed once); each gets its own account id.
SEED = 13
_accounts = itertools.count(1)
OPERATOR = {"Authorization": f"Bearer {OPERATOR_TOKEN}"}
# Markets by delivery type first: seven of the ten markets are manual services, whose money waits
# for completion; picked evenly, money would rarely settle at once (API, image) or by time (SaaS).
markets = st.sampled_from(list(Delivery)).flatmap(
    lambda delivery: st.sampled_from([m for m, info in MARKETS.items() if info.delivery is delivery])
)
# Interesting places to start the clock: before Mid-Autumn and National Day 2026, an ordinary
# week, the turn of a year whose holidays are not published yet; or anywhere in 2026.
starts = st.one_of(
    st.sampled_from(
        [
            dt.datetime(2026, 9, 24, 22, 30, tzinfo=SHANGHAI),
            dt.datetime(2026, 11, 26, 10, 0, tzinfo=SHANGHAI),
            dt.datetime(2026, 12, 24, 15, 0, tzinfo=SHANGHAI),
        ]
    ),
    st.datetimes(dt.datetime(2026, 1, 1), dt.datetime(2026, 12, 31)).map(lambda d: d.replace(tzinfo=SHANGHAI)),
)


def weighted(*choices: tuple[int, st.SearchStrategy[Any]]) -> st.SearchStrategy[Any]:
    """Each strategy drawn in proportion to its weight (one_of would draw each branch evenly);
    examples shrink towards the first."""
    return st.sampled_from([s for weight, s in choices for _ in range(weight)]).flatmap(lambda s: s)


# Hypothesis favours small integers, and a vendor with ¥3.17 does little: mostly round amounts.
round_amounts = st.sampled_from([1_000_000, 500_000, 200_000, 100_000])
nonsense = st.sampled_from([0, -1])
# Deposit payments: mostly what reaches a tier exactly, one fen over the maximum, or the whole
# balance (all of it may be paid: R-DEP-5 refuses only more).
deposit_amounts = weighted(
    (6, st.sampled_from(["to tier 1", "to tier 2", "to tier 3", "one fen over the maximum", "the whole balance"])),
    (2, st.integers(1, 600_000)),
    (1, nonsense),
)
# Withdrawals: of what the earnings hold (all that is free, half, one fen more, all including
# held money) when they hold any; and any amount, or nonsense, at any time.
named_withdrawals = st.sampled_from(
    ["everything free", "half of free", "one fen more than free", "everything including held"]
)
any_withdrawal = weighted((4, st.integers(1, 2_000_000)), (1, nonsense))
# How a vendor starts: usually both agreements signed, and some balance and deposit already (the
# seed writes them as a top-up and a deposit payment, so the books start balanced).
agreements_at_start = weighted(
    (4, st.just(("access", "revenue"))), (1, st.sampled_from([("access",), ("revenue",), ()]))
)
balances_at_start = weighted((3, round_amounts), (1, st.just(0)), (1, st.integers(0, 1_000_000)))
deposits_at_start = weighted(
    (3, st.sampled_from([TIER_AMOUNT_FEN[2], TIER_AMOUNT_FEN[1], DEPOSIT_MAXIMUM_FEN, 0])),
    (1, st.integers(0, DEPOSIT_MAXIMUM_FEN)),
)
# Hours to weeks; and now and then to either side of a boundary: when the next SaaS review period
# ends (R-WDR-1), or midnight in Beijing, when working days begin. Told to the sandbox in UTC or
# in Beijing time.
waits = weighted(
    (3, st.integers(1, 23).map(lambda h: dt.timedelta(hours=h))),
    (2, st.integers(1, 6).map(lambda d: dt.timedelta(days=d))),
    (1, st.integers(1, 4).map(lambda w: dt.timedelta(weeks=w))),
    (2, st.sampled_from(["to the next settlement", "to a minute before it", "to midnight in Beijing"])),
)
zones = st.sampled_from([SHANGHAI, dt.UTC])
top_ups = weighted((3, round_amounts), (1, st.integers(1, 600_000)))
users = st.sampled_from(["owner", "finance"])  # SPEC §11: both may pay deposits and withdraw
deciders = st.sampled_from(["owner", "support"])  # SPEC §11: both decide refunds
# A buyer asks for everything left (naming no amount, or naming it), half of it, or one fen more.
refund_amounts = st.sampled_from(["unnamed", "everything", "half", "one fen more"])
decisions = weighted(
    (3, st.just((Decision.APPROVE, None))),
    (2, st.sampled_from([(Decision.PARTIAL, "half"), (Decision.PARTIAL, "everything left")])),
    (2, st.just((Decision.REJECT, None))),
    (1, st.sampled_from([(Decision.PARTIAL, "one fen more"), (Decision.PARTIAL, "zero")])),
)


class VendorMoney(RuleBasedStateMachine):
    """One vendor's money, driven through the sandbox's HTTP API; rules named as the vendor would."""

    def __init__(self, client: TestClient, seed: Callable[..., dict[str, Any]]) -> None:
        super().__init__()
        self.client, self.seed = client, seed

    # --- set-up ---------------------------------------------------------------------------

    @initialize(start=starts, agreements=agreements_at_start, balance=balances_at_start, deposit=deposits_at_start)
    def a_new_vendor(self, start: dt.datetime, agreements: tuple[str, ...], balance: int, deposit: int) -> None:
        set_clock(self.client, OPERATOR, start)
        self.vendor = money_vendor(
            self.seed, seed=SEED, account_id=f"money-{next(_accounts)}", agreements=list(agreements),
            balance_fen=balance, deposit_paid_fen=deposit,
        )  # fmt: skip
        self.account = self.vendor["account_id"]
        self.tokens = {role: login(self.client, self.vendor, role) for role in ("owner", "finance", "support")}
        # Each vendor's orders have a buyer of their own: R-REF-1 counts a buyer's self-service
        # refunds marketplace-wide, and the model knows only this vendor's.
        self.buyer = str(7_000_000 + int(self.account.rsplit("-", 1)[1]))
        self.refunds_served = f"{API}/sandbox/refunds" in self.client.app.openapi()["paths"]
        self.model = MoneyModel(now=start, signed=set(agreements), topped_up_fen=balance + deposit)
        if deposit:
            self.model.deposit_payments.append(deposit)
        self.cursor: str | None = None
        self.seen: dict[tuple[str, str], dict[str, Any]] = {}
        self.versions: dict[tuple[str, str], int] = {}
        self.ledger: list[dict[str, Any]] = []  # in commit order
        self.lost: list[dict[str, Any]] = []  # commands whose answer the app never got
        self.refused = False  # the last step was refused: the next pull must bring nothing
        self.pull()

    # --- the marketplace's side (operator controls) ---------------------------------------

    @rule(amount=top_ups)
    def the_vendor_tops_up_the_balance(self, amount: int) -> None:
        top_up(self.client, OPERATOR, self.vendor, amount)
        self.model.topped_up_fen += amount

    @rule(market=markets)
    def a_buyer_orders_and_pays(self, market: str) -> None:
        # At the listing's price: exact amounts would sign in (scrypt) for each order's price change.
        listing = f"lst-{self.account}-{MARKET_INDEX[market]}"
        order = place_order(self.client, OPERATOR, self.vendor, buyer=self.buyer, listing=listing)
        paid = self.client.post(f"{API}/sandbox/orders/{order['id']}/pay", headers=OPERATOR)
        assert paid.status_code == 200, paid.text
        self.model.step += 1
        self.model.orders[order["id"]] = PaidOrder(
            order["data"]["number"], market, paid.json()["data"]["amount_fen"], self.model.now,
            paid_step=self.model.step,
        )  # fmt: skip
        if not delivered_by_vendor(market):  # R-ORD-5: SaaS, API and image complete when paid
            assert paid.json()["data"]["state"] == "completed"
            self.model.orders[order["id"]].completed_at = self.model.now
            self.model.orders[order["id"]].completed_step = self.model.step

    @precondition(lambda self: self.completable())
    @rule(pick=st.integers(0, 10**6))
    def the_buyer_confirms_a_service_complete(self, pick: int) -> None:
        # R-ORD-5, R-WDR-1: a manual service settles now; SaaS, API and image money is unmoved.
        order_id = self.completable()[pick % len(self.completable())]
        complete(self.client, OPERATOR, order_id)
        self.model.step += 1
        self.model.orders[order_id].completed_at = self.model.now
        self.model.orders[order_id].completed_step = self.model.step

    def completable(self) -> list[str]:
        # In the order they were placed, not by id: ids are random, and a step must pick the same
        # order every time Hypothesis replays it.
        # A refund waiting for the vendor, or one that took everything, ends the service (R-REF-5).
        return [
            i
            for i, o in self.model.orders.items()
            if o.completed_at is None and self.model.order_state(i) not in (OrderState.REFUNDING, OrderState.REFUNDED)
        ]

    @rule(wait=waits, zone=zones)
    def time_passes(self, wait: dt.timedelta | str, zone: dt.tzinfo) -> None:
        self.model.now = self.later(wait)
        set_clock(self.client, OPERATOR, self.model.now.astimezone(zone))
        # Access tokens last 15 minutes of the sandbox clock: the app refreshes them, as here.
        for role, tokens in self.tokens.items():
            fresh = self.client.post(f"{API}/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
            assert fresh.status_code == 200, fresh.text
            self.tokens[role] = fresh.json()
        self.lost = [c for c in self.lost if self.model.now - c["sent_at"] < KEY_KEPT]

    def later(self, wait: dt.timedelta | str) -> dt.datetime:
        now = self.model.now
        if isinstance(wait, dt.timedelta):
            return now + wait
        midnight = dt.datetime.combine(now.astimezone(SHANGHAI).date() + dt.timedelta(days=1), dt.time(), SHANGHAI)
        boundary = min(self.model.settlements_after(now), default=midnight)
        if wait == "to midnight in Beijing":
            return midnight
        if wait == "to a minute before it" and boundary - dt.timedelta(minutes=1) > now:
            return boundary - dt.timedelta(minutes=1)
        return boundary

    @precondition(lambda self: self.model.signed != set(AgreementKind))
    @rule()
    def the_vendor_signs_the_next_agreement(self) -> None:
        # R-WDR-2; signing again is a no-op, and drawing it often would crowd out the money.
        kind = next(k for k in AgreementKind if k not in self.model.signed)
        assert sign(self.client, OPERATOR, self.vendor, kind).status_code == 200
        self.model.signed.add(kind)

    @precondition(lambda self: self.model.withdrawals)
    @rule(pick=st.integers(0, 10**6), paid=st.booleans())
    def the_marketplace_settles_a_withdrawal(self, pick: int, paid: bool) -> None:
        # R-WDR-5: paid out, or failed (its money back to withdrawable); once only.
        ids = list(self.model.withdrawals)  # in request order, as completable() explains
        wid = ids[pick % len(ids)]
        withdrawal = self.model.withdrawals[wid]
        event(f"withdrawal settled {'paid' if paid else 'failed'} when {self.model.state(withdrawal).value}")
        answer = settle(self.client, OPERATOR, wid, paid, None if paid else "收款账户户名不符")
        if withdrawal.settled is not None:
            assert_error(answer, 409, "WITHDRAWAL_STATE")
            self.refused = True
            return
        assert answer.status_code == 200, answer.text
        self.model.step += 1
        withdrawal.settled = WithdrawalState.PAID if paid else WithdrawalState.FAILED
        withdrawal.settled_at, withdrawal.settled_step = self.model.now, self.model.step

    # --- the vendor's commands (Idempotency-Key; answers may be lost) ---------------------

    @rule(amount=deposit_amounts, user=users, answer_lost=st.booleans())
    def the_vendor_pays_deposit(self, amount: int | str, user: str, answer_lost: bool) -> None:
        amount_fen = self.deposit_amount(amount)
        refusal = self.model.deposit_refusal(amount_fen)
        answer = self.command(user, "/deposit/payments", {"amount_fen": amount_fen}, answer_lost)
        event(f"deposit payment: {refusal or 'paid'}")
        if refusal:
            assert_error(answer, 422, refusal)
            self.refused = True
            return
        assert answer.status_code == 201, answer.text
        self.model.deposit_payments.append(amount_fen)

    def deposit_amount(self, amount: int | str) -> int:
        paid = self.model.deposit_paid_fen
        if amount == "one fen over the maximum":
            return DEPOSIT_MAXIMUM_FEN - paid + 1
        if amount == "the whole balance":
            return max(1, self.model.balance_fen)
        if isinstance(amount, str):  # "to tier N": what it takes to cover tier N (at least 1 fen)
            return max(1, TIER_AMOUNT_FEN[int(amount[-1])] - paid)
        return amount

    @precondition(lambda self: self.model.withdrawable_fen(including_held=True))
    @rule(amount=named_withdrawals, user=users, answer_lost=st.booleans())
    def the_vendor_withdraws_earnings(self, amount: str, user: str, answer_lost: bool) -> None:
        free, everything = self.model.withdrawable_fen(False), self.model.withdrawable_fen(True)
        amount_fen = {
            "everything free": free,
            "half of free": free // 2,
            "one fen more than free": free + 1,
            "everything including held": everything,
        }[amount]
        self.withdraw(max(1, amount_fen), user, answer_lost)

    @rule(amount=any_withdrawal, user=users, answer_lost=st.booleans())
    def the_vendor_asks_to_withdraw_any_amount(self, amount: int, user: str, answer_lost: bool) -> None:
        self.withdraw(amount, user, answer_lost)

    def withdraw(self, amount_fen: int, user: str, answer_lost: bool) -> None:
        outcome = self.model.withdrawal_outcome(amount_fen)
        answer = self.command(user, "/withdrawals", {"amount_fen": amount_fen}, answer_lost)
        event(f"withdrawal: {outcome if isinstance(outcome, str) else f'drawn from {len(outcome)} market(s)'}")
        if isinstance(outcome, str):
            assert_error(answer, 422, outcome)
            self.refused = True
            return
        assert answer.status_code == 201, answer.text
        self.model.step += 1
        self.model.withdrawals[answer.json()["id"]] = ExpectedWithdrawal(
            amount_fen, outcome, self.model.now, requested_step=self.model.step
        )

    # --- refunds (SPEC §5; only when the sandbox serves them) -----------------------------

    @precondition(lambda self: self.refunds_served and self.model.orders)
    @rule(pick=st.integers(0, 10**6), amount=refund_amounts)
    def a_buyer_asks_for_a_refund(self, pick: int, amount: str) -> None:
        # R-REF-1…3: refunded at once (SaaS in the review period, under four), refused (API and
        # image, or an order already refunding or refunded), or waiting for the vendor.
        ids = list(self.model.orders)  # in the order placed, as completable() explains
        order_id = ids[pick % len(ids)]
        left = self.model.refundable_fen(order_id)
        amount_fen = {"unnamed": None, "everything": left, "half": max(1, left // 2), "one fen more": left + 1}[amount]
        outcome = self.model.refund_request_outcome(order_id, amount_fen)
        body: dict[str, Any] = {"order_id": order_id, "reason": "服务不符合预期"}
        if amount_fen is not None:
            body["amount_fen"] = amount_fen
        answer = self.client.post(f"{API}/sandbox/refunds", json=body, headers=OPERATOR)
        event(f"refund request: {outcome}")
        if not isinstance(outcome, RefundRule):  # a refusal's code
            assert_error(answer, 422 if outcome in ("AMOUNT_EXCEEDS_PAID", "VALIDATION_FAILED") else 409, outcome)
            self.refused = True
            return
        assert answer.status_code == 201, answer.text
        self.model.request_refund(answer.json()["id"], order_id, amount_fen, outcome)

    @precondition(lambda self: self.refunds_served and self.model.refunds)
    @rule(pick=st.integers(0, 10**6), decision=decisions, user=deciders, answer_lost=st.booleans())
    def the_vendor_decides_a_refund(
        self, pick: int, decision: tuple[Decision, str | None], user: str, answer_lost: bool
    ) -> None:
        # R-REF-4: approve what was asked, refund part of what is left, or refuse with a reason;
        # a decided request is 409 REFUND_STATE.
        ids = list(self.model.refunds)
        refund_id = ids[pick % len(ids)]
        kind, amount = decision
        left = self.model.refundable_fen(self.model.refunds[refund_id].order_id)
        amount_fen = {None: None, "half": max(1, left // 2), "everything left": left, "one fen more": left + 1,
                      "zero": 0}[amount]  # fmt: skip
        outcome = self.model.decision_outcome(refund_id, kind, amount_fen)
        body: dict[str, Any] = {"decision": kind.value}
        if amount_fen is not None:
            body["amount_fen"] = amount_fen
        if kind is Decision.REJECT:
            body["reason"] = "协商不成"
        version = self.versions[("refund", refund_id)]
        answer = self.command(user, f"/refunds/{refund_id}/decision", body, answer_lost, if_match=version)
        event(f"refund decision {kind.value}: {outcome or 'applied'}")
        if outcome is not None:
            assert_error(answer, 409 if outcome == "REFUND_STATE" else 422, outcome)
            self.refused = True
            return
        assert answer.status_code == 200, answer.text
        self.model.decide(refund_id, kind, amount_fen)

    @precondition(lambda self: self.lost)
    @rule(pick=st.integers(0, 10**6))
    def the_app_resends_a_command_whose_answer_was_lost(self, pick: int) -> None:
        # API.md: the same key and body replay the first answer — refusals included — and
        # change nothing, however the account moved on since.
        sent = self.lost.pop(pick % len(self.lost))
        event(f"resent after a lost answer: {sent['path']} {sent['status']}")
        again = self.send(sent["user"], sent["key"], sent["path"], sent["body"], sent["if_match"])
        assert (again.status_code, again.json()) == (sent["status"], sent["answer"]), again.text
        self.refused = True

    @precondition(lambda self: self.lost)
    @rule(pick=st.integers(0, 10**6))
    def the_app_reuses_a_key_for_another_amount(self, pick: int) -> None:
        sent = self.lost[pick % len(self.lost)]
        other = {**sent["body"], "amount_fen": sent["body"].get("amount_fen", 0) + 1}
        again = self.send(sent["user"], sent["key"], sent["path"], other, sent["if_match"])
        assert_error(again, 422, "IDEMPOTENCY_KEY_REUSED")
        self.refused = True

    # --- talking to the sandbox -----------------------------------------------------------

    def command(
        self, user: str, path: str, body: dict[str, Any], answer_lost: bool, if_match: int | None = None
    ) -> Any:
        key = str(uuid.uuid4())
        answer = self.send(user, key, path, body, if_match)
        if answer_lost:  # the server answered; the app never heard, and will send it again
            self.lost.append({"path": path, "body": body, "user": user, "key": key, "sent_at": self.model.now,
                              "status": answer.status_code, "answer": answer.json(), "if_match": if_match})  # fmt: skip
        return answer

    def send(self, user: str, key: str, path: str, body: dict[str, Any], if_match: int | None = None) -> Any:
        """A vendor command as ``user``, with its current access token (a resend may come after a refresh)."""
        return send(self.client, "POST", path, bearer(self.tokens[user]), json=body, key=key, if_match=if_match)

    def pull(self) -> list[dict[str, Any]]:
        """The owner's next changes, from the last cursor, into ``seen`` and ``ledger``."""
        changes: list[dict[str, Any]] = []
        while True:
            params = {"limit": 500, **({"cursor": self.cursor} if self.cursor else {})}
            page = self.client.get(f"{API}/sync/changes", params=params, headers=bearer(self.tokens["owner"]))
            assert page.status_code == 200, page.text
            body = page.json()
            changes += body["changes"]
            self.cursor = body["cursor"]
            if not body["has_more"]:
                break
        for change in changes:
            key = (change["entity"], change["id"])
            if change["entity"] == "ledger_entry":
                # A ledger entry is written once and never changes: a second sight is a rewrite.
                assert key not in self.seen, f"ledger entry {change['id']} changed: {change['data']}"
                self.ledger.append(change["data"])
            if change["deleted"]:
                self.seen.pop(key, None)
            else:
                self.seen[key] = change["data"]
                self.versions[key] = change["version"]
        return changes

    def of_kind(self, entity: str) -> dict[str, dict[str, Any]]:
        return {i: d for (e, i), d in self.seen.items() if e == entity}

    # --- after every step -----------------------------------------------------------------

    @invariant()
    def the_books_balance(self) -> None:
        changes = self.pull()
        if self.refused:
            # Nothing changed but the activity log, which records a refusal as refused (issue 15).
            changed = [(c["entity"], c["id"]) for c in changes if c["entity"] != "activity"]
            assert changed == [], f"a refused or replayed command changed {changed}"
            assert all(c["data"]["outcome"] == "refused" for c in changes if c["entity"] == "activity")
            self.refused = False
        check_books(self.seen[("deposit", self.account)], self.of_kind("earning"), self.ledger, self.of_kind("order"))
        self.check_model()

    def check_model(self) -> None:
        model = self.model
        deposit = self.seen[("deposit", self.account)]
        assert {k: deposit[k] for k in model.deposit_summary()} == model.deposit_summary()
        earnings = {e["market"]: e for e in self.of_kind("earning").values()}
        assert set(earnings) == set(model.earnings()), "earnings are kept for exactly the markets that earned"
        for market, expected in model.earnings().items():
            assert {k: earnings[market][k] for k in expected} == expected, market
        withdrawals = self.of_kind("withdrawal")
        assert set(withdrawals) == set(model.withdrawals), "a withdrawal appeared or vanished"
        for wid, w in model.withdrawals.items():
            view = model.withdrawal_view(w)
            assert {k: withdrawals[wid][k] for k in view} == view, f"withdrawal {wid}"
        payments = self.of_kind("deposit_payment").values()
        assert sorted(p["amount_fen"] for p in payments) == sorted(model.deposit_payments)
        assert len({p["receipt_number"] for p in payments}) == len(payments), "a receipt number was reused"
        for p in payments:
            assert p["tier_after"] == tier_covered(p["paid_fen_after"])
        agreements = {d["kind"]: d["signed"] for d in self.of_kind("agreement").values()}
        assert agreements == {k.value: k in model.signed for k in AgreementKind}
        self.check_refunds()
        self.check_ledger_references()

    def check_refunds(self) -> None:
        """Each request is as the rules left it (R-REF-1…4), and its order says what was refunded (R-REF-5)."""
        model = self.model
        refunds = self.of_kind("refund")
        assert set(refunds) == set(model.refunds), "a refund appeared or vanished"
        for rid in model.refunds:
            view = model.refund_view(rid)
            assert {k: refunds[rid][k] for k in view} == view, f"refund {rid}"
        orders = self.of_kind("order")
        for oid in {r.order_id for r in model.refunds.values()}:
            assert orders[oid]["refunded_fen"] == model.refunded_fen(oid), f"order {oid}"
            assert orders[oid]["state"] == model.order_state(oid).value, f"order {oid}"

    def check_ledger_references(self) -> None:
        """Each movement the model knows of is in the ledger exactly once, and nothing else is."""
        model, moved = self.model, defaultdict(int)
        for e in self.ledger:
            moved[
                e["kind"], e.get("order_number") or e.get("withdrawal_id") or e.get("receipt_number"), e["market"]
            ] += e["amount_fen"]
        expected: dict[tuple[str, Any, Any], int] = defaultdict(int)
        expected[LedgerKind.TOP_UP, None, None] = model.topped_up_fen
        books = model.market_books()
        if model.refunds:
            # R-WDR-1: what settled (less what it paid back of owed refunds) and what refunds took
            # from withdrawable, per market: an entry may name the refunded or the settling order.
            moved = self._merge_order_money(moved)
            for market, b in books.items():
                net = b.settled_to_withdrawable_fen - b.refunded_from_withdrawable_fen
                expected["order money", None, market] = net
        else:
            for o in model.orders.values():
                if model.settled(o):
                    expected[LedgerKind.ORDER_SETTLED, o.number, o.market] = o.amount_fen
        for wid, w in model.withdrawals.items():
            for market, fen in w.draws.items():
                expected[LedgerKind.WITHDRAWAL, wid, market] = -fen
                if w.settled is WithdrawalState.FAILED:  # less what paid back money owed meanwhile
                    expected[LedgerKind.WITHDRAWAL_RETURNED, wid, market] = books[market].returned_fen[wid]
        deposit_paid = sum(v for (kind, *_), v in moved.items() if kind == LedgerKind.DEPOSIT_PAYMENT)
        assert deposit_paid == -model.deposit_paid_fen
        others = {k: v for k, v in moved.items() if k[0] != LedgerKind.DEPOSIT_PAYMENT and v}
        assert others == {k: v for k, v in expected.items() if v}

    @staticmethod
    def _merge_order_money(moved: dict[tuple[str, Any, Any], int]) -> dict[tuple[str, Any, Any], int]:
        merged: dict[tuple[str, Any, Any], int] = defaultdict(int)
        for (kind, ref, market), fen in moved.items():
            if kind in (LedgerKind.ORDER_SETTLED, LedgerKind.REFUND):
                merged["order money", None, market] += fen
            else:
                merged[kind, ref, market] += fen
        return merged


def check_books(
    deposit: dict[str, Any],
    earnings: dict[str, dict[str, Any]],
    ledger: list[dict[str, Any]],
    orders: dict[str, dict[str, Any]],
) -> None:
    """The server's own numbers agree with each other, whatever the model says."""
    # (b) every fen an order earned is pending, withdrawable, on its way or paid out — or went back
    # to its buyer, less what the market still owes for that (SPEC §5: earned − refunded = pending
    # + withdrawable + in flight + paid out − owed, which the helper checks given what each market
    # refunded); (c) the ledger adds up to the balance and to each market's withdrawable, entry by
    # entry
    refunded: dict[str, int] = defaultdict(int)
    for order in orders.values():
        refunded[order["market"]] += order.get("refunded_fen") or 0
    by_market = {e["market"]: e for e in earnings.values()}
    assert_books_balance({"deposit": deposit, "earnings": by_market, "ledger": ledger, "refunded": refunded})
    if not any(refunded.values()):
        assert all(e["owed_fen"] == 0 for e in earnings.values())  # only refunds make money owed
    # (a) every fen topped up is in the balance or the deposit (no deposit refunds before exit)
    topped_up = sum(e["amount_fen"] for e in ledger if e["kind"] in (LedgerKind.TOP_UP, LedgerKind.DEPOSIT_REFUND))
    assert topped_up == deposit["balance_fen"] + deposit["paid_fen"]
    # (d) nothing is ever negative
    for row in [deposit, *earnings.values()]:
        negative = {k: v for k, v in row.items() if k.endswith("_fen") and v < 0}
        assert not negative, f"negative money: {negative}"
    for entry in ledger:
        assert entry["balance_after_fen"] >= 0, entry
        assert (entry["market"] is None) == (ledger_book(entry["kind"]) is LedgerBook.BALANCE), entry


def test_money_is_never_made_lost_or_applied_twice(client: TestClient, seed: Callable[..., dict[str, Any]]) -> None:
    run_state_machine_as_test(
        lambda: VendorMoney(client, seed),
        settings=settings(
            max_examples=MONEY_EXAMPLES,
            stateful_step_count=MONEY_STEPS,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
        ),
    )
