"""The declaration of each entity kind's synced fields (domain.synced): well formed, and its
value checks say what the wire may carry."""

from __future__ import annotations

import pytest

from vendor_desktop.domain.synced import ENTITY_KINDS, SYNCED, SyncedField, Wire, fields, synced_fields


def test_fields_names_a_kinds_fields_in_wire_order():
    assert fields("order")[:3] == ("number", "state", "amount_fen")
    assert fields("order") == tuple(f.name for f in synced_fields("order"))
    assert tuple(SYNCED) == ENTITY_KINDS


@pytest.mark.parametrize("kind", ENTITY_KINDS)
def test_each_kind_names_each_field_once(kind):
    names = fields(kind)
    assert names and len(set(names)) == len(names)
    # The change envelope carries these next to ``data``; a field of the same name would confuse —
    # except the activity log's ``entity``, which API.md names so (the kind the entry is about).
    reserved = {"id", "entity", "version", "deleted"} - ({"entity"} if kind == "activity" else set())
    assert not reserved & set(names)


def test_an_undeclared_kind_is_an_error_not_an_empty_list():
    with pytest.raises(KeyError):
        fields("space_station")


def test_nullable_fields_are_marked():
    declared = {f.name: f for f in synced_fields("order")}
    assert declared["paid_at"] == SyncedField("paid_at", Wire.TIMESTAMP, nullable=True)
    assert declared["created_at"] == SyncedField("created_at", Wire.TIMESTAMP)


@pytest.mark.parametrize(
    ("wire", "good", "bad"),
    [
        (Wire.TEXT, ["", "云栈"], [1, True, {}]),
        (Wire.INTEGER, [0, -5, 10**15], [True, 1.5, "1"]),
        (Wire.BOOLEAN, [True, False], [0, 1, "true"]),
        (Wire.TIMESTAMP, ["2026-11-26T14:03:00+08:00", "2026-11-26T06:03:00Z"], ["2026-11-26T14:03", "2026-11-26", 0]),
        (Wire.DATE, ["2026-11-26"], ["2026-11-26T14:03:00+08:00", "20261126", "2026-13-01"]),
        (Wire.OBJECT, [{}, {"monthly": 19900}], [[], "{}"]),
        (Wire.LIST, [[], [{"done": True}]], [{}, "[]"]),
    ],
)
def test_a_field_accepts_only_values_of_its_wire_type(wire, good, bad):
    field = SyncedField("x", wire)
    assert all(field.accepts(v) for v in good)
    assert not any(field.accepts(v) for v in bad)
    assert not field.accepts(None) and SyncedField("x", wire, nullable=True).accepts(None)
