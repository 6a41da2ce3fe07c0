"""The cache's typed tables agree with the declaration of synced fields (domain.synced): a
column named after a synced field has a type that holds it, the upsert fills every column, and
a change lands converted by each field's wire type."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import Boolean, Integer, String, select

from tests.cache.conftest import change
from vendor_desktop.cache.core.apply import apply_changes, column_filler
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.cache.core.models import TYPED_TABLES
from vendor_desktop.domain.synced import ENTITY_KINDS, Wire, synced_fields

# Every synced row has these; they are not from ``data``.
BOOKKEEPING = {"id", "version", "data", "sync_gen"}

# The SQLAlchemy type a column of each wire type has (Text is a String). Timestamps and dates stay
# text as sent; objects and lists would be JSON text.
COMPATIBLE: dict[Wire, type] = {
    Wire.TEXT: String,
    Wire.TIMESTAMP: String,
    Wire.DATE: String,
    Wire.OBJECT: String,
    Wire.LIST: String,
    Wire.INTEGER: Integer,
    Wire.BOOLEAN: Boolean,
}

SAMPLE: dict[Wire, Any] = {
    Wire.TEXT: "云栈 Cloud",
    Wire.INTEGER: 4200,
    Wire.BOOLEAN: True,
    Wire.TIMESTAMP: "2026-11-26T23:30:00+08:00",
    Wire.DATE: "2026-11-27",
    Wire.OBJECT: {"monthly": 19900},
    Wire.LIST: [{"done": True}],
}


def _full_data(entity: str) -> dict[str, Any]:
    return {f.name: SAMPLE[f.wire] for f in synced_fields(entity)}


def test_every_typed_table_is_a_declared_entity_kind():
    assert set(TYPED_TABLES) <= set(ENTITY_KINDS)


@pytest.mark.parametrize("entity", sorted(TYPED_TABLES))
def test_a_column_named_after_a_synced_field_has_a_type_that_holds_it(entity):
    table = TYPED_TABLES[entity]
    wrong = [
        (f.name, f.wire.value, repr(table.c[f.name].type))
        for f in synced_fields(entity)
        if f.name in table.c and not isinstance(table.c[f.name].type, COMPATIBLE[f.wire])
    ]
    assert wrong == []


@pytest.mark.parametrize("entity", sorted(TYPED_TABLES))
@pytest.mark.parametrize("data", ["empty", "full"])
def test_the_upsert_fills_every_column_but_the_bookkeeping(entity, data):
    """A column that is neither a synced field nor derived by the cache would stay NULL forever
    (a typo in a column name, or a field renamed on one side only)."""
    row: dict[str, Any] = {}
    column_filler(entity)({} if data == "empty" else _full_data(entity), row)
    assert set(row) == {c.name for c in TYPED_TABLES[entity].columns} - BOOKKEEPING


@pytest.mark.parametrize("entity", sorted(TYPED_TABLES))
def test_a_change_with_every_field_lands_converted_by_wire_type(db: CacheDatabase, entity):
    data = _full_data(entity)
    with db.session(write=True) as s, s.begin():
        apply_changes(s, [change(entity, "x1", 3, **data)])
    table = TYPED_TABLES[entity]
    with db.session() as s:
        stored = s.execute(select(table).where(table.c.id == "x1")).one()._mapping
    assert stored["version"] == 3 and json.loads(stored["data"]) == data
    for f in synced_fields(entity):
        if f.name in table.c:
            kept = json.loads(stored[f.name]) if f.wire in (Wire.OBJECT, Wire.LIST) else stored[f.name]
            assert kept == data[f.name], f.name
