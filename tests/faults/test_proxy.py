"""The fault proxy relays faithfully, and loses exactly the answers it was told to lose."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
import requests

from tests.faults.proxy import FaultProxy
from vendor_desktop.sandbox.embedded import EmbeddedSandbox

CLOCK = "/api/v1/sandbox/clock"


def test_a_dropped_answer_was_handled_by_the_server_and_only_that_one_is_lost() -> None:
    with EmbeddedSandbox("sqlite://") as sandbox, FaultProxy("127.0.0.1", sandbox.port) as proxy:
        http = requests.Session()  # keep-alive: several requests on one connection
        headers = {"Authorization": f"Bearer {sandbox.operator_token}"}

        def set_clock(moment: dt.datetime) -> requests.Response:
            sent = {**headers, "Idempotency-Key": str(uuid.uuid4())}
            return http.post(f"{proxy.base_url}{CLOCK}", json={"now": moment.isoformat()}, headers=sent, timeout=5)

        assert http.get(f"{proxy.base_url}/api/v1/health", timeout=5).json()["status"] == "ok"
        first = dt.datetime(2026, 5, 1, 9, 0, tzinfo=dt.UTC)
        fault = proxy.drop_response("POST", CLOCK)
        with pytest.raises(requests.ConnectionError):
            set_clock(first)
        assert sandbox.app.state.clock.now() == first  # the server did it; only the answer was lost
        assert fault.hits == 1

        second = first + dt.timedelta(hours=1)
        assert set_clock(second).status_code == 200  # the fault was for the next call only
        assert sandbox.app.state.clock.now() == second
        assert http.get(f"{proxy.base_url}/api/v1/health", timeout=5).status_code == 200
        health = ("GET", "/api/v1/health")
        assert proxy.requests == [health, ("POST", CLOCK), ("POST", CLOCK), health]
