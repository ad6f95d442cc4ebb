"""Ratings per member (kind: rating), limits on shares both ways, duties per rated member, orders that redo
appraisals, soft rules, and later rounds' duties (docs/ruleset-format.md, Ratings per member)."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import FIXTURES

import lifemeeting as lm

RATINGS = FIXTURES / "format" / "ratings.yaml"
SOFT = FIXTURES / "format" / "ratings-soft.yaml"
MEMBERS = [
    {"id": "zhao", "name": "赵书记", "attributes": {"secretary": True}},
    {"id": "qian", "name": "钱一"},
    {"id": "sun", "name": "孙二"},
    {"id": "zheng", "name": "郑六", "attributes": {"probationary": True}},
]
TALKS = [{"date": "2020-12-01", "type": "talk", "between": ["zhao", m]} for m in ("qian", "sun", "zheng")]
HELD = [
    {"date": "2020-12-10", "type": "held"},
    *({"date": "2020-12-10", "type": "done", "task": t} for t in ("self_review", "mutual_review", "democratic_test")),
]


def _case(*events, ruleset=RATINGS, members=MEMBERS):
    data = {
        "ruleset": str(ruleset),
        "unit": {"name": "某党支部"},
        "year": 2020,
        "members": members,
        "meeting": {"date": "2020-12-10"},
        "events": list(events),
    }
    return lm.open_case(data, ruleset=ruleset)


def _rated(date, **ratings):
    return {"date": date, "type": "rated", "appraisal": "member_review", "ratings": ratings}


def test_a_result_gives_each_rated_member_a_level_and_status_shows_it():
    case = _case(*TALKS, *HELD, _rated("2020-12-11", zhao="优秀", qian="qualified", sun="不合格"))
    (r,) = case.status(dt.date(2020, 12, 20)).rounds
    assert [(x.member, x.level, x.level_name) for x in r.ratings] == [
        ("zhao", "excellent", "优秀"),
        ("qian", "qualified", "合格"),
        ("sun", "unqualified", "不合格"),
    ]
    (owed,) = [d for d in r.duties if d.member]
    assert (owed.id, owed.name, owed.owner, owed.by) == (
        "rectify/sun",
        "孙二限期改正",
        "支部书记（赵书记）",
        dt.date(2021, 3, 11),
    )


def test_results_add_up_and_the_round_closes_only_when_every_member_is_rated():
    case = _case(*TALKS, *HELD, _rated("2020-12-11", zhao="优秀"))
    assert case.status(dt.date(2020, 12, 12)).stage == "held"
    case.apply(_rated("2020-12-12", qian="合格", sun="合格", zhao="合格"))  # zhao corrected
    s = case.status(dt.date(2020, 12, 12))
    assert s.stage == "closed"
    assert {x.member: x.level for x in s.rounds[0].ratings} == {
        "zhao": "qualified",
        "qian": "qualified",
        "sun": "qualified",
    }


@pytest.mark.parametrize(
    ("event", "reason"),
    [
        (_rated("2020-12-11", wang="合格"), r"'wang' 不是班子成员"),
        (_rated("2020-12-11", qian="特优"), r"'特优' 不是 'member_review'（民主评议党员）的等次"),
        (_rated("2020-12-11", zheng="合格"), r"'zheng'（郑六）不在 'member_review' 评定的成员之中"),
        (_rated("2020-12-11"), r"至少评定一名成员"),
        ({"date": "2020-12-11", "type": "rated", "appraisal": "member_reviw", "ratings": {}}, r"是否指 'member_r"),
        (
            {"date": "2020-12-11", "type": "appraised", "appraisal": "member_review", "satisfied": 1, "total": 2},
            r"记为 'rated'",
        ),
        ({"date": "2020-12-11", "type": "done", "task": "rectify"}, r"在 'subject' 写明是哪位成员"),
        ({"date": "2020-12-11", "type": "done", "task": "rectify", "subject": "qian"}, r"第1轮未评定"),
    ],
)
def test_bad_results_are_refused_with_the_event_index_and_reason(event, reason):
    with pytest.raises(lm.EventRefused, match=reason) as info:
        _case(*TALKS, *HELD, event)
    assert info.value.index == len(TALKS) + len(HELD)


def test_steps_go_in_order_and_before_the_result():
    with pytest.raises(lm.EventRefused, match=r"'democratic_test'（民主测评）须在'mutual_review'"):
        _case(*TALKS, HELD[0], HELD[1], HELD[3])


@pytest.mark.parametrize(
    ("share", "inclusive", "excellent", "refused"),
    [
        ('at_most: "1/3"', "true", 1, False),  # 1 of 3 is exactly a third: kept
        ('at_most: "1/3"', "false", 1, True),  # 少于三分之一: the boundary breaks it
        ('at_most: "1/3"', "true", 2, True),
        ('at_least: "1/3"', "true", 0, True),  # a lower bound, once every member is rated
        ('at_least: "1/3"', "true", 1, False),
        ('at_least: "1/3"', "false", 1, True),
    ],
)
def test_limits_both_ways_and_whether_the_boundary_counts(tmp_path, share, inclusive, excellent, refused):
    text = (
        RATINGS.read_text(encoding="utf-8")
        .replace('at_most: "1/3"', share)
        .replace("inclusive: true", f"inclusive: {inclusive}")
    )
    path = tmp_path / "limits.yaml"
    path.write_text(text, encoding="utf-8")
    ruleset = lm.load_ruleset(path)
    levels = dict(zip(["zhao", "qian", "sun"], ["优秀"] * excellent + ["合格"] * (3 - excellent), strict=True))
    if refused:
        with pytest.raises(lm.EventRefused, match=r"的结果超出限制：优秀\d人，占参加评议的3人的\d/3"):
            _case(*TALKS, *HELD, _rated("2020-12-11", **levels), ruleset=ruleset)
    else:
        _case(*TALKS, *HELD, _rated("2020-12-11", **levels), ruleset=ruleset)


def test_a_lower_bound_waits_for_the_whole_result(tmp_path):
    text = RATINGS.read_text(encoding="utf-8").replace('at_most: "1/3"', 'at_least: "1/3"')
    path = tmp_path / "lower.yaml"
    path.write_text(text, encoding="utf-8")
    case = _case(*TALKS, *HELD, _rated("2020-12-11", qian="合格"), ruleset=lm.load_ruleset(path))
    with pytest.raises(lm.EventRefused, match="低于1/3（至少1人）"):
        case.apply(_rated("2020-12-12", zhao="合格", sun="合格"))


def test_soft_rules_warn_and_do_not_block():
    members = [{"id": x, "name": x} for x in "abc"]
    case = _case(ruleset=SOFT, members=members)
    answer = case.can_convene(dt.date(2020, 9, 1))
    assert answer.convenable
    assert any(w.startswith("一般在第四季度召开（一般要求，不阻止召开）") for w in answer.warnings)
    case = _case(
        {"date": "2020-12-10", "type": "held"},
        _rated("2020-12-11", a="优秀", b="优秀", c="合格"),
        ruleset=SOFT,
        members=members,
    )
    s = case.status(dt.date(2020, 12, 12))
    assert s.stage == "closed"
    assert s.warnings == ["第1轮民主评议党员：优秀2人，占参加评议的3人的2/3，超过1/3（至多1人）（一般要求）"]
    assert s.warnings[0] in lm.timeline(case, on=dt.date(2020, 12, 12)).warnings


@pytest.mark.parametrize(
    ("old", "new", "reason"),
    [
        ("levels: [excellent]", "levels: [outstanding]", "unknown level 'outstanding'"),
        (
            "steps: [self_review,",
            "steps: [self_reveiw,",
            "unknown duty \\(a rating's steps are post-meeting duties\\) 'self_reveiw'",
        ),
        ("levels: [unqualified]", "levels: [failed]", "unknown level 'failed'"),
        (
            "appraisal: member_review, levels",
            "appraisal: member_reviw, levels",
            "unknown rating appraisal 'member_reviw'",
        ),
        (
            "        exceeding: refuse\n",
            '        exceeding: refuse\n        at_least: "1/2"\n',
            "either 'at_most' or 'at_least'",
        ),
        (
            "        exceeding: refuse\n",
            "        exceeding: refuse\n        severity: warning\n",
            "only flags; it cannot 'refuse'",
        ),
        (
            "        exceeding: refuse\n",
            "        exceeding: refuse\n        redo: [democratic_test]\n",
            "'redo' goes with exceeding: redo",
        ),
        ("    rated: {not: {probationary: true}}\n", '    threshold: "2/3"\n', "a rating has no 'threshold'"),
        (
            "redo: [member_review]",
            "redo: [member_reveiw]",
            "unknown task, talk rule, material or appraisal 'member_reveiw'",
        ),
        ("due: {months_after_meeting: 1}", "due: 2020年12月31日前", "an order's due counts from the order"),
        (
            "name: 第四季度召开, kind: meeting_window,",
            "name: 第四季度召开, kind: meeting_window, severity: soft,",
            "severity",
        ),
    ],
)
def test_load_time_checks(tmp_path, old, new, reason):
    text = RATINGS.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "bad.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(lm.RuleSetError, match=reason) as info:
        lm.load_ruleset(path)
    assert "bad.yaml:" in str(info.value)


def test_an_order_redoing_an_appraisal_before_the_meeting_is_refused():
    order = {"date": "2020-12-05", "type": "ordered", "order": "redo_review"}
    with pytest.raises(lm.EventRefused, match=r"尚未召开（计划于 2020-12-10）") as info:
        _case(*TALKS, order)
    assert info.value.index == len(TALKS)


def test_an_order_after_the_round_closed_starts_a_redo_with_its_deadline():
    done = _rated("2020-12-11", zhao="优秀", qian="合格", sun="合格")
    case = _case(*TALKS, *HELD, done, {"date": "2020-12-20", "type": "ordered", "order": "redo_review"})
    s = case.status(dt.date(2021, 1, 25))
    first, second = s.rounds
    assert (first.stage, len(first.ratings)) == ("closed", 3)
    assert (second.kind, second.stage, second.deadline, second.ratings) == ("redo", "held", dt.date(2021, 1, 20), [])
    assert [(d.id, d.by, d.status) for d in second.redo] == [("member_review", dt.date(2021, 1, 20), "overdue")]
    assert {d.id: d.owed for d in second.duties} == {
        "self_review": "carried",
        "mutual_review": "carried",
        "democratic_test": "carried",
    }


RECONVENE = """
id: reconvene-deadlines
version: "0.1"
title: 重开的期限（测试）
source: {title: 测试, file: none.txt}
year: 2020
roles: [{id: principal, name: 书记}]
tasks:
  - {id: study, name: 集中学习, owner: principal, due: 2020年6月1日前, cite: {section: 一, quote: 6月1日前集中学习}}
