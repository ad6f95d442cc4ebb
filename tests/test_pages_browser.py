"""A person with only a browser: open each page, see why the case cannot convene, record the talks, see it change.

Headless Debian chromium driven by Playwright against `lifemeeting serve` run as a subprocess
(tests/browser_support.py). Skips, saying why, without chromium or playwright; .ci/run installs both.
"""

from __future__ import annotations

import pytest
from browser_support import browser, missing, served

why = missing()
pytestmark = pytest.mark.skipif(why is not None, reason=why or "")

DAY = "2013-12-27"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("browser")
    cases = {
        "fg-talks": "fagaiwei-2013/blocked-talks-incomplete.yaml",
        "puyang-county": "puyang-2014/ready-county.yaml",
    }
    with served(tmp, cases) as base, browser() as b:
        yield base, b


def test_every_page_opens_in_chromium_without_errors(site):
    base, b = site
    page = b.new_page(viewport={"width": 1366, "height": 768})
    failed: list[str] = []
    page.on("pageerror", lambda e: failed.append(str(e)))
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.on("console", lambda m: failed.append(m.text) if m.type == "error" else None)
    for url, heading in [
        ("/", "案例与规则集"),
        ("/rulesets/fagaiwei-2013", "发改委领导班子"),
        (f"/cases/fg-talks?on={DAY}", "县发展和改革委员会领导班子 · 领导班子专题民主生活会"),
        (f"/my?on={DAY}", "我的待办"),
        (f"/overview?on={DAY}", "总览"),
    ]:
        response = page.goto(base + url)
        assert response is not None and response.status == 200, url
        assert heading in page.locator("h1").inner_text(), url
    assert failed == []
    page.close()


def test_a_clerk_records_the_missing_talks_through_the_form_and_the_verdict_changes(site):
    base, b = site
    page = b.new_page(viewport={"width": 1366, "height": 768})
    page.goto(f"{base}/")
    page.get_by_role("link", name="县发展和改革委员会领导班子").click()  # from the index, as a person would
    page.get_by_label("查询日期").fill(DAY)
    page.get_by_role("button", name="查看").first.click()
    verdict = page.locator("#verdict h2")
    assert verdict.get_attribute("data-verdict") == "blocked"
    blockers_before = page.locator("li.blocker").count()
    assert blockers_before >= 1
    assert "吴国庆" in page.locator("#verdict").inner_text()

    # an event out of order is refused by the engine, and its reason is shown
    form = page.locator("form.record")
    form.get_by_label("事件类型", exact=True).select_option("talk")
    form.get_by_label("日期", exact=True).fill("2013-12-01")
    form.get_by_label("甲方", exact=True).select_option(label="刘志远")
    form.get_by_label("乙方", exact=True).select_option(label="吴国庆")
    form.get_by_role("button", name="登记").click()
    assert "早于前一个事件" in page.locator("#refusal").inner_text()
    assert page.locator("#verdict h2").get_attribute("data-verdict") == "blocked"

    for a, other in (("刘志远", "吴国庆"), ("何建华", "赵敏")):
        form = page.locator("form.record")
        form.get_by_label("事件类型", exact=True).select_option("talk")
        form.get_by_label("日期", exact=True).fill("2013-12-21")
        form.get_by_label("甲方", exact=True).select_option(label=a)
        form.get_by_label("乙方", exact=True).select_option(label=other)
        form.get_by_role("button", name="登记").click()
        assert page.locator("#refusal").count() == 0
        assert page.locator("li.blocker").count() <= blockers_before
    assert page.locator("#verdict h2").get_attribute("data-verdict") == "convenable"
    assert "可以召开" in page.locator("#verdict h2").inner_text()
    assert "双方：刘志远—吴国庆" in page.locator("#events").inner_text()  # the audit trail
    page.close()


def test_pages_fit_a_phone_and_are_reachable_by_keyboard(site):
    base, b = site
    page = b.new_page(viewport={"width": 390, "height": 844}, is_mobile=True)
    page.goto(f"{base}/cases/puyang-county?on=2014-06-30")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390 + 1  # wide tables scroll inside their box, not the page
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "跳到正文"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.tagName") == "A"
    page.close()


def test_on_a_phone_a_table_is_one_card_per_row_each_cell_under_its_columns_name(site):
    """Five columns squeezed into 390px were unreadable: each row is a block, each cell labelled as its column."""
    base, b = site
    page = b.new_page(viewport={"width": 390, "height": 844}, is_mobile=True)
    page.goto(f"{base}/cases/puyang-county?on=2014-06-30")
    table = page.locator("#materials table")
    assert table.locator("thead").is_hidden()
    cell = table.locator("tbody tr").first.locator("td").nth(1)
    assert cell.evaluate("e => getComputedStyle(e, '::before').content") == '"材料"'
    assert cell.evaluate("e => getComputedStyle(e).display") == "flex"
    page.set_viewport_size({"width": 1366, "height": 768})  # wide enough: the table as a table
    assert table.locator("thead").is_visible()
    page.close()


CLERK = "browser-clerk-token-0123456789"
READER = "browser-reader-token-0123456789"
TOKENS = f"""actors:
  - name: 县发改委 文书
    token: {CLERK}
    record: true
  - name: 组织部 查询
    token: {READER}
"""


