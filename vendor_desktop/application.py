"""The QApplication of Vendor Center: its names (QSettings finds the settings by them), version,
icon and style sheet."""

from __future__ import annotations

import sys
from importlib import resources

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

import vendor_desktop

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def app_icon() -> QIcon:
    icon = QIcon()
    folder = resources.files("vendor_desktop.resources") / "icons"
    for size in ICON_SIZES:
        png = folder / f"vendor-center-{size}.png"
        if png.is_file():
            icon.addFile(str(png))
    return icon


def create_application() -> QApplication:
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    app.setApplicationName("Vendor Center")
    app.setApplicationDisplayName("Vendor Center")
    app.setOrganizationName("VendorCenter")
    app.setOrganizationDomain("vendorcenter.example")
    app.setApplicationVersion(vendor_desktop.__version__)
    app.setDesktopFileName("vendor-center")
    app.setWindowIcon(app_icon())
    style = resources.files("vendor_desktop.resources") / "styles" / "app.qss"
    app.setStyleSheet(style.read_text(encoding="utf-8"))
    return app