gates:
  - {id: studied, name: 学习完成, kind: tasks_done, tasks: [study], cite: {section: 一, quote: 学习完成方可开会}}
duties:
  - {id: report, name: 报告, owner: principal, due: {days_after_meeting: 15}, cite: {section: 二, quote: 会后报告}}
orders:
  - {id: reconvene, name: 责令重开, consequence: reconvene, redo: [study], cite: {section: 三, quote: 责令重开}}
"""


def test_a_reconvened_round_owes_its_duties_again_and_drops_deadlines_already_past(tmp_path):
    path = tmp_path / "reconvene-deadlines.yaml"
    path.write_text(RECONVENE, encoding="utf-8")
    ruleset = lm.load_ruleset(path)
    events = [
        {"date": "2020-05-20", "type": "done", "task": "study"},
        {"date": "2020-06-10", "type": "held"},
        {"date": "2020-06-12", "type": "done", "task": "report"},
        {"date": "2020-06-20", "type": "ordered", "order": "reconvene"},
    ]
    data = {
        "ruleset": str(path),
        "unit": {"name": "某局"},
        "members": [{"id": "a", "name": "甲"}],
        "meeting": {"date": "2020-06-10"},
        "events": events,
    }
    case = lm.open_case(data, ruleset=ruleset)
    answer = case.can_convene(dt.date(2020, 6, 25))
    (action,) = [a for a in answer.next_actions if a.rule == "studied"]
    assert (action.by, action.overdue) == (None, False)  # 6月1日前 had passed when round 2 began on 6月20日
    case.apply({"date": "2020-06-26", "type": "done", "task": "study"})
    case.apply({"date": "2020-06-28", "type": "held"})
    (duty,) = case.status(dt.date(2020, 6, 29)).rounds[-1].duties
    assert (duty.id, duty.owed, duty.by) == ("report", "again", dt.date(2020, 7, 13))


def test_the_timeline_lists_each_owed_duty_counted_from_the_rating_and_the_levels_given():
    case = _case(*TALKS, *HELD, _rated("2020-12-11", zhao="优秀", qian="合格", sun="不合格"))
    plan = lm.timeline(case, on=dt.date(2021, 3, 20))
    found = {i.id: i for i in plan.items}
    assert "duty:rectify" not in found
    owed = found["duty:rectify/sun"]
    assert (owed.name, owed.by, owed.status, owed.basis) == (
        "孙二限期改正",
        dt.date(2021, 3, 11),
        "overdue",
        "评定后3个月内",
    )
    rating = found["appraisal:member_review"]
    assert (rating.done_on, rating.note) == (dt.date(2020, 12, 11), "优秀1人、合格1人、不合格1人")
    assert rating.owner == "领导班子"  # no role owns a rating: the team gives it (the format's default team name)


def test_a_duty_an_order_sends_back_is_owed_again_by_the_orders_deadline(tmp_path):
    path = tmp_path / "redo-steps.yaml"
    text = RATINGS.read_text(encoding="utf-8").replace(
        "redo: [member_review]", "redo: [democratic_test, member_review]"
    )
    path.write_text(text, encoding="utf-8")
    done = _rated("2020-12-11", zhao="优秀", qian="合格", sun="合格")
    order = {"date": "2020-12-20", "type": "ordered", "order": "redo_review"}
    case = _case(*TALKS, *HELD, done, order, ruleset=lm.load_ruleset(path))
    s = case.status(dt.date(2020, 12, 21))
    assert s.stage == "redoing"
    owed = {d.id: (d.owed, d.by) for d in s.rounds[-1].duties}
    assert owed["democratic_test"] == ("again", dt.date(2021, 1, 20))
    assert owed["self_review"][0] == "carried"
    with pytest.raises(lm.EventRefused, match="'redoing' 阶段"):
        case.apply(_rated("2020-12-22", zhao="合格", qian="合格", sun="合格"))
    case.apply({"date": "2020-12-22", "type": "done", "task": "democratic_test"})
    case.apply(_rated("2020-12-23", zhao="合格", qian="合格", sun="合格"))
    assert case.status(dt.date(2020, 12, 23)).stage == "closed"


def test_status_text_shows_levels_owed_marks_and_warnings():
    from lifemeeting.cli.status import render

    done = _rated("2020-12-11", zhao="优秀", qian="合格", sun="合格")
    case = _case(*TALKS, *HELD, done, {"date": "2020-12-20", "type": "ordered", "order": "redo_review"})
    text = render(case.status(dt.date(2020, 12, 21)))
    assert "2020-12-11 民主评议党员：赵书记优秀、钱一合格、孙二合格" in text
    assert "[待办] 重新民主评议党员，2021-01-20前" in text
    assert "[已完成 2020-12-10] 个人自评（沿用上一轮）" in text
    members = [{"id": x, "name": x} for x in "abc"]
    soft = _case(
        {"date": "2020-12-10", "type": "held"},
        _rated("2020-12-11", a="优秀", b="优秀", c="合格"),
        ruleset=SOFT,
        members=members,
    )
    assert "提醒：第1轮民主评议党员：优秀2人" in render(soft.status(dt.date(2020, 12, 12)))
