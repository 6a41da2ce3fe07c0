"""Invoice requests as buyers make them up, and the demo vendor's invoices in every state.

``buyer_request`` fills what a buyer left out of ``POST /sandbox/invoices`` the same way every
time for the same order: a Chinese company title with its 18-character 统一社会信用代码 (or a
person's name for some ordinary invoices), a recipient, a Chinese address, and the order's
virtual number as the phone (never a real one, R-ORD-4).

``seed_invoices`` gives the demo vendor's paid orders invoices in every state (R-INV-1): pending
ones overdue, due within two working days and due later (R-INV-3), issued, shipped postage paid
and cash on delivery (only below ¥50.00, R-INV-5), one corrected shipment (R-INV-6), and revoked
(R-INV-2); with the invoice_requested and invoice_revoked messages they sent. Plain rows for the
seeder's bulk inserts.
"""

from __future__ import annotations

import datetime as dt
import functools
import random
from typing import Any

from vendor_desktop.domain.invoices import (
    COD_LIMIT_FEN,
    InvoiceState,
    InvoiceType,
    Postage,
    due_date,
    is_overdue,
    working_days_left,
)
from vendor_desktop.domain.workdays import SHANGHAI, WorkingDate, add_working_days, is_working_day

from ..core import names
from ..core.clock import iso
from .models import history_entry
from .notices import REQUESTED, REVOKED, buyer_notice, vendor_message_row

# A real district of each demo city (names.CITIES), so an address reads as one place.
_DISTRICTS = {
    "杭州": ("西湖区", "滨江区", "余杭区"),
    "上海": ("浦东新区", "徐汇区", "闵行区"),
    "北京": ("海淀区", "朝阳区", "东城区"),
    "深圳": ("南山区", "福田区", "龙岗区"),
    "广州": ("天河区", "海珠区", "番禺区"),
    "成都": ("武侯区", "高新区", "锦江区"),
    "南京": ("江宁区", "鼓楼区", "建邺区"),
    "苏州": ("工业园区", "姑苏区", "吴中区"),
    "武汉": ("洪山区", "江汉区", "武昌区"),
    "西安": ("雁塔区", "碑林区", "未央区"),
    "重庆": ("渝北区", "江北区", "九龙坡区"),
    "天津": ("滨海新区", "南开区", "河西区"),
    "厦门": ("思明区", "湖里区", "集美区"),
    "合肥": ("蜀山区", "包河区", "庐阳区"),
    "长沙": ("岳麓区", "天心区", "开福区"),
    "青岛": ("市南区", "崂山区", "黄岛区"),
}
_ROADS = ["文三路", "科技园路", "创业大道", "人民路", "中山路", "解放路", "建设路", "长江路", "软件园路"]
_PARKS = ["数字大厦", "创新中心", "软件园", "科技大厦", "国际商务中心"]
# 统一社会信用代码 (GB 32100-2015): 18 characters, the last a check character.
_USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_REGIONS = ("330106", "310115", "110108", "440305", "440106", "510107", "320115", "420111")


def tax_id(rng: random.Random) -> str:
    """A well-formed 统一社会信用代码 of a company: 91, a region, an organisation code, the check."""
    body = "91" + rng.choice(_REGIONS) + "".join(rng.choice(_USCC_CHARS) for _ in range(9))
    total = sum(_USCC_CHARS.index(c) * w for c, w in zip(body, _USCC_WEIGHTS, strict=True))
    return body + _USCC_CHARS[(31 - total % 31) % 31]


def address(rng: random.Random) -> str:
    city = rng.choice(names.CITIES)
    building = f"{rng.choice(_PARKS)}{rng.randrange(1, 9)}号楼{rng.randrange(2, 20)}{rng.randrange(1, 20):02d}室"
    district = rng.choice(_DISTRICTS.get(city, ("高新区",)))
    return f"{city}市{district}{rng.choice(_ROADS)}{rng.randrange(1, 999)}号{building}"


def buyer_request(order_number: str, virtual_number: str, given: dict[str, Any] | None = None) -> dict[str, Any]:
    """type, title, tax_id and mailing of a request: what the buyer ``given`` (non-null keys of
    type, title, tax_id, mailing {recipient, address}), the rest made up from the order's number
    (unique per vendor, and the same for the same demo seed). A made-up title is a person's (no
    tax ID) for some ordinary invoices, else a company's."""
    given = {k: v for k, v in (given or {}).items() if v is not None}
    rng = random.Random(f"invoice:{order_number}")
    kind = InvoiceType(given.get("type") or (InvoiceType.ORDINARY if rng.random() < 0.7 else InvoiceType.SPECIAL))
    person = kind is InvoiceType.ORDINARY and not {"title", "tax_id"} & set(given) and rng.random() < 0.15
    title = given.get("title") or (names.person_name(rng) if person else names.company(rng)[0])
    mailing = given.get("mailing") or {}
    return {
        "type": kind.value,
        "title": title,
        "tax_id": given.get("tax_id") or (None if person else tax_id(rng)),
        "mailing": {
            "recipient": mailing.get("recipient") or names.person_name(rng),
            "address": mailing.get("address") or address(rng),
            "virtual_number": virtual_number,
        },
    }


