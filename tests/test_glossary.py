"""The glossary check (issue 11): every word a vendor reads is the word of ``docs/GLOSSARY.md``.

The glossary's own tables are parsed here — the forbidden synonyms of its "not" column, the state
names, the roles and billing modes — so editing the glossary changes what this test asks for. It
reads what the user can read:

- the Chinese catalog (every translation) and its English sources;
- every Chinese text the sandbox server sends (``message_zh`` of its errors, field problems,
  in-app messages), found by walking the sandbox's syntax trees;
- the market names, and the label function of each state the app shows today.

A failure names the text, where it is, and the word to use instead.
"""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from vendor_desktop.domain.markets import MARKETS
from vendor_desktop.domain.roles import Role
from vendor_desktop.ui.core import i18n

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = ROOT / "docs" / "GLOSSARY.md"
SHARED_GLOSSARY = ROOT.parent / "shared" / "GLOSSARY.md"
CATALOG = ROOT / "resources" / "translations" / "vendor_desktop_zh_CN.ts"
SANDBOX = ROOT / "vendor_desktop" / "sandbox"

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z][A-Za-z0-9]*)*")

# Words of more than one term that contain a forbidden one and are fine. The glossary's own words
# are added to these (its 驳回原因 contains 驳回; its "用户名 is fine"); keep this list short.
ALLOWED_COMPOUNDS = {
    "客户端",  # the client program, not a buyer
}

# Former names of glossary states that are not in its "not" column but must not come back.
FORMER_STATE_NAMES = {
    "在售": "已上架",  # listing on_sale
    "已下单未支付": "待支付",  # order unpaid
}

# Latin words a Chinese text may show as they are: ids, acronyms and names vendors use untranslated.
ALLOWED_IN_CHINESE = {
    "SaaS",
    "API",
    "ID",
    "QQ",
    "CSV",
    "URL",
    "HTTP",
    "HTTPS",
    "http",
    "https",
    "JSON",
    "UUID",
    "ASCII",
    "MIT",  # the licence's name
    "F5",  # a key on the keyboard
    "CentOS",
    "Ubuntu",
    "Windows",
    "Linux",
    "macOS",
    "Idempotency-Key",
    "If-Match",  # HTTP headers the server's errors name to API clients
}

# Where a role id is the literal user name to type (GLOSSARY: only that may show ``owner``).
USER_NAME_CONTEXTS = {"SignInDialog"}

# Sandbox modules of names and sample content: what buyers, vendors and reviewers typed.
TYPED_DATA_MODULES = {"names.py", "seed.py"}


# -- the glossary ---------------------------------------------------------------------------------


def glossary_tables(text: str) -> dict[str, list[dict[str, str]]]:
    """Each ``## Heading``'s table as rows of {column: cell}."""
    tables: dict[str, list[dict[str, str]]] = {}
    heading, header = "", None
    for line in text.splitlines():
        if line.startswith("## "):
            heading, header = line[3:].strip(), None
            continue
        if not line.startswith("|"):
            header = None
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if header is None:
            header = cells
            tables[heading] = []
        elif not set("".join(cells)) <= set("-: "):
            tables[heading].append(dict(zip(header, cells, strict=True)))
    return tables


TABLES = glossary_tables(GLOSSARY.read_text(encoding="utf-8"))


def _split(cell: str, sep: str) -> list[str]:
    return [part.strip() for part in cell.split(sep)]


@dataclass(frozen=True)
class StateName:
    entity: str
    state: str
    zh: str
    en: str


def state_names() -> list[StateName]:
    """The States table, one row per state ("a / b" cells split, the entity carried down)."""
    names, entity = [], ""
    for row in TABLES["States"]:
        entity = row["entity"] or entity
        ids, zh, en = _split(row["state id"], " / "), _split(row["zh"], " / "), _split(row["en"], " / ")
        assert len(ids) == len(zh) == len(en), f"GLOSSARY.md States row of {entity} does not line up: {row}"
        names += [StateName(entity, s, z, e) for s, z, e in zip(ids, zh, en, strict=True)]
    return names


def word_row(idea: str) -> dict[str, str]:
    return next(row for row in TABLES["Words"] if row["idea"] == idea)


@dataclass(frozen=True)
class Forbidden:
    term: str
    zh: str  # the glossary's word instead, to say in the failure
    en: str


def forbidden_terms() -> tuple[list[Forbidden], list[Forbidden], set[str]]:
    """The "not" column: Chinese terms, English words, and the role ids not to show as text."""
    zh: list[Forbidden] = []
    en: list[Forbidden] = []
    role_ids: set[str] = set()
    for row in TABLES["Words"]:
        cell = row["not"]
        if "role id" in cell:
            role_ids |= set(re.findall(r"`(\w+)`", cell)) or {r.value for r in Role}
            continue
        for fragment in re.split(r"[,;()]", cell):
            fragment = fragment.strip()
            if not fragment or "is fine" in fragment:
                continue
            if runs := CJK.findall(fragment):
                zh += [Forbidden(t, row["zh"], row["en"]) for t in runs]
            elif re.fullmatch(r"[A-Z][A-Za-z]+", fragment):
                en.append(Forbidden(fragment, row["zh"], row["en"]))
    return zh, en, role_ids


