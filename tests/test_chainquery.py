"""Chain questions through the Python API: which links a subject's material passes, and whom each link serves."""

from __future__ import annotations

import pytest
from conftest import EXAMPLES, FIXTURES, ROOT

import lifemeeting as lm

MINIMAL = FIXTURES / "rulesets" / "minimal.yaml"
CONDITIONAL = FIXTURES / "rulesets" / "conditional.yaml"
PUYANG = ROOT / "rulesets" / "puyang-2014.yaml"


def route(answer: lm.SubjectChain) -> str:
    """A path as a reader would say it: 签 before a pre-signed link, ? after a conditional one."""
    return "".join(("签" if s.pre_sign else "") + s.mark + ("?" if s.condition else "") for s in answer.steps)


def one(ruleset, **kw) -> lm.SubjectChain:
    (answer,) = lm.subject_chains(ruleset, material="examination", **kw)
    return answer


# -- qingyuan-2014 and the minimal fixture ------------------------------------------------
def test_qingyuan_member_passes_three_links_with_reviewers_kinds_and_citations():
    """A 党组成员's material passes ① 初审 by two reviewers, ② 审核, ③ 审阅, each cited."""
    a = one("qingyuan-2014", position="party_member")
    assert route(a) == "①②③"
    first, _, last = a.steps
    assert [r.name for r in first.reviewers] == ["党组书记", "市委第三督导组"]
    assert (first.kind_name, last.kind_name) == ("审核", "审阅")
    assert last.gate is True and first.gate is True  # the 审阅 gates too (the reading the chain's note gives)
    assert last.citation.quote == "6月5日前报市委实践办审阅"
    assert a.citation.section == "二（五）三是"


def test_position_by_chinese_name_is_the_same_question():
    """Asking by the name the rule set lists (党组成员) answers as asking by id."""
    assert one("qingyuan-2014", position="党组成员") == one("qingyuan-2014", position="party_member")


def test_without_material_every_chain_the_subject_writes_for_is_listed():
    """A member writes an examination (reviewed) and a speech (only filed), so one chain comes back."""
    answers = lm.subject_chains("qingyuan-2014", position="party_secretary")
    assert [a.material for a in answers] == ["examination"]


def test_a_filed_material_has_no_links():
    """Asking for a material no chain reviews gives an empty path, as the engine treats it."""
    (a,) = lm.subject_chains("qingyuan-2014", position="party_member", material="speech")
    assert a.steps == []


def test_team_without_a_declared_position_is_asked_as_team():
    """'team' names the team itself where the rule set declares no team position."""
    assert route(one("qingyuan-2014", position="team")) == "①②③"
    (plan,) = lm.subject_chains("qingyuan-2014", position="领导班子", material="plan")
    assert route(plan) == "①"


def test_minimal_fixture_member_and_team_paths():
    """In the minimal rule set a member passes ① only; the team ① and ②."""
    assert route(one(MINIMAL, tier="unit", position="member")) == "①"
    assert route(one(MINIMAL, tier="unit", position="team")) == "①②"


# -- conditions, pre-signs and tiers (a county-like fixture) -------------------------------
def test_link_depending_on_an_open_unit_attribute_is_conditional():
    """Left open, the liaison-point attribute makes ③ conditional, with the condition in words."""
    a = one(CONDITIONAL, tier="county", position="standing_member")
    assert route(a) == "①②③?"
    cond = a.steps[2].condition
    assert cond.when == [{"liaison_point": True}]
    assert cond.text == "仅书记联系点"
    assert a.depends_on == ["liaison_point"]


@pytest.mark.parametrize(
    "unit,expected", [(["liaison_point=true"], "①②③"), ({"liaison_point": False}, "①②"), (["liaison_point=否"], "①②")]
)
def test_fixing_the_unit_attribute_settles_the_condition(unit, expected):
    """With the unit attribute given, the path is definite and nothing is conditional."""
    a = one(CONDITIONAL, tier="county", position="standing_member", unit=unit)
    assert route(a) == expected
    assert a.depends_on == []


