"""Nothing a user can type ends in a traceback: each bad input is one line naming it, and a non-zero exit.

Every test here runs the real command (``python -m lifemeeting``) on one bad input a user
could give it: an impossible date in a case, a database that cannot be opened, a broken
feature file, a bad case among many in ``bulk``.
"""

from __future__ import annotations

import datetime as dt
import inspect
import json
import re
from pathlib import Path

import pytest
from conftest import EXAMPLES, run_cli

import lifemeeting
import lifemeeting.errors
from lifemeeting.errors import CaseError, GherkinError, Problem, StoreUnavailable

READY = EXAMPLES / "puyang-2014" / "ready-city.yaml"
MEETING = "  date: 2014-06-09\n"  # the planned meeting's date in READY, at line 11


def _one_line(stderr: str) -> str:
    """The only line on stderr (the test fails if there are more, or a traceback)."""
    assert "Traceback" not in stderr, stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    return lines[0]


def _with_meeting_date(tmp_path: Path, date: str) -> Path:
    text = READY.read_text(encoding="utf-8")
    assert MEETING in text
    path = tmp_path / "case.yaml"
    path.write_text(text.replace(MEETING, f"  date: {date}\n"), encoding="utf-8")
    return path


# -- the error tree --------------------------------------------------------------------
def test_the_module_docstring_draws_every_error_class() -> None:
    """errors.py's drawing names every exception it defines, so the tree stays whole."""
    defined = [
        name
        for name, obj in vars(lifemeeting.errors).items()
        if inspect.isclass(obj) and issubclass(obj, Exception) and obj.__module__ == lifemeeting.errors.__name__
    ]
    assert "StoreUnavailable" in defined and "GherkinError" in defined
    drawn = set(re.findall(r"[├└─ ]+(\w+)", lifemeeting.errors.__doc__ or "")) | {"LifemeetingError"}
    assert sorted(set(defined) - drawn) == []


def test_gherkin_error_at_locates_one_problem() -> None:
    """``GherkinError.at`` builds the FILE:LINE:COL message from its parts."""
    exc = GherkinError.at("features/x.feature", 6, 3, "cannot read this line")
    assert exc.problems == [Problem("features/x.feature", 6, 3, "cannot read this line")]
    with pytest.raises(GherkinError, match=r"^features/x\.feature:6:3: cannot read this line$"):
        raise exc


# -- impossible dates in a case ----------------------------------------------------------
IMPOSSIBLE = [
    ("2014-02-30", "'2014-02-30' is not a valid date: day is out of range for month"),
    ("2014-13-45", "'2014-13-45' is not a valid date: month must be in 1..12"),
]
COMMANDS = [
    ["check", "--on", "2014-06-16"],
    ["status", "--on", "2014-06-16"],
    ["plan"],
    ["bulk", "--on", "2014-06-16"],
]


@pytest.mark.parametrize(("date", "message"), IMPOSSIBLE)
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_an_impossible_date_in_a_case_is_one_located_line(
    tmp_path: Path, command: list[str], date: str, message: str
) -> None:
    """``date: 2014-02-30`` is reported at its FILE:LINE:COL by every command that reads cases."""
    path = _with_meeting_date(tmp_path, date)
    r = run_cli(command[0], str(path), *command[1:])
    assert r.returncode == 1
    assert _one_line(r.stderr) == f"lifemeeting: {path}:11:9: {message}"


@pytest.mark.parametrize(("date", "message"), IMPOSSIBLE)
def test_validate_reports_an_impossible_date(tmp_path: Path, date: str, message: str) -> None:
    """``validate`` lists the impossible date with the file's other problems (none here) and exits 1."""
    path = _with_meeting_date(tmp_path, date)
    r = run_cli("validate", str(path))
    assert r.returncode == 1
    assert "Traceback" not in r.stdout + r.stderr
    assert f"{path}:11:9: {message}" in r.stdout + r.stderr


def test_the_library_raises_case_error_for_an_impossible_date(tmp_path: Path) -> None:
    """``can_convene(path)`` raises CaseError, located, not a bare ValueError from the YAML reader."""
    path = _with_meeting_date(tmp_path, "2014-02-30")
    with pytest.raises(CaseError, match=r":11:9: '2014-02-30' is not a valid date: day is out of range for month$"):
        lifemeeting.can_convene(path, on=dt.date(2014, 6, 16))


