"""Synced account and ledger rows for the Account area's and the ledger's tests, and an area
context over a real cache file (the viewmodels take the same one the shell gives them)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QObject, QSettings

from vendor_desktop.cache.core import outbox
from vendor_desktop.cache.core.apply import apply_changes
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.domain.roles import Role, permissions_for
from vendor_desktop.sync.client import SignedInUser
from vendor_desktop.viewmodels.core.account import AccountViewModel
from vendor_desktop.viewmodels.core.area_context import AreaContext
from vendor_desktop.viewmodels.core.background import BackgroundRunner
from vendor_desktop.viewmodels.core.commands import CommandQueue

SH = dt.timezone(dt.timedelta(hours=8))
ACCOUNT = "V20261126"


def user(role: Role = Role.OWNER) -> SignedInUser:
    names = {Role.OWNER: "owner", Role.FINANCE: "caiwu", Role.SUPPORT: "kefu", Role.VIEWER: "guest"}
    name = names.get(role, role.value)
    return SignedInUser(f"u-{name}", name, name, role.value, frozenset(p.value for p in permissions_for(role)), ACCOUNT)


def change(entity: str, id_: str, data: dict[str, Any], version: int = 1) -> dict[str, Any]:
    return {"entity": entity, "id": id_, "version": version, "deleted": False, "data": data}


def profile(version: int = 3, **fields: Any) -> dict[str, Any]:
    data = {
        "account_id": ACCOUNT,
        "company_name": "杭州云帆科技有限公司",
        "contact_name": "孙丽",
        "contact_phone": "13800138000",
        "cs_phone": "400-820-8820",
        "cs_email": "service@yunfan.example.com",
        "cs_qq": "800012345",
        "onboarding": [
            {"step": "register", "done": True},
            {"step": "agree", "done": True},
            {"step": "verify", "done": True},
            {"step": "fill_info", "done": True},
            {"step": "certification_fee", "done": False},
        ],
        **fields,
    }
    return change("vendor_profile", ACCOUNT, data, version)


def bank(*, locked: bool = False, number: str = "6225880123456789", version: int = 2) -> dict[str, Any]:
    data = {
        "holder": "杭州云帆科技有限公司",
        "bank": "招商银行",
        "branch": "杭州分行营业部",
        "account_number": number,
        "locked": locked,
        "updated_at": "2026-11-01T10:00:00+08:00",
    }
    return change("bank_account", ACCOUNT, data, version)


def agreement(kind: str, signed: bool) -> dict[str, Any]:
    at = "2026-10-08T09:30:00+08:00" if signed else None
    return change("agreement", f"{ACCOUNT}:{kind}", {"kind": kind, "signed": signed, "signed_at": at})


def entry(
    n: int,
    kind: str,
    amount_fen: int,
    at: dt.datetime,
    *,
    market: str | None = None,
    after: int = 0,
    number: str | None = None,
    receipt: str | None = None,
    withdrawal: str | None = None,
) -> dict[str, Any]:
    return change("ledger_entry", f"le{n:06d}", {
        "kind": kind, "amount_fen": amount_fen, "balance_after_fen": after, "market": market,
        "order_number": number, "withdrawal_id": withdrawal, "receipt_number": receipt, "at": at.isoformat(),
    })  # fmt: skip


def account_db(path: Any, *, bank_on_file: bool = True, revenue_signed: bool = False) -> CacheDatabase:
    """A cache file with the profile, the agreements (access signed) and, if asked, the bank account."""
    db = CacheDatabase.open(path)
    write(db, [profile(), *([bank()] if bank_on_file else []), agreement("access", True)])
    write(db, [agreement("revenue", revenue_signed)])
    return db


def write(db: CacheDatabase, changes: list[dict[str, Any]]) -> None:
    with db.session() as s, s.begin():
        apply_changes(s, changes)


class Context:
    """An AreaContext for one user over ``db``, with its runners shut down at the end."""

    def __init__(self, db: CacheDatabase, who: SignedInUser, settings: QSettings | None = None) -> None:
        self.parent = QObject()
        self.runners = [BackgroundRunner(name=n) for n in ("sync", "local-writes", "reads")]
        runner, writes, reads = self.runners
        self.queue = CommandQueue(db, who, writes)
        account = AccountViewModel(db, who, self.parent, reads=reads)
        self.context = AreaContext(db, who, runner, writes, reads, self.queue, account, self.parent, settings)

    def close(self) -> None:
        for r in self.runners:
            r.shutdown()


def written(qtbot, context: Context) -> None:
    """Wait until every local write asked for so far is on disk (the writes runner is FIFO)."""
    with qtbot.waitCallback(timeout=10_000) as done:
        context.runners[1].submit(lambda: None, on_done=done)


def open_commands(db: CacheDatabase) -> list[outbox.Command]:
    with db.session() as session:
        return outbox.visible_commands(session)