def test_pre_sign_comes_before_its_link_with_its_own_reviewer():
    """A 人大 member's material is signed by the 人大党组书记 before ①."""
    a = one(CONDITIONAL, tier="county", position="npc_member")
    assert route(a) == "签①②"
    ps = a.steps[0].pre_sign
    assert ps.reviewer.name == "人大党组书记" and ps.condition is None
    assert ps.citation.quote == "应先由所在党组主要负责同志审核把关并签字"


def test_tier_table_lists_every_link_with_its_subjects_and_conditions():
    """The tier's chain names, per link, the positions it applies to, marking the conditional ones."""
    (t,) = lm.tier_chains(CONDITIONAL, tier="县级")
    assert [x.mark for x in t.links] == ["①", "②", "③", "④"]
    third = t.links[2]
    assert [(x.subject.name, x.condition.text if x.condition else None) for x in third.applies_to] == [
        ("县委书记", None),
        ("县委常委", "仅书记联系点"),
        ("县委常委班子", None),
    ]
    assert [x.subject.name for x in t.links[0].pre_sign_for] == ["人大党员领导干部"]
    assert t.links[3].kind_name == "审阅"


def test_each_tier_has_its_own_chain():
    """The township tier has its one-link chain, not the county's four."""
    (t,) = lm.tier_chains(CONDITIONAL, tier="township")
    assert t.chain == "township_review" and len(t.links) == 1
    assert {x.subject.name for x in t.links[0].applies_to} == {"乡镇党委班子", "乡镇党委书记"}


# -- questions that name what is not there -------------------------------------------------
@pytest.mark.parametrize(
    "kw,message",
    [
        ({"tier": "conty", "position": "secretary"}, "unknown tier 'conty' (did you mean 'county'?)"),
        ({"position": "secretary"}, "rule set 'conditional-2020' has tiers; say which: county, township"),
        ({"tier": "county", "position": "secretery"}, "unknown position 'secretery' (did you mean 'secretary'?)"),
        ({"tier": "township", "position": "secretary"}, "position 'secretary' (县委书记) is not in tier 'township'"),
        (
            {"tier": "county", "position": "secretary", "unit": ["liaison=true"]},
            "unknown unit attribute 'liaison' (did you mean 'liaison_point'?)",
        ),
        (
            {"tier": "county", "position": "secretary", "unit": ["liaison_point=maybe"]},
            "'liaison_point' is true or false, not 'maybe'",
        ),
        ({"tier": "county", "position": "secretary", "material": "exam"}, "unknown material 'exam'"),
    ],
)
def test_a_question_about_something_not_there_says_what_there_is(kw, message):
    """Unknown tiers, positions, unit attributes and materials raise QueryError naming the close match."""
    with pytest.raises(lm.QueryError) as info:
        lm.subject_chains(CONDITIONAL, **kw)
    assert message in str(info.value)
    assert isinstance(info.value, LookupError)


# -- a member of a case ---------------------------------------------------------------------
def test_case_member_chain_is_the_path_the_engine_replays_on():
    """For every material slot of every qingyuan example, the answer lists exactly the engine's path."""
    for path in sorted((EXAMPLES / "qingyuan-2014").glob("*.yaml")):
        case = lm.open_case(path)
        for (material, subject), slot in case.view.slots.items():
            answers = lm.case_chains(case, member=subject, material=material)
            assert [(s.link, bool(s.pre_sign)) for s in answers[0].steps] == [
                (s.link.id, False) for s in slot.path.steps if not s.pre_sign
            ] and all(s.condition is None for s in answers[0].steps), (path.name, material, subject)


def test_case_member_by_file_and_team():
    """A case file's member and its team are asked by id and 'team'."""
    (li,) = lm.case_chains(EXAMPLES / "qingyuan-2014" / "ready.yaml", member="li")
    assert route(li) == "①②③" and li.subject.name == "李建国" and li.subject.member == "li"
    answers = lm.case_chains(EXAMPLES / "qingyuan-2014" / "ready.yaml", member="team")
    assert [a.material for a in answers] == ["examination", "plan"]


def test_unknown_case_member_is_a_query_error():
    """A member id the case does not have is refused with the close one."""
    with pytest.raises(lm.QueryError, match="unknown member 'lii' \\(did you mean 'li'\\?\\)"):
        lm.case_chains(EXAMPLES / "qingyuan-2014" / "ready.yaml", member="lii")


