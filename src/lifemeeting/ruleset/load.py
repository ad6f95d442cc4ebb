"""Find a rule set by id or path and load it: from this process, the disk cache, or a full check.

Reading and checking are ``checks``; overlays are resolved by ``overlay``; the disk cache is
``cache``; where ids are looked up is ``discovery``. Every problem comes back as FILE:LINE:COL.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from lifemeeting.errors import UnknownRuleSet
from lifemeeting.ruleset import cache as _rscache
from lifemeeting.ruleset import discovery as _discovery
from lifemeeting.ruleset.discovery import bundled_dir
from lifemeeting.ruleset.loaded import LoadedRuleSet

__all__ = ["RULESET_SUFFIXES", "LoadedRuleSet", "available", "bundled_dir", "is_overlay", "load_ruleset"]

RULESET_SUFFIXES = (".yaml", ".yml")


def available() -> dict[str, Path]:
    """Rule-set id → file, for every rule set that can be named by id (see ``_discovery``)."""
    return {rid: found.path for rid, found in _discovery.discover().items()}


def load_ruleset(ref: str | os.PathLike[str]) -> LoadedRuleSet:
    """Load a rule set by id (e.g. ``town-2014``) or by file path; checked, cached by content."""
    path = Path(ref)
    st = _stat(path) if path.suffix in RULESET_SUFFIXES else None
    if st is None:
        path, st = _find(str(ref))
    key = (str(path), st.st_mtime_ns, st.st_size, os.getcwd()) if st else None
    hit = _RECENT.get(key) if key else None
    if hit is not None:  # the same file, unchanged since this process last read it
        return hit
    loaded = _load_file(path)
    if key is not None and loaded.provenance is None:  # an overlay also depends on its parent's file
        _RECENT[key] = loaded
    return loaded


_RECENT: dict[tuple[str, int, int, str], LoadedRuleSet] = {}
_FOUND: dict[tuple[str, str, tuple[Path, ...]], Path] = {}


def _find(ruleset_id: str) -> tuple[Path, os.stat_result | None]:
    """The file of a rule-set id and its ``stat``; remembered per search path while the file is still there."""
    key = (ruleset_id, os.environ.get(_discovery.ENV, ""), _discovery._option_dirs.get())
    path = _FOUND.get(key)
    if path is not None:
        st = _stat(path)  # one look at the file: it is still there, and whether it changed (load_ruleset)
        if st is not None:
            return path, st
    found = _discovery.find(ruleset_id)
    if found is None:
        raise UnknownRuleSet(ruleset_id, list(_discovery.scan()))
    _FOUND[key] = found.path
    return found.path, _stat(found.path)


def _stat(path: Path) -> os.stat_result | None:
    try:
        return path.stat()
    except OSError:
        return None


_EXTENDS = re.compile(rb"^extends[ \t]*:", re.MULTILINE)


def is_overlay(data: bytes) -> bool:
    """Whether a rule-set file's top level has an ``extends`` key."""
    return _EXTENDS.search(data) is not None


def _load_file(path: Path) -> LoadedRuleSet:
    data = path.read_bytes()
    if is_overlay(data):
        from lifemeeting.ruleset.overlay import load_overlay  # imported by the files that need it

        return load_overlay(data, _display(path), path, load_parent=load_ruleset)
    return _rscache.load(data, _display(path), _check)  # checked once per content, then from the disk cache


def _check(data: bytes, origin: str) -> LoadedRuleSet:
    from lifemeeting.ruleset.checks import check_bytes  # imported only when the cache has not got it (~1 ms)

    return check_bytes(data, origin)


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)
