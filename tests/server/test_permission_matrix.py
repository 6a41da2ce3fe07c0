"""The permission matrix on every route (issue 15, SPEC §11; ``domain.roles.ROUTE_PERMISSIONS``).

Generated from the served OpenAPI: every vendor route (the operator's ``/sandbox/*`` controls
aside) is asked by every role, with headers a command needs (Idempotency-Key, If-Match: 1), a JSON
body and made-up ids, and must answer 403 PERMISSION_DENIED if and only if the matrix forbids it —
permission is checked before anything else (API.md, core/preconditions.py), so a made-up id or an
empty body never hides a 403. A route missing from the matrix fails with its name: no endpoint
ships unguarded.
"""

from __future__ import annotations

import re
import uuid

import pytest

from vendor_desktop.domain.roles import PUBLIC_ROUTES, ROUTE_PERMISSIONS, Role, route_allowed

from .conftest import API, bearer, login

ROLES = [r.value for r in Role]


def _vendor_routes(client) -> list[tuple[str, str]]:
    paths = client.get(f"{API}/openapi.json").json()["paths"]
    routes = [
        (method.upper(), path.removeprefix(API))
        for path, operations in paths.items()
        for method in operations
        if not path.startswith(f"{API}/sandbox/")
    ]
    # Signing out last: it ends the session the other requests use.
    return sorted(routes, key=lambda route: route == ("POST", "/auth/logout"))


def _ask(client, headers, method, path):
    url = API + re.sub(r"\{[^}]+\}", "made-up-id", path)
    sent = {**headers, "Idempotency-Key": uuid.uuid4().hex, "If-Match": "1"}
    return client.request(method, url, json={}, headers=sent)


def test_every_vendor_route_is_in_the_matrix_or_public(client):
    routes = set(_vendor_routes(client))
    missing = sorted(routes - set(ROUTE_PERMISSIONS) - PUBLIC_ROUTES)
    assert missing == [], f"routes without a permission in domain.roles.ROUTE_PERMISSIONS: {missing}"
    assert sorted(set(ROUTE_PERMISSIONS) - routes) == []  # and nothing stale in it
    assert not PUBLIC_ROUTES & set(ROUTE_PERMISSIONS)


@pytest.mark.parametrize("role", ROLES)
def test_each_route_is_403_exactly_when_the_matrix_forbids_it(client, seed, role):
    vendor = seed(seed=3, orders=3, listings=2)
    headers = bearer(login(client, vendor, role))
    wrong = []
    for method, path in _vendor_routes(client):
        if (method, path) in PUBLIC_ROUTES:
            r = _ask(client, headers, method, path)
            if r.status_code == 403:
                wrong.append((method, path, "public route answered 403"))
            continue
        r = _ask(client, headers, method, path)
        denied = r.status_code == 403 and r.json()["error"]["code"] == "PERMISSION_DENIED"
        if route_allowed(role, method, path):
            if r.status_code in {401, 403} or r.status_code >= 500:
                wrong.append((method, path, f"allowed, answered {r.status_code} {r.text[:120]}"))
        elif not denied:
            wrong.append((method, path, f"forbidden, answered {r.status_code} {r.text[:120]}"))
    assert wrong == []


def test_a_signed_out_caller_is_401_on_every_route_but_the_public_ones(client):
    wrong = []
    for method, path in _vendor_routes(client):
        r = _ask(client, {}, method, path)
        if ((method, path) in PUBLIC_ROUTES) == (r.status_code == 401):
            wrong.append((method, path, r.status_code))
    assert wrong == []