def allowed_compounds(forbidden: list[Forbidden]) -> set[str]:
    """Longer words holding a forbidden term that are fine: the glossary's own words, what its "not"
    column says "is fine", and ALLOWED_COMPOUNDS."""
    said_fine = {m for row in TABLES["Words"] for m in re.findall(r"(\S+) is fine", row["not"])}
    own = {
        run
        for table in TABLES.values()
        for row in table
        for column, cell in row.items()
        if column in ("zh", "idea")
        for run in CJK.findall(cell)
    }
    terms = {f.term for f in forbidden}
    derived = {w for w in own if any(t in w and t != w for t in terms)}
    return ALLOWED_COMPOUNDS | said_fine | derived


FORBIDDEN_ZH, FORBIDDEN_EN, ROLE_IDS = forbidden_terms()
ALLOWED = allowed_compounds(FORBIDDEN_ZH)


def forbidden_in(text: str) -> list[Forbidden]:
    """The forbidden Chinese terms in ``text`` as whole terms: inside an allowed compound they are fine."""
    masked = text
    for word in sorted(ALLOWED, key=len, reverse=True):
        masked = masked.replace(word, "\0" * len(word))
    former = [Forbidden(old, new, "") for old, new in FORMER_STATE_NAMES.items()]
    return [f for f in FORBIDDEN_ZH + former if f.term in masked]


# -- what the user reads --------------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    where: str
    text: str
    context: str = ""


def catalog() -> list[tuple[str, str, str]]:
    """(context, English source, Chinese translation) of every catalog entry (each plural form)."""
    entries = []
    for ctx in ET.parse(CATALOG).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            source = msg.findtext("source") or ""
            tr = msg.find("translation")
            assert tr is not None
            forms = [f.text or "" for f in tr.iter("numerusform")] or [tr.text or ""]
            entries += [(name, source, form) for form in forms]
    return entries


def _docstrings(tree: ast.AST) -> set[int]:
    kinds = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
    return {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, kinds)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }


def server_texts() -> Iterator[Text]:
    """Every Chinese text the sandbox can send: error messages (``message_zh``), field problems,
    in-app messages. Docstrings, OpenAPI ``description=`` texts and the API notes that only gloss
    an English term in Chinese are documentation for developers, not text for the vendor; f-string
    holes read as %1."""
    for path in sorted(SANDBOX.rglob("*.py")):
        if path.name in TYPED_DATA_MODULES:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = _docstrings(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.keyword) and node.arg == "description":
                skip |= {id(n) for n in ast.walk(node.value)}
            if isinstance(node, ast.JoinedStr):
                skip |= {id(v) for v in node.values}
        for node in ast.walk(tree):
            if id(node) in skip:
                continue
            if isinstance(node, ast.JoinedStr):
                text = "".join(v.value if isinstance(v, ast.Constant) else "%1" for v in node.values)
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                text = node.value
            else:
                continue
            cjk = sum(len(run) for run in CJK.findall(text))
            latin = sum(len(w) for w in LATIN_WORD.findall(text))
            if cjk and latin <= 3 * cjk:
                yield Text(f"{path.relative_to(ROOT)}:{node.lineno}", text)


def chinese_texts() -> list[Text]:
    texts = [Text(f"{ctx} “{source}”", zh, ctx) for ctx, source, zh in catalog()]
    texts += list(server_texts())
    texts += [Text(f"market {m.id}", m.name_zh) for m in MARKETS.values()]
    return texts


def english_sources() -> list[Text]:
    seen = {(ctx, source) for ctx, source, _zh in catalog()}
    texts = [Text(ctx, source, ctx) for ctx, source in sorted(seen)]
    texts += [Text(f"market {m.id}", m.name_en) for m in MARKETS.values()]
    return texts


def _report(problems: list[str]) -> str:
    return "GLOSSARY.md is not followed:\n" + "\n".join(problems)


# -- the tests ------------------------------------------------------------------------------------


def test_the_docs_copy_of_the_glossary_is_the_shared_one():
    if not SHARED_GLOSSARY.exists():
        pytest.skip("no ../shared/GLOSSARY.md beside the repository (a clean clone)")
    assert GLOSSARY.read_text(encoding="utf-8") == SHARED_GLOSSARY.read_text(encoding="utf-8"), (
        "docs/GLOSSARY.md differs from ../shared/GLOSSARY.md: copy the shared one over"
    )


