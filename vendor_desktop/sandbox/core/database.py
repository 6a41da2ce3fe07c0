"""The sandbox's own database: core's tables (vendors and their users, sign-in, idempotency keys,
the change log) and the engine/session plumbing.

Each area's tables are in its own ``models`` module, on the same ``Base`` (``base.py``); importing
this module registers them all, so ``Base.metadata`` is the whole schema. Every entity row carries
``version`` (bumped by each change, API.md) and every change to an entity writes a ``change_log``
row in the same transaction (see ``changes.py``), which is what ``GET /sync/changes`` pages through.
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    create_engine,
    event,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Mapped, Session, mapped_column, sessionmaker
from sqlalchemy.pool import StaticPool

# Every area's tables join core's on Base.metadata here, so that importing this module gives the
# whole schema (Alembic's autogenerate, the migration tests). A new area adds its models here.
from ..account import models as account_models  # noqa: F401
from ..activity import models as activity_models  # noqa: F401
from ..discounts import models as discounts_models  # noqa: F401
from ..invoices import models as invoices_models  # noqa: F401
from ..listings import models as listings_models  # noqa: F401
from ..messages import models as messages_models  # noqa: F401
from ..money import models as money_models  # noqa: F401
from ..orders import models as orders_models  # noqa: F401
from ..refunds import models as refunds_models  # noqa: F401
from ..tickets import models as tickets_models  # noqa: F401
from . import entities
from .base import Base
from .schema_upgrade import upgraded


class Vendor(Base):
    """A vendor (服务商) account; ``account_id`` is its identity (R-ACC-3)."""

    __tablename__ = "vendors"
    account_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    company_name: Mapped[str] = mapped_column(String(200))
    contact_name: Mapped[str] = mapped_column(String(100))
    contact_phone: Mapped[str] = mapped_column(String(40))
    cs_phone: Mapped[str] = mapped_column(String(40))
    # Up to 254 characters (domain.account). SQLite enforces no length, and its old column of 200
    # could be widened only by rebuilding the table every other one points at: 300 on PostgreSQL.
    cs_email: Mapped[str] = mapped_column(String(200).with_variant(String(300), "postgresql"))
    cs_qq: Mapped[str] = mapped_column(String(20))
    # R-ACC-4: [{step, done}] in domain.account.ONBOARDING_ORDER; kept current by account/rules.py
    # (signing the access agreement, completing the profile).
    onboarding: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    seed: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    # R-EXT-1, R-DEP-7 (migration 0006, exit/): left the marketplace; the deposit's way back.
    exited_at: Mapped[str | None] = mapped_column(String(40), nullable=True, default=None)
    receipt_returned_on: Mapped[str | None] = mapped_column(String(10), nullable=True, default=None)
    deposit_refund_on: Mapped[str | None] = mapped_column(String(10), nullable=True, default=None)
    deposit_refunded_at: Mapped[str | None] = mapped_column(String(40), nullable=True, default=None)


_VENDOR_PROFILE = entities.synced_reader("vendor_profile")


def vendor_profile_data(v: Vendor) -> dict[str, Any]:
    # R-ACC-1: company, customer-service and contact info.
    return _VENDOR_PROFILE(v)

VENDOR_PROFILE = entities.register(
    entities.EntityKind("vendor_profile", Vendor, Vendor.account_id, vendor_profile_data)
)


class User(Base):
    """A login of a vendor: the main account (``owner``) or a sub-account with a role (R-SUB-1).

    Issue 15 (migration 0007): the owner manages sub-accounts (``sub_accounts/``). A deleted one is
    kept (``deleted_at``), so a token revoked by the deletion can still say why; its username is
    free again: the (account, username) uniqueness holds among users not deleted (a partial
    unique index, on SQLite and PostgreSQL alike)."""

    __tablename__ = "users"
    __table_args__ = (
        Index(
            "uq_users_live_username",
            "account_id",
            "username",
            unique=True,
            sqlite_where=text("deleted_at IS NULL"),
            postgresql_where=text("deleted_at IS NULL"),
        ),
    )
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("vendors.account_id"))
    username: Mapped[str] = mapped_column(String(64))
    display_name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(300))
    version: Mapped[int] = mapped_column(Integer, default=1)
    # R-SUB-1 (issue 15): a disabled user cannot sign in (401 ACCOUNT_DISABLED); one created or
    # reset by the owner must change its password first (403 PASSWORD_CHANGE_REQUIRED until then);
    # ``can_export``: SPEC §11's export grant (domain.roles.may_export; the owner always may).
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    can_export: Mapped[bool] = mapped_column(Boolean, default=False)
    last_sign_in_at: Mapped[str | None] = mapped_column(String(40), nullable=True, default=None)
    created_at: Mapped[str | None] = mapped_column(String(40), nullable=True, default=None)  # null: before 0007
    deleted_at: Mapped[str | None] = mapped_column(String(40), nullable=True, default=None)


def sub_account_data(u: Any) -> dict[str, Any]:
    """A user as the owner's sub-accounts list shows it (``sub_account``): never a hash or a
    password. ``u`` is an ORM or a Core row. The owner may always export (SPEC §11)."""
    return {
        "username": u.username,
        "display_name": u.display_name,
        "role": u.role,
        "disabled": bool(u.disabled),
        "can_export": bool(u.can_export) or u.role == "owner",
        "must_change_password": bool(u.must_change_password),
        "last_sign_in": u.last_sign_in_at,
        "created_at": u.created_at,
    }


SUB_ACCOUNT = entities.register(entities.EntityKind("sub_account", User, User.id, sub_account_data))


class Token(Base):
    """Access and refresh tokens, stored only as sha256 hashes; a session groups one pair."""

    __tablename__ = "tokens"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))  # "access" | "refresh"
    session_id: Mapped[str] = mapped_column(String(64), index=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"))
    expires_at: Mapped[float] = mapped_column(Float, index=True)  # pruning finds long-dead tokens by it
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)
    # Why the owner's action ended it (issue 15): disabled, deleted, role_changed, password_reset,
    # password_changed (auth.REVOKED_REASONS): a request with it is 401 TOKEN_REVOKED naming the
    # reason. NULL for sign-out, rotation and reuse: those stay INVALID_TOKEN.
    revoked_reason: Mapped[str | None] = mapped_column(String(20), nullable=True, default=None)


class RefreshGrace(Base):
    """A rotated refresh token's answer, kept for 60 s (API.md: the previous refresh token
    returns the same pair again, for a retry after a lost answer).

    The pair is sealed with a key derived from the rotated refresh token itself, which the server
    never stores (``token_seal``): a copy of the database yields no usable token. Rows go when the
    grace ends, the session rotates again or ends (``auth.py``)."""

    __tablename__ = "refresh_grace"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)  # the rotated token's sha256
    session_id: Mapped[str] = mapped_column(String(64), index=True)
    rotated_at: Mapped[float] = mapped_column(Float, index=True)  # epoch seconds, by the app's clock
    sealed_pair: Mapped[str] = mapped_column(String(400))


class LoginFailure(Base):
    """One failed (or still running) sign-in of one (account, username): API.md's lockout counts
    them over 15 minutes. An attempt is written before its password is checked (``auth.login``);
    rows older than the window are pruned for everyone, by ``at``."""

    __tablename__ = "login_failures"
    __table_args__ = (
        Index("ix_login_failures_who", "account_id", "username", "at"),
        Index("ix_login_failures_at", "at"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    account_id: Mapped[str] = mapped_column(String(200))
    username: Mapped[str] = mapped_column(String(200))
    at: Mapped[float] = mapped_column(Float)


class IdempotencyRecord(Base):
    """One ``Idempotency-Key`` of one user (API.md, IETF idempotency-key draft): the request's
    fingerprint, and once done the first response, replayed for every retry with the same key."""

    __tablename__ = "idempotency_keys"
    user_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(12))  # "in_progress" | "done"
    # The claim (one request) that holds an in-progress key; its command commits only while the
    # record still names it, so a retry that took over an abandoned key fences the first one out.
    owner: Mapped[str] = mapped_column(String(32))
    status: Mapped[int | None] = mapped_column(Integer, nullable=True)
    body: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[float] = mapped_column(Float, index=True)  # epoch seconds, by the app's clock


class ChangeLog(Base):
    """One row per entity and audience: its latest change. Older rows of the same entity are
    deleted when it changes again, so a page lists each entity once, at the position of its latest
    change.

    ``audience`` narrows who sees a row beyond the entity kind: a message is about an order or a
    listing and reaches only roles that read that (SPEC §11). ``user_id`` marks a change only one
    user sees (a message they read); NULL means everyone whose role sees the entity."""

    __tablename__ = "change_log"
    __table_args__ = (
        Index("ix_change_log_entity", "account_id", "entity", "entity_id"),
        Index("ix_change_log_page", "account_id", "seq"),
        {"sqlite_autoincrement": True},  # never reuse a seq, or old cursors would lie
    )
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    account_id: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str] = mapped_column(String(30))
    entity_id: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    audience: Mapped[str | None] = mapped_column(String(30), nullable=True)
    user_id: Mapped[str | None] = mapped_column(String(64), nullable=True)


class Meta(Base):
    """Server-wide settings: the cursor epoch and secret, and a write-serialising counter."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))


