"""Refresh the translation sources from the code and compile them.

    python tools/update_translations.py          # lupdate → .ts, then lrelease → .qm

Strings are found by pyside6-lupdate: ``self.tr("…")`` in widgets and
``QCoreApplication.translate("Context", "…")`` in viewmodels. Translate new entries in
``resources/translations/vendor_desktop_zh_CN.ts`` (Qt Linguist, or by hand), and the singular
and plural forms of each new ``%n`` string in ``vendor_desktop_en.ts``; then run this again so
the shipped ``.qm`` files match. A test fails while any string is untranslated.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "vendor_desktop"
CATALOG_DIR = ROOT / "resources" / "translations"
LANGUAGES = ["zh_CN"]
# English needs a catalog only for plurals: the sources say "%n orders", and Qt picks
# "1 order" or "205 orders" from this plural-only catalog (lupdate -pluralonly).
PLURALS_ONLY = ["en"]


def sources() -> list[Path]:
    """Every module that shows text: widgets, viewmodels, and the composition root with its helpers."""
    return sorted([*PACKAGE.glob("ui/**/*.py"), *PACKAGE.glob("viewmodels/**/*.py"), *PACKAGE.glob("*.py")])


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease from the same environment as this Python."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install the project first (pip install -e .)")
    return found


def lupdate(ts: Path, *, keep_obsolete: bool = False, plurals_only: bool = False) -> None:
    args = [tool("pyside6-lupdate"), *map(str, sources()), "-ts", str(ts)]
    if not keep_obsolete:
        args.insert(-2, "-no-obsolete")
    if plurals_only:
        args.insert(-2, "-pluralonly")
    subprocess.run(args, check=True, cwd=ROOT, capture_output=True)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run(
        [tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, cwd=ROOT, capture_output=True
    )


def main() -> int:
    for lang in LANGUAGES:
        ts = CATALOG_DIR / f"vendor_desktop_{lang}.ts"
        lupdate(ts)
        lrelease(ts, ts.with_suffix(".qm"))
        print(f"updated {ts.relative_to(ROOT)} and its .qm")
    for lang in PLURALS_ONLY:
        ts = CATALOG_DIR / f"vendor_desktop_{lang}.ts"
        lupdate(ts, plurals_only=True)
        lrelease(ts, ts.with_suffix(".qm"))
        print(f"updated {ts.relative_to(ROOT)} (plural forms only) and its .qm")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
