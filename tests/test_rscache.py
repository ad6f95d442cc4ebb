"""Checked rule sets are cached on disk by content and engine, and the cache never gets in the way."""

from __future__ import annotations

import os
import shutil
import sys

import pytest
from conftest import FIXTURES, ROOT

import lifemeeting as lm
from lifemeeting.ruleset import cache as _rscache
from lifemeeting.ruleset import load as _loader
from lifemeeting.ruleset.checks import check_bytes

PUYANG = ROOT / "rulesets" / "puyang-2014.yaml"


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """An empty cache folder for this test, and no rule set remembered by this process."""
    folder = tmp_path / "cache"
    monkeypatch.setenv(_rscache.ENV, str(folder))
    monkeypatch.setattr(_rscache, "_loaded", {})
    monkeypatch.setattr(_loader, "_RECENT", {})
    return folder


def _checks(monkeypatch) -> list[str]:
    """Count the full loads (read, validate, cross-check) from here on."""
    calls: list[str] = []
    real = check_bytes

    def counting(data: bytes, origin: str):
        calls.append(origin)
        return real(data, origin)

    monkeypatch.setattr("lifemeeting.ruleset.checks.check_bytes", counting)
    return calls


def test_a_second_process_reads_the_checked_rule_set_from_the_cache(cache, monkeypatch):
    """The first load checks the file and stores it; a fresh process gets an equal rule set without checking again."""
    calls = _checks(monkeypatch)
    first = lm.load_ruleset(PUYANG)
    assert len(calls) == 1 and len(list(cache.glob("*.pickle"))) == 1
    monkeypatch.setattr(_rscache, "_loaded", {})  # as a new process would start
    monkeypatch.setattr(_loader, "_RECENT", {})
    second = lm.load_ruleset(PUYANG)
    assert len(calls) == 1, "read from the cache, not checked again"
    assert second.model == first.model and second.sha256 == first.sha256 and second.origin == first.origin
    assert second is not first


def test_the_same_bytes_give_the_same_object_within_a_process(cache):
    """Within one process a rule set is loaded once: the same object comes back."""
    assert lm.load_ruleset(PUYANG) is lm.load_ruleset(PUYANG)


def test_entries_are_named_by_content_and_engine(cache):
    """An entry's name is the sha256 of the rule set's bytes and the engine's fingerprint."""
    loaded = lm.load_ruleset(PUYANG)
    (entry,) = cache.glob("*.pickle")
    assert entry.name == f"{loaded.sha256}-{_rscache.fingerprint()}.pickle"


def test_a_changed_engine_does_not_read_another_engines_entry(cache, monkeypatch):
    """An entry written under another fingerprint is not read; the rule set is checked again."""
    lm.load_ruleset(PUYANG)
    calls = _checks(monkeypatch)
    monkeypatch.setattr(_rscache, "_loaded", {})
    monkeypatch.setattr(_loader, "_RECENT", {})
    monkeypatch.setattr(_rscache, "fingerprint", lambda: "another-engine")
    lm.load_ruleset(PUYANG)
    assert len(calls) == 1 and len(list(cache.glob("*.pickle"))) == 2


def test_a_corrupt_entry_is_ignored_and_replaced(cache, monkeypatch):
    """A damaged entry costs a full load, not an error, and is written anew."""
    lm.load_ruleset(PUYANG)
    (entry,) = cache.glob("*.pickle")
    entry.write_bytes(b"not a pickle")
    monkeypatch.setattr(_rscache, "_loaded", {})
    monkeypatch.setattr(_loader, "_RECENT", {})
    calls = _checks(monkeypatch)
    assert lm.load_ruleset(PUYANG).model.id == "puyang-2014"
    assert len(calls) == 1 and entry.read_bytes() != b"not a pickle"


@pytest.mark.skipif(
    sys.platform == "win32" or (hasattr(os, "geteuid") and os.geteuid() == 0),
    reason="needs a folder this user cannot write",
)
def test_an_unwritable_cache_folder_falls_back_to_loading_the_file(cache):
    """When the cache folder cannot be written, rule sets load from their files as before."""
    cache.mkdir()
    cache.chmod(0o500)
    try:
        assert lm.load_ruleset(PUYANG).model.id == "puyang-2014"
        assert not list(cache.glob("*.pickle"))
    finally:
        cache.chmod(0o700)


def test_a_cache_path_that_is_a_file_falls_back_to_loading_the_file(tmp_path, monkeypatch):
    """A cache 'folder' that is really a file (so nothing can be written) does not stop a load."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv(_rscache.ENV, str(blocker / "lifemeeting"))
    monkeypatch.setattr(_rscache, "_loaded", {})
    assert lm.load_ruleset(PUYANG).model.id == "puyang-2014"
    assert blocker.read_text() == "x"


def test_the_cache_can_be_turned_off(tmp_path, monkeypatch):
    """LIFEMEETING_CACHE_DIR=off writes nothing anywhere and loads every time."""
    monkeypatch.setenv(_rscache.ENV, "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(_rscache, "_loaded", {})
    assert _rscache.cache_dir() is None
    lm.load_ruleset(PUYANG)
    assert not list(tmp_path.rglob("*.pickle"))


def test_the_default_folder_is_the_users_cache(monkeypatch, tmp_path):
    """Without LIFEMEETING_CACHE_DIR the cache lives in the platform's user cache folder."""
    monkeypatch.delenv(_rscache.ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path))
    folder = _rscache.cache_dir()
    assert folder is not None and folder.name == "lifemeeting"
    if sys.platform not in ("win32", "darwin"):
        assert folder == tmp_path / "lifemeeting"


def test_a_bad_rule_set_is_never_cached(cache, tmp_path):
    """A rule set that fails its checks raises every time and leaves nothing in the cache."""
    broken = next(p for p in sorted((FIXTURES / "rulesets" / "broken").glob("*.yaml")) if _raises(p))
    copy = tmp_path / broken.name
    shutil.copy(broken, copy)
    for _ in range(2):
        with pytest.raises(lm.RuleSetError):
            lm.load_ruleset(copy)
    assert not list(cache.glob("*.pickle"))


def _raises(path) -> bool:
    try:
        check_bytes(path.read_bytes(), str(path))
    except lm.RuleSetError:
        return True
    except lm.LifemeetingError:
        return False
    return False


def test_the_fingerprint_covers_every_engine_source_file_by_path_size_and_time(tmp_path):
    """The engine's source files enter the fingerprint as ``sorted(Path.rglob('*.py'))`` lists them, each with its
    size and modification time, and a changed file (or a new one) changes it."""
    from pathlib import Path

    package = Path(_rscache.__file__).resolve().parents[1]
    expected = [(p.relative_to(package).parts, p.stat()) for p in sorted(package.rglob("*.py"))]
    found = _rscache._sources(str(package))
    assert [parts for parts, _ in found] == [parts for parts, _ in expected]
    assert [(st.st_size, st.st_mtime_ns) for _, st in found] == [(st.st_size, st.st_mtime_ns) for _, st in expected]

    copy = tmp_path / "lifemeeting"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__"))
    before = _rscache._sources(str(copy))
    (copy / "engine" / "readiness.py").write_text("# changed\n", encoding="utf-8")
    (copy / "ruleset" / "new_module.py").write_text("", encoding="utf-8")
    after = _rscache._sources(str(copy))
    assert len(after) == len(before) + 1
    changed = {parts for parts, st in after} - {parts for parts, st in before}
    assert changed == {("ruleset", "new_module.py")}
    sizes = dict((parts, st.st_size) for parts, st in after)
    assert sizes[("engine", "readiness.py")] == len("# changed\n")
