"""What the sub-account tests share (R-SUB-1): the owner creates a sub-account, and it signs in
for the first time, changing its generated password."""

from __future__ import annotations

from typing import Any

from .conftest import API, TestClient, bearer, login, send

NEW_PASSWORD = "Spring2026stock"


def create(
    client: TestClient, owner: dict[str, str], username: str = "li.na", role: str = "operations", **more: Any
) -> Any:
    body = {"username": username, "display_name": more.pop("display_name", "李娜"), "role": role, **more}
    return send(client, "POST", "/sub-accounts", owner, json=body)


def created(client: TestClient, owner: dict[str, str], username: str = "li.na", role: str = "operations", **more: Any):
    r = create(client, owner, username, role, **more)
    assert r.status_code == 201, r.text
    return r.json()


def sign_in(client: TestClient, vendor: dict[str, Any], username: str, password: str) -> Any:
    body = {"account_id": vendor["account_id"], "username": username, "password": password}
    return client.post(f"{API}/auth/login", json=body)


def change_password(client: TestClient, headers: dict[str, str], current: str, new: str) -> Any:
    return client.post(f"{API}/auth/password", json={"current_password": current, "new_password": new}, headers=headers)


def ready_user(client: TestClient, vendor: dict[str, Any], role: str = "operations", username: str = "li.na"):
    """The owner's headers, and a sub-account of ``role`` that has signed in and changed its
    first password: (owner headers, the entity, its token pair)."""
    owner = bearer(login(client, vendor))
    made = created(client, owner, username, role)
    first = sign_in(client, vendor, username, made["initial_password"])
    assert first.status_code == 200, first.text
    changed = change_password(client, bearer(first.json()), made["initial_password"], NEW_PASSWORD)
    assert changed.status_code == 204, changed.text
    return owner, made, first.json()


def patch(client: TestClient, owner: dict[str, str], user_id: str, version: int, **body: Any) -> Any:
    return send(client, "PATCH", f"/sub-accounts/{user_id}", owner, json=body, if_match=version)


def current_version(client: TestClient, owner: dict[str, str], user_id: str) -> int:
    from .conftest import entity_now

    found = entity_now(client, owner, "sub_account", user_id)
    assert found is not None
    return int(found["version"])
