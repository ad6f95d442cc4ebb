"""Ratings per member (民主评议党员): one level per rated member, bounds on the shares of levels, the ordered
steps before the result, and the duties a result makes owed, one per member.

``record`` takes the ``rated`` event for its handler ``rounds.rated``; ``done`` takes a ``done`` event on
a rating's step or on a duty owed per rated member (``preparing.done`` hands those here). The rest reads
a round's ratings for ``rounds`` (is the round complete?) and the answers (status, timeline warnings).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator
from fractions import Fraction
from typing import TYPE_CHECKING

from lifemeeting.case.model import Event
from lifemeeting.engine.state import Round, _need, _Refuse
from lifemeeting.engine.view import CaseView
from lifemeeting.ruleset.model import Appraisal, ShareLimit, Task
from lifemeeting.ruleset.predicate import matches
from lifemeeting.ruleset.shares import parse_fraction
from lifemeeting.suggest import meant

if TYPE_CHECKING:
    from lifemeeting.engine.replay import CaseState


def ratings_of(v: CaseView) -> list[Appraisal]:
    """The rating appraisals that bind the case's tier."""
    return [a for a in v.rules.appraisals if a.kind == "rating" and (a.tiers is None or v.tier in a.tiers)]


def rated_members(v: CaseView, a: Appraisal) -> list[str]:
    """The members ``a`` rates, in the case's order."""
    if a.rated is None:
        return list(v.members)
    return [mid for mid in v.members if matches(a.rated, v.subjects[mid], v.unit)]


def level_name(a: Appraisal, level: str) -> str:
    return next((lv.name for lv in a.levels if lv.id == level), level)


# -- the events -------------------------------------------------------------------------------------


def record(state: CaseState, e: Event) -> tuple[str, list[str]] | None:
    """Record a ``rated`` event's result, checked against the appraisal's limits (the handler: ``rounds.rated``).

    Returns the cause and the steps of the redo round a limit with ``exceeding: redo`` starts, if one does.
    """
    state.admit(e, "appraise")
    v = state.view
    appraisal_id = _need(e, "appraisal")
    known = {a.id: a for a in v.rules.appraisals if a.tiers is None or v.tier in a.tiers}
    if appraisal_id not in known:
        raise _Refuse(f"没有测评 '{appraisal_id}'{meant(appraisal_id, set(known))}")
    a = known[appraisal_id]
    if a.kind != "rating":
        raise _Refuse(f"'{appraisal_id}'（{a.name}）是投票测评：记为 'appraised'，给出 satisfied 和 total")
    given = _need(e, "ratings")
    if not given:
        raise _Refuse(f"'{appraisal_id}'（{a.name}）的结果至少评定一名成员")
    r = state.round
    missing = [s for s in a.steps if s not in r.duties]
    if missing:
        raise _Refuse(
            f"'{appraisal_id}'（{a.name}）须在其步骤之后，第{r.number}轮尚未完成："
            + "、".join(f"{v.task_by_id[s].name}（{s}）" if s in v.task_by_id else s for s in missing)
        )
    rated_ids = rated_members(v, a)
    result = dict(r.ratings.get(appraisal_id, {}))
    for mid, text in given.items():
        if mid not in v.members:
            raise _Refuse(f"'{mid}' 不是{v.rules.team.member}{meant(mid, set(v.members))}")
        if mid not in rated_ids:
            raise _Refuse(f"'{mid}'（{v.members[mid].name}）不在 '{appraisal_id}' 评定的成员之中")
        level = a.level(text)
        if level is None:
            levels = "、".join(f"{lv.name}（{lv.id}）" for lv in a.levels)
            raise _Refuse(f"'{text}' 不是 '{appraisal_id}'（{a.name}）的等次；等次为：{levels}")
        result[mid] = (level.id, e.date)
    found = list(breaches(a, result, len(rated_ids)))
    refused = [message for limit, message in found if limit.action == "refuse"]
    if refused:
        raise _Refuse(f"'{appraisal_id}'（{a.name}）的结果超出限制：" + "；".join(refused))
    r.ratings[appraisal_id] = result
    redo = [(limit, message) for limit, message in found if limit.action == "redo"]
    if not redo or len(result) < len(rated_ids):
        return None
    items = [appraisal_id] + [i for limit, _ in redo for i in limit.redo if i != appraisal_id]
    return f"{a.name}：" + "；".join(m for _, m in redo), items


def done(state: CaseState, e: Event, r: Round) -> None:
    """A ``done`` on a rating's step (in order) or on a duty owed per rated member (``subject`` names him)."""
    v = state.view
    task_id = _need(e, "task")
    task = v.task_by_id[task_id]
    if task.per_rating is not None:
        _owed_done(state, e, r, task)
        return
    if task_id in r.duties:
        raise _Refuse(f"任务 '{task_id}' 已记录于 {r.duties[task_id]} 完成")
    for a in ratings_of(v):
        if task_id in a.steps:
            before = a.steps[: a.steps.index(task_id)]
            missing = [s for s in before if s not in r.duties]
            if missing:
                raise _Refuse(
                    f"{a.name}中，'{task_id}'（{task.name}）须在"
                    + "、".join(f"'{s}'（{v.task_by_id[s].name}）" if s in v.task_by_id else f"'{s}'" for s in missing)
                    + f"之后，第{r.number}轮尚未完成"
                )
    r.duties[task_id] = e.date


