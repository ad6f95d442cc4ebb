"""Every ready example can be driven from its meeting to closed, through the Python API and the CLI."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest
import yaml
from conftest import EXAMPLES, ROOT

import lifemeeting as lm

READY = sorted(EXAMPLES.glob("*/ready*.yaml"))


def drive_to_closed(case: lm.OpenCase) -> list[dict]:
    """Hold the meeting, do every duty, pass every post-meeting material and appraisal; the events applied."""
    held = case.case.meeting.date
    applied: list[dict] = []
    day = iter(held + dt.timedelta(days=n) for n in range(0, 400))

    def apply(**event) -> None:
        event["date"] = next(day).isoformat()
        case.apply(event)
        applied.append(event)

    def material(key: tuple[str, str]) -> None:
        material, subject = key
        m = case.state.materials[key]
        apply(type="submitted", material=material, subject=subject)
        for step in m.slot.path.steps:
            if case.state.materials[key].gate_passed:
                break  # what is left is read-through only
            if step.pre_sign:
                apply(type="signed", material=material, subject=subject, by=step.link.pre_sign.reviewer)
            else:
                for reviewer in step.link.reviewers:
                    apply(type="approved", material=material, subject=subject, link=step.link.id, by=reviewer)

    apply(type="held")
    view = case.view
    after_meeting = [key for key, m in case.state.materials.items() if m.slot.material.after_meeting]
    per_rating = {d.id for d in view.rules.duties if d.per_rating}  # owed per rated member: none is rated so below
    pending: list = [*(d.id for d in view.duties if d.id.split("/")[0] not in per_rating), *after_meeting]
    while pending:  # in the order the rules allow ('after'): what comes later is refused until its turn
        left = []
        for item in pending:
            try:
                if isinstance(item, tuple):
                    material(item)
                else:
                    apply(type="done", task=item)
            except lm.EventRefused as refused:
                assert "之后，本轮尚未完成" in str(refused), refused
                left.append(item)
        assert len(left) < len(pending), f"nothing of {left} can be done"
        pending = left
    for appraisal in view.rules.appraisals:
        if appraisal.threshold and (appraisal.tiers is None or view.tier in appraisal.tiers):
            apply(type="appraised", appraisal=appraisal.id, satisfied=10, total=10)
        if appraisal.kind == "rating":  # every member at a level no limit counts and no duty follows
            bound = {lv for limit in appraisal.limits for lv in limit.levels}
            bound |= {lv for d in view.rules.duties if d.per_rating for lv in d.per_rating.levels}
            level = next(lv.id for lv in appraisal.levels if lv.id not in bound)
            apply(type="rated", appraisal=appraisal.id, ratings={m.id: level for m in case.case.members})
    return applied


@pytest.mark.parametrize("path", READY, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_ready_example_runs_to_closed_in_python(path):
    """After the meeting, doing every duty and passing every appraisal closes round 1."""
    case = lm.open_case(path)
    applied = drive_to_closed(case)
    status = case.status(dt.date.fromisoformat(applied[-1]["date"]))
    assert (status.stage, status.round) == ("closed", 1), [d.id for d in status.due_next]
    assert all(d.status == "done" for d in status.rounds[0].duties)


@pytest.mark.parametrize(
    "path",
    [EXAMPLES / "qingyuan-2014" / "ready.yaml", EXAMPLES / "puyang-2014" / "ready-county.yaml"],
    ids=lambda p: p.parent.name,
)
def test_ready_example_runs_to_closed_through_the_cli(path, tmp_path):
    """The same events written into the case file make `lifemeeting status --json` say closed."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    applied = drive_to_closed(lm.open_case(path))
    data["events"] = [*data["events"], *applied]
    case_file = tmp_path / "case.yaml"
    case_file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    r = subprocess.run(
        [sys.executable, "-m", "lifemeeting", "status", str(case_file), "--on", applied[-1]["date"], "--json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert r.returncode == 0, r.stderr
    status = json.loads(r.stdout)
    assert (status["stage"], status["round"]) == ("closed", 1)
