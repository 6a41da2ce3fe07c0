"""Make ``sandbox_96f579b.json``: the schema and data of a sandbox database of commit 96f579b.

That commit is the release before the sandbox had Alembic migrations; its users' database files
(and team servers' PostgreSQL databases) must upgrade in place (tests/server/test_migrations.py).
The tests must not need git history (CI clones shallow), so the old schema and a demo vendor's
rows are checked in, made once with the old code:

    git worktree add /tmp/old-96f579b 96f579b
    PYTHONPATH=/tmp/old-96f579b .venv/bin/python tests/server/data/make_sandbox_96f579b.py

It drives the old server through its API, as a user would: a demo vendor is seeded, the owner
and finance sign in (tokens), a sign-in fails (lockout bookkeeping), the owner changes a price and
grants a discount (idempotency records), and reads an order message (read then meant read for
everyone; the seeded listing messages are read already). The DDL is compiled from the old models
for SQLite and PostgreSQL; rows are dumped table by table in foreign-key order.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import warnings
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.schema import CreateIndex, CreateTable

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

# The modules of 96f579b, not of this tree (ruff cannot sort what it cannot find).
from vendor_desktop.domain.workdays import SHANGHAI  # noqa: I001
from vendor_desktop.sandbox import db as old_db
from vendor_desktop.sandbox.clock import SettableClock
from vendor_desktop.sandbox.server import create_app

OUT = Path(__file__).with_name("sandbox_96f579b.json")
START = dt.datetime(2026, 11, 26, 10, 0, tzinfo=SHANGHAI)  # tests/server/conftest.py's START
API = "/api/v1"
OPERATOR = {"Authorization": "Bearer make-fixture"}


def main() -> None:
    source = Path(old_db.__file__).resolve().parents[2]
    commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=source, capture_output=True, text=True).stdout.strip()
    if not commit.startswith("96f579b"):
        sys.exit(f"run this against the code of 96f579b (PYTHONPATH), not {source} at {commit or '?'}")
    clock = SettableClock()
    clock.set(START)
    app = create_app("sqlite://", clock=clock, operator_token="make-fixture")
    with TestClient(app) as client:
        vendor = _ok(client.post(f"{API}/sandbox/seed", json={"orders": 6, "listings": 6, "seed": 7}, headers=OPERATOR))
        passwords = {u["role"]: u["password"] for u in vendor["users"]}
        account = vendor["account_id"]
        owner = _login(client, account, "owner", passwords["owner"])
        _login(client, account, "finance", passwords["finance"])
        wrong = {"account_id": account, "username": "support", "password": "not-the-password"}
        assert client.post(f"{API}/auth/login", json=wrong).status_code == 401
        done = _commands(client, app, account, owner)
    rows = _dump(app)
    fixture = {
        "about": [*(__doc__ or "").strip().splitlines(), f"Made from commit {commit}."],
        "clock": START.isoformat(),
        "account_id": account,
        "passwords": passwords,
        "owner_refresh_token": owner["refresh_token"],
        "commands": done,
        "ddl": {"sqlite": _ddl(sqlite.dialect()), "postgresql": _ddl(postgresql.dialect())},
        "rows": rows,
    }
    OUT.write_text(_render(fixture), encoding="utf-8")
    print(f"{OUT}: {OUT.stat().st_size} bytes, " + ", ".join(f"{t} {len(r['values'])}" for t, r in rows.items()))


def _commands(client: TestClient, app: Any, account: str, owner: dict[str, Any]) -> dict[str, Any]:
    """Commands whose idempotency records (and effects) the upgrade must keep; returns how to retry them."""
    headers = {"Authorization": f"Bearer {owner['access_token']}"}
    with app.state.db.session() as s:
        unpaid = (
            s.execute(select(old_db.Order).where(old_db.Order.account_id == account, old_db.Order.state == "unpaid"))
            .scalars()
            .first()
        )
        listing = (
            s.execute(
                select(old_db.Listing).where(old_db.Listing.account_id == account, old_db.Listing.state == "on_sale")
            )
            .scalars()
            .first()
        )
        messages = s.execute(select(old_db.Message).where(old_db.Message.account_id == account)).scalars().all()
    assert unpaid is not None and listing is not None
    about_order = next(m for m in messages if m.order_id and not m.read)
    price = {"new_price_fen": unpaid.amount_fen - 100, "reason": "老客户优惠"}
    discount = {
        "listing_id": listing.id,
        "buyer_account_id": "5550001234567890",
        "percent": 80,
        "valid_from": "2026-12-01T00:00:00+08:00",
        "valid_until": "2027-01-01T00:00:00+08:00",
    }
    sent = {
        "price_change": ("POST", f"/orders/{unpaid.id}/price-change", price, "key-price-1", unpaid.version),
        "discount": ("POST", "/discounts", discount, "key-discount-1", None),
        "read_order_message": ("POST", f"/messages/{about_order.id}/read", None, "key-read-1", None),
    }
    done = {}
    for name, (method, path, body, key, version) in sent.items():
        extra = {"Idempotency-Key": key, **({"If-Match": str(version)} if version is not None else {})}
        answer = client.request(method, f"{API}{path}", json=body, headers={**headers, **extra})
        assert answer.status_code in (200, 201), answer.text
        done[name] = {"method": method, "path": path, "body": body, "headers": extra, "status": answer.status_code}
    return done


def _login(client: TestClient, account: str, role: str, password: str) -> dict[str, Any]:
    return _ok(client.post(f"{API}/auth/login", json={"account_id": account, "username": role, "password": password}))


def _ok(response: Any) -> dict[str, Any]:
    assert response.status_code in (200, 201), response.text
    result: dict[str, Any] = response.json()
    return result


def _ddl(dialect: Any) -> list[str]:
    statements = []
    for table in old_db.Base.metadata.sorted_tables:
        statements.append(str(CreateTable(table).compile(dialect=dialect)).strip())
        statements += [str(CreateIndex(index).compile(dialect=dialect)).strip() for index in table.indexes]
    return statements


def _dump(app: Any) -> dict[str, dict[str, list[Any]]]:
    """table → its column names and its rows as lists of values (JSON columns as JSON values)."""
    rows = {}
    with app.state.db.engine.connect() as conn:
        for table in old_db.Base.metadata.sorted_tables:
            found = conn.execute(select(table).order_by(*table.primary_key.columns))
            rows[table.name] = {"columns": list(found.keys()), "values": [list(r) for r in found]}
    return rows


def _render(fixture: dict[str, Any]) -> str:
    """JSON with one statement or row per line: small, and a diff of a remake is readable."""
    lines = ["{"]
    for n, (name, value) in enumerate(fixture.items()):
        comma = "," if n < len(fixture) - 1 else ""
        if name == "ddl":
            dialects = [
                f"  {json.dumps(d)}: [\n" + ",\n".join(f"   {json.dumps(x)}" for x in v) + "\n  ]"
                for d, v in value.items()
            ]
            lines.append('"ddl": {\n' + ",\n".join(dialects) + f"\n}}{comma}")
        elif name == "rows":
            tables = []
            for table, data in value.items():
                body = ",\n".join(f"   {json.dumps(r, ensure_ascii=False)}" for r in data["values"])
                cols = json.dumps(data["columns"])
                tables.append(f'  "{table}": {{"columns": {cols}, "values": [\n{body}\n  ]}}')
            lines.append('"rows": {\n' + ",\n".join(tables) + f"\n}}{comma}")
        else:
            lines.append(f"{json.dumps(name)}: {json.dumps(value, ensure_ascii=False)}{comma}")
    return "\n".join([*lines, "}"]) + "\n"


if __name__ == "__main__":
    main()
