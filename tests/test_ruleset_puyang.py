"""puyang-2014 (濮群办发〔2014〕22号): review chains per tier, 四必谈, gates, schedule and examples."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml
from conftest import EXAMPLES

import lifemeeting as lm
from lifemeeting.errors import EventRefused

RULESET = "puyang-2014"
EX = EXAMPLES / RULESET


# -- helpers ------------------------------------------------------------------------------
def case(tier, members, *, unit_position=None, unit_attrs=None, lists=None, length=1.5, date="2014-06-24"):
    """A minimal case dict: members are (id, position) or (id, position, attributes)."""
    unit = {"name": "测试班子"}
    if unit_position:
        unit["position"] = unit_position
    if unit_attrs:
        unit["attributes"] = unit_attrs
    return {
        "ruleset": RULESET,
        "tier": tier,
        "unit": unit,
        "meeting": {"date": date, "length_days": length},
        "members": [
            {"id": m[0], "name": m[0], "position": m[1], **({"attributes": m[2]} if len(m) > 2 else {})}
            for m in members
        ],
        "lists": lists or {},
    }


def steps(source, subject, material="examination"):
    """The path of ``subject``'s material as (link number, pre-sign?) pairs."""
    view = lm.open_case(source).view
    return [(s.number, s.pre_sign) for s in view.slots[(material, subject)].path.steps]


def links(source, subject, material="examination"):
    """The link numbers ``subject``'s material passes, without pre-signs."""
    return [n for n, pre in steps(source, subject, material) if not pre]


def load(name):
    return yaml.safe_load((EX / f"{name}.yaml").read_text(encoding="utf-8"))


def answer(source, on=None):
    opened = lm.open_case(source)
    return opened.can_convene(on or opened.case.meeting.date)


COUNTY_TEAM = [
    ("sec", "county_party_secretary"),
    ("head", "county_head"),
    ("sc", "county_standing_member"),
    ("vice", "vice_county_head", {"standing_committee": True}),
]


def county(liaison=False, members=COUNTY_TEAM, position="county_standing_committee", committee=True):
    return case(
        "county",
        members,
        unit_position=position,
        unit_attrs={"liaison_point": liaison, "party_committee_team": committee},
    )


# -- 县（区）: seven links ---------------------------------------------------------------
@pytest.mark.parametrize("who", ["sec", "head"])
@pytest.mark.parametrize("liaison", [False, True])
def test_county_principals_pass_all_seven_links(who, liaison):
    """The county party secretary's and the county head's materials pass links ①–⑦, liaison point or not."""
    assert links(county(liaison), who) == [1, 2, 3, 4, 5, 6, 7]


def test_county_head_needs_no_presign():
    """The county head heads the government party group himself, so his material needs no pre-sign."""
    assert all(not pre for _, pre in steps(county(), "head"))


def test_county_standing_member_outside_liaison_point_passes_three_links():
    """A county standing-committee member's material passes ①②③ when the county is not the 市委书记's liaison point."""
    assert links(county(liaison=False), "sc") == [1, 2, 3]


def test_county_standing_member_at_liaison_point_also_passes_link_4():
    """At the 市委书记's liaison point a standing-committee member's material also passes ④ 市委书记审核."""
    path = lm.open_case(county(liaison=True)).view.slots[("examination", "sc")].path.steps
    assert [s.number for s in path] == [1, 2, 3, 4]
    assert path[-1].link.id == "city_secretary_review"
    assert path[-1].link.reviewers == ["city_party_secretary"]


@pytest.mark.parametrize("liaison", [False, True])
def test_county_standing_committee_team_material_passes_four_links(liaison):
    """The county standing committee's team material passes ①②③④ whether or not the county is a liaison point."""
    assert links(county(liaison), "team") == [1, 2, 3, 4]


def test_county_vice_head_in_government_party_group_is_pre_signed():
    """A vice county head (a standing member in the government party group) is pre-signed,
    then passes ①②③ (④ only at a liaison point).
    """
    assert steps(county(False), "vice") == [(1, True), (1, False), (2, False), (3, False)]
    assert steps(county(True), "vice") == [(1, True), (1, False), (2, False), (3, False), (4, False)]


