"""Render the documentation screenshots offscreen: every screen of the tour in Chinese and English,
plus the Chinese set at 150 % and in dark mode.

    python tools/screenshots.py docs/screenshots

Runs the real app on a fresh embedded sandbox with the demo data (tools/tour.py: the screens are
listed there, and tools/layout_check.py measures the same ones), and saves ``<screen>-zh.png``
and ``<screen>-en.png``, ``<screen>-zh-150.png`` (``QT_SCALE_FACTOR=1.5`` on a 1920×1080
display) and ``<screen>-zh-dark.png``. A scale or a colour scheme must be set before the
QApplication exists, so those two sets are rendered by processes of their own, side by side with
this one. Chinese needs CJK fonts (Debian: fonts-noto-cjk), or it shows boxes.

    python tools/screenshots.py OUT --scale 1.5 --languages zh --suffix=-150   # one set only
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

SIZE = (1440, 860)  # the main window in the pictures, within the display
SETS = (  # the extra sets: (options, what they are)
    (["--scale", "1.5", "--languages", "zh", "--suffix=-150"], "at 150 %"),
    (["--dark", "--languages", "zh", "--suffix=-dark"], "in dark mode"),
)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", nargs="?", default="docs/screenshots", type=Path)
    parser.add_argument("--scale", type=float, default=1.0, help="QT_SCALE_FACTOR")
    parser.add_argument("--dark", action="store_true", help="the dark colour scheme")
    parser.add_argument("--languages", default="zh,en", help="zh, en or both (zh,en)")
    parser.add_argument("--suffix", default="", help="added to each file name: <screen>-<language><suffix>.png")
    parser.add_argument("--only", default="", help="only screens whose name contains this")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    one_set = args.scale != 1.0 or args.dark or args.suffix or args.languages != "zh,en"
    others = [] if one_set else [_start_set(args.out, options, args.only) for options, _ in SETS]
    shoot(args)
    failed = [what for (options, what), process in zip(SETS, others, strict=False) if process.wait() != 0]
    if failed:
        print(f"the screenshots {', '.join(failed)} failed", file=sys.stderr)
        return 1
    print(f"saved screenshots to {args.out}")
    return 0


def _start_set(out: Path, options: list[str], only: str) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if k not in ("QT_SCALE_FACTOR", "VENDOR_DESKTOP_DATA_DIR")}
    command = [sys.executable, __file__, str(out), *options, *(["--only", only] if only else [])]
    return subprocess.Popen(command, env=env)


def shoot(args: argparse.Namespace) -> None:
    os.environ["QT_SCALE_FACTOR"] = f"{args.scale:g}"
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from tour import SCREENS, Tour, use_display

    use_display()
    from vendor_desktop.application import create_application
    from vendor_desktop.ui.core import i18n, palette

    app = create_application()
    if args.dark:  # before any window is built, as when the system is in dark mode
        QGuiApplication.styleHints().setColorScheme(Qt.ColorScheme.Dark)
        palette.apply(app, Qt.ColorScheme.Dark)
    available = app.primaryScreen().availableGeometry()
    tour = Tour(app, window_size=(min(SIZE[0], available.width()), min(SIZE[1], available.height()))).start()
    screens = tuple(s for s in SCREENS if s.shot and args.only in s.name)
    languages = {"zh": i18n.CHINESE, "en": i18n.ENGLISH}
    try:
        for code in args.languages.split(","):
            suffix = tour.set_language(languages[code])
            for screen, widget in tour.visit(screens):
                widget.grab().save(str(args.out / f"{screen.name}-{suffix}{args.suffix}.png"))
    finally:
        tour.stop()


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
