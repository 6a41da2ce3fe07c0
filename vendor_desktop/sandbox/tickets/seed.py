"""The demo vendor's tickets (工单, R-TKT-1): one the marketplace answered that waits for the vendor
(a bank-account change after the lock, R-ACC-2), one open about an order, one closed about a
listing. Plain rows for the seeder's bulk inserts, the same for the same seed."""

from __future__ import annotations

import datetime as dt
import random
import struct
import uuid
import zlib
from typing import Any

from vendor_desktop.domain.tickets import TicketState, TicketType

from ..core import names
from ..core.clock import iso
from .rules import MARKETPLACE, MARKETPLACE_STAFF, VENDOR


def seed_tickets(
    seed: int,
    account_id: str,
    orders: list[dict[str, Any]],
    listings: list[dict[str, Any]],
    actors: list[str],
    today: dt.datetime,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The tickets' rows and their attachments' rows (the open one has a screenshot). ``actors``:
    display names of the vendor's users who write tickets. A vendor seeded without orders has no
    business yet, and no tickets."""
    if not orders:
        return [], []
    rng = random.Random(f"tickets:{seed}")
    paid = [o for o in orders if o["paid_at"] is not None]
    order = rng.choice(paid) if paid else None
    listing = rng.choice(listings) if listings else None
    drafts: list[dict[str, Any]] = [
        {
            "type": TicketType.ACCOUNT,
            "subject": "申请修改银行账户",
            "state": TicketState.REPLIED,
            "days_ago": 6,
            "conversation": [
                (
                    VENDOR,
                    "公司更换了开户银行，需要把银行账户改为新账户。"
                    "收益补充协议已签署，服务商管理后台中无法修改，请协助。",
                ),
                (MARKETPLACE, "您好，请上传新账户的开户许可证（或基本存款账户信息）扫描件，并注明新账户的开户行全称。"),
            ],
        },
        {
            "type": TicketType.ORDER if order else TicketType.OTHER,
            "subject": f"订单 {order['number']} 的买家反馈无法登录" if order else "买家反馈无法登录",
            "state": TicketState.OPEN,
            "days_ago": 2,
            "conversation": [
                (
                    VENDOR,
                    "买家支付后反馈无法登录服务控制台，我方回调日志显示开通通知未送达，请帮忙核查平台侧的回调记录。",
                ),
            ],
        },
        {
            "type": TicketType.LISTING if listing else TicketType.OTHER,
            "subject": f"商品「{listing['name']}」的审核进度" if listing else "商品审核进度",
            "state": TicketState.CLOSED,
            "days_ago": 20,
            "conversation": [
                (VENDOR, "商品提交审核已超过 5 个工作日，想了解审核进度。"),
                (MARKETPLACE, "您好，商品已审核通过并上架，审核结果已通过站内信通知。"),
            ],
        },
    ]
    rows: list[dict[str, Any]] = []
    files: list[dict[str, Any]] = []
    for n, draft in enumerate(drafts):
        actor = actors[n % len(actors)]
        start = today - dt.timedelta(days=draft["days_ago"], seconds=rng.randrange(3600, 8 * 3600))
        messages = []
        at = start
        for author, body in draft["conversation"]:
            messages.append(
                {
                    "id": uuid.UUID(int=rng.getrandbits(128)).hex,
                    "at": iso(at),
                    "author": author,
                    "author_name": actor if author == VENDOR else MARKETPLACE_STAFF,
                    "body": body,
                }
            )
            at += dt.timedelta(hours=rng.randrange(2, 30))
        about_order = draft["type"] is TicketType.ORDER
        about_listing = draft["type"] is TicketType.LISTING
        closed = draft["state"] is TicketState.CLOSED
        ticket_id = names.seeded_id(account_id, "tkt", n)
        attachments = []
        if draft["state"] is TicketState.OPEN:
            screenshot = _screenshot(rng)
            attachments.append(
                {
                    "id": names.seeded_id(account_id, "tka", n),
                    "name": "回调日志截图.png",
                    "media_type": "image/png",
                    "size": len(screenshot),
                    "at": messages[0]["at"],
                    "uploaded_by": actor,
                }
            )
            files.append({"id": attachments[0]["id"], "ticket_id": ticket_id, "media_type": "image/png",
                          "content": screenshot})  # fmt: skip
        rows.append(
            {
                "id": ticket_id,
                "account_id": account_id,
                "type": draft["type"].value,
                "subject": draft["subject"][:100],
                "state": draft["state"].value,
                "listing_id": listing["id"] if about_listing and listing else None,
                "order_id": order["id"] if about_order and order else None,
                "order_number": order["number"] if about_order and order else None,
                "messages": messages,
                "attachments": attachments,
                "created_at": messages[0]["at"],
                "created_by": actor,
                "updated_at": messages[-1]["at"],
                "last_urged_at": None,
                "closed_at": messages[-1]["at"] if closed else None,
                "version": len(messages) + len(attachments) + (1 if closed else 0),
            }
        )
    return rows, files


def _screenshot(rng: random.Random, width: int = 160, height: int = 90) -> bytes:
    """A small real PNG (grey lines on white, like a log), so the app can show a seeded attachment."""
    rows = []
    for y in range(height):
        line = y % 12 < 6 and y % 12 > 1
        length = rng.randrange(width // 3, width - 8) if line else 0
        rows.append(b"\x00" + bytes(0x90 if line and 8 <= x < length else 0xFF for x in range(width)))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"".join(rows)))
        + chunk(b"IEND", b"")
    )