def test_county_npc_member_needs_the_npc_party_group_heads_presign_before_link_1():
    """A county 人大 party member's material waits for the 所在党组主要负责同志's pre-sign
    before link ①, then passes ①②③.
    """
    c = county(
        members=[("npc_head", "county_npc_head", {"principal": True}), ("npc", "county_npc_leader")],
        position="county_npc_party_group",
        committee=False,
    )
    path = lm.open_case(c).view.slots[("examination", "npc")].path.steps
    assert [(s.number, s.pre_sign) for s in path] == [(1, True), (1, False), (2, False), (3, False)]
    first = path[0]
    assert first.link.id == "county_secretary_review"
    assert first.link.pre_sign.reviewer == "party_group_head"
    assert first.link.pre_sign.name == "所在党组主要负责同志审核把关并签字"
    assert steps(c, "npc_head") == [(1, False), (2, False), (3, False)], (
        "the party-group head signs for others, not for himself"
    )
    assert links(c, "team") == [1, 2, 3], "only the 县委常委班子's team material goes to ④"


def test_township_team_material_passes_only_link_1_of_the_county_chain():
    """In the county chain a township party committee team's material passes ① 县（区）委书记审核 only."""
    c = county(
        members=[("tsec", "township_party_secretary"), ("tm", "township_member")],
        position="township_committee",
        committee=False,
    )
    path = lm.open_case(c).view.slots[("examination", "team")].path.steps
    assert [(s.number, s.link.id) for s in path] == [(1, "county_secretary_review")]
    assert links(c, "tsec") == [1], "a township 党政主要负责同志 likewise"
    assert links(c, "tm") == [], "other township members are not in the county chain at all"


def test_presign_is_required_and_only_by_the_party_group_head():
    """Approving at ① before the pre-sign is refused, and so is a pre-sign by anyone but the 所在党组主要负责同志."""
    opened = lm.open_case(load("blocked-missing-presign"))
    with pytest.raises(EventRefused):
        opened.apply(
            {
                "date": "2014-06-25",
                "type": "approved",
                "material": "examination",
                "subject": "qiao",
                "link": "county_secretary_review",
                "by": "county_party_secretary",
            }
        )
    with pytest.raises(EventRefused):
        opened.apply(
            {
                "date": "2014-06-25",
                "type": "signed",
                "material": "examination",
                "subject": "qiao",
                "by": "county_party_secretary",
            }
        )


def test_signing_and_reviewing_unblocks_the_missing_presign_case():
    """Once the pre-sign and links ①②③ are recorded, the 人大党组 case can convene."""
    opened = lm.open_case(load("blocked-missing-presign"))
    for e in [
        {"type": "signed", "by": "party_group_head"},
        {"type": "approved", "link": "county_secretary_review", "by": "county_party_secretary"},
        {"type": "approved", "link": "city_group_review", "by": "city_supervision_group"},
        {"type": "approved", "link": "city_office_review", "by": "city_campaign_office"},
    ]:
        opened.apply({"date": "2014-06-25", "material": "examination", "subject": "qiao", **e})
    assert opened.can_convene(dt.date(2014, 6, 26)).convenable


# -- 市级: six links ----------------------------------------------------------------------
CITY_TEAM = [
    ("sec", "city_party_secretary"),
    ("mayor", "mayor"),
    ("vm", "vice_mayor"),
    ("sc", "city_standing_member"),
    ("npc", "city_npc_leader"),
    ("cppcc", "city_cppcc_leader"),
]


def city(position="city_standing_committee"):
    return case(
        "city",
        CITY_TEAM,
        unit_position=position,
        unit_attrs={"party_committee_team": position == "city_standing_committee"},
        date="2014-06-09",
    )


def test_city_party_secretary_passes_all_six_links():
    """The 市委书记's material passes ①–⑥, ⑥ being the 中央活动办's read-through, which the text counts as a gate."""
    path = lm.open_case(city()).view.slots[("examination", "sec")].path.steps
    assert [(s.number, s.pre_sign) for s in path] == [(n, False) for n in range(1, 7)]
    assert path[0].link.reviewers == ["city_party_secretary"], (
        "the text does not exempt his own material from his own link"
    )
    assert path[-1].link.kind == "read_through" and path[-1].link.is_gate


def test_mayor_passes_four_links_without_presign():
    """The mayor (himself the government party-group head) passes ①②③④ with no pre-sign."""
    assert steps(city(), "mayor") == [(1, False), (2, False), (3, False), (4, False)]


def test_vice_mayor_is_pre_signed_then_passes_three_links():
    """A vice-mayor in the government party group gets the pre-sign, then passes ①②③."""
    assert steps(city(), "vm") == [(1, True), (1, False), (2, False), (3, False)]


@pytest.mark.parametrize("who", ["npc", "cppcc"])
def test_city_npc_and_cppcc_members_are_pre_signed(who):
    """人大 and 政协 party members at city level are pre-signed by their party-group head before ①."""
    assert steps(city(), who) == [(1, True), (1, False), (2, False), (3, False)]


