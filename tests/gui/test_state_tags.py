"""States read as coloured tags (GLOSSARY: red only for what needs the user now), legible in the
light and the dark scheme, drawn in the lists from what the models say."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from vendor_desktop.ui.core import palette
from vendor_desktop.ui.core.list_delegate import MARGIN
from vendor_desktop.viewmodels.core.labels import order_state_label
from vendor_desktop.viewmodels.core.states import _TONES, TAGS_ROLE, Tone, tone
from vendor_desktop.viewmodels.orders.table import STATE_COLUMN

from .apphelpers import listed, sign_in

# A refused listing or change, an overdue invoice, a failed withdrawal: the user must act. A
# refund the vendor itself refused is over, not urgent.
NEEDS_THE_USER_NOW = {
    ("listing", "rejected"),
    ("change", "rejected"),
    ("invoice", "overdue"),
    ("withdrawal", "failed"),
    ("message", "listing_rejected"),  # the message that says a listing was rejected
}


def test_red_is_kept_for_what_needs_the_user_now():
    for entity, states in _TONES.items():
        for state in states:
            assert (tone(entity, state) == Tone.URGENT) == ((entity, state) in NEEDS_THE_USER_NOW), (entity, state)
    assert tone("order", "paid") == Tone.TODO  # 待交付: the vendor's move


def _luminance(colour: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


@pytest.mark.parametrize("scheme", [Qt.ColorScheme.Light, Qt.ColorScheme.Dark], ids=["light", "dark"])
def test_every_tag_is_readable_in_both_schemes(qapp, scheme):
    palette.apply(qapp, scheme)
    try:
        for t in Tone:
            background, text = palette.tag_colours(t)
            light, dark = sorted((_luminance(background), _luminance(text)), reverse=True)
            assert (light + 0.05) / (dark + 0.05) >= 4.5, t  # WCAG AA for normal text
    finally:
        palette.apply(qapp)


def test_the_orders_list_draws_each_state_as_its_coloured_tag(qtbot, tmp_path, market, english):
    center = sign_in(qtbot, tmp_path, market)
    window = center.window
    window.show_area("orders")
    table = window.orders_view.table
    model = table.model()
    listed(qtbot, model)
    row = next(r for r in range(model.rowCount()) if model.row_at(r).order.state == "paid")
    index = model.index(row, STATE_COLUMN)
    assert index.data(TAGS_ROLE) == [(order_state_label("paid"), Tone.TODO)]
    table.scrollTo(index)
    rect = table.visualRect(index)
    shot = table.viewport().grab().toImage()
    fill = shot.pixelColor(rect.left() + MARGIN + 3, rect.center().y())
    assert fill == palette.tag_colours(Tone.TODO)[0]  # the amber of "the vendor's move", not plain text
