"""Nothing clipped: measure every screen of the tour for text that does not fit, at one scale.

    python tools/layout_check.py --scale 1.5            # JSON lines on stdout, one per problem

Runs the real app offscreen (tools/tour.py) on a 1920×1080 display at ``--scale`` (Windows'
common settings are 1, 1.25 and 1.5; ``QT_SCALE_FACTOR`` is set before the QApplication exists,
so it is one process per scale), in Chinese and in English, and walks every visible widget of
each page and dialog. A problem is:

* ``text``: a label without word wrap, a button, check box, radio button, group box title,
  tab, combo box's current text or input's placeholder needs more width than it has (the text's
  ``fontMetrics().horizontalAdvance`` plus what the style draws around it, ``&`` mnemonics
  stripped; rich text by ``QTextDocument.idealWidth``);
* ``height``: a word-wrapped label taller than its box (its last lines are cut), or a label,
  button or input squashed below the height its text needs;
* ``header``: a table's header section narrower than its title (with the sort arrow, where the
  list sorts);
* ``scrollbar``: a scroll area or list showing a horizontal scroll bar (the layout is wider
  than the window or dialog gives it);
* ``cell``: a cell of a visible row whose text is cut (elided) with no tooltip to read it whole;
* ``cell-room``: a cell whose text is cut although the list has the room elsewhere (other
  columns more than ``SLACK`` wider than what they show, or space after the last one): size
  columns to their contents (``list_table(…, stretch=…)``, ui/core/fitting.py);
* ``outside``: a widget reaching past the edge of its parent (its window or pane gives its
  layout less room than it needs), where the parent does not scroll;
* ``screen``: a dialog larger than the display it opens on, or a page that keeps the main
  window from fitting on it.

Each problem is one JSON object: scale, language, screen, widget (objectName, else class),
where (its ancestors), owner (the ui package it belongs to: shell, core or an area), kind, text,
needed and had (px, logical). Each screen visited is a line ``{"visit": name, "language", "class",
"area"}`` before its problems; the last line is ``{"done": true, "screens": N, "chinese_fonts": N}``.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

WINDOW = (1280, 800)  # the main window's size at first start (MainWindow), within the display
FIRST_ROWS = 60  # a list's rows measured for what its columns need, beside those on screen
SLACK = 16  # px a column may keep beyond what it shows (breathing room) without counting as spare


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="QT_SCALE_FACTOR (1, 1.25, 1.5)")
    parser.add_argument("--screens", default="", help="only screens whose name contains this")
    args = parser.parse_args(argv)
    os.environ["QT_SCALE_FACTOR"] = f"{args.scale:g}"
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from PySide6.QtGui import QFontDatabase
    from tour import SCREENS, Tour, use_display

    use_display()

    from vendor_desktop.application import create_application
    from vendor_desktop.ui.core import i18n

    app = create_application()
    available = app.primaryScreen().availableGeometry()
    tour = Tour(app, window_size=(min(WINDOW[0], available.width()), min(WINDOW[1], available.height())))
    tour.start()
    screens = tuple(s for s in SCREENS if args.screens in s.name)
    visited = 0
    try:
        for language in (i18n.CHINESE, i18n.ENGLISH):
            suffix = tour.set_language(language)
            for screen, widget in tour.visit(screens):
                visited += 1
                area = tour.window.shell.current if not screen.dialog else ""
                visit = {
                    "visit": screen.name,
                    "scale": args.scale,
                    "language": suffix,
                    "class": type(widget).__name__,
                    "area": area,
                }
                print(json.dumps(visit), flush=True)
                for problem in check(widget, dialog=screen.dialog):
                    record = {"scale": args.scale, "language": suffix, "screen": screen.name, **problem}
                    print(json.dumps(record, ensure_ascii=False), flush=True)
    finally:
        tour.stop()
    chinese = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    print(json.dumps({"done": True, "screens": visited, "chinese_fonts": len(chinese)}), flush=True)
    return 0


# -- measuring ---------------------------------------------------------------------------------------
def check(root: Any, *, dialog: bool) -> Iterator[dict[str, Any]]:
    """Every problem of the visible widgets under ``root`` (a window or a dialog)."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractScrollArea,
        QAbstractSpinBox,
        QComboBox,
        QGroupBox,
        QLabel,
        QLineEdit,
        QTabBar,
        QWidget,
    )

    available = root.screen().availableGeometry()
    if dialog:
        size = root.frameGeometry()
        if size.height() > available.height():
            yield _problem(root, "screen", root.windowTitle(), size.height(), available.height())
        elif size.width() > available.width():
            yield _problem(root, "screen", root.windowTitle(), size.width(), available.width())
    else:  # the main window cannot be made as small as the display: the page on it is to blame
        # (the pages share one stack, as wide as the widest: say it where that page is shown)
        pages, page = root.shell.pages, root.shell.pages.currentWidget()
        smallest = root.minimumSizeHint().expandedTo(root.minimumSize())
        around = smallest - pages.minimumSizeHint().expandedTo(pages.minimumSize())
        needs = page.minimumSizeHint().expandedTo(page.minimumSize()) + around
        if needs.width() > available.width():
            yield {**_problem(page, "screen", "", needs.width(), available.width()), "widget": "main window"}
        elif needs.height() > available.height():
            yield {**_problem(page, "screen", "", needs.height(), available.height()), "widget": "main window"}
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or widget.window() is not root or widget.objectName().startswith("qt_"):
            continue  # hidden, another window (a dialog over the main window), or Qt's own insides
        yield from _outside(widget)
        if isinstance(widget, QLabel):
            yield from _label(widget)
        elif isinstance(widget, QAbstractButton):
            yield from _button(widget)
        elif isinstance(widget, QComboBox):
            yield from _combo(widget)
        elif isinstance(widget, QLineEdit | QAbstractSpinBox):
            yield from _input(widget)
        elif isinstance(widget, QGroupBox):
            yield from _group_box(widget)
        elif isinstance(widget, QTabBar):
            yield from _tabs(widget)
        if isinstance(widget, QAbstractItemView):
            yield from _item_view(widget)
        if isinstance(widget, QAbstractScrollArea):
            yield from _scroll_area(widget)


