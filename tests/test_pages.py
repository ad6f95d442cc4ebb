"""The Chinese pages of `lifemeeting serve`: each page answers, says what the API says, and refuses as the API does.

A browser drives the same pages in tests/test_pages_browser.py.
"""

from __future__ import annotations

import re

import pytest
from service_support import example, running

httpx = pytest.importorskip("httpx", reason="the service tests need the test extra")
pytest.importorskip("fastapi", reason="the pages need the service extra")
pytest.importorskip("jinja2", reason="the pages need the service extra (jinja2)")

from lifemeeting.service import Auth, create_app  # noqa: E402
from lifemeeting.store import Store  # noqa: E402

DAY = "2013-12-27"
CASE = "fagaiwei-2013/blocked-talks-incomplete.yaml"  # 刘志远—吴国庆 and 何建华—赵敏 never talked
TOKENS = {
    "clerk": ("县发改委 文书", "record: true"),
    "reader": ("组织部 查询", ""),
    "scoped": ("另一个单位 文书", "record: true\n    cases: ['other-*']"),
    "liu": ("刘志远", "roles: [liu]"),
}


def token(who: str) -> str:
    return f"page-token-for-{who}-0123456789"


def bearer(who: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token(who)}"}


def _store(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'pages.db'}")
    store.create_case(_case(), actor="test", case_id="fg")
    return store


def _case():
    from lifemeeting.case.model import Case

    return Case.model_validate(example(CASE))


@pytest.fixture
def open_client(tmp_path):
    store = _store(tmp_path)
    with running(create_app(store)) as base, httpx.Client(base_url=base, timeout=30) as client:
        yield client
    store.close()


