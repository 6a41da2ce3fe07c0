"""A TCP proxy for tests in which the network misbehaves between the client and the sandbox.

It listens on 127.0.0.1 and relays every connection to the upstream server, byte for byte, except
for the requests a test has armed a fault for::

    with FaultProxy(sandbox.host, sandbox.port) as proxy:
        client = MarketplaceClient(proxy.base_url)
        proxy.drop_response("POST", "/api/v1/auth/refresh")  # the next such call only
        ...
        assert proxy.seen("POST", "/api/v1/auth/refresh") == 2

``drop_response`` is the classic lost answer: the request reaches the server in full, the server
handles it (the proxy waits for the first byte of its answer), and the client's connection is then
closed without a byte of it, so the client cannot tell whether its call happened.

How it works: the proxy reads each request's head and ``Content-Length`` body from the client
(HTTP/1.1 keep-alive, one request at a time, as ``requests`` sends them), records it, looks for
an armed fault, and forwards it; a pump thread copies the upstream's answers back. A request with
a chunked body is forwarded and the rest of that connection relayed without looking (no fault
can match there). New kinds of fault (delays, cuts mid-request or mid-response) are new ``Action``
values handled in ``_forward`` and ``_pump``.
"""

from __future__ import annotations

import contextlib
import enum
import socket
import socketserver
import struct
import threading
from dataclasses import dataclass, field
from types import TracebackType
from typing import BinaryIO

_MAX_HEAD_BYTES = 64 * 1024


class Action(enum.Enum):
    #: Forward the request, let the server answer, close the client's connection unanswered.
    DROP_RESPONSE = "drop_response"


@dataclass
class Fault:
    """One armed fault: applies to the next ``times`` requests with this method and path (the
    path without its query string)."""

    action: Action
    method: str
    path: str
    times: int = 1
    #: How many requests it has hit so far.
    hits: int = 0
    #: With ``reset``, the connection is cut with a TCP reset ("connection reset by peer")
    #: instead of an orderly close ("remote end closed connection without response").
    reset: bool = False

    def matches(self, method: str, path: str) -> bool:
        return self.hits < self.times and method == self.method and path == self.path


@dataclass(eq=False)  # kept in a set: identity is what tells two connections apart
class _Link:
    """One client connection and its own upstream connection."""

    client: socket.socket
    upstream: socket.socket
    #: The fault of the request in flight, read by the pump when the answer starts.
    fault: Fault | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)


