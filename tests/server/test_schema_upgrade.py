"""A demo database file made by an older sandbox opens in this one: columns added since (price
changes, discounts) are added on open, and its orders read as never changed or discounted."""

from __future__ import annotations

from sqlalchemy import inspect, text

from vendor_desktop.sandbox import entities
from vendor_desktop.sandbox.db import Database, Order
from vendor_desktop.sandbox.seed import seed_vendor

from .conftest import START

_NEW_ORDER_COLUMNS = ["list_price_fen", "discount_id", "discount_percent", "price_changed_at", "price_change_reason"]


def test_an_older_database_file_gains_the_new_order_columns(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    db = Database(url)
    with db.session() as s:
        seed_vendor(s, START, orders=5, listings=3, seed=3)
    with db.engine.begin() as conn:  # what an older sandbox's file looks like
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
