"""Tickets' attachments (附件, R-TKT-1; API.md): PNG, JPEG or PDF by their bytes, at most 5 MB each
and 5 per ticket, stored by the sandbox and downloaded as they were sent; uploads are idempotent
like every command, and no malformed upload is a 500."""

from __future__ import annotations

import uuid
from typing import Any
from urllib.parse import unquote

import pytest

from vendor_desktop.domain.tickets import MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS

from .conftest import API, assert_error, bearer, entity_now, login

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
JPEG = b"\xff\xd8\xff\xe0" + b"\x00\x10JFIF" + bytes(500)
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n%%EOF\n"


@pytest.fixture
def owner(client, vendor) -> dict[str, str]:
    return bearer(login(client, vendor))


@pytest.fixture
def ticket(client, owner) -> dict[str, Any]:
    body = {"type": "account", "subject": "银行账户变更", "description": "附开户许可证"}
    r = client.post(f"{API}/tickets", json=body, headers={**owner, "Idempotency-Key": str(uuid.uuid4())})
    assert r.status_code == 201, r.text
    return r.json()


def upload(client, headers, ticket_id, files: Any, *, if_match: int | None = 1, key: str | None = None, **kw: Any):
    sent = {**headers, "Idempotency-Key": key or str(uuid.uuid4())}
    if if_match is not None:
        sent["If-Match"] = str(if_match)
    return client.post(f"{API}/tickets/{ticket_id}/attachments", files=files, headers=sent, **kw)


def attach(client, headers, ticket, name: str, content: bytes, version: int = 1) -> dict[str, Any]:
    r = upload(client, headers, ticket["id"], {"file": (name, content, "application/octet-stream")}, if_match=version)
    assert r.status_code == 200, r.text
    return r.json()


def download(client, headers, ticket_id, attachment_id):
    return client.get(f"{API}/tickets/{ticket_id}/attachments/{attachment_id}", headers=headers)


def test_an_attachment_is_stored_and_downloads_as_sent(client, owner, ticket):
    answer = attach(client, owner, ticket, "开户许可证.png", PNG)
    assert answer["version"] == 2
    [described] = answer["data"]["attachments"]
    assert described["name"] == "开户许可证.png" and described["media_type"] == "image/png"
    assert (
        described["size"] == len(PNG)
        and described["uploaded_by"] == login(client, _vendor(client))["user"]["display_name"]
    )
    assert answer["data"]["updated_at"] == described["at"]
    r = download(client, owner, ticket["id"], described["id"])
    assert r.status_code == 200 and r.content == PNG
    assert r.headers["content-type"] == "image/png"
    disposition = r.headers["content-disposition"]
    assert disposition.startswith("attachment; filename*=UTF-8''")
    assert unquote(disposition.split("''", 1)[1]) == "开户许可证.png"
    # What syncs describes the file; the bytes stay on the server.
    synced = entity_now(client, owner, "ticket", ticket["id"])
    assert synced["data"]["attachments"] == [described]


def _vendor(client) -> dict[str, Any]:
    return client.app.state.test_vendor


@pytest.fixture(autouse=True)
def _remember_vendor(client, vendor):
    client.app.state.test_vendor = vendor


@pytest.mark.parametrize(
    ("content", "media_type"), [(PNG, "image/png"), (JPEG, "image/jpeg"), (PDF, "application/pdf")]
)
def test_png_jpeg_and_pdf_are_taken_by_their_bytes(client, owner, ticket, content, media_type):
    # Named as something else: the bytes decide, and the stored name says what it really is.
    answer = attach(client, owner, ticket, "scan.pdf" if media_type != "application/pdf" else "scan.png", content)
    described = answer["data"]["attachments"][0]
    assert described["media_type"] == media_type
    assert (
        described["name"]
        == {"image/png": "scan.png", "image/jpeg": "scan.jpg", "application/pdf": "scan.pdf"}[media_type]
    )
    r = download(client, owner, ticket["id"], described["id"])
    assert r.headers["content-type"] == media_type and r.content == content


@pytest.mark.parametrize(
    "content", [b"just text, named .png", b"GIF89a" + bytes(20), b"", b"\x89PNG", b"PK\x03\x04 a zip"]
)
def test_anything_else_is_415_whatever_its_name(client, owner, ticket, content):
    r = upload(client, owner, ticket["id"], {"file": ("photo.png", content, "image/png")})
    assert_error(r, 415, "ATTACHMENT_TYPE")
    assert entity_now(client, owner, "ticket", ticket["id"])["data"]["attachments"] == []