def test_with_tokens_a_clerk_signs_in_through_the_form_and_records(site, tmp_path):
    _, b = site  # one Playwright per process: the module's browser, another server
    with served(tmp_path, {"fg": "fagaiwei-2013/blocked-talks-incomplete.yaml"}, tokens=TOKENS, clerk=CLERK) as base:
        page = b.new_page(viewport={"width": 1366, "height": 768})
        response = page.goto(f"{base}/cases/fg?on={DAY}")
        assert response is not None and response.status == 401
        page.get_by_label("令牌").fill(READER)
        page.get_by_role("button", name="登录").click()
        assert "组织部 查询" in page.locator("header").inner_text()
        assert page.evaluate("document.cookie") == ""  # HttpOnly: scripts cannot read the token
        page.goto(f"{base}/cases/fg?on={DAY}")
        assert page.locator("form.record").count() == 0  # a reader gets no form
        page.get_by_role("button", name="退出").click()

        page.get_by_label("令牌").fill(CLERK)
        page.get_by_role("button", name="登录").click()
        page.goto(f"{base}/cases/fg?on={DAY}")
        for a, other in (("刘志远", "吴国庆"), ("何建华", "赵敏")):
            form = page.locator("form.record")
            form.get_by_label("日期", exact=True).fill("2013-12-21")
            form.get_by_label("甲方", exact=True).select_option(label=a)
            form.get_by_label("乙方", exact=True).select_option(label=other)
            form.get_by_role("button", name="登记").click()
        assert page.locator("#verdict h2").get_attribute("data-verdict") == "convenable"
        assert "县发改委 文书" in page.locator("#events").inner_text()  # recorded as the signed-in actor


def test_a_reader_signed_in_with_the_cookie_downloads_the_plan_from_the_case_page(site, tmp_path):
    _, b = site
    with served(tmp_path, {"fg": "fagaiwei-2013/blocked-talks-incomplete.yaml"}, tokens=TOKENS, clerk=CLERK) as base:
        page = b.new_page(viewport={"width": 1366, "height": 768}, accept_downloads=True)
        page.goto(f"{base}/cases/fg?on={DAY}")
        page.get_by_label("令牌").fill(READER)
        page.get_by_role("button", name="登录").click()
        page.goto(f"{base}/cases/fg?on={DAY}")
        with page.expect_download() as info:
            page.locator("#downloads").get_by_role("link", name="方案（Word）").click()
        download = info.value
        assert download.suggested_filename == "fg-方案.docx"
        with open(download.path(), "rb") as f:
            assert f.read(2) == b"PK"  # a .docx is a zip file
        page.close()


def test_a_clerk_rates_members_through_the_form_a_limit_refuses_then_the_levels_show(site, tmp_path, monkeypatch):
    """民主评议党员 (tests/fixtures/format/ratings.yaml): a level per member; two 优秀 of three is refused."""
    import shutil

    import httpx
    from conftest import FIXTURES

    _, b = site
    folder = tmp_path / "rulesets"
    folder.mkdir()
    shutil.copy(FIXTURES / "format" / "ratings.yaml", folder / "format-ratings.yaml")
    monkeypatch.setenv("LIFEMEETING_RULESETS", str(folder))  # the server inherits it
    members = [{"id": "zhao", "name": "赵书记", "attributes": {"secretary": True}}, {"id": "qian", "name": "钱一"}]
    members.append({"id": "sun", "name": "孙二"})
    events = [{"date": "2020-12-01", "type": "talk", "between": ["zhao", m]} for m in ("qian", "sun")]
    events.append({"date": "2020-12-10", "type": "held"})
    events += [{"date": "2020-12-10", "type": "done", "task": t} for t in ("self_review", "mutual_review")]
    events.append({"date": "2020-12-10", "type": "done", "task": "democratic_test"})
    case = {"ruleset": "format-ratings", "unit": {"name": "某党支部"}, "year": 2020, "members": members}
    case |= {"meeting": {"date": "2020-12-10"}, "events": events}
    with served(tmp_path, {}) as base:
        httpx.post(f"{base}/v1/cases", json={"id": "br", "case": case}, timeout=30).raise_for_status()
        page = b.new_page(viewport={"width": 1366, "height": 768})
        page.goto(f"{base}/cases/br?on=2020-12-20")

        def rate(**levels: str) -> None:
            form = page.locator("form.record")
            form.get_by_label("事件类型", exact=True).select_option("rated")
            form.get_by_label("日期", exact=True).fill("2020-12-11")
            for name, level in levels.items():
                form.get_by_label(name, exact=True).select_option(label=level)
            form.get_by_role("button", name="登记").click()

        rate(赵书记="优秀", 钱一="优秀", 孙二="合格")
        assert "优秀2人，占参加评议的3人的2/3，超过1/3（至多1人）" in page.locator("#refusal").inner_text()
        rate(赵书记="优秀", 钱一="合格", 孙二="不合格")
        assert page.locator("#refusal").count() == 0
        rounds = page.locator("#rounds").inner_text()
        assert "民主评议党员：优秀1人、合格1人、不合格1人（参加评议3人）" in rounds
        assert "孙二限期改正" in rounds
        page.close()
