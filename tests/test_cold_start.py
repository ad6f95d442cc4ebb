"""`lifemeeting check` starts without work it does not need, and what it skips changes no answer.

The engine builds its answers (``Readiness``, ``Blocker``, ``NextAction``, …) from a checked rule
set and a replayed case without validating them again (``model_construct``): validation would
build five validators on first use. These tests hold such an answer to what validating it
gives, field by field and in JSON, and hold the text command to building no validator at all.
No test here is timed: ``benchmarks/run.py`` measures the start-up.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys

import pytest
from conftest import EXAMPLES, ROOT

import lifemeeting as lm
from lifemeeting.engine.readiness_model import Blocker, CitationOut, NextAction, Readiness, Receipt

CASES = sorted(EXAMPLES.glob("*/*.yaml"))


@pytest.mark.parametrize("path", CASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_an_answer_built_without_validation_is_what_validation_gives(path):
    """On its meeting day and weeks before (more blockers, next actions with dates), every example's answer
    equals the answer validated from its own fields (a tuple for a list, a datetime for a date would not),
    and its JSON is the same text."""
    case = lm.open_case(path)
    meeting = case.case.meeting.date
    assert meeting is not None
    for on in (meeting, meeting - dt.timedelta(days=40)):
        answer = case.can_convene(on)
        validated = Readiness.model_validate(answer.model_dump())
        assert answer == validated
        assert answer.model_dump_json(indent=2) == validated.model_dump_json(indent=2)
        assert type(answer.receipt) is Receipt
        assert all(type(b) is Blocker and type(b.citation) in (CitationOut, type(None)) for b in answer.blockers)
        assert all(type(a) is NextAction for a in answer.next_actions)


def test_the_answers_compared_have_what_could_differ():
    """Between them, the days above give missing pairs, waiting blockers with a day, dated next actions and warnings."""
    opened = [lm.open_case(p) for p in CASES]
    days = [(c, c.case.meeting.date) for c in opened if c.case.meeting.date]
    answers = [c.can_convene(d) for c, d in days] + [c.can_convene(d - dt.timedelta(days=40)) for c, d in days]
    assert any(b.missing_pairs for a in answers for b in a.blockers)
    assert any(b.waiting and b.until is not None for a in answers for b in a.blockers)
    assert any(n.by is not None and n.window_start is not None for a in answers for n in a.next_actions)
    assert any(a.warnings for a in answers) and any(a.earliest_date for a in answers)


def test_the_text_check_builds_no_answer_validator(examples, tmp_path):
    """From a filled rule-set cache, `lifemeeting check` (text) makes none of the models only `status` answers
    with, builds no answer model's validator and so never loads pydantic's plugin loader (which reads every
    installed package's entry points); `--json` then
    builds the serializers it needs and prints the validated answer's JSON."""
    case = examples / "puyang-2014" / "blocked-county-midway.yaml"
    argv = ["check", str(case), "--on", "2014-06-16"]
    probe = (
        f"from lifemeeting.cli import main\ntry: main({argv!r})\nexcept SystemExit: pass\n"
        "import sys\nfrom lifemeeting.engine import readiness_model as m\n"
        "built = [n for n in ('Readiness', 'Blocker', 'NextAction', 'CitationOut', 'Receipt')"
        " if getattr(m, n).__pydantic_complete__]\n"
        "status = 'STATUS-MODELS' if 'lifemeeting.engine.answer_model' in sys.modules else 'NO-STATUS-MODELS'\n"
        "plugins = 'LOADED' if 'pydantic.plugin._loader' in sys.modules else 'NOT-LOADED'\n"
        "print(status, plugins, 'BUILT:' + ','.join(built))"
    )
    env = {**os.environ, "LIFEMEETING_CACHE_DIR": str(tmp_path)}
    runs = [
        subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT, env=env)
        for _ in range(2)  # the first fills the cache
    ]
    assert "结论：不能召开" in runs[1].stdout
    assert runs[1].stdout.split()[-3:] == ["NO-STATUS-MODELS", "NOT-LOADED", "BUILT:"]

    as_json = subprocess.run(
        [sys.executable, "-m", "lifemeeting", *argv, "--json"], capture_output=True, text=True, cwd=ROOT, env=env
    )
    assert as_json.returncode == 3
    answer = lm.can_convene(case, on=dt.date(2014, 6, 16))
    assert as_json.stdout == Readiness.model_validate(answer.model_dump()).model_dump_json(indent=2) + "\n"


_GC_PROBE = (
    "import atexit, gc, sys\n"
    "atexit.register(lambda: print('collector', gc.isenabled(), gc.get_freeze_count() > 0, file=sys.stderr))\n"
    "from lifemeeting.cli import main\n"
    "main()\n"
)