def test_exactly_5_mib_is_taken_and_one_byte_more_is_413(client, owner, ticket):
    exact = PNG[:8] + bytes(MAX_ATTACHMENT_BYTES - 8)
    answer = attach(client, owner, ticket, "big.png", exact)
    assert answer["data"]["attachments"][0]["size"] == MAX_ATTACHMENT_BYTES
    assert download(client, owner, ticket["id"], answer["data"]["attachments"][0]["id"]).content == exact
    r = upload(client, owner, ticket["id"], {"file": ("bigger.png", exact + b"\x00", "image/png")}, if_match=2)
    err = assert_error(r, 413, "ATTACHMENT_TOO_LARGE")
    assert err["details"]["max_bytes"] == MAX_ATTACHMENT_BYTES
    assert len(entity_now(client, owner, "ticket", ticket["id"])["data"]["attachments"]) == 1


def test_a_huge_upload_is_refused_without_reading_it(client, owner, ticket):
    """Far over the limit (its Content-Length says so): 413 before the body is read, and with no
    Content-Length (streamed) as soon as the limit is passed."""
    huge = PNG[:8] + bytes(3 * MAX_ATTACHMENT_BYTES)
    r = upload(client, owner, ticket["id"], {"file": ("huge.png", huge, "image/png")})
    assert_error(r, 413, "ATTACHMENT_TOO_LARGE")

    def chunks():
        for _ in range(40):
            yield bytes(256 * 1024)

    sent = {
        **owner,
        "Idempotency-Key": str(uuid.uuid4()),
        "If-Match": "1",
        "Content-Type": "multipart/form-data; boundary=xyz",
    }
    r = client.post(f"{API}/tickets/{ticket['id']}/attachments", content=chunks(), headers=sent)
    assert_error(r, 413, "ATTACHMENT_TOO_LARGE")


def test_the_sixth_attachment_is_409(client, owner, ticket):
    for n in range(MAX_ATTACHMENTS):
        attach(client, owner, ticket, f"p{n}.png", PNG, version=1 + n)
    r = upload(client, owner, ticket["id"], {"file": ("p5.png", PNG, "image/png")}, if_match=1 + MAX_ATTACHMENTS)
    err = assert_error(r, 409, "ATTACHMENT_LIMIT")
    assert err["details"]["max"] == MAX_ATTACHMENTS
    assert len(entity_now(client, owner, "ticket", ticket["id"])["data"]["attachments"]) == MAX_ATTACHMENTS


def test_no_attachments_on_a_finished_ticket(client, operator, owner, ticket):
    assert client.post(f"{API}/sandbox/tickets/{ticket['id']}/close", headers=operator).status_code == 200
    r = upload(client, owner, ticket["id"], {"file": ("a.png", PNG, "image/png")}, if_match=2)
    assert assert_error(r, 409, "TICKET_STATE")["details"]["state"] == "closed"


def test_a_replied_ticket_takes_attachments(client, operator, owner, ticket):
    client.post(f"{API}/sandbox/tickets/{ticket['id']}/reply", json={"body": "请上传"}, headers=operator)
    answer = attach(client, owner, ticket, "a.png", PNG, version=2)
    assert answer["data"]["state"] == "replied"  # an attachment alone is not a reply


def test_versions_are_checked(client, owner, ticket):
    r = upload(client, owner, ticket["id"], {"file": ("a.png", PNG, "image/png")}, if_match=None)
    assert_error(r, 428, "PRECONDITION_REQUIRED")
    r = upload(client, owner, ticket["id"], {"file": ("a.png", PNG, "image/png")}, if_match=7)
    assert assert_error(r, 412, "VERSION_CONFLICT")["details"]["current"]["version"] == 1


def test_a_retried_upload_replays_even_with_a_new_boundary(client, owner, ticket):
    """The outbox retries with the same key: the same file is the same request (each multipart
    body gets a fresh random boundary), stored once; other bytes with that key are refused."""
    key = str(uuid.uuid4())
    first = upload(client, owner, ticket["id"], {"file": ("a.png", PNG, "image/png")}, key=key)
    again = upload(client, owner, ticket["id"], {"file": ("a.png", PNG, "image/png")}, key=key)
    assert first.status_code == again.status_code == 200
    assert again.json() == first.json() and again.headers.get("Idempotent-Replayed") == "true"
    other = upload(client, owner, ticket["id"], {"file": ("a.png", PNG + b"x", "image/png")}, key=key)
    assert_error(other, 422, "IDEMPOTENCY_KEY_REUSED")
    assert len(entity_now(client, owner, "ticket", ticket["id"])["data"]["attachments"]) == 1


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("../../etc/passwd.png", "passwd.png"),
        ("C:\\Users\\王\\桌面\\截图.png", "截图.png"),
        ("x" * 300 + ".png", "x" * 196 + ".png"),
        ("  ", "attachment.png"),
        ("no extension", "no extension.png"),
        ("UPPER.PNG", "UPPER.png"),
    ],
)
def test_file_names_are_cleaned(client, owner, ticket, raw, stored):
    answer = attach(client, owner, ticket, raw, PNG)
    name = answer["data"]["attachments"][0]["name"]
    assert name == stored and len(name) <= 200
    r = download(client, owner, ticket["id"], answer["data"]["attachments"][0]["id"])
    assert unquote(r.headers["content-disposition"].split("''", 1)[1]) == stored


