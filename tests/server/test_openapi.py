"""The served OpenAPI schema loads, lists the API's paths and documents the error envelope
truthfully (API.md: "keep the schema truthful: it is fuzzed")."""

from __future__ import annotations

import json
import re

from vendor_desktop.domain.money import MAX_AMOUNT_FEN

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
    "/orders/{order_id}/price-change": {"post"},
    "/discounts": {"post"},
    "/discounts/{discount_id}": {"delete"},
    "/messages/{message_id}/read": {"post"},
    "/messages/read-all": {"post"},
    "/listings": {"post"},
    "/listings/{listing_id}": {"patch"},
    "/listings/{listing_id}/submit": {"post"},
    "/listings/{listing_id}/delist": {"post"},
    "/sandbox/listings/{listing_id}/review": {"post"},
    "/invoices/{invoice_id}/issue": {"post"},
    "/invoices/{invoice_id}/shipment": {"post"},
    "/invoices/{invoice_id}/shipment-correction": {"post"},
    "/sandbox/invoices": {"post"},
    "/sandbox/invoices/{invoice_id}": {"get"},
    "/sandbox/invoices/{invoice_id}/revoke": {"post"},
    "/deposit/payments": {"post"},
    "/withdrawals": {"post"},
    "/vendor/profile": {"put"},
    "/vendor/bank-account": {"put"},
    "/sandbox/agreements/{kind}/sign": {"post"},
    "/sandbox/balance/top-up": {"post"},
    "/sandbox/withdrawals/{withdrawal_id}/settle": {"post"},
    "/orders/{order_id}/deliver": {"post"},
    "/refunds/{refund_id}/decision": {"post"},
    "/vendor/exit": {"post"},
    "/sandbox/refunds": {"post"},
    "/sandbox/deposit/receipt-returned": {"post"},
    "/tickets": {"post"},
    "/tickets/{ticket_id}/messages": {"post"},
    "/tickets/{ticket_id}/attachments": {"post"},
    "/tickets/{ticket_id}/attachments/{attachment_id}": {"get"},
    "/tickets/{ticket_id}/urge": {"post"},
    "/tickets/{ticket_id}/cancel": {"post"},
    "/sandbox/tickets/{ticket_id}/reply": {"post"},
    "/sandbox/tickets/{ticket_id}/close": {"post"},
    "/auth/password": {"post"},
    "/sub-accounts": {"post"},
    "/sub-accounts/{user_id}": {"patch", "delete"},
    "/sub-accounts/{user_id}/reset-password": {"post"},
}

