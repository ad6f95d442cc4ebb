"""``lifemeeting bulk``: many cases from a folder or a JSON-lines file, streamed, summarised, with exit codes."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import threading

import pytest
import yaml
from conftest import EXAMPLES, ROOT, run_cli

from lifemeeting.bulk.run import answers, count_inputs, iter_inputs
from lifemeeting.bulk.summary import Summary

ON = "2014-06-24"
PUYANG = EXAMPLES / "puyang-2014"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return run_cli("bulk", *args, timeout=120)


def _line(name: str) -> str:
    """One example case as a JSON line."""
    data = yaml.safe_load((PUYANG / name).read_text(encoding="utf-8"))
    return json.dumps(data, ensure_ascii=False, default=str)


@pytest.fixture
def jsonl(tmp_path):
    """Three good cases (two ready, one blocked) with a broken line and a blank line among them."""
    path = tmp_path / "cases.jsonl"
    lines = [
        _line("ready-county.yaml"),
        '{"ruleset": "puyang-2014", oops',
        "",
        _line("blocked-returned-for-rewrite.yaml"),
        _line("ready-city.yaml"),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _json_lines(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines()]


def test_folder_of_case_files_is_summarised(tmp_path):
    """A folder's case files are all answered; the summary counts them and names the commonest blockers."""
    folder = tmp_path / "cases"
    folder.mkdir()
    for name in ("ready-county.yaml", "blocked-returned-for-rewrite.yaml", "blocked-stuck-at-link.yaml"):
        shutil.copy(PUYANG / name, folder / name)
    r = run(str(folder), "--on", ON)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith(f"{ON}：共 3 件，可以召开 1 件，不能召开 2 件，输入有误 0 件")
    assert "2 件  对照检查材料审核通过（puyang-2014 examinations_passed）" in r.stdout


def test_jsonl_streams_one_answer_per_line_then_the_summary(jsonl):
    """--json prints each case's answer on its own line, labelled FILE:LINE, then one summary line."""
    r = run(str(jsonl), "--on", ON, "--json")
    rows = _json_lines(r.stdout)
    assert [row.get("case") for row in rows[:-1]] == [f"{jsonl}:{n}" for n in (1, 2, 4, 5)]
    assert [row.get("convenable") for row in rows[:-1]] == [True, None, False, True]
    assert rows[1]["error"].startswith(f"{jsonl}:2:")
    assert {b["rule"] for b in rows[2]["blockers"]} == {"examinations_passed"}
    assert rows[2]["receipt"]["ruleset"] == "puyang-2014"
    assert (
        rows[-1]["summary"]["cases"] == 4
        and rows[-1]["summary"]["convenable"] == 2
        and rows[-1]["summary"]["errors"] == 1
    )


def test_a_bad_line_is_reported_and_the_run_goes_on(jsonl):
    """A line that is not JSON is named on stderr with its line and column;
    the cases after it are still answered; exit 1.
    """
    r = run(str(jsonl), "--on", ON)
    assert r.returncode == 1
    assert f"lifemeeting: {jsonl}:2:" in r.stderr and "not valid JSON" in r.stderr
    assert "共 4 件，可以召开 2 件，不能召开 1 件，输入有误 1 件" in r.stdout
    assert "Traceback" not in r.stderr


def test_a_case_the_engine_refuses_is_told_at_its_line(tmp_path):
    """A JSON line whose case is invalid or whose event is refused gets its FILE:LINE in the message."""
    good = json.loads(_line("ready-county.yaml"))
    no_members = {**good, "members": []}
    bad_talk = json.loads(json.dumps(good))
    bad_talk["events"][3]["between"] = ["liu", "nobody"]
    path = tmp_path / "cases.jsonl"
    path.write_text(
        "\n".join(json.dumps(d, ensure_ascii=False) for d in (good, no_members, bad_talk, [1, 2])) + "\n",
        encoding="utf-8",
    )
    r = run(str(path), "--on", ON)
    assert r.returncode == 1
    assert f"{path}:2:1: members: List should have at least 1 item" in r.stderr
    assert f"{path}:3: 第4个事件（talk）被拒绝：谈话人 'nobody' 不在本案件中" in r.stderr
    assert f"{path}:4:1: expected a JSON object (one case), not list" in r.stderr