def test_city_standing_member_passes_three_links():
    """An ordinary 市委常委 passes ①②③ with no pre-sign."""
    assert steps(city(), "sc") == [(1, False), (2, False), (3, False)]


def test_city_team_materials():
    """The 市委领导班子's team material passes ①②③④; the 市政府党组's passes ①②③."""
    assert links(city(), "team") == [1, 2, 3, 4]
    assert links(city("city_government_party_group"), "team") == [1, 2, 3]


# -- 市直单位: four links -------------------------------------------------------------------
DEPT = [
    ("boss", "dept_principal"),
    ("dep", "dept_member"),
    ("chief", "section_chief"),
    ("aff", "affiliated_principal"),
]


def test_city_dept_chain():
    """市直单位: the principal passes ①②③④, a member ①②③, a 直属机构 principal ①②, a 科室长 ① only, the team ①②③④."""
    c = case("city_dept", DEPT, unit_position="dept_team", length=1)
    assert links(c, "boss") == [1, 2, 3, 4]
    assert links(c, "dep") == [1, 2, 3]
    assert links(c, "aff") == [1, 2]
    assert links(c, "chief") == [1]
    assert links(c, "team") == [1, 2, 3, 4]
    assert all(not pre for s in ("boss", "dep", "chief", "aff", "team") for _, pre in steps(c, s))


def test_affiliated_team_material_passes_two_links():
    """A 直属机构领导班子's own team material passes ①②."""
    c = case(
        "city_dept", [("aff", "affiliated_principal"), ("x", "dept_member")], unit_position="affiliated_team", length=1
    )
    assert links(c, "team") == [1, 2]


def test_outside_team_members_take_no_talks_and_write_no_criticism_outline():
    """科室长 and 直属机构主要负责人 are reviewed by the unit but are in no 必谈 pair and write no 拟批评意见."""
    view = lm.open_case(case("city_dept", DEPT, unit_position="dept_team", length=1)).view
    parties = {p for pairs in view.required.values() for pair in pairs for p in pair}
    assert "chief" not in parties and "aff" not in parties
    assert ("criticism_outline", "dep") in view.slots
    assert ("criticism_outline", "chief") not in view.slots and ("criticism_outline", "aff") not in view.slots


# -- 县（区）直单位、乡（镇、办）: by analogy ---------------------------------------------------
def test_county_dept_township_chain_is_marked_as_analogy():
    """The county-department/township chain says it is 参照执行 and cites the sentence that says so."""
    rs = lm.load_ruleset(RULESET).model
    chain = next(c for c in rs.chains if c.tiers == ["county_dept_township"])
    assert "参照执行" in chain.note
    assert chain.cite.quote == "县（区）直单位、乡（镇、办）领导班子和领导干部的对照检查材料审核环节要分别参照执行"


def test_county_department_mirrors_city_dept_chain_one_level_down():
    """A county department: principal ①②③④ (④ 分管县（区）领导), member ①②③, 股室长 ① only."""
    c = case(
        "county_dept_township",
        [("boss", "dept_principal"), ("dep", "dept_member"), ("chief", "section_chief")],
        unit_position="dept_team",
        length=1,
    )
    view = lm.open_case(c).view
    assert links(c, "boss") == [1, 2, 3, 4]
    assert view.slots[("examination", "boss")].path.steps[-1].link.reviewers == ["county_leader_in_charge"]
    assert links(c, "dep") == [1, 2, 3]
    assert links(c, "chief") == [1]


def test_township_team_and_principals_also_go_to_the_county_secretary():
    """A township's team and 党政主要负责同志 pass ①②③ and ⑤ 县（区）委书记审核; other township members ①②③."""
    c = case(
        "county_dept_township",
        [("tsec", "township_party_secretary"), ("thead", "township_head"), ("tm", "township_member")],
        unit_position="township_committee",
        length=1,
    )
    view = lm.open_case(c).view
    for who in ("team", "tsec", "thead"):
        assert links(c, who) == [1, 2, 3, 5]
        assert view.slots[("examination", who)].path.steps[-1].link.reviewers == ["county_party_secretary"]
    assert links(c, "tm") == [1, 2, 3]


