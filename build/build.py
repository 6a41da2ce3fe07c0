"""Build the Vendor Center bundle for the OS this runs on.

    python build/build.py                 # → dist/VendorCenter/ (one folder, windowed)
    python build/build.py --self-test     # …then run the bundle's --self-test

Installs PyInstaller first if it is missing (the ``build`` extra: ``pip install -e ".[build]"``).
On macOS PyInstaller also writes ``dist/VendorCenter.app``. Prints the bundle's size and how long
the build took.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "build" / "vendor_center.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "work"
NAME = "VendorCenter"


def ensure_pyinstaller() -> None:
    if importlib.util.find_spec("PyInstaller") is None:
        print("PyInstaller is missing: installing it", flush=True)
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "pyinstaller>=6.10"], check=True)


def executable() -> Path:
    folder = DIST / NAME
    if sys.platform == "win32":
        return folder / f"{NAME}.exe"
    return folder / NAME


def size_of(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--self-test", action="store_true", help="run the built bundle's --self-test")
    args = parser.parse_args(argv)
    ensure_pyinstaller()
    started = time.monotonic()
    shutil.rmtree(DIST / NAME, ignore_errors=True)
    subprocess.run(
        [
            sys.executable, "-m", "PyInstaller", str(SPEC), "--noconfirm", "--clean", "--log-level", "WARN",
            "--distpath", str(DIST), "--workpath", str(WORK),
        ],
        check=True,
        cwd=ROOT,
    )
    took = time.monotonic() - started
    exe = executable()
    if not exe.exists():
        print(f"build finished but {exe} is missing", file=sys.stderr)
        return 1
    print(f"built {exe.relative_to(ROOT)}: {size_of(DIST / NAME) / 1e6:.0f} MB in {took:.0f} s", flush=True)
    if args.self_test:
        env = dict(os.environ)
        if sys.platform.startswith("linux") and not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")):
            env["QT_QPA_PLATFORM"] = "offscreen"
        t0 = time.monotonic()
        result = subprocess.run([str(exe), "--self-test"], env=env, timeout=300)
        print(f"bundle self-test exit code {result.returncode} in {time.monotonic() - t0:.0f} s", flush=True)
        return result.returncode
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
