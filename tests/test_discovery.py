"""Rule sets are found bundled, in folders given by option or environment, and in installed packages."""

from __future__ import annotations

import importlib.metadata
import json
import os
import shutil
import subprocess
import sys
import sysconfig

import pytest
from click.testing import CliRunner
from conftest import FIXTURES, ROOT

import lifemeeting as lm
from lifemeeting.cli import cli
from lifemeeting.ruleset import discovery as _discovery

PACKAGE = ROOT / "examples" / "ruleset-package"
MINIMAL = FIXTURES / "rulesets" / "minimal.yaml"


@pytest.fixture
def folder(tmp_path):
    """A folder holding one extra rule set, minimal-2020."""
    shutil.copy(MINIMAL, tmp_path / "minimal-2020.yaml")
    return tmp_path


def test_environment_folder_is_searched(folder, monkeypatch):
    """A folder named in LIFEMEETING_RULESETS adds its rule sets by id."""
    monkeypatch.setenv("LIFEMEETING_RULESETS", str(folder))
    assert lm.available()["minimal-2020"] == folder / "minimal-2020.yaml"
    assert lm.load_ruleset("minimal-2020").model.id == "minimal-2020"


@pytest.mark.parametrize("where", ["group", "command"])
def test_rulesets_option_on_group_or_command(folder, where):
    """--rulesets DIR works before the command and after it, and does not outlive the command."""
    args = (
        ["--rulesets", str(folder), "rulesets", "--json"]
        if where == "group"
        else ["rulesets", "--json", "--rulesets", str(folder)]
    )
    r = CliRunner().invoke(cli, args)
    assert r.exit_code == 0, r.output
    row = next(row for row in json.loads(r.output) if row["id"] == "minimal-2020")
    assert row["origin"] == f"--rulesets {folder}"
    assert "minimal-2020" not in lm.available()


def test_two_rule_sets_with_one_id_name_both_origins(folder, tmp_path_factory, monkeypatch):
    """Two files claiming one id are an error naming both files and where each was found."""
    other = tmp_path_factory.mktemp("other")
    (other / "minimal-2020.yaml").write_text(
        MINIMAL.read_text(encoding="utf-8") + "# another jurisdiction's edit\n", encoding="utf-8"
    )
    monkeypatch.setenv("LIFEMEETING_RULESETS", os.pathsep.join([str(folder), str(other)]))
    with pytest.raises(lm.DiscoveryError) as info:
        lm.load_ruleset("minimal-2020")
    message = str(info.value)
    assert message.startswith("two rule sets claim the id 'minimal-2020': ")
    assert f"{folder / 'minimal-2020.yaml'} (LIFEMEETING_RULESETS={folder})" in message
    assert f"{other / 'minimal-2020.yaml'} (LIFEMEETING_RULESETS={other})" in message
    assert len(info.value.origins) == 2


def test_a_bundled_id_claimed_again_is_refused_too(tmp_path, monkeypatch):
    """A folder that brings its own, different qingyuan-2014 cannot silently shadow the bundled one."""
    text = (ROOT / "rulesets" / "qingyuan-2014.yaml").read_text(encoding="utf-8")
    (tmp_path / "qingyuan-2014.yaml").write_text(
        text.replace('version: "1.2.0"', 'version: "1.2.1"', 1), encoding="utf-8"
    )
    monkeypatch.setenv("LIFEMEETING_RULESETS", str(tmp_path))
    with pytest.raises(lm.DiscoveryError, match=r"\(bundled\) and .*qingyuan-2014.yaml \(LIFEMEETING_RULESETS="):
        lm.load_ruleset("qingyuan-2014")


def test_the_same_file_reached_twice_is_not_a_clash(monkeypatch):
    """Naming the bundled folder again finds each bundled file once, not twice."""
    monkeypatch.setenv("LIFEMEETING_RULESETS", str(ROOT / "rulesets"))
    assert lm.load_ruleset("qingyuan-2014").model.id == "qingyuan-2014"


def test_an_identical_copy_is_not_a_clash(tmp_path, monkeypatch):
    """A byte-for-byte copy of a bundled rule set (a checkout beside its installed package) is the same rule set."""
    shutil.copy(ROOT / "rulesets" / "qingyuan-2014.yaml", tmp_path / "qingyuan-2014.yaml")
    monkeypatch.setenv("LIFEMEETING_RULESETS", str(tmp_path))
    assert lm.load_ruleset("qingyuan-2014").model.id == "qingyuan-2014"
    assert "qingyuan-2014" in lm.available()


def test_broken_entry_point_is_reported(monkeypatch):
    """An installed package whose entry point names a missing module is a DiscoveryError naming the package."""
    ep = importlib.metadata.EntryPoint(
        name="broken", value="no_such_module_for_lifemeeting", group=_discovery.ENTRY_POINT_GROUP
    )
    monkeypatch.setattr(_discovery.importlib.metadata, "entry_points", lambda group: [ep])
    monkeypatch.setenv("LIFEMEETING_CACHE_DIR", "off")  # the packages on disk did not change: the kept answer would do
    _discovery._entry_point_dirs.cache_clear()
    try:
        with pytest.raises(lm.DiscoveryError, match=r"entry point broken = no_such_module_for_lifemeeting: no module"):
            lm.available()
    finally:
        monkeypatch.undo()
        _discovery._entry_point_dirs.cache_clear()