@pytest.mark.parametrize(
    ("args", "collector"),
    [
        (["check", "{case}", "--on", "2014-06-16"], "collector False True"),
        (["check", "{case}", "--on", "2014-06-16", "--json"], "collector False True"),
        (["--help"], "collector False True"),
        (["rulesets"], "collector True False"),
        (["chekc", "{case}"], "collector False True"),  # a usage error
    ],
    ids=["check", "check-json", "help", "rulesets", "usage-error"],
)
def test_the_program_runs_a_brief_command_without_the_collector_and_others_with_it(examples, capsys, args, collector):
    """Run as the program, `check` (like `status`, `timeline` and --help) keeps the garbage collector off and
    freezes what is left at the end; another command gets it back when chosen. Either way it prints what
    `main(argv)` prints in this process, which leaves the collector as it found it."""
    import gc

    from lifemeeting.cli import main

    case = str(examples / "puyang-2014" / "blocked-county-midway.yaml")
    argv = [a.replace("{case}", case) for a in args]
    run = subprocess.run([sys.executable, "-c", _GC_PROBE, *argv], capture_output=True, text=True, cwd=ROOT)
    assert run.stderr.splitlines()[-1] == collector

    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert gc.isenabled() and gc.get_freeze_count() == 0
    out, err = capsys.readouterr()
    assert (run.returncode, run.stdout, run.stderr.splitlines()[:-1]) == (exit_.value.code, out, err.splitlines())


def _statuses():
    """Status answers of every example (on its meeting day and after) and of the round scenarios of
    test_rounds and test_ratings: appraisals, redo and reconvene rounds, ratings, deadlines, owed duties."""
    import test_ratings as tr
    import test_rounds as ro

    for path in CASES:
        case = lm.open_case(path)
        meeting = case.case.meeting.date
        assert meeting is not None
        for days in (0, 30, 90, 400):
            yield case.status(meeting + dt.timedelta(days=days))
    redo = ro._case(*ro._prep(), ro.HELD, {"date": "2020-06-25", "type": "done", "task": "briefing"}, ro.vote(5, 9))
    yield redo.status(dt.date(2020, 6, 29))
    order = {"date": "2020-06-22", "type": "ordered", "order": "order_reconvene", "reason": "相互评功摆好"}
    yield ro._case(*ro._prep(), ro.HELD, order).status(dt.date(2020, 6, 23))
    rated = tr._rated("2020-12-11", zhao="优秀", qian="合格", sun="合格")
    again = {"date": "2020-12-20", "type": "ordered", "order": "redo_review"}
    yield tr._case(*tr.TALKS, *tr.HELD, rated, again).status(dt.date(2021, 1, 25))


def test_a_status_built_without_validation_is_what_validation_gives():
    """`status` builds its answer as `check` does (``model_construct``): each equals the status validated from its
    own fields and gives the same JSON; between them they hold every kind of record a status has."""
    from lifemeeting.engine.answer_model import Status

    statuses = list(_statuses())
    for s in statuses:
        validated = Status.model_validate(s.model_dump())
        assert s == validated
        assert s.model_dump_json(indent=2) == validated.model_dump_json(indent=2)
    rounds = [r for s in statuses for r in s.rounds]
    duties = [d for r in rounds for d in (*r.duties, *r.redo)]
    assert any(r.appraisals for r in rounds) and any(r.ratings for r in rounds) and any(r.redo for r in rounds)
    assert any(r.deadline for r in rounds) and any(r.kind == "reconvene" for r in rounds)
    assert any(d.owed for d in duties) and any(d.member for d in duties) and any(d.status == "overdue" for d in duties)
    assert any(s.warnings for s in statuses) and any(s.readiness for s in statuses)


def test_a_model_built_gets_a_fresh_value_for_each_field_with_a_default_factory(monkeypatch):
    """`built` fills a default factory's field itself (each model its own list), so pydantic never reads the
    factory's signature (it did for every blocker: a sixth of a bulk answer's time)."""
    from pydantic._internal import _typing_extra  # where pydantic reads a default factory's signature

    def no_signature(*args, **kwargs):
        raise AssertionError("a default factory's signature read while building an answer")

    fields = {"rule": "g", "kind": "tasks_done", "message": "m", "citation": None}
    monkeypatch.setattr(_typing_extra, "signature", no_signature)
    first, second = Blocker.built(**fields), Blocker.built(**fields)
    monkeypatch.undo()
    assert first.missing_pairs == [] and first.missing_pairs is not second.missing_pairs
    assert first == Blocker.model_validate(fields)
    given = Blocker.built(**fields, missing_pairs=[["a", "b"]])
    assert given.missing_pairs == [["a", "b"]]
