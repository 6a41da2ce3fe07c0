"""A demo database file made by an older sandbox opens in this one: columns added since (price
changes, discounts) are added on open, and its orders read as never changed or discounted.

Such a file has no ``alembic_version``; migrations 0001 and 0002 add what it lacks (the upgrade
from the last release before migrations, with its real schema and data, is test_migrations.py)."""

from __future__ import annotations

from sqlalchemy import inspect, text

from vendor_desktop.sandbox.controls.seed import seed_vendor
from vendor_desktop.sandbox.core import entities
from vendor_desktop.sandbox.core.changes import read_page
from vendor_desktop.sandbox.core.database import Database, User
from vendor_desktop.sandbox.listings.models import Listing
from vendor_desktop.sandbox.messages.models import Message, MessageRead
from vendor_desktop.sandbox.orders.models import Order

from .conftest import START

_NEW_LISTING_COLUMNS = [
    "description",
    "submitted_at",
    "review_due_approximate",
    "security_review",
    "approved_at",
    "revision",
    "created_at",
]
_NEW_ORDER_COLUMNS = ["list_price_fen", "discount_id", "discount_percent", "price_changed_at", "price_change_reason"]


def test_an_older_database_file_gains_the_new_order_columns(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    db = Database(url)
    with db.session() as s:
        seed_vendor(s, START, orders=5, listings=3, seed=3)
    with db.engine.begin() as conn:  # what an older sandbox's file looks like
        conn.execute(text("DROP TABLE alembic_version"))  # made before migrations
        conn.execute(text("DROP TABLE discounts"))
        for column in _NEW_ORDER_COLUMNS:
            conn.execute(text(f"ALTER TABLE orders DROP COLUMN {column}"))
    db.dispose()

    db = Database(url)
    assert set(_NEW_ORDER_COLUMNS) <= {c["name"] for c in inspect(db.engine).get_columns("orders")}
    assert inspect(db.engine).has_table("discounts")
    with db.session() as s:
        order = s.query(Order).first()
        data = entities.envelope("order", order)["data"]
    assert data["list_price_fen"] == data["amount_fen"] and data["discount_id"] is None
    db.dispose()


def test_an_older_database_file_gains_the_listing_columns_and_reads_them_as_none(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    db = Database(url)
    with db.session() as s:
        seed_vendor(s, START, orders=5, listings=3, seed=3)
    with db.engine.begin() as conn:
        conn.execute(text("DROP TABLE alembic_version"))  # made before migrations
        for column in _NEW_LISTING_COLUMNS:
            conn.execute(text(f"ALTER TABLE listings DROP COLUMN {column}"))
        conn.execute(text("ALTER TABLE messages DROP COLUMN listing_id"))
    db.dispose()

    db = Database(url)
    assert set(_NEW_LISTING_COLUMNS) <= {c["name"] for c in inspect(db.engine).get_columns("listings")}
    assert "listing_id" in {c["name"] for c in inspect(db.engine).get_columns("messages")}
    with db.session() as s:
        data = entities.envelope("listing", s.query(Listing).first())["data"]
        message = entities.envelope("message", s.query(Message).first())["data"]
    assert data["description"] == "" and data["revision"] is None and data["security_review"] is False
    assert data["submitted_at"] is None and data["approved_at"] is None and message["listing_id"] is None
    db.dispose()


def test_an_older_database_keeps_messages_from_roles_that_may_not_read_their_subject(tmp_path):
    """SPEC §11 on an upgraded file: the change log learns each message's subject, so finance
    receives none about orders; messages read before stay read, now for every user who gets them."""
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    db = Database(url)
    with db.session() as s:
        seed_vendor(s, START, orders=20, listings=12, seed=3)
        read_before = {
            m.id
            for m in s.query(Message).all()
            if s.get(MessageRead, (m.id, _user(s, "owner"))) and m.invoice_id is None  # older: no invoices
        }
    with db.engine.begin() as conn:  # an older sandbox: read for everyone, no audience
        conn.execute(text("DROP TABLE alembic_version"))  # made before migrations
        conn.execute(text("UPDATE messages SET read = 1 WHERE id IN (SELECT message_id FROM message_reads)"))
        # Nor had it invoices (migration 0003), nor their messages.
        about_invoices = "SELECT id FROM messages WHERE invoice_id IS NOT NULL"
        conn.execute(text(f"DELETE FROM change_log WHERE entity = 'invoice' OR entity_id IN ({about_invoices})"))
        conn.execute(text(f"DELETE FROM message_reads WHERE message_id IN ({about_invoices})"))
        conn.execute(text("DELETE FROM messages WHERE invoice_id IS NOT NULL"))
        conn.execute(text("DROP TABLE invoices"))
        conn.execute(text("ALTER TABLE messages DROP COLUMN invoice_id"))
        conn.execute(text("DROP TABLE message_reads"))
        conn.execute(text("ALTER TABLE change_log DROP COLUMN audience"))
        conn.execute(text("ALTER TABLE change_log DROP COLUMN user_id"))
    db.dispose()

    db = Database(url)
    with db.session() as s:
        account = s.query(Message).first().account_id
        finance_id, owner_id = _user(s, "finance"), _user(s, "owner")
        finance = read_page(s, account, None, 2000, ["vendor_profile", "message"], finance_id, "finance").changes
        seen = ["vendor_profile", "order", "listing", "message"]
        owner = read_page(s, account, None, 2000, seen, owner_id, "owner").changes
    assert [c["entity"] for c in finance] == ["vendor_profile"]
    assert read_before and {c["id"] for c in owner if c["entity"] == "message" and c["data"]["read"]} == read_before
    db.dispose()


def _user(s, role: str) -> str:
    return s.query(User).filter_by(role=role).one().id
