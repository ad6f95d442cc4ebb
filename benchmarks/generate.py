"""Synthetic Puyang county-tier cases (``puyang-2014``, tier ``county``) for the benchmark.

Each case is a 12-member team of one of the four county bodies (县委常委班子, or the
人大 / 政府 / 政协 party group) with the positions the rule set defines, a random
liaison point, overseen departments, lower principals, a plan, examinations with
pre-signs where the rule set asks for them, criticism outlines, required talks, tasks,
returns for rewrite that were redone, and a meeting date. About half the cases are then
spoiled in one to three ways (talks missing, a material stuck at a link or returned and
not resubmitted, a pre-sign missing, a task not done, the plan not approved, outlines
not written, the meeting too short, approvals dated after the day asked about), so the
answers mix ready and blocked cases and every county gate fires somewhere.

Which links a material passes is read from the engine's own case view, so every
generated event is one the engine accepts; the hand-written checker does not share
this code and has to agree with the engine on its own.

Run ``python benchmarks/generate.py N OUT.jsonl`` to write N cases as JSON lines.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
from pathlib import Path
from typing import Any

RULESET = "puyang-2014"
ON = dt.date(2014, 6, 24)  # the day every bulk run asks about
TEAM_SIZE = 12

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
GIVEN = "建国志强海涛丽娟振华明军红梅卫东国平玉兰庆林德胜伟静雪梅立军文斌永刚秀英春燕新民晓东金凤"
DEPARTMENTS = [
    "县委办公室",
    "县政府办公室",
    "县委组织部",
    "县委宣传部",
    "县委统战部",
    "县委政法委",
    "县纪委机关",
    "县财政局",
    "县发展改革委",
    "县教育局",
    "县公安局",
    "县民政局",
    "县人社局",
    "县自然资源局",
    "县住建局",
    "县交通运输局",
    "县农业农村局",
    "县水利局",
    "县商务局",
    "县文旅局",
    "县卫健委",
    "县审计局",
    "县市场监管局",
    "县统计局",
    "法制工作委员会",
    "财政经济工作委员会",
    "教育科学文化卫生工作委员会",
    "提案委员会",
    "经济委员会",
    "社会法制委员会",
]
TOWNS = [
    "城关镇",
    "马庄桥镇",
    "瓦屋头镇",
    "仙庄镇",
    "六塔乡",
    "阳邵乡",
    "韩村镇",
    "高堡乡",
    "柳格镇",
    "纸房乡",
    "双庙乡",
    "固城乡",
]

# The four county bodies: the team's position, its principal and the other members' positions.
BODIES = {
    "committee": ("county_standing_committee", "中共{county}委常委班子"),
    "government": ("county_government_party_group", "{county}人民政府党组"),
    "npc": ("county_npc_party_group", "{county}人大常委会党组"),
    "cppcc": ("county_cppcc_party_group", "{county}政协党组"),
}
COUNTIES = ["清丰县", "南乐县", "范县", "台前县", "濮阳县", "华龙区"]


def _name(rng: random.Random, used: set[str]) -> str:
    while True:
        name = rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, rng.choice((1, 2))))
        if name not in used:
            used.add(name)
            return name


def _members(rng: random.Random, body: str) -> list[dict[str, Any]]:
    """Twelve members with positions and overseen departments, the principal first."""
    if body == "committee":
        plan: list[tuple[str, dict[str, Any]]] = [("county_party_secretary", {}), ("county_head", {})]
        plan += [("vice_county_head", {"standing_committee": True})] * 2
        plan += [("county_standing_member", {})] * (TEAM_SIZE - 4)
    else:
        head, other = {
            "government": ("county_head", "vice_county_head"),
            "npc": ("county_npc_head", "county_npc_leader"),
            "cppcc": ("county_cppcc_head", "county_cppcc_leader"),
        }[body]
        plan = [(head, {"principal": True})] + [(other, {})] * (TEAM_SIZE - 1)
    used: set[str] = set()
    departments = rng.sample(DEPARTMENTS, len(DEPARTMENTS))  # at most two each: 24 of 30
    members = []
    for i, (position, attrs) in enumerate(plan):
        member: dict[str, Any] = {"id": f"m{i + 1:02d}", "name": _name(rng, used), "position": position}
        if attrs:
            member["attributes"] = dict(attrs)
        member["oversees"] = [departments.pop() for _ in range(rng.choice((1, 1, 2)))]
        members.append(member)
    return members


def skeleton(rng: random.Random, index: int) -> dict[str, Any]:
    """A case without events: unit, members, meeting, lists and display names."""
    body = rng.choices(list(BODIES), weights=(4, 2, 2, 2))[0]
    position, label = BODIES[body]
    county = rng.choice(COUNTIES)
    attrs = {"party_committee_team": body == "committee"}
    if body == "committee":
        attrs["liaison_point"] = rng.random() < 0.25
    case: dict[str, Any] = {
        "ruleset": RULESET,
        "tier": "county",
        "unit": {"name": label.format(county=county) + f"（样例{index}）", "position": position, "attributes": attrs},
        "meeting": {
            "date": str(ON + dt.timedelta(days=rng.randint(0, 6))),
            "length_days": 1.5 if body == "committee" else 1,
        },
        "members": _members(rng, body),
        "people": {
            "city_supervision_group": f"市委第{rng.randint(1, 9)}督导组",
            "city_party_secretary": "市委书记",
            "party_group_head": "所在党组主要负责同志",
        },
    }
    if body == "committee":
        towns = rng.sample(TOWNS, rng.randint(4, 8))
        used: set[str] = set()
        case["lists"] = {
            "lower_principals": [f"{t}{role}{_name(rng, used)}" for t in towns for role in ("党委书记", "镇长")]
        }
    else:
        case["people"]["county_party_secretary"] = "县委书记"
    return case


class _Events:
    """Events grouped in tracks; each track's events keep their order when all are sorted by date."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.items: list[tuple[dt.date, float, str, dict[str, Any]]] = []

    def track(self, name: str, events: list[dict[str, Any]], start: dt.date, end: dt.date) -> None:
        day = start + dt.timedelta(days=self.rng.randint(0, 2))
        for e in events:
            day = min(end, day + dt.timedelta(days=self.rng.choice((0, 0, 1, 1, 2))))
            self.items.append((day, len(self.items), name, {"date": str(day), **e}))

    def sorted(self) -> list[dict[str, Any]]:
        return [e for _, _, _, e in sorted(self.items, key=lambda t: (t[0], t[1]))]


