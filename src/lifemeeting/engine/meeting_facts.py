"""What the engine works out itself about a meeting day (``FACTS``) for a rule's ``when``, and which part of a
``when`` does not hold, in words.
"""

from __future__ import annotations

import datetime as dt

from lifemeeting.engine.view import CaseView
from lifemeeting.ruleset.predicate import matches
from lifemeeting.ruleset.words import FACT_WORDS, condition


def facts(v: CaseView, day: dt.date | None) -> dict[str, bool]:
    """What the engine works out itself about a meeting on ``day``, for ``when`` conditions (``FACTS``)."""
    m = v.rules.meeting
    window = v.window(m.window, m.window_by_tier)
    in_window = (
        day is not None and window is not None and (window.start is None or window.start <= day) and day <= window.end
    )
    planned = v.case.meeting.date
    return {"meeting.in_window": in_window, "meeting.moved": day is not None and planned is not None and day != planned}


def unmet(when: dict[str, object], have: dict[str, bool], v: CaseView) -> str:
    """Which part of a ``when`` condition does not hold, in words a policy officer reads.

    Each failing part says what the rule needs and what is the case, the meeting day and window where
    that is what failed, then the condition as the rule set writes it: ``须会议日期不在规定的会议时间之内，
    而计划的会议日期2020-06-15在规定的会议时间（2020-06-11至2020-06-20）之内（meeting.in_window 须为否，实为是）``.
    """
    said: dict[object, str] = {True: "是", False: "否"}
    parts = []
    for k, want in when.items():
        if matches({k: want}, have, v.unit):
            continue
        if k in FACT_WORDS:
            need = FACT_WORDS[k][0 if want else 1]
            actual = _fact_said(k, have[k], v)
            parts.append(f"须{need}，而{actual}（{k} 须为{said.get(want, str(want))}，实为{said[have[k]]}）")
        else:
            parts.append(f"须{condition(v.rules, {k: want})}，本单位不符（{k}）")
    return "；".join(parts) or f"条件 {when} 不成立"


def _fact_said(fact: str, value: bool, v: CaseView) -> str:
    """What the case is, for a fact that did not come out as a rule needs."""
    day = v.case.meeting.date
    if fact == "meeting.in_window":
        m = v.rules.meeting
        window = v.window(m.window, m.window_by_tier)
        if day is None:
            return "案件没有给出计划的会议日期"
        if window is None:
            return "本层级没有规定的会议时间"
        return f"计划的会议日期{day}{'在' if value else '不在'}规定的会议时间（{window}）之内"
    return FACT_WORDS[fact][0 if value else 1]