COMMANDS = {
    ("/orders/{order_id}/price-change", "post"),
    ("/discounts", "post"),
    ("/discounts/{discount_id}", "delete"),
    ("/messages/{message_id}/read", "post"),
    ("/messages/read-all", "post"),
    ("/listings", "post"),
    ("/listings/{listing_id}", "patch"),
    ("/listings/{listing_id}/submit", "post"),
    ("/listings/{listing_id}/delist", "post"),
    ("/invoices/{invoice_id}/issue", "post"),
    ("/invoices/{invoice_id}/shipment", "post"),
    ("/invoices/{invoice_id}/shipment-correction", "post"),
    ("/deposit/payments", "post"),
    ("/withdrawals", "post"),
    ("/vendor/profile", "put"),
    ("/vendor/bank-account", "put"),
    ("/orders/{order_id}/deliver", "post"),
    ("/refunds/{refund_id}/decision", "post"),
    ("/vendor/exit", "post"),
    ("/tickets", "post"),
    ("/tickets/{ticket_id}/messages", "post"),
    ("/tickets/{ticket_id}/attachments", "post"),
    ("/tickets/{ticket_id}/urge", "post"),
    ("/tickets/{ticket_id}/cancel", "post"),
    ("/sub-accounts", "post"),
    ("/sub-accounts/{user_id}", "patch"),
    ("/sub-accounts/{user_id}/reset-password", "post"),
    ("/sub-accounts/{user_id}", "delete"),
}
NEEDS_IF_MATCH = {
    ("/orders/{order_id}/price-change", "post"),
    ("/discounts/{discount_id}", "delete"),
    ("/listings/{listing_id}", "patch"),
    ("/listings/{listing_id}/submit", "post"),
    ("/listings/{listing_id}/delist", "post"),
    ("/invoices/{invoice_id}/issue", "post"),
    ("/invoices/{invoice_id}/shipment", "post"),
    ("/invoices/{invoice_id}/shipment-correction", "post"),
    ("/vendor/profile", "put"),
    ("/vendor/bank-account", "put"),
    ("/orders/{order_id}/deliver", "post"),
    ("/refunds/{refund_id}/decision", "post"),
    ("/tickets/{ticket_id}/messages", "post"),
    ("/tickets/{ticket_id}/attachments", "post"),
    ("/tickets/{ticket_id}/urge", "post"),
    ("/tickets/{ticket_id}/cancel", "post"),
    ("/sub-accounts/{user_id}", "patch"),
    ("/sub-accounts/{user_id}/reset-password", "post"),
    ("/sub-accounts/{user_id}", "delete"),
}
# No entity to find yet: no 404.
CREATES = {"/discounts", "/listings", "/deposit/payments", "/withdrawals", "/tickets", "/sub-accounts"}
# Every message of the caller; the caller's own vendor profile and bank account: no 404 either.
NAMES_NO_ENTITY = {"/messages/read-all", "/vendor/profile", "/vendor/bank-account", "/vendor/exit"}


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


def test_commands_document_their_idempotency_key_and_if_match_headers(client):
    paths = client.get(f"{API}/openapi.json").json()["paths"]
    for path, method in COMMANDS:
        op = paths[f"{API}{path}"][method]
        headers = {p["name"]: p for p in op["parameters"] if p["in"] == "header"}
        assert headers["Idempotency-Key"]["required"] is True, path
        assert "IDEMPOTENCY_KEY_REQUIRED" in headers["Idempotency-Key"]["description"]
        assert ("If-Match" in headers) is ((path, method) in NEEDS_IF_MATCH), path
        assert {"400", "401", "403", "409", "422"} <= set(op["responses"]), path
        assert "404" in op["responses"] or path in CREATES | NAMES_NO_ENTITY, path
        assert "IDEMPOTENCY_KEY_REUSED" in op["responses"]["422"]["description"]
    for path, method in NEEDS_IF_MATCH:
        assert {"412", "428"} <= set(paths[f"{API}{path}"][method]["responses"])
    # Sign-in and the operator's controls take no Idempotency-Key.
    for path in [
        "/auth/login",
        "/auth/refresh",
        "/auth/logout",
        "/sandbox/orders",
        "/sandbox/seed",
        "/sandbox/listings/{listing_id}/review",
        "/sandbox/invoices",
        "/sandbox/invoices/{invoice_id}/revoke",
        "/sandbox/agreements/{kind}/sign",
        "/sandbox/balance/top-up",
        "/sandbox/withdrawals/{withdrawal_id}/settle",
        "/sandbox/tickets/{ticket_id}/reply",
        "/sandbox/tickets/{ticket_id}/close",
    ]:
        params = paths[f"{API}{path}"]["post"].get("parameters", [])
        assert all(p["name"] != "Idempotency-Key" for p in params), path


def test_new_entity_fields_are_documented(client):
    schemas = client.get(f"{API}/openapi.json").json()["components"]["schemas"]
    assert {"list_price_fen", "discount_id", "discount_percent", "price_changed_at", "price_change_reason"} <= set(
        schemas["OrderData"]["properties"]
    )
    assert {"listing_id", "buyer_account_id", "buyer_name", "percent", "valid_from", "valid_until", "state"} <= set(
        schemas["DiscountData"]["properties"]
    )
    assert schemas["PriceChangeRequest"]["properties"]["reason"]["maxLength"] == 200