# -- 村（社区）: one link ----------------------------------------------------------------------
def test_village_team_and_secretary_pass_one_link():
    """The village party organization's and its secretary's brief materials pass the one link,
    the 乡（镇、办）党组织主要负责同志.
    """
    c = load("ready-village")
    view = lm.open_case(c).view
    for who in ("team", "lidw"):
        path = view.slots[("examination", who)].path.steps
        assert [(s.number, s.link.id, s.link.reviewers) for s in path] == [
            (1, "township_secretary_review", ["township_principal"])
        ]
    assert ("examination", "lics") not in view.slots, "other village committee members write none under this text"
    assert ("criticism_outline", "lidw") not in view.slots and ("plan", "team") not in view.slots


def test_village_has_no_dates_talk_rules_or_min_length():
    """The village tier has no own dates, no 四必谈 and no minimum meeting length in this text."""
    view = lm.open_case(load("ready-village")).view
    assert view.talk_rules == []
    assert not [g for g in view.gates if g.kind == "min_length"]
    rs = view.rules
    assert "village" not in (rs.meeting.window_by_tier or {})
    assert "没有给村（社区）规定时间" in next(t for t in rs.tiers if t.id == "village").note


# -- 四必谈 -------------------------------------------------------------------------------------
def test_four_required_talks_in_a_county_case():
    """In a county case: the secretary with each member, members with each other,
    members with overseen heads, 市委督导组 with each member.
    """
    view = lm.open_case(load("ready-county")).view
    members = list(view.members)
    req = view.required
    assert set(req["principal_with_members"]) == {frozenset({"liu", m}) for m in members if m != "liu"}
    assert len(req["members_with_each_other"]) == len(members) * (len(members) - 1) // 2
    assert frozenset({"chen", "head:县财政局"}) in req["members_with_department_heads"]
    assert set(req["city_group_with_members"]) == {frozenset({"city_supervision_group", m}) for m in members}
    assert "provincial_group_with_members" not in req and "county_group_with_members" not in req


def test_lower_principal_talks_only_where_the_text_says():
    """The city and county secretaries also talk with the principals one level down;
    municipal departments and townships do not.
    """
    city_req = lm.open_case(load("ready-city")).view.required
    assert len(city_req["city_secretary_with_county_principals"]) == 12
    assert all("han" in pair for pair in city_req["city_secretary_with_county_principals"])
    county_req = lm.open_case(load("ready-county")).view.required
    assert frozenset({"liu", "瓦屋头镇镇长郭卫平"}) in county_req["county_secretary_with_township_principals"]
    for name in ("ready-city_dept", "ready-county_dept_township"):
        req = lm.open_case(load(name)).view.required
        assert (
            "city_secretary_with_county_principals" not in req
            and "county_secretary_with_township_principals" not in req
        )


def test_supervision_group_talks_use_each_tiers_group():
    """督导组与班子成员必谈 is with the 省委督导组 at city level and the 县（区）委督导组 for townships."""
    assert "provincial_group_with_members" in lm.open_case(load("ready-city")).view.required
    assert "county_group_with_members" in lm.open_case(load("ready-county_dept_township")).view.required


# -- ready examples -------------------------------------------------------------------------------
TIERS = ["city", "county", "city_dept", "county_dept_township", "village"]


@pytest.mark.parametrize("tier", TIERS)
def test_each_tier_has_a_ready_example_that_can_convene(tier):
    """ready-<tier>.yaml is in that tier and can be convened on its meeting date without warnings."""
    opened = lm.open_case(EX / f"ready-{tier}.yaml")
    assert opened.case.tier == tier
    result = opened.can_convene(opened.case.meeting.date)
    assert result.convenable, [b.message for b in result.blockers]
    assert result.warnings == []


def test_ready_county_is_blocked_the_day_before_its_last_review():
    """The ready county case could not have convened on 6月19日, before ⑦ 省委负责同志审核 of the two principals."""
    result = answer(EX / "ready-county.yaml", dt.date(2014, 6, 19))
    assert not result.convenable
    assert {(b.rule, b.subject) for b in result.blockers} == {
        ("examinations_passed", "liu"),
        ("examinations_passed", "zhang"),
    }


