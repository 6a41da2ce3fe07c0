"""Run the sandbox inside another process (the desktop app, a test) on a loopback port."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from types import TracebackType
from typing import Any

import uvicorn

from .controls import seed as seeding
from .controls.demo import DEMO_MONEY, place_todays_orders
from .core.clock import Clock
from .core.database import Vendor
from .server import create_app

# Reasonable bounds for "is it up yet?": start-up normally takes well under a second.
_START_TIMEOUT_SECONDS = 30.0


@dataclass(frozen=True)
class DemoLogin:
    """How to sign in to the demo vendor (the main account, username ``owner``)."""

    account_id: str
    username: str
    password: str
    operator_token: str


class EmbeddedSandbox:
    """The sandbox server on 127.0.0.1 in a daemon thread.

    ``port=0`` picks a free port; a fixed port lets a test stop the sandbox and start it again at
    the same URL over the same database file. ``base_url`` has no ``/api/v1``: clients add it.
    """

    def __init__(
        self,
        database_url: str = "sqlite://",
        *,
        port: int = 0,
        operator_token: str | None = None,
        sandbox_controls: bool = True,
        clock: Clock | None = None,
        host: str = "127.0.0.1",
    ) -> None:
        self.app = create_app(
            database_url, clock=clock, sandbox_controls=sandbox_controls, operator_token=operator_token
        )
        self.operator_token: str = self.app.state.operator_token
        self.host = host  # the CLI may listen elsewhere; embedded use stays on loopback
        self._requested_port = port
        self._port: int | None = None
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    # --- lifecycle ---------------------------------------------------------------------------

    @property
    def port(self) -> int:
        if self._port is None:
            raise RuntimeError("the sandbox is not running")
        return self._port

    @property
    def base_url(self) -> str:
        host = "127.0.0.1" if self.host in {"0.0.0.0", "::", ""} else self.host
        return f"http://{host}:{self.port}"

    def start(self) -> EmbeddedSandbox:
        """Serve; returns once the server accepts connections."""
        if self._thread is not None:
            return self
        config = uvicorn.Config(
            self.app,
            host=self.host,
            port=self._requested_port,
            log_level="warning",
            lifespan="off",
            access_log=False,
        )
        server = uvicorn.Server(config)
        thread = threading.Thread(target=server.run, name="vendor-sandbox", daemon=True)
        thread.start()
        # uvicorn sets ``started`` once its sockets listen; waiting on the thread bounds the loop
        # and notices a failed start (port taken) without polling the network.
        waited = 0.0
        while not server.started:
            thread.join(0.02)
            waited += 0.02
            if not thread.is_alive() or waited > _START_TIMEOUT_SECONDS:
                server.should_exit = True
                raise RuntimeError(f"the sandbox failed to start on port {self._requested_port}")
        self._port = server.servers[0].sockets[0].getsockname()[1]
        self._server, self._thread = server, thread
        return self

    def stop(self) -> None:
        """Shut down and free the port (the database survives, if it is a file)."""
        if self._server is None or self._thread is None:
            return
        self._server.should_exit = True
        self._thread.join(timeout=_START_TIMEOUT_SECONDS)
        self._server = self._thread = None
        self._port = None
        # Release the file so another sandbox (or a restart) can open it cleanly; an in-memory
        # database keeps its single connection, so restarting this object keeps its data.
        if self.app.state.db.engine.pool.__class__.__name__ != "StaticPool":
            self.app.state.db.dispose()

    def __enter__(self) -> EmbeddedSandbox:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    # --- demo data ---------------------------------------------------------------------------

    def seed(self, **kwargs: Any) -> dict[str, Any]:
        """Seed a vendor directly (same arguments and answer as ``POST /sandbox/seed``)."""
        with self.app.state.db.session(write=True) as s:
            return seeding.seed_vendor(s, self.app.state.clock.now(), **kwargs)

    def ensure_demo(self, seed: int = 2026) -> DemoLogin:
        """The demo vendor, seeded on first use only: the app calls this at every launch on a
        persistent database, and gets the same login each time."""
        account_id = seeding.account_id_for(seed)
        with self.app.state.db.session() as s:
            exists = s.get(Vendor, account_id) is not None
        if not exists:
            self.seed(seed=seed, **DEMO_MONEY)
        with self.app.state.db.session(write=True) as s:
            place_todays_orders(s, account_id, self.app.state.clock.now())
        return DemoLogin(account_id, "owner", seeding.passwords_for(seed)["owner"], self.operator_token)
