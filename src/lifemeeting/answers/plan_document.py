"""The 方案 (plan document) of a case, as a model that Markdown and DOCX are rendered from.

Everything in it comes from the rule set and the case: the purpose from the rule set's
source, the time from the case's meeting date (the place, which cases do not record, is a
blank to fill), the attendees from the members, the preparation steps and post-meeting
duties from the case's timeline (dates worked out from the meeting date), each material's
review chain, the required talks as pairs, the agenda with its time allowances, and for a rating appraisal
(民主评议党员) who is rated, its steps in order, its levels, the limits on their shares and the duties a level
makes owed — what is planned, never a result. Every row
names the rule it comes from by a number in ``refs``: document, section and the source's words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from lifemeeting.answers.timeline_model import TimelineItem
from lifemeeting.engine.answer_model import CitationOut, Receipt

if TYPE_CHECKING:
    from lifemeeting.answers.open import CaseSource, OpenCase
    from lifemeeting.engine.view import CaseView
    from lifemeeting.ruleset.model import Appraisal

BLANK = "＿＿＿＿＿＿＿＿"  # a blank the unit fills in by hand
WEEKDAYS = "一二三四五六日"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Ref(_Frozen):
    """One cited rule: numbered in order of first use."""

    number: int
    document: str
    section: str
    quote: str


class Attendee(_Frozen):
    name: str
    position: str
    oversees: str = ""


class Step(_Frozen):
    """A dated line: a preparation step or a post-meeting duty."""

    name: str
    owner: str
    start: dt.date | None = None
    by: dt.date | None = None
    when: str = Field(description="the date as shown: '2014-06-01至2014-06-20', '2014-06-12前', '会后15天内（待定）'")
    before_meeting: bool = False
    soft: bool = Field(False, description="asked for before the meeting by a soft rule (一般): it blocks nothing")
    ref: int | None = None


class ChainRow(_Frozen):
    """A material's review chain for the subjects whose materials pass the same links."""

    material: str
    subjects: str
    steps: list[str]
    ref: int | None = None


class TalkTable(_Frozen):
    """One talk rule and the pairs it requires."""

    name: str
    when: str
    pairs: list[tuple[str, str]]
    ref: int | None = None


class AgendaRow(_Frozen):
    number: int
    name: str
    speaker: str
    allowance: str
    ref: int | None = None


class Line(_Frozen):
    """A sentence with the rule it comes from."""

    text: str
    ref: int | None = None


class RatingPlan(_Frozen):
    """A rating appraisal as planned: who is rated, its steps in order, levels, limits, the duties a level brings."""

    name: str
    rated: list[str]
    unrated: list[str] = Field(default_factory=list, description="members who take part but are not rated")
    steps: list[Step]
    levels: list[str]
    limits: list[Line]
    duties: list[Line]
    ref: int | None = None


class PlanDocument(_Frozen):
    """The 方案 of one case, section by section."""

    title: str
    unit: str
    ruleset: str
    tier: str | None
    purpose: list[str]
    meeting_date: dt.date | None
    time: str
    place: str
    chair: str | None
    time_ref: int | None = None
    attendees: list[Attendee]
    others: list[tuple[str, str]] = Field(default_factory=list, description="(role, name): supervision group, …")
    participants: list[str] = Field(default_factory=list, description="who attends, as the rule set words it")
    preparation: list[Step]
    chains: list[ChainRow]
    talks: list[TalkTable]
    agenda: list[AgendaRow]
    agenda_total: str | None = None
    ratings: list[RatingPlan] = Field(default_factory=list)
    after: list[Step]
    refs: list[Ref]
    warnings: list[str] = Field(default_factory=list)
    receipt: Receipt


