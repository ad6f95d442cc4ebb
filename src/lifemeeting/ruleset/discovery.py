"""Where rule sets come from: bundled files, folders given by option or environment, installed packages.

A province or a city ships its rule sets without touching lifemeeting, either as a folder
(``--rulesets DIR``, ``LIFEMEETING_RULESETS``) or as a Python package that declares an entry
point in the ``lifemeeting.rulesets`` group, as OpenFisca's country packages do. A rule set is
named by its file's stem. Two files that claim one id are an error naming both, never a silent
choice: which rules a case is judged by must not depend on the order of a search path.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar, Token
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from lifemeeting.errors import DiscoveryError

ENTRY_POINT_GROUP = "lifemeeting.rulesets"
ENV = "LIFEMEETING_RULESETS"
SUFFIXES = (".yaml", ".yml")

_option_dirs: ContextVar[tuple[Path, ...]] = ContextVar("lifemeeting_ruleset_dirs", default=())


@dataclass(frozen=True)
class Found:
    """One rule-set file and where it was found (``origin``: bundled, a folder, or a package's entry point)."""

    id: str
    path: Path
    origin: str


def add_dirs(dirs: Iterable[str | os.PathLike[str]]) -> Token[tuple[Path, ...]]:
    """Search ``dirs`` too (the CLI's ``--rulesets``); pass the token to ``reset_dirs`` to stop."""
    return _option_dirs.set(_option_dirs.get() + tuple(Path(d) for d in dirs))


def reset_dirs(token: Token[tuple[Path, ...]]) -> None:
    _option_dirs.reset(token)


@contextmanager
def searching(*dirs: str | os.PathLike[str]) -> Iterator[None]:
    """Within the block, also find rule sets in ``dirs``."""
    token = add_dirs(dirs)
    try:
        yield
    finally:
        reset_dirs(token)


def locations(*, also: Iterable[Path] = ()) -> list[tuple[Path, str]]:
    """Every folder searched, in order, with the words that say where it came from."""
    out = [(bundled_dir(), "bundled")]
    out += [(Path(d), f"--rulesets {d}") for d in _option_dirs.get()]
    out += [(Path(p), f"{ENV}={p}") for p in os.environ.get(ENV, "").split(os.pathsep) if p]
    out += list(_entry_point_dirs())
    out += [(Path(d), f"folder {d}") for d in also]
    return out


def scan(*, also: Iterable[Path] = ()) -> dict[str, list[Found]]:
    """Rule-set id → every file found under that id (one, unless two sources clash)."""
    found: dict[str, list[Found]] = {}
    seen: set[Path] = set()
    for folder, origin in locations(also=also):
        for path in _files(folder):
            real = path.resolve()
            if real in seen:  # the same file reached twice is not a clash
                continue
            seen.add(real)
            hits = found.setdefault(path.stem, [])
            if any(_same_bytes(h.path, path) for h in hits):
                continue  # a copy of a file already found (a checkout beside its installed package)
            hits.append(Found(path.stem, path, origin))
    return found


def _same_bytes(a: Path, b: Path) -> bool:
    try:
        return a.stat().st_size == b.stat().st_size and a.read_bytes() == b.read_bytes()
    except OSError:
        return False


def discover(*, also: Iterable[Path] = ()) -> dict[str, Found]:
    """Rule-set id → its one file; ``DiscoveryError`` if any id is claimed twice."""
    found = scan(also=also)
    for rid, hits in found.items():
        if len(hits) > 1:
            raise conflict(rid, hits)
    return {rid: found[rid][0] for rid in sorted(found)}


def find(ruleset_id: str, *, also: Iterable[Path] = ()) -> Found | None:
    """The one file of ``ruleset_id``, None if there is none; ``DiscoveryError`` if two claim it."""
    hits = scan(also=also).get(ruleset_id, [])
    if len(hits) > 1:
        raise conflict(ruleset_id, hits)
    return hits[0] if hits else None


def conflict(ruleset_id: str, hits: list[Found]) -> DiscoveryError:
    origins = tuple(f"{h.path} ({h.origin})" for h in hits)
    return DiscoveryError(
        f"two rule sets claim the id '{ruleset_id}': "
        + " and ".join(origins)
        + "; rename one file (its stem is its id) or remove one source",
        origins=origins,
    )


def _files(folder: Path) -> list[Path]:
    if folder.is_file():
        return [folder] if folder.suffix in SUFFIXES else []
    if not folder.is_dir():
        return []
    return [p for p in sorted(folder.iterdir()) if p.suffix in SUFFIXES and p.is_file()]


@cache
def _entry_point_dirs() -> tuple[tuple[Path, str], ...]:
    """Folders declared by installed packages; read once per process (installing needs a restart anyway).

    Reading the installed packages' entry points imports ``importlib.metadata`` and scans
    every package (~40 ms at start-up), so the answer is kept on disk beside the rule-set
    cache, under a key made of the interpreter and every ``sys.path`` folder with its
    modification time: installing, upgrading or removing a package adds or removes a
    ``*.dist-info`` folder (or a ``.pth`` file) there, which changes the key. An entry kept
    for folders that are gone is not used.
    """
    key = _installed_key()
    where = _kept(key)
    if where is not None:
        try:
            kept = json.loads(where.read_text(encoding="utf-8"))
            out = tuple((Path(p), str(origin)) for p, origin in kept)
            if all(p.exists() for p, _ in out):
                return out
        except (OSError, ValueError, TypeError):
            pass  # unreadable or stale: scan again
    out = _scan_entry_points()
    if where is not None:
        try:
            where.parent.mkdir(parents=True, exist_ok=True)
            tmp = where.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(json.dumps([[str(p), origin] for p, origin in out]), encoding="utf-8")
            os.replace(tmp, where)
        except OSError:
            pass  # an unwritable cache folder only costs the scan next time
    return out


def _installed_key() -> str:
    """The interpreter and every ``sys.path`` folder with its modification time: what installing changes."""
    import hashlib

    h = hashlib.sha256(f"{sys.executable}|{sys.version}".encode())
    for entry in sys.path:
        try:
            mtime = os.stat(entry or ".").st_mtime_ns
        except OSError:
            mtime = -1
        h.update(f"|{entry}:{mtime}".encode())
    return h.hexdigest()[:24]


def _kept(key: str) -> Path | None:
    from lifemeeting.ruleset.cache import cache_dir

    folder = cache_dir()
    return None if folder is None else folder / f"entry-points-{key}.json"


def _scan_entry_points() -> tuple[tuple[Path, str], ...]:
    import importlib.metadata

    out: list[tuple[Path, str]] = []
    for ep in sorted(importlib.metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        dist = f"{ep.dist.name} {ep.dist.version}" if ep.dist else "an installed package"
        origin = f"package {dist}, entry point {ep.name} = {ep.value}"
        out += [(p, origin) for p in _entry_point_paths(ep, origin)]
    return tuple(out)


def _entry_point_paths(ep: Any, origin: str) -> list[Path]:
    """A package name means its ``rulesets/`` folder (or the package folder); ``module:attr`` is called for paths."""
    try:
        if ep.attr:
            target = ep.load()
            result = target() if callable(target) else target
            paths = [result] if isinstance(result, (str, os.PathLike)) else list(result)
            return [Path(p) for p in paths]
        spec = importlib.util.find_spec(ep.module)
    except Exception as exc:  # noqa: BLE001 - a broken package is reported, whatever broke
        raise DiscoveryError(f"{origin}: cannot load it: {exc}") from None
    if spec is None:
        raise DiscoveryError(f"{origin}: no module '{ep.module}' is installed")
    if spec.submodule_search_locations:
        folder = Path(next(iter(spec.submodule_search_locations)))
    elif spec.origin:
        folder = Path(spec.origin).parent
    else:
        raise DiscoveryError(f"{origin}: '{ep.module}' has no folder to read rule sets from")
    return [folder / "rulesets" if (folder / "rulesets").is_dir() else folder]


def bundled_dir() -> Path:
    """The folder of rule sets shipped with the package (or the checkout's ``rulesets/``)."""
    package = Path(__file__).resolve().parents[1]  # src/lifemeeting, or site-packages/lifemeeting
    for candidate in (package / "_rulesets", package.parents[1] / "rulesets"):
        if candidate.is_dir():
            return candidate
    return package / "_rulesets"
