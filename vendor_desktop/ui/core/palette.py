"""The app's colours, light and dark, in one place. Dark mode follows the system
(``QStyleHints.colorScheme()``, Qt 6.5+) and switches live when the system does.

The style sheet (resources/styles/app.qss) names colours as ``@token``; ``style_sheet`` fills
them in for the current scheme. State tags take their colours from ``tag_colours`` by tone
(viewmodels/core/states.py), so a state reads the same in both schemes and in every list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from importlib import resources

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from vendor_desktop.viewmodels.core.states import Tone


@dataclass(frozen=True)
class Colours:
    window: str  # the page behind cards and lists
    surface: str  # lists, cards, detail panes, inputs
    text: str
    muted: str  # hints, captions, field names
    border: str
    grid: str
    header: str  # table headers
    selection: str
    accent: str  # links, the selected navigation item, focus
    nav: str  # the navigation bar
    nav_text: str
    error: str  # field errors (red: the user must fix this now)
    online: str
    offline: str
    notice_bg: str
    notice_text: str
    offline_bg: str
    offline_text: str
    danger_bg: str
    danger_text: str


LIGHT = Colours(
    window="#f6f7f9", surface="#ffffff", text="#1f2328", muted="#5f6b7a", border="#e1e4e8", grid="#eceff3",
    header="#f0f2f5", selection="#dbe8ff", accent="#2f6fdf", nav="#1f2d3d", nav_text="#d7dee6",
    error="#b3261e", online="#1a7f37", offline="#9a6700", notice_bg="#e8f1ff", notice_text="#123f7a",
    offline_bg="#fff4d6", offline_text="#6b4e00", danger_bg="#fdecea", danger_text="#8a1c14",
)  # fmt: skip
DARK = Colours(
    window="#16191d", surface="#1f2328", text="#e6e9ed", muted="#9aa4b1", border="#343a42", grid="#2b3037",
    header="#262b31", selection="#23406e", accent="#5b8def", nav="#111418", nav_text="#c9d1d9",
    error="#ff8a80", online="#56d364", offline="#e3b341", notice_bg="#1c2f4a", notice_text="#c7dcff",
    offline_bg="#3a2e0f", offline_text="#f2d58c", danger_bg="#4a1f1c", danger_text="#ffc9c4",
)  # fmt: skip

# (background, text) of a state tag per tone: pale fill and dark text in light mode, deep fill
# and light text in dark mode; each pair keeps a contrast of at least 4.5:1 (WCAG AA).
_TAGS = {
    False: {
        Tone.URGENT: ("#fdecea", "#a8201a"),
        Tone.TODO: ("#fff1d6", "#8a5300"),
        Tone.WAITING: ("#e6efff", "#1d4ed8"),
        Tone.DONE: ("#e3f5e8", "#17672e"),
        Tone.CLOSED: ("#eef0f3", "#4f5a67"),
    },
    True: {
        Tone.URGENT: ("#5c1f1b", "#ffcdc8"),
        Tone.TODO: ("#4d3810", "#ffdf9e"),
        Tone.WAITING: ("#1d3557", "#c4d8ff"),
        Tone.DONE: ("#173d24", "#b4ebc3"),
        Tone.CLOSED: ("#2f353d", "#c3cad3"),
    },
}


_forced: Qt.ColorScheme | None = None  # set by apply(scheme=…): screenshots, tests


def is_dark() -> bool:
    if _forced is not None:
        return _forced == Qt.ColorScheme.Dark
    app = QGuiApplication.instance()
    return app is not None and QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def colours() -> Colours:
    return DARK if is_dark() else LIGHT


def tag_colours(tone: Tone | str) -> tuple[QColor, QColor]:
    """(background, text) of a state tag of ``tone`` in the current scheme."""
    background, text = _TAGS[is_dark()][Tone(tone)]
    return QColor(background), QColor(text)


def style_sheet(template: str, scheme: Colours) -> str:
    """The style sheet with each ``@token`` replaced by the scheme's colour (tones' tags too)."""
    values = {f.name: getattr(scheme, f.name) for f in fields(scheme)}
    # Each tone's tag colours too, as @urgent_bg / @urgent_text, @todo_bg / @todo_text, …
    for tone, (background, text) in _TAGS[scheme is DARK].items():
        values[f"{tone.value}_bg"], values[f"{tone.value}_text"] = background, text
    return re.sub(r"@([a-z_]+)", lambda m: values.get(m.group(1), m.group(0)), template)


def qt_palette(scheme: Colours) -> QPalette:
    """A QPalette for widgets the style sheet does not reach (inputs, menus, tooltips)."""
    palette = QPalette()
    role = QPalette.ColorRole
    for r, colour in (
        (role.Window, scheme.window),
        (role.Base, scheme.surface),
        (role.AlternateBase, scheme.grid if scheme is DARK else "#fafbfc"),
        (role.Button, scheme.header),
        (role.Text, scheme.text),
        (role.WindowText, scheme.text),
        (role.ButtonText, scheme.text),
        (role.ToolTipBase, scheme.surface),
        (role.ToolTipText, scheme.text),
        (role.PlaceholderText, scheme.muted),
        (role.Highlight, scheme.accent),
        (role.HighlightedText, "#ffffff"),
        (role.Link, scheme.accent),
        (role.Mid, scheme.border),
    ):
        palette.setColor(r, QColor(colour))
    for r in (role.Text, role.WindowText, role.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, r, QColor(scheme.muted))
    return palette


def apply(app: QApplication, scheme: Qt.ColorScheme | None = None) -> None:
    """Colour the app for the system's scheme now, and again whenever the system switches.

    ``scheme`` forces light or dark whatever the system says (platforms such as offscreen
    have no scheme of their own); ``None`` follows the system again.
    """
    global _forced
    _forced = scheme
    template = (resources.files("vendor_desktop.resources") / "styles" / "app.qss").read_text(encoding="utf-8")

    def paint() -> None:
        scheme = colours()
        # Light keeps the platform's own palette (native look); dark needs ours, or inputs
        # and menus stay white on a dark window.
        app.setPalette(qt_palette(scheme) if scheme is DARK else app.style().standardPalette())
        app.setStyleSheet(style_sheet(template, scheme))

    paint()
    global _follow
    if _follow is not None:
        QGuiApplication.styleHints().colorSchemeChanged.disconnect(_follow)
    _follow = lambda _scheme: paint()  # noqa: E731
    QGuiApplication.styleHints().colorSchemeChanged.connect(_follow)


_follow = None
