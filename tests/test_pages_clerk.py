"""The case page as a newcomer clerk reads it. Once the meeting is held: the verdict says it was held and what
the round must redo (in words, never ids), the next steps are the round's open duties ordered as
``lifemeeting check`` orders its actions, every round is headed by its stage in words, a step is listed once, and
the receipt names the rules and the engine. Before it: every party of a missing talk is named as the engine names
it. And the trail and the form: every event type named, a retraction recorded from the form, a wrong form answered
with a status code and the form's own words, and what the engine or the store refuses shown as a page.
"""

from __future__ import annotations

import re
import shutil

import pytest
from conftest import FIXTURES
from service_support import example, running

httpx = pytest.importorskip("httpx", reason="the service tests need the test extra")
pytest.importorskip("fastapi", reason="the pages need the service extra")
pytest.importorskip("jinja2", reason="the pages need the service extra (jinja2)")

from lifemeeting.case.model import Case  # noqa: E402
from lifemeeting.service import create_app  # noqa: E402
from lifemeeting.store import Store  # noqa: E402

CASES = {
    "ordered": "branch-2018/held-reappraisal-ordered.yaml",  # 上级党组织责令重新评议 after the round closed
    "excellent": "branch-2018/held-too-many-excellent.yaml",
    "county": "puyang-2014/ready-county.yaml",
    "town": "town-2014/blocked-talks-incomplete.yaml",  # 王德明 never talked with the head of 村镇建设办
    "stuck": "puyang-2014/blocked-stuck-at-link.yaml",  # 刘振华's 对照检查材料 waits at ⑦省委负责同志审核
}
ON = "2019-02-01"


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    store = Store(f"sqlite:///{tmp_path_factory.mktemp('held') / 'pages.db'}")
    for case_id, path in CASES.items():
        store.create_case(Case.model_validate(example(path)), actor="test", case_id=case_id)
    with running(create_app(store)) as base, httpx.Client(base_url=base, timeout=30) as c:
        yield c
    store.close()


def section(html: str, name: str) -> str:
    start = html.index(f'<section id="{name}"')
    return html[start : html.index("</section>", start)]