def test_listing_fields_commands_and_their_errors_are_documented(client):
    schema = client.get(f"{API}/openapi.json").json()
    schemas, paths = schema["components"]["schemas"], schema["paths"]
    assert {
        "description",
        "submitted_at",
        "review_due_approximate",
        "security_review",
        "approved_at",
        "revision",
    } <= set(schemas["ListingData"]["properties"])
    assert {"state", "review_due", "reject_reason", "billing", "delivery_config"} <= set(
        schemas["ListingRevisionData"]["properties"]
    )
    assert "listing_id" in schemas["MessageData"]["properties"]
    draft = schemas["ListingDraftRequest"]
    assert set(draft["required"]) == {"market", "name", "summary", "billing", "delivery_config"}
    assert draft["properties"]["name"]["maxLength"] == 60 and draft["properties"]["billing"]["minProperties"] == 1
    assert "saas" in draft["properties"]["market"]["enum"]
    submit = paths[f"{API}/listings/{{listing_id}}/submit"]["post"]["responses"]
    assert "AGREEMENT_MISSING" in submit["422"]["description"] and "LISTING_STATE" in submit["409"]["description"]
    assert "LISTING_STATE" in paths[f"{API}/listings/{{listing_id}}"]["patch"]["responses"]["409"]["description"]
    assert paths[f"{API}/listings"]["post"]["responses"].keys() >= {"201", "403", "422"}
    review = paths[f"{API}/sandbox/listings/{{listing_id}}/review"]["post"]["responses"]
    assert "LISTING_STATE" in review["409"]["description"] and "reason" in review["422"]["description"]


def test_invoice_commands_document_their_bounds_and_errors(client):
    """API.md: invoice number 8–20 digits, code 10 or 12, tracking number 6–40 letters, digits or
    hyphens, carrier 1–20 characters, postage vendor_paid|cod, reason 1–200; INVOICE_STATE and
    COD_NOT_ALLOWED (R-INV-5) named where they are sent."""
    schema = client.get(f"{API}/openapi.json").json()
    schemas, paths = schema["components"]["schemas"], schema["paths"]
    issue, ship = schemas["IssueRequest"]["properties"], schemas["ShipmentRequest"]["properties"]
    correction = schemas["ShipmentCorrectionRequest"]["properties"]
    assert issue["invoice_number"]["pattern"] == "^[0-9]{8,20}$"
    assert issue["invoice_code"]["pattern"] == "^([0-9]{10}|[0-9]{12})$"  # beside anyOf: a null passes
    assert ship["tracking_number"]["pattern"] == correction["tracking_number"]["pattern"] == "^[A-Za-z0-9-]{6,40}$"
    assert (ship["carrier"]["minLength"], ship["carrier"]["maxLength"]) == (1, 20)
    assert (correction["reason"]["minLength"], correction["reason"]["maxLength"]) == (1, 200)
    assert set(schemas["Postage"]["enum"]) == {"vendor_paid", "cod"}
    assert set(schemas["ShipmentCorrectionRequest"]["required"]) == {"carrier", "tracking_number", "reason"}
    for action in ("issue", "shipment", "shipment-correction"):
        responses = paths[f"{API}/invoices/{{invoice_id}}/{action}"]["post"]["responses"]
        assert "INVOICE_STATE" in responses["409"]["description"], action
    shipment = paths[f"{API}/invoices/{{invoice_id}}/shipment"]["post"]["responses"]
    assert "COD_NOT_ALLOWED" in shipment["422"]["description"]
    control = paths[f"{API}/sandbox/invoices"]["post"]["responses"]
    assert "INVOICE_EXISTS" in control["409"]["description"] and "ORDER_STATE" in control["409"]["description"]
    assert "invoice_id" in schemas["MessageData"]["properties"]