# -- blocked examples -----------------------------------------------------------------------------
BLOCKED = {
    "blocked-talks-not-covered": (
        ["talks_fully_covered"],
        ["班子成员相互之间必谈", "高红梅—田建设", "田建设—许静"],
        "3、6工作要求①",
    ),
    "blocked-returned-for-rewrite": (["examinations_passed"], ["赵明", "尚未提交", "已退回1次"], "3、6工作要求①"),
    "blocked-stuck-at-link": (["examinations_passed"], ["刘振华", "⑦省委负责同志审核"], "3、6工作要求①"),
    "blocked-missing-presign": (
        ["examinations_passed"],
        ["乔建民", "待所在党组主要负责同志审核把关并签字", "第①环节之前"],
        "3、6工作要求①",
    ),
    "blocked-plan-not-approved": (["plan_approved"], ["专题民主生活会方案", "②市委活动办审核方案"], "3、6主要步骤"),
    "blocked-meeting-too-short": (["min_length_committee"], ["计划会期1天", "不少于一天半"], "3、6"),
    "blocked-criticism-outlines": (
        ["criticism_outlines_reviewed", "criticism_outlines_reviewed"],
        ["高红梅", "②市委活动办审核", "许静", "①市委督导组梳理把关"],
        "3、4",
    ),
    "blocked-lower-principals": (["required_talks_done"], ["瓦屋头镇党委书记赵德胜", "瓦屋头镇镇长郭卫平"], "3、4"),
    "blocked-liaison-review": (
        ["examinations_passed", "examinations_passed"],
        ["袁立军", "何雪梅", "④市委书记审核"],
        "3、6工作要求①",
    ),
    "blocked-not-publicised": (["preparation_complete"], ["向群众公示尚未完成"], "3、6工作要求①"),
    "blocked-central-read-through": (["examinations_passed"], ["韩志远", "⑥中央活动办审阅"], "3、6工作要求①"),
    "blocked-township-county-secretary": (
        ["examinations_passed", "examinations_passed"],
        ["领导班子", "范小军", "⑤县（区）委书记审核"],
        "3、6工作要求①",
    ),
}


def test_every_blocked_example_is_listed():
    """Every blocked-*.yaml of puyang-2014 has its expected blockers written down here."""
    assert sorted(p.stem for p in EX.glob("blocked-*.yaml")) == sorted([*BLOCKED, "blocked-county-midway"])


def test_midway_county_case_lists_every_gate_it_fails():
    """Half-way through preparation (6月9日) the county case fails four gates at once, and all are reported."""
    result = answer(EX / "blocked-county-midway.yaml", dt.date(2014, 6, 9))
    rules = [b.rule for b in result.blockers]
    assert list(dict.fromkeys(rules)) == [
        "preparation_complete",
        "required_talks_done",
        "examinations_passed",
        "criticism_outlines_reviewed",
    ]
    assert rules.count("examinations_passed") == 7 and rules.count("criticism_outlines_reviewed") == 6
    assert {b.citation.section for b in result.blockers} == {"3、6工作要求①", "3、4"}
    assert result.earliest_date is None


@pytest.mark.parametrize("name", sorted(BLOCKED))
def test_blocked_example_blockers(name):
    """Each blocked example is blocked by exactly the expected gates, with the expected words and citation."""
    rules, words, section = BLOCKED[name]
    result = answer(EX / f"{name}.yaml")
    assert not result.convenable
    assert [b.rule for b in result.blockers] == rules
    text = "\n".join(b.message for b in result.blockers)
    for w in words:
        assert w in text, (w, text)
    assert {b.citation.section for b in result.blockers} == {section}
    assert all(b.citation.document.startswith("濮群办发〔2014〕22号") for b in result.blockers)


def test_blocked_examples_differ_in_reason():
    """No two blocked examples fail for the same gate on the same item at the same place."""
    seen = set()
    for name in BLOCKED:
        result = answer(EX / f"{name}.yaml")
        key = tuple(sorted((b.rule, b.item or "", b.message.split("：", 1)[-1][:12]) for b in result.blockers))
        assert key not in seen, name
        seen.add(key)


def test_returned_material_restarts_from_drafting():
    """A returned material must be resubmitted and pass every link again;
    resubmitting and reviewing unblocks the case.
    """
    opened = lm.open_case(load("blocked-returned-for-rewrite"))
    with pytest.raises(EventRefused):
        opened.apply(
            {
                "date": "2014-06-21",
                "type": "approved",
                "material": "examination",
                "subject": "zhao",
                "link": "city_group_review",
                "by": "city_supervision_group",
            }
        )
    opened.apply({"date": "2014-06-21", "type": "submitted", "material": "examination", "subject": "zhao"})
    for link, by in [
        ("county_secretary_review", "liu"),
        ("city_group_review", "city_supervision_group"),
        ("city_office_review", "city_campaign_office"),
    ]:
        opened.apply(
            {
                "date": "2014-06-22",
                "type": "approved",
                "material": "examination",
                "subject": "zhao",
                "link": link,
                "by": by,
            }
        )
    assert opened.can_convene(dt.date(2014, 6, 24)).convenable


# -- min-length gates ------------------------------------------------------------------------------
def _with_length(name, length):
    data = load(name)
    data["meeting"]["length_days"] = length
    return data


