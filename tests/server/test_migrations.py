"""The sandbox's database is migrated at start-up (core/schema_upgrade.py, migrations/): an empty one
gets the models' schema, a 96f579b one (the last release before migrations) keeps its data and
gains per-user read state, one made by the first release with migrations' models but no
``alembic_version`` is only stamped, and several servers starting at once on one database all
come up. Each runs on SQLite and on PostgreSQL; "gets the models' schema" means Alembic's
autogenerate finds nothing to change."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from alembic import command
from sqlalchemy import Engine, MetaData, create_engine, event, select, text
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import Session

from vendor_desktop.sandbox.controls.seed import seed_vendor
from vendor_desktop.sandbox.core import schema_upgrade
from vendor_desktop.sandbox.core.changes import encode_cursor
from vendor_desktop.sandbox.core.clock import SettableClock
from vendor_desktop.sandbox.core.database import Base, Database, Meta
from vendor_desktop.sandbox.server import create_app

from .conftest import API, OPERATOR_TOKEN, START, TestClient, bearer, pull_all, send
from .old_schema import build_96f579b, dump, release_96f579b, revision, schema_diff

HEAD = schema_upgrade.head()


@pytest.fixture
def stored_url(database_url: str, tmp_path: Any) -> str:
    """A database that outlives one engine: a SQLite file (the embedded demo's) or PostgreSQL."""
    return f"sqlite:///{tmp_path / 'sandbox.sqlite3'}" if database_url.startswith("sqlite") else database_url


@contextmanager
def serving(url: str, clock: SettableClock) -> Iterator[TestClient]:
    app = create_app(url, clock=clock, operator_token=OPERATOR_TOKEN)
    try:
        with TestClient(app) as client:
            yield client
    finally:
        app.state.db.dispose()


@contextmanager
def started(url: str) -> Iterator[Database]:
    db = Database(url)
    try:
        yield db
    finally:
        db.dispose()


# --- an empty database ---------------------------------------------------------------------------


def test_an_empty_database_gets_the_models_schema(database_url):
    with started(database_url) as db:  # in-memory SQLite (tests, the embedded default) or PostgreSQL
        assert revision(db.engine) == HEAD
        assert schema_diff(db.engine) == []
        with db.session() as s:
            assert {m.key for m in s.scalars(select(Meta))} == {"cursor_epoch", "cursor_secret", "write_serial"}


def test_an_empty_sqlite_file_gets_the_models_schema(tmp_path):
    with started(f"sqlite:///{tmp_path / 'sandbox.sqlite3'}") as db:
        assert revision(db.engine) == HEAD
        assert schema_diff(db.engine) == []


def test_revision_0001_is_the_schema_of_96f579b_and_0002_goes_back_to_it(stored_url):
    build_96f579b(stored_url, rows=False)
    engine = create_engine(stored_url)
    try:
        released = MetaData()
        released.reflect(engine)
        released.drop_all(engine)
        _alembic(engine, "upgrade", "0001_initial")
        assert schema_diff(engine, released) == []
        _alembic(engine, "upgrade", "head")
        assert schema_diff(engine) == []
        _alembic(engine, "downgrade", "0001_initial")
        assert schema_diff(engine, released) == []
    finally:
        engine.dispose()


# --- a database of 96f579b, with its data --------------------------------------------------------

_OLD = release_96f579b()
# The subjects of messages each role reads (SPEC §11).
_SUBJECTS = {
    "owner": ("order", "listing"),
    "operations": ("order", "listing"),
    "finance": (),
    "support": ("order",),
    "viewer": ("order", "listing"),
}


def test_a_96f579b_database_keeps_its_rows_and_gets_the_models_schema(stored_url):
    build_96f579b(stored_url)
    with started(stored_url) as db:
        assert revision(db.engine) == HEAD
        assert schema_diff(db.engine) == []
        kept = dump(db.engine)
    for table, data in _OLD["rows"].items():
        if table not in {"change_log", "vendors", "orders"}:
            # Messages gain 0003's invoice_id and 0006's refund_id and ticket_id, null: no message
            # of then was about an invoice, a refund or a ticket.
            added = (None, None, None) if table == "messages" else ()
            # 0007 (sub-accounts): tokens gain why they were revoked (none was by the owner then);
            # users gain their state: enabled, no forced change, export for the owner only (SPEC
            # §11), never signed in since, made before creation times were kept, not deleted.
            added = (None,) if table == "tokens" else added
            if table == "users":
                rows = [(*row, False, False, row[4] == "owner", None, None, None) for row in data["values"]]
                assert kept[table] == rows, table
                continue
            assert kept[table] == [(*row, *added) for row in data["values"]], table  # meta too: cursors stay valid
    # 0004: the customer-service fields keep their values under API.md's names (R-ACC-1).
    (vendor,) = _rows("vendors")
    with started(stored_url) as db, db.engine.connect() as conn:
        upgraded = conn.execute(text("SELECT cs_phone, cs_email, cs_qq FROM vendors")).one()
    assert tuple(upgraded) == (vendor["service_phone"], vendor["service_email"], vendor["service_qq"])
    # Orders gain 0004's settlement (R-WDR-1): settles_at and settled, and 0006's delivery dates and
    # refunded amount (R-ORD-5, SPEC §5), just before their version; a refunded order was refunded
    # in full, at a new version its clients pull.
    state = [c.name for c in Base.metadata.tables["orders"].columns].index("state")
    assert [(*row[:-8], row[-1] - (row[state] == "refunded")) for row in kept["orders"]] == [
        tuple(old) for old in _OLD["rows"]["orders"]["values"]
    ]
    assert all(row[-2] == (row[4] if row[state] == "refunded" else 0) for row in kept["orders"])
    assert kept["invoices"] == []
    messages = {m["id"]: m for m in _rows("messages")}
    about = {i: "order" if m["order_id"] else "listing" if m["listing_id"] else None for i, m in messages.items()}
    # Each change-log row gains the audience of its message's subject, and no single reader; 0004
    # moves the profile's row after them (its fields changed) and adds the money's.
    old_log = [
        (*row, about[row[3]] if row[2] == "message" else None, None)
        for row in _OLD["rows"]["change_log"]["values"]
        if row[2] != "vendor_profile"
    ]
    assert kept["change_log"][: len(old_log)] == old_log
    assert {row[2] for row in kept["change_log"][len(old_log) :]} >= {"vendor_profile", "deposit", "agreement"}
    # A message read before is read by every user who receives it, as of when it came.
    assert set(kept["message_reads"]) == {
        (i, user["id"], m["created_at"])
        for i, m in messages.items()
        for user in _rows("users")
        if m["read"] and (about[i] is None or about[i] in _SUBJECTS[user["role"]])
    }


def test_after_the_upgrade_the_vendor_signs_in_and_finds_its_orders_listings_and_discounts(stored_url, clock):
    build_96f579b(stored_url)
    with serving(stored_url, clock) as client:
        owner = _login(client, "owner")
        changes, _ = pull_all(client, bearer(owner))
        ids = {kind: {c["id"] for c in changes if c["entity"] == kind} for kind in ("order", "listing", "discount")}
        assert ids == {
            kind: _ids(table)
            for kind, table in (("order", "orders"), ("listing", "listings"), ("discount", "discounts"))
        }
        price = _OLD["commands"]["price_change"]
        order = next(c for c in changes if c["entity"] == "order" and f"/orders/{c['id']}/" in price["path"])
        assert order["data"]["amount_fen"] == price["body"]["new_price_fen"]
        assert order["data"]["price_change_reason"] == price["body"]["reason"]
        # A device signed in before the upgrade stays signed in.
        refreshed = client.post(f"{API}/auth/refresh", json={"refresh_token": _OLD["owner_refresh_token"]})
        assert refreshed.status_code == 200, refreshed.text


def test_after_the_upgrade_a_command_sent_before_it_is_replayed_not_repeated(stored_url, clock):
    build_96f579b(stored_url)
    with serving(stored_url, clock) as client:
        headers = bearer(_login(client, "owner"))
        for sent in (_OLD["commands"]["price_change"], _OLD["commands"]["discount"]):
            retry = client.request(
                sent["method"], f"{API}{sent['path']}", json=sent["body"], headers={**headers, **sent["headers"]}
            )
            assert retry.status_code == sent["status"], retry.text
            assert retry.headers.get("Idempotent-Replayed") == "true"


def test_after_the_upgrade_messages_reach_the_roles_that_read_their_subject_read_as_before(stored_url, clock):
    """SPEC §11 on an upgraded database: finance receives no message about an order or a
    listing; a message read before the upgrade (read for everyone then) is read for each user
    who receives it; one unread stays unread."""
    build_96f579b(stored_url)
    old = {m["id"]: m for m in _rows("messages")}
    with serving(stored_url, clock) as client:
        for role, subjects in _SUBJECTS.items():
            changes, _ = pull_all(client, bearer(_login(client, role)))
            received = {c["id"]: c["data"]["read"] for c in changes if c["entity"] == "message"}
            expected = {i: bool(m["read"]) for i, m in old.items() if any(m[f"{s}_id"] for s in subjects)}
            assert received == expected, role
        # Read state is now per user: a message the owner reads stays unread for the viewer.
        unread = next(i for i, m in old.items() if not m["read"])
        owner, viewer = bearer(_login(client, "owner")), bearer(_login(client, "viewer"))
        assert send(client, "POST", f"/messages/{unread}/read", owner).status_code == 200
        assert _read_flag(client, owner, unread) is True and _read_flag(client, viewer, unread) is False


def test_a_database_at_0002_gains_invoices_and_keeps_its_messages(stored_url, clock):
    """0003: the invoices table and messages.invoice_id join a migrated database with data; its
    messages stay, about no invoice; then a buyer's request reaches finance (SPEC §11), which
    still receives none of the older messages about orders and listings."""
    build_96f579b(stored_url)
    engine = create_engine(stored_url)
    try:
        _alembic(engine, "upgrade", "0002_reads_audience_grace")
        with engine.connect() as conn:
            before = set(conn.execute(text("SELECT id FROM messages")).scalars())
    finally:
        engine.dispose()
    with serving(stored_url, clock) as client:
        with started(stored_url) as db, db.engine.connect() as conn:
            assert revision(db.engine) == HEAD and schema_diff(db.engine) == []
            rows = conn.execute(text("SELECT id, invoice_id FROM messages")).all()
        assert {r.id for r in rows} == before and {r.invoice_id for r in rows} == {None}
        operator = {"Authorization": f"Bearer {OPERATOR_TOKEN}"}
        order = next(o for o in _rows("orders") if o["state"] in {"paid", "delivering", "completed"})
        r = client.post(f"{API}/sandbox/invoices", json={"order_id": order["id"]}, headers=operator)
        assert r.status_code == 201, r.text
        changes, _ = pull_all(client, bearer(_login(client, "finance")))
        money = {"deposit", "earning", "ledger_entry", "bank_account", "agreement"}  # 0004's, finance reads them
        assert {c["entity"] for c in changes} == {"vendor_profile", "invoice", "message"} | money
        assert [c["data"]["kind"] for c in changes if c["entity"] == "message"] == ["invoice_requested"]


# --- a database of the first release with migrations, before it had alembic_version ---------------


def test_a_database_made_by_create_all_without_alembic_version_is_stamped_and_left_as_it_is(stored_url, clock):
    engine = create_engine(stored_url)
    try:
        Base.metadata.create_all(engine)  # what 2e0d70f's start-up made of an empty database
        with Session(engine) as s, s.begin():
            s.add_all(
                [
                    Meta(key="cursor_epoch", value="3"),
                    Meta(key="cursor_secret", value="s" * 64),
                    Meta(key="write_serial", value="0"),
                ]
            )
            vendor = seed_vendor(s, START, orders=6, listings=6, seed=3)
        # The old flag set, as 96f579b left it: a back-fill of read state run again would act on it.
        with engine.begin() as conn:
            conn.execute(text("UPDATE messages SET read = :yes"), {"yes": True})
        before = dump(engine)
        with engine.connect() as conn:
            assert schema_upgrade.recognise(conn) == "0002"
    finally:
        engine.dispose()
    with started(stored_url) as db:
        assert revision(db.engine) == HEAD
        assert dump(db.engine) == before  # not re-created, not back-filled again
        assert schema_diff(db.engine) == []
    with serving(stored_url, clock) as client:
        password = next(u["password"] for u in vendor["users"] if u["role"] == "owner")
        login = {"account_id": vendor["account_id"], "username": "owner", "password": password}
        assert client.post(f"{API}/auth/login", json=login).status_code == 200


# --- starting again, starting together ----------------------------------------------------------


def test_starting_again_changes_nothing(stored_url):
    build_96f579b(stored_url)
    with started(stored_url) as db:
        before = dump(db.engine)
    with _statements() as seen, started(stored_url) as db:
        assert dump(db.engine) == before
    assert any(s.startswith("SELECT") for s in seen)
    assert [s for s in seen if s.split(None, 1)[0].upper() in {"CREATE", "ALTER", "DROP", "INSERT", "UPDATE"}] == []


def test_servers_starting_together_on_an_empty_database_all_come_up(stored_url):
    """On PostgreSQL the advisory lock lets one server migrate while the others wait; on a SQLite
    file BEGIN IMMEDIATE does."""
    barrier, errors, dbs = threading.Barrier(4), [], []

    def start() -> None:
        barrier.wait()
        try:
            dbs.append(Database(stored_url))
        except Exception as error:  # reported below, with the others
            errors.append(error)

    threads = [threading.Thread(target=start, daemon=True) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    try:
        assert errors == [] and len(dbs) == 4
        assert revision(dbs[0].engine) == HEAD and schema_diff(dbs[0].engine) == []
        with dbs[0].session() as s:
            assert len(s.scalars(select(Meta)).all()) == 3  # added once, not once per server
    finally:
        for db in dbs:
            db.dispose()


# --- helpers -------------------------------------------------------------------------------------


def _alembic(engine: Engine, action: str, target: str) -> None:
    config = schema_upgrade.alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        getattr(command, action)(config, target)


@contextmanager
def _statements() -> Iterator[list[str]]:
    """Every SQL statement any engine sends while the block runs."""
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(statement.strip())

    event.listen(Engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(Engine, "before_cursor_execute", record)


def _rows(table: str) -> list[dict[str, Any]]:
    data = _OLD["rows"][table]
    return [dict(zip(data["columns"], row, strict=True)) for row in data["values"]]


def _ids(table: str) -> set[str]:
    return {row["id"] for row in _rows(table)}


def _login(client: TestClient, role: str) -> dict[str, Any]:
    body = {"account_id": _OLD["account_id"], "username": role, "password": _OLD["passwords"][role]}
    r = client.post(f"{API}/auth/login", json=body)
    assert r.status_code == 200, r.text
    result: dict[str, Any] = r.json()
    return result


def _read_flag(client: TestClient, headers: dict[str, str], message_id: str) -> bool:
    changes, _ = pull_all(client, headers)
    return bool(next(c["data"]["read"] for c in changes if c["entity"] == "message" and c["id"] == message_id))


# --- 0004: the money ------------------------------------------------------------------------------


def _at_0003_with_money(url: str) -> None:
    """A 96f579b database brought to 0003, whose vendor had a balance and a tier-1 deposit."""
    build_96f579b(url)
    engine = create_engine(url)
    try:
        _alembic(engine, "upgrade", "0003_invoices")
        with engine.begin() as conn:
            conn.execute(text("UPDATE vendors SET balance_fen = 123456, deposit_paid_fen = 100000"))
    finally:
        engine.dispose()


def test_a_database_at_0003_gains_the_money_with_books_that_add_up(stored_url, clock):
    """0004: the old balance and deposit arrive as a top-up and a deposit payment; every paid order
    is earned in its market and settled if its time has passed (R-WDR-1); the bank account is on
    file and locked (the revenue agreement was signed, R-ACC-2); the profile keeps its values under
    API.md's names with a contact phone and its onboarding (R-ACC-1/4)."""
    from .money_helpers import assert_books_balance, money_of

    _at_0003_with_money(stored_url)
    paid = [o for o in _rows("orders") if o["state"] in {"paid", "delivering", "completed", "refunding"}]
    with serving(stored_url, clock) as client:
        owner = bearer(_login(client, "owner"))
        money = money_of(client, owner)
        assert (money["deposit"]["balance_fen"], money["deposit"]["paid_fen"], money["deposit"]["tier"]) == (
            123_456,
            100_000,
            1,
        )
        assert money["ledger"][:2] == [
            {**money["ledger"][0], "kind": "top_up", "amount_fen": 223_456, "balance_after_fen": 223_456},
            {**money["ledger"][1], "kind": "deposit_payment", "amount_fen": -100_000, "balance_after_fen": 123_456},
        ]
        earned = {o["market"] for o in paid}
        assert set(money["earnings"]) == earned and money["deposit"]["revenue_markets"]
        assert sum(e["earned_fen"] for e in money["earnings"].values()) == sum(o["amount_fen"] for o in paid)
        assert any(e["kind"] == "order_settled" for e in money["ledger"])
        assert_books_balance(money)
        assert money["bank_account"]["locked"] is True
        assert {k: a["signed"] for k, a in money["agreements"].items()} == {"access": True, "revenue": True}
        changes, _ = pull_all(client, owner)
        profile = next(c for c in changes if c["entity"] == "vendor_profile")["data"]
        (vendor,) = _rows("vendors")
        assert (profile["cs_phone"], profile["cs_email"], profile["cs_qq"]) == (
            vendor["service_phone"],
            vendor["service_email"],
            vendor["service_qq"],
        )
        assert profile["contact_phone"].isdigit() and all(s["done"] for s in profile["onboarding"])


def test_a_client_that_synced_before_0004_pulls_the_money_and_the_new_profile(stored_url, clock):
    """A client signed in before the upgrade keeps its cursor and receives what 0004 made."""
    build_96f579b(stored_url)
    engine = create_engine(stored_url)
    try:
        _alembic(engine, "upgrade", "0003_invoices")
        with engine.connect() as conn:
            last = conn.execute(text("SELECT max(seq) FROM change_log")).scalar()
            secret = conn.execute(text("SELECT value FROM meta WHERE key = 'cursor_secret'")).scalar()
            epoch = int(conn.execute(text("SELECT value FROM meta WHERE key = 'cursor_epoch'")).scalar())
    finally:
        engine.dispose()
    cursor = encode_cursor(secret, _OLD["account_id"], epoch, last)  # where that client had got to
    with serving(stored_url, clock) as client:
        owner = bearer(_login(client, "owner"))
        r = client.get(f"{API}/sync/changes", params={"cursor": cursor, "limit": 2000}, headers=owner)
        assert r.status_code == 200, r.text
        kinds = {c["entity"] for c in r.json()["changes"]}
        assert {"vendor_profile", "deposit", "earning", "agreement", "bank_account", "ledger_entry"} <= kinds


def test_0004_goes_back_to_0003_with_the_balance_deposit_and_agreements(stored_url):
    _at_0003_with_money(stored_url)
    engine = create_engine(stored_url)
    try:
        _alembic(engine, "upgrade", "head")
        _alembic(engine, "downgrade", "0003_invoices")
        with engine.connect() as conn:
            row = conn.execute(
                text("SELECT service_phone, balance_fen, deposit_paid_fen, agreements FROM vendors")
            ).one()
            tables = set(sa_inspect(conn).get_table_names())
    finally:
        engine.dispose()
    (vendor,) = _rows("vendors")
    agreements = row.agreements if isinstance(row.agreements, list) else json.loads(row.agreements)
    assert (row.service_phone, row.balance_fen, row.deposit_paid_fen, sorted(agreements)) == (
        vendor["service_phone"],
        123_456,
        100_000,
        ["access", "revenue"],
    )
    assert not tables & {"money", "earnings", "ledger_entries", "withdrawals", "bank_accounts", "agreements"}


def test_a_database_at_0004_gains_tickets_and_0005_goes_back(stored_url, clock):
    """0005 (R-TKT-1): an upgraded sandbox takes tickets and their attachments; going back to
    0004 removes them and leaves the rest; coming forward again starts without tickets."""
    _at_0003_with_money(stored_url)
    engine = create_engine(stored_url)
    try:
        _alembic(engine, "upgrade", "0004_money")
    finally:
        engine.dispose()
    png = b"\x89PNG\r\n\x1a\n" + bytes(100)
    with serving(stored_url, clock) as client:  # brings it to head
        owner = bearer(_login(client, "owner"))
        body = {"type": "account", "subject": "银行账户变更", "description": "附开户许可证"}
        opened = send(client, "POST", "/tickets", owner, json=body)
        assert opened.status_code == 201, opened.text
        headers = {**owner, "Idempotency-Key": "after-0005", "If-Match": "1"}
        path = f"{API}/tickets/{opened.json()['id']}/attachments"
        attached = client.post(path, files={"file": ("许可证.png", png, "image/png")}, headers=headers)
        assert attached.status_code == 200, attached.text
    engine = create_engine(stored_url)
    try:
        _alembic(engine, "downgrade", "0004_money")
        with engine.connect() as conn:
            tables = set(sa_inspect(conn).get_table_names())
        _alembic(engine, "upgrade", "head")
    finally:
        engine.dispose()
    assert not tables & {"tickets", "ticket_attachments"} and "ledger_entries" in tables
    with serving(stored_url, clock) as client:
        changes, _ = pull_all(client, bearer(_login(client, "owner")))
        assert not [c for c in changes if c["entity"] == "ticket" and c["data"] is not None]


# --- 0007: sub-accounts ---------------------------------------------------------------------------


def test_a_database_at_0006_gains_sub_accounts_keeping_sessions_and_read_marks(stored_url, clock):
    """0007 (R-SUB-1): on SQLite ``users`` is rebuilt to drop its unique constraint; the users'
    read marks (deleted in cascade with the old table) and tokens stay, a device signed in before
    stays signed in, the owner pulls every user as a sub_account, and a deleted user's name is
    free again under the new partial index."""
    build_96f579b(stored_url)
    engine = create_engine(stored_url)
    try:
        _alembic(engine, "upgrade", "0006_refunds_exit")
        with engine.connect() as conn:
            reads = conn.execute(text("SELECT COUNT(*) FROM message_reads")).scalar_one()
            tokens = conn.execute(text("SELECT COUNT(*) FROM tokens")).scalar_one()
        _alembic(engine, "upgrade", "head")
        assert revision(engine) == HEAD and schema_diff(engine) == []
        with engine.connect() as conn:
            assert conn.execute(text("SELECT COUNT(*) FROM message_reads")).scalar_one() == reads > 0
            assert conn.execute(text("SELECT COUNT(*) FROM tokens")).scalar_one() == tokens > 0
    finally:
        engine.dispose()
    with serving(stored_url, clock) as client:
        refreshed = client.post(f"{API}/auth/refresh", json={"refresh_token": _OLD["owner_refresh_token"]})
        assert refreshed.status_code == 200, refreshed.text
        owner = bearer(_login(client, "owner"))
        changes, _ = pull_all(client, owner)
        users = {c["data"]["username"]: c for c in changes if c["entity"] == "sub_account"}
        assert set(users) == {u["username"] for u in _rows("users")}
        viewer = users["viewer"]
        assert (
            send(client, "DELETE", f"/sub-accounts/{viewer['id']}", owner, if_match=viewer["version"]).status_code
            == 200
        )
        body = {"username": "viewer", "display_name": "新同事", "role": "viewer"}
        assert send(client, "POST", "/sub-accounts", owner, json=body).status_code == 201
