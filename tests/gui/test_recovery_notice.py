"""The banner after a cache file was set aside names the case and what became of unsent changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from vendor_desktop.cache.core.database import Recovery, SetAsideReason
from vendor_desktop.ui.core import i18n
from vendor_desktop.viewmodels.core.recovery_notice import recovery_notice

MOVED = Path("/data/caches/c.sqlite3.incompatible-20261128T010203Z")


@pytest.fixture
def chinese(qapp):
    i18n.install(i18n.CHINESE)
    yield
    i18n.install(i18n.ENGLISH)


@pytest.mark.usefixtures("english")
def test_the_notice_names_the_case_and_counts_in_english() -> None:
    newer = recovery_notice(Recovery(SetAsideReason.NEWER_VERSION, MOVED, kept=1, lost=0, outbox_read=True))
    assert newer == (
        f"The saved data on this computer was written by a newer version of Vendor Center. It was kept at {MOVED} "
        "for that version and is being downloaded again from the marketplace. "
        "1 change not yet sent was kept and will be sent."
    )
    damaged = recovery_notice(Recovery(SetAsideReason.DAMAGED, MOVED, kept=4, lost=2, outbox_read=True))
    assert damaged.startswith("The saved data on this computer was damaged.")
    assert damaged.endswith(
        "4 changes not yet sent were kept and will be sent. 2 changes not yet sent could not be read and may be lost."
    )
    nothing = recovery_notice(Recovery(SetAsideReason.DAMAGED, MOVED, kept=0, lost=0, outbox_read=True))
    assert nothing.endswith("No change was waiting to send.")
    assert recovery_notice(None) == ""


@pytest.mark.usefixtures("chinese")
def test_the_notice_names_the_case_and_counts_in_chinese() -> None:
    newer = recovery_notice(Recovery(SetAsideReason.NEWER_VERSION, MOVED, kept=3, lost=0, outbox_read=True))
    assert newer == (
        f"本机保存的数据由更新版本的服务商管理后台写入，已保留在 {MOVED} 供该版本使用，正在从云市场重新下载。"
        "3 项尚未发送的修改已保留，将自动发送。"
    )
    damaged = recovery_notice(Recovery(SetAsideReason.DAMAGED, MOVED, kept=0, lost=0, outbox_read=False))
    assert damaged == (
        f"本机保存的数据已损坏，已移至 {MOVED}，正在从云市场重新下载。无法从中读取尚未发送的修改，这些修改可能已丢失。"
    )