def test_control_characters_in_a_file_name_are_dropped(client, owner, ticket):
    # Sent raw: an HTTP client library would percent-encode them.
    name = "bell\x07and\x1bescape\u202e.png".encode()
    body = (
        b'--abc\r\nContent-Disposition: form-data; name="file"; filename="' + name + b'"\r\n'
        b"Content-Type: image/png\r\n\r\n" + PNG + b"\r\n--abc--\r\n"
    )
    headers = {
        **owner,
        "Idempotency-Key": str(uuid.uuid4()),
        "If-Match": "1",
        "Content-Type": "multipart/form-data; boundary=abc",
    }
    r = client.post(f"{API}/tickets/{ticket['id']}/attachments", content=body, headers=headers)
    assert r.status_code == 200, r.text
    assert r.json()["data"]["attachments"][0]["name"] == "bellandescape.png"


def test_downloads_of_unknown_or_foreign_attachments_are_404(client, seed, owner, ticket):
    mine = attach(client, owner, ticket, "a.png", PNG)["data"]["attachments"][0]
    other_body = {"type": "other", "subject": "另一个", "description": "x"}
    other = client.post(f"{API}/tickets", json=other_body, headers={**owner, "Idempotency-Key": str(uuid.uuid4())})
    # An attachment of one ticket is not reachable through another.
    assert_error(download(client, owner, other.json()["id"], mine["id"]), 404, "NOT_FOUND")
    assert_error(download(client, owner, ticket["id"], "no-such"), 404, "NOT_FOUND")
    stranger = bearer(login(client, seed(seed=3)))
    assert_error(download(client, stranger, ticket["id"], mine["id"]), 404, "NOT_FOUND")
    assert_error(client.get(f"{API}/tickets/{ticket['id']}/attachments/{mine['id']}"), 401, "NOT_AUTHENTICATED")


@pytest.mark.parametrize("role", ["operations", "finance", "support"])
def test_every_role_that_reads_tickets_downloads(client, vendor, owner, ticket, role):
    mine = attach(client, owner, ticket, "a.png", PNG)["data"]["attachments"][0]
    r = download(client, bearer(login(client, vendor, role)), ticket["id"], mine["id"])
    assert r.status_code == 200 and r.content == PNG


# --- malformed uploads: 4xx, never 500 -------------------------------------------------------


def test_an_upload_without_its_file_part_is_422(client, owner, ticket):
    r = upload(client, owner, ticket["id"], None, data={"note": "no file"})
    assert "file" in assert_error(r, 422, "VALIDATION_FAILED")["details"]["fields"]
    r = upload(client, owner, ticket["id"], {"other": ("a.png", PNG, "image/png")})
    assert "file" in assert_error(r, 422, "VALIDATION_FAILED")["details"]["fields"]


def test_two_file_parts_are_422(client, owner, ticket):
    files = [("file", ("a.png", PNG, "image/png")), ("file", ("b.png", PNG, "image/png"))]
    r = upload(client, owner, ticket["id"], files)
    assert "file" in assert_error(r, 422, "VALIDATION_FAILED")["details"]["fields"]


def test_a_file_field_without_a_filename_is_422(client, owner, ticket):
    r = upload(client, owner, ticket["id"], None, data={"file": "not a file"})
    assert "file" in assert_error(r, 422, "VALIDATION_FAILED")["details"]["fields"]


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("application/json", b'{"file": "x"}'),
        ("application/json", b"{"),
        ("text/plain", PNG),
        (None, b""),
        ("multipart/form-data", b"--x\r\n"),  # no boundary
        ("multipart/form-data; boundary=abc", b"garbage without parts"),
        ("multipart/form-data; boundary=abc", b'--abc\r\nContent-Disposition: form-data; name="file"; filename="a'),
    ],
)
def test_bodies_that_are_not_a_multipart_upload_are_4xx(client, owner, ticket, content_type, body):
    headers = {**owner, "Idempotency-Key": str(uuid.uuid4()), "If-Match": "1"}
    if content_type:
        headers["Content-Type"] = content_type
    r = client.post(f"{API}/tickets/{ticket['id']}/attachments", content=body, headers=headers)
    assert 400 <= r.status_code < 500, r.text
    assert set(r.json()["error"]) == {"code", "message", "message_zh", "details"}
    assert entity_now(client, owner, "ticket", ticket["id"])["data"]["attachments"] == []
