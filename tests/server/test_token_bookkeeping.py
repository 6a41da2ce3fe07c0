"""The token table stays bounded when clients only ever refresh (a desktop resumes from the
keychain, and may never sign in with a password again)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import inspect, select, text

from vendor_desktop.sandbox.core.database import Database, Token

from .conftest import API, login


def _refresh(client: Any, tokens: dict[str, Any]) -> dict[str, Any]:
    r = client.post(f"{API}/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert r.status_code == 200, r.text
    return r.json()


def _sessions(client: Any) -> set[str]:
    with client.app.state.db.session() as s:
        return set(s.execute(select(Token.session_id)).scalars())


def test_refreshing_alone_prunes_tokens_long_past_expiry(client, vendor, clock):
    before = _sessions(client)
    old = login(client, vendor)
    for _ in range(3):
        old = _refresh(client, old)
    (old_session,) = _sessions(client) - before
    clock.advance(dt.timedelta(days=29))
    current = login(client, vendor)  # another device; the first one is abandoned
    clock.advance(dt.timedelta(days=2, hours=12))  # the first session's tokens expired > 1 day ago
    _refresh(client, current)
    assert old_session not in _sessions(client)
    with client.app.state.db.session() as s:
        assert s.execute(select(Token).where(Token.expires_at < clock.now().timestamp() - 86400)).first() is None


def test_an_older_database_file_gains_the_token_expiry_index(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    db = Database(url)
    with db.engine.begin() as conn:  # what an older sandbox's file looks like
        conn.execute(text("DROP TABLE alembic_version"))  # made before migrations
        conn.execute(text("DROP INDEX IF EXISTS ix_tokens_expires_at"))
    db.dispose()

    db = Database(url)
    assert "ix_tokens_expires_at" in {ix["name"] for ix in inspect(db.engine).get_indexes("tokens")}
    db.dispose()