def day_text(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日（星期{WEEKDAYS[day.weekday()]}）"


class _Refs:
    def __init__(self) -> None:
        self.found: dict[tuple[str, str, str], Ref] = {}

    def __call__(self, c: CitationOut | None) -> int | None:
        if c is None:
            return None
        key = (c.document, c.section, c.quote)
        ref = self.found.get(key)
        if ref is None:
            ref = self.found[key] = Ref(
                number=len(self.found) + 1, document=c.document, section=c.section, quote=c.quote
            )
        return ref.number


def _when(i: TimelineItem) -> str:
    if i.by is None:
        return f"{i.basis}（日期待定）" if i.basis else "会前" if i.before_meeting else "待定"
    text = f"{i.start}至{i.by}" if i.start is not None and i.start < i.by else f"{i.by}前"
    return text + (f"（{i.basis}）" if i.basis and i.basis.startswith("会") else "")


def _step(i: TimelineItem, refs: _Refs) -> Step:
    return Step(
        name=i.name,
        owner=i.owner or "—",
        start=i.start,
        by=i.by,
        when=_when(i),
        before_meeting=i.before_meeting,
        soft=i.soft,
        ref=refs(i.citation),
    )


def plan_document(source: CaseSource | OpenCase, *, on: dt.date | None = None) -> PlanDocument:
    """The 方案 of a case; ``on`` only sets the day the timeline is worked out for (its dates do not depend on it)."""
    from lifemeeting.answers.chains import cite, steps_of
    from lifemeeting.answers.open import OpenCase, open_case
    from lifemeeting.answers.whatif import timeline
    from lifemeeting.engine.ratings import ratings_of

    opened = source if isinstance(source, OpenCase) else open_case(source)
    t = timeline(opened, on=on)
    v = opened.view
    rs = v.rules
    case = v.case
    refs = _Refs()
    src = rs.source
    document = f"{src.number}《{src.title}》" if src.number else f"《{src.title}》"
    issued = f"于{src.date.year}年{src.date.month}月{src.date.day}日印发" if src.date else "印发"
    by_whom = f"{src.issuer}{issued}的" if src.issuer else ""
    purpose = [f"根据{by_whom}{document}的要求，结合{case.unit.name}实际，制定本方案。"]
    if src.basis:
        purpose.append(f"本次{rs.meeting.name}贯彻{src.basis}的部署。")

    m = t.meeting
    if m.date is not None:
        time = day_text(m.date) + (f"，会期{m.length_days:g}天" if m.length_days else "")
    else:
        time = f"{BLANK}（会议日期未定）"
    if m.window_end is not None:
        span = f"{m.window_start}至{m.window_end}" if m.window_start else f"{m.window_end}前"
        time += f"；规定的会议时间：{m.basis}（{span}）"
    chair = v.name(rs.meeting.chair) if rs.meeting.chair else None
    time_ref = refs(m.citation)

    attendees = [
        Attendee(
            name=member.name,
            position=v.positions[member.position].name if member.position in v.positions else member.position or "",
            oversees="、".join(member.oversees),
        )
        for member in case.members
    ]
    others = []
    for r, name in case.people.items():
        role = v.roles[r].name if r in v.roles else r
        others.append(("", name) if role in name else (role, name))

    preparation = [_step(i, refs) for i in t.items if i.kind not in ("duty", "appraisal")]

    chains: dict[tuple[str, tuple[str, ...]], tuple[list[str], int | None]] = {}
    for (_mid, subject), slot in v.slots.items():
        chain = slot.path.chain
        if not chain.links:
            continue
        steps = []
        for s in steps_of(rs, chain, [slot.path], [], [v.unit]):
            who = "、".join(v.name(r.id) for r in s.reviewers)
            pre = f"（先经{v.name(s.pre_sign.reviewer.id)}签字）" if s.pre_sign is not None else ""
            steps.append(f"{s.mark}{s.name}{pre}：{who}" if who not in s.name else f"{s.mark}{s.name}{pre}")
        key = (slot.material.name, tuple(steps))
        subjects, ref = chains.get(key, ([], refs(cite(rs, chain.cite))))
        subjects.append(v.subject_label(subject))
        chains[key] = (subjects, ref)
    chain_rows = [
        ChainRow(material=material, subjects="、".join(subjects), steps=list(steps), ref=ref)
        for (material, steps), (subjects, ref) in chains.items()
    ]

    items = {i.id: i for i in t.items}
    talks = []
    for rule in v.talk_rules:
        pairs = [tuple(sorted(pair, key=_party_order(v.members))) for pair in v.required.get(rule.id, [])]
        item = items.get(f"talk:{rule.id}")
        talks.append(
            TalkTable(
                name=rule.name,
                when=_when(item) if item is not None else "会前",
                pairs=[(v.name(a), v.name(b)) for a, b in pairs],
                ref=refs(cite(rs, rule.cite)),
            )
        )

    agenda, total, known = [], 0.0, True
    count = len(case.members)
    for number, a in enumerate(rs.meeting.agenda, 1):
        if a.minutes is not None and a.per_member:
            allowance = f"每人约{a.minutes:g}分钟，{count}人共约{a.minutes * count:g}分钟"
            total += a.minutes * count
        elif a.minutes is not None:
            allowance = f"约{a.minutes:g}分钟"
            total += a.minutes
        else:
            allowance, known = "—", False
        speaker = v.role_or_text(a.speaker) or "—"
        agenda.append(
            AgendaRow(
                number=number,
                name=a.name,
                speaker=speaker,
                allowance=allowance,
                ref=refs(cite(rs, a.cite)) if a.cite else None,
            )
        )
    agenda_total = None
    if total:
        agenda_total = f"有时间规定的议程共约{total:g}分钟" + ("" if known else "（其余议程不限时）")

    rating_plans = [_rating(v, a, items, refs) for a in ratings_of(v)]
    after = [_step(i, refs) for i in t.items if i.kind in ("duty", "appraisal")]
    tier = next((x.name for x in rs.tiers if x.id == v.tier), None)
    return PlanDocument(
        title=_joined(case.unit.name, rs.meeting.name) + "方案",
        unit=case.unit.name,
        ruleset=rs.id,
        tier=tier,
        purpose=purpose,
        meeting_date=m.date,
        time=time,
        place=BLANK,
        chair=chair,
        time_ref=time_ref,
        attendees=attendees,
        others=others,
        participants=list(rs.meeting.participants),
        preparation=preparation,
        chains=chain_rows,
        talks=talks,
        agenda=agenda,
        agenda_total=agenda_total,
        ratings=rating_plans,
        after=after,
        refs=sorted(refs.found.values(), key=lambda r: r.number),
        warnings=list(t.warnings),
        receipt=t.receipt,
    )


ACTIONS = {"refuse": "超出的，结果不予登记", "flag": "超出的，予以提示", "redo": "超出的，重新评议"}


def _rating(v: CaseView, a: Appraisal, items: dict[str, TimelineItem], refs: _Refs) -> RatingPlan:
    """The plan of one rating appraisal: members, steps (as the timeline dates them), levels, limits, duties."""
    from lifemeeting.answers.chains import cite
    from lifemeeting.answers.timeline import basis
    from lifemeeting.engine.ratings import level_name, rated_members

    rs = v.rules
    ref = refs(cite(rs, a.cite))
    rated = rated_members(v, a)
    steps = []
    for step in a.steps:
        item = items.get(f"duty:{step}")
        if item is not None:
            steps.append(_step(item, refs))
        elif step in v.task_by_id:
            task = v.task_by_id[step]
            when = basis(v, task.due) or "会后"
            owner = v.role_or_text(task.owner) or "—"
            steps.append(Step(name=task.name, owner=owner, when=when, ref=refs(cite(rs, task.cite))))
    limits = []
    for limit in a.limits:
        names = "、".join(level_name(a, lv) for lv in limit.levels)
        upper = limit.at_most is not None
        share = limit.at_most if upper else limit.at_least
        assert share is not None
        word = ("不超过" if limit.inclusive else "少于") if upper else ("不少于" if limit.inclusive else "多于")
        edge = _edge(share, len(rated), upper=upper, inclusive=limit.inclusive)
        count = f"（{len(rated)}人参加评定，{'至多' if upper else '至少'}{edge}人）" if rated else ""
        soft = "，一般要求" if limit.severity == "warning" else ""
        action = ACTIONS[limit.action]
        if limit.action == "redo" and limit.redo:
            action += "，并重做" + "、".join(v.task_by_id[i].name if i in v.task_by_id else i for i in limit.redo)
        text = f"评为{names}的{word}参加评定人数的{share}{count}{soft}；{action}。"
        limits.append(Line(text=text, ref=refs(cite(rs, limit.cite))))
    duties = []
    for d in v.duties:
        trigger = d.per_rating
        if trigger is None or trigger.appraisal != a.id:
            continue
        levels = "、".join(level_name(a, lv) for lv in trigger.levels)
        due = d.due_by_tier.get(v.tier, d.due) if d.due_by_tier and v.tier is not None else d.due
        when = (basis(v, due) or "").replace("会后", "评定后", 1)
        who = v.role_or_text(d.owner)
        text = f"评为{levels}的，每人{d.name}" + (f"，由{who}负责" if who else "") + (f"，{when}" if when else "")
        duties.append(Line(text=text + "。", ref=refs(cite(rs, d.cite))))
    return RatingPlan(
        name=a.name,
        rated=[v.members[m].name for m in rated],
        unrated=[m.name for mid, m in v.members.items() if mid not in rated],
        steps=steps,
        levels=[lv.name for lv in a.levels],
        limits=limits,
        duties=duties,
        ref=ref,
    )


def _edge(share: str, total: int, *, upper: bool, inclusive: bool) -> int:
    """The most (upper) or fewest members of ``total`` the share allows, as ``engine.ratings`` counts them."""
    import math

    from lifemeeting.ruleset.shares import parse_fraction

    bound = parse_fraction(share) * total
    if upper:
        return max(math.floor(bound) if inclusive else math.ceil(bound) - 1, 0)
    return math.ceil(bound) if inclusive else math.floor(bound) + 1


def _party_order(members: Iterable[str]) -> Callable[[str], tuple[int, str]]:
    """Members in the case's order, then other parties by id."""
    order = {mid: n for n, mid in enumerate(members)}
    return lambda party: (order.get(party, len(order)), party)


def _joined(unit: str, meeting: str) -> str:
    """'市水务局党组' + '党组成员专题民主生活会' → '市水务局党组成员专题民主生活会': the overlap once."""
    overlap = next((k for k in range(min(len(unit), len(meeting)) - 1, 0, -1) if unit.endswith(meeting[:k])), 0)
    return unit + meeting[overlap:]
