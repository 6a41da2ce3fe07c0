"""Discounts in the cache (R-DSC-1/2), order pricing fields, finding an order by number (R-ORD-3)."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine

from tests.cache.conftest import change, order_change
from vendor_desktop.cache.core.apply import apply_changes
from vendor_desktop.cache.core.database import MIGRATIONS_DIR, CacheDatabase
from vendor_desktop.cache.discounts.queries import (
    discount_for_order,
    discount_ids,
    discounts_by_id,
    listings_for_choice,
)
from vendor_desktop.cache.orders.queries import order_by_number, order_detail

SH = dt.timezone(dt.timedelta(hours=8))


def discount(id_: str, listing: str, buyer: str, start_day: int, state: str = "active", version: int = 1) -> dict:
    return change(
        "discount", id_, version, listing_id=f"L-{listing}", listing_name=listing, buyer_account_id=buyer,
        buyer_name=f"{buyer[0]}*", percent=80, valid_from=f"2024-06-{start_day:02d}T00:00:00+08:00",
        valid_until=f"2024-07-{start_day:02d}T00:00:00+08:00", state=state, revoked_at=None,
        created_at="2024-05-01T00:00:00+08:00",
    )


def test_discounts_list_latest_start_first_and_search_listing_and_buyer(db: CacheDatabase) -> None:
    with db.session(write=True) as s, s.begin():
        apply_changes(s, [discount("d1", "Cloud Backup", "acme", 1), discount("d2", "Mail Relay", "zeta", 5),
                          discount("d3", "Cloud Backup", "zeta", 3, state="revoked")])
    with db.session() as s:
        assert discount_ids(s) == ["d2", "d3", "d1"]
        assert discount_ids(s, text="cloud") == ["d3", "d1"]
        assert discount_ids(s, text="zeta", states=["active"]) == ["d2"]
        assert discount_ids(s, text="100%_") == []
        row = discounts_by_id(s, ["d2", "nope"])["d2"]
    assert row.percent == 80 and row.listing_name == "Mail Relay" and row.state == "active"
    assert row.valid_from == dt.datetime(2024, 6, 5, tzinfo=SH) and row.valid_until.tzinfo is not None
    assert row.revoked_at is None and row.data["buyer_account_id"] == "zeta"


def test_an_order_carries_its_pricing_and_is_found_by_number(db: CacheDatabase) -> None:
    with db.session(write=True) as s, s.begin():
        apply_changes(s, [
            order_change("o1", number="2024060112345678", list_price_fen=10000, discount_id="d1",
                         discount_percent=80, amount_fen=8000),
            order_change("o2"),
            discount("d1", "Cloud Backup", "acme", 1),
        ])
    with db.session() as s:
        found = order_by_number(s, " 2024060112345678 ")
        plain = order_detail(s, "o2")
        assert order_by_number(s, "20240601") is None and order_by_number(s, "") is None
        assert found is not None and plain is not None
        assert discount_for_order(s, found) is not None
        assert discount_for_order(s, plain) is None
    assert found.id == "o1" and found.list_price_fen == 10000
    assert found.discount_id == "d1" and found.discount_percent == 80
    assert plain.list_price_fen is None and plain.discount_id is None and plain.discount_percent is None


def test_listings_to_choose_are_those_on_sale_by_name(db: CacheDatabase) -> None:
    with db.session(write=True) as s, s.begin():
        apply_changes(s, [
            change("listing", "l1", name="Zeta Mail", market="saas", state="on_sale"),
            change("listing", "l2", name="Alpha Backup", market="iaas", state="on_sale"),
            change("listing", "l3", name="Draft Thing", market="saas", state="draft"),
        ])
    with db.session() as s:
        assert listings_for_choice(s) == [
            ("l2", "Alpha Backup", "iaas", "on_sale"), ("l1", "Zeta Mail", "saas", "on_sale")]


def test_discounts_cached_by_an_older_build_move_to_their_table(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0001_initial")
    engine.dispose()
    data = discount("d1", "Cloud Backup", "acme", 1)["data"]
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO entities (entity, id, version, data, sync_gen) VALUES ('discount', 'd1', 2, ?, 0)",
                 (json.dumps(data),))
    conn.commit()
    conn.close()

    db = CacheDatabase.open(path)
    try:
        with db.session() as s:
            assert discount_ids(s) == ["d1"]
            assert discounts_by_id(s, ["d1"])["d1"].version == 2
    finally:
        db.close()
