"""Tickets (R-TKT-1) in a cache, as the marketplace sends them, for the Tickets area's tests."""

from __future__ import annotations

import datetime as dt
import struct
import zlib
from pathlib import Path

from vendor_desktop.domain.roles import permissions_for
from vendor_desktop.sync.client import SignedInUser

NOW = dt.datetime.now(dt.UTC).replace(microsecond=0)


def user(role: str = "owner") -> SignedInUser:
    return SignedInUser("u-" + role, role, "张三" if role == "owner" else role, role,
                        frozenset(p.value for p in permissions_for(role)), "acct")  # fmt: skip


def ticket(
    n: int,
    *,
    state: str = "open",
    subject: str | None = None,
    kind: str = "order",
    updated: dt.datetime | None = None,
    replies: int = 0,
    attachments: int = 0,
    last_urged_at: dt.datetime | None = None,
    order_number: str | None = "2026110100000042",
) -> dict:
    updated = updated or NOW - dt.timedelta(hours=n)
    created = updated - dt.timedelta(days=1)
    messages = [{"id": f"m{n}-0", "at": created.isoformat(), "author": "vendor", "author_name": "张三",
                 "body": "买家说登录后看不到已购买的实例。\n订单已支付，请协助排查。"}]  # fmt: skip
    for r in range(replies):
        messages.append({"id": f"m{n}-{r + 1}", "at": (created + dt.timedelta(hours=r + 1)).isoformat(),
                         "author": "marketplace", "author_name": "云市场运营 小李",
                         "body": "已收到，请提供买家账号截图。"})  # fmt: skip
    files = [{"id": f"a{n}-{i}", "name": f"截图-{i + 1}.png", "media_type": "image/png",
              "size": 180_000 + i * 1_300_000,
              "at": created.isoformat(), "uploaded_by": "张三"} for i in range(attachments)]  # fmt: skip
    return {
        "entity": "ticket",
        "id": f"t{n:04d}",
        "version": 1 + replies,
        "deleted": False,
        "data": {
            "type": kind,
            "subject": subject or f"订单无法开通 #{n}",
            "state": state,
            "listing_id": None,
            "order_id": "o00042" if kind == "order" else None,
            "order_number": order_number if kind == "order" else None,
            "messages": messages,
            "attachments": files,
            "created_at": created.isoformat(),
            "created_by": "张三",
            "updated_at": updated.isoformat(),
            "last_urged_at": last_urged_at.isoformat() if last_urged_at else None,
            "next_urge_at": (last_urged_at + dt.timedelta(hours=24)).isoformat() if last_urged_at else None,
            "closed_at": updated.isoformat() if state in ("closed", "cancelled") else None,
        },
    }


def png(path: Path, *, extra: int = 0) -> Path:
    """A real PNG file (1×1), padded with ``extra`` bytes in a private chunk to make it large."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    body = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
    if extra:
        body += chunk(b"prVt", b"\0" * extra)
    body += chunk(b"IDAT", zlib.compress(b"\0\xff\x00\x00")) + chunk(b"IEND", b"")
    path.write_bytes(body)
    return path