def _problem(widget: Any, kind: str, text: str, needed: float, had: float) -> dict[str, Any]:
    return {
        "widget": widget.objectName() or type(widget).__name__,
        "where": _where(widget),
        "owner": _owner(widget),
        "kind": kind,
        "text": text,
        "needed": math.ceil(needed),
        "had": math.floor(had),
    }


def _where(widget: Any) -> str:
    """The widget's named or app-defined ancestors, outermost first (enough to find it in code)."""
    names = []
    parent = widget.parentWidget()
    while parent is not None:
        cls = type(parent)
        if parent.objectName() and not parent.objectName().startswith("qt_"):
            names.append(parent.objectName())
        elif cls.__module__.startswith("vendor_desktop"):
            names.append(cls.__name__)
        parent = parent.parentWidget()
    return " > ".join(reversed(names))


def _owner(widget: Any) -> str:
    """The ui package whose code built the widget: the nearest app-defined class among it and its
    ancestors in its window, other than ui/core's shared pieces (a list in an area's view belongs
    to the area); ``core`` only for ui/core's own dialogs; the main window's own parts: ``shell``."""
    current, owner = widget, "?"
    while current is not None:
        module = type(current).__module__
        if module.startswith("vendor_desktop.ui."):
            package = module.split(".")[2]
            if package != "core":
                return package
            owner = "core"
        if current.isWindow():
            break
        current = current.parentWidget()
    return owner


def _outside(widget: Any) -> Iterator[dict[str, Any]]:
    """A widget reaching past its parent's edge is cut there (its layout needs more room than the
    window or pane gives it), unless the parent is a scroll area's viewport, which scrolls."""
    from PySide6.QtWidgets import QAbstractScrollArea

    parent = widget.parentWidget()
    if widget.isWindow() or parent is None:
        return
    area = parent.parentWidget()
    if isinstance(area, QAbstractScrollArea) and parent is area.viewport():
        return
    box, room = widget.geometry(), parent.rect()
    text = _text_of(widget)
    if box.right() > room.right() or box.left() < room.left():
        yield _problem(widget, "outside", text, box.width(), room.intersected(box).width())
    elif box.bottom() > room.bottom() or box.top() < room.top():
        yield _problem(widget, "outside", text, box.height(), room.intersected(box).height())


def _text_of(widget: Any) -> str:
    for name in ("text", "currentText", "title", "windowTitle"):
        read = getattr(widget, name, None)
        if callable(read):
            try:
                value = read()
            except TypeError:
                continue
            if isinstance(value, str) and value:
                return value
    return ""


