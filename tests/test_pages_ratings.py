"""Ratings per member on the pages: the case page shows each rated member's level per appraisal, the limits a
result breaks with their arithmetic, and the duties owed per member; the form records a ``rated`` event, judged
by the permissions and the engine as any other (tests/fixtures/format/ratings*.yaml)."""

from __future__ import annotations

import io
import re
import shutil

import pytest
from conftest import FIXTURES
from service_support import running

httpx = pytest.importorskip("httpx", reason="the service tests need the test extra")
pytest.importorskip("fastapi", reason="the pages need the service extra")
pytest.importorskip("jinja2", reason="the pages need the service extra (jinja2)")

from lifemeeting.case.model import Case  # noqa: E402
from lifemeeting.service import Auth, create_app  # noqa: E402
from lifemeeting.store import Store  # noqa: E402

ON = "2020-12-20"
MEMBERS = [
    {"id": "zhao", "name": "赵书记", "attributes": {"secretary": True}},
    {"id": "qian", "name": "钱一"},
    {"id": "sun", "name": "孙二"},
    {"id": "zheng", "name": "郑六", "attributes": {"probationary": True}},
]
PLAIN = [{"id": m["id"], "name": m["name"]} for m in MEMBERS]  # the soft and redo fixtures declare no attributes
TALKS = [{"date": "2020-12-01", "type": "talk", "between": ["zhao", m]} for m in ("qian", "sun", "zheng")]
STEPS = ("self_review", "mutual_review", "democratic_test")
HELD = [{"date": "2020-12-10", "type": "held"}, *({"date": "2020-12-10", "type": "done", "task": t} for t in STEPS)]


def rated(day: str, **given: str) -> dict[str, object]:
    return {"date": day, "type": "rated", "appraisal": "member_review", "ratings": given}


def _case(ruleset: str, events: list[dict[str, object]], members: list[dict[str, object]] = MEMBERS) -> Case:
    return Case.model_validate(
        {
            "ruleset": ruleset,
            "unit": {"name": "某党支部"},
            "year": 2020,
            "members": members,
            "meeting": {"date": "2020-12-10"},
            "events": events,
        }
    )


@pytest.fixture
def rulesets(tmp_path, monkeypatch):
    folder = tmp_path / "rulesets"
    folder.mkdir()
    for name in ("ratings", "ratings-soft", "ratings-redo"):
        shutil.copy(FIXTURES / "format" / f"{name}.yaml", folder / f"format-{name}.yaml")
    monkeypatch.setenv("LIFEMEETING_RULESETS", str(folder))
    return folder


@pytest.fixture
def store(tmp_path, rulesets):
    s = Store(f"sqlite:///{tmp_path / 'ratings.db'}")
    yield s
    s.close()


@pytest.fixture
def client(store):
    store.create_case(_case("format-ratings", [*TALKS, *HELD]), actor="test", case_id="br")
    with running(create_app(store)) as base, httpx.Client(base_url=base, timeout=30) as c:
        yield c


def _section(html: str, start: str, end: str) -> str:
    return html[html.index(f'id="{start}"') : html.index(f'id="{end}"')]


def test_the_form_offers_a_level_for_each_rated_member_only(client):
    html = client.get(f"/cases/br?on={ON}").text
    record = _section(html, "record", "materials")
    assert '<option value="rated">评定等次（rated）</option>' in record
    assert "评定等次：民主评议党员" in record
    selects = re.findall(r'<select id="f-rate\.member_review\.(\w+)"', record)
    assert selects == ["zhao", "qian", "sun"]  # 郑六, a 预备党员, takes part but is not rated
    zhao = record.split('name="rate.member_review.zhao"')[1]
    assert re.findall(r'<option value="(\w+)">(\w+)</option>', zhao)[:4] == [
        ("excellent", "优秀"),
        ("qualified", "合格"),
        ("basically_qualified", "基本合格"),
        ("unqualified", "不合格"),
    ]