def cells(html: str) -> list[list[str]]:
    """The body rows of the tables in ``html``, each cell as its text."""
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", html, flags=re.S)
    found = [[re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", r, re.S)] for r in rows]
    return [r for r in found if r]


def test_a_held_meeting_is_said_held_with_what_the_round_redoes_in_words(client):
    verdict = section(client.get(f"/cases/ordered?on={ON}").text, "verdict")
    assert 'data-verdict="held"' in verdict
    assert "暂不能召开" not in verdict  # the meeting was held; it is not waiting to be convened
    assert "组织生活会已于2018-12-20召开 · 返工补课（第2轮）" in verdict
    assert "原因：上级党组织责令重新评议：民主测评未经讨论，评定结果失真失实" in verdict
    assert "须重做：个人自评、党员互评、民主测评、重新民主评议党员" in verdict
    assert "self_review" not in verdict and "member_review" not in verdict


def test_every_party_of_a_missing_talk_is_named_as_the_engine_names_it(client):
    html = client.get("/cases/town?on=2014-07-16").text
    assert "缺少的谈话：王德明—村镇建设办主要负责同志" in section(html, "verdict")
    assert "head:" not in html.replace('value="head:', "")  # the form posts the id; it shows the name


def test_a_clerk_records_a_talk_with_a_department_head_from_the_form(tmp_path):
    """Before, the form offered members and outside roles only: a talk with a 分管部门主要负责同志 was unrecordable."""
    store = Store(f"sqlite:///{tmp_path / 'town.db'}")
    store.create_case(Case.model_validate(example(CASES["town"])), actor="test", case_id="town")
    with running(create_app(store)) as base, httpx.Client(base_url=base, timeout=30) as c:
        form = section(c.get("/cases/town?on=2014-07-16").text, "record")
        assert '<option value="head:村镇建设办">村镇建设办主要负责同志</option>' in form
        for a, b in (("wang", "head:村镇建设办"), ("sun", "wang")):
            r = c.post(
                "/cases/town/record",
                data={"type": "talk", "date": "2014-07-10", "a": a, "b": b, "on": "2014-07-16"},
                follow_redirects=False,
            )
            assert r.status_code == 303, re.findall(r'<div class="refusal"[^>]*>(.*?)</div>', r.text, re.S)
        assert "缺少的谈话" not in section(c.get("/cases/town?on=2014-07-16").text, "verdict")
    store.close()


def test_the_overview_tells_cases_of_one_unit_apart_and_says_held_of_a_held_meeting(client):
    rows = {r[0]: r for r in cells(section(client.get(f"/overview?on={ON}").text, "cases"))}
    assert rows["市统计局机关第一党支部ordered"][1:4] == ["branch-2018", "返工补课", "已召开"]
    assert rows["市统计局机关第一党支部excellent"][1:4] == ["branch-2018", "已召开，落实会后工作", "已召开"]


def test_the_rule_set_page_says_who_and_what_in_the_rule_sets_words_not_ids(client):
    """Was: {'members': {'committee': True}}, each_other, secretary, tasks_done, study."""
    html = client.get("/rulesets/branch-2018").text
    talks = cells(section(html, "talks"))
    assert [r[:3] for r in talks] == [
        ["党支部委员之间谈心谈话", "党员（是党支部委员）", "相互之间"],
        ["党支部书记与每名党员谈心谈话", "党支部书记", "全体党员"],
        ["党员和党员之间谈心谈话", "党员（不是党支部委员）", "相互之间"],
    ]
    assert ["确定组织生活会主题", "党支部书记", "—"] in [r[:3] for r in cells(section(html, "deadlines"))]
    gates = {r[0]: r[1:3] for r in cells(section(html, "gates"))}
    assert gates["会前确定主题、听取意见 prepared"] == ["准备工作完成", "确定组织生活会主题、听取意见"]
    chains = cells(section(client.get("/rulesets/puyang-2014?tier=county").text, "chains"))
    assert any("县（区）委书记审核（县（区）委书记）" in r[2] for r in chains), chains


def test_the_receipt_names_the_rules_version_and_content_and_the_engine(client):
    verdict = section(client.get(f"/cases/county?on={ON}").text, "verdict")
    assert re.search(r"回执：puyang-2014 \d+\.\d+\.\d+ sha256:[0-9a-f]{12} lifemeeting \S+</small>", verdict), verdict


def test_next_steps_once_held_are_the_rounds_open_duties_in_the_order_they_come(client):
    """Before: '无待办事项' under a held meeting with four steps to redo. Now the open steps as `status` orders
    them (deadline, then what must come first: 个人自评 → 党员互评 → 民主测评, then the rating), each with its owner."""
    rows = cells(section(client.get(f"/cases/ordered?on={ON}").text, "actions"))
    assert rows == [
        ["全体党员", "个人自评", "—"],
        ["全体党员", "党员互评", "—"],
        ["党支部书记（赵立群）", "民主测评", "—"],
        ["党支部班子", "重新民主评议党员", "—"],
    ]
    held = cells(section(client.get(f"/cases/excellent?on={ON}").text, "actions"))
    assert held == [["党支部书记（赵立群）", "制定整改措施，逐一整改落实", "—"]]


def test_a_redone_rating_is_owned_by_the_team_as_the_rule_set_says_of_what_no_role_owns(client):
    """The rating has no role; the rule set's team (党支部班子, 'owner of what no role owns') gives the 评定意见."""
    rounds = section(client.get(f"/cases/ordered?on={ON}").text, "rounds")
    assert ["重新民主评议党员", "党支部班子", "—", "未完成"] in [r[:4] for r in cells(rounds)]
    status = client.get("/v1/cases/ordered/status", params={"on": ON}).json()
    assert {d["name"]: d["owner"] for d in status["rounds"][-1]["redo"]}["重新民主评议党员"] == "党支部班子"


def test_each_round_is_headed_by_its_stage_in_words_and_lists_a_step_once(client):
    rounds = section(client.get(f"/cases/ordered?on={ON}").text, "rounds")
    headings = [re.sub(r"<[^>]+>", "", h) for h in re.findall(r"<h3>(.*?)</h3>", rounds)]
    assert headings == ["第1轮（首次） · 2018-12-20 召开 · 已完结", "第2轮（重做） · 2018-12-20 召开 · 返工补课"]
    second = rounds[rounds.index("第2轮") :]
    names = [r[0] for r in cells(second[: second.index("</table>")])]
    carried = "制定整改措施，逐一整改落实 （沿用上一轮）"
    assert names == ["个人自评", "党员互评", "民主测评", "重新民主评议党员", carried]
    preparing = section(client.get("/cases/county?on=2014-06-20").text, "rounds")
    assert "· 会前准备</h3>" in preparing and "preparing" not in preparing


def test_the_trail_names_every_event_and_shows_a_dash_for_an_event_without_fields(client):
    trail = cells(section(client.get(f"/cases/ordered?on={ON}").text, "events"))
    held = next(r for r in trail if r[2] == "召开会议")
    assert held[3] == "—"
    assert all(not re.fullmatch(r"[a-z_]+", r[2]) for r in trail)


def test_a_wrong_form_gets_its_status_code_and_the_forms_own_words(client):
    cases = [
        ({"type": "talk", "date": "2019-13-01"}, "日期：不是有效日期（应为 YYYY-MM-DD）"),
        ({"type": "appraised", "date": "2019-02-01", "satisfied": "很多"}, "满意：应为整数"),
        ({"type": "what", "date": "2019-02-01"}, "事件类型：请从列表中选择"),
        ({"type": "rated", "date": "2019-02-01"}, "须填写「测评」；须填写「等次」"),
        ({"type": "talk", "date": "2019-02-01", "a": "zhao"}, "须填写「甲方、乙方」"),  # was: unknown talk party ''
        ({"type": "done", "date": "2019-02-01", "task": "x", "note": "长" * 4001}, "备注：过长（至多4000字）"),
    ]
    before = client.get("/v1/cases/ordered").json()["version"]
    for data, said in cases:
        r = client.post("/cases/ordered/record", data={**data, "on": ON})
        assert r.status_code == 422, (data, r.status_code)
        refusal = re.search(r'<div class="refusal"[^>]*>(.*?)</div>', r.text, re.S)
        assert refusal and said in refusal.group(1), (data, refusal and refusal.group(1))
        assert "Input should" not in refusal.group(1)
    assert client.get("/v1/cases/ordered").json()["version"] == before


@pytest.fixture
def retracted(tmp_path):
    """A store whose case 'excellent' had its rating (event #20) taken back from the form."""
    store = Store(f"sqlite:///{tmp_path / 'retract.db'}")
    store.create_case(Case.model_validate(example(CASES["excellent"])), actor="test", case_id="excellent")
    with running(create_app(store)) as base, httpx.Client(base_url=base, timeout=30) as c:
        form = section(c.get(f"/cases/excellent?on={ON}").text, "record")
        assert '<option value="retracted">撤销事件（retracted）</option>' in form
        assert 'name="retracts"' in form
        r = c.post(
            "/cases/excellent/record",
            data={"type": "retracted", "date": "2019-01-02", "retracts": "20", "reason": "等次登记错了", "on": ON},
            follow_redirects=False,
        )
        assert r.status_code == 303, re.findall(r'<div class="refusal"[^>]*>(.*?)</div>', r.text, re.S)
        yield c
    store.close()


def test_a_clerk_retracts_a_wrong_event_from_the_form_and_the_trail_keeps_both(retracted):
    trail = retracted.get("/v1/cases/excellent/events").json()
    assert [(e["seq"], e["event"]["type"]) for e in trail[-2:]] == [(20, "rated"), (21, "retracted")]
    status = retracted.get("/v1/cases/excellent/status", params={"on": ON}).json()
    assert status["rounds"][0]["ratings"] == []  # the rating taken back


def test_a_clerk_returns_a_material_for_rewriting_by_a_day_from_the_form(client):
    data = {"type": "returned", "date": "2014-06-20", "material": "examination", "subject": "liu"}
    data |= {"link": "provincial_leader_review", "by": "provincial_leader", "reason": "不深刻"}
    data |= {"rework": "rewrite", "resubmit_by": "2014-06-23", "on": "2014-06-20"}
    r = client.post("/cases/stuck/record", data=data, follow_redirects=False)
    assert r.status_code == 303, re.findall(r'<div class="refusal"[^>]*>(.*?)</div>', r.text, re.S)
    html = client.get("/cases/stuck?on=2014-06-20").text
    assert "退回方式：重新撰写；重新报送期限：2014-06-23" in cells(section(html, "events"))[0][3]
    assert "限2014-06-23前重新撰写" in section(html, "verdict")


def test_a_case_the_engine_cannot_open_is_a_page_with_the_apis_status_code_not_json(tmp_path, monkeypatch):
    """Its rule set gone from the server: the API's 404 unknown_ruleset, as a page for a browser."""
    folder = tmp_path / "rulesets"
    folder.mkdir()
    shutil.copy(FIXTURES / "format" / "ratings.yaml", folder / "format-ratings.yaml")
    monkeypatch.setenv("LIFEMEETING_RULESETS", str(folder))
    store = Store(f"sqlite:///{tmp_path / 'gone.db'}")
    case = {"ruleset": "format-ratings", "unit": {"name": "某党支部"}, "members": [{"id": "zhao", "name": "赵书记"}]}
    store.create_case(Case.model_validate(case), actor="test", case_id="gone")
    store.close()
    (folder / "format-ratings.yaml").unlink()
    store = Store(f"sqlite:///{tmp_path / 'gone.db'}")
    with running(create_app(store)) as base, httpx.Client(base_url=base, timeout=30) as c:
        api = c.get("/v1/cases/gone/timeline")
        assert (api.status_code, api.json()["code"]) == (404, "unknown_ruleset")
        for url in ("/cases/gone", "/cases/gone/timeline.ics", "/cases/gone/plan.md"):
            r = c.get(url)
            assert r.status_code == 404, url
            assert r.headers["content-type"].startswith("text/html"), url
            assert "format-ratings" in re.search(r'<p class="refusal" role="alert">(.*?)</p>', r.text, re.S).group(1)
    store.close()


def test_after_a_retraction_the_case_page_shows_the_case_without_the_event_taken_back(retracted):
    r = retracted.get(f"/cases/excellent?on={ON}")
    assert r.status_code == 200, r.text
    trail = cells(section(r.text, "events"))
    assert trail[0][1:4] == ["2019-01-02", "撤销事件", "理由：等次登记错了；撤销：第20条"]
    assert "比例限制" not in section(r.text, "rounds")  # the rating taken back: nothing breaks the limit now
    timeline = retracted.get("/v1/cases/excellent/timeline", params={"on": ON})
    assert timeline.status_code == 200, timeline.text  # the kept case replays without the event taken back
