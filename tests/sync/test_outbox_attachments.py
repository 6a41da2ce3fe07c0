"""A ticket's attachment (R-TKT-1) through the outbox: sent as multipart/form-data from the copy
kept beside the cache, with the same Idempotency-Key on every try; the copy goes once applied,
stays while refused (the user may send it again), and what nothing names any more is tidied.

The HTTP here is real (a loopback server that records what arrives, so the multipart body, the
key and If-Match can be read as the marketplace reads them); the marketplace's own answers to
attachments are in tests/gui/test_story_ticket.py."""

from __future__ import annotations

import datetime as dt
import email.policy
import json
import os
import threading
from collections.abc import Iterator
from email.parser import BytesParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from vendor_desktop.cache.core import outbox, outbox_files
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.cache.core.outbox import CommandState
from vendor_desktop.cache.core.outbox_results import mark_applied
from vendor_desktop.sync.client import MarketplaceClient
from vendor_desktop.sync.outbox_sender import OutboxSender

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
USER = {"id": "u1", "username": "owner", "display_name": "Owner", "role": "owner", "permissions": [], "account_id": "a"}


class _Marketplace(BaseHTTPRequestHandler):
    """Signs in anyone, records every command with its parsed body, answers from ``replies``."""

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length)
        if self.path.endswith("/auth/login"):
            self._send(200, {"access_token": "t", "refresh_token": "r", "expires_in": 900, "user": USER})
            return
        form: dict[str, Any] = {}
        if self.headers.get_content_type() == "multipart/form-data":
            head = f"Content-Type: {self.headers['Content-Type']}\r\n\r\n".encode()
            message = BytesParser(policy=email.policy.default).parsebytes(head + raw)
            form = {
                part.get_param("name", header="content-disposition"): (
                    part.get_filename(), part.get_content_type(), part.get_payload(decode=True))
                for part in message.iter_parts()
            }  # fmt: skip
        self.server.seen.append({  # type: ignore[attr-defined]
            "path": self.path, "key": self.headers.get("Idempotency-Key"), "if_match": self.headers.get("If-Match"),
            "type": self.headers.get_content_type(), "form": form,
        })  # fmt: skip
        status, body = self.server.replies.pop(0)  # type: ignore[attr-defined]
        self._send(status, body)

    def _send(self, status: int, body: Any) -> None:
        payload = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def market() -> Iterator[ThreadingHTTPServer]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Marketplace)
    server.seen, server.replies = [], []  # type: ignore[attr-defined]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[CacheDatabase]:
    db = CacheDatabase.open(tmp_path / "cache.sqlite3")
    yield db
    db.close()


def sender(market: ThreadingHTTPServer, cache: CacheDatabase) -> OutboxSender:
    client = MarketplaceClient(f"http://127.0.0.1:{market.server_address[1]}", timeout=5)
    client.login("a", "owner", "pw")
    return OutboxSender(client, cache)


def ticket(version: int, attachments: int = 1) -> dict[str, Any]:
    files = [
        {"id": f"f{i}", "name": "截图.png", "media_type": "image/png", "size": len(PNG)} for i in range(attachments)
    ]
    return {"entity": "ticket", "id": "t1", "version": version, "data": {
        "type": "other", "subject": "Deposit receipt", "state": "open", "listing_id": None, "order_id": None,
        "order_number": None, "messages": [], "attachments": files, "created_at": "2026-11-29T10:00:00+00:00",
        "created_by": "Owner", "updated_at": "2026-11-29T10:00:00+00:00", "last_urged_at": None,
        "next_urge_at": None, "closed_at": None}}  # fmt: skip


def queue_attach(cache: CacheDatabase, tmp_path: Path, ticket_id: str = "t1", version: int | None = 3) -> Any:
    original = tmp_path / "截图.png"
    original.write_bytes(PNG)
    kept = outbox_files.store(outbox_files.folder_for(cache.path), original)
    original.unlink()  # the user tidied their desktop: the copy is what is sent
    with cache.session(write=True) as s, s.begin():
        return outbox.enqueue(
            s, kind="ticket.attach", entity="ticket", entity_id=ticket_id, base_version=version, method="POST",
            path=f"/tickets/{ticket_id}/attachments", payload={outbox_files.UPLOAD_KEY: kept.to_payload()},
            summary={"subject": "Deposit receipt", "name": kept.name, "size": kept.size}, created_by="owner",
        ), kept  # fmt: skip


def state_of(cache: CacheDatabase, command_id: int) -> Any:
    with cache.session() as s:
        return outbox.get_command(s, command_id)