def _walk(rng: random.Random, view: Any, slot: Any, members: dict[str, Any]) -> list[dict[str, Any]]:
    """Submit a material and take it through every step of its path, with a return now and then."""
    m, s = slot.material.id, slot.subject
    steps = slot.path.steps
    out: list[dict[str, Any]] = []

    def through(upto: int | None) -> None:
        out.append({"type": "submitted", "material": m, "subject": s})
        for i, step in enumerate(steps):
            if upto is not None and i == upto:
                return
            if step.pre_sign:
                out.append({"type": "signed", "material": m, "subject": s, "by": step.link.pre_sign.reviewer})
            else:
                for r in step.link.reviewers:
                    filled = view.role_members.get(r)
                    by = filled[0] if filled and rng.random() < 0.5 else r
                    out.append({"type": "approved", "material": m, "subject": s, "link": step.link.id, "by": by})

    if steps and rng.random() < 0.15:  # returned for rewrite at some link, then rewritten
        links = [i for i, st in enumerate(steps) if not st.pre_sign]
        at = rng.choice(links)
        through(at)
        link = steps[at].link
        out.append(
            {
                "type": "returned",
                "material": m,
                "subject": s,
                "link": link.id,
                "by": link.reviewers[0],
                "reason": "剖析原因不透彻，退回重写",
            }
        )
    through(None)
    return out