@pytest.mark.parametrize(
    ("name", "length", "blocked_by"),
    [
        ("ready-county", 1.5, []),
        ("ready-county", 1, ["min_length_committee"]),
        ("ready-city", 1, ["min_length_committee"]),
        ("ready-city_dept", 1, []),
        ("ready-city_dept", 0.5, ["min_length_other"]),
        ("ready-county_dept_township", 0.5, ["min_length_other"]),
        ("blocked-missing-presign", 0.5, ["examinations_passed", "min_length_other"]),
        ("ready-village", 0.5, []),
    ],
)
def test_min_length_gates(name, length, blocked_by):
    """市、县（区）党委领导班子 need ≥ 1.5 days, other teams ≥ 1 day (a 县人大党组 counts as other);
    villages have no minimum here.
    """
    result = answer(_with_length(name, length))
    assert [b.rule for b in result.blockers] == blocked_by


def test_party_committee_team_comes_from_the_units_position():
    """3、6 / 3、5（1）②: whether a team is a 市、县（区）党委领导班子 is its position's, not a free attribute:
    a 县委常委班子 that leaves the attribute out still needs 1.5 days and the 全委会 step; one that denies it,
    or a 县人大党组 that claims it, is refused.
    """
    data = _with_length("ready-county", 1)
    del data["unit"]["attributes"]["party_committee_team"]
    assert [b.rule for b in answer(data).blockers] == ["min_length_committee"]
    undone = {**data, "events": [e for e in data["events"] if e.get("task") != "committee_material_opinions"]}
    blockers = answer(undone).blockers
    assert [(b.rule, b.item) for b in blockers][0] == ("preparation_complete", "committee_material_opinions")
    data["unit"]["attributes"]["party_committee_team"] = False
    with pytest.raises(lm.CaseError, match=r"'county_standing_committee' .* makes party_committee_team"):
        lm.open_case(data)
    npc = county(members=[("npc_head", "county_npc_head", {"principal": True})], position="county_npc_party_group")
    with pytest.raises(lm.CaseError, match=r"'county_npc_party_group' .* makes party_committee_team"):
        lm.open_case(npc)


@pytest.mark.parametrize(
    ("position", "committee"),
    [
        ("city_standing_committee", True),
        ("county_standing_committee", True),
        ("county_npc_party_group", False),
        ("city_government_party_group", False),
        ("dept_team", False),
        ("township_committee", False),
        ("village_committee", False),
    ],
)
def test_every_team_position_says_whether_it_is_a_party_committee_team(position, committee):
    """Every team position derives party_committee_team, so no team's 1.5-day rule hangs on the case's say-so."""
    rs = lm.load_ruleset(RULESET).model
    team_positions = [p for p in rs.positions if p.subject == "team"]
    assert all("party_committee_team" in p.unit_attributes for p in team_positions)
    assert next(p for p in team_positions if p.id == position).unit_attributes["party_committee_team"] is committee


def test_order_to_redo_talks_reopens_the_three_member_talk_rules():
    """3、4 "督促重新进行谈心谈话": the order resets the members' three 必谈 (not the 督导组's talks);
    the meeting waits until they are talked again.
    """
    order = next(o for o in lm.load_ruleset(RULESET).model.orders if o.id == "talk_redo")
    assert (order.consequence, order.cite.section) == ("redo", "3、4")
    assert order.redo == ["principal_with_members", "members_with_each_other", "members_with_department_heads"]
    opened = lm.open_case(EX / "ready-county.yaml")
    assert opened.can_convene(dt.date(2014, 6, 24)).convenable
    opened.apply({"date": "2014-06-21", "type": "ordered", "order": "talk_redo", "reason": "当“老好人”"})
    blocked = opened.can_convene(dt.date(2014, 6, 24))
    assert {(b.rule, b.item) for b in blocked.blockers} == {
        ("talks_fully_covered", "principal_with_members"),
        ("talks_fully_covered", "members_with_each_other"),
        ("required_talks_done", "members_with_department_heads"),
    }
    assert "city_group_with_members" not in {b.item for b in blocked.blockers}