# -- the event store --------------------------------------------------------------------
def _bad_stores(tmp_path: Path) -> list[tuple[str, str]]:
    not_a_db = tmp_path / "not-a.db"
    not_a_db.write_text("this is no database\n", encoding="utf-8")
    return [
        (f"sqlite:///{tmp_path}/no/such/dir/x.db", "unable to open database file"),
        ("postgresql://nobody:s3cret-pw@127.0.0.1:1/x", "127.0.0.1"),
        (f"sqlite:///{not_a_db}", "file is not a database"),
        ("nosuchdb://nobody:s3cret-pw@host/x", "not a database URL"),
    ]


@pytest.mark.parametrize("command", [["serve"], ["export", "some-case"], ["import", "EXPORT"]], ids=lambda c: c[0])
def test_an_unopenable_store_is_one_line_without_the_password(tmp_path: Path, command: list[str]) -> None:
    """serve, export and import on a store that cannot be reached or opened: StoreUnavailable, one line."""
    pytest.importorskip("sqlalchemy", reason="the store needs the service extra")
    exported = tmp_path / "export.json"
    exported.write_text(_an_export(tmp_path), encoding="utf-8")
    args = [str(exported) if a == "EXPORT" else a for a in command]
    for url, reason in _bad_stores(tmp_path):
        r = run_cli(*args, "--db", url)
        assert r.returncode == 1, (url, r.stderr)
        line = _one_line(r.stderr)
        assert line.startswith("lifemeeting: cannot open the event store "), line
        assert reason in line
        assert "s3cret-pw" not in line


def _an_export(tmp_path: Path) -> str:
    from lifemeeting import Case
    from lifemeeting.store import Store

    case = Case.model_validate(_yaml(READY))
    store = Store(f"sqlite:///{tmp_path}/source.db")
    try:
        case_id = store.create_case(case.model_copy(update={"events": []}), actor="t", case_id="c1").id
        return store.export(case_id).model_dump_json()
    finally:
        store.close()


def _yaml(path: Path) -> object:
    import yaml

    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_the_service_answers_503_when_the_store_cannot_be_opened(tmp_path: Path) -> None:
    """A request that finds the database gone (here: replaced by a file that is no database) gets 503."""
    pytest.importorskip("fastapi", reason="the service needs the service extra")
    import httpx
    from service_support import running

    from lifemeeting.service import Auth, create_app
    from lifemeeting.store import Store

    db = tmp_path / "store.db"
    store = Store(f"sqlite:///{db}")
    try:
        store.engine.dispose()
        for leftover in tmp_path.glob("store.db*"):
            leftover.unlink()
        db.write_text("this is no database\n", encoding="utf-8")
        with running(create_app(store, Auth())) as base, httpx.Client(base_url=base, timeout=30) as client:
            r = client.get("/v1/cases/some-case")
        assert r.status_code == 503
        body = r.json()
        assert body["code"] == "store_unavailable"
        assert body["message"] == f"cannot open the event store sqlite:///{db}: file is not a database"
    finally:
        store.close()


def test_store_unavailable_is_a_store_error_and_an_os_error() -> None:
    """Callers catching OSError for an unreachable database keep working."""
    with pytest.raises(OSError, match=r"^cannot open the event store sqlite:///x\.db: gone$"):
        raise StoreUnavailable("sqlite:///x.db", "gone")


# -- bulk: a bad case is reported and the run goes on ------------------------------------
@pytest.fixture
def bad_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "cases"
    folder.mkdir()
    text = READY.read_text(encoding="utf-8")
    (folder / "a-good.yaml").write_text(text, encoding="utf-8")
    (folder / "b-date.yaml").write_text(text.replace(MEETING, "  date: 2014-02-30\n"), encoding="utf-8")
    (folder / "c-ruleset.yaml").write_text(
        text.replace("ruleset: puyang-2014\n", "ruleset: no-such-rules\n"), encoding="utf-8"
    )
    (folder / "d-yaml.yaml").write_text("ruleset: [unclosed\n", encoding="utf-8")
    (folder / "e-good.yaml").write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_bulk_names_each_bad_case_file_and_goes_on(bad_folder: Path, jobs: str) -> None:
    """Each bad case file is one line naming it; the good ones are still answered; exit 1."""
    r = run_cli("bulk", str(bad_folder), "--on", "2014-06-16", "--jobs", jobs)
    assert r.returncode == 1
    assert "Traceback" not in r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 3, r.stderr
    assert lines[0].startswith(f"lifemeeting: {bad_folder / 'b-date.yaml'}:11:9: '2014-02-30' is not a valid date")
    assert lines[1].startswith(f"lifemeeting: {bad_folder / 'c-ruleset.yaml'}: unknown rule set 'no-such-rules'")
    assert lines[2].startswith(f"lifemeeting: {bad_folder / 'd-yaml.yaml'}:2:1: not valid YAML")
    assert "共 5 件" in r.stdout and "输入有误 3 件" in r.stdout


