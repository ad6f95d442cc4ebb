"""``lifemeeting timeline``: the timeline table, its JSON, the .ics file and the --move-to what-if."""

from __future__ import annotations

import datetime as dt
import json

from conftest import EXAMPLES, FIXTURES, run_cli

QY = EXAMPLES / "qingyuan-2014"


run = run_cli


def test_timeline_prints_a_table_with_deadlines_owners_and_statuses():
    """The table has 时限 / 状态 / 事项 / 责任人, a row per item, the earliest day and a receipt."""
    r = run("timeline", str(QY / "ready.yaml"), "--on", "2014-05-26")
    assert r.returncode == 0, r.stderr
    out = r.stdout
    assert out.splitlines()[2].split() == ["时限", "状态", "事项", "责任人"]
    assert "2014-05-25前" in out and "已完成 2014-05-20" in out and "继续开展“回头看”" in out
    assert "2014-06-01前（会前15天）" in out
    assert "2014-06-26前（会后10天内）" in out
    assert "未完成 0/6" in out  # 班子成员相互之间必谈: six pairs, none yet
    assert "最早可召开日期：2014-05-27（周二），早于规定的会议时间（2014年6月中旬）" in out
    assert "回执：qingyuan-2014 1.2.0 sha256:" in out


def test_timeline_json_is_the_timeline_model():
    """--json carries items with id, owner, by, status and citation, the meeting, earliest and receipt."""
    r = run("timeline", str(QY / "blocked-request-late.yaml"), "--on", "2014-06-16", "--json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["earliest"]["date"] == "2014-06-20"
    lead = next(i for i in data["items"] if i["id"] == "lead_time:request_lead_time")
    assert (lead["by"], lead["status"], lead["late"], lead["done_on"]) == ("2014-06-01", "done", True, "2014-06-05")
    assert set(lead["citation"]) == {"document", "section", "quote"}
    assert data["meeting"]["window_start"] == "2014-06-11" and data["meeting"]["in_window"] is True
    assert data["move"] is None


def test_timeline_move_to_reports_what_is_newly_met_and_shifted():
    """--move-to names the deadline a later date meets and the post-meeting duties that shift."""
    r = run("timeline", str(QY / "blocked-request-late.yaml"), "--on", "2014-06-16", "--move-to", "2014-06-20")
    assert r.returncode == 0, r.stderr
    assert "改期：2014-06-16 → 2014-06-20（周五）：不早于最早可召开日期；在规定的会议时间之内" in r.stdout
    assert "新满足：报送书面请示（会前15天）：最迟 2014-06-01 → 2014-06-05，已完成" in r.stdout
    assert "随之变动：向省厅和市委第三督导组上报专题报告：最迟 2014-07-01 → 2014-07-05" in r.stdout


def test_timeline_move_to_an_earlier_day_reports_new_misses():
    """Moving the ready case to 6月3日 reports talks and speeches that now come too late."""
    r = run("timeline", str(QY / "ready.yaml"), "--on", "2014-06-16", "--move-to", "2014-06-03")
    assert "早于最早可召开日期，不能召开" in r.stdout
    assert "新错过：撰写并提交民主生活会发言稿：最迟 2014-06-05 → 2014-06-03，已完成（逾期）" in r.stdout


def test_timeline_writes_an_ics_file_a_calendar_parser_reads(tmp_path):
    """--ics writes all-day VEVENTs with stable UIDs; the icalendar parser reads every one back."""
    from icalendar import Calendar

    path = tmp_path / "plan.ics"
    r = run("timeline", str(QY / "ready.yaml"), "--on", "2014-06-16", "--ics", str(path))
    assert r.returncode == 0, r.stderr
    assert f"已写入 {path}" in r.stderr
    cal = Calendar.from_ical(path.read_bytes())
    assert str(cal["version"]) == "2.0" and "lifemeeting" in str(cal["prodid"])
    events = list(cal.walk("VEVENT"))
    assert len(events) == int(r.stderr.split("（")[1].split(" ")[0])
    meeting = next(e for e in events if str(e["uid"]).startswith("meeting."))
    assert (meeting.decoded("dtstart"), meeting.decoded("dtend")) == (dt.date(2014, 6, 16), dt.date(2014, 6, 17))
    assert all(type(e.decoded("dtstart")) is dt.date and "dtstamp" in e for e in events)


def test_timeline_ics_to_stdout():
    """--ics - prints only the calendar."""
    r = run("timeline", str(QY / "ready.yaml"), "--on", "2014-06-16", "--ics", "-")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("BEGIN:VCALENDAR") and r.stdout.rstrip().endswith("END:VCALENDAR")


def test_timeline_bad_case_exits_1_without_traceback():
    """A bad case is exit 1 with FILE:LINE:COL on stderr."""
    r = run("timeline", str(FIXTURES / "cases" / "bad_case.yaml"))
    assert r.returncode == 1
    assert "bad_case.yaml:2:7: unknown tier 'unti'" in r.stderr and "Traceback" not in r.stderr


def test_timeline_without_a_meeting_date_says_relative_dates_wait(tmp_path):
    """A case with no meeting date lists relative items as 待定 and says why."""
    path = tmp_path / "undated.yaml"
    path.write_text(
        (QY / "ready.yaml").read_text(encoding="utf-8").replace("  date: 2014-06-16\n", ""), encoding="utf-8"
    )
    r = run("timeline", str(path), "--on", "2014-05-26")
    assert r.returncode == 0, r.stderr
    assert "待定（会后10天内）" in r.stdout
    assert "注意：会议日期未定" in r.stdout


def test_plan_is_still_the_timeline_for_scripts_that_call_it_so():
    """The old spelling ``plan`` prints what ``timeline`` prints; --help lists only ``timeline``."""
    args = [str(QY / "ready.yaml"), "--on", "2014-05-26", "--json"]
    old, new = run("plan", *args), run("timeline", *args)
    assert old.returncode == new.returncode == 0, old.stderr
    assert old.stdout == new.stdout
    listed = run("--help").stdout
    assert "  timeline " in listed
    assert "  plan " not in listed