# -- schedule, duties, appraisal, unchecked ---------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "start", "end"),
    [
        ("ready-city", dt.date(2014, 5, 19), dt.date(2014, 6, 10)),
        ("ready-county", dt.date(2014, 6, 1), dt.date(2014, 6, 20)),
        ("ready-city_dept", dt.date(2014, 6, 1), dt.date(2014, 6, 20)),
        ("ready-county_dept_township", None, dt.date(2014, 6, 30)),
    ],
)
def test_talk_schedule_by_tier(name, start, end):
    """谈心交心: 市级 5月19日—6月初; 县（区）和市直单位 6月上旬—6月中旬; 县（区）直单位和乡（镇、办） 6月底前."""
    view = lm.open_case(load(name)).view
    rule = next(r for r in view.talk_rules if r.id == "principal_with_members")
    w = view.window(rule.due, rule.due_by_tier)
    assert (w.start, w.end) == (start, end)


@pytest.mark.parametrize(
    ("tier", "start", "end"),
    [
        ("city", dt.date(2014, 6, 1), dt.date(2014, 6, 10)),
        ("county", dt.date(2014, 6, 11), dt.date(2014, 6, 30)),
        ("city_dept", dt.date(2014, 6, 11), dt.date(2014, 6, 30)),
        ("county_dept_township", dt.date(2014, 7, 11), dt.date(2014, 7, 20)),
    ],
)
def test_meeting_window_by_tier(tier, start, end):
    """The meeting: 市级 6月上旬; 县（区）和市直单位 6月中旬—6月下旬; 县（区）直单位和乡（镇、办） 7月中旬."""
    rs = lm.load_ruleset(RULESET).model
    from lifemeeting.dates.periods import parse_text

    w = parse_text(rs.meeting.window_by_tier[tier], rs.year)
    assert (w.start, w.end) == (start, end)


def test_material_and_briefing_schedule():
    """Materials: 市级 5月19日—31日; briefing and public appraisal 6月中旬 / 6月底前 / 7月底前;
    report 15 days after the meeting.
    """
    city_view = lm.open_case(load("ready-city")).view
    exam = next(m for m in city_view.rules.materials if m.id == "examination")
    w = city_view.window(exam.due, exam.due_by_tier)
    assert (w.start, w.end) == (dt.date(2014, 5, 19), dt.date(2014, 5, 31))
    expected = {
        "ready-city": dt.date(2014, 6, 20),
        "ready-county": dt.date(2014, 6, 30),
        "ready-county_dept_township": dt.date(2014, 7, 31),
    }
    for name, end in expected.items():
        view = lm.open_case(load(name)).view
        briefing = view.task_by_id["briefing_and_appraisal"]
        assert view.window(briefing.due, briefing.due_by_tier).end == end
        report = view.task_by_id["report"]
        assert view.window(report.due, report.due_by_tier).end == view.case.meeting.date + dt.timedelta(days=15)


def test_criticism_outline_and_plan_only_for_county_and_city_dept():
    """拟批评意见 and the meeting plan, each with its 市委督导组 → 市委活动办 chain, bind only 县（区） and 市直单位."""
    rs = lm.load_ruleset(RULESET).model
    for material in ("criticism_outline", "plan"):
        chain = next(c for c in rs.chains if c.material == material)
        assert chain.tiers == ["county", "city_dept"]
        assert [link.reviewers for link in chain.links] == [["city_supervision_group"], ["city_campaign_office"]]
    gates = {g.id: g for g in rs.gates}
    assert gates["criticism_outlines_reviewed"].tiers == ["county", "city_dept"]
    assert gates["plan_approved"].tiers == ["county", "city_dept"]
    assert ("plan", "team") not in lm.open_case(load("ready-city")).view.slots


def test_public_appraisal_below_two_thirds_means_redo():
    """群众满意率低于2/3 → 返工、补课, naming the materials and talks to repeat."""
    rs = lm.load_ruleset(RULESET).model
    (a,) = rs.appraisals
    assert (a.kind, a.threshold, a.below) == ("public_appraisal", "2/3", "redo")
    assert {"examination", "members_with_each_other"} <= set(a.redo)
    assert "village" not in a.tiers


@pytest.mark.parametrize(("satisfied", "total", "redo"), [(66, 100, True), (2, 3, False), (67, 100, False)])
def test_public_appraisal_below_two_thirds_sends_the_team_back(satisfied, total, redo):
    """A 群众满意率 below 2/3 starts a redo round in which the materials are back in drafting; 2/3 or more does not."""
    opened = lm.open_case(EX / "ready-county_dept_township.yaml")
    opened.apply({"date": "2014-07-15", "type": "held"})
    opened.apply(
        {
            "date": "2014-07-25",
            "type": "appraised",
            "appraisal": "public_appraisal",
            "satisfied": satisfied,
            "total": total,
        }
    )
    assert (opened.state.round.kind == "redo") is redo
    assert (opened.state.materials[("examination", "meng")].state == "drafting") is redo


