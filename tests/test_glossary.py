"""Every word the app and the sandbox show follows docs/GLOSSARY.md: one word per idea, the
glossary's state names, no English left in Chinese text (and no Chinese in English), full-width
punctuation in Chinese.

The rules come from the glossary's own tables (parsed here, not copied): its "not" column names
the forbidden synonyms, its States table the state names, its Words table the roles and billing
modes. What is checked:

- the Chinese catalog (every translation of ``resources/translations/vendor_desktop_zh_CN.ts``);
- the English catalog sources (what an English screen shows);
- every Chinese text the sandbox sends: the error catalog's ``message_zh`` (``MESSAGES``), and
  each Chinese string literal of its modules (raise sites, field problems, in-app messages), found
  by walking their syntax trees; docstrings, API descriptions and the demo data's names (text
  that vendors and buyers "typed") are not shown as the marketplace's words;
- the label functions of each state the app shows, in both languages.
"""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = ROOT / "docs" / "GLOSSARY.md"
SHARED_GLOSSARY = ROOT.parent / "shared" / "GLOSSARY.md"  # the project's shared docs, beside the repo
CATALOG = ROOT / "resources" / "translations" / "vendor_desktop_zh_CN.ts"
SANDBOX = ROOT / "vendor_desktop" / "sandbox"

CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_RUN = re.compile(f"[{CJK}]+")

# Latin words a Chinese text may keep as they are: ids and acronyms vendors use as-is, OS names,
# the names of HTTP headers an API client sends (the sandbox's errors about them), key names.
LATIN_IN_CHINESE = frozenset(
    {
        *("ID", "API", "SaaS", "QQ", "CSV", "URL", "HTTP", "HTTPS", "JSON", "UUID", "ASCII"),
        *("Windows", "macOS", "Linux"),
        *("Idempotency-Key", "If-Match", "X-Client-Id", "X-Made-At", "ISO"),  # ISO 8601, X-Made-At's format
        "MIT",  # the licence's name (About)
        "F5",  # the key that syncs
        *("Excel", "UTF-8", "xlsx", "xls"),  # the spreadsheet and its file types (importing tracking numbers)
        "PDF",  # a deposit receipt saved as a file (the Money area)
        *("PNG", "JPEG", "KB", "MB"),  # a ticket's attachments: their file types and sizes (R-TKT-1)
    }
)
# A forbidden term inside one of these longer words is not the term (客户端 is software, not a buyer).
# More come from the glossary itself: its own words, and the "… is fine" of its "not" column.
ALLOWED_COMPOUNDS = frozenset({"客户端"})
# Entities of the States table the app does not show yet (each needs its label check once it does).
STATES_NOT_IN_THE_APP = frozenset({"refund"})


# --- the glossary -----------------------------------------------------------------------------


def tables(markdown: str) -> dict[str, list[dict[str, str]]]:
    """Each ``## Section``'s table as rows of {header: cell}."""
    found: dict[str, list[dict[str, str]]] = {}
    section, header = "", None
    for line in markdown.splitlines():
        if line.startswith("## "):
            section, header = line[3:].strip(), None
        elif line.startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if header is None:
                header = cells
            elif not all(set(c) <= set("-: ") for c in cells):
                found.setdefault(section, []).append(dict(zip(header, cells, strict=True)))
        else:
            header = None if not line.strip() else header
    return found


@dataclass(frozen=True)
class StateName:
    entity: str
    state: str
    zh: str
    en: str


@dataclass
class Forbidden:
    """One row of the "not" column: the words it forbids and what to say instead."""

    idea: str
    zh_terms: list[str] = field(default_factory=list)
    en_terms: list[str] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)  # role ids, forbidden as shown text
    allowed: list[str] = field(default_factory=list)
    instead_zh: str = ""
    instead_en: str = ""


