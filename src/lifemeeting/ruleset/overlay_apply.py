"""Apply an overlay's changes to its parent's data: follow a dotted target, then set, add, replace or drop.

The parent is plain data (the dumped model); items of a list are addressed by their ``id``
(or, in a list of names, by the name itself), keys of a mapping by the key. Every value an
overlay writes is inserted as the very object read from the overlay file, so that later
checks can point at the overlay's own line and column.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from lifemeeting.ruleset.overlay_model import Change
from lifemeeting.suggest import did_you_mean

RawPath = tuple[str | int, ...]


class TargetError(Exception):
    """A change cannot be applied; ``field`` is the key of the change the message is about."""

    def __init__(self, message: str, field: str) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


@dataclass
class Applied:
    """What applying a change did, for provenance and for placing later problems."""

    rule: str
    summary: str
    written: str | None = None  # the rule key an add/replace wrote
    dropped: str | None = None
    placed: list[tuple[Any, str | int, RawPath]] = field(default_factory=list)  # (container, slot, raw path)


def shown(value: Any) -> str:
    """A value as a reader sees it: text as is, anything else as compact JSON."""
    if isinstance(value, str):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return json.dumps(value, ensure_ascii=False, default=str)


def _slot(node: Any, part: str, where: str, verb: str, last: bool) -> str | int:
    if isinstance(node, dict):
        if part in node or (last and verb == "set"):
            return part
        raise TargetError(f"{where or 'the rule set'} has no '{part}'{did_you_mean(part, set(node))}", verb)
    if isinstance(node, list):
        ids = [item.get("id") if isinstance(item, dict) else item for item in node]
        if part in ids:
            return ids.index(part)
        names = [str(i) for i in ids if i is not None]
        listed = f"; it has: {', '.join(names)}" if names else "; it is empty"
        raise TargetError(f"{where} has no item '{part}'{did_you_mean(part, set(names))}{listed}", verb)
    raise TargetError(f"{where} is a single value ({shown(node)}), it has no '{part}'", verb)


def follow(data: dict[str, Any], target: str, verb: str) -> tuple[Any, str | int, str, Any]:
    """The container and slot the target's last part names, and the key and object of the rule it belongs to."""
    parts = target.split(".")
    node: Any = data
    container: Any = None
    slot: str | int = ""
    rule_end = 0
    rule: Any = None
    for n, part in enumerate(parts):
        where = ".".join(parts[:n])
        slot = _slot(node, part, where, verb, n == len(parts) - 1)
        container = node
        if isinstance(node, list) and isinstance(node[slot], dict):  # type: ignore[index]
            rule_end, rule = n + 1, node[slot]  # type: ignore[index]
        elif n == 0 and isinstance(node.get(slot), dict):
            rule = node[slot]  # a section that is one rule, like meeting
        node = node[slot] if not (isinstance(node, dict) and slot not in node) else None
    return container, slot, ".".join(parts[: rule_end or 1]), rule


def apply(data: dict[str, Any], change: Change, index: int, cite: dict[str, Any]) -> Applied:
    """Apply one change to ``data`` in place; ``TargetError`` says why it cannot be.

    A rule changed by ``set`` is cited by the change's ``cite`` from then on (the raw mapping
    ``cite``): its old citation no longer supports what it now says.
    """
    verb, target = change.verb, change.target
    raw: RawPath = ("changes", index)
    container, slot, rule, rule_obj = follow(data, target, verb)
    if verb == "set":
        if slot == "id":
            raise TargetError("an id cannot be set; replace the rule to give it another id", "set")
        old = container.get(slot) if isinstance(container, dict) else container[slot]
        container[slot] = change.to
        placed = [(container, slot, raw + ("to",))]
        if (
            isinstance(rule_obj, dict)
            and "cite" in rule_obj
            and ".cite" not in f".{target[len(rule) :]}"
            and slot != "cite"
        ):
            rule_obj["cite"] = cite
            placed.append((rule_obj, "cite", raw + ("cite",)))
        return Applied(rule, f"{target.rsplit('.', 1)[-1]}：{shown(old)} → {shown(change.to)}", placed=placed)
    node = container[slot]
    if verb == "add":
        return _add(node, change, target, rule, raw)
    if verb == "replace":
        new = change.with_
        if isinstance(node, dict) and "id" in node:
            if not isinstance(new, dict):
                raise TargetError(f"'{target}' is a rule; 'with' must be the whole new rule (a mapping)", "with")
            new.setdefault("id", node["id"])
            if new["id"] != node["id"] and any(isinstance(i, dict) and i.get("id") == new["id"] for i in container):
                raise TargetError(f"'{rule.rsplit('.', 1)[0]}' already has an item '{new['id']}'", "with")
            key = f"{rule.rsplit('.', 1)[0]}.{new['id']}"
            summary = f"{node['id']} → {new['id']}" if new["id"] != node["id"] else f"{node.get('name', node['id'])}"
        else:
            key, summary = rule, f"{shown(node)} → {shown(new)}"
        container[slot] = new
        return Applied(rule, summary, written=key, placed=[(container, slot, raw + ("with",))])
    # drop
    label = node.get("name", node.get("id")) if isinstance(node, dict) else shown(node)
    del container[slot]
    return Applied(rule, str(label), dropped=rule if isinstance(node, dict) and "id" in node else None)


def _add(node: Any, change: Change, target: str, rule: str, raw: RawPath) -> Applied:
    if not isinstance(node, list):
        raise TargetError(f"'{target}' is not a list; use set to change it", "add")
    value = change.value
    ids = [item.get("id") if isinstance(item, dict) else item for item in node]
    rules = all(isinstance(i, dict) for i in node) and bool(node) or isinstance(value, dict)
    if rules:
        if not isinstance(value, dict) or "id" not in value:
            raise TargetError(f"a new item of '{target}' is a mapping with its own id", "value")
        if value["id"] in ids:
            raise TargetError(f"'{target}' already has an item '{value['id']}'; replace it instead", "value")
        me = value["id"]
    else:
        if value in ids:
            raise TargetError(f"'{target}' already lists '{shown(value)}'", "value")
        me = value
    at = len(node)
    anchor = change.before or change.after
    if anchor is not None:
        if anchor not in ids:
            which = "before" if change.before else "after"
            raise TargetError(
                f"'{target}' has no item '{anchor}'{did_you_mean(str(anchor), {str(i) for i in ids})}", which
            )
        at = ids.index(anchor) + (1 if change.after else 0)
    node.insert(at, value)
    key = f"{target}.{me}" if rules else target
    summary = value.get("name", me) if rules else shown(value)
    return Applied(
        key if rules else rule, str(summary), written=key if rules else None, placed=[(node, at, raw + ("value",))]
    )