def test_entry_point_may_name_a_callable_that_returns_folders(folder, monkeypatch):
    """``module:function`` entry points are called and may return the folders to read."""
    monkeypatch.setattr(sys.modules[__name__], "FOLDER", folder, raising=False)
    ep = importlib.metadata.EntryPoint(name="fn", value=f"{__name__}:_folders", group=_discovery.ENTRY_POINT_GROUP)
    monkeypatch.setattr(_discovery.importlib.metadata, "entry_points", lambda group: [ep])
    monkeypatch.setenv("LIFEMEETING_CACHE_DIR", "off")  # the packages on disk did not change: the kept answer would do
    _discovery._entry_point_dirs.cache_clear()
    try:
        found = _discovery.discover()["minimal-2020"]
        assert found.origin.endswith(f"entry point fn = {__name__}:_folders")
    finally:
        monkeypatch.undo()
        _discovery._entry_point_dirs.cache_clear()


def _folders():
    return [FOLDER]  # noqa: F821 - set by the test above


def test_example_package_is_found_after_a_real_pip_install(tmp_path):
    """pip-installing examples/ruleset-package into a fresh venv makes `lifemeeting rulesets` list its rule set."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    purelib = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    # the new venv sees this one's packages (lifemeeting, pip, hatchling) but installs into its own
    (tmp_path / "venv" / purelib.split(str(venv) + os.sep, 1)[1] / "_parent.pth").write_text(
        f"import site; site.addsitedir({sysconfig.get_paths()['purelib']!r})\n", encoding="utf-8"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("LIFEMEETING_RULESETS", "PYTHONPATH")}
    env["PIP_NO_CACHE_DIR"] = "1"
    install = subprocess.run(
        [python, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation", "--no-index", str(PACKAGE)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=300,
    )
    assert install.returncode == 0, install.stderr
    listed = subprocess.run(
        [python, "-m", "lifemeeting", "rulesets", "--json"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
    )
    assert listed.returncode == 0, listed.stderr
    row = next(row for row in json.loads(listed.stdout) if row["id"] == "example-county-2014")
    assert (
        row["origin"]
        == "package lifemeeting-example-rulesets 0.1.0, entry point example = lifemeeting_example_rulesets"
    )
    assert row["file"].startswith(str(venv))
    shown = subprocess.run(
        [python, "-m", "lifemeeting", "show", "example-county-2014"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
    )
    assert shown.returncode == 0 and "principal_review" in shown.stdout
    assert not (PACKAGE / "build").exists() and not list(PACKAGE.glob("*.egg-info")), (
        "the install leaves the checkout clean"
    )


PACKAGED = PACKAGE / "src" / "lifemeeting_example_rulesets"


def test_packaged_rule_set_quotes_its_source():
    """Every quote in the example package's rule set stands in the package's source text
    (the guide's worked example).
    """
    from lifemeeting.source.quotes import missing_pieces, normal, quotes

    loaded = lm.load_ruleset(PACKAGED / "rulesets" / "example-county-2014.yaml")
    text = normal((PACKAGED / "sources" / loaded.model.source.file).read_text(encoding="utf-8"))
    data = loaded.model.model_dump(mode="json", by_alias=True)
    missing = [piece for _, cite in quotes(data) for piece in missing_pieces(cite["quote"], text)]
    assert not missing


@pytest.mark.parametrize("name,convenable", [("ready", True), ("blocked", False)])
def test_packaged_example_cases_answer_as_named(name, convenable):
    """The example package's cases answer as their names say when its folder is searched."""
    with _discovery.searching(PACKAGED / "rulesets"):
        case = lm.open_case(PACKAGE / "cases" / f"{name}.yaml")
        assert case.can_convene(case.case.meeting.date).convenable is convenable


def test_a_changed_file_is_read_again_by_id(tmp_path, monkeypatch):
    """Loading by id remembers the file, but a rule set edited on disk is read anew, not served stale."""
    path = tmp_path / "minimal-2020.yaml"
    path.write_text(MINIMAL.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setenv("LIFEMEETING_RULESETS", str(tmp_path))
    first = lm.load_ruleset("minimal-2020")
    assert lm.load_ruleset("minimal-2020") is first
    path.write_text(MINIMAL.read_text(encoding="utf-8").replace('version: "0.1"', 'version: "0.2"'), encoding="utf-8")
    assert lm.load_ruleset("minimal-2020").model.version == "0.2"


def test_the_engine_version_read_from_the_dist_info_is_what_importlib_metadata_says():
    """engine_version() reads the installed METADATA itself (importlib.metadata is slow to import): the same answer."""
    from lifemeeting.version import _from_dist_info

    try:
        expected = importlib.metadata.version("lifemeeting")
    except importlib.metadata.PackageNotFoundError:
        pytest.skip("lifemeeting is not installed here")
    assert _from_dist_info() == expected == lm.engine_version()


def test_installed_rule_sets_are_kept_on_disk_under_a_key_installing_changes(tmp_path, monkeypatch):
    """The entry points' folders are kept in the cache folder; a changed sys.path folder is another key."""
    monkeypatch.setenv("LIFEMEETING_CACHE_DIR", str(tmp_path / "cache"))
    _discovery._entry_point_dirs.cache_clear()
    try:
        first = _discovery._entry_point_dirs()
        kept = list((tmp_path / "cache").glob("entry-points-*.json"))
        assert len(kept) == 1
        _discovery._entry_point_dirs.cache_clear()
        assert _discovery._entry_point_dirs() == first  # read back from the disk
        key = _discovery._installed_key()
        site = tmp_path / "site"
        site.mkdir()
        monkeypatch.syspath_prepend(str(site))
        assert _discovery._installed_key() != key
        (site / "x.pth").write_text("\n", encoding="utf-8")  # what an install does to a folder on sys.path
        later = _discovery._installed_key()
        os.utime(site, ns=(1, 1))
        assert _discovery._installed_key() != later
    finally:
        _discovery._entry_point_dirs.cache_clear()
