"""One running app per data folder: a second launch asks the first to come to the front.

The first instance listens on a local socket (a named pipe on Windows, a Unix socket elsewhere)
whose name is derived from the data folder; a second launch connects, sends ``show``, and exits.
"""

from __future__ import annotations

import getpass
import hashlib

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket

ACTIVATE = b"show\n"


def server_name(key: str) -> str:
    try:
        user = getpass.getuser()
    except Exception:
        user = ""
    digest = hashlib.sha256(f"{user}\n{key}".encode()).hexdigest()[:16]
    return f"vendor-center-{digest}"


class SingleInstance(QObject):
    """``claim()`` True: we are the first and now listen; False: another instance was told to show."""

    activation_requested = Signal()

    def __init__(self, key: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(key)
        self.server: QLocalServer | None = None

    def _tell_running(self, timeout_ms: int = 1000) -> bool:
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(timeout_ms):
            return False
        socket.write(ACTIVATE)
        socket.waitForBytesWritten(timeout_ms)
        socket.disconnectFromServer()
        if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
            socket.waitForDisconnected(timeout_ms)
        return True

    def claim(self) -> bool:
        if self._tell_running():
            return False
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            # A stale socket file left by a crashed instance (Unix): nobody answered, so remove it.
            if server.serverError() == QAbstractSocket.SocketError.AddressInUseError:
                QLocalServer.removeServer(self.name)
            if not server.listen(self.name):
                return True  # cannot listen: run anyway rather than refuse to start
        server.newConnection.connect(self._on_connection)
        self.server = server
        return True

    def _on_connection(self) -> None:
        assert self.server is not None
        while (socket := self.server.nextPendingConnection()) is not None:
            # The message is a few bytes sent right after connecting: read it here, briefly.
            arrived = socket.bytesAvailable() > 0 or socket.waitForReadyRead(500)
            if arrived and bytes(socket.readAll().data()).startswith(ACTIVATE.strip()):
                self.activation_requested.emit()
            socket.abort()
            socket.deleteLater()

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server.deleteLater()
            self.server = None