def test_the_glossary_is_read():
    """The parser finds what the check relies on, so a reformatted glossary cannot pass silently."""
    rows_with_not = [row for row in TABLES["Words"] if row["not"]]
    assert len(rows_with_not) >= 10
    for row in rows_with_not:
        named = {f.term for f in FORBIDDEN_ZH + FORBIDDEN_EN if f.zh == row["zh"]}
        assert named or "role id" in row["not"], f"nothing forbidden read from {row['not']!r}"
    assert {"仪表盘", "更改", "被拒绝", "帐号"} <= {f.term for f in FORBIDDEN_ZH}
    assert "Dashboard" in {f.term for f in FORBIDDEN_EN}
    assert {r.value for r in Role} <= ROLE_IDS
    assert {"用户名", "驳回原因"} <= ALLOWED
    assert {s.entity for s in state_names()} >= set(STATE_LABELS)


def test_whole_terms_are_matched_not_substrings():
    assert [f.term for f in forbidden_in("用户名")] == []
    assert [f.term for f in forbidden_in("审核未通过 · 驳回原因")] == []
    assert [f.term for f in forbidden_in("已被驳回")] == ["驳回"]
    assert [f.term for f in forbidden_in("用户的订单")] == ["用户"]


def test_chinese_texts_use_the_glossary_words():
    problems = []
    for t in chinese_texts():
        for f in forbidden_in(t.text):
            problems.append(f"{t.where}: 「{t.text}」 says 「{f.term}」; the glossary's word is 「{f.zh}」")
        for word in set(LATIN_WORD.findall(t.text)) & ROLE_IDS:
            if t.context not in USER_NAME_CONTEXTS:
                problems.append(
                    f"{t.where}: 「{t.text}」 shows the role id 「{word}」; say its name ({word_row('roles')['zh']})"
                )
    assert not problems, _report(problems)


def _latin_words(text: str) -> set[str]:
    text = re.sub(r"%(\d+|L?n)", " ", text)  # placeholders
    text = re.sub(r"\(&\w\)|&(?=\w)", " ", text)  # menu mnemonics, 文件(&F)
    text = re.sub(r"\*\.\w+", " ", text)  # file patterns, *.csv
    return set(LATIN_WORD.findall(text))


def test_chinese_texts_carry_no_untranslated_english():
    problems = []
    for t in chinese_texts():
        for word in sorted(_latin_words(t.text) - ALLOWED_IN_CHINESE):
            if word in ROLE_IDS and t.context in USER_NAME_CONTEXTS:
                continue  # the user name `owner`, to type as it is
            problems.append(f"{t.where}: 「{t.text}」 shows the English 「{word}」 on a Chinese screen")
    assert not problems, _report(problems)


# Half-width punctuation touching Chinese text (GLOSSARY "Voice": full-width，。：in Chinese text).
HALF_WIDTH = re.compile(r"(?<=[\u3400-\u9fff])\s?[,.:;!?()]|[,:;!?()]\s?(?=[\u3400-\u9fff])")


def test_chinese_texts_use_full_width_punctuation():
    problems = []
    for t in chinese_texts():
        text = re.sub(r"\(&\w\)|\(\*\.\w+\)", "", t.text)  # menu mnemonics 文件(&F), file filters (*.csv)
        for mark in HALF_WIDTH.findall(text):
            problems.append(f"{t.where}: 「{t.text}」 has the half-width 「{mark.strip()}」; use ，。：；！？（）")
    assert not problems, _report(problems)


def test_english_sources_use_the_glossary_words():
    en_roles = dict(zip(list(Role), _split(word_row("roles")["en"], " · "), strict=True))
    # a role id that is not its own English name (owner → Main account) is not shown as a word
    shown_ids = {r.value for r, name in en_roles.items() if r.value in ROLE_IDS and r.value != name.lower()}
    problems = []
    for t in english_sources():
        for f in FORBIDDEN_EN:
            if re.search(rf"\b{f.term}\b", t.text, re.IGNORECASE):
                problems.append(f"{t.where}: “{t.text}” says “{f.term}”; the glossary's word is “{f.en}”")
        for word in shown_ids:
            if re.search(rf"\b{word}\b", t.text, re.IGNORECASE) and t.context not in USER_NAME_CONTEXTS:
                problems.append(f"{t.where}: “{t.text}” shows the role id “{word}”; say “{en_roles[Role(word)]}”")
        if re.search(r"\w\(s\)", t.text):
            problems.append(f"{t.where}: “{t.text}” has a “(s)” plural; use %n with a plural form")
        if CJK.search(t.text):
            problems.append(f"{t.where}: “{t.text}” shows Chinese on an English screen")
    assert not problems, _report(problems)


# -- state names: each label function says the glossary's word in both languages -------------------


