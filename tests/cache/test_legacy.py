"""Upgrading from one cache file per account: each user's unsent changes move to that user's file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.cache.conftest import order_change
from vendor_desktop.cache.core import outbox, paths
from vendor_desktop.cache.core.apply import apply_changes
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.cache.core.legacy import adopt_legacy_commands
from vendor_desktop.cache.core.salvage import read_unsent_commands
from vendor_desktop.cache.orders.queries import OrderQuery, count_orders

URL = "https://market.example.com"
ACCOUNT = "V100"


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(tmp_path))
    return tmp_path


def queue(db: CacheDatabase, order_id: str, by: str) -> str:
    with db.session(write=True) as s, s.begin():
        return outbox.enqueue(
            s, kind="order.price_change", entity="order", entity_id=order_id, base_version=1,
            method="POST", path=f"/orders/{order_id}/price-change",
            payload={"new_price_fen": 5000, "reason": "agreed"},
            summary={"number": f"NO{order_id}", "old_fen": 10000, "new_fen": 5000}, created_by=by,
        ).idempotency_key


def keys(db: CacheDatabase) -> set[str]:
    with db.session() as s:
        return {c.idempotency_key for c in outbox.visible_commands(s)}


def a_per_account_file(*, owner: int, operations: int) -> tuple[Path, dict[str, set[str]]]:
    """What an older version left: one file for the account, synced rows, everyone's changes."""
    legacy = paths.legacy_cache_file_for(URL, ACCOUNT)
    db = CacheDatabase.open(legacy)
    with db.session(write=True) as s, s.begin():
        apply_changes(s, [order_change(str(i)) for i in range(10)])
    made = {
        "owner": {queue(db, str(i), "owner") for i in range(owner)},
        "operations": {queue(db, str(5 + i), "operations") for i in range(operations)},
    }
    db.close()
    return legacy, made


def test_each_users_unsent_changes_move_to_its_own_file_and_the_old_file_goes_when_empty(data: Path) -> None:
    legacy, made = a_per_account_file(owner=2, operations=1)

    owner = CacheDatabase.open(paths.cache_file_for(URL, ACCOUNT, "owner"))
    try:
        assert adopt_legacy_commands(legacy, owner, "owner") == 2
        assert keys(owner) == made["owner"]
        with owner.session() as s:
            assert count_orders(s, OrderQuery()) == 0  # synced rows are pulled again, for this user's role
    finally:
        owner.close()
    # The other user's change waits in the old file until that user signs in.
    assert legacy.exists()
    assert {c["idempotency_key"] for c in read_unsent_commands(legacy).commands} == made["operations"]

    operations = CacheDatabase.open(paths.cache_file_for(URL, ACCOUNT, "operations"))
    try:
        assert adopt_legacy_commands(legacy, operations, "operations") == 1
        assert keys(operations) == made["operations"]
    finally:
        operations.close()
    assert not legacy.exists()
    assert not list(legacy.parent.glob(legacy.name + "-*"))  # no -wal or -shm left behind


def test_a_move_interrupted_before_the_old_copy_was_removed_queues_nothing_twice(data: Path) -> None:
    legacy, made = a_per_account_file(owner=3, operations=0)
    before = legacy.with_name("before-the-move.sqlite3")
    shutil.copy(legacy, before)
    owner = CacheDatabase.open(paths.cache_file_for(URL, ACCOUNT, "owner"))
    try:
        adopt_legacy_commands(legacy, owner, "owner")
        # The app stopped after the copy, before the delete: the old file still has them all.
        shutil.copy(before, legacy)
        assert adopt_legacy_commands(legacy, owner, "owner") == 3
        assert keys(owner) == made["owner"]
        with owner.session() as s:
            assert len(outbox.visible_commands(s)) == 3
    finally:
        owner.close()
    assert not legacy.exists()


def test_a_user_without_changes_in_the_old_file_leaves_the_others_there(data: Path) -> None:
    legacy, made = a_per_account_file(owner=1, operations=0)
    viewer = CacheDatabase.open(paths.cache_file_for(URL, ACCOUNT, "viewer"))
    try:
        assert adopt_legacy_commands(legacy, viewer, "viewer") == 0
        assert keys(viewer) == set()
    finally:
        viewer.close()
    assert {c["idempotency_key"] for c in read_unsent_commands(legacy).commands} == made["owner"]
