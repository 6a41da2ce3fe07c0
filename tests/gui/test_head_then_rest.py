"""A long list opens with one screenful and its count; the rest loads once scrolled to."""

from __future__ import annotations

import contextlib

from vendor_desktop.viewmodels.core.paged_table import FETCH_STEP, head_then_rest


class _Db:
    def __init__(self, rows: int) -> None:
        self.rows = [str(i) for i in range(rows)]
        self.reads: list[int | None] = []

    @contextlib.contextmanager
    def session(self):
        yield self

    def ids(self, _session, limit: int | None) -> list[str]:
        self.reads.append(limit)
        return self.rows[:limit] if limit is not None else list(self.rows)


def test_a_short_list_is_read_once_and_whole():
    db = _Db(3)
    assert list(head_then_rest(db, db.ids, lambda s: len(db.rows))) == ["0", "1", "2"]
    assert db.reads == [FETCH_STEP]


def test_a_long_list_counts_then_loads_the_rest_only_when_scrolled_past_the_head():
    db = _Db(FETCH_STEP * 3)
    ids = head_then_rest(db, db.ids, lambda s: len(db.rows))
    assert len(ids) == FETCH_STEP * 3 and ids[0] == "0"
    assert db.reads == [FETCH_STEP]  # the head only
    assert ids[FETCH_STEP * 2] == str(FETCH_STEP * 2)
    assert db.reads == [FETCH_STEP, None]
