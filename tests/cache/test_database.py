"""Opening the cache: migrations, WAL, and recovery from a damaged file."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from sqlalchemy import inspect, text

from tests.cache.conftest import order_change
from vendor_desktop.cache.core import paths
from vendor_desktop.cache.core.apply import apply_changes
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.cache.orders.queries import OrderQuery, count_orders


def test_fresh_file_gets_the_schema_at_head(tmp_path: Path) -> None:
    db = CacheDatabase.open(tmp_path / "sub" / "c.sqlite3")
    try:
        tables = set(inspect(db.engine).get_table_names())
        assert {"orders", "listings", "messages", "vendor_profile", "entities", "sync_state"} <= tables
        with db.session() as s:
            assert s.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0007_refunds_tickets"
        assert db.recovered_from is None
    finally:
        db.close()


def test_reopening_keeps_data_and_migrates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    db = CacheDatabase.open(path)
    with db.session() as s, s.begin():
        apply_changes(s, [order_change("1")])
    db.close()
    again = CacheDatabase.open(path)
    try:
        assert again.recovered_from is None
        with again.session() as s:
            assert count_orders(s, OrderQuery()) == 1
            assert s.execute(text("SELECT count(*) FROM alembic_version")).scalar() == 1
    finally:
        again.close()


def test_sqlite_runs_in_wal_mode_with_full_sync_and_foreign_keys(db: CacheDatabase) -> None:
    with db.session() as s:
        assert s.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert s.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert s.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_garbage_file_is_moved_aside_and_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    path.write_bytes(b"this is not sqlite at all" * 200)
    path.with_name("c.sqlite3-wal").write_bytes(b"junk")
    db = CacheDatabase.open(path)
    try:
        assert db.recovered_from is not None
        assert db.recovered_from.name.startswith("c.sqlite3.corrupt-")
        assert db.recovered_from.read_bytes().startswith(b"this is not sqlite")
        # The stale -wal went with it (or SQLite discarded it); the new cache must not replay it.
        wal = path.with_name("c.sqlite3-wal")
        assert not wal.exists() or wal.read_bytes() != b"junk"
        with db.session() as s:
            assert count_orders(s, OrderQuery()) == 0
    finally:
        db.close()


def test_file_failing_quick_check_is_moved_aside(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    db = CacheDatabase.open(path)
    with db.session() as s, s.begin():
        apply_changes(s, [order_change(str(i)) for i in range(2000)])
    db.close()
    # Stomp on a page in the middle of the file, keeping the header valid.
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with path.open("r+b") as f:
        f.seek(page_size * 3)
        f.write(b"\xff" * page_size * 4)
    recovered = CacheDatabase.open(path)
    try:
        assert recovered.recovered_from is not None
        with recovered.session() as s:
            assert count_orders(s, OrderQuery()) == 0
    finally:
        recovered.close()


def test_a_file_from_a_newer_app_version_is_kept_aside(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    CacheDatabase.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.commit()
    conn.close()
    db = CacheDatabase.open(path)
    try:
        assert db.recovered_from is not None and ".incompatible-" in db.recovered_from.name
    finally:
        db.close()


def test_sessions_work_from_several_threads(db: CacheDatabase) -> None:
    errors: list[BaseException] = []

    def write(start: int) -> None:
        try:
            with db.session(write=True) as s, s.begin():
                apply_changes(s, [order_change(str(start + i)) for i in range(50)])
        except BaseException as exc:  # collected and re-raised in the test thread
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(n * 100,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with db.session() as s:
        assert count_orders(s, OrderQuery()) == 200


def test_cache_file_is_per_backend_account_and_user_with_a_safe_name(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(tmp_path))
    a = paths.cache_file_for("http://127.0.0.1:8765", "acct/1", "owner")
    assert a.parent == tmp_path / "caches"
    assert a.name.startswith("127.0.0.1_8765-acct_1-owner-") and a.suffix == ".sqlite3"
    assert a != paths.cache_file_for("https://127.0.0.1:8765", "acct/1", "owner")
    assert a != paths.cache_file_for("http://127.0.0.1:8765", "acct/2", "owner")
    assert a != paths.cache_file_for("http://127.0.0.1:8765", "acct/1", "viewer")
    assert a != paths.cache_file_for("http://127.0.0.1:8765", "acct/1", "Owner")  # case-insensitive disks
    assert a == paths.cache_file_for("http://127.0.0.1:8765/", "acct/1", "owner")
    # The embedded demo's stable key names its files as before, one per user now.
    demo = paths.cache_file_for("embedded-sandbox", "V1", "owner")
    assert demo.name.startswith("embedded-sandbox-V1-owner-")


def test_the_per_account_file_of_older_versions_keeps_its_name(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(tmp_path))
    # The name the per-account versions gave the file, so an upgrade finds it.
    assert paths.legacy_cache_file_for("http://127.0.0.1:8765/", "acct/1") == (
        tmp_path / "caches" / "127.0.0.1_8765-acct_1-7b8237f598.sqlite3"
    )


def test_data_dir_defaults_to_the_platform_user_data_dir(monkeypatch) -> None:
    monkeypatch.delenv(paths.DATA_DIR_ENV, raising=False)
    assert "VendorCenter" in str(paths.data_dir())


def test_the_migrations_build_exactly_the_models_schema(db: CacheDatabase) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from vendor_desktop.cache.core.models import Base

    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []
