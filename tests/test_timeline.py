"""A case's timeline: each date follows from the rule's words, statuses follow the events, what-ifs add up."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import EXAMPLES, FIXTURES

import lifemeeting as lm
from lifemeeting.dates.periods import parse_text

D = dt.date
QY = EXAMPLES / "qingyuan-2014"
WORKDAYS = FIXTURES / "rulesets" / "workdays.yaml"
CASES = sorted(EXAMPLES.glob("*/*.yaml"))


def _items(t: lm.Timeline) -> dict[str, lm.TimelineItem]:
    return {i.id: i for i in t.items}


def test_qingyuan_timeline_matches_the_source_dates():
    """5月25日, 5月30日, 6月5日 as written;
    会前15天 is 6月1日, 会后10天 6月26日, 会后15天 7月1日 for a 6月16日 meeting.
    """
    items = _items(lm.timeline(QY / "ready.yaml", on=D(2014, 5, 26)))
    assert items["task:look_back"].by == D(2014, 5, 25)
    assert items["link:examination:group_review"].by == D(2014, 5, 30)
    assert items["talk:members_with_each_other"].by == D(2014, 6, 5)
    assert items["lead_time:request_lead_time"].by == D(2014, 6, 1)
    assert items["duty:briefing"].by == D(2014, 6, 26)
    assert items["duty:report"].by == D(2014, 7, 1)
    assert items["link:plan:group_approval"].by == D(2014, 6, 16)  # no date of its own: before the meeting


def test_statuses_follow_the_events_as_of_the_day_asked():
    """On 5月26日 study is done on 5月21日, the second review is open with 0 of 5 passed, nothing else overdue."""
    items = _items(lm.timeline(QY / "ready.yaml", on=D(2014, 5, 26)))
    assert (items["task:study"].status, items["task:study"].done_on) == ("done", D(2014, 5, 21))
    review = items["link:examination:group_review"]
    assert review.status == "open" and [p.status for p in review.parts] == ["open"] * 5
    assert not [i.id for i in items.values() if i.status == "overdue"]
    later = _items(lm.timeline(QY / "ready.yaml", on=D(2014, 6, 16)))
    assert later["link:examination:group_review"].done_on == D(2014, 5, 29)


def test_a_returned_material_starts_its_links_again():
    """李建国's material, returned on 5月29日, has not passed ① again, so ① is overdue for him alone."""
    item = _items(lm.timeline(QY / "blocked-returned.yaml", on=D(2014, 6, 16)))["link:examination:initial_review"]
    parts = {p.who: p for p in item.parts}
    assert parts["李建国"].status == "overdue"
    assert parts["陈志强"].done_on == D(2014, 5, 25)
    assert item.status == "overdue"


def test_a_material_filed_late_for_its_lead_time_is_done_but_late():
    """书面请示 filed 6月5日 for a 6月16日 meeting is done, late against 6月1日; the earliest day is 6月20日."""
    t = lm.timeline(QY / "blocked-request-late.yaml", on=D(2014, 6, 16))
    lead = _items(t)["lead_time:request_lead_time"]
    assert (lead.status, lead.done_on, lead.late) == ("done", D(2014, 6, 5), True)
    assert t.earliest.date == D(2014, 6, 20) and t.earliest.still_to_do == []
    assert "2014-06-20起可以召开" in t.earliest.bounds[0]


def test_earliest_counts_only_gates_and_lists_what_is_left():
    """On 5月26日 the request filed 5月12日 allows 5月27日; 6月中旬 is no gate here, so it is reported, not imposed."""
    e = lm.timeline(QY / "ready.yaml", on=D(2014, 5, 26)).earliest
    assert e.date == D(2014, 5, 27) and e.in_window is False
    assert any("谈心谈话全覆盖" in s for s in e.still_to_do)


def test_an_unfiled_lead_time_counts_from_the_day_asked():
    """Nothing filed by 2月5日 2024: five working days from then reach 补班 Sunday 2月18日;
    the 2月下旬 window sets 2月21日.
    """
    case = {
        "ruleset": str(WORKDAYS),
        "unit": {"name": "某单位领导班子"},
        "meeting": {"date": D(2024, 2, 26)},
        "members": [{"id": "wang", "name": "王书记", "position": "head"}],
    }
    e = lm.timeline(case, on=D(2024, 2, 5)).earliest
    # 2月6, 7, 8, 9 and (after 10—17 off) Sunday 2月18 make five working days; the window starts on 2月21日.
    assert "若于2024-02-05报送，须满5个工作日，2024-02-18起可以召开" in e.bounds[0]
    assert "最早2024-02-21可以召开" in e.bounds[-1]  # the meeting_window gate
    assert e.date == D(2024, 2, 21) and e.in_window is True


def test_moving_the_meeting_later_meets_a_missed_lead_time():
    """Moving 6月16日 to 6月20日 makes the 6月5日 request timely; legal, in the window; the duties shift four days."""
    move = lm.timeline(QY / "blocked-request-late.yaml", on=D(2014, 6, 16), move_to=D(2014, 6, 20)).move
    assert move.legal and move.in_window
    assert [c.id for c in move.newly_met] == ["lead_time:request_lead_time"]
    assert move.newly_missed == []
    shifted = {c.id: (c.by_before, c.by_after) for c in move.moved}
    assert shifted["duty:report"] == (D(2014, 7, 1), D(2014, 7, 5))


def test_moving_the_meeting_earlier_misses_talks_held_after_it():
    """Moving the ready case to 6月3日:
    talks held on 6月4日 and speeches of 6月5日 now come too late, and it is not legal.
    """
    move = lm.timeline(QY / "ready.yaml", on=D(2014, 6, 16), move_to=D(2014, 6, 3)).move
    missed = {c.id for c in move.newly_missed}
    assert {"talk:members_with_department_heads", "material:speech"} <= missed
    assert "talk:principal_with_members" not in missed  # all on 6月2日
    assert not move.legal and move.in_window is False


def test_working_day_deadlines_in_the_timeline():
    """Meeting 2024年2月21日: study 3 working days before is 2月18日 (a 补班 Sunday),
    report 15 working days after is 3月13日.
    """
    case = {
        "ruleset": str(WORKDAYS),
        "unit": {"name": "某单位领导班子"},
        "meeting": {"date": D(2024, 2, 21)},
        "members": [{"id": "wang", "name": "王书记", "position": "head"}],
    }
    t = lm.timeline(case, on=D(2024, 2, 1))
    items = _items(t)
    assert items["task:study"].by == D(2024, 2, 18) and items["task:study"].basis == "会前3个工作日"
    assert items["lead_time:plan_lead_time"].by == D(2024, 2, 8)
    assert items["duty:report"].by == D(2024, 3, 13)
    assert items["duty:briefing"].by == D(2024, 3, 2)
    assert (items["duty:rectification"].start, items["duty:rectification"].by) == (D(2024, 2, 21), D(2024, 5, 21))
    assert (t.meeting.window_start, t.meeting.window_end) == (D(2024, 2, 21), D(2024, 2, 29))
    assert t.warnings == []


def test_a_2027_timeline_warns_and_still_answers():
    """A meeting in 2027 gets Monday–Friday working days and a warning, never an exception."""
    case = {
        "ruleset": str(WORKDAYS),
        "unit": {"name": "某单位领导班子"},
        "meeting": {"date": D(2027, 2, 22)},
        "members": [{"id": "wang", "name": "王书记", "position": "head"}],
    }
    t = lm.timeline(case, on=D(2027, 2, 1))
    assert _items(t)["lead_time:plan_lead_time"].by == D(2027, 2, 15)
    assert any("2027年" in w and "周一至周五" in w for w in t.warnings)


def test_relative_dates_count_from_the_day_the_meeting_was_held():
    """Held on 2月23日 though planned for 2月21日: 会后10天 is then 3月4日."""
    case = {
        "ruleset": str(WORKDAYS),
        "unit": {"name": "某单位领导班子"},
        "meeting": {"date": D(2024, 2, 21)},
        "members": [{"id": "wang", "name": "王书记", "position": "head"}],
        "events": [
            {"date": D(2024, 2, 5), "type": "submitted", "material": "plan", "subject": "team"},
            {"date": D(2024, 2, 6), "type": "done", "task": "study"},
            {"date": D(2024, 2, 23), "type": "held"},
        ],
    }
    t = lm.timeline(case, on=D(2024, 2, 26))
    assert t.meeting.held and t.meeting.date == D(2024, 2, 23)
    assert _items(t)["duty:briefing"].by == D(2024, 3, 4)
    assert t.earliest is None


@pytest.mark.parametrize("path", CASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_example_date_follows_from_its_basis(path):
    """Each item's last day is its basis read as written, or counted from the meeting, or the meeting day for a gate."""
    opened = lm.open_case(path)
    t = lm.timeline(opened, on=opened.case.meeting.date)
    meeting = t.meeting.date
    for item in t.items:
        if item.end is None:
            assert item.by in (None, meeting) and (item.by is None or item.before_meeting or item.soft), item.id
            continue
        assert item.citation is not None and item.basis, item.id
        if not item.basis.startswith(("会", "案例")):
            window = parse_text(item.basis, opened.ruleset.model.year)
            assert (window.start, window.end) == (item.start, item.end), item.id
        elif item.basis.startswith("会后") and item.basis.endswith("天内"):
            days = int(item.basis[2:-2])
            assert item.end == meeting + dt.timedelta(days=days), item.id
        elif item.basis.startswith("会前") and item.basis.endswith("天"):
            assert item.end == meeting - dt.timedelta(days=int(item.basis[2:-1])), item.id
        expected = min(item.end, meeting) if (item.before_meeting or item.soft) and meeting else item.end
        assert item.by == expected, item.id


def test_ics_round_trips_through_the_icalendar_parser():
    """The .ics parses back: all-day events, windows spanning their days, unique UIDs stable across days asked."""
    from icalendar import Calendar

    first = lm.timeline(QY / "ready.yaml", on=D(2014, 5, 26))
    cal = Calendar.from_ical(lm.timeline_ics(first))
    events = list(cal.walk("VEVENT"))
    assert len(events) == len([i for i in first.items if i.by]) + 2  # plus the meeting and its window
    for e in events:
        start, end = e.decoded("dtstart"), e.decoded("dtend")
        assert type(start) is dt.date and type(end) is dt.date and end > start
    by_uid = {str(e["uid"]): e for e in events}
    assert len(by_uid) == len(events)
    window = next(e for uid, e in by_uid.items() if uid.startswith("meeting-window."))
    assert (window.decoded("dtstart"), window.decoded("dtend")) == (D(2014, 6, 11), D(2014, 6, 21))
    later = Calendar.from_ical(lm.timeline_ics(lm.timeline(QY / "ready.yaml", on=D(2014, 6, 16))))
    assert {str(e["uid"]) for e in later.walk("VEVENT")} == set(by_uid)
    study = next(e for uid, e in by_uid.items() if uid.startswith("task-study."))
    assert "已完成2014-05-21" in str(study["summary"]) and "二（二）" in str(study["description"])


def test_published_timeline_schema_is_current():
    """docs/schema/timeline.schema.json is what the Timeline model generates (see docs/time.md to regenerate)."""
    import json

    from conftest import ROOT

    published = json.loads((ROOT / "docs" / "schema" / "timeline.schema.json").read_text(encoding="utf-8"))
    assert published == lm.Timeline.model_json_schema(by_alias=True)


def test_moving_past_a_binding_window_is_not_legal():
    """With a meeting_window gate for 2024年2月下旬, moving to 3月1日 is refused though every lead time is met."""
    case = {
        "ruleset": str(WORKDAYS),
        "unit": {"name": "某单位领导班子"},
        "meeting": {"date": D(2024, 2, 26)},
        "members": [{"id": "wang", "name": "王书记", "position": "head"}],
        "events": [{"date": D(2024, 2, 5), "type": "submitted", "material": "plan", "subject": "team"}],
    }
    t = lm.timeline(case, on=D(2024, 2, 6), move_to=D(2024, 3, 1))
    assert t.move.legal is False and t.move.in_window is False
    assert lm.timeline(case, on=D(2024, 2, 6), move_to=D(2024, 2, 29)).move.legal is True


def test_a_date_the_case_gives_reads_by_its_parameters_name() -> None:
    """party-group-2017 leaves each 完成时限 (2018年xx月xx日前) to the unit: the timeline names which one."""
    plan = lm.timeline(EXAMPLES / "party-group-2017" / "ready.yaml", on=dt.date(2018, 1, 30))
    study = next(i for i in plan.items if i.id == "task:study")
    assert (study.by, study.basis) == (dt.date(2018, 1, 5), "案例给出的深化学习研讨成果完成时限")


def test_a_parameter_without_a_name_reads_by_its_id() -> None:
    from lifemeeting.dates.periods import basis

    assert basis({"parameter": "study_due"}, {"study_due": None}) == "案例参数 study_due"
    assert basis({"parameter": "study_due"}) == "案例参数 study_due"