@pytest.fixture
def bad_lines(tmp_path: Path) -> Path:
    good = json.dumps(_yaml(READY), default=str, ensure_ascii=False)
    assert '"2014-06-09"' in good
    lines = [
        good,
        good.replace('"2014-06-09"', '"2014-02-30"', 1),
        "{not json",
        good.replace('"puyang-2014"', '"no-such-rules"', 1),
        "[1]",
        good,
    ]
    path = tmp_path / "cases.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_bulk_names_each_bad_json_line_and_goes_on(bad_lines: Path, jobs: str) -> None:
    """Each bad line of a JSON-lines file is one line naming FILE:LINE; the good ones are still answered."""
    r = run_cli("bulk", str(bad_lines), "--on", "2014-06-16", "--jobs", jobs)
    assert r.returncode == 1
    assert "Traceback" not in r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 4, r.stderr
    assert lines[0].startswith(f"lifemeeting: {bad_lines}:2:1: meeting.date: ")
    assert lines[1].startswith(f"lifemeeting: {bad_lines}:3:2: not valid JSON")
    assert lines[2].startswith(f"lifemeeting: {bad_lines}:4: unknown rule set 'no-such-rules'")
    assert lines[3] == f"lifemeeting: {bad_lines}:5:1: expected a JSON object (one case), not list"
    assert "共 6 件" in r.stdout and "可以召开 2 件" in r.stdout and "输入有误 4 件" in r.stdout


def test_bulk_json_output_names_the_bad_case(bad_lines: Path) -> None:
    """With --json the bad case is a line of its own with its label and message, between the answers."""
    r = run_cli("bulk", str(bad_lines), "--on", "2014-06-16", "--json")
    assert r.returncode == 1
    out = [json.loads(line) for line in r.stdout.splitlines()]
    assert [o.get("case") for o in out[:6]] == [f"{bad_lines}:{n}" for n in range(1, 7)]
    assert "error" in out[1] and "error" not in out[0]
    assert out[-1]["summary"]["errors"] == 4


# -- feature files ----------------------------------------------------------------------
BROKEN_FEATURE = "# language: zh-CN\n功能: 坏的\n  场景: 一个\n    假如 什么\n垃圾 line\n"


@pytest.mark.parametrize(
    "command",
    [["coverage", "qingyuan-2014", "--features", "DIR"], ["spec", "--check", "--features", "DIR", "--out", "OUT"]],
    ids=lambda c: c[0],
)
def test_a_broken_feature_file_is_one_line_naming_it(tmp_path: Path, command: list[str]) -> None:
    """coverage and spec on a feature file that cannot be read: its FILE:LINE and the problem, one line."""
    features = tmp_path / "features"
    features.mkdir()
    feature = features / "坏的.feature"
    feature.write_text(BROKEN_FEATURE, encoding="utf-8")
    args = [str(features) if a == "DIR" else str(tmp_path / "out") if a == "OUT" else a for a in command]
    r = run_cli(*args)
    assert r.returncode == 1
    line = _one_line(r.stderr)
    assert re.match(rf"lifemeeting: {re.escape(str(feature))}:\d+(:\d+)?: ", line), line


@pytest.mark.parametrize(
    "command", [["coverage", "qingyuan-2014", "--features", "MISSING"], ["spec", "--features", "MISSING"]]
)
def test_a_missing_feature_folder_is_a_usage_error(tmp_path: Path, command: list[str]) -> None:
    """A --features folder that does not exist is named, not silently read as no scenarios."""
    missing = tmp_path / "no-such-features"
    r = run_cli(*[str(missing) if a == "MISSING" else a for a in command])
    assert r.returncode == 2
    assert "Traceback" not in r.stderr
    assert "does not exist" in r.stderr and str(missing) in r.stderr


# -- other things a user types ----------------------------------------------------------
@pytest.mark.parametrize("command", ["check", "status", "bulk"])
def test_a_bad_on_date_is_a_usage_error(command: str) -> None:
    """--on 2014-02-30 is refused by the option itself, with the format expected."""
    r = run_cli(command, str(READY), "--on", "2014-02-30")
    assert r.returncode == 2
    assert "Traceback" not in r.stderr
    assert "Invalid value for '--on'" in r.stderr


