"""Draw the app icon with Qt and write it as PNGs, a Windows .ico and a macOS .icns.

    python build/make_icons.py        # writes resources/icons/ (the files are committed)

Shapes only (no text), so the icon does not depend on which fonts the build machine has.
The .icns is the simple container of PNG chunks (ic07…ic10), which macOS reads since 10.7.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QImage, QLinearGradient, QPainter, QPainterPath, QPen

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512]
ICO_SIZES = [16, 24, 32, 48, 64, 128, 256]
ICNS_TYPES = {b"ic07": 128, b"ic08": 256, b"ic09": 512, b"ic10": 1024}


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 64.0
    # Tile: a deep blue rounded square with a light top edge.
    tile = QRectF(2 * s, 2 * s, 60 * s, 60 * s)
    gradient = QLinearGradient(tile.topLeft(), tile.bottomLeft())
    gradient.setColorAt(0, QColor("#2f6fde"))
    gradient.setColorAt(1, QColor("#163f8f"))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(gradient))
    p.drawRoundedRect(tile, 13 * s, 13 * s)
    # Awning: a shop front, scalloped, in white and orange stripes.
    stripes = 4
    left, right, top, bottom = 11 * s, 53 * s, 14 * s, 26 * s
    width = (right - left) / stripes
    for i in range(stripes):
        path = QPainterPath()
        x = left + i * width
        path.moveTo(x, top)
        path.lineTo(x + width, top)
        path.lineTo(x + width, bottom)
        path.arcTo(QRectF(x, bottom - width / 2, width, width), 0, -180)
        path.closeSubpath()
        p.setBrush(QColor("#ffffff") if i % 2 == 0 else QColor("#ff9f1c"))
        p.drawPath(path)
    # Counter: the shop body, and a rising line (sales) inside it.
    body = QRectF(14 * s, 30 * s, 36 * s, 22 * s)
    p.setBrush(QColor(255, 255, 255, 235))
    p.drawRoundedRect(body, 3 * s, 3 * s)
    pen = QPen(QColor("#2f6fde"), max(1.0, 3.2 * s))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPolyline([QPointF(19 * s, 46 * s), QPointF(27 * s, 39 * s), QPointF(33 * s, 43 * s), QPointF(44 * s, 35 * s)])
    p.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(images: list[QImage]) -> bytes:
    """ICO with PNG-compressed entries (Windows Vista and later)."""
    pngs = [png_bytes(img) for img in images]
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, blobs = b"", b""
    for img, blob in zip(images, pngs, strict=True):
        side = img.width()
        entries += struct.pack("<BBBBHHII", side % 256, side % 256, 0, 0, 1, 32, len(blob), offset)
        blobs += blob
        offset += len(blob)
    return header + entries + blobs


def icns_bytes() -> bytes:
    chunks = b""
    for kind, side in ICNS_TYPES.items():
        png = png_bytes(draw(side))
        chunks += kind + struct.pack(">I", 8 + len(png)) + png
    return b"icns" + struct.pack(">I", 8 + len(chunks)) + chunks


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    ICONS.mkdir(parents=True, exist_ok=True)
    for size in PNG_SIZES:
        (ICONS / f"vendor-center-{size}.png").write_bytes(png_bytes(draw(size)))
    (ICONS / "vendor-center.ico").write_bytes(ico_bytes([draw(n) for n in ICO_SIZES]))
    (ICONS / "vendor-center.icns").write_bytes(icns_bytes())
    del app
    print(f"wrote {len(PNG_SIZES)} PNGs, vendor-center.ico and vendor-center.icns to {ICONS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