class FaultProxy:
    """Relays 127.0.0.1:<port> to ``upstream_host:upstream_port``; see the module's docstring."""

    def __init__(self, upstream_host: str, upstream_port: int) -> None:
        self._upstream = (upstream_host, upstream_port)
        self._lock = threading.Lock()
        self._faults: list[Fault] = []
        self._links: set[_Link] = set()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        #: Every request seen, in arrival order: (method, path without the query).
        self.requests: list[tuple[str, str]] = []

    # --- lifecycle -----------------------------------------------------------------------------

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("the proxy is not running")
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> FaultProxy:
        self._server = _Server(self)
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, name="fault-proxy", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is None or self._thread is None:
            return
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()
        with self._lock:
            links = list(self._links)
        for link in links:  # wake each relay thread; it closes its own sockets
            for sock in (link.client, link.upstream):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
        self._server = self._thread = None

    def __enter__(self) -> FaultProxy:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    # --- faults --------------------------------------------------------------------------------

    def drop_response(self, method: str, path: str, *, times: int = 1, reset: bool = False) -> Fault:
        """Arm: the next ``times`` ``method path`` requests reach the server, their answers never
        reach the client."""
        return self._arm(Fault(Action.DROP_RESPONSE, method.upper(), path, times=times, reset=reset))

    def _arm(self, fault: Fault) -> Fault:
        with self._lock:
            self._faults.append(fault)
        return fault

    def seen(self, method: str, path: str) -> int:
        """How many ``method path`` requests have arrived (faulty or not)."""
        with self._lock:
            return self.requests.count((method.upper(), path))

    def _take(self, method: str, path: str) -> Fault | None:
        with self._lock:
            self.requests.append((method, path))
            for fault in self._faults:
                if fault.matches(method, path):
                    fault.hits += 1
                    return fault
        return None

    # --- relaying ------------------------------------------------------------------------------

    def _relay(self, client: socket.socket) -> None:
        """Serve one client connection until either side closes it."""
        try:
            upstream = socket.create_connection(self._upstream)
        except OSError:
            return  # upstream down: the client sees its connection closed, as with no server
        link = _Link(client, upstream)
        with self._lock:
            self._links.add(link)
        pump = threading.Thread(target=self._pump, args=(link,), name="fault-proxy-pump", daemon=True)
        pump.start()
        reader = client.makefile("rb")
        try:
            while self._forward(link, reader):
                pass
        except OSError:
            pass  # cut by a fault, the pump or stop()
        finally:
            with contextlib.suppress(OSError):
                upstream.shutdown(socket.SHUT_RDWR)  # wakes the pump if it is still reading
            pump.join()
            upstream.close()
            # The sockets are closed here only, by the thread that reads the client: a socket
            # closed under a thread blocked reading it would never really close.
            reader.close()
            client.close()  # a reset when the pump set SO_LINGER to 0, else the usual close
            with self._lock:
                self._links.discard(link)

    def _forward(self, link: _Link, reader: BinaryIO) -> bool:
        """Read one request from the client and send it upstream; False at the connection's end."""
        head = _read_head(reader)
        if head is None:
            return False
        request_line, headers = _parse_head(head)
        method, _, rest = request_line.partition(" ")
        path = rest.rsplit(" ", 1)[0].split("?", 1)[0]
        chunked = "chunked" in headers.get("transfer-encoding", "").lower()
        body = b"" if chunked else reader.read(int(headers.get("content-length", "0") or 0))
        fault = None if chunked else self._take(method, path)
        with link.lock:
            link.fault = fault  # set before the request leaves: the next answer is this one's
        link.upstream.sendall(head + body)
        if chunked:
            while chunk := reader.read1(65536):  # type: ignore[attr-defined]
                link.upstream.sendall(chunk)
            return False
        return True

    def _pump(self, link: _Link) -> None:
        """Copy the upstream's answers to the client, applying the fault of the request in flight.
        Ends the client's connection when it stops: the relay thread, woken by that, cleans up."""
        reset = False
        try:
            while data := link.upstream.recv(65536):
                with link.lock:
                    fault = link.fault
                if fault is not None and fault.action is Action.DROP_RESPONSE:
                    # The server has started answering, so it has handled the request: lose it.
                    reset = fault.reset
                    break
                link.client.sendall(data)
        except OSError:
            pass
        with contextlib.suppress(OSError):
            if reset:
                # Linger 0: the close sends a TCP reset instead of an orderly end. Only the read
                # side is shut here (that wakes the relay thread and sends nothing).
                link.client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                link.client.shutdown(socket.SHUT_RD)
            else:
                link.client.shutdown(socket.SHUT_RDWR)


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, proxy: FaultProxy) -> None:
        self.proxy = proxy
        super().__init__(("127.0.0.1", 0), _Connection)


class _Connection(socketserver.BaseRequestHandler):
    server: _Server

    def handle(self) -> None:
        self.server.proxy._relay(self.request)


def _read_head(reader: BinaryIO) -> bytes | None:
    """The request line and headers, up to and including the blank line; None at a clean end."""
    head = b""
    while not head.endswith(b"\r\n\r\n"):
        line = reader.readline(_MAX_HEAD_BYTES)
        if not line:
            return None
        head += line
        if len(head) > _MAX_HEAD_BYTES:
            raise OSError("request head too large for the fault proxy")
    return head


def _parse_head(head: bytes) -> tuple[str, dict[str, str]]:
    lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in lines[1:]:
        name, sep, value = line.partition(":")
        if sep:
            headers[name.strip().lower()] = value.strip()
    return lines[0], headers
