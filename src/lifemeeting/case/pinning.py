"""A case stays with the rule set it started under: a changed rule set is refused, never silently re-applied.

``pinned: {version, sha256}`` in a case records the rule set's version and content hash
(``lifemeeting pin CASE`` writes it). Opening the case against other content is a
``CaseError`` at the ``pinned`` line that names what was expected and what was found; if
the pin keeps a snapshot of the old rule set, the error also lists what changed. To judge
the case by the new rules, read the changes and pin it again.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from lifemeeting.case.model import Case, Pin
from lifemeeting.errors import CaseError, Problem
from lifemeeting.ruleset.diff import RuleSetDiff, diff_rulesets
from lifemeeting.ruleset.loaded import LoadedRuleSet
from lifemeeting.ruleset.model import RuleSet
from lifemeeting.source.yaml import Located

MAX_LINES = 20
_WORDS = {"added": "新增", "removed": "删除"}


def pin_for(loaded: LoadedRuleSet, *, snapshot: str | None = None) -> Pin:
    """The pin that records ``loaded`` as it is now."""
    return Pin(version=loaded.model.version, sha256=loaded.sha256, snapshot=snapshot)


def write_snapshot(loaded: LoadedRuleSet, path: Path) -> None:
    """Keep a copy of the rule set as it is (resolved, if an overlay), to compare with later."""
    data = {
        "ruleset": loaded.model.id,
        "version": loaded.model.version,
        "sha256": loaded.sha256,
        "model": loaded.model.model_dump(mode="json", by_alias=True),
    }
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def verify(case: Case, loaded: LoadedRuleSet, located: Located | None) -> None:
    """Refuse a pinned case whose rule set is no longer the one it was pinned to."""
    pin = case.pinned
    if pin is None or pin.sha256 == loaded.sha256:
        return
    rs = loaded.model
    message = (
        f"this case is pinned to rule set '{case.ruleset}' version {pin.version} (sha256 {pin.sha256[:12]}…), "
        f"but {loaded.origin} is now version {rs.version} (sha256 {loaded.sha256[:12]}…); "
        "the case was not re-evaluated under rules it did not start with"
    )
    base = Path(located.file).parent if located else Path.cwd()
    old = _snapshot(pin, base)
    if old is None:
        why = f" (snapshot {pin.snapshot} is missing or is not that version)" if pin.snapshot else ""
        message += (
            f". The old rule set is not at hand to compare{why};"
            " compare by hand, then run `lifemeeting pin` on the case to accept the new rules"
        )
    else:
        message += (
            ". What changed since:\n"
            + "\n".join(changes(diff_rulesets(old, loaded)))
            + "\nIf the case should follow the new rules, run `lifemeeting pin` on it again"
        )
    file = located.file if located else "<case>"
    line, col = located.where(("pinned",), key=True) if located else (1, 1)
    raise CaseError([Problem(file, line, col, message)])


def _snapshot(pin: Pin, base: Path) -> RuleSet | None:
    if not pin.snapshot:
        return None
    try:
        data = json.loads((base / pin.snapshot).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("sha256") != pin.sha256:
        return None
    try:
        return RuleSet.model_validate(data.get("model"))
    except ValueError:
        return None


def changes(d: RuleSetDiff) -> list[str]:
    """The differences as short lines, at most ``MAX_LINES``."""
    lines = []
    for x in d.differences:
        if x.change == "changed":
            lines.append(f"  {x.rule} {x.field_name}：{x.a} → {x.b}")
        else:
            lines.append(f"  {_WORDS[x.change]} {x.rule}（{x.name}）")
    if len(lines) > MAX_LINES:
        lines = lines[:MAX_LINES] + [f"  …and {len(lines) - MAX_LINES} more (lifemeeting diff shows all)"]
    return lines


_TOP_PINNED = re.compile(r"^pinned\s*:")
_TOP_RULESET = re.compile(r"^ruleset\s*:")


def set_pin_in_yaml(text: str, pin: Pin) -> str | None:
    """The case text with its ``pinned:`` line set (after ``ruleset:``).

    None if there is no top-level ``ruleset:`` line.
    """
    lines = text.splitlines(keepends=True)
    kept: list[str] = []
    skipping = False
    for line in lines:
        if _TOP_PINNED.match(line):
            skipping = True
            continue
        if skipping and (line.startswith((" ", "\t")) or not line.strip()):
            if line.strip():
                continue
        skipping = False
        kept.append(line)
    at = next((i for i, line in enumerate(kept) if _TOP_RULESET.match(line)), None)
    if at is None:
        return None
    kept.insert(at + 1, _pin_line(pin))
    return "".join(kept)


def _pin_line(pin: Pin) -> str:
    parts = [f"version: {json.dumps(pin.version)}", f"sha256: {pin.sha256}"]
    if pin.snapshot:
        parts.append(f"snapshot: {json.dumps(pin.snapshot, ensure_ascii=False)}")
    return "pinned: {" + ", ".join(parts) + "}\n"