def test_two_jobs_give_identical_answers(tmp_path):
    """--jobs 2 prints the same answers, in the same order, as one process."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import generate

    path = generate.write(150, tmp_path / "cases.jsonl")  # three chunks: both workers answer some
    one = run(str(path), "--on", ON, "--json")
    two = run(str(path), "--on", ON, "--json", "--jobs", "2")
    assert one.returncode == two.returncode == 0, one.stderr + two.stderr
    assert _json_lines(one.stdout) == _json_lines(two.stdout)
    assert len(_json_lines(one.stdout)) == 151


def test_brief_outcomes_from_workers_carry_what_the_full_answers_say(tmp_path):
    """Workers send digests, not answers: the same JSON and the same summary as full answers in one process."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import generate

    path = generate.write(140, tmp_path / "cases.jsonl")
    on = dt.date.fromisoformat(ON)
    full = list(answers(path, on))
    brief = list(answers(path, on, jobs=2, brief=True, with_json=True))
    assert [o.label for o in brief] == [o.label for o in full]
    assert all(o.answer is None and o.digest is not None for o in brief)
    assert [o.digest.line for o in brief] == [_stream_line(o.label, o.answer.model_dump_json()) for o in full]
    by_full, by_brief = Summary(), Summary()
    for a, b in zip(full, brief, strict=True):
        by_full.add(a)
        by_brief.add(b)
    assert by_brief.as_dict() == by_full.as_dict() and by_full.as_dict()["blocked"] > 0


def test_all_good_input_exits_0_even_when_cases_are_blocked():
    """Exit 0 means every case was answered, whether or not it can convene."""
    r = run(str(PUYANG / "blocked-stuck-at-link.yaml"), "--on", ON)
    assert r.returncode == 0, r.stderr
    assert "共 1 件，可以召开 0 件，不能召开 1 件" in r.stdout


@pytest.mark.parametrize("args", [["--on", ON, "no-such-folder"], [str(PUYANG)], [str(PUYANG), "--on", "24.6.2014"]])
def test_usage_errors_exit_2(args):
    """A missing path, a missing --on or a malformed date is a usage error: exit 2."""
    r = run(*args)
    assert r.returncode == 2
    assert "Traceback" not in r.stderr


def test_progress_goes_to_stderr_with_the_total(jsonl):
    """--progress writes 已处理 N/TOTAL 件 to stderr and leaves stdout to the answers."""
    r = run(str(jsonl), "--on", ON, "--json", "--progress")
    assert "已处理 4/4 件" in r.stderr
    assert "已处理" not in r.stdout


def test_count_inputs_counts_without_answering(jsonl, tmp_path):
    """The progress total is the number of non-blank lines, or of case files in a folder."""
    assert count_inputs(jsonl) == 4
    assert count_inputs(PUYANG) == len(list(PUYANG.glob("*.yaml")))


def test_overdue_actions_are_counted_by_owner():
    """The summary counts overdue next actions under the person or body who must act."""
    r = run(str(PUYANG / "blocked-missing-presign.yaml"), "--on", ON, "--json")
    summary = _json_lines(r.stdout)[-1]["summary"]
    assert summary["overdue_by_owner"] == [{"who": "所在党组主要负责同志（县人大常委会党组书记董振海）", "actions": 1}]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs a named pipe")
def test_answers_are_streamed_before_the_input_ends(tmp_path):
    """The first answer comes out before the second case has even been written: nothing waits for the whole input."""
    fifo = tmp_path / "cases.jsonl"
    os.mkfifo(fifo)
    first_answered = threading.Event()
    order: list[str] = []

    def writer() -> None:
        with open(fifo, "w", encoding="utf-8") as fh:
            fh.write(_line("ready-county.yaml") + "\n")
            fh.flush()
            first_answered.wait(30)
            order.append("second written")
            fh.write(_line("ready-city.yaml") + "\n")

    thread = threading.Thread(target=writer)
    thread.start()
    for outcome in answers(fifo, dt.date(2014, 6, 24)):
        order.append(outcome.label)
        first_answered.set()
    thread.join()
    assert order == [f"{fifo}:1", "second written", f"{fifo}:2"]