def _order_label(state: str) -> str:
    from vendor_desktop.viewmodels.core.labels import order_state_label

    return order_state_label(state)


def _listing_label(state: str) -> str:
    from vendor_desktop.viewmodels.listings.table import state_label

    return state_label(state)


def _revision_label(state: str) -> str:
    from vendor_desktop.viewmodels.listings.table import revision_state_label

    return revision_state_label(state.replace(" ", "_"))


def _discount_label(state: str) -> str:
    from vendor_desktop.viewmodels.discounts.viewmodel import state_label

    return state_label(state)


def _change_label(state: str) -> str:
    from vendor_desktop.viewmodels.core.labels import change_state_label

    return change_state_label(state)


# The entities whose states the app shows today; an entity added to the app joins this list.
STATE_LABELS: dict[str, Callable[[str], str]] = {
    "order": _order_label,
    "listing": _listing_label,
    "listing revision": _revision_label,
    "discount": _discount_label,
    "queued change": _change_label,
}


@pytest.fixture
def language(qapp):
    def install(name: str) -> None:
        i18n.install(name)

    yield install
    i18n.install(i18n.ENGLISH)


@pytest.mark.parametrize("entity", list(STATE_LABELS))
def test_states_are_named_as_the_glossary_names_them(language, entity):
    label = STATE_LABELS[entity]
    names = [s for s in state_names() if s.entity == entity]
    assert names
    problems = []
    for lang, attr in (("zh_CN", "zh"), ("en", "en")):
        language(lang)
        for s in names:
            shown, wanted = label(s.state), getattr(s, attr)
            if shown != wanted:
                problems.append(f"{entity} {s.state} ({lang}) is shown as “{shown}”; the glossary says “{wanted}”")
    assert not problems, _report(problems)


@pytest.mark.parametrize("entity", ["order", "listing"])
def test_the_server_names_states_as_the_glossary_names_them(entity):
    """The sandbox's messages name a state (订单状态为待交付…), never its id."""
    from vendor_desktop.sandbox.listings.errors import LISTING_STATE_NAMES
    from vendor_desktop.sandbox.orders.errors import ORDER_STATE_NAMES

    names = {"order": ORDER_STATE_NAMES, "listing": LISTING_STATE_NAMES}[entity]
    wanted = {s.state: (s.en, s.zh) for s in state_names() if s.entity == entity}
    assert names == wanted


def test_roles_and_billing_modes_are_named_as_the_glossary_names_them(language):
    from vendor_desktop.viewmodels.core.labels import billing_mode_label, role_label

    problems = []
    for lang, column in (("zh_CN", "zh"), ("en", "en")):
        language(lang)
        wanted = dict(zip(list(Role), _split(word_row("roles")[column], " · "), strict=True))
        wanted |= dict(
            zip(("payg", "monthly", "yearly"), _split(word_row("billing modes")[column], " · "), strict=True)
        )
        for key, name in wanted.items():
            shown = role_label(key) if isinstance(key, Role) else billing_mode_label(key)
            if shown != name:
                problems.append(f"{key} ({lang}) is shown as “{shown}”; the glossary says “{name}”")
    assert not problems, _report(problems)


def test_market_choices_speak_one_language(language):
    """A market is named in the screen's language only (no "SaaS市场 · SaaS market")."""
    from vendor_desktop.viewmodels.listings.listing_editor import market_choices

    language("zh_CN")
    assert [label for _id, label in market_choices()] == [m.name_zh for m in MARKETS.values()]
    language("en")
    assert [label for _id, label in market_choices()] == [m.name_en for m in MARKETS.values()]


def test_counts_are_said_as_the_glossary_says(language):
    """Formats "counts": 共 205 个订单 · 205 orders · 1 order, in the list and in the status bar
    (whose counts once fell back to "1 changes" in both languages)."""
    from PySide6.QtCore import QCoreApplication

    from vendor_desktop.ui.shell.status_bar import StatusBarCounts

    row = next(r for r in TABLES["Formats"] if r["what"] == "counts")
    zh_many = re.findall(r"`([^`]+)`", row["zh"])[0]
    en_many, en_one = re.findall(r"`([^`]+)`", row["en"])[:2]
    orders = lambda n: QCoreApplication.translate("OrdersView", "%n orders", "", n)  # noqa: E731
    counts = StatusBarCounts()
    language("zh_CN")
    assert orders(205) == zh_many
    assert (counts.waiting(1), counts.not_accepted(3)) == ("1 项修改待发送", "云市场未接受 3 项修改")
    language("en")
    assert (orders(205), orders(1)) == (en_many, en_one)
    assert (counts.waiting(1), counts.waiting(2)) == ("1 change waiting to send", "2 changes waiting to send")
    assert counts.updates_received(170_000) == "170,000 updates received"