@pytest.fixture
def token_client(tmp_path):
    lines = ["actors:"]
    for who, (name, extra) in TOKENS.items():
        lines += [f"  - name: {name}", f"    token: {token(who)}"] + ([f"    {extra}"] if extra else [])
    (tmp_path / "tokens.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    store = _store(tmp_path)
    app = create_app(store, Auth.from_file(tmp_path / "tokens.yaml"))
    with running(app) as base, httpx.Client(base_url=base, timeout=30) as client:
        yield client, store
    store.close()


PAGES = [
    ("/", ["县发展和改革委员会领导班子", "规则集", "/rulesets/fagaiwei-2013"]),
    ("/rulesets/fagaiwei-2013", ["审核链", "召开会议的前提", "谈心谈话", "条款覆盖", "会前15天"]),
    (
        f"/cases/fg?on={DAY}",
        ["暂不能召开", "刘志远", "吴国庆", "已逾期", "登记事件", "事件记录", "时间表", "· 领导班子专题民主生活会</h1>"],
    ),
    (f"/my?on={DAY}", ["谈心谈话：刘志远—吴国庆", "已逾期"]),
    (f"/overview?on={DAY}", ["可召开", "<svg", "不能召开", "/cases/fg?on="]),
    ("/login", ["开放模式"]),
]


@pytest.mark.parametrize(("url", "expected"), PAGES)
def test_each_page_answers_in_chinese_with_its_key_content(open_client, url, expected):
    r = open_client.get(url)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/html")
    assert '<html lang="zh-CN">' in r.text
    for words in expected:
        assert words in r.text, words


@pytest.mark.parametrize(("url", "_"), PAGES)
def test_no_page_loads_anything_from_another_site(open_client, url, _):
    """No CDN: every src= and stylesheet href= is a path on this server."""
    html = open_client.get(url).text
    for attr in re.findall(r'(?:src|href)="([^"]*)"', html):
        assert not attr.startswith(("http:", "https:", "//")), attr


def test_the_stylesheet_ships_with_the_package_and_swagger_is_off(open_client):
    assert open_client.get("/static/style.css").status_code == 200
    assert "@media" in open_client.get("/static/style.css").text  # the phone layout
    assert open_client.get("/docs").status_code == 404  # Swagger UI would fetch its assets from a CDN
    assert open_client.get("/openapi.json").status_code == 200
    assert "/my" not in open_client.get("/openapi.json").json()["paths"]


def test_the_case_page_cites_every_blocker_and_reds_overdue_actions(open_client):
    html = open_client.get(f"/cases/fg?on={DAY}").text
    verdict = html[html.index('id="verdict"') : html.index('id="actions"')]
    assert verdict.count('<li class="blocker') >= 1
    assert verdict.count('<details class="cite">') == verdict.count('<li class="blocker')
    assert '<tr class="overdue">' in html


def test_recording_the_missing_talks_through_the_form_changes_the_verdict(open_client):
    assert 'data-verdict="blocked"' in open_client.get(f"/cases/fg?on={DAY}").text
    for a, b in (("liu", "wu"), ("he", "zhao")):
        r = open_client.post(
            "/cases/fg/record",
            data={"type": "talk", "date": "2013-12-21", "a": a, "b": b, "on": DAY},
            follow_redirects=False,
        )
        assert r.status_code == 303, r.text
        assert r.headers["location"] == f"/cases/fg?on={DAY}#verdict"
    html = open_client.get(f"/cases/fg?on={DAY}").text
    assert 'data-verdict="convenable"' in html
    assert "local" in html  # the audit trail names who recorded it
    assert open_client.get("/v1/cases/fg/readiness", params={"on": DAY}).json()["convenable"] is True


def test_a_refused_event_shows_the_engines_reason_and_is_not_stored(open_client):
    before = open_client.get("/v1/cases/fg").json()["version"]
    r = open_client.post(
        "/cases/fg/record", data={"type": "talk", "date": "2013-12-01", "a": "liu", "b": "wu", "on": DAY}
    )
    assert r.status_code == 422
    assert 'id="refusal"' in r.text
    assert "早于前一个事件" in r.text
    assert 'value="liu" selected' in r.text  # the form keeps what was typed
    r = open_client.post("/cases/fg/record", data={"type": "approved", "date": "2013-12-21", "on": DAY})
    assert r.status_code == 422
    assert "须填写「材料」" in r.text  # check_fields, in the form's words
    assert open_client.get("/v1/cases/fg").json()["version"] == before


def test_the_overview_counts_cases_and_names_each_blocker_once_per_case(open_client):
    html = open_client.get(f"/overview?on={DAY}").text
    assert "<strong>0</strong> / 1" in html
    assert "会前交流谈心全覆盖" in html
    assert "会前交流谈心全覆盖；会前交流谈心全覆盖" not in html  # two talk rules, one gate name
    assert "<strong>0</strong> / 0" in open_client.get(f"/overview?on={DAY}&ruleset=puyang-2014").text


def test_the_overview_names_overdue_duties_by_their_owners_name(tmp_path):
    """After the meeting: the rectification list is overdue, counted under its owner's name, not the role id."""
    from lifemeeting.case.model import Case

    data = example("party-group-2017/ready.yaml")
    data["events"].append({"date": "2018-01-30", "type": "held"})
    store = Store(f"sqlite:///{tmp_path / 'held.db'}")
    store.create_case(Case.model_validate(data), actor="test", case_id="held")
    with running(create_app(store)) as base, httpx.Client(base_url=base, timeout=30) as client:
        html = client.get("/overview?on=2018-12-31").text
    store.close()
    overdue = html[html.index("逾期事项") : html.index("<h2>案例")]
    assert '<li class="overdue">' in overdue
    assert "principal" not in overdue
    assert "（未定负责人）" in overdue  # duties the source gives no owner


def test_my_work_lists_overdue_first_and_soonest_first_with_an_ics_feed(open_client):
    html = open_client.get("/my?on=2013-12-10").text
    rows = re.findall(r'<tr class="(overdue|)"><td[^>]*>(\d{4}-\d\d-\d\d)', html)
    assert rows
    flags = [r[0] == "overdue" for r in rows]
    assert flags == sorted(flags, reverse=True)
    dates = [d for f, d in rows if not f]
    assert dates == sorted(dates)
    ics = open_client.get(f"/my.ics?on={DAY}")
    assert ics.headers["content-type"].startswith("text/calendar")
    assert "BEGIN:VCALENDAR" in ics.text
    assert "谈心谈话：刘志远—吴国庆" in ics.text


def test_without_a_token_a_page_is_401_with_the_login_form(token_client):
    client, _ = token_client
    for url in ("/", f"/cases/fg?on={DAY}", "/my", "/overview", "/rulesets/fagaiwei-2013", "/my.ics"):
        r = client.get(url)
        assert r.status_code == 401, url
        assert r.headers["www-authenticate"] == "Bearer"
        assert 'action="/login"' in r.text
    assert client.get("/", headers={"Authorization": "Bearer not-a-known-token-at-all"}).status_code == 401


def test_the_bearer_token_works_for_pages_as_for_the_api(token_client):
    client, _ = token_client
    r = client.get(f"/cases/fg?on={DAY}", headers=bearer("reader"))
    assert r.status_code == 200
    assert "组织部 查询" in r.text
    assert "登记事件" not in r.text  # a read-only actor gets no form


def test_login_sets_an_httponly_samesite_strict_cookie_and_logout_clears_it(token_client):
    client, _ = token_client
    r = client.post("/login", data={"token": "wrong-token-0123456789"})
    assert r.status_code == 401
    r = client.post("/login", data={"token": token("clerk")}, follow_redirects=False)
    assert r.status_code == 303
    cookie = r.headers["set-cookie"]
    assert "lm_token=" in cookie
    assert "HttpOnly" in cookie
    assert "SameSite=strict" in cookie or "SameSite=Strict" in cookie
    r = client.get("/")
    assert r.status_code == 200
    assert "县发改委 文书" in r.text
    assert client.get(f"/cases/fg/timeline.ics?on={DAY}").text.startswith("BEGIN:VCALENDAR")  # the case page's link
    assert client.get("/my.ics").status_code == 200
    client.post("/logout", follow_redirects=False)
    client.cookies.clear()
    assert client.get("/").status_code == 401


def test_pages_refuse_as_the_api_does(token_client):
    client, store = token_client
    before = store.version("fg")
    assert client.get("/cases/fg", headers=bearer("scoped")).status_code == 403
    assert "县发展和改革委员会" not in client.get("/", headers=bearer("scoped")).text  # not listed either
    talk = {"type": "talk", "date": "2013-12-21", "a": "he", "b": "zhao", "on": DAY}
    r = client.post("/cases/fg/record", data=talk, headers=bearer("reader"))
    assert r.status_code == 403
    r = client.post("/cases/fg/record", data=talk, headers=bearer("liu"))  # not his talk
    assert r.status_code == 403
    assert "may record only its own talks" in r.text
    r = client.post("/cases/fg/record", data=talk | {"type": "held"}, headers=bearer("liu"))
    assert r.status_code == 403
    assert store.version("fg") == before
    r = client.post(
        "/cases/fg/record", data=talk | {"a": "liu", "b": "wu"}, headers=bearer("liu"), follow_redirects=False
    )
    assert r.status_code == 303  # his own talk
    assert store.events("fg")[-1].recorded_by == "刘志远"


def test_a_form_posted_from_another_site_is_refused(token_client):
    client, store = token_client
    before = store.version("fg")
    r = client.post(
        "/cases/fg/record",
        data={"type": "talk", "date": "2013-12-21", "a": "he", "b": "zhao", "on": DAY},
        headers=bearer("clerk") | {"Origin": "https://evil.example"},
    )
    assert r.status_code == 403
    assert store.version("fg") == before


def test_my_work_shows_a_member_only_what_is_his(token_client):
    client, _ = token_client
    html = client.get(f"/my?on={DAY}", headers=bearer("liu")).text
    assert "刘志远—吴国庆" in html
    assert "何建华—赵敏" not in html


def test_the_rule_set_page_draws_the_chains_or_shows_their_text(open_client):
    html = open_client.get("/rulesets/puyang-2014").text
    assert "<svg" in html or "flowchart" in html or "graph" in html
    assert open_client.get("/rulesets/no-such-set").status_code == 404
