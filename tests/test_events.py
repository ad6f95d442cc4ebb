"""Events are checked before they change anything; a refusal names the event's index and why."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import FIXTURES

import lifemeeting as lm

MINIMAL = FIXTURES / "rulesets" / "minimal.yaml"


def _case(*events, tier="unit", **extra):
    return {
        "ruleset": str(MINIMAL),
        "tier": tier,
        "unit": {"name": "某单位领导班子"},
        "meeting": {"date": "2020-06-20", "length_days": 1},
        "members": [
            {"id": "wang", "name": "王书记", "position": "head"},
            {"id": "zhao", "name": "赵委员", "position": "member"},
            {"id": "qian", "name": "钱委员", "position": "member", "oversees": ["办公室"]},
        ],
        "events": list(events),
        **extra,
    }


def _refusal(*events):
    with pytest.raises(lm.EventRefused) as info:
        lm.open_case(_case(*events), ruleset=MINIMAL)
    return info.value


SUBMIT_ZHAO = {"date": "2020-06-01", "type": "submitted", "material": "examination", "subject": "zhao"}
SUBMIT_TEAM = {"date": "2020-06-01", "type": "submitted", "material": "examination", "subject": "team"}

REFUSALS = {
    "earlier date": (
        [SUBMIT_ZHAO, {"date": "2020-05-30", "type": "done", "task": "study"}],
        1,
        "第2个事件（done）被拒绝：日期 2020-05-30 早于前一个事件（2020-06-01）：事件按发生先后记录",
    ),
    "reviewer not this link's": (
        [
            SUBMIT_ZHAO,
            {
                "date": "2020-06-02",
                "type": "approved",
                "material": "examination",
                "subject": "zhao",
                "link": "principal_review",
                "by": "supervision_group",
            },
        ],
        1,
        (
            "第2个事件（approved）被拒绝：'supervision_group' 不是环节 'principal_review' 的审核人；该环节由 'principal'（书记（王书记））审核"  # noqa: E501
        ),
    ),
    "unknown member": (
        [{"date": "2020-06-01", "type": "submitted", "material": "examination", "subject": "zaho"}],
        0,
        ("第1个事件（submitted）被拒绝：没有成员 'zaho'（是否指 'zhao'？）；领导班子自身的材料写 'team'"),
    ),
    "link not for this subject": (
        [
            SUBMIT_ZHAO,
            {
                "date": "2020-06-02",
                "type": "approved",
                "material": "examination",
                "subject": "zhao",
                "link": "principal_review",
                "by": "wang",
            },
            {
                "date": "2020-06-03",
                "type": "approved",
                "material": "examination",
                "subject": "zhao",
                "link": "group_review",
                "by": "supervision_group",
            },
        ],
        2,
        "第3个事件（approved）被拒绝：环节 'group_review' 不审核赵委员的对照检查材料",
    ),
    "wrong order": (
        [
            SUBMIT_TEAM,
            {
                "date": "2020-06-02",
                "type": "approved",
                "material": "examination",
                "subject": "team",
                "link": "group_review",
                "by": "supervision_group",
            },
        ],
        1,
        "第2个事件（approved）被拒绝：材料在 'at:principal_review'，不在环节 'group_review'",
    ),
    "not yet submitted": (
        [
            {
                "date": "2020-06-02",
                "type": "approved",
                "material": "examination",
                "subject": "team",
                "link": "principal_review",
                "by": "principal",
            }
        ],
        0,
        "第1个事件（approved）被拒绝：材料在起草中，不在环节 'principal_review'",
    ),
    "unknown task": (
        [{"date": "2020-06-01", "type": "done", "task": "stdy"}],
        0,
        "第1个事件（done）被拒绝：没有任务 'stdy'（是否指 'study'？）",
    ),
    "task twice": (
        [
            {"date": "2020-06-01", "type": "done", "task": "study"},
            {"date": "2020-06-02", "type": "done", "task": "study"},
        ],
        1,
        "第2个事件（done）被拒绝：任务 'study' 已记录于 2020-06-01 完成",
    ),
    "talk with oneself": (
        [{"date": "2020-06-01", "type": "talk", "between": ["wang", "principal"]}],
        0,
        "第1个事件（talk）被拒绝：谈心谈话须是两个不同的人，这里两人都是 'wang'",
    ),
    "unknown talk party": (
        [{"date": "2020-06-01", "type": "talk", "between": ["wang", "qain"]}],
        0,
        (
            "第1个事件（talk）被拒绝：谈话人 'qain' 不在本案件中（是否指 'qian'？）；谈话人写成员的 id、角色的 id、'head:<部门>' 或案件名单中的名字"  # noqa: E501
        ),
    ),
    "submitted twice": (
        [SUBMIT_ZHAO, SUBMIT_ZHAO],
        1,
        "第2个事件（submitted）被拒绝：已经提交，材料在 'at:principal_review'",
    ),
    "missing field": (
        [
            SUBMIT_ZHAO,
            {"date": "2020-06-02", "type": "approved", "material": "examination", "subject": "zhao", "by": "wang"},
        ],
        1,
        "第2个事件（approved）被拒绝：'approved' 事件须给出 'link'",
    ),
    "nothing to sign": (
        [
            SUBMIT_ZHAO,
            {"date": "2020-06-02", "type": "signed", "material": "examination", "subject": "zhao", "by": "wang"},
        ],
        1,
        "第2个事件（signed）被拒绝：没有要签字把关的：材料在 'at:principal_review'",
    ),
}


@pytest.mark.parametrize("name", sorted(REFUSALS))
def test_refused_event_names_index_and_reason(name):
    """An event that is not allowed is refused with its index and the reason."""
    events, index, message = REFUSALS[name]
    refusal = _refusal(*events)
    assert refusal.index == index
    assert str(refusal) == message


def test_refused_event_leaves_state_as_it_was():
    """Applying a refused event changes nothing; a good event afterwards still applies."""
    case = lm.open_case(_case(SUBMIT_ZHAO), ruleset=MINIMAL)
    before = case.can_convene(dt.date(2020, 6, 20)).model_dump()
    with pytest.raises(lm.EventRefused):
        case.apply(
            {
                "date": "2020-06-02",
                "type": "approved",
                "material": "examination",
                "subject": "zhao",
                "link": "principal_review",
                "by": "supervision_group",
            }
        )
    assert case.can_convene(dt.date(2020, 6, 20)).model_dump() == before
    case.apply(
        {
            "date": "2020-06-02",
            "type": "approved",
            "material": "examination",
            "subject": "zhao",
            "link": "principal_review",
            "by": "principal",
        }
    )
    after = case.can_convene(dt.date(2020, 6, 20))
    assert not any(b.subject == "zhao" for b in after.blockers)


def test_refused_event_from_a_file_names_file_line_and_column():
    """A refusal in a case file says where the event stands."""
    with pytest.raises(lm.EventRefused) as info:
        lm.open_case(FIXTURES / "cases" / "refused_event.yaml")
    assert str(info.value).endswith(
        "refused_event.yaml:12:5: 第3个事件（approved）被拒绝：环节 'group_review' 不审核赵委员的对照检查材料"
    )


def test_events_after_the_asked_day_are_not_counted():
    """Asking about an earlier day replays only the events up to that day."""
    case = lm.open_case(_case(SUBMIT_ZHAO, {"date": "2020-06-05", "type": "done", "task": "study"}), ruleset=MINIMAL)
    early = case.can_convene(dt.date(2020, 6, 2))
    late = case.can_convene(dt.date(2020, 6, 6))
    assert "prepared" in {b.rule for b in early.blockers}
    assert "prepared" not in {b.rule for b in late.blockers}


def test_return_sends_material_back_to_drafting_and_counts_rounds():
    """A returned material must be submitted again and the blocker says how often it came back."""
    case = lm.open_case(
        _case(
            SUBMIT_ZHAO,
            {
                "date": "2020-06-02",
                "type": "returned",
                "material": "examination",
                "subject": "zhao",
                "link": "principal_review",
                "by": "wang",
                "reason": "问题不聚焦",
            },
        ),
        ruleset=MINIMAL,
    )
    answer = case.can_convene(dt.date(2020, 6, 20))
    (blocker,) = [b for b in answer.blockers if b.subject == "zhao"]
    assert blocker.message == "「材料审核通过」：赵委员的对照检查材料尚未提交（已退回1次）"
    assert any(a.what == "重新撰写并提交赵委员的对照检查材料" for a in answer.next_actions)


def test_bad_case_file_lists_every_problem_with_location():
    """Unknown tier, position and attribute in a case file are all reported with did-you-mean."""
    with pytest.raises(lm.CaseError) as info:
        lm.open_case(FIXTURES / "cases" / "bad_case.yaml")
    lines = [str(p).split("bad_case.yaml:", 1)[1] for p in info.value.problems]
    assert lines == [
        "2:7: unknown tier 'unti' (did you mean 'unit'?); rule set 'minimal-2020' has: unit",
        "5:37: unknown position 'haed' (did you mean 'head'?)",
        "6:58: unknown attribute 'principle' (did you mean 'principal'?)",
    ]


def test_case_without_tier_for_a_tiered_ruleset_is_refused():
    """A rule set with tiers needs the case to name its tier."""
    with pytest.raises(lm.CaseError, match="the case must say which: tier: one of unit"):
        lm.open_case(_case(tier=None), ruleset=MINIMAL)


def test_unknown_event_key_is_refused_with_location(tmp_path):
    """A misspelt event key is refused at its line, with the keys an event may have."""
    path = tmp_path / "case.yaml"
    path.write_text(
        (FIXTURES / "cases" / "refused_event.yaml")
        .read_text(encoding="utf-8")
        .replace("subject: zhao}", "subjet: zhao}", 1),
        encoding="utf-8",
    )
    with pytest.raises(lm.CaseError) as info:
        lm.open_case(path)
    (problem,) = info.value.problems
    assert (problem.line, problem.column) == (10, 64)
    assert problem.message.startswith(
        "unknown key 'subjet' (did you mean 'subject'?); expected one of: type, date, task"
    )


def test_applied_events_join_the_case_for_later_replays():
    """An applied event is part of the case: asking about an earlier day replays it too, a refused one is not kept."""
    case = lm.open_case(_case(SUBMIT_ZHAO), ruleset=MINIMAL)
    case.apply({"date": "2020-06-02", "type": "done", "task": "study"})
    case.apply({"date": "2020-06-10", "type": "talk", "between": ["wang", "zhao"]})
    with pytest.raises(lm.EventRefused):
        case.apply({"date": "2020-06-11", "type": "talk", "between": ["wang", "nobody"]})
    assert [e.type for e in case.case.events] == ["submitted", "done", "talk"]
    early = case.can_convene(dt.date(2020, 6, 5))  # replayed up to 6月5日: study done, no talk yet
    assert "prepared" not in {b.rule for b in early.blockers}
    assert "talked" in {b.rule for b in early.blockers}


def test_an_unchanged_case_answers_the_same_day_without_working_it_out_again():
    """Asked again for the same day, an open case gives the answer it gave;
    an applied event or another day gives a new one.
    """
    case = lm.open_case(_case(SUBMIT_ZHAO), ruleset=MINIMAL)
    day = dt.date(2020, 6, 20)
    first = case.can_convene(day)
    assert case.can_convene(day) is first
    with pytest.raises(lm.EventRefused):  # a refused event changes nothing, so the answer stands
        case.apply({"date": "2020-06-02", "type": "talk", "between": ["wang", "nobody"]})
    assert case.can_convene(day) is first
    case.apply({"date": "2020-06-02", "type": "done", "task": "study"})
    after = case.can_convene(day)
    assert after is not first
    assert "prepared" in {b.rule for b in first.blockers} and "prepared" not in {b.rule for b in after.blockers}
    earlier = case.can_convene(dt.date(2020, 6, 1))
    assert earlier.on == dt.date(2020, 6, 1) and "prepared" in {b.rule for b in earlier.blockers}