# --- the demo vendor's invoices -------------------------------------------------------------

OVERDUE, DUE_SOON, DUE_LATER = "overdue", "due_soon", "due_later"
ISSUED, SHIPPED, SHIPPED_COD, CORRECTED, REVOKED_ = "issued", "shipped", "shipped_cod", "corrected", "revoked"
#: Every kind the demo shows at least once (when it has enough paid orders), then these weights.
_WEIGHTS = {
    OVERDUE: 6,
    DUE_SOON: 8,
    DUE_LATER: 14,
    ISSUED: 14,
    SHIPPED: 36,
    SHIPPED_COD: 8,
    CORRECTED: 2,
    REVOKED_: 12,
}
_PAID = frozenset({"paid", "delivering", "completed"})
#: How a tracking number of each courier usually looks (domain.invoices.CARRIERS): prefix, digits.
_TRACKING = {
    "顺丰": ("SF", 13),
    "中通": ("75", 12),
    "圆通": ("YT", 13),
    "韵达": ("43", 11),
    "京东": ("JD", 12),
    "极兔": ("JT", 13),
    "EMS": ("11", 11),
    "申通": ("77", 11),
}


def _pending_days(today: dt.date) -> dict[str, list[dt.date]]:
    """Past request dates whose due date (R-INV-3) is passed, within two working days, or later."""
    days: dict[str, list[dt.date]] = {OVERDUE: [], DUE_SOON: [], DUE_LATER: []}
    for back in range(1, 40):
        day = today - dt.timedelta(days=back)
        if not is_working_day(day):
            continue  # buyers ask on working days mostly; keeps the demo's due dates plain
        due = add_working_days(day, 10).date
        if is_overdue(InvoiceState.PENDING, due, today):
            days[OVERDUE].append(day)
        elif working_days_left(today, due) <= 2:
            days[DUE_SOON].append(day)
        else:
            days[DUE_LATER].append(day)
    return days


@functools.lru_cache(maxsize=1024)
def _due_on(day: dt.date) -> WorkingDate:
    """R-INV-3's due date of a request made on ``day``: the same for every request of a day, and
    worked out once (the holiday calendar is slow to ask, and a big demo has thousands)."""
    return due_date(dt.datetime.combine(day, dt.time(12), SHANGHAI))


def _moment(rng: random.Random, start: dt.datetime, end: dt.datetime, share: float = 1.0) -> dt.datetime:
    """A moment after ``start``, within ``share`` of the way to ``end`` (never at or after it)."""
    span = max(1, int((end - start).total_seconds() * share))
    return start + dt.timedelta(seconds=rng.randrange(1, span))


