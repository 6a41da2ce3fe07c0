"""The sandbox sends exactly the declared synced fields of each entity kind (domain.synced), in
their order and of their wire types, in pulls and command answers alike, and its OpenAPI schema
documents the same fields."""

from __future__ import annotations

from typing import Any

from vendor_desktop.domain.synced import ENTITY_KINDS, Wire, fields, synced_fields

from .conftest import API, bearer, login, place_order, pull_all, send


def _misfits(entity: str, data: dict[str, Any]) -> list[tuple[str, Any]]:
    """The values in ``data`` that the declared field does not accept."""
    return [(f.name, data.get(f.name)) for f in synced_fields(entity) if not f.accepts(data.get(f.name))]


def _assert_declared(change: dict[str, Any]) -> None:
    entity, data = change["entity"], change["data"]
    assert list(data) == list(fields(entity)), entity
    assert _misfits(entity, data) == [], (entity, change["id"])


def test_a_full_pull_sends_every_declared_kind_with_exactly_its_declared_fields(client, seed):
    # A deposit paid and withdrawals in its history: the money's every kind too.
    vendor = seed(seed=1, deposit_paid_fen=500_000, withdrawals=2)
    owner = bearer(login(client, vendor))
    # An activity entry of each outcome (the seed has none): a refused and an applied command.
    assert send(client, "POST", "/deposit/payments", owner, json={"amount_fen": 10**9}).status_code == 422
    ticket = {"type": "other", "subject": "s", "description": "d"}
    assert send(client, "POST", "/tickets", owner, json=ticket).status_code == 201
    changes, _ = pull_all(client, owner)
    # The seeded vendor has every kind the sandbox syncs: one never seen would go unchecked.
    assert {c["entity"] for c in changes} == set(ENTITY_KINDS)
    for c in changes:
        _assert_declared(c)
    # Nullable fields come both ways in the seed, so both were checked.
    listings = [c["data"] for c in changes if c["entity"] == "listing"]
    assert {d["revision"] is None for d in listings} == {True, False}


def test_command_answers_carry_the_declared_fields_too(client, operator, vendor):
    headers = bearer(login(client, vendor))
    order = place_order(client, operator, vendor)
    _assert_declared(order)
    body = {"new_price_fen": 4200, "reason": "老客户续费优惠"}
    changed = send(client, "POST", f"/orders/{order['id']}/price-change", headers, json=body, if_match=1)
    assert changed.status_code == 200, changed.text
    _assert_declared(changed.json())
    changes, _ = pull_all(client, headers)
    unread = next(c for c in changes if c["entity"] == "message" and not c["data"]["read"])
    read = send(client, "POST", f"/messages/{unread['id']}/read", headers)
    assert read.status_code == 200 and read.json()["data"]["read"] is True
    _assert_declared(read.json())


# The JSON Schema type of each wire type.
_SCHEMA_TYPE = {
    Wire.TEXT: "string",
    Wire.TIMESTAMP: "string",
    Wire.DATE: "string",
    Wire.INTEGER: "integer",
    Wire.BOOLEAN: "boolean",
    Wire.OBJECT: "object",
    Wire.LIST: "array",
}


def _schema_types(prop: dict[str, Any], schemas: dict[str, Any]) -> set[str]:
    options = prop.get("anyOf", [prop])
    types = set()
    for option in options:
        if "$ref" in option:
            option = schemas[option["$ref"].rsplit("/", 1)[-1]]
        types.add(option.get("type", "any"))
    return types


def test_the_openapi_schema_documents_exactly_the_declared_fields(client):
    schemas = client.get(f"{API}/openapi.json").json()["components"]["schemas"]
    for entity in ENTITY_KINDS:
        schema = schemas["".join(part.title() for part in entity.split("_")) + "Data"]
        assert list(schema["properties"]) == list(fields(entity)), entity
        assert set(schema["required"]) == set(fields(entity)), entity
        for f in synced_fields(entity):
            expected = {_SCHEMA_TYPE[f.wire]} | ({"null"} if f.nullable else set())
            assert _schema_types(schema["properties"][f.name], schemas) == expected, (entity, f.name)


def test_the_issue_14_commands_and_controls_answer_the_declared_fields(client, operator, seed):
    """Deliver (R-ORD-5), a buyer's refund and the vendor's decision (SPEC §5), exit and the
    deposit receipt (R-EXT-1, R-DEP-7)."""
    from .money_helpers import complete, earn, money_vendor
    from .refund_helpers import asked, decide, deliver

    vendor = money_vendor(seed, seed=95)
    owner = bearer(login(client, vendor))
    order = earn(client, operator, vendor, "custom_service", 9_000)
    delivered = deliver(client, owner, order)
    assert delivered.status_code == 200, delivered.text
    _assert_declared(delivered.json())
    refund = asked(client, operator, order["id"])
    _assert_declared(refund)
    decided = decide(client, owner, refund, "partial", amount_fen=1_000, reason="部分退款")
    assert decided.status_code == 200, decided.text
    _assert_declared(decided.json())
    _assert_declared(complete(client, operator, order["id"]))
    left = send(client, "POST", "/vendor/exit", owner)
    assert left.status_code == 200, left.text
    _assert_declared(left.json())
    body = {"account_id": vendor["account_id"]}
    r = client.post(f"{API}/sandbox/deposit/receipt-returned", json=body, headers=operator)
    assert r.status_code == 200, r.text
    _assert_declared(r.json())
    changes, _ = pull_all(client, owner)
    for c in changes:
        _assert_declared(c)
