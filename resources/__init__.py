"""Icons, style sheets and translations, shipped as ``vendor_desktop.resources``."""