@dataclass
class Glossary:
    states: list[StateName]
    words: list[dict[str, str]]
    forbidden: list[Forbidden]
    zh_words: set[str]  # every Chinese word of the glossary (its Words and States tables)
    voice_not: list[str]  # constructions the Voice section rewrites

    def word(self, idea: str) -> dict[str, str]:
        return next(row for row in self.words if row["idea"] == idea)

    def ids(self, column: str) -> dict[str, str]:
        """Each role id not to show → the role's word in ``column`` (zh or en)."""
        roles = dict(zip([r.value for r in _roles()], _split(self.word("roles")[column], "·"), strict=True))
        return {i: roles.get(i, self.word("roles")[column]) for row in self.forbidden for i in row.ids}

    def compounds(self, term: str) -> set[str]:
        allowed = {w for w in self.zh_words | ALLOWED_COMPOUNDS if term in w and w != term}
        for row in self.forbidden:
            allowed |= {a for a in row.allowed if term in a}
        return allowed


def _split(cell: str, sep: str) -> list[str]:
    return [part.strip() for part in cell.split(sep)]


def parse_states(rows: list[dict[str, str]]) -> list[StateName]:
    names, entity = [], ""
    for row in rows:
        entity = row["entity"] or entity
        ids, zh, en = (_split(row[k], " / ") for k in ("state id", "zh", "en"))
        assert len(ids) == len(zh) == len(en), f"glossary States row not understood: {row}"
        names += [StateName(entity, i.replace(" ", "_"), z, e) for i, z, e in zip(ids, zh, en, strict=True)]
    return names


def parse_forbidden(row: dict[str, str], role_ids: list[str]) -> Forbidden | None:
    """The "not" cell: ``A, B (and C, …; D is fine)``. CJK items are Chinese terms, a capitalised
    single word an English one, a backticked id or "the role ids" the ids not to show."""
    cell = row["not"]
    if not cell:
        return None
    out = Forbidden(row["idea"], instead_zh=row["zh"], instead_en=row["en"])
    main, _, note = cell.partition("(")
    out.ids += re.findall(r"`([^`]+)`", main)
    for item in _split(re.sub(r"`[^`]*`", "", main), ","):
        if CJK_RUN.search(item):
            out.zh_terms += CJK_RUN.findall(item)
        elif re.fullmatch(r"[A-Z][A-Za-z]+", item):
            out.en_terms.append(item)
        elif item == "the role ids":
            out.ids += role_ids
        elif item.startswith("the role id") and out.ids:
            pass  # "the role id `owner` as shown text": the backticked id, taken above
        else:
            raise AssertionError(f"glossary 'not' cell not understood: {item!r} in {cell!r}")
    for clause in re.split(r"[;,]", note.rstrip(") ")):
        if m := re.match(r"\s*and (\S+)", clause):
            out.zh_terms += CJK_RUN.findall(m.group(1))
        elif m := re.match(r"\s*(\S+) is fine", clause):
            out.allowed.append(m.group(1))
    return out


def load_glossary(path: Path = GLOSSARY) -> Glossary:
    text = path.read_text(encoding="utf-8")
    t = tables(text)
    from vendor_desktop.domain.roles import Role

    states = parse_states(t["States"])
    forbidden = [f for row in t["Words"] if (f := parse_forbidden(row, [r.value for r in Role]))]
    zh_words = {w for row in t["Words"] for w in CJK_RUN.findall(row["zh"])}
    zh_words |= {w for s in states for w in CJK_RUN.findall(s.zh)}
    voice = text.split("## Voice", 1)[1] if "## Voice" in text else ""
    voice_not = [m.rstrip("…") for m in re.findall(r"`([^`]+)`\s*→", voice)]
    return Glossary(states, t["Words"], forbidden, zh_words, voice_not)


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return load_glossary()


# --- what the user reads ----------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    where: str  # e.g. "zh catalog [OrdersView] 'Change price…'" or "sandbox orders/rules.py:147"
    text: str


