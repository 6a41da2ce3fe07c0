"""Whether the listing editor fits what it shows, for every market, in Chinese and English: no
sideways scroll bar, every field inside the form's width, every label whole, hints wrapped.

Used in-process by tests/gui/test_listings_look.py, and as a script at another scale — Qt reads
``QT_SCALE_FACTOR`` once, before the application exists, so each scale is its own process:

    python -m tests.gui.editor_fit 1.5      # prints the problems, one a line; exit 1 if any
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path
from types import SimpleNamespace

from vendor_desktop.domain.markets import MARKETS

DISPLAY = (1440, 900)  # the reviewers' display, in physical pixels


def _editor(listing=None):
    from vendor_desktop.ui.listings.listing_editor_dialog import ListingEditorDialog
    from vendor_desktop.viewmodels.listings.deposit_preview import DepositPaid
    from vendor_desktop.viewmodels.listings.listing_editor import ListingEditorViewModel

    queue = SimpleNamespace(user=SimpleNamespace(permissions={"listings.write"}))
    # With the deposit preview's longest line (issue 13): tier 1 paid, so tier-2 and tier-3
    # markets say what they would still take.
    paid = DepositPaid(100_000, ("saas",))
    return ListingEditorDialog(ListingEditorViewModel(queue, listing, deposit=paid))  # type: ignore[arg-type]


def problems(app, language: str) -> list[str]:
    """Every place the editor cuts something, per market, in ``language``."""
    from PySide6.QtWidgets import QLabel

    from vendor_desktop.ui.core import i18n

    i18n.install(language)
    found: list[str] = []
    dialog = _editor()
    dialog.show()
    try:
        screen = dialog.screen().availableGeometry()
        if dialog.width() > screen.width() or dialog.height() > screen.height():
            found.append(f"{language}: the dialog ({dialog.width()}×{dialog.height()}) is larger than the screen")
        for market in MARKETS:
            dialog.market.setCurrentIndex(dialog.market.findData(market))
            app.processEvents()
            where = f"{language} {market}"
            scroll = dialog.scroll
            if scroll.horizontalScrollBar().isVisible():
                found.append(f"{where}: a horizontal scroll bar")
            viewport = scroll.viewport()
            for key, row in dialog.rows.items():
                if not row.isVisible():
                    continue
                right = row.mapTo(viewport, row.rect().topRight()).x()
                if right >= viewport.width():
                    found.append(f"{where}: the {key} field runs past the form ({right} ≥ {viewport.width()})")
                label = dialog.labels[key]
                needed = label.fontMetrics().horizontalAdvance(label.text())
                if needed > label.width():
                    found.append(f"{where}: the label {label.text()!r} is cut ({needed} > {label.width()})")
            for label in dialog.findChildren(QLabel):
                if not label.isVisible() or not label.text():
                    continue
                if label.wordWrap():
                    if label.heightForWidth(label.width()) > label.height():
                        found.append(f"{where}: {label.text()!r} wraps to more lines than it has room for")
                elif label.fontMetrics().horizontalAdvance(label.text()) > label.width():
                    found.append(f"{where}: {label.text()!r} is cut")
            for mode, unit in dialog.units.items():
                if unit.fontMetrics().horizontalAdvance(unit.text()) > unit.width():
                    found.append(f"{where}: the {mode} unit is cut")
    finally:
        dialog.close()
        dialog.deleteLater()
    return found


def main(scale: str) -> int:
    config = Path(tempfile.mkdtemp(prefix="listing-editor-fit-")) / "display.json"
    screen = {"name": "Display", "x": 0, "y": 0, "width": DISPLAY[0], "height": DISPLAY[1],
              "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}  # fmt: skip
    config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    os.environ["QT_SCALE_FACTOR"] = scale
    from vendor_desktop.application import create_application

    app = create_application()
    found = [p for language in ("zh_CN", "en") for p in problems(app, language)]
    for problem in found:
        print(problem)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "1"))
