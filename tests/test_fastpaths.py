"""The engine's fast paths give exactly what the plain paths give: same states, answers and refusals."""

from __future__ import annotations

import copy
import datetime as dt
import itertools
import sys
from pathlib import Path

import pytest
import yaml
from conftest import EXAMPLES, ROOT

import lifemeeting as lm
from lifemeeting.engine import chains as _chains
from lifemeeting.engine import replay as _replay
from lifemeeting.engine import stages as _stages
from lifemeeting.engine.profiles import CompiledRuleSet, compiled
from lifemeeting.engine.talks import BASE, SMALL_BASE
from lifemeeting.engine.view import TEAM, CaseView
from lifemeeting.ruleset import predicate as _predicate
from lifemeeting.ruleset.loaded import LoadedRuleSet

sys.path.insert(0, str(ROOT / "benchmarks"))
import generate  # noqa: E402


def _example_cases() -> list[tuple[str, dict]]:
    out = []
    known = lm.available()
    for path in sorted(EXAMPLES.rglob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if (
            isinstance(data, dict)
            and "members" in data
            and "events" in data
            and "pinned" not in data
            and data["ruleset"] in known
        ):
            out.append((str(path.relative_to(EXAMPLES)), data))
    return out


EXAMPLE_CASES = _example_cases()
SYNTHETIC = [(f"synthetic-{i}", generate.generate(i)) for i in range(12)]
ALL = EXAMPLE_CASES + SYNTHETIC


def _material_facts(state: _replay.CaseState) -> list:
    return [
        [
            (
                key,
                m.state,
                sorted(m.approvals),
                m.returns,
                m.submitted_on,
                m.first_submitted_on,
                list(m.done_links),
                m.passed_on,
            )
            for key, m in r.materials.items()
        ]
        + [
            sorted(map(sorted, map(state.view.pair, r.talks))),
            sorted(r.talks.values()),
            r.done,
            r.duties,
            r.stage,
            r.held_on,
            r.number,
            r.kind,
            r.redo,
        ]
        for r in state.rounds
    ]


def _facts(state: _replay.CaseState) -> tuple:
    return (_material_facts(state), state.last_date, state.applied)


def _outcome(data: dict, on: dt.date) -> tuple:
    """State facts and the answer, or the refusal message."""
    try:
        opened = lm.open_case(copy.deepcopy(data))
        return _facts(opened.state), opened.can_convene(on).model_dump()
    except lm.LifemeetingError as exc:
        return ("refused", str(exc))


def _spoiled(data: dict) -> list[dict]:
    """Variants of one case, each with one event the engine must refuse."""
    events = data["events"]
    talk = next(i for i, e in enumerate(events) if e["type"] == "talk")
    approved = next(i for i, e in enumerate(events) if e["type"] == "approved")
    submitted = next(i for i, e in enumerate(events) if e["type"] == "submitted")
    done = next(i for i, e in enumerate(events) if e["type"] == "done")
    signed = next(i for i, e in enumerate(events) if e["type"] == "signed")
    returned = next(i for i, e in enumerate(events) if e["type"] == "returned")
    changes = [
        (signed, {"by": "someone_else"}),
        (returned, {"by": "someone_else"}),
        (returned, {"link": "city_secretary_review"}),
        (talk, {"between": [events[talk]["between"][0], "nobody"]}),
        (talk, {"between": [events[talk]["between"][0], events[talk]["between"][0]]}),
        (approved, {"by": "someone_else"}),
        (approved, {"link": "no_such_link"}),
        (approved, {"subject": "ghost"}),
        (approved, {"material": "no_such_material"}),
        (submitted, {"material": None}),
        (done, {"task": "no_such_task"}),
        (approved, {"date": "2013-01-01"}),  # earlier than the event before it
    ]
    out = []
    for index, change in changes:
        variant = copy.deepcopy(data)
        variant["events"][index].update(change)
        out.append(variant)
    twice = copy.deepcopy(data)
    twice["events"].insert(submitted + 1, dict(events[submitted]))  # submitted twice
    out.append(twice)
    dup = copy.deepcopy(data)
    dup["events"].insert(done + 1, dict(events[done]))  # a task recorded twice
    out.append(dup)
    last = events[-1]["date"]
    for after_meeting, extra in (
        (False, {"type": "appraised", "appraisal": "public_appraisal", "satisfied": 1, "total": 2}),
        (False, {"type": "ordered", "order": "no_such_order"}),
        (False, {"type": "done", "task": "supervision_evaluation"}),
        (True, {"type": "held"}),  # held twice
        (True, {"type": "appraised", "appraisal": "no_such_appraisal", "satisfied": 1, "total": 2}),
        (True, {"type": "appraised", "appraisal": "public_appraisal", "satisfied": 1, "total": 0}),
        (True, {"type": "appraised", "appraisal": "public_appraisal", "satisfied": 3, "total": 2}),
    ):
        variant = copy.deepcopy(data)
        if after_meeting:
            variant["events"].append({"type": "held", "date": last})
        variant["events"].append(dict(extra, date=last))
        out.append(variant)
    early = copy.deepcopy(data)
    early["events"] = events[:6] + [{"type": "held", "date": events[5]["date"]}]  # with much still to do
    out.append(early)
    return out


REFUSALS = [  # noqa: E501  (whole messages, as the engine gives them)
    "第8个事件（signed）被拒绝：'someone_else' 不能在此签字；签字把关由 'party_group_head'（所在党组主要负责同志）进行",
    "第32个事件（returned）被拒绝：'someone_else' 不是环节 'city_office_review' 的审核人；该环节由 'city_campaign_office'（市委活动办）审核",  # noqa: E501
    "第32个事件（returned）被拒绝：环节 'city_secretary_review' 不审核领导班子的对照检查材料",
    "第3个事件（talk）被拒绝：谈话人 'nobody' 不在本案件中；谈话人写成员的 id、角色的 id、'head:<部门>' 或案件名单中的名字",  # noqa: E501
    "第3个事件（talk）被拒绝：谈心谈话须是两个不同的人，这里两人都是 'm09'",
    "第5个事件（approved）被拒绝：'someone_else' 不是环节 'county_secretary_review' 的审核人；该环节由 'county_party_secretary'（县委书记）审核",  # noqa: E501
    "第5个事件（approved）被拒绝：审核链 'county_examination_review' 中没有环节 'no_such_link'",
    "第5个事件（approved）被拒绝：没有成员 'ghost'；领导班子自身的材料写 'team'",
    "第5个事件（approved）被拒绝：没有材料 'no_such_material'",
    "第4个事件（submitted）被拒绝：'submitted' 事件须给出 'material'",
    "第1个事件（done）被拒绝：没有任务 'no_such_task'",
    "第5个事件（approved）被拒绝：日期 2013-01-01 早于前一个事件（2014-06-02）：事件按发生先后记录",
    "第5个事件（submitted）被拒绝：已经提交，材料在 'at:county_secretary_review'",
    "第2个事件（done）被拒绝：任务 'principal_reminders' 已记录于 2014-06-02 完成",
    "第235个事件（appraised）被拒绝：测评在专题民主生活会召开之后；案件在第1轮的 'preparing' 阶段（会前准备）",
    "第235个事件（ordered）被拒绝：没有责令事项 'no_such_order'",
    "第235个事件（done）被拒绝：'supervision_evaluation' 是会后的事，第1轮专题民主生活会尚未召开",
    "第236个事件（held）被拒绝：第1轮专题民主生活会已于 2014-06-18 召开",
    "第236个事件（appraised）被拒绝：没有测评 'no_such_appraisal'（是否指 'public_appraisal'？）",
    "第236个事件（appraised）被拒绝：零票的测评没有结果：请记录实际投票数",
    "第236个事件（appraised）被拒绝：共投2票，满意票不可能是3票",
    "第7个事件（held）被拒绝：2014-06-02 还不能召开",
]


@pytest.mark.parametrize("variant", range(len(REFUSALS)))
def test_every_handler_refuses_with_its_message(variant):
    """Each handler checks with the compiled tables first and says why only when a check fails.

    The messages are those the checks one by one gave before the handlers took a quick path.
    """
    data = _spoiled(SYNTHETIC[1][1])[variant]
    outcome = _outcome(data, dt.date(2014, 6, 24))
    assert outcome[0] == "refused", "each variant carries one event the engine refuses"
    assert outcome[1].startswith(REFUSALS[variant])


@pytest.mark.parametrize("variant", range(len(REFUSALS)))
def test_a_refused_event_changes_nothing(variant):
    """The state after a refusal is the state before the refused event."""
    data = _spoiled(SYNTHETIC[1][1])[variant]
    case, _ = lm.read_case(data)
    view = CaseView(lm.load_ruleset(case.ruleset), case)
    state = _replay.CaseState(view)
    for i, e in enumerate(case.events):
        before = _facts(state)
        try:
            state.apply(e, i)
        except lm.EventRefused:
            assert _facts(state) == before
            return
    pytest.fail("no event was refused")


def test_one_handler_per_event_type():
    """One dispatch table: a plain function for every type an event may have."""
    kinds = set(lm.Event.model_fields["type"].annotation.__args__)
    assert set(_replay.HANDLERS) == kinds
    assert all(
        callable(h) and h.__module__ in ("lifemeeting.engine.preparing", "lifemeeting.engine.rounds")
        for h in _replay.HANDLERS.values()
    )


@pytest.mark.parametrize("name,data", ALL, ids=[n for n, _ in ALL])
def test_state_as_of_a_day_is_the_replay_up_to_that_day(name, data):
    """One pass that keeps the state as of a day equals replaying again up to that day."""
    opened = lm.open_case(copy.deepcopy(data))
    days = sorted({e.date for e in opened.case.events})
    for on in days[:: max(1, len(days) // 4)] + [days[-1] - dt.timedelta(days=1)]:
        full, early = _replay.replay_as_of(opened.view, on)
        assert _facts(full) == _facts(opened.state)
        assert _facts(early) == _facts(_replay.replay(opened.view, until=on))


@pytest.mark.parametrize("name,data", ALL, ids=[n for n, _ in ALL])
def test_the_links_a_material_passed_are_the_steps_it_moved_through(name, data):
    """``done_links``, read off the path by the material's state, equals a record kept event by event.

    The record: a sign-off or approval that moves a material on adds the step it leaves
    (``sign:<link>`` or the link), a return clears it, and a material made afresh for a new
    round or a redo starts empty.
    """
    opened = lm.open_case(copy.deepcopy(data))
    state = _replay.CaseState(opened.view)
    record: dict[int, list[str]] = {id(m): [] for m in state.materials.values()}
    for i, e in enumerate(opened.view.case.events):
        before = {key: (m, m.state, list(record.get(id(m), []))) for key, m in state.materials.items()}
        state.apply(e, i)
        for key, m in state.materials.items():
            old, was, done = before.get(key, (None, _chains.DRAFTING, []))
            if old is None or (m is not old and not (m.state == was and m.returns == old.returns)):
                done = []  # made afresh
            if e.type == "returned" and (e.material, e.subject) == key:
                done = []
            elif m.state != was and was.startswith("sign:"):
                done.append(was)
            elif m.state != was and was.startswith("at:"):
                done.append(was.removeprefix("at:"))
            record[id(m)] = done
            assert list(m.done_links) == done, (i, key)


def test_copied_state_is_independent():
    """Applying events to a copy leaves the original as it was."""
    opened = lm.open_case(copy.deepcopy(SYNTHETIC[0][1]))
    view = opened.view
    half = _replay.CaseState(view)
    events = view.case.events
    for i, e in enumerate(events[: len(events) // 2]):
        half.apply(e, i)
    before = _facts(half)
    other = half.copy()
    for i, e in enumerate(events[len(events) // 2 :], len(events) // 2):
        other.apply(e, i)
    assert _facts(half) == before and _facts(other) != before


def _all_paths() -> list[tuple[LoadedRuleSet, object]]:
    seen = {}
    for _, data in ALL:
        opened = lm.open_case(copy.deepcopy(data))
        for slot in opened.view.slots.values():
            seen[id(slot.path)] = (opened.ruleset, slot.path)
    return list(seen.values())


def test_path_tables_read_off_the_spec_equal_the_machines():
    """Every path's transition table, read off its specification, is what the transitions Machine gives."""
    paths = _all_paths()
    assert len(paths) > 20
    for _, path in paths:
        assert path.table == _chains.compile_table(_chains.define_machine(path.chain, path.steps))


def test_moves_the_handlers_check_first_are_read_off_the_table():
    """Each state's move (the event that leaves it, its link, reviewer and destination) is the table's transition."""
    trigger = {"submitted": "submit", "signed": "sign", "approved": "approve"}
    for _, path in _all_paths():
        assert set(path.moves) == {_chains.DRAFTING, *(s.state for s in path.steps)}
        for state, move in path.moves.items():
            assert path.table[(state, trigger[move.event])] == move.dest
            assert move.passes == (move.dest in path.gate_states)
            step = path.by_state.get(state)
            if step is None:
                assert (move.event, move.link, move.by, move.done) == ("submitted", None, None, None)
            elif step.pre_sign:
                assert (move.event, move.by, move.done) == (
                    "signed",
                    step.link.pre_sign.reviewer,
                    "sign:" + step.link.id,
                )
            else:
                sole = step.link.reviewers[0] if len(step.link.reviewers) == 1 else None
                assert (move.event, move.link, move.by, move.done) == ("approved", step.link.id, sole, step.link.id)


def test_a_pre_sign_or_submission_that_names_a_link_is_applied_as_one_that_does_not():
    """``link`` means nothing to a pre-sign or a submission: the event is applied all the same."""
    data = copy.deepcopy(SYNTHETIC[1][1])
    events = data["events"]
    signed = next(i for i, e in enumerate(events) if e["type"] == "signed")
    submitted = next(i for i, e in enumerate(events) if e["type"] == "submitted")
    events[signed]["link"] = "county_secretary_review"
    events[submitted]["link"] = "county_secretary_review"
    on = dt.date(2014, 6, 24)
    named = _outcome(data, on)
    assert named[0] != "refused"
    assert named == _outcome(SYNTHETIC[1][1], on)


@pytest.mark.parametrize("redo", [False, True])
@pytest.mark.parametrize("reconvene", [False, True])
def test_stage_table_read_off_the_spec_equals_the_machines(redo, reconvene):
    """The stage table the engine runs is the one the stage Machine defines."""
    assert _stages.table(redo, reconvene) == _stages.machine_table(redo, reconvene)


def _reference_view(view: CaseView) -> tuple:
    """Roles, slots and paths worked out the plain way, predicate by predicate."""
    rs, unit = view.rules, view.unit
    roles = {
        r.id: [m for m in view.members if _predicate.matches(r.filled_by, view.subjects[m], unit)]
        for r in rs.roles
        if r.filled_by is not None
    }
    slots = {}
    chains = {c.material: c for c in rs.chains if c.tiers is None or view.tier in c.tiers}
    for material in rs.materials:
        if material.tiers is not None and view.tier not in material.tiers:
            continue
        chain = chains.get(material.id) or _chains.filing_chain(material)
        authors = [TEAM] if material.team else []
        if material.members is not None:
            authors += [m for m in view.members if _predicate.matches(material.members, view.subjects[m], unit)]
        for subject in authors:
            path = _chains.path_for(chain, view.subjects[subject], unit)
            slots[(material.id, subject)] = (path.chain.id, [(s.number, s.pre_sign) for s in path.steps])
    return roles, slots


def _view_facts(view: CaseView) -> tuple:
    return view.role_members, {
        k: (s.path.chain.id, [(st.number, st.pre_sign) for st in s.path.steps]) for k, s in view.slots.items()
    }


def _reference_pairs(view: CaseView, rule) -> list:
    """A talk rule's pairs the plain way: every selector asked member by member, every candidate pair deduplicated."""

    def select(sel: dict) -> list[str]:
        ((key, value),) = sel.items()
        if key == "members":
            return [m for m in view.members if _predicate.matches(value, view.subjects[m], view.unit)]
        if key == "role":
            return list(view.role_members.get(value, [value]))
        return list(view.case.lists.get(value, []))

    left = select(rule.each)
    if rule.with_ == "each_other":
        candidates = list(itertools.combinations(left, 2))
    elif rule.with_ == "overseen_heads":
        candidates = [(a, "head:" + d) for a in left for d in view.members[a].oversees]
    else:
        candidates = [(a, b) for a in left for b in select(rule.with_)]
    return [pair for pair in dict.fromkeys(map(frozenset, candidates)) if len(pair) == 2]


def _reference_party(view: CaseView, party: str) -> str | None:
    """A talk party's canonical id, asked the long way: member, then a role's one member, then a known party."""
    if party in view.members:
        return party
    filled = view.role_members.get(party)
    if filled:
        return filled[0] if len(filled) == 1 else None
    return party if party in view.parties else None


@pytest.mark.parametrize("name,data", ALL, ids=[n for n, _ in ALL])
def test_shared_profiles_give_the_rules_each_case_would_get_alone(name, data):
    """Roles, materials, paths, required talks and talk parties worked out once equal those asked for the case alone."""
    view = lm.open_case(copy.deepcopy(data)).view
    assert _view_facts(view) == _reference_view(view)
    assert list(view.slots) == list(_reference_view(view)[1]), "slots keep the rule set's order"
    assert view.required == {rule.id: _reference_pairs(view, rule) for rule in view.talk_rules}
    for party in [*view.parties, *view.role_members, *view.roles, "nobody"]:
        assert view.resolve_party(party) == _reference_party(view, party), party


def test_a_case_naming_more_talk_parties_than_the_small_base_answers_alike():
    """Pair codes are in a small base (one digit of a Python int) unless a case names too many parties.

    A case whose list names 40,000 more people takes the wide base: its required pairs are
    the plain ones, and it answers as the same case without them, but for the talks they miss.
    """
    data = yaml.safe_load((EXAMPLES / "puyang-2014" / "blocked-lower-principals.yaml").read_text(encoding="utf-8"))
    small = lm.open_case(copy.deepcopy(data))
    assert small.view.pair_base == SMALL_BASE
    names = data["lists"]["lower_principals"]
    big_data = copy.deepcopy(data)
    big_data["lists"]["lower_principals"] = names + [f"乡镇{i}" for i in range(40_000)]
    big = lm.open_case(big_data)
    assert big.view.pair_base == BASE and len(big.view.party_ids) > SMALL_BASE
    assert big.view.required == {rule.id: _reference_pairs(big.view, rule) for rule in big.view.talk_rules}
    for view in (small.view, big.view):
        for party in [*names, *view.members, *view.role_members]:
            assert view.resolve_party(party) == _reference_party(view, party), party
    on = dt.date(2014, 6, 24)
    assert _facts(big.state) == _facts(small.state)  # the same talks, by their parties' ids, and materials
    missing = {b.item: len(b.missing_pairs or []) for b in big.can_convene(on).blockers if b.kind == "talks_covered"}
    before = {b.item: len(b.missing_pairs or []) for b in small.can_convene(on).blockers if b.kind == "talks_covered"}
    assert missing.pop("county_secretary_with_township_principals") > 40_000
    before.pop("county_secretary_with_township_principals", None)
    assert missing == before


def test_a_role_several_members_fill_is_no_talk_party():
    """With three principals, 'unit_principal' names nobody.

    The view resolves it to no one, and a talk naming it is refused so.
    """
    data = copy.deepcopy(SYNTHETIC[0][1])
    for m in data["members"][:3]:
        m.setdefault("attributes", {})["principal"] = True
    case, _ = lm.read_case(data)
    view = CaseView(lm.load_ruleset(case.ruleset), case)
    assert len(view.role_members["unit_principal"]) == 3
    for party in [*view.parties, *view.role_members, "nobody"]:
        assert view.resolve_party(party) == _reference_party(view, party), party
    with pytest.raises(
        lm.EventRefused,
        match=r"'unit_principal'（党委（党组）主要负责同志）由3名成员担任（m01、m02、m03），请写明是哪一位谈的",
    ):
        lm.open_case(data)


def test_equal_predicates_share_a_key_and_different_ones_do_not():
    """Member selections are remembered per predicate key.

    Equal content, equal key; true is not 1, a date is not its text.
    """
    predicate_key = compiled(lm.load_ruleset("puyang-2014")).predicate_key
    assert predicate_key({"not": {"outside_team": True}}) == predicate_key({"not": {"outside_team": True}})
    assert predicate_key({"position": "county_head", "principal": True}) == predicate_key(
        {"principal": True, "position": "county_head"}
    )
    assert predicate_key({"rank": 1}) != predicate_key({"rank": True})
    assert predicate_key({"on": dt.date(2014, 6, 1)}) != predicate_key({"on": "2014-06-01"})


def test_a_rule_set_that_tests_member_ids_shares_no_subject_profiles():
    """When a predicate tests a member's id, two members with the same attributes are told apart."""
    base = lm.load_ruleset("puyang-2014")
    roles = [
        r.model_copy(update={"filled_by": {"id": "m02"}}) if r.id == "unit_principal" else r for r in base.model.roles
    ]
    loaded = LoadedRuleSet(model=base.model.model_copy(update={"roles": roles}), sha256="test", origin="<test>")
    assert compiled(loaded).uses_id and not compiled(base).uses_id
    data = copy.deepcopy(SYNTHETIC[0][1])
    data["events"] = []
    view = CaseView(loaded, lm.Case.model_validate(data))
    assert view.role_members["unit_principal"] == ["m02"]
    assert _view_facts(view) == _reference_view(view)


def test_teams_made_up_alike_share_a_template_and_each_keeps_its_own_members():
    """Two cases with the same positions and attributes in the same order, their members named and
    overseeing otherwise, share one team template; each view names its own members and equals the reference."""
    data = copy.deepcopy(SYNTHETIC[0][1])
    data["events"] = []
    renamed = copy.deepcopy(data)
    for i, m in enumerate(renamed["members"]):
        m["id"], m["name"] = f"x{i:02d}", f"另{i}"
        m["oversees"] = [f"局{i}"] if i % 2 else []
    loaded = lm.load_ruleset(data["ruleset"])
    first = CaseView(loaded, lm.Case.model_validate(data))
    second = CaseView(loaded, lm.Case.model_validate(renamed))
    assert first._team is second._team
    assert list(second.members) == [m["id"] for m in renamed["members"]]
    assert {subject for _, subject in second.slots} <= {"team", *second.members}
    for view in (first, second):
        assert _view_facts(view) == _reference_view(view)
        assert view.required == {rule.id: _reference_pairs(view, rule) for rule in view.talk_rules}


def test_a_rule_set_that_tests_member_ids_shares_no_team_template():
    """A template made where a predicate tests ids is the case's own."""
    base = lm.load_ruleset("puyang-2014")
    roles = [
        r.model_copy(update={"filled_by": {"id": "m02"}}) if r.id == "unit_principal" else r for r in base.model.roles
    ]
    loaded = LoadedRuleSet(model=base.model.model_copy(update={"roles": roles}), sha256="test", origin="<test>")
    data = copy.deepcopy(SYNTHETIC[0][1])
    data["events"] = []
    case = lm.Case.model_validate(data)
    first, second = CaseView(loaded, case), CaseView(loaded, case)
    assert first._team is not second._team and not compiled(loaded)._teams
    assert first.role_members == second.role_members == {**first.role_members, "unit_principal": ["m02"]}


def test_a_members_position_and_attributes_found_wrong_are_said_every_time():
    """Shapes that passed the checks are remembered; a wrong one is never, so each case hears of it."""
    data = copy.deepcopy(SYNTHETIC[0][1])
    data["events"] = []
    loaded = lm.load_ruleset(data["ruleset"])
    CaseView(loaded, lm.Case.model_validate(data))  # every member's shape passes, and is remembered
    bad = copy.deepcopy(data)
    bad["members"][1].setdefault("attributes", {})["no_such_attribute"] = True
    for _ in range(2):
        with pytest.raises(lm.CaseError, match=r"members\.1\.attributes\.no_such_attribute: unknown attribute"):
            CaseView(loaded, lm.Case.model_validate(bad))


def test_examples_are_found():
    """The comparisons above run over the bundled examples, not an empty list."""
    assert len(EXAMPLE_CASES) >= 20 and Path(EXAMPLES).is_dir()


def test_a_selector_made_on_the_fly_that_tests_ids_is_not_answered_from_a_shared_profile():
    """Selecting members by id, outside the rule set's own predicates, still finds exactly that member."""
    first = lm.open_case(copy.deepcopy(SYNTHETIC[0][1])).view
    second = lm.open_case(copy.deepcopy(SYNTHETIC[1][1])).view
    for view in (first, second):
        assert view._select({"members": {"id": "m03"}}) == ["m03"]
        assert view._select({"members": {"position": view.members["m03"].position, "id": "m03"}}) == ["m03"]


@pytest.mark.parametrize("redo", [False, True])
@pytest.mark.parametrize("reconvene", [False, True])
def test_preparation_events_are_taken_while_preparing(redo, reconvene):
    """The handlers skip the stage table for a preparation event while the round is prepared: it always takes one."""
    assert (_stages.PREPARING, "prepare") in _stages.allowed_pairs(redo, reconvene)


def _lifecycle_cases() -> list[dict]:
    """Ready examples driven to closed, again with every appraisal failed, and the spoiled variants."""
    from test_lifecycle import READY, drive_to_closed

    out = []
    for path in READY:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        applied = drive_to_closed(lm.open_case(path))
        out.append({**data, "events": [*data["events"], *applied]})
        failed = [dict(e, satisfied=1) if e["type"] == "appraised" else e for e in applied]
        orders = [{"type": "ordered", "order": o, "date": applied[-1]["date"]} for o in ("order_reconvene",)]
        out.append({**data, "events": [*data["events"], *failed, *orders]})
    return out + _spoiled(SYNTHETIC[1][1])


def test_the_round_being_prepared_is_always_the_current_one_at_stage_preparing():
    """``preparing_round``, which the preparation handlers read instead of the stage, follows every stage change."""
    cases = _lifecycle_cases()
    assert len(cases) > 20
    for data in cases:
        case, _ = lm.read_case(copy.deepcopy(data))
        state = _replay.CaseState(CaseView(lm.load_ruleset(case.ruleset), case))
        for i, e in enumerate(case.events):
            try:
                state.apply(e, i)
            except lm.EventRefused:
                break
            expected = state.round if state.stage == _stages.PREPARING else None
            assert state.preparing_round is expected
            other = state.copy()
            assert other.preparing_round is (other.round if expected is not None else None)


def test_compiled_tables_belong_to_the_loaded_rule_set():
    """Cases under one loaded rule set share its compiled tables and paths; another loaded rule set has its own."""
    first = lm.open_case(copy.deepcopy(SYNTHETIC[0][1]))
    second = lm.open_case(copy.deepcopy(SYNTHETIC[1][1]))
    assert first.ruleset is second.ruleset
    tables = compiled(first.ruleset)
    assert isinstance(tables, CompiledRuleSet) and tables is compiled(second.ruleset)
    assert first.view._compiled is tables is second.view._compiled
    shared = {id(s.path) for s in first.view.slots.values()} & {id(s.path) for s in second.view.slots.values()}
    assert shared, "two cases of one tier share compiled paths"
    other = LoadedRuleSet(model=first.ruleset.model, sha256="other", origin="<test>")
    assert compiled(other) is not tables and compiled(other) is compiled(other)


def test_compiled_tables_are_not_pickled_with_the_rule_set():
    """The rule-set cache stores the checked rule set, not what the engine compiled from it."""
    import pickle

    loaded = lm.load_ruleset("puyang-2014")
    compiled(loaded)
    again = pickle.loads(pickle.dumps(loaded))
    assert again == loaded and again._compiled == {}
    assert compiled(again) is not compiled(loaded)


def test_predicate_fields_are_read_from_the_model_types():
    """Every field typed ``Predicate`` is found, and only those: the fields a profile depends on."""
    from lifemeeting.ruleset import model as _model

    assert _predicate._predicate_fields(_model.Role) == {"filled_by"}
    assert _predicate._predicate_fields(_model.Material) == {"members", "applies_to"}
    assert _predicate._predicate_fields(_model.Link) == {"applies_to"}
    assert _predicate._predicate_fields(_model.PreSign) == {"applies_to"}
    assert _predicate._predicate_fields(_model.Chain) == set()
    rs = lm.load_ruleset("puyang-2014").model
    found = list(_predicate.predicates_in(rs))
    expected = [r.filled_by for r in rs.roles if r.filled_by is not None]
    expected += [m.members for m in rs.materials if m.members is not None]
    expected += [link.applies_to for c in rs.chains for link in c.links]
    assert all(any(p is q for q in found) for p in expected)
