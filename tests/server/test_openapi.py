"""The served OpenAPI schema loads, lists the API's paths and documents the error envelope
truthfully (API.md: "keep the schema truthful: it is fuzzed")."""

from __future__ import annotations

import json

from .conftest import API

EXPECTED = {
    "/health": {"get"},
    "/auth/login": {"post"},
    "/auth/refresh": {"post"},
    "/auth/logout": {"post"},
    "/sync/changes": {"get"},
    "/sandbox/seed": {"post"},
    "/sandbox/orders": {"post"},
    "/sandbox/orders/{order_id}/pay": {"post"},
    "/sandbox/orders/{order_id}/cancel": {"post"},
    "/sandbox/orders/{order_id}/complete": {"post"},
    "/sandbox/clock": {"post"},
    "/sandbox/sync/expire-cursors": {"post"},
}


def test_schema_is_served_under_the_base_path_and_lists_every_path(client):
    r = client.get(f"{API}/openapi.json")
    assert r.status_code == 200
    schema = r.json()
    assert schema["openapi"].startswith("3.")
    paths = {p.removeprefix(API): set(ops) for p, ops in schema["paths"].items()}
    for path, methods in EXPECTED.items():
        assert methods <= paths.get(path, set()), path
    assert all(p.startswith(API) for p in schema["paths"])


def test_every_error_response_is_documented_as_the_envelope(client):
    schema = client.get(f"{API}/openapi.json").json()
    assert "HTTPValidationError" not in json.dumps(schema)  # FastAPI's default 422 body is never sent
    for path, ops in schema["paths"].items():
        for method, op in ops.items():
            for status, response in op["responses"].items():
                if status.startswith(("4", "5")):
                    ref = response["content"]["application/json"]["schema"]["$ref"]
                    assert ref.endswith("/ErrorEnvelope"), (path, method, status)


def test_authenticated_operations_declare_their_security_and_401(client):
    schema = client.get(f"{API}/openapi.json").json()
    open_paths = {f"{API}/health", f"{API}/auth/login", f"{API}/auth/refresh"}
    for path, ops in schema["paths"].items():
        for op in ops.values():
            if path in open_paths:
                assert "security" not in op, path
            else:
                assert op["security"] and "401" in op["responses"], path


def test_sync_change_data_documents_each_entity(client):
    schemas = client.get(f"{API}/openapi.json").json()["components"]["schemas"]
    assert {"number", "state", "amount_fen", "buyer_contact", "virtual_number", "paid_at"} <= set(
        schemas["OrderData"]["properties"]
    )
    assert {"name", "market", "delivery", "state", "billing", "delivery_config", "agreement", "review_due"} <= set(
        schemas["ListingData"]["properties"]
    )
    assert {"kind", "title", "body", "read", "created_at"} <= set(schemas["MessageData"]["properties"])
