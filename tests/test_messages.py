"""Findings as data: every rule's message is a catalogue key with typed figures, worded in English and
in Vietnamese; no rule writes a sentence of its own."""

from __future__ import annotations

import ast
import string
from decimal import Decimal

import pytest

from plan272.catalogue import CATALOGUE
from plan272.engine import run
from plan272.load import load_plan
from plan272.messages import Amount, Each, Message, Num, Off, Pct, Words
from plans import DATA, ROOT

FIXTURES = [DATA, ROOT / "tests" / "fixtures" / "plan2"]


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


#: arguments a language does without: Vietnamese nouns have no plural
PLURAL_ONLY = {"s", "rows", "entries"}


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_key_has_both_languages_with_the_same_fields(key: str) -> None:
    en, vi = CATALOGUE[key]
    assert en.strip() and vi.strip()
    assert fields(en) - PLURAL_ONLY == fields(vi) - PLURAL_ONLY and fields(vi) <= fields(en), key
    assert vi == __import__("unicodedata").normalize("NFC", vi)


def test_no_key_is_in_two_parts_of_the_catalogue() -> None:
    from plan272.catalogue import PARTS

    assert sum(len(part) for part in PARTS.values()) == len(CATALOGUE)


def test_no_rule_writes_a_sentence_of_its_own() -> None:
    """Statically: the message of every ``Finding(...)`` in the rules is a :class:`Message` built there
    (or a name bound to one), never an f-string, a concatenation or a literal."""
    offenders = []
    for path in sorted((ROOT / "src" / "plan272" / "rules").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Finding":
                message = (
                    node.args[2]
                    if len(node.args) > 2
                    else next((k.value for k in node.keywords if k.arg == "message"), None)
                )
                is_message = isinstance(message, ast.Call) and getattr(message.func, "id", None) == "Message"
                if not (is_message or isinstance(message, ast.Name)):
                    offenders.append(f"{path.name}:{node.lineno}")
    assert offenders == []


def test_every_rule_finding_renders_in_both_languages() -> None:
    codes = set()
    for data in FIXTURES:
        for finding in run(load_plan(data)).findings:
            if finding.code == "DAT001":
                continue  # load problems: see test_load_problems_*
            assert isinstance(finding.message, Message), finding
            en, vi = finding.text("en"), finding.text("vi")
            assert en and vi and "{" not in en + vi
            codes.add(finding.code)
    assert len(codes) >= 10, codes


def test_the_shipped_plans_findings_in_vietnamese() -> None:
    report = run(load_plan(DATA))
    sec001 = next(f for f in report.findings if f.code == "SEC001")
    assert sec001.text("vi") == (
        "an toàn thông tin giai đoạn 2021–2025: 130.000 trên 1.501.713 triệu đồng là 8,66%, dưới mức tối "
        "thiểu 10% (cần 150.172: thiếu 20.172); tính: IV.1, IV.2; mẫu số: Phụ lục I + Phụ lục II"
    )
    assert sec001.text("en").startswith(
        "information security over 2021–2025: 130,000 of 1,501,713 million VND"
    )


@pytest.mark.parametrize(
    ("arg", "en", "vi"),
    [
        (Amount(1501713), "1,501,713", "1.501.713"),
        (Amount(Decimal("1458.818")), "1,458.818", "1.458,818"),
        (Num(Decimal("12.5")), "12.5", "12,5"),
        (Num(75), "75", "75"),
        (Pct(Decimal("8.6588")), "8.66%", "8,66%"),
        (Off(20200, 21200), "1,000 too much", "thừa 1.000"),
        (Off(20200, 19200), "1,000 too little", "thiếu 1.000"),
        (Each(("IV.1", "IV.2")), "IV.1, IV.2", "IV.1, IV.2"),
        (Each((Words("Appendix I", "Phụ lục I"), Words("Appendix II", "Phụ lục II")), "plus"),
         "Appendix I + Appendix II", "Phụ lục I + Phụ lục II"),
        (Each((), "list"), "none", "không có"),
        (2021, "2021", "2021"),
    ],
)  # fmt: skip
def test_arguments_in_each_languages_notation(arg: object, en: str, vi: str) -> None:
    message = Message("not-checked.what", what=arg)  # type: ignore[arg-type]
    assert message.render("en") == f" ({en})" and message.render("vi") == f" ({vi})"


def test_text_from_the_data_is_never_a_template() -> None:
    assert Message("not-checked.what", what="{what} {0} {x.y}").render("vi") == " ({what} {0} {x.y})"


def test_every_rule_is_explained_in_both_languages() -> None:
    from plan272.rules import catalogue, int001
    from plan272.rules._vi import TEXTS

    for rule in (*catalogue(), int001.RULE):
        text = TEXTS[rule.code]
        assert all((text.summary, text.what, text.why, text.source, text.fix)), rule.code
        assert rule.explanation(lang="vi").startswith(f"{rule.code} ({rule.name}) — mức độ mặc định: ")
        assert "Cách xử lý một kết quả" in rule.explanation(lang="vi")