def test_summary_keeps_counts_not_answers(jsonl):
    """The summary holds counters only: adding an outcome keeps no reference to its answer."""
    import gc
    import weakref

    summary = Summary()
    refs = []
    for outcome in answers(jsonl, dt.date(2014, 6, 24)):
        summary.add(outcome)
        if outcome.answer is not None:
            refs.append(weakref.ref(outcome.answer))
    del outcome
    gc.collect()
    assert refs and all(r() is None for r in refs)
    assert summary.as_dict()["cases"] == 4


def test_owner_counts_stay_bounded_and_say_how_far_off_they_may_be(monkeypatch):
    """Past the owner limit the rarest owners are dropped,
    the frequent ones keep exact counts, and the undercount is reported.
    """
    import lifemeeting.bulk.summary as summary_module
    from lifemeeting import NextAction, Readiness, Receipt
    from lifemeeting.bulk.run import Outcome

    monkeypatch.setattr(summary_module, "MAX_OWNERS", 4)

    def outcome(*owners: str) -> Outcome:
        actions = [NextAction(rule="r", who=w, what="x", overdue=True) for w in owners]
        answer = Readiness(
            convenable=False,
            on=dt.date(2014, 6, 24),
            meeting_date=None,
            ruleset="rs",
            tier=None,
            unit="u",
            blockers=[],
            next_actions=actions,
            earliest_date=None,
            receipt=Receipt(ruleset="rs", version="1", sha256="0" * 64, engine="x"),
        )
        return Outcome("case", answer, None)

    summary = Summary()
    for _ in range(5):
        summary.add(outcome("书记"))
    for name in ("甲", "乙", "丙", "丁"):
        summary.add(outcome(name))
    data = summary.as_dict()
    assert len(summary.overdue_by_owner) <= 4
    assert data["overdue_by_owner"][0] == {"who": "书记", "actions": 5}
    assert data["owners_undercount"] == 1


def _stream_line(label: str, answer_json: str) -> bytes:
    """A ``bulk --json`` line as the plain way makes it: the label, then the answer's fields."""
    return ('{"case":' + json.dumps(label, ensure_ascii=False) + "," + answer_json[1:] + "\n").encode()


def test_workers_find_the_same_lines_as_one_process(tmp_path):
    """Blank and whitespace-only lines, CRLF and a last line without a newline: the same places, labels and cases."""
    good = json.dumps(
        yaml.safe_load((PUYANG / "blocked-missing-presign.yaml").read_text(encoding="utf-8")), default=str
    )
    path = tmp_path / "cases.jsonl"
    path.write_bytes(b"\n" + good.encode() + b"\r\n   \t\n\n" + good.encode() + b"\n \n" + good.encode())
    one = [(i.line, i.offset, i.offset + i.size) for i in iter_inputs(path)]
    assert [n for n, _, _ in one] == [2, 5, 7]
    on = dt.date.fromisoformat(ON)
    serial = [(o.label, _stream_line(o.label, o.answer.model_dump_json())) for o in answers(path, on)]
    parallel = [(o.label, o.digest.line) for o in answers(path, on, jobs=2, brief=True, with_json=True)]
    assert serial == parallel and len(serial) == 3
    (tmp_path / "empty.jsonl").write_bytes(b"")
    assert list(answers(tmp_path / "empty.jsonl", on, jobs=2)) == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs a named pipe")