def catalog_messages() -> list[tuple[str, str, list[str]]]:
    """(context, English source, its Chinese translations: one, or each plural form)."""
    out = []
    for ctx in ET.parse(CATALOG).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            assert tr is not None
            forms = [n.text or "" for n in tr.iter("numerusform")] or [tr.text or ""]
            out.append((name, msg.findtext("source") or "", forms))
    return out


def chinese_catalog() -> list[Text]:
    return [Text(f"zh catalog [{ctx}] {source!r}", form) for ctx, source, forms in catalog_messages() for form in forms]


def english_sources() -> list[Text]:
    seen: dict[str, Text] = {}
    for ctx, source, _ in catalog_messages():
        seen.setdefault(source, Text(f"English source [{ctx}]", source))
    return list(seen.values())


def _docstring_nodes(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                ids.add(id(first.value))
    return ids


def _looks_chinese(text: str) -> bool:
    """Chinese for a reader, not English with a Chinese gloss (API descriptions, ``details`` docs)."""
    return len(re.findall(f"[{CJK}]", text)) >= len(re.findall(r"[A-Za-z]+", text))


def chinese_literals(source: str, where: str) -> list[Text]:
    """Chinese string literals of a sandbox module, f-strings with ``{…}`` for what they insert;
    not docstrings, not ``description=`` (the API's documentation for developers)."""
    tree = ast.parse(source)
    skip = _docstring_nodes(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.keyword) and node.arg == "description":
            skip |= {id(n) for n in ast.walk(node.value)}
        if isinstance(node, ast.JoinedStr):
            skip |= {id(n) for n in node.values}
    found = []
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value
        elif isinstance(node, ast.JoinedStr):
            text = "".join(v.value if isinstance(v, ast.Constant) else "{…}" for v in node.values)
        else:
            continue
        if CJK_RUN.search(text) and _looks_chinese(text):
            found.append(Text(f"{where}:{node.lineno}", text))
    return found


# Demo data: the names and texts the demo vendor and buyers "typed" (a listing named "CRM 客户管理系统").
DEMO_DATA = ("core/names.py", "*/seed.py")


def sandbox_chinese() -> list[Text]:
    from vendor_desktop.sandbox import server  # noqa: F401  (every area registers its error codes)
    from vendor_desktop.sandbox.core.errors import MESSAGES

    texts = [Text(f"sandbox error {code} message_zh", zh) for code, (_en, zh) in MESSAGES.items()]
    for path in sorted(SANDBOX.rglob("*.py")):
        rel = path.relative_to(SANDBOX)
        if "migrations" in rel.parts or any(rel.match(p) for p in DEMO_DATA):
            continue
        texts += chinese_literals(path.read_text(encoding="utf-8"), f"sandbox {rel.as_posix()}")
    return texts


def sandbox_english() -> list[Text]:
    from vendor_desktop.sandbox import server  # noqa: F401
    from vendor_desktop.sandbox.core.errors import MESSAGES

    return [Text(f"sandbox error {code} message", en) for code, (en, _zh) in MESSAGES.items()]


# --- the checks -------------------------------------------------------------------------------


def _occurrences(text: str, term: str) -> Iterable[int]:
    start = text.find(term)
    while start != -1:
        yield start
        start = text.find(term, start + 1)


def _covered(text: str, at: int, term: str, compounds: Iterable[str]) -> bool:
    """Is the term at ``at`` part of a longer allowed word?"""
    for word in compounds:
        for offset in _occurrences(word, term):
            if at >= offset and text[at - offset : at - offset + len(word)] == word:
                return True
    return False


def _word(term: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![A-Za-z]){re.escape(term)}(?![A-Za-z])", re.IGNORECASE)


def _owner_as_user_name(text: str, at: int) -> bool:
    """The literal user name ``owner`` to type (GLOSSARY: the only place it may show)."""
    if CJK_RUN.search(text):
        return text[:at].rstrip().endswith("填")  # "主账号填 owner": type owner
    return bool(re.search(r"user ?name", text, re.IGNORECASE))


def forbidden_words_in_chinese(texts: Iterable[Text], g: Glossary) -> list[str]:
    problems = []
    for t in texts:
        for row in g.forbidden:
            for term in row.zh_terms:
                compounds = g.compounds(term)
                if any(not _covered(t.text, at, term, compounds) for at in _occurrences(t.text, term)):
                    problems.append(f"{t.where} → {t.text!r}: uses {term!r} (glossary, {row.idea}: {row.instead_zh})")
        for role_id, instead in g.ids("zh").items():
            for m in _word(role_id).finditer(t.text):
                if not (role_id == "owner" and _owner_as_user_name(t.text, m.start())):
                    problems.append(f"{t.where} → {t.text!r}: shows the role id {m.group()!r} (say {instead})")
        for construction in g.voice_not:
            if construction in t.text:
                problems.append(f"{t.where} → {t.text!r}: translated-sounding {construction!r} (glossary, Voice)")
    return problems


_NOT_WORDS = [
    (re.compile(r"%L?\d|%L?n"), " "),  # placeholders: %1, %n, %Ln
    (re.compile(r"\(&\w\)|&(?=\w)"), " "),  # menu mnemonics: 文件(&F)
    (re.compile(r"\*\.\w+"), " "),  # file patterns: (*.csv)
    (re.compile(r"https?://"), " "),  # the scheme a user types
]
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*")


def english_in_chinese(texts: Iterable[Text]) -> list[str]:
    problems = []
    for t in texts:
        text = t.text
        for pattern, by in _NOT_WORDS:
            text = pattern.sub(by, text)
        for m in _LATIN_WORD.finditer(text):
            word = m.group()
            if word in LATIN_IN_CHINESE or (word == "owner" and _owner_as_user_name(text, m.start())):
                continue
            problems.append(f"{t.where} → {t.text!r}: untranslated English {word!r}")
    return problems


_HALF_WIDTH = re.compile(f"[{CJK}][,.:;!?()]|[,.:;!?()][{CJK}]")


def half_width_punctuation(texts: Iterable[Text]) -> list[str]:
    problems = []
    for t in texts:
        text = re.sub(r"\(&\w\)", "", t.text)
        for m in _HALF_WIDTH.finditer(text):
            problems.append(f"{t.where} → {t.text!r}: half-width punctuation in {m.group()!r} (use ，。：；！？（）)")
    return problems


def english_problems(texts: Iterable[Text], g: Glossary) -> list[str]:
    problems = []
    for t in texts:
        if m := re.search(r"\w\(s\)", t.text):
            problems.append(f"{t.where} {t.text!r}: '{m.group()}' plural (use %n with plural forms: '%n orders')")
        if m := CJK_RUN.search(t.text):
            problems.append(f"{t.where} {t.text!r}: Chinese {m.group()!r} in English text")
        for row in g.forbidden:
            for term in row.en_terms:
                if _word(term).search(t.text):
                    problems.append(f"{t.where} {t.text!r}: uses {term!r} (glossary, {row.idea}: {row.instead_en})")
        for role_id, instead in g.ids("en").items():
            if instead.lower() == role_id:
                continue  # the id is the English word too (operations, finance, support)
            for m in _word(role_id).finditer(t.text):
                if not (role_id == "owner" and _owner_as_user_name(t.text, m.start())):
                    problems.append(f"{t.where} {t.text!r}: shows the role id {m.group()!r} (say {instead})")
    return problems


def _roles():
    from vendor_desktop.domain.roles import Role

    return list(Role)


def report(problems: list[str]) -> str:
    return f"{len(problems)} glossary problem(s):\n  " + "\n  ".join(problems)


# --- the tests --------------------------------------------------------------------------------


def test_the_repository_copy_of_the_glossary_is_the_projects():
    if not SHARED_GLOSSARY.exists():
        pytest.skip("no ../shared/GLOSSARY.md beside the repository (a clean clone, e.g. CI)")
    assert GLOSSARY.read_text(encoding="utf-8") == SHARED_GLOSSARY.read_text(encoding="utf-8"), (
        "docs/GLOSSARY.md differs from ../shared/GLOSSARY.md: copy the shared one over it"
    )


def test_the_glossary_is_understood(glossary):
    """The parse finds what the rules need, so a reworded glossary cannot empty the checks."""
    terms = {t for row in glossary.forbidden for t in row.zh_terms}
    assert {"更改", "变更", "仪表盘", "被拒绝", "驳回", "帐号", "客户", "用户", "产品", "按量", "优惠", "发货"} <= terms
    assert {"Dashboard"} <= {t for row in glossary.forbidden for t in row.en_terms}
    assert "owner" in {i for row in glossary.forbidden for i in row.ids}
    assert "用户名" in glossary.compounds("用户") and "驳回原因" in glossary.compounds("驳回")
    assert StateName("order", "paid", "待交付", "To deliver") in glossary.states
    assert StateName("listing revision", "in_review", "修改审核中", "Changes in review") in glossary.states
    assert any("为一位买家设置某个商品的" in v for v in glossary.voice_not)
    assert len(_split(glossary.word("roles")["zh"], "·")) == len(_roles())


def test_the_checks_catch_what_they_are_for(glossary):
    """Each check on made-up text: it finds the mistake and passes the allowed words."""
    bad_server = chinese_literals(
        'raise ApiError(409, "X", "The order was refused.", f"订单 {n} 的更改被拒绝。")\n'
        'MESSAGES = {"A": ("Wrong account", "帐号错误。")}\n'
        'x = Field(description="percentage paid (80 = 八折)")\n',
        "made-up.py",
    )
    assert [t.text for t in bad_server] == ["订单 {…} 的更改被拒绝。", "帐号错误。"]
    words = forbidden_words_in_chinese(
        [*bad_server, Text("ok", "用户名"), Text("ok", "驳回原因"), Text("bad", "用户")], glossary
    )
    assert [w.split(": uses ")[1].split()[0] for w in words] == ["'更改'", "'被拒绝'", "'帐号'", "'用户'"], words
    assert english_in_chinese([Text("ok", "主账号填 owner"), Text("ok", "导出 CSV 文件 (*.csv)，%1")]) == []
    assert len(english_in_chinese([Text("bad", "角色：owner"), Text("bad", "保存 draft")])) == 2
    assert len(half_width_punctuation([Text("bad", "已保存,请稍候"), Text("ok", "文件(&F)")])) == 1
    bad_english = [Text("bad", "%n order(s)"), Text("bad", "Dashboard"), Text("bad", "Owner")]
    assert len(english_problems(bad_english, glossary)) == 3


def test_chinese_text_uses_the_glossarys_words(glossary):
    problems = forbidden_words_in_chinese([*chinese_catalog(), *sandbox_chinese()], glossary)
    assert problems == [], report(problems)


def test_chinese_text_has_no_untranslated_english():
    problems = english_in_chinese([*chinese_catalog(), *sandbox_chinese()])
    assert problems == [], report(problems)


def test_chinese_text_uses_full_width_punctuation():
    problems = half_width_punctuation([*chinese_catalog(), *sandbox_chinese()])
    assert problems == [], report(problems)


# Former names of glossary states, not in its "not" column, that running text must not bring back.
FORMER_STATE_NAMES = {"在售": "已上架 (listing on_sale)", "已下单未支付": "待支付 (order unpaid)"}


def test_chinese_text_names_states_as_the_glossary_does():
    """Not only the state labels: a sentence saying a listing is on sale says 已上架 too."""
    problems = [
        f"{t.where} → {t.text!r}: says {old!r} (glossary, States: {new})"
        for t in [*chinese_catalog(), *sandbox_chinese()]
        for old, new in FORMER_STATE_NAMES.items()
        if old in t.text
    ]
    assert problems == [], report(problems)


def test_english_text_uses_the_glossarys_words_and_real_plurals(glossary):
    problems = english_problems([*english_sources(), *sandbox_english()], glossary)
    assert problems == [], report(problems)


# --- state names ------------------------------------------------------------------------------


def _queued_change_label(state: str) -> str:
    import datetime as dt

    from vendor_desktop.cache.core.outbox import Command, CommandState
    from vendor_desktop.viewmodels.changes.viewmodel import state_text

    now = dt.datetime(2026, 11, 26, 6, 16, tzinfo=dt.UTC)
    command = Command(
        1, "k", "order.price_change", "order", "o1", 1, "POST", "/orders/o1/price", None, {}, now, "owner",
        CommandState(state), 0, None, None, None, None, {}, None, now,
    )  # fmt: skip
    return state_text(command)


def _label_functions() -> dict[str, Callable[[str], str]]:
    """The function each glossary entity's states are shown with."""
    from vendor_desktop.viewmodels.core import labels
    from vendor_desktop.viewmodels.discounts import table as discounts
    from vendor_desktop.viewmodels.listings import table as listings

    return {
        "order": labels.order_state_label,
        "listing": listings.state_label,
        "listing revision": lambda state: listings.revision_state_label(state),
        "discount": discounts.state_label,
        "invoice": labels.invoice_state_label,
        "withdrawal": labels.withdrawal_state_label,  # the Money area (issue 13)
        "ticket": labels.ticket_state_label,  # the Tickets area (issue 14, R-TKT-1)
        "queued change": _queued_change_label,
    }


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_states_are_shown_with_the_glossarys_names(qapp, glossary, language):
    from vendor_desktop.ui.core import i18n

    functions = _label_functions()
    entities = {s.entity for s in glossary.states}
    assert entities - STATES_NOT_IN_THE_APP == set(functions), "a glossary entity without a label check"
    problems = []
    i18n.install(language)
    try:
        for s in glossary.states:
            if s.entity not in functions:
                continue
            wanted = s.zh if language == "zh_CN" else s.en
            try:
                shown = functions[s.entity](s.state)
            except Exception as e:  # a missing label function is a finding too
                shown = f"<{type(e).__name__}: {e}>"
            if shown != wanted:
                problems.append(f"{language}: {s.entity} {s.state} is shown as {shown!r}, glossary says {wanted!r}")
    finally:
        i18n.install(i18n.ENGLISH)
    assert problems == [], report(problems)


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_roles_and_billing_modes_are_shown_with_the_glossarys_words(qapp, glossary, language):
    from vendor_desktop.ui.core import i18n
    from vendor_desktop.viewmodels.core.labels import billing_mode_label, role_label

    column = "zh" if language == "zh_CN" else "en"
    wanted = {
        **dict(zip([r.value for r in _roles()], _split(glossary.word("roles")[column], "·"), strict=True)),
        **dict(zip(["payg", "monthly", "yearly"], _split(glossary.word("billing modes")[column], "·"), strict=True)),
    }
    problems = []
    i18n.install(language)
    try:
        for key, word in wanted.items():
            shown = role_label(key) if key in {r.value for r in _roles()} else billing_mode_label(key)
            if shown != word[:1].upper() + word[1:]:  # a label starts with a capital in English
                problems.append(f"{language}: {key} is shown as {shown!r}, glossary says {word!r}")
    finally:
        i18n.install(i18n.ENGLISH)
    assert problems == [], report(problems)


def test_the_sandbox_names_states_with_the_glossarys_words(glossary):
    """The sandbox's messages name an order's or listing's state (「待交付」), never its id."""
    from vendor_desktop.domain.listings import STATE_NAMES as LISTING_STATES
    from vendor_desktop.domain.orders import STATE_NAMES as ORDER_STATES

    problems = []
    for entity, names in (("order", ORDER_STATES), ("listing", LISTING_STATES)):
        for s in glossary.states:
            if s.entity == entity and names.get(s.state) != (s.en, s.zh):
                problems.append(f"sandbox {entity} {s.state}: {names.get(s.state)!r}, glossary says {(s.en, s.zh)!r}")
    assert problems == [], report(problems)