class _Seeder:
    def __init__(self, seed: int, account_id: str, today: dt.datetime, actors: list[str]) -> None:
        self.rng = random.Random(f"invoices:{seed}")
        self.account_id, self.today, self.actors = account_id, today, actors
        self.pending_days = _pending_days(today.date())

    def requested_at(self, kind: str, paid_at: dt.datetime) -> dt.datetime | None:
        """When the buyer asked: on a day that makes a pending request ``kind``; for the others
        some time after payment. None when the order was paid too late for ``kind``."""
        if kind in self.pending_days:
            days = [d for d in self.pending_days[kind] if dt.datetime.combine(d, dt.time(22), SHANGHAI) > paid_at]
            if not days:
                return None
            day = dt.datetime.combine(self.rng.choice(days), dt.time(8), SHANGHAI)
            return max(_moment(self.rng, day, day + dt.timedelta(hours=14)), paid_at + dt.timedelta(minutes=5))
        if self.today - paid_at < dt.timedelta(days=2):
            return None
        return _moment(self.rng, paid_at, min(self.today, paid_at + dt.timedelta(days=20)), 0.5)

    def invoice(self, n: int, order: dict[str, Any], kind: str, requested: dt.datetime) -> dict[str, Any]:
        rng, today = self.rng, self.today
        due = _due_on(requested.astimezone(SHANGHAI).date())
        at = iso(requested)
        row: dict[str, Any] = {
            "id": names.seeded_id(self.account_id, "inv", n),
            "account_id": self.account_id,
            "order_id": order["id"],
            "order_number": order["number"],
            "amount_fen": order["amount_fen"],
            "listing_name": order["listing_name"],
            "buyer_account_id": order["buyer_account_id"],
            "state": InvoiceState.PENDING.value,
            **buyer_request(order["number"], order["virtual_number"]),
            "requested_at": at,
            "due_date": due.date.isoformat(),
            "due_date_approximate": due.approximate,
            "invoice_code": None,
            "invoice_number": None,
            "issued_at": None,
            "carrier": None,
            "tracking_number": None,
            "postage": None,
            "shipped_at": None,
            "revoked_at": None,
            "history": [history_entry(at, "requested", "buyer")],
            "buyer_messages": [],
            "version": 1,
        }
        if kind == REVOKED_:
            row["revoked_at"] = iso(_moment(rng, requested, min(today, requested + dt.timedelta(days=3))))
            self._step(row, InvoiceState.REVOKED, history_entry(row["revoked_at"], "revoked", "buyer"))
        if kind in {ISSUED, SHIPPED, SHIPPED_COD, CORRECTED}:
            issued = _moment(rng, requested, min(today, requested + dt.timedelta(days=12)), 0.8)
            if rng.random() < 0.5:  # a paper invoice with its code, or a fully digital 20-digit number
                row["invoice_code"] = f"{rng.randrange(10**11, 10**12)}"
                row["invoice_number"] = f"{rng.randrange(10**8):08d}"
            else:
                row["invoice_number"] = f"{rng.randrange(10**19, 10**20)}"
            row["issued_at"] = iso(issued)
            actor = rng.choice(self.actors)
            entry = history_entry(row["issued_at"], "issued", actor, invoice_number=row["invoice_number"])
            self._step(row, InvoiceState.ISSUED, entry, "invoice_issued")
            if kind != ISSUED:
                shipped = _moment(rng, issued, min(today, issued + dt.timedelta(days=3)), 0.7)
                row["postage"] = (Postage.COD if kind == SHIPPED_COD else Postage.VENDOR_PAID).value
                self._ship(row, shipped, "shipped", "invoice_shipped")
                if kind == CORRECTED:
                    self._ship(row, _moment(rng, shipped, today), "shipment_corrected", "invoice_shipment_corrected")
        return row

    def _ship(self, row: dict[str, Any], at: dt.datetime, action: str, notice: str) -> None:
        carrier = self.rng.choice(list(_TRACKING))
        prefix, digits = _TRACKING[carrier]
        row["carrier"], row["tracking_number"] = carrier, prefix + f"{self.rng.randrange(10**digits):0{digits}d}"
        if action == "shipped":
            row["shipped_at"] = iso(at)
        reason = "快递单号录入有误，已按快递底单更正。" if action == "shipment_corrected" else None
        entry = history_entry(
            iso(at),
            action,
            self.rng.choice(self.actors),
            carrier=row["carrier"],
            tracking_number=row["tracking_number"],
            postage=row["postage"],
            reason=reason,
        )
        self._step(row, InvoiceState.SHIPPED, entry, notice)

    @staticmethod
    def _step(row: dict[str, Any], state: InvoiceState, entry: dict[str, Any], notice: str | None = None) -> None:
        row["state"] = state.value
        row["history"] = [*row["history"], entry]
        if notice is not None:
            row["buyer_messages"] = [*row["buyer_messages"], buyer_notice(notice, row, entry["at"])]
        row["version"] += 1


def seed_invoices(
    seed: int, account_id: str, orders: list[dict[str, Any]], actors: list[str], today: dt.datetime
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """About half the paid orders get an invoice request, every kind at least once (see the
    module docstring); and the messages they sent the vendor."""
    seeder = _Seeder(seed, account_id, today.astimezone(SHANGHAI), actors)
    rng = seeder.rng
    eligible = [o for o in orders if o["state"] in _PAID and o["paid_at"]]
    rng.shuffle(eligible)
    wanted = max(len(_WEIGHTS), len(eligible) * 45 // 100)
    kinds = list(_WEIGHTS) + rng.choices(list(_WEIGHTS), weights=list(_WEIGHTS.values()), k=wanted)
    drafts: list[tuple[dt.datetime, dict[str, Any], str]] = []
    for kind in kinds:
        # From the end, so taking an order is cheap; the first few that fit will do (a rare kind
        # may go without in a small demo).
        for i in range(len(eligible) - 1, max(-1, len(eligible) - 60), -1):
            order = eligible[i]
            if kind == SHIPPED_COD and order["amount_fen"] >= COD_LIMIT_FEN:  # R-INV-5
                continue
            requested = seeder.requested_at(kind, dt.datetime.fromisoformat(order["paid_at"]))
            if requested is not None:
                drafts.append((requested, eligible.pop(i), kind))
                break
        if len(drafts) >= wanted or not eligible:
            break
    drafts.sort(key=lambda d: (d[0], d[1]["id"]))  # ids and the change log follow request order
    invoices = [seeder.invoice(n, order, kind, requested) for n, (requested, order, kind) in enumerate(drafts)]
    read_before = iso(today - dt.timedelta(days=3))
    messages = []
    for inv in invoices:
        for kind, at in ((REQUESTED, inv["requested_at"]), (REVOKED, inv["revoked_at"])):
            if at is not None:
                message_id = names.seeded_id(account_id, "imsg", len(messages))
                messages.append(vendor_message_row(kind, inv, message_id, at, read=at < read_before))
    return invoices, messages
