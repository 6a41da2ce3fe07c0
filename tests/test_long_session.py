"""A long session must not crash in Qt's bindings.

PySide6 6.12.0 drops a reference to ``True`` on every signal emit: after about ten thousand
emits (minutes of a busy app) Python 3.11 aborts with "bool_dealloc". pyproject.toml excludes it;
this runs a busy session in a child process (a crash would take the test run with it) so that a
binding with the same kind of bug never ships unnoticed.
"""

from __future__ import annotations

import os
import subprocess
import sys

_BUSY_SESSION = """
import sys
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

app = QCoreApplication([])

class Source(QObject):
    changed = Signal(int)

source, seen = Source(), []
source.changed.connect(seen.append)
for n in range(50_000):
    source.changed.emit(n)
for _ in range(5_000):
    QTimer.singleShot(0, lambda: None)
QTimer.singleShot(0, app.quit)
app.exec()
print(len(seen))
"""


def test_fifty_thousand_signals_and_timers_do_not_crash_the_app():
    done = subprocess.run(
        [sys.executable, "-c", _BUSY_SESSION],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "50000"