def test_an_attachment_is_sent_as_multipart_with_one_key_on_every_try_and_the_copy_goes_once_applied(
    market: ThreadingHTTPServer, cache: CacheDatabase, tmp_path: Path
) -> None:
    command, kept = queue_attach(cache, tmp_path)
    folder = outbox_files.folder_for(cache.path)
    market.replies = [(503, {"error": {"code": "UNAVAILABLE", "message": "busy"}}), (200, ticket(4))]  # type: ignore[attr-defined]
    send = sender(market, cache)
    send.push()
    assert state_of(cache, command.id).state == CommandState.PENDING  # transient: tried again later
    assert (folder / kept.stored).exists()
    send.clock = lambda: dt.datetime.now(dt.UTC) + dt.timedelta(hours=1)  # when it is due again
    result = send.push()
    assert result.applied == 1 and state_of(cache, command.id).state == CommandState.APPLIED
    first, second = market.seen  # type: ignore[attr-defined]
    for request in (first, second):
        assert request["path"] == "/api/v1/tickets/t1/attachments" and request["type"] == "multipart/form-data"
        assert request["form"] == {"file": ("截图.png", "image/png", PNG)}
        assert request["if_match"] == "3"
    assert first["key"] == second["key"] == command.idempotency_key  # a resend the server recognises
    assert not (folder / kept.stored).exists()  # the marketplace has it now


@pytest.mark.parametrize(("status", "code"), [(413, "ATTACHMENT_TOO_LARGE"), (415, "ATTACHMENT_TYPE"),
                                              (409, "ATTACHMENT_LIMIT")])  # fmt: skip
def test_a_refused_attachment_keeps_its_copy_and_says_why(
    market: ThreadingHTTPServer, cache: CacheDatabase, tmp_path: Path, status: int, code: str
) -> None:
    command, kept = queue_attach(cache, tmp_path)
    market.replies = [(status, {"error": {"code": code, "message": "No.", "message_zh": "不行。"}})]  # type: ignore[attr-defined]
    sender(market, cache).push()
    refused = state_of(cache, command.id)
    assert (refused.state, refused.error_code, refused.error_message_zh) == (CommandState.REJECTED, code, "不行。")
    assert outbox_files.read(outbox_files.folder_for(cache.path), kept.stored) == PNG  # to send again


def test_a_lost_copy_is_refused_here_with_what_to_do_and_never_sent(
    market: ThreadingHTTPServer, cache: CacheDatabase, tmp_path: Path
) -> None:
    command, kept = queue_attach(cache, tmp_path)
    (outbox_files.folder_for(cache.path) / kept.stored).unlink()
    sender(market, cache).push()
    refused = state_of(cache, command.id)
    assert refused.state == CommandState.REJECTED and refused.error_code == "ATTACHMENT_MISSING"
    assert "attach the file again" in refused.error_message and "重新上传附件" in refused.error_message_zh
    assert market.seen == []  # type: ignore[attr-defined]


def test_copies_no_open_change_names_are_tidied_at_start_and_the_others_kept(
    market: ThreadingHTTPServer, cache: CacheDatabase, tmp_path: Path
) -> None:
    _command, kept = queue_attach(cache, tmp_path)
    folder = outbox_files.folder_for(cache.path)
    orphan, fresh = folder / "0123abcd", folder / "fedc3210"
    orphan.write_bytes(PNG)
    fresh.write_bytes(PNG)  # a change being queued right now: its command is not committed yet
    hour_ago = (dt.datetime.now(dt.UTC) - dt.timedelta(hours=2)).timestamp()
    os.utime(orphan, (hour_ago, hour_ago))
    os.utime(folder / kept.stored, (hour_ago, hour_ago))
    sender(market, cache)  # the app starts
    assert sorted(p.name for p in folder.iterdir()) == sorted([kept.stored, fresh.name])


def test_changes_queued_on_a_ticket_not_yet_created_follow_it_with_its_version(cache: CacheDatabase) -> None:
    """R-TKT-1: a reply, an attachment or an urge queued before the marketplace named the ticket
    is sent to the ticket it made, on the version it made (If-Match), POSTs included."""
    local = "local-1234"
    with cache.session(write=True) as s, s.begin():
        opened = outbox.enqueue(
            s, kind="ticket.open", entity="ticket", entity_id=local, base_version=None, method="POST",
            path="/tickets", payload={"type": "other", "subject": "x", "description": "y"}, summary={},
            created_by="owner",
        )  # fmt: skip
        later = [
            outbox.enqueue(
                s,
                kind=kind,
                entity="ticket",
                entity_id=local,
                base_version=None,
                method="POST",
                path=f"/tickets/{local}/{tail}",
                payload=None,
                summary={},
                created_by="owner",
            )
            for kind, tail in (("ticket.attach", "attachments"), ("ticket.urge", "urge"))
        ]
    with cache.session(write=True) as s, s.begin():
        mark_applied(s, opened.id, ticket(1, attachments=0), dt.datetime.now(dt.UTC))
    assert state_of(cache, opened.id).entity_id == "t1"  # the create names what it made
    moved = [state_of(cache, c.id) for c in later]
    assert [(c.entity_id, c.path, c.base_version) for c in moved] == [
        ("t1", "/tickets/t1/attachments", 1), ("t1", "/tickets/t1/urge", 1)]  # fmt: skip
