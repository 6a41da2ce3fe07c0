"""The QApplication of Vendor Center: its names (QSettings finds the settings by them), version,
icon, and colours (style sheet and palette, light or dark)."""

from __future__ import annotations

import sys
from importlib import resources

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

import vendor_desktop
from vendor_desktop.ui.core import palette

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
    palette.apply(app)  # the style sheet in the system's light or dark scheme
    return app
