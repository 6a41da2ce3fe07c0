"""The Chinese catalog translates every string the app shows, and the shipped .qm is current."""

from __future__ import annotations

import importlib.util
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CATALOG = ROOT / "resources" / "translations" / "vendor_desktop_zh_CN.ts"
PLURALS = ROOT / "resources" / "translations" / "vendor_desktop_en.ts"

_spec = importlib.util.spec_from_file_location("update_translations", ROOT / "tools" / "update_translations.py")
assert _spec and _spec.loader
update_translations = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(update_translations)


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {
        (ctx.findtext("name") or "", msg.findtext("source") or ""): msg
        for ctx in root.iter("context")
        for msg in ctx.iter("message")
    }


def translation_text(msg: ET.Element) -> str:
    tr = msg.find("translation")
    assert tr is not None
    return "".join(tr.itertext()).strip()


@pytest.fixture(scope="module")
def source_strings(tmp_path_factory) -> dict[tuple[str, str], ET.Element]:
    fresh = tmp_path_factory.mktemp("ts") / "fresh.ts"
    update_translations.lupdate(fresh)
    return messages(fresh)


def test_every_visible_string_has_a_chinese_translation(source_strings):
    catalog = messages(CATALOG)
    untranslated = []
    for key in source_strings:
        msg = catalog.get(key)
        unfinished = msg is None or msg.find("translation").get("type") in ("unfinished", "obsolete")
        if unfinished or not translation_text(msg):
            untranslated.append(key)
    assert source_strings, "lupdate found no strings: is the extraction broken?"
    assert untranslated == []


def test_translations_keep_their_placeholders():
    for (_ctx, source), msg in messages(CATALOG).items():
        wanted = sorted(re.findall(r"%L?\d|%L?n", source))
        assert sorted(re.findall(r"%L?\d|%L?n", translation_text(msg))) == wanted, source


@pytest.mark.parametrize("catalog", [CATALOG, PLURALS], ids=["zh_CN", "en plurals"])
def test_the_shipped_qm_is_compiled_from_the_current_catalog(tmp_path, catalog):
    compiled = tmp_path / "fresh.qm"
    update_translations.lrelease(catalog, compiled)
    assert compiled.read_bytes() == catalog.with_suffix(".qm").read_bytes(), "run tools/update_translations.py"


def test_every_english_count_has_its_singular_and_plural(source_strings):
    """GLOSSARY: "1 order", "205 orders" — never "order(s)"."""
    catalog = messages(PLURALS)
    plural_sources = [key for key, msg in source_strings.items() if msg.get("numerus") == "yes"]
    assert plural_sources, "no %n strings found: is the extraction broken?"
    missing = []
    for key in plural_sources:
        msg = catalog.get(key)
        forms = [] if msg is None else [(f.text or "").strip() for f in msg.iter("numerusform")]
        unfinished = msg is None or msg.find("translation").get("type") == "unfinished"
        counted = bool(forms) and re.search(r"%L?n", forms[0]) is not None  # %n, or %Ln (1,205)
        if unfinished or len(forms) != 2 or not all(forms) or "(s)" in "".join(forms) or not counted:
            missing.append(key)
    assert missing == [], "fill the singular and plural in vendor_desktop_en.ts"


def test_english_counts_agree_with_their_number(qapp):
    from PySide6.QtCore import QCoreApplication

    from vendor_desktop.ui.core import i18n

    i18n.install(i18n.ENGLISH)
    one = QCoreApplication.translate("OrdersView", "%Ln orders", "", 1)
    many = QCoreApplication.translate("OrdersView", "%Ln orders", "", 1205)
    assert (one, many) == ("1 order", "1,205 orders")