def test_an_unknown_ruleset_is_one_line() -> None:
    """A rule set id that no one has is one line with a suggestion."""
    r = run_cli("show", "puyang-2041")
    assert r.returncode == 1
    assert _one_line(r.stderr).startswith("lifemeeting: unknown rule set 'puyang-2041' (did you mean 'puyang-2014'?)")


def test_a_directory_given_as_a_case_file_is_one_line(tmp_path: Path) -> None:
    """check DIR says the path is not a case file, not IsADirectoryError's traceback."""
    r = run_cli("check", str(tmp_path), "--on", "2014-06-16")
    assert r.returncode != 0
    assert "Traceback" not in r.stderr
    assert str(tmp_path) in r.stderr


def test_import_of_a_file_that_is_not_utf8_is_one_line(tmp_path: Path) -> None:
    """import of a binary file says where and why, not UnicodeDecodeError's traceback."""
    pytest.importorskip("sqlalchemy", reason="the store needs the service extra")
    binary = tmp_path / "export.json"
    binary.write_bytes(b"\xff\xfe{}")
    r = run_cli("import", str(binary), "--db", f"sqlite:///{tmp_path}/x.db")
    assert r.returncode == 1
    assert _one_line(r.stderr) == f"lifemeeting: {binary}:1:1: not UTF-8 text (invalid start byte at byte 0)"


def test_import_of_a_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    """import of a file that is not there is refused by the argument itself."""
    r = run_cli("import", str(tmp_path / "gone.json"), "--db", f"sqlite:///{tmp_path}/x.db")
    assert r.returncode == 2
    assert "Traceback" not in r.stderr
    assert f"File '{tmp_path / 'gone.json'}' does not exist" in r.stderr


def test_a_file_that_cannot_be_written_is_one_line_naming_it(tmp_path: Path) -> None:
    """plan --ics into a folder that does not exist names the file and why, after 'lifemeeting:'."""
    target = tmp_path / "no" / "such" / "plan.ics"
    r = run_cli("plan", str(READY), "--ics", str(target))
    assert r.returncode == 1
    assert _one_line(r.stderr) == f"lifemeeting: {target}: No such file or directory"


def test_a_meeting_date_far_from_the_rule_sets_year_is_one_line_at_its_place(tmp_path: Path) -> None:
    """plan on a meeting in 9999: refused where the date stands, before any day is counted from it."""
    path = _with_meeting_date(tmp_path, "9999-12-31")
    r = run_cli("plan", str(path))
    assert r.returncode == 1
    assert _one_line(r.stderr).startswith(f"lifemeeting: {path}:")
    assert _one_line(r.stderr).endswith(": 9999-12-31 is more than 10 years from the rule set's year 2014")


def test_a_move_too_far_out_is_one_line(tmp_path: Path) -> None:
    """plan --move-to 9999-12-31: the moved meeting is refused as far from the rule set's year; one line."""
    r = run_cli("plan", str(_with_meeting_date(tmp_path, "2014-06-09")), "--move-to", "9999-12-31")
    assert r.returncode == 1
    assert _one_line(r.stderr) == (
        "lifemeeting: <case>:1:1: meeting.date: 9999-12-31 is more than 10 years from the rule set's year 2014"
    )


def test_the_service_answers_422_for_a_date_too_far_out(tmp_path: Path) -> None:
    """A what-if move to 9999-12-31 is refused as invalid input, not a 500."""
    pytest.importorskip("fastapi", reason="the service needs the service extra")
    import httpx
    from service_support import running

    from lifemeeting import Case
    from lifemeeting.service import Auth, create_app
    from lifemeeting.store import Store

    store = Store(f"sqlite:///{tmp_path}/store.db")
    try:
        case = Case.model_validate(_yaml(READY))
        store.create_case(case.model_copy(update={"events": []}), actor="t", case_id="c1")
        with running(create_app(store, Auth())) as base, httpx.Client(base_url=base, timeout=30) as client:
            r = client.get("/v1/cases/c1/timeline", params={"move_to": "9999-12-31"})
        assert r.status_code == 422
        assert r.json()["code"] == "invalid_case"
        assert "9999-12-31 is more than 10 years from the rule set's year 2014" in r.json()["message"]
    finally:
        store.close()