def test_a_result_recorded_through_the_form_shows_each_level_and_the_duty_owed_per_member(client):
    r = client.post(
        "/cases/br/record",
        data={
            "type": "rated",
            "date": "2020-12-11",
            "appraisal": "member_review",
            "rate.member_review.zhao": "excellent",
            "rate.member_review.qian": "qualified",
            "rate.member_review.sun": "unqualified",
            "on": ON,
        },
        follow_redirects=False,
    )
    assert r.status_code == 303, r.text
    assert client.get("/v1/cases/br/status", params={"on": ON}).json()["rounds"][0]["ratings"][2]["level"] == (
        "unqualified"
    )
    html = client.get(f"/cases/br?on={ON}").text
    rounds = _section(html, "rounds", "events")
    assert "民主评议党员：优秀1人、合格1人、不合格1人（参加评议3人）" in rounds
    rows = re.findall(r"<tr><td[^>]*>(\w+)</td><td[^>]*>(\w+)</td><td[^>]*>([\d-]+)</td></tr>", rounds)
    assert rows == [("赵书记", "优秀", "2020-12-11"), ("钱一", "合格", "2020-12-11"), ("孙二", "不合格", "2020-12-11")]
    duty = re.search(r"<tr class=\"open\"><td[^>]*>孙二限期改正</td><td[^>]*>(.*?)</td><td[^>]*>(.*?)</td>", rounds)
    assert duty is not None
    assert duty.groups() == ("支部书记（赵书记）", "2021-03-11")  # three months from the rating
    events = html[html.index('id="events"') :]
    assert "测评：民主评议党员；等次：赵书记（优秀）、钱一（合格）、孙二（不合格）" in events
    openpyxl = pytest.importorskip("openpyxl", reason="the downloads need the office extra")
    book = openpyxl.load_workbook(io.BytesIO(client.get(f"/cases/br/status.xlsx?on={ON}").content))
    assert book.sheetnames == ["会后工作", "评定等次"]
    assert [c.value for c in book["评定等次"][4]][:4] == [1, "民主评议党员", "孙二", "不合格"]


def test_a_partial_result_names_who_is_not_yet_rated_and_the_appraisal_may_be_left_to_the_selects(client):
    data = {"type": "rated", "date": "2020-12-11", "rate.member_review.qian": "合格", "on": ON}
    assert client.post("/cases/br/record", data=data, follow_redirects=False).status_code == 303
    rounds = _section(client.get(f"/cases/br?on={ON}").text, "rounds", "events")
    assert "合格1人（参加评议3人，尚未评定：赵书记、孙二）" in rounds


def test_a_result_over_a_refusing_limit_is_refused_with_the_arithmetic_and_not_stored(client):
    before = client.get("/v1/cases/br").json()["version"]
    data = {
        "type": "rated",
        "date": "2020-12-11",
        "appraisal": "member_review",
        "rate.member_review.zhao": "excellent",
        "rate.member_review.qian": "excellent",
        "on": ON,
    }
    r = client.post("/cases/br/record", data=data)
    assert r.status_code == 422
    refusal = re.search(r'id="refusal">(.*?)</div>', r.text, re.S)
    assert refusal is not None
    assert "优秀2人，占参加评议的3人的2/3，超过1/3（至多1人）" in refusal.group(1)
    assert 'value="excellent" selected' in r.text  # the form keeps what was chosen
    assert client.get("/v1/cases/br").json()["version"] == before


def test_a_rated_event_without_levels_is_refused_as_the_api_refuses_it(client):
    r = client.post("/cases/br/record", data={"type": "rated", "date": "2020-12-11", "on": ON})
    assert r.status_code == 422
    assert "须填写「测评」；须填写「等次」" in r.text  # check_fields, in the form's words


def test_a_flagged_limit_shows_its_arithmetic_and_citation_and_the_result_stands(store):
    events = [{"date": "2020-12-10", "type": "held"}, rated("2020-12-11", zhao="优秀", qian="优秀", sun="合格")]
    store.create_case(_case("format-ratings-soft", events, PLAIN), actor="test", case_id="soft")
    with running(create_app(store)) as base, httpx.Client(base_url=base, timeout=30) as c:
        rounds = _section(c.get(f"/cases/soft?on={ON}").text, "rounds", "events")
    breach = re.search(r'<p class="breach hint">(.*?)</p>', rounds, re.S)
    assert breach is not None
    assert "优秀2人，占参加评议的4人的2/4，超过1/3（至多1人）（一般要求） — 提示，结果有效" in breach.group(1)
    assert "评为优秀的党员一般不超过参评党员的三分之一" in breach.group(1)