def _mnemonic_free(text: str) -> str:
    """The text as drawn: ``&x`` shows x (underlined), ``&&`` shows &."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _advance(widget: Any, text: str) -> int:
    metrics = widget.fontMetrics()
    return max((metrics.horizontalAdvance(line) for line in text.split("\n")), default=0)


def _label(label: Any) -> Iterator[dict[str, Any]]:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import Qt as QtGui
    from PySide6.QtGui import QTextDocument

    text = label.text()
    if not text or not label.pixmap().isNull():
        return
    box = label.contentsRect()
    inset = 2 * label.margin() + max(0, label.indent())
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and QtGui.mightBeRichText(text)
    )
    if label.wordWrap():
        # Wrapped lines fit, but a word longer than a line (a path, an address) does not break.
        document = QTextDocument()
        document.setDefaultFont(label.font())
        document.setDocumentMargin(0)
        if rich:
            document.setHtml(text)
        else:
            document.setPlainText(text)
        document.setTextWidth(box.width() - inset)
        if document.idealWidth() > box.width() - inset + 0.5:
            yield _problem(label, "text", document.toPlainText(), document.idealWidth(), box.width() - inset)
        needed = label.heightForWidth(label.width())
        if needed > label.height() + 1:
            yield _problem(label, "height", text, needed, label.height())
        return
    if rich:
        document = QTextDocument()
        document.setDefaultFont(label.font())
        document.setDocumentMargin(0)
        document.setHtml(text)
        width, shown = document.idealWidth(), document.toPlainText()
    else:
        shown = _mnemonic_free(text) if label.buddy() is not None else text
        width = _advance(label, shown)
    if width > box.width() - inset + 0.5:
        yield _problem(label, "text", shown, width, box.width() - inset)
    lines = max(1, shown.count("\n") + 1)
    height = lines * label.fontMetrics().lineSpacing() - label.fontMetrics().leading()
    if height > box.height() + 1:
        yield _problem(label, "height", shown, height, box.height())


def _button(button: Any) -> Iterator[dict[str, Any]]:
    from PySide6.QtWidgets import QCheckBox, QPushButton, QRadioButton, QStyle, QStyleOptionButton

    text = _mnemonic_free(button.text())
    if not text:
        return
    style = button.style()
    icon = button.iconSize().width() + 4 if not button.icon().isNull() else 0
    width = _advance(button, text) + icon
    if isinstance(button, QPushButton):
        option = QStyleOptionButton()
        button.initStyleOption(option)
        frame = style.pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, option, button)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_ButtonMargin, option, button)
        if button.menu() is not None:
            width += style.pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, option, button)
        needed, had = width + 2 * (frame + margin), button.width()
    elif isinstance(button, QCheckBox | QRadioButton):
        option = QStyleOptionButton()
        button.initStyleOption(option)
        element = (
            QStyle.SubElement.SE_CheckBoxContents
            if isinstance(button, QCheckBox)
            else QStyle.SubElement.SE_RadioButtonContents
        )
        contents = style.subElementRect(element, option, button)
        needed, had = width, button.width() - contents.left()
    else:
        return  # tool buttons show icons here
    if needed > had:
        yield _problem(button, "text", text, needed, had)
    if button.height() + 1 < button.minimumSizeHint().height():
        yield _problem(button, "height", text, button.minimumSizeHint().height(), button.height())


def _combo(combo: Any) -> Iterator[dict[str, Any]]:
    from PySide6.QtCore import QSize
    from PySide6.QtWidgets import QStyle, QStyleOptionComboBox

    text = combo.currentText()
    if text:
        option = QStyleOptionComboBox()
        combo.initStyleOption(option)
        icon = combo.iconSize().width() + 4 if not combo.itemIcon(combo.currentIndex()).isNull() else 0
        contents = QSize(_advance(combo, text) + icon, combo.fontMetrics().height())
        needed = combo.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, option, contents, combo).width()
        if needed > combo.width():
            yield _problem(combo, "text", text, needed, combo.width())
    yield from _squashed(combo, text)


def _input(edit: Any) -> Iterator[dict[str, Any]]:
    from PySide6.QtWidgets import QLineEdit, QStyle

    if isinstance(edit, QLineEdit) and not edit.text() and edit.placeholderText():
        frame = edit.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, None, edit) if edit.hasFrame() else 0
        margins = edit.textMargins()
        text = edit.placeholderText()
        needed = _advance(edit, text) + 2 * frame + 2 * 2 + margins.left() + margins.right()  # 2: QLineEdit's own
        if needed > edit.width():
            yield _problem(edit, "text", text, needed, edit.width())
    yield from _squashed(edit, edit.text())


def _squashed(widget: Any, text: str) -> Iterator[dict[str, Any]]:
    """An input lower than its text needs (its text cut at the top and bottom), or, for a spin
    box or date (which show their whole value), narrower than its value needs."""
    from PySide6.QtWidgets import QAbstractSpinBox

    hint = widget.minimumSizeHint()
    if widget.height() + 1 < hint.height():
        yield _problem(widget, "height", text, hint.height(), widget.height())
    if isinstance(widget, QAbstractSpinBox) and widget.width() + 1 < hint.width():
        yield _problem(widget, "text", text, hint.width(), widget.width())


def _group_box(box: Any) -> Iterator[dict[str, Any]]:
    from PySide6.QtWidgets import QStyle, QStyleOptionGroupBox

    text = _mnemonic_free(box.title())
    if not text:
        return
    option = QStyleOptionGroupBox()
    box.initStyleOption(option)
    indicator = box.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) + 6 if box.isCheckable() else 0
    needed = _advance(box, text) + indicator + 2 * 8  # the title's inset from the frame
    if needed > box.width():
        yield _problem(box, "text", text, needed, box.width())


def _tabs(bar: Any) -> Iterator[dict[str, Any]]:
    from PySide6.QtWidgets import QStyle

    space = bar.style().pixelMetric(QStyle.PixelMetric.PM_TabBarTabHSpace, None, bar)
    for i in range(bar.count()):
        if not bar.isTabVisible(i):
            continue
        text = _mnemonic_free(bar.tabText(i))
        icon = bar.iconSize().width() + 4 if not bar.tabIcon(i).isNull() else 0
        needed = _advance(bar, text) + icon + space
        had = bar.tabRect(i).width()
        if needed > had:
            yield _problem(bar, "text", text, needed, had)


def _scroll_area(area: Any) -> Iterator[dict[str, Any]]:
    bar = area.horizontalScrollBar()
    if bar.isVisible() and bar.maximum() > 0:
        viewport = area.viewport().width()
        yield _problem(area, "scrollbar", "", viewport + bar.maximum(), viewport)


def _item_view(view: Any) -> Iterator[dict[str, Any]]:
    """Header sections, and the cells of the rows on screen: cut with no tooltip, or cut although
    the list has room. One problem per column (its worst cell), not per cell."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QHeaderView, QStyleOptionViewItem, QTableView

    model = view.model()
    if model is None:
        return
    header = view.horizontalHeader() if isinstance(view, QTableView) else None
    if isinstance(view, QHeaderView):
        return
    if isinstance(view, QTableView):
        columns = [c for c in range(model.columnCount()) if not view.isColumnHidden(c)]
    else:
        columns = [0]  # a list (QAbstractListModel hides its columnCount)
    needs: dict[int, int] = {}
    if header is not None and header.isVisible():
        for c in columns:
            title = str(model.headerData(c, Qt.Orientation.Horizontal) or "")
            needed = header.sectionSizeFromContents(c).width()
            needs[c] = needed
            if title and needed > header.sectionSize(c):
                yield _problem(header, "header", title, needed, header.sectionSize(c))
    grid = 1 if isinstance(view, QTableView) and view.showGrid() else 0  # a cell's rect leaves it out
    viewport = view.viewport().rect()
    top = view.indexAt(viewport.topLeft()).row()
    if top < 0:
        return
    bottom = view.indexAt(viewport.bottomLeft()).row()
    bottom = model.rowCount() - 1 if bottom < 0 else bottom
    cut: dict[int, tuple[int, int, str, bool]] = {}  # column → (needed, had, text, has tooltip)
    # Cut cells: on the rows on screen. What a column needs: those and the first rows (a list
    # fits its columns to the rows on screen after a reload, the first ones), so a column sized
    # for a row the tour has scrolled away from does not count as room to spare.
    shown = range(top, bottom + 1)
    for row in sorted(set(shown) | set(range(min(FIRST_ROWS, model.rowCount())))):
        for c in columns:
            index = model.index(row, c)
            rect = view.visualRect(index)
            if rect.width() <= 0:
                continue
            option = QStyleOptionViewItem()
            view.initViewItemOption(option)
            option.rect = rect
            option.features &= ~QStyleOptionViewItem.ViewItemFeature.WrapText
            needed = view.itemDelegateForIndex(index).sizeHint(option, index).width()
            needs[c] = max(needs.get(c, 0), needed + grid)
            if header is None:  # a list's item may reach past its viewport, which cuts it
                rect = rect.intersected(viewport)
            if row in shown and rect.intersects(viewport) and needed > rect.width():
                text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
                tip = str(index.data(Qt.ItemDataRole.ToolTipRole) or "")
                # A table's cell may say more in its tooltip; a plain list (the navigation) has
                # no columns to fit, so its tooltip must carry the text that is cut.
                tooltip = bool(tip) if header is not None else text in tip
                worst = cut.get(c)
                if worst is None or (not tooltip and worst[3]) or needed - rect.width() > worst[0] - worst[1]:
                    cut[c] = (needed, rect.width(), text, tooltip)
    if not cut:
        return
    room = max(0, viewport.width() - header.length()) if header is not None else 0
    spare = {c: max(0, header.sectionSize(c) - needs.get(c, 0) - SLACK) for c in columns} if header is not None else {}
    for c, (needed, had, text, tooltip) in sorted(cut.items()):
        if not tooltip:
            yield _problem(view, "cell", text, needed, had)
        elif header is not None and needed - had <= room + sum(s for k, s in spare.items() if k != c):
            yield _problem(view, "cell-room", text, needed, had)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