# -- the other rule sets ---------------------------------------------------------------------
@pytest.mark.parametrize(
    "ruleset,position,material,expected,first_reviewer",
    [
        ("town-2014", "team", "examination", "①", "党委或领导班子会议"),
        ("town-2014", "committee_member", "criticism_outline", "①", "党委书记"),
        ("fagaiwei-2013", "team_member", "personal_rectification", "①", "委党组书记"),
        ("fagaiwei-2013", "team", "rectification_plan", "①②", "党组扩大会议"),
        ("party-group-2017", "team", "plan", "①", "市委组织部"),
    ],
)
def test_chains_of_the_other_rule_sets(ruleset, position, material, expected, first_reviewer):
    """Each bundled rule set's chains answer with their links and reviewers."""
    (a,) = lm.subject_chains(ruleset, position=position, material=material)
    assert route(a) == expected
    assert a.steps[0].reviewers[0].name == first_reviewer


def test_town_member_writes_no_reviewed_examination():
    """In town-2014 only the team's examination is discussed; a member's passes no link."""
    (a,) = lm.subject_chains("town-2014", position="committee_member", material="examination")
    assert a.steps == []


# -- puyang-2014 -------------------------------------------------------------------------------
PUYANG_ROUTES = [
    ("county", "county_party_secretary", None, "①②③④⑤⑥⑦"),
    ("county", "county_head", None, "①②③④⑤⑥⑦"),
    ("county", "county_standing_member", None, "①②③④?"),
    ("county", "county_standing_member", ["liaison_point=true"], "①②③④"),
    ("county", "county_standing_member", ["liaison_point=false"], "①②③"),
    ("county", "county_standing_committee", None, "①②③④"),
    ("county", "township_committee", None, "①"),
    ("county", "county_npc_leader", None, "签①②③"),
    ("city", "city_party_secretary", None, "①②③④⑤⑥"),
    ("city", "mayor", None, "①②③④"),
    ("city", "vice_mayor", None, "签①②③"),
    ("city_dept", "dept_principal", None, "①②③④"),
    ("city_dept", "dept_member", None, "①②③"),
    ("city_dept", "affiliated_principal", None, "①②"),
    ("city_dept", "section_chief", None, "①"),
    ("village", "village_committee", None, "①"),
]


@pytest.mark.parametrize("tier,position,unit,expected", PUYANG_ROUTES)
def test_puyang_chains(tier, position, unit, expected):
    """Puyang's review chains come out as 濮群办发〔2014〕22号 3、5（2） lists them."""
    assert route(one(PUYANG, tier=tier, position=position, unit=unit)) == expected


def test_puyang_liaison_condition_names_the_attribute():
    """The county standing member's ④ depends on the county being the city secretary's liaison point."""
    a = one(PUYANG, tier="county", position="county_standing_member")
    assert a.steps[3].condition.when == [{"liaison_point": True}]
    assert a.steps[3].condition.text == "仅市委书记联系点"
    assert [r.name for r in a.steps[3].reviewers] == ["市委书记"]


# -- the load-time check ------------------------------------------------------------------------
def test_link_reachable_only_in_some_units_loads(tmp_path):
    """A link only a liaison-point unit's members pass is reachable: unit attributes count as could-be-true."""
    text = CONDITIONAL.read_text(encoding="utf-8").replace(
        "            - {kind: team}\n            - {principal: true}\n", ""
    )
    path = tmp_path / "liaison_only.yaml"
    path.write_text(text, encoding="utf-8")
    (t,) = lm.tier_chains(path, tier="county")
    assert [x.subject.name for x in t.links[2].applies_to] == ["县委书记", "县委常委"]


def test_link_for_a_position_outside_the_chain_tier_is_unreachable(tmp_path):
    """A county link that only a township position could match is refused at load time with its line."""
    text = CONDITIONAL.read_text(encoding="utf-8").replace(
        "        applies_to: {principal: true}\n        cite: {section: 二④",
        "        applies_to: {position: township_secretary}\n        cite: {section: 二④",
    )
    path = tmp_path / "outside.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(lm.RuleSetError) as info:
        lm.load_ruleset(path)
    (problem,) = info.value.problems
    assert (problem.line, problem.column) == (71, 9)
    assert (
        "link 'upper_office_read' of chain 'county_review' can never be reached: no position in tier county"
        in problem.message
    )