def test_two_jobs_read_a_pipe(tmp_path):
    """Workers cannot re-read a pipe by offset, so its lines travel to them as text."""
    good = json.dumps(
        yaml.safe_load((PUYANG / "blocked-missing-presign.yaml").read_text(encoding="utf-8")), default=str
    )
    fifo = tmp_path / "cases.jsonl"
    os.mkfifo(fifo)
    source = tmp_path / "source.jsonl"
    source.write_text((good + "\n") * 70, encoding="utf-8")
    # another process writes, as a shell pipe would (a thread's write end would be inherited by forked workers)
    writer = subprocess.Popen(
        [sys.executable, "-c", f"open({str(fifo)!r}, 'wb').write(open({str(source)!r}, 'rb').read())"]
    )
    outcomes = list(answers(fifo, dt.date.fromisoformat(ON), jobs=2))
    assert writer.wait(timeout=30) == 0
    assert len(outcomes) == 70 and all(o.answer is not None for o in outcomes)


@pytest.mark.parametrize("range_bytes", [None, 1000])  # 1000: most lines are longer than a block the parent reads
def test_ranges_of_lines_give_workers_the_same_cases_labels_and_errors(tmp_path, monkeypatch, range_bytes):
    """Across several ranges: blank lines, CRLF, bad JSON and bad cases are numbered and told as in one process."""
    if range_bytes is not None:
        from lifemeeting.bulk import run as _bulk

        monkeypatch.setattr(_bulk, "RANGE_BYTES", range_bytes)
    good = json.dumps(
        yaml.safe_load((PUYANG / "blocked-missing-presign.yaml").read_text(encoding="utf-8")), default=str
    )
    lines = []
    for i in range(150):
        lines.append([good, good + "\r", "", "   ", "{not json", '{"ruleset": "puyang-2014"}'][i % 6])
    path = tmp_path / "cases.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")  # no newline after the last line
    on = dt.date.fromisoformat(ON)

    def seen(outcome):
        return outcome.label, outcome.error, outcome.digest.line if outcome.digest else None

    serial = [seen(o) for o in answers(path, on, brief=True, with_json=True)]
    parallel = [seen(o) for o in answers(path, on, jobs=2, brief=True, with_json=True)]
    assert parallel == serial and len(serial) == 100
    assert sum(1 for _, error, _ in serial if error) == 50


def _die(args):
    os._exit(9)


@pytest.mark.skipif("fork" not in __import__("multiprocessing").get_all_start_methods(), reason="needs forked workers")
def test_a_worker_that_dies_fails_the_run_instead_of_hanging_it(monkeypatch, tmp_path):
    """A worker killed mid-run (out of memory, say) ends the run with an error; it does not wait forever."""
    from concurrent.futures.process import BrokenProcessPool

    from lifemeeting.bulk import run as _bulk

    sys.path.insert(0, str(ROOT / "benchmarks"))
    import generate

    path = generate.write(80, tmp_path / "cases.jsonl")
    monkeypatch.setattr(_bulk, "_answer_chunk", _die)  # forked workers inherit it
    with pytest.raises(BrokenProcessPool):
        list(answers(path, dt.date.fromisoformat(ON), jobs=2))


@pytest.mark.parametrize("block", [1, 3, 7, 64, 1 << 20])
def test_a_jsonl_file_is_cut_into_the_lines_iterating_it_gives(tmp_path, monkeypatch, block):
    """Lines are cut out of large blocks: a line across blocks, blank lines, a carriage return, no last newline."""
    import lifemeeting.bulk.run as bulk_run

    monkeypatch.setattr(bulk_run, "RANGE_BYTES", block)
    path = tmp_path / "cases.jsonl"
    path.write_bytes(b'{"a": 1}\n\n  \n{"b":\r 2}\n' + b'{"long": "' + b"x" * 50 + b'"}\n{"last": 3}')
    with path.open("rb") as fh:
        expected = list(fh)
    got = list(iter_inputs(path))
    kept = [(n, line) for n, line in enumerate(expected, 1) if not line.isspace()]
    assert [(i.line, i.text) for i in got] == kept
    assert [(i.offset, i.size) for i in got] == [(sum(map(len, expected[: n - 1])), len(line)) for n, line in kept]
