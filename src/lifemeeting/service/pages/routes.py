"""Every page's routes, gathered from the modules that serve them (one idea each):

- ``home``: the index, signing in and out
- ``ruleset_page``: a rule set
- ``case_page``: a case (verdict, materials, timeline, rounds, trail) and its .ics
- ``recording``: an event posted from the case page's form
- ``downloads``: the 方案 and the spreadsheets of a case
- ``my_work``: my work (+ .ics)
- ``overview``: the overview

Who may see and record what is decided exactly as for the API (``access``); pages are drawn by ``rendering``.
"""

from __future__ import annotations

from fastapi import APIRouter

from lifemeeting.service.pages import case_page, downloads, home, my_work, overview, recording, ruleset_page

router = APIRouter(include_in_schema=False)
for module in (home, ruleset_page, case_page, recording, downloads, my_work, overview):
    router.include_router(module.router)
