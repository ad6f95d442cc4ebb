"""The practical lower bound: Puyang's county-tier preconditions written by hand over dicts and sets.

What a programmer would write for this one rule set and this one tier, with no rule
interpretation, no validation and no explanations: the positions' attributes, each
subject's review path and every required talk are spelled out in Python; the events are
replayed (material positions, approvals, returns, talks, tasks) up to the day asked
about; and the answer is whether the meeting can be convened plus the ids of the rules
that block it. It reads the same parsed JSON the engine reads and shares no code with it.
"""

from __future__ import annotations

from itertools import combinations
from typing import Any

# Position → attributes, as puyang-2014 declares them for the county tier.
POSITIONS: dict[str, dict[str, Any]] = {
    "county_standing_committee": {"body": "party_committee", "standing_committee": True},
    "county_npc_party_group": {"body": "npc"},
    "county_government_party_group": {"body": "government"},
    "county_cppcc_party_group": {"body": "cppcc"},
    "county_party_secretary": {
        "principal": True,
        "top_leader": True,
        "body": "party_committee",
        "standing_committee": True,
    },
    "county_head": {"top_leader": True, "body": "government", "party_group_head": True, "standing_committee": True},
    "county_standing_member": {"body": "party_committee", "standing_committee": True},
    "vice_county_head": {"body": "government"},
    "county_npc_head": {"body": "npc", "party_group_head": True},
    "county_npc_leader": {"body": "npc"},
    "county_cppcc_head": {"body": "cppcc", "party_group_head": True},
    "county_cppcc_leader": {"body": "cppcc"},
    "township_committee": {"township": True, "body": "party_committee"},
    "township_party_secretary": {"township": True, "principal": True, "top_leader": True},
    "township_head": {"township": True, "top_leader": True},
    "township_member": {"township": True},
}
SIGN = "sign"
OUTLINE_PATH = ("city_group_check", "city_office_review")
PLAN_PATH = ("city_group_review", "city_office_review")


def _exam_path(a: dict[str, Any], team: bool, team_position: str | None, liaison: bool) -> tuple[str, ...]:
    """The county chain's seven links as they apply to one subject, with the pre-sign before ①."""
    township, top = a.get("township"), a.get("top_leader")
    steps: list[str] = []
    if not township or team or top:
        if not team and a.get("body") in ("npc", "government", "cppcc") and not a.get("party_group_head"):
            steps.append(SIGN)
        steps.append("county_secretary_review")
    if not township:
        steps += ["city_group_review", "city_office_review"]
    if (team and team_position == "county_standing_committee") or (
        not team and not township and (top or (a.get("standing_committee") and liaison))
    ):
        steps.append("city_secretary_review")
    if not team and top and not township:
        steps += ["provincial_group_review", "provincial_office_review", "provincial_leader_review"]
    return tuple(steps)


def check(case: dict[str, Any], on: str) -> tuple[bool, frozenset[str]]:
    """Whether ``case`` (parsed JSON, county tier) can convene on ``on`` (ISO date), and the blocking rule ids."""
    unit = case["unit"]
    uattrs = unit.get("attributes", {})
    liaison = bool(uattrs.get("liaison_point"))
    # 市、县（区）党委领导班子 because of the team's position (puyang-2014's unit_attributes); else as the case says
    position = unit.get("position")
    committee = position == "county_standing_committee" if position else bool(uattrs.get("party_committee_team"))
    members = case["members"]
    ids = [m["id"] for m in members]
    attrs = {}
    for m in members:
        a = dict(POSITIONS.get(m.get("position"), ()))
        a.update(m.get("attributes", ()))
        attrs[m["id"]] = a
    principals = [i for i in ids if attrs[i].get("principal")]
    secretaries = [m["id"] for m in members if m.get("position") == "county_party_secretary"]
    roles = {"unit_principal": principals, "unit_head": principals, "county_party_secretary": secretaries}

    # Paths and positions: 0 = drafting, len(path) + 1 = passed.
    paths: dict[tuple[str, str], tuple[str, ...]] = {}
    team_pos = unit.get("position")
    tattrs = dict(POSITIONS.get(team_pos, ()))
    paths[("examination", "team")] = _exam_path(tattrs, True, team_pos, liaison)
    paths[("plan", "team")] = PLAN_PATH
    for i in ids:
        paths[("examination", i)] = _exam_path(attrs[i], False, team_pos, liaison)
        paths[("criticism_outline", i)] = OUTLINE_PATH
    where = dict.fromkeys(paths, 0)

    talks: set[frozenset[str]] = set()
    done: set[str] = set()
    for e in case.get("events", ()):
        if e["date"] > on:
            break
        kind = e["type"]
        if kind == "talk":
            a, b = e["between"]
            ra, rb = roles.get(a), roles.get(b)
            talks.add(frozenset((ra[0] if ra and len(ra) == 1 else a, rb[0] if rb and len(rb) == 1 else b)))
        elif kind == "done":
            done.add(e["task"])
        else:
            key = (e["material"], e["subject"])
            if kind == "returned":
                where[key] = 0
            else:  # submitted, signed and approved each move one step (one reviewer per link here)
                where[key] += 1

    blockers: set[str] = set()
    tasks = ["look_back", "team_material_discussion"]
    if committee:
        tasks.append("committee_material_opinions")
    if uattrs.get("service_unit"):
        tasks.append("service_material_publicity")
    if any(t not in done for t in tasks):
        blockers.add("preparation_complete")

    heads = [frozenset((i, "head:" + d)) for m in members for i in (m["id"],) for d in m.get("oversees", ())]
    cover = [frozenset((p, i)) for p in principals for i in ids if i != p]
    cover += [frozenset(pair) for pair in combinations(ids, 2)]
    if any(p not in talks for p in cover):
        blockers.add("talks_fully_covered")
    required = heads + [frozenset(("city_supervision_group", i)) for i in ids]
    required += [frozenset((s, x)) for s in secretaries for x in case.get("lists", {}).get("lower_principals", ())]
    if any(p not in talks for p in required):
        blockers.add("required_talks_done")

    gate_of = {
        "examination": "examinations_passed",
        "criticism_outline": "criticism_outlines_reviewed",
        "plan": "plan_approved",
    }
    for key, step in where.items():
        if step <= len(paths[key]):
            blockers.add(gate_of[key[0]])
    length = case.get("meeting", {}).get("length_days")
    if committee and (length is None or length < 1.5):
        blockers.add("min_length_committee")
    if not committee and (length is None or length < 1):
        blockers.add("min_length_other")
    return not blockers, frozenset(blockers)