def _owed_done(state: CaseState, e: Event, r: Round, task: Task) -> None:
    v = state.view
    trigger = task.per_rating
    assert trigger is not None
    mid = e.subject
    if mid is None:
        raise _Refuse(f"'{task.id}'（{task.name}）按人落实：在 'subject' 写明是哪位成员")
    if mid not in v.members:
        raise _Refuse(f"'{mid}' 不是{v.rules.team.member}{meant(mid, set(v.members))}")
    a = next((x for x in v.rules.appraisals if x.id == trigger.appraisal), None)
    got = r.ratings.get(trigger.appraisal, {}).get(mid)
    if a is None or got is None or got[0] not in trigger.levels:
        levels = "、".join(level_name(a, lv) if a else lv for lv in trigger.levels)
        said = f"评为{level_name(a, got[0])}" if a is not None and got is not None else "未评定"
        raise _Refuse(
            f"'{task.id}'（{task.name}）针对{a.name if a else trigger.appraisal}中评为{levels}的成员；"
            f"'{mid}'（{v.members[mid].name}）第{r.number}轮{said}"
        )
    key = f"{task.id}/{mid}"
    if key in r.duties:
        raise _Refuse(f"'{mid}' 的 '{task.id}' 已记录于 {r.duties[key]} 完成")
    r.duties[key] = e.date


# -- reading a round --------------------------------------------------------------------------------


def breaches(a: Appraisal, result: dict[str, tuple[str, dt.date]], total: int) -> Iterator[tuple[ShareLimit, str]]:
    """Each limit the result breaks, with the arithmetic; a lower bound only once every rated member is rated."""
    complete = len(result) == total
    for limit in a.limits:
        if limit.at_least is not None and not complete:
            continue
        count = sum(1 for level, _ in result.values() if level in limit.levels)
        message = _breach(a, limit, count, total)
        if message is not None:
            yield limit, message


def _breach(a: Appraisal, limit: ShareLimit, count: int, total: int) -> str | None:
    upper = limit.at_most is not None
    share_text = limit.at_most if upper else limit.at_least
    assert share_text is not None
    share = parse_fraction(share_text)
    have = Fraction(count, 1)
    bound = share * total
    if upper:
        kept = have <= bound if limit.inclusive else have < bound
        edge = math.floor(bound) if limit.inclusive else math.ceil(bound) - 1
    else:
        kept = have >= bound if limit.inclusive else have > bound
        edge = math.ceil(bound) if limit.inclusive else math.floor(bound) + 1
    if kept:
        return None
    names = "、".join(level_name(a, lv) for lv in limit.levels)
    if upper:
        said = f"{'超过' if limit.inclusive else '达到'}{share_text}（至多{max(edge, 0)}人）"
    else:
        said = f"{'低于' if limit.inclusive else '未超过'}{share_text}（至少{edge}人）"
    return f"{names}{count}人，占参加评议的{total}人的{count}/{total}，{said}"


def owed(v: CaseView, r: Round) -> list[tuple[Task, str, dt.date]]:
    """The duties a round's ratings make owed: (duty, member id, day of the rating), in duty then member order."""
    out = []
    for d in v.duties:
        trigger = d.per_rating
        if trigger is None:
            continue
        result = r.ratings.get(trigger.appraisal, {})
        for mid in v.members:
            got = result.get(mid)
            if got is not None and got[0] in trigger.levels:
                out.append((d, mid, got[1]))
    return out


def complete(state: CaseState, r: Round) -> bool:
    """Every rating of the round given to every rated member, and every duty they made owed done."""
    v = state.view
    for a in ratings_of(v):
        result = r.ratings.get(a.id, {})
        if any(mid not in result for mid in rated_members(v, a)):
            return False
    return all(f"{d.id}/{mid}" in r.duties for d, mid, _ in owed(v, r))


def result_day(state: CaseState, r: Round, appraisal_id: str) -> dt.date | None:
    """The day an appraisal's result was complete in round ``r``: every member rated, or a passing vote."""
    v = state.view
    a = next((x for x in v.rules.appraisals if x.id == appraisal_id), None)
    if a is None:
        return None
    if a.kind == "rating":
        result = r.ratings.get(a.id, {})
        ids = rated_members(v, a)
        return max(result[m][1] for m in ids) if ids and all(m in result for m in ids) else None
    passed = [x.date for x in r.appraisals if x.appraisal == a.id and (x.passed or a.threshold is None)]
    return passed[-1] if passed else None


def flags(state: CaseState, r: Round) -> list[str]:
    """The limits the round's ratings break that only flag (or that a soft rule makes flags), as warnings."""
    v = state.view
    out = []
    for a in ratings_of(v):
        result = r.ratings.get(a.id)
        if not result:
            continue
        for limit, message in breaches(a, result, len(rated_members(v, a))):
            if limit.action == "flag":
                soft = "（一般要求）" if limit.severity == "warning" else ""
                out.append(f"第{r.number}轮{a.name}：{message}{soft}")
    return out
