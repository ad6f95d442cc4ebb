"""The 方案 of a rule set with a rating appraisal (民主评议党员): a section of its own with who is rated, the
steps in order, the levels, the limits with their arithmetic and the duties a level brings — what is planned,
never a result; read back from the DOCX as Word would show it (tests/fixtures/format/ratings*.yaml)."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import pytest
from conftest import FIXTURES

import lifemeeting as lm
from lifemeeting.answers.plan_document import plan_document

docx = pytest.importorskip("docx", reason="the DOCX needs the office extra")

from lifemeeting.render.document_docx import document_docx  # noqa: E402
from lifemeeting.render.document_md import document_md  # noqa: E402

ON = dt.date(2020, 12, 1)
MEMBERS = [
    {"id": "zhao", "name": "赵书记", "attributes": {"secretary": True}},
    {"id": "qian", "name": "钱一"},
    {"id": "sun", "name": "孙二"},
    {"id": "zheng", "name": "郑六", "attributes": {"probationary": True}},
]
PLAIN = [{"id": m["id"], "name": m["name"]} for m in MEMBERS]


def _case(name: str = "ratings", members: list[dict[str, object]] = MEMBERS, events: list[object] = ()) -> lm.OpenCase:
    path = FIXTURES / "format" / f"{name}.yaml"
    data = {
        "ruleset": str(path),
        "unit": {"name": "某党支部"},
        "year": 2020,
        "members": members,
        "meeting": {"date": "2020-12-10"},
        "events": list(events),
    }
    return lm.open_case(data, ruleset=lm.load_ruleset(path))


def _read(case: lm.OpenCase) -> docx.document.Document:
    return docx.Document(io.BytesIO(document_docx(plan_document(case, on=ON))))


def _between(d: docx.document.Document, start: str, end: str) -> list[str]:
    """The paragraphs' text from the heading ending in ``start`` up to the one ending in ``end``."""
    texts = [p.text for p in d.paragraphs]
    first = next(i for i, t in enumerate(texts) if t.endswith(start))
    last = next(i for i, t in enumerate(texts) if i > first and t.endswith(end))
    return [t for t in texts[first + 1 : last] if t]


def test_the_rating_has_its_own_section_after_the_agenda_with_levels_steps_limits_and_duties() -> None:
    d = _read(_case())
    headings = [p.text.split("、", 1)[1] for p in d.paragraphs if p.style.name == "Heading 1"]
    assert headings[headings.index("会议议程") + 1 : headings.index("会后工作")] == ["民主评议党员"]
    section = _between(d, "、民主评议党员", "、会后工作")
    assert section[0] == "参加评定：赵书记、钱一、孙二（共3人）；参加评议但不评定等次：郑六。"
    assert re.fullmatch(r"等次（由高到低）：优秀、合格、基本合格、不合格。\[\d+\]", section[1])
    assert "（一）步骤（依次进行）" in section
    limit = next(t for t in section if t.startswith("评为优秀"))
    assert limit.startswith("评为优秀的不超过参加评定人数的1/3（3人参加评定，至多1人）；超出的，结果不予登记。[")
    duty = next(t for t in section if t.startswith("评为不合格"))
    assert duty.startswith("评为不合格的，每人限期改正，由支部书记（赵书记）负责，评定后3个月内。[")
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in d.tables]
    (steps,) = [t for t in tables if t[0] == ["序号", "步骤", "责任人", "时间", "依据"]]
    assert [r[1] for r in steps[1:]] == ["个人自评", "党员互评", "民主测评"]  # in the order they must be done
    assert [r[2] for r in steps[1:]] == ["全体党员", "全体党员", "支部书记（赵书记）"]


def test_every_sentence_of_the_section_cites_a_quote_listed_at_the_end() -> None:
    d = _read(_case())
    section = "\n".join(_between(d, "、民主评议党员", "、会后工作"))
    refs = {int(n) for n in re.findall(r"\[(\d+)\]", section)}
    listed = {int(m.group(1)): m.group(2) for p in d.paragraphs if (m := re.match(r"\[(\d+)\] .*：“(.*)”", p.text))}
    assert refs <= set(listed)
    quotes = {listed[n] for n in refs}
    assert "评为优秀的党员不得超过参评党员的三分之一" in quotes
    assert "评为不合格的党员，限期改正，由支部书记负责，期限三个月" in quotes
    assert "支部委员会根据测评情况提出评定等次，分为优秀、合格、基本合格、不合格" in quotes


@pytest.mark.parametrize(
    ("fixture", "said"),
    [
        ("ratings-soft", "评为优秀的不超过参加评定人数的1/3（4人参加评定，至多1人），一般要求；超出的，予以提示。["),
        (
            "ratings-redo",
            "评为优秀的不超过参加评定人数的1/3（4人参加评定，至多1人）；超出的，重新评议，并重做民主测评。[",
        ),
    ],
)
def test_a_soft_limit_and_one_that_redoes_say_what_exceeding_does(fixture: str, said: str) -> None:
    section = _between(_read(_case(fixture, PLAIN)), "、民主评议党员", "、会后工作")
    assert any(t.startswith(said) for t in section), section


def test_the_section_is_the_plan_not_the_result() -> None:
    steps = [
        {"date": "2020-12-10", "type": "done", "task": t} for t in ("self_review", "mutual_review", "democratic_test")
    ]
    events = [{"date": "2020-12-01", "type": "talk", "between": ["zhao", m]} for m in ("qian", "sun", "zheng")]
    events += [{"date": "2020-12-10", "type": "held"}, *steps]
    ratings = {"zhao": "优秀", "qian": "合格", "sun": "不合格"}
    events.append({"date": "2020-12-11", "type": "rated", "appraisal": "member_review", "ratings": ratings})
    rated = plan_document(_case(events=events), on=dt.date(2020, 12, 20))
    planned = plan_document(_case(), on=dt.date(2020, 12, 20))
    assert rated.ratings == planned.ratings


def test_markdown_says_the_same(tmp_path: Path) -> None:
    text = document_md(plan_document(_case(), on=ON))
    section = text[text.index("## 八、民主评议党员") : text.index("## 九、会后工作")]
    assert "参加评定：赵书记、钱一、孙二（共3人）；参加评议但不评定等次：郑六。" in section
    assert "### 步骤（依次进行）" in section
    assert "| 1 | 个人自评 | 全体党员 |" in section
    assert "- 评为优秀的不超过参加评定人数的1/3（3人参加评定，至多1人）；超出的，结果不予登记。[" in section
    assert "- 评为不合格的，每人限期改正，由支部书记（赵书记）负责，评定后3个月内。[" in section


def test_a_rule_set_without_a_rating_has_no_such_section() -> None:
    from conftest import EXAMPLES

    assert plan_document(EXAMPLES / "fagaiwei-2013" / "ready.yaml").ratings == []
