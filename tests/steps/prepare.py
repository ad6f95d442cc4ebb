"""会前准备全部完成（除了 …）: do everything the case still lacks on one day, except what the table keeps back.

It asks the case itself what blocks the meeting and answers each blocker with the event that
clears it — a task done, a missing pair talked, a material submitted, signed and approved
link by link — until nothing but waiting is left. So a scenario can set up a ready case in
one line and keep back exactly the one thing it is about.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from steps.context import World, items

DRAFTING = "drafting"


@dataclass
class Skips:
    """What to leave undone, read from the 除了 table."""

    tasks: set[str] = field(default_factory=set)
    talk_rules: set[str] = field(default_factory=set)
    pairs: set[frozenset[str]] = field(default_factory=set)
    materials: set[tuple[str, str | None]] = field(default_factory=set)
    links: set[tuple[str, str | None, str]] = field(default_factory=set)
    signs: set[tuple[str, str | None]] = field(default_factory=set)

    def material(self, material: str, subject: str) -> bool:
        return (material, None) in self.materials or (material, subject) in self.materials

    def link(self, material: str, subject: str, link: str) -> bool:
        return (material, None, link) in self.links or (material, subject, link) in self.links

    def sign(self, material: str, subject: str) -> bool:
        return (material, None) in self.signs or (material, subject) in self.signs


def skips(table: list[dict[str, str]]) -> Skips:
    out = Skips()
    for row in table:
        kind, what = row["类别"], row["内容"]
        parts = what.split("/")
        if kind == "事项":
            out.tasks.add(what)
        elif kind == "必谈":
            out.talk_rules.add(what)
        elif kind == "谈话":
            out.pairs.add(frozenset(items(what.replace("—", "、"))))
        elif kind == "材料":
            out.materials.add((parts[0], parts[1] if len(parts) > 1 else None))
        elif kind == "签字":
            out.signs.add((parts[0], parts[1] if len(parts) > 1 else None))
        elif kind == "环节":
            material, subject, link = (parts[0], None, parts[1]) if len(parts) == 2 else parts
            out.links.add((material, subject, link))
        else:
            raise KeyError(f"unknown 类别 '{kind}'; use 事项, 必谈, 谈话, 材料, 签字 or 环节")
    return out


def prepare_all(world: World, on: dt.date, skip: Skips) -> None:
    """Apply, dated ``on``, every event that clears a blocker not kept back; repeat until nothing changes."""
    for _ in range(100):
        events = _clearing_events(world, on, skip)
        if not events:
            break
        world.apply(events)
    world.on = on


def _clearing_events(world: World, on: dt.date, skip: Skips) -> list[dict[str, Any]]:
    opened = world.case()
    out: list[dict[str, Any]] = []
    seen: set[tuple] = set()

    def add(event: dict[str, Any]) -> None:
        key = tuple(sorted((k, str(v)) for k, v in event.items()))
        if key not in seen:
            seen.add(key)
            out.append({"date": on, **event})

    for b in opened.can_convene(on).blockers:
        if b.waiting:
            continue
        if b.kind == "tasks_done" and b.item and b.item not in skip.tasks:
            add({"type": "done", "task": b.item})
        elif b.kind == "talks_covered" and b.item not in skip.talk_rules:
            for a, c in b.missing_pairs:
                if frozenset((a, c)) not in skip.pairs:
                    add({"type": "talk", "between": sorted((a, c))})
        elif b.kind in ("materials_passed", "lead_time") and b.item and b.subject:
            event = _next_material_event(world, b.item, b.subject, skip)
            if event is not None:
                add(event)
    return out


def _next_material_event(world: World, material: str, subject: str, skip: Skips) -> dict[str, Any] | None:
    """The one event that moves this material a step on its path, unless that step is kept back."""
    state = world.case().state.materials[(material, subject)]
    base = {"material": material, "subject": subject}
    if state.state == DRAFTING:
        return None if skip.material(material, subject) else {"type": "submitted", **base}
    step = state.slot.path.step_at(state.state)
    if step is None:
        return None
    link = step.link
    if step.pre_sign:
        return None if skip.sign(material, subject) else {"type": "signed", "by": link.pre_sign.reviewer, **base}
    if skip.link(material, subject, link.id):
        return None
    pending = [r for r in link.reviewers if r not in state.approvals]
    return {"type": "approved", "link": link.id, "by": pending[0], **base} if pending else None
