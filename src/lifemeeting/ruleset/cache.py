"""A disk cache of checked rule sets, keyed by the sha256 of their bytes and the engine that checked them.

Reading, validating and cross-checking a rule set costs a command-line call tens of
milliseconds every time it answers one case. A rule set that passed every check is
pickled under the user's cache folder as ``<sha256>-<fingerprint>.pickle``; the next
process that loads the same bytes reads the pickle instead. The fingerprint covers the
engine version, the Python and pydantic versions and the engine's own source files (name,
size, modification time), so a changed engine never reads an entry another one wrote.

The folder is ``LIFEMEETING_CACHE_DIR`` if set (``off`` turns the cache off), else
``$XDG_CACHE_HOME/lifemeeting`` (``~/.cache/lifemeeting``), ``~/Library/Caches/lifemeeting``
on macOS or ``%LOCALAPPDATA%\\lifemeeting`` on Windows. A folder that cannot be written and
an entry that cannot be read are not errors: the rule set is then loaded from its file.
Like ``__pycache__``, the folder must be writable only by its user.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import pickle
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path

from lifemeeting.ruleset.loaded import LoadedRuleSet

ENV = "LIFEMEETING_CACHE_DIR"
OFF = ("", "off", "0", "no", "none")

_loaded: dict[tuple[bytes, str], LoadedRuleSet] = {}  # this process: the same object for the same bytes


def cache_dir() -> Path | None:
    """Where checked rule sets are kept, or None when the cache is turned off."""
    env = os.environ.get(ENV)
    if env is not None:
        return None if env.strip().lower() in OFF else Path(env)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = str(Path.home() / "Library" / "Caches")
    else:
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "lifemeeting"


@cache
def fingerprint() -> str:
    """What an entry depends on besides the rule set's bytes: versions and the engine's source files."""
    import pydantic

    from lifemeeting.version import engine_version

    h = hashlib.sha256(f"{engine_version()}|{sys.version}|{pydantic.VERSION}|{pickle.HIGHEST_PROTOCOL}".encode())
    for parts, st in _sources(str(Path(__file__).resolve().parents[1])):
        h.update(f"|{os.sep.join(parts)}:{st.st_size}:{st.st_mtime_ns}".encode())
    return h.hexdigest()[:16]


def _sources(package: str) -> list[tuple[tuple[str, ...], os.stat_result]]:
    """Every ``*.py`` under ``package``: its path inside it (as parts, in ``sorted(Path.rglob())`` order) and ``stat``.

    ``os.scandir`` rather than ``Path.rglob``: the same files, a quarter of the time (~2 ms of every start).
    """
    found: list[tuple[tuple[str, ...], os.stat_result]] = []
    folders: list[tuple[str, tuple[str, ...]]] = [(package, ())]
    while folders:
        folder, inside = folders.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir():
                    folders.append((entry.path, (*inside, entry.name)))
                elif entry.name.endswith(".py"):
                    found.append(((*inside, entry.name), entry.stat()))
    found.sort(key=lambda item: item[0])
    return found


def load(data: bytes, origin: str, check: Callable[[bytes, str], LoadedRuleSet]) -> LoadedRuleSet:
    """The checked rule set in ``data``: from this process, from the disk cache, or from ``check``."""
    hit = _loaded.get((data, origin))
    if hit is not None:
        return hit
    sha = hashlib.sha256(data).hexdigest()
    folder = cache_dir()
    entry = folder / f"{sha}-{fingerprint()}.pickle" if folder is not None else None
    loaded = _read(entry, sha, origin) if entry is not None else None
    if loaded is None:
        loaded = check(data, origin)  # raises RuleSetError for a bad rule set; those are never stored
        if entry is not None:
            _write(entry, dataclasses.replace(loaded, origin=""))
    _loaded[(data, origin)] = loaded
    return loaded


def _read(entry: Path, sha: str, origin: str) -> LoadedRuleSet | None:
    try:
        with entry.open("rb") as fh:
            stored = pickle.load(fh)
    except Exception:  # noqa: BLE001 - missing, unreadable or written by something else: load the file instead
        return None
    if not isinstance(stored, LoadedRuleSet) or stored.sha256 != sha:
        return None
    return dataclasses.replace(stored, origin=origin)


def _write(entry: Path, loaded: LoadedRuleSet) -> None:
    import tempfile  # only a process that checked a rule set writes; the others need not import it

    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=entry.parent, prefix=".tmp-", suffix=".pickle")
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(loaded, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, entry)  # readers see the whole entry or none
        except BaseException:
            os.unlink(tmp)
            raise
    except (OSError, pickle.PicklingError):  # an unwritable folder only costs the next process the full load
        pass