class Database:
    """Engine + sessions. SQLite access is serialised with one lock: an in-memory database is
    a single shared connection, and for a file it avoids SQLITE_BUSY on read→write upgrades."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = _make_engine(url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._lock: threading.RLock | None = threading.RLock() if self.engine.dialect.name == "sqlite" else None
        # Migrations (schema_upgrade.py), then the meta rows in the same locked transaction, so
        # servers starting together on one PostgreSQL database add them once.
        with upgraded(self.engine) as conn:
            have = set(conn.scalars(select(Meta.key)))
            for key, value in (
                ("cursor_epoch", "1"),
                ("cursor_secret", secrets.token_hex(32)),
                ("write_serial", "0"),
            ):
                if key not in have:
                    conn.execute(insert(Meta).values(key=key, value=value))

    @contextmanager
    def session(self, *, write: bool = False) -> Iterator[Session]:
        """A transaction: committed on success, rolled back on any exception.

        ``write=True`` takes the write lock first (``lock_writes``): every command locks, then
        checks its rules, then writes (DESIGN.md), so a check still holds when it commits."""
        if self._lock is not None:
            self._lock.acquire()
        try:
            with self._sessions() as s, s.begin():
                if write:
                    lock_writes(s)
                yield s
        finally:
            if self._lock is not None:
                self._lock.release()

    def meta(self, s: Session, key: str) -> str:
        return s.execute(select(Meta.value).where(Meta.key == key)).scalar_one()

    def dispose(self) -> None:
        self.engine.dispose()


def lock_writes(s: Session) -> None:
    """Take the server-wide write lock for the rest of this transaction.

    Writers are serialised so that change-log order is commit order (changes.py), and so that a
    command's checks (the order is unpaid, no overlapping discount, the version matches) still hold
    when it commits: on PostgreSQL a no-op ``UPDATE`` of ``meta.write_serial`` holds its row lock
    until commit; SQLite has one writer anyway. Taking it twice is free."""
    if not s.info.get("write_locked"):
        s.execute(update(Meta).where(Meta.key == "write_serial").values(value=Meta.value))
        s.info["write_locked"] = True


def _make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        in_memory = url in {"sqlite://", "sqlite:///:memory:"} or "mode=memory" in url
        if in_memory:
            # One connection shared by every thread (uvicorn's worker threads, tests).
            engine = create_engine(url, poolclass=StaticPool, connect_args={"check_same_thread": False})
        else:
            engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
            cur = dbapi_conn.cursor()
            if not in_memory:
                cur.execute("PRAGMA journal_mode=WAL")
                cur.execute("PRAGMA synchronous=NORMAL")
            # SQLite ignores foreign keys unless asked: both databases must refuse the same mistakes.
            cur.execute("PRAGMA foreign_keys=ON")
            cur.close()

        return engine
    return create_engine(url, pool_pre_ping=True)
