"""Rows of a typed table by id, for the visible range of a list (each area's ``*_by_id``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

Row = TypeVar("Row")

#: Ids per ``IN (…)``: well under SQLite's limit of bound parameters.
CHUNK = 500


def rows_by_id(session: Session, model: Any, ids: Sequence[str], to_row: Callable[[Any], Row]) -> dict[str, Row]:
    """``to_row`` of each ``model`` row whose id is in ``ids``; missing ids are simply absent."""
    rows: dict[str, Row] = {}
    ids = list(ids)
    for start in range(0, len(ids), CHUNK):
        for record in session.scalars(select(model).where(model.id.in_(ids[start : start + CHUNK]))):
            rows[record.id] = to_row(record)
    return rows
