"""Property: however pages are replayed or reordered, each row ends at its highest version."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.cache.conftest import order_change
from vendor_desktop.cache.core.apply import apply_changes
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.cache.orders.queries import OrderQuery, order_ids, orders_by_id

versions = st.lists(st.tuples(st.sampled_from("abcd"), st.integers(1, 20)), min_size=1, max_size=30)


@settings(max_examples=40, deadline=None)
@given(changes=versions, page_size=st.integers(1, 7), replay=st.integers(0, 3))
def test_rows_end_at_the_highest_version_whatever_the_order_or_replays(
    changes: list[tuple[str, int]], page_size: int, replay: int
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = CacheDatabase.open(Path(tmp) / "c.sqlite3")
        try:
            feed = [order_change(id_, v, amount_fen=v) for id_, v in changes]
            pages = [feed[i : i + page_size] for i in range(0, len(feed), page_size)]
            pages += pages[:replay]  # replaying pages, as after a crash, is harmless
            for page in pages:
                with db.session(write=True) as s, s.begin():
                    apply_changes(s, page)
            expected: dict[str, int] = {}
            for id_, v in changes:
                expected[id_] = max(v, expected.get(id_, 0))
            with db.session() as s:
                rows = orders_by_id(s, order_ids(s, OrderQuery()))
            assert {i: r.version for i, r in rows.items()} == expected
            assert all(r.amount_fen == r.version for r in rows.values())
        finally:
            db.close()
