"""The text layer of a PDF written by Qt (``QPdfWriter``), read back without a PDF library: the
page's content streams name a font and show glyph codes (``<0001> Tj``); each font's ToUnicode
map turns the codes into characters. Enough for Qt's own output, which is all it is used on."""

from __future__ import annotations

import re
import zlib

_OBJECT = re.compile(rb"(\d+) 0 obj(.*?)endobj", re.S)
_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.S)


def _objects(pdf: bytes) -> dict[int, bytes]:
    return {int(m.group(1)): m.group(2) for m in _OBJECT.finditer(pdf)}


def _stream(body: bytes) -> bytes:
    match = _STREAM.search(body)
    if match is None:
        return b""
    raw = match.group(1)
    return zlib.decompress(raw) if b"FlateDecode" in body else raw


def _cmap(text: bytes) -> dict[int, str]:
    mapping: dict[int, str] = {}
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", text, re.S):
        for lo, hi, dest in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]+>)", block):
            lo_i, hi_i = int(lo, 16), int(hi, 16)
            if dest.startswith(b"["):
                for offset, code in enumerate(re.findall(rb"<([0-9A-Fa-f]+)>", dest)):
                    mapping[lo_i + offset] = bytes.fromhex(code.decode()).decode("utf-16-be")
            else:
                start = int(dest[1:-1], 16)
                for offset in range(hi_i - lo_i + 1):
                    mapping[lo_i + offset] = chr(start + offset)
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", text, re.S):
        for code, dest in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            mapping[int(code, 16)] = bytes.fromhex(dest.decode()).decode("utf-16-be")
    return mapping


def pdf_text(pdf: bytes) -> str:
    """Every character the pages show, in drawing order (no spaces between text runs)."""
    objects = _objects(pdf)
    fonts: dict[bytes, dict[int, str]] = {}
    for body in objects.values():
        for name, ref in re.findall(rb"/(F\d+)\s+(\d+) 0 R", body):
            font = objects.get(int(ref), b"")
            to_unicode = re.search(rb"/ToUnicode\s+(\d+) 0 R", font)
            if to_unicode:
                fonts[name] = _cmap(_stream(objects[int(to_unicode.group(1))]))
    shown: list[str] = []
    for body in objects.values():
        content = _stream(body) if b"stream" in body and b"/Length" in body else b""
        if b"Tf" not in content:
            continue
        font: dict[int, str] = {}
        for token in re.finditer(rb"/(F\d+) [\d.]+ Tf|<([0-9A-Fa-f]+)> Tj", content):
            if token.group(1):
                font = fonts.get(token.group(1), {})
            else:
                codes = token.group(2)
                shown += [font.get(int(codes[i : i + 4], 16), "") for i in range(0, len(codes), 4)]
    return "".join(shown)
