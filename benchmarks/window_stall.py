"""(f) The GUI event loop's longest stall during a full first sync, with the whole main window open.

The window is the app's own: the composition root (``VendorCenter``) builds it from the area
registry for the owner, who sees every area, exactly as after a sign-in. Every area's view is
built (each is visited once, as a user clicking through the navigation would), then the real
``SyncController`` pulls everything on its worker while a 10 ms timer on the GUI thread records
its ticks; the largest gap between ticks is the worst stall. The clock stops once the pull is
done and every area has swapped in what it read.
"""

from __future__ import annotations

import gc
import itertools
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QSettings, Qt, QTimer

from vendor_desktop.app import VendorCenter
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.sync.client import MarketplaceClient
from vendor_desktop.sync.token_store import SessionOnlyTokenStore
from vendor_desktop.viewmodels.core.session import Session
from vendor_desktop.viewmodels.core.sync_status import Connection

from .gui_phases import app
from .measure import percentile

SETTLE_MS = 300  # keep ticking after the pull: the areas reload right after its change set


def _refreshing(center: VendorCenter) -> bool:
    window = center.window
    assert window is not None
    return any(getattr(window.viewmodel(a), "refreshing", False) for a in window.area_ids)


def stall_in_window(client: MarketplaceClient, db: CacheDatabase, work: Path, tick_ms: int = 10) -> dict[str, Any]:
    qt = app()
    assert client.user is not None
    settings = QSettings(str(work / "window-stall-settings.ini"), QSettings.Format.IniFormat)
    center = VendorCenter(settings, SessionOnlyTokenStore(), "zh_CN", sync_interval_ms=3_600_000)
    # Opened "offline" so the sync starts when the clock does, not during the window's build.
    session = Session(client.backend_url, "benchmark", client.user, client, db, online=False)
    center.session_vm.signed_in.emit(session)
    window = center.window
    assert window is not None and center.sync is not None
    opening = window.shell.current
    for area_id in window.area_ids:  # every view built, as after a tour of the navigation
        window.show_area(area_id)
        qt.processEvents()
    window.show_area(opening)
    qt.processEvents()
    controller = center.sync

    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(tick_ms)
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    loop = QEventLoop()
    ended: list[float] = []

    def quit_once_shown() -> None:
        if _refreshing(center):
            QTimer.singleShot(50, quit_once_shown)
        else:
            loop.quit()

    def on_state(state: str) -> None:
        if state != Connection.SYNCING.value and not ended:
            ended.append(time.perf_counter())
            QTimer.singleShot(SETTLE_MS, quit_once_shown)

    controller.state_changed.connect(on_state)
    collections: list[float] = []
    began: list[float] = []

    def on_gc(phase: str, info: dict[str, int]) -> None:
        if info.get("generation") != 2:
            return
        if phase == "start":
            began[:] = [time.perf_counter()]
        elif began:
            collections.append((time.perf_counter() - began[0]) * 1000)

    gc.callbacks.append(on_gc)
    gc.freeze()  # as the app does once its window is open (app.run)
    timer.start()
    start = time.perf_counter()
    ticks.append(start)
    controller.sync_now()
    loop.exec()
    timer.stop()
    gc.callbacks.remove(on_gc)
    gc.unfreeze()
    gaps = [(b - a) * 1000 for a, b in itertools.pairwise(ticks)]
    worst = sorted(range(len(gaps)), key=gaps.__getitem__)[-5:]
    end = ended[0] if ended else ticks[-1]
    worst_at = [{"gap_ms": round(gaps[i], 1), "s_before_end": round(end - ticks[i + 1], 3)} for i in reversed(worst)]
    result = {
        "areas": list(window.area_ids),
        "sync_wall_s": (ended[0] - start) if ended else float("nan"),
        "final_state": controller.state.value,
        "orders_in_view": window.orders_vm.count,
        "ticks": len(ticks),
        "max_gap_ms": max(gaps) if gaps else float("nan"),
        "p99_gap_ms": percentile(gaps, 99) if gaps else float("nan"),
        "gaps_over_50ms": sum(1 for g in gaps if g > 50),
        "worst_gaps": worst_at,
        "full_gc_passes": len(collections),
        "full_gc_max_ms": max(collections, default=0.0),
    }
    window.confirm_quit = lambda _unsent: True
    window.close()
    center.session = None  # the benchmark closes its own cache file
    center.shutdown()
    qt.processEvents()
    return result