def generate(index: int, *, seed: int = 2014) -> dict[str, Any]:
    """Case number ``index``: the same for the same seed, on every machine."""
    from lifemeeting import load_ruleset
    from lifemeeting.case.model import Case
    from lifemeeting.engine.view import CaseView

    rng = random.Random(seed * 1_000_003 + index)
    case = skeleton(rng, index)
    view = CaseView(load_ruleset(RULESET), Case.model_validate(case))
    members = {m["id"]: m for m in case["members"]}
    ev = _Events(rng)
    start, end = dt.date(2014, 6, 2), dt.date(2014, 6, 20)

    tasks = [
        {"type": "done", "task": t} for t in ("principal_reminders", "supervision_feedback", "team_material_discussion")
    ]
    if "committee_material_opinions" in view.task_by_id:
        tasks.append({"type": "done", "task": "committee_material_opinions"})
    ev.track("tasks", tasks, start, end)
    ev.track("look_back", [{"type": "done", "task": "look_back"}], dt.date(2014, 6, 15), dt.date(2014, 6, 21))
    talk_events = []
    for rule, pairs in view.required.items():
        for pair in pairs:
            a, b = sorted(pair)
            if rule == "principal_with_members" and rng.random() < 0.2:  # a role id stands for its member
                principal = view.role_members["unit_principal"][0]
                a, b = ("unit_principal", b) if a == principal else (a, "unit_principal") if b == principal else (a, b)
            talk_events.append({"type": "talk", "between": [a, b] if rng.random() < 0.5 else [b, a]})
    rng.shuffle(talk_events)
    for k in range(0, len(talk_events), 12):
        ev.track("talks", talk_events[k : k + 12], start, end)
    for slot in view.slots.values():
        if slot.material.after_meeting:
            continue  # written after the meeting (the 专题报告): no precondition of convening
        begin = start if slot.material.id != "criticism_outline" else dt.date(2014, 6, 10)
        ev.track(f"{slot.material.id}:{slot.subject}", _walk(rng, view, slot, members), begin, end)

    if rng.random() < 0.5:
        _spoil(rng, case, ev, view)
    case["events"] = ev.sorted()
    return case


def _spoil(rng: random.Random, case: dict[str, Any], ev: _Events, view: Any) -> None:
    """One to three things that keep a meeting from being convened."""
    ways = ["drop_talks", "stall", "return_open", "missing_presign", "task", "plan", "outlines", "short", "late"]
    for way in rng.sample(ways, rng.randint(1, 3)):
        tracks = sorted({name for _, _, name, _ in ev.items})
        if way == "drop_talks":
            talks = [i for i, item in enumerate(ev.items) if item[2] == "talks"]
            drop = set(rng.sample(talks, min(len(talks), rng.randint(1, 4))))
            ev.items = [item for i, item in enumerate(ev.items) if i not in drop]
        elif way in ("stall", "return_open", "missing_presign", "plan", "outlines"):
            if way == "plan":
                names = ["plan:team"]
            elif way == "outlines":
                names = rng.sample([t for t in tracks if t.startswith("criticism_outline:")], 2)
            elif way == "missing_presign":
                names = [t for t in tracks if any(e.get("type") == "signed" for _, _, n, e in ev.items if n == t)][:1]
            else:
                names = [rng.choice([t for t in tracks if t.startswith("examination:")])]
            for name in names:
                own = [item for item in ev.items if item[2] == name]
                keep = (
                    0
                    if way == "outlines"
                    else 1
                    if way == "missing_presign"
                    else rng.randint(1, len(own) - 1)
                    if len(own) > 1
                    else 0
                )
                cut = own[keep:]
                ev.items = [item for item in ev.items if item not in cut]
                if way == "return_open" and keep and cut and cut[0][3]["type"] == "approved":
                    day, order = own[keep - 1][0], own[keep - 1][1] + 0.5
                    e = {k: v for k, v in cut[0][3].items() if k != "date"}
                    ev.items.append(
                        (
                            day,
                            order,
                            name,
                            {"date": str(day), **e, "type": "returned", "reason": "查摆问题不全面，退回重写"},
                        )
                    )
        elif way == "task":
            task = rng.choice(["look_back", "team_material_discussion"])
            ev.items = [item for item in ev.items if item[3].get("task") != task]
        elif way == "short":
            case["meeting"]["length_days"] = 0.5 if case["meeting"]["length_days"] == 1 else 1
        elif way == "late":  # approvals that happen after the day asked about
            later = [i for i, item in enumerate(ev.items) if item[3]["type"] == "approved"]
            for i in rng.sample(later, min(len(later), 3)):
                base, order, name, _ = ev.items[i]
                for j, (d, o, n, e) in enumerate(ev.items):
                    if n == name and o >= order:
                        moved = max(d, ON + dt.timedelta(days=1 + (d - base).days))
                        ev.items[j] = (moved, o, n, {**e, "date": str(moved)})


def write(n: int, out: str | Path, *, seed: int = 2014) -> Path:
    """Write ``n`` cases to ``out`` as JSON lines."""
    out = Path(out)
    with out.open("w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps(generate(i, seed=seed), ensure_ascii=False, separators=(",", ":")) + "\n")
    return out


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    target = sys.argv[2] if len(sys.argv) > 2 else "cases.jsonl"
    print(write(count, target))