def test_look_back_outcomes_are_orders_with_their_consequences():
    """3、2: 限期整改 and 延时补课 send the 回头看 back; 推倒重来 restarts all preparation."""
    orders = {o.id: (o.consequence, o.redo) for o in lm.load_ruleset(RULESET).model.orders}
    assert orders["look_back_rectify"] == ("redo", ["look_back"])
    assert orders["look_back_make_up"] == ("redo", ["look_back"])
    assert orders["look_back_restart"] == ("restart", [])


def test_unverifiable_clauses_are_listed_with_reasons():
    """六不, 回头看 outcomes, 六个不放过 and the grounds for 责令重开 are kept as unchecked,
    each with a reason and a citation.
    """
    rs = lm.load_ruleset(RULESET).model
    unchecked = {u.id: u for u in rs.unchecked}
    for uid in ("six_nots", "look_back_outcomes", "six_not_let_go", "reconvene_grounds", "talk_redo_grounds"):
        assert unchecked[uid].reason and unchecked[uid].cite.quote


def test_order_to_reconvene_starts_a_new_round():
    """责令重开 after a held meeting starts a new round in which the meeting must be held again."""
    rs = lm.load_ruleset(RULESET).model
    order = next(o for o in rs.orders if o.id == "order_reconvene")
    assert (order.consequence, order.cite.section) == ("reconvene", "3、6工作要求①")
    opened = lm.open_case(EX / "ready-county.yaml")
    opened.apply({"date": "2014-06-24", "type": "held"})
    opened.apply({"date": "2014-06-26", "type": "ordered", "order": "order_reconvene", "reason": "相互评功摆好走过场"})
    assert (opened.state.round.number, opened.state.round.kind) == (2, "reconvene")
    assert opened.state.round.held_on is None


def test_every_rule_cites_a_section_of_the_document():
    """Every chain link cites 3、5（2）, every talk rule 3、4, and every gate a section of part 3."""
    rs = lm.load_ruleset(RULESET).model
    for chain in rs.chains:
        if chain.material == "examination":
            assert all(link.cite.section.startswith("3、5（2）") for link in chain.links), chain.id
    assert all(t.cite.section == "3、4" for t in rs.talks)
    assert all(g.cite.section.startswith("3、") for g in rs.gates)


def test_special_report_is_read_through_by_the_city_group_before_it_is_sent_up():
    """3、9: 县（区）、市直单位 form a 专题报告, "经市委督导组审阅后报市委活动办": the duty 'report' is refused
    before the read-through; at the city tier, which has no such step, it is recorded as before.
    """
    opened = lm.open_case(EX / "ready-county.yaml")
    opened.apply({"date": "2014-06-24", "type": "held"})
    assert [s.link.id for s in opened.view.slots[("special_report", "team")].path.steps] == ["city_group_read_through"]
    opened.apply({"date": "2014-07-01", "type": "submitted", "material": "special_report", "subject": "team"})
    late = r"'report'.*须在民主生活会情况专题报告之后，本轮尚未完成（3、9）"
    with pytest.raises(EventRefused, match=late):
        opened.apply({"date": "2014-07-02", "type": "done", "task": "report"})
    opened.apply(
        {
            "date": "2014-07-03",
            "type": "approved",
            "material": "special_report",
            "subject": "team",
            "link": "city_group_read_through",
            "by": "city_supervision_group",
        }
    )
    opened.apply({"date": "2014-07-05", "type": "done", "task": "report"})
    city = lm.open_case(EX / "ready-city.yaml")
    assert ("special_report", "team") not in city.view.slots
    city.apply({"date": str(city.case.meeting.date), "type": "held"})
    city.apply({"date": str(city.case.meeting.date + dt.timedelta(days=3)), "type": "done", "task": "report"})


def test_city_and_county_cases_must_settle_whether_the_team_is_a_party_committee_team():
    """required: [city, county]: a county case with neither the team's position nor the attribute is refused
    (naming the positions that settle it); said by hand it opens; a 市直单位 case needs neither.
    """
    with pytest.raises(lm.CaseError, match=r"party_committee_team.*county_standing_committee, county_npc_party_group"):
        lm.open_case(case("county", COUNTY_TEAM))
    assert lm.open_case(case("county", COUNTY_TEAM, unit_attrs={"party_committee_team": True})).view.unit[
        "party_committee_team"
    ]
    dept = lm.open_case(case("city_dept", [("ma", "dept_principal")], length=1, date="2014-06-25"))
    assert "party_committee_team" not in dept.view.unit
