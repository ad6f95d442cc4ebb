"""Screenshots of each page into docs/screenshots/, at 1366×768 and at phone width (390×844).

    .venv/bin/python docs/screenshots.py

Starts `lifemeeting serve` on a temporary SQLite store with example cases, as the browser test
does (tests/browser_support.py), and drives the system's chromium with Playwright.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

from browser_support import browser, missing, served  # noqa: E402

CASES = {
    "fg-talks": "fagaiwei-2013/blocked-talks-incomplete.yaml",
    "fg-ready": "fagaiwei-2013/ready.yaml",
    "qingfeng-county": "puyang-2014/ready-county.yaml",
    "puyang-stuck": "puyang-2014/blocked-stuck-at-link.yaml",
    "puyang-talks": "puyang-2014/blocked-talks-not-covered.yaml",
    "branch-unqualified": "branch-2018/held-unqualified.yaml",
}
PAGES = [
    ("index", "/", False),
    ("ruleset", "/rulesets/puyang-2014?tier=county", False),
    ("ruleset-chains", "/rulesets/puyang-2014?tier=county#chains", False),
    ("case", "/cases/fg-talks?on=2013-12-27", False),
    ("case-chains", "/cases/puyang-stuck?on=2014-06-20#materials", False),
    ("case-diagram", "/cases/puyang-stuck?on=2014-06-20&member=liu#diagram", False),
    ("case-ratings", "/cases/branch-unqualified?on=2019-01-10#rounds", False),
    ("case-downloads", "/cases/fg-talks?on=2013-12-27#downloads", False),
    ("my-work", "/my?on=2014-06-20", False),
    ("overview", "/overview?on=2014-06-20", False),
]


def main() -> int:
    why = missing()
    if why:
        print(f"screenshots: {why}", file=sys.stderr)
        return 1
    out = HERE / "screenshots"
    out.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, served(Path(tmp), CASES) as base, browser() as b:
        for width, height, suffix, mobile in ((1366, 768, "", False), (390, 844, "-phone", True)):
            page = b.new_page(viewport={"width": width, "height": height}, is_mobile=mobile, device_scale_factor=1)
            for name, url, full in PAGES:
                page.goto(base + url)
                if "#" in url:
                    page.locator("#" + url.split("#")[1]).evaluate("e => e.scrollIntoView()")
                page.screenshot(path=str(out / f"{name}{suffix}.png"), full_page=full)
            # the form after recording the missing talk: the verdict has changed
            if not mobile:
                page.goto(base + "/cases/fg-talks?on=2013-12-27#record")
                form = page.locator("form.record")
                form.get_by_label("事件类型", exact=True).select_option("talk")
                form.get_by_label("日期", exact=True).fill("2013-12-01")
                form.get_by_label("甲方", exact=True).select_option(label="刘志远")
                form.get_by_label("乙方", exact=True).select_option(label="吴国庆")
                form.get_by_role("button", name="登记").click()
                page.locator("#record").scroll_into_view_if_needed()
                page.screenshot(path=str(out / "case-refused.png"))
            page.close()
    print(f"screenshots written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