def test_money_and_account_commands_document_their_bounds_and_errors(client):
    """SPEC §7–§9: amounts are strict integers above 0 up to the maximum; every refusal of the
    deposit payment, the withdrawal and the account PUTs is named where it is sent."""
    schema = client.get(f"{API}/openapi.json").json()
    schemas, paths = schema["components"]["schemas"], schema["paths"]
    for body in ("DepositPaymentRequest", "WithdrawalRequest", "TopUpRequest"):
        amount = schemas[body]["properties"]["amount_fen"]
        assert (amount["type"], amount["exclusiveMinimum"], amount["maximum"]) == ("integer", 0, MAX_AMOUNT_FEN), body
    payment = paths[f"{API}/deposit/payments"]["post"]["responses"]
    assert {"DEPOSIT_ABOVE_MAXIMUM", "INSUFFICIENT_BALANCE"} <= _codes(payment["422"]["description"])
    withdrawal = paths[f"{API}/withdrawals"]["post"]["responses"]
    assert {
        "BANK_ACCOUNT_MISSING",
        "AGREEMENT_NOT_SIGNED",
        "DEPOSIT_NOT_COVERED",
        "AMOUNT_EXCEEDS_WITHDRAWABLE",
    } <= _codes(withdrawal["422"]["description"])
    assert "201" in payment and "201" in withdrawal
    bank = paths[f"{API}/vendor/bank-account"]["put"]["responses"]
    assert "BANK_ACCOUNT_LOCKED" in bank["409"]["description"]
    assert schemas["BankAccountRequest"]["properties"]["account_number"]["maxLength"] == 30
    assert schemas["ProfileRequest"]["properties"]["cs_email"]["maxLength"] == 254
    settle = paths[f"{API}/sandbox/withdrawals/{{withdrawal_id}}/settle"]["post"]["responses"]
    assert "WITHDRAWAL_STATE" in settle["409"]["description"]
    for entity in ("DepositData", "EarningData", "WithdrawalData", "LedgerEntryData", "BankAccountData"):
        assert entity in schemas


def _codes(text: str) -> set[str]:
    return set(re.findall(r"\b[A-Z][A-Z_]{3,}\b", text))


def test_ticket_commands_document_their_bounds_errors_and_the_upload(client):
    """R-TKT-1: the bounds of a ticket's texts, its errors by code, the multipart upload and the
    download's file types, as the app and the fuzzers read them."""
    schema = client.get(f"{API}/openapi.json").json()
    paths, schemas = schema["paths"], schema["components"]["schemas"]
    opened = schemas["OpenTicketRequest"]["properties"]
    assert (opened["subject"]["minLength"], opened["subject"]["maxLength"]) == (1, 100)
    assert (opened["description"]["minLength"], opened["description"]["maxLength"]) == (1, 5000)
    assert schemas["ReplyRequest"]["properties"]["body"]["maxLength"] == 5000
    assert {"type", "subject", "state", "messages", "attachments", "next_urge_at"} <= set(
        schemas["TicketData"]["properties"]
    )
    upload = paths[f"{API}/tickets/{{ticket_id}}/attachments"]["post"]
    part = upload["requestBody"]["content"]["multipart/form-data"]["schema"]
    assert part["required"] == ["file"] and part["properties"]["file"]["format"] == "binary"
    responses = upload["responses"]
    assert "ATTACHMENT_TOO_LARGE" in responses["413"]["description"]
    assert "ATTACHMENT_TYPE" in responses["415"]["description"]
    assert "ATTACHMENT_LIMIT" in responses["409"]["description"]
    urge = paths[f"{API}/tickets/{{ticket_id}}/urge"]["post"]["responses"]
    assert "URGE_TOO_SOON" in urge["409"]["description"] and "next_allowed_at" in urge["409"]["description"]
    for path in ("messages", "cancel"):
        assert "TICKET_STATE" in paths[f"{API}/tickets/{{ticket_id}}/{path}"]["post"]["responses"]["409"]["description"]
    download = paths[f"{API}/tickets/{{ticket_id}}/attachments/{{attachment_id}}"]["get"]["responses"]["200"]
    assert set(download["content"]) == {"image/png", "image/jpeg", "application/pdf"}