def test_a_limit_that_redoes_shows_the_breach_and_the_redo_rounds_steps_once(store):
    events = [
        {"date": "2020-12-10", "type": "held"},
        {"date": "2020-12-10", "type": "done", "task": "democratic_test"},
        rated("2020-12-11", zhao="优秀", qian="优秀", sun="合格", zheng="合格"),
    ]
    store.create_case(_case("format-ratings-redo", events, PLAIN), actor="test", case_id="redo")
    with running(create_app(store)) as base, httpx.Client(base_url=base, timeout=30) as c:
        rounds = _section(c.get(f"/cases/redo?on={ON}").text, "rounds", "events")
    first, second = rounds.split("<h3>")[1:]
    assert "须重新评议" in first
    assert "优秀2人，占参加评议的4人的2/4，超过1/3（至多1人）" in first
    assert second.startswith("第2轮（重做）")
    steps = re.findall(r"<tr[^>]*><td[^>]*>(.*?)</td>", second)
    assert steps.count("民主测评") == 1  # a duty the round redoes is one of its steps, listed once (as `status` does)
    assert "民主测评 <small>（本轮须再做）</small>" not in second


def test_only_a_clerk_records_a_rating(tmp_path, store):
    (tmp_path / "tokens.yaml").write_text(
        "actors:\n"
        "  - {name: 支部书记, token: page-token-for-zhao-0123456789, roles: [zhao]}\n"
        "  - {name: 组织员, token: page-token-for-clerk-0123456789, record: true}\n",
        encoding="utf-8",
    )
    store.create_case(_case("format-ratings", [*TALKS, *HELD]), actor="test", case_id="br")
    data = {"type": "rated", "date": "2020-12-11", "rate.member_review.qian": "合格", "on": ON}
    with (
        running(create_app(store, Auth.from_file(tmp_path / "tokens.yaml"))) as base,
        httpx.Client(base_url=base, timeout=30) as c,
    ):
        r = c.post("/cases/br/record", data=data, headers={"Authorization": "Bearer page-token-for-zhao-0123456789"})
        assert r.status_code == 403
        assert store.version("br") == 7
        r = c.post(
            "/cases/br/record",
            data=data,
            headers={"Authorization": "Bearer page-token-for-clerk-0123456789"},
            follow_redirects=False,
        )
        assert r.status_code == 303
    assert store.events("br")[-1].event.ratings == {"qian": "合格"}


def test_a_case_without_a_rating_offers_no_levels(store, tmp_path):
    from service_support import example

    store.create_case(Case.model_validate(example("fagaiwei-2013/ready.yaml")), actor="test", case_id="fg")
    with running(create_app(store)) as base, httpx.Client(base_url=base, timeout=30) as c:
        html = c.get("/cases/fg?on=2013-12-30").text
    assert "f-rate." not in html
    assert 'class="rating"' not in html


def test_the_rule_set_page_shows_the_levels_steps_limits_and_the_duty_per_member(client):
    html = re.sub(r"<details.*?</details>", "", client.get("/rulesets/format-ratings").text, flags=re.S)
    after = html[html.index('id="after"') : html.index('id="coverage"')]
    assert "评定等次：民主评议党员<br><small>依次：个人自评 → 党员互评 → 民主测评</small>" in after
    assert "<td>优秀、合格、基本合格、不合格</td>" in after
    assert "比例限制：优秀不超过1/3</td><td>超出：不予登记</td>" in after
    duty = "限期改正 <small>（民主评议党员评为不合格的，每人）</small></td><td>支部书记</td><td>评定后3个月内</td>"
    assert duty in after
    # an order by what it does and its deadline counted from it, in the words `lifemeeting show` uses
    assert "<td>上级要求：上级党委责令重新评议</td><td>重做所列事项</td><td>决定后1个月内</td>" in after
