"""The public surface is a promise: ``__all__`` is pinned, and the published schemas are current."""

from __future__ import annotations

import json
import os

import pytest
from conftest import ROOT

import lifemeeting as lm

PUBLIC = [
    "AppraisalOut",
    "DutyStatus",
    "RoundStatus",
    "Status",
    "Blocker",
    "Case",
    "CaseError",
    "CitationOut",
    "Event",
    "EventRefused",
    "LifemeetingError",
    "LoadedRuleSet",
    "Member",
    "NextAction",
    "OpenCase",
    "PlannedMeeting",
    "Problem",
    "RatingOut",
    "Readiness",
    "Receipt",
    "RuleSet",
    "RuleSetError",
    "SourceError",
    "Unit",
    "UnknownRuleSet",
    "available",
    "can_convene",
    "engine_version",
    "load_ruleset",
    "open_case",
    "read_case",
    "ChainStep",
    "QueryError",
    "RendererMissing",
    "SubjectChain",
    "TierChain",
    "TierLink",
    "case_chains",
    "case_diagram",
    "chain_diagram",
    "subject_chains",
    "tier_chains",
    "Timeline",
    "TimelineItem",
    "timeline",
    "timeline_ics",
    "Difference",
    "DiscoveryError",
    "Overlay",
    "Pin",
    "RuleSetDiff",
    "diff_rulesets",
]


def test_all_is_exactly_the_promised_api():
    """Adding or removing a public name is a deliberate change to this list."""
    assert sorted(lm.__all__) == sorted(PUBLIC)
    for name in lm.__all__:
        assert hasattr(lm, name), name


def test_errors_subclass_builtins():
    """Every user-caused error is a LifemeetingError and a builtin callers already catch."""
    assert issubclass(lm.RuleSetError, ValueError) and issubclass(lm.RuleSetError, lm.LifemeetingError)
    assert issubclass(lm.CaseError, ValueError)
    assert issubclass(lm.EventRefused, ValueError)
    assert issubclass(lm.UnknownRuleSet, LookupError)


@pytest.mark.parametrize(
    "name,model", [("ruleset", lm.RuleSet), ("case", lm.Case), ("answer", lm.Readiness), ("status", lm.Status)]
)
def test_published_schema_is_current(name, model):
    """docs/schema/*.schema.json is what the models generate (regenerate with `lifemeeting schema`)."""
    published = json.loads((ROOT / "docs" / "schema" / f"{name}.schema.json").read_text(encoding="utf-8"))
    assert published == model.model_json_schema(by_alias=True)


def test_python_api_answers_like_the_cli(examples):
    """can_convene on a file gives a typed answer with a receipt."""
    import datetime as dt

    answer = lm.can_convene(examples / "qingyuan-2014" / "ready.yaml", on=dt.date(2014, 6, 16))
    assert isinstance(answer, lm.Readiness)
    assert answer.convenable and answer.earliest_date == dt.date(2014, 6, 16)
    assert answer.receipt.ruleset == "qingyuan-2014"
    assert answer.receipt.sha256 == lm.load_ruleset("qingyuan-2014").sha256


def _modules_after(code: str) -> set[str]:
    """The lifemeeting modules and heavy libraries a fresh interpreter has loaded after running ``code``."""
    import subprocess
    import sys

    prefixes = ("lifemeeting", "pydantic", "networkx", "fastapi")
    probe = f"{code}\nimport sys; print(' '.join(m for m in sys.modules if m.startswith({prefixes!r})))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT)
    return set(out.stdout.split())


def test_importing_the_package_loads_nothing_heavy_until_a_name_is_used():
    """`import lifemeeting` is cheap; a public name imports its module on first use, and `import *` gets every name."""
    assert not {m for m in _modules_after("import lifemeeting") if m.startswith("pydantic")}
    assert "lifemeeting.answers.open" in _modules_after("import lifemeeting; lifemeeting.can_convene")
    assert "lifemeeting.render.diagrams" not in _modules_after("import lifemeeting; lifemeeting.can_convene")
    names: dict = {}
    exec("from lifemeeting import *", names)
    assert set(lm.__all__) <= set(names) and set(lm.__all__) <= set(dir(lm))
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        lm.nothing_here  # noqa: B018


def test_the_check_command_imports_only_what_it_uses(examples):
    """`lifemeeting check` loads neither the other commands nor the graph, diagram, timeline or coverage code."""
    case = examples / "puyang-2014" / "blocked-county-midway.yaml"
    argv = ["check", str(case), "--on", "2014-06-16"]
    run = f"from lifemeeting.cli import main\ntry: main({argv!r})\nexcept SystemExit: pass"
    loaded = _modules_after(run)
    assert "lifemeeting.cli.check" in loaded and "lifemeeting.engine.readiness" in loaded
    unwanted = {
        "networkx",
        "fastapi",
        "lifemeeting.spec.coverage",
        "lifemeeting.render.diagrams",
        "lifemeeting.render.ics",
    }
    unwanted |= {"lifemeeting.cli.serve", "lifemeeting.cli.coverage"}
    assert not loaded & unwanted, loaded & unwanted


def test_check_from_the_cache_neither_checks_the_rule_set_nor_builds_a_chain_validator(examples, tmp_path):
    """A rule set read from the disk cache needs no checking code, and filing chains are not validated again."""
    import subprocess
    import sys

    case = examples / "puyang-2014" / "ready-county.yaml"
    argv = ["check", str(case), "--on", "2014-06-24"]
    probe = (
        f"from lifemeeting.cli import main\ntry: main({argv!r})\nexcept SystemExit: pass\n"
        "import sys\nfrom lifemeeting.ruleset.model import Chain\n"
        "print('checks' if 'lifemeeting.ruleset.checks' in sys.modules else 'no-checks',"
        " 'built' if Chain.__pydantic_complete__ else 'not-built')"
    )
    env = {**os.environ, "LIFEMEETING_CACHE_DIR": str(tmp_path)}
    runs = [
        subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT, env=env)
        for _ in range(2)  # the first fills the cache
    ]
    assert runs[0].stdout.split()[-2:] == ["checks", "not-built"]
    assert runs[1].stdout.split()[-2:] == ["no-checks", "not-built"]
