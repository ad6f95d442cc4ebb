"""``lifemeeting document``: the 方案 of a case, read back from the DOCX as Word would show it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
from click.testing import CliRunner
from conftest import EXAMPLES
from docx.oxml.ns import qn

from lifemeeting.answers.plan_document import plan_document
from lifemeeting.cli import cli

COUNTY = EXAMPLES / "puyang-2014" / "ready-county.yaml"
PARTY_GROUP = EXAMPLES / "party-group-2017" / "ready.yaml"
SECTIONS = "目的和依据 时间和地点 参加人员 会前准备 材料审核 谈心谈话 会议议程 会后工作 依据条款".split()


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def write_docx(case: Path, tmp_path: Path) -> docx.document.Document:
    out = tmp_path / "plan.docx"
    code, _ = invoke("document", str(case), "-o", str(out), "--on", "2014-06-01")
    assert code == 0
    return docx.Document(str(out))


def test_docx_has_the_sections_in_order(tmp_path: Path) -> None:
    d = write_docx(COUNTY, tmp_path)
    headings = [p.text for p in d.paragraphs if p.style is not None and p.style.name == "Heading 1"]
    assert [h.split("、", 1)[1] for h in headings] == SECTIONS
    assert d.paragraphs[0].text == "中共清丰县委常委班子专题民主生活会方案"
    body = "\n".join(p.text for p in d.paragraphs)
    assert "时间：2014年6月24日（星期二），会期1.5天" in body
    assert "地点：＿" in body  # the case has no place: a blank to fill
    assert "濮群办发〔2014〕22号" in body


def test_docx_tables_hold_members_steps_talks_agenda_and_duties(tmp_path: Path) -> None:
    d = write_docx(COUNTY, tmp_path)
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in d.tables]
    by_header = {}
    for t in tables:
        by_header.setdefault(tuple(t[0]), []).append(t[1:])
    (members,) = by_header[("姓名", "职务", "分管")]
    assert [m[0] for m in members] == ["刘振华", "张建军", "赵明", "陈志国", "杨丽", "吴海涛"]
    (preparation,) = by_header[("序号", "事项", "责任人", "时间", "会前", "依据")]
    expected = plan_document(COUNTY, on=dt.date(2014, 6, 1)).preparation
    assert [r[1] for r in preparation] == [s.name for s in expected]
    assert any("2014-06-20" in r[3] for r in preparation)  # dates worked out from the meeting date
    assert all(r[5].startswith("[") for r in preparation)  # every step cites its rule
    talks = by_header[("序号", "谈话一方", "谈话另一方")]
    assert len(talks[1]) == 15  # six members talk with each other: C(6, 2) pairs
    assert ["1", "刘振华", "张建军"] in talks[0]
    (agenda,) = by_header[("序号", "议程", "发言人", "时间", "依据")]
    assert len(agenda) == 5
    (after,) = by_header[("序号", "事项", "责任人", "时限", "依据")]
    assert any(r[3] == "2014-07-09前（会后15天内）" for r in after)
    (chains,) = by_header[("材料", "谁的材料", "审核环节（依次）", "依据")]
    secretary = next(r for r in chains if r[1] == "刘振华、张建军")
    assert secretary[2].count("\n") == 6  # seven links, one a line


def test_docx_names_an_east_asian_font(tmp_path: Path) -> None:
    d = write_docx(PARTY_GROUP, tmp_path)
    normal = d.styles["Normal"].element.rPr.find(qn("w:rFonts"))
    assert normal.get(qn("w:eastAsia")) == "仿宋"
    heading = d.styles["Heading 1"].element.rPr.find(qn("w:rFonts"))
    assert heading.get(qn("w:eastAsia")) == "黑体"
    assert heading.get(qn("w:eastAsiaTheme")) is None  # else Word shows the theme's font instead


def test_party_group_agenda_has_time_allowances() -> None:
    plan = plan_document(PARTY_GROUP, on=dt.date(2018, 1, 1))
    assert plan.title == "市水务局党组成员专题民主生活会方案"
    assert [a.allowance for a in plan.agenda][1:3] == ["每人约20分钟，4人共约80分钟", "每人约15分钟，4人共约60分钟"]
    numbers = [r.number for r in plan.refs]
    assert numbers == list(range(1, len(numbers) + 1))
    cited = {s.ref for s in [*plan.preparation, *plan.after]} | {a.ref for a in plan.agenda}
    assert cited <= set(numbers)


def test_markdown_to_stdout() -> None:
    code, output = invoke("document", str(PARTY_GROUP), "--format", "md", "--on", "2018-01-01")
    assert code == 0
    assert output.startswith("# 市水务局党组成员专题民主生活会方案\n")
    assert "| 1 | 马文斌 | 韩雪梅 |" in output
    assert "## 九、依据条款" in output


def test_without_a_meeting_date_the_time_is_a_blank_and_relative_dates_wait() -> None:
    import yaml

    from lifemeeting.answers.plan_document import BLANK

    data = yaml.safe_load(PARTY_GROUP.read_text(encoding="utf-8"))
    data.pop("meeting", None)
    plan = plan_document(data, on=dt.date(2018, 1, 1))
    assert plan.meeting_date is None and plan.time.startswith(BLANK)
    assert any(s.by is None and "日期待定" in s.when for s in plan.after)


def test_a_branchs_plan_is_titled_with_its_meeting_and_says_its_materials_need_no_review(tmp_path: Path) -> None:
    """branch-2018 has no review chain: the 材料审核 section says so instead of an empty table."""
    case = EXAMPLES / "branch-2018" / "ready.yaml"
    code, output = invoke("document", str(case), "--format", "md", "--on", "2018-12-01")
    assert code == 0
    assert output.startswith("# 市统计局机关第一党支部组织生活会方案\n")
    section = output.split("## 五、材料审核\n", 1)[1].split("## ", 1)[0]
    assert section.strip() == "各项材料提交即可：规则集没有为它们规定审核环节。"
    out = tmp_path / "plan.docx"
    assert invoke("document", str(case), "-o", str(out), "--on", "2018-12-01")[0] == 0
    d = docx.Document(str(out))
    texts = [p.text for p in d.paragraphs]
    after = texts[next(i for i, t in enumerate(texts) if t.endswith("材料审核")) + 1]
    assert after == "各项材料提交即可：规则集没有为它们规定审核环节。"
