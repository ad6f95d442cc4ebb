"""Ratings per member on the case page: each round's levels per rating appraisal, who is not yet rated, and
every limit the result breaks, with the engine's own arithmetic and what breaking it does."""

from __future__ import annotations

import datetime as dt
from typing import Any

from lifemeeting.engine.answer_model import Status
from lifemeeting.engine.ratings import breaches, level_name, rated_members, ratings_of

ACTIONS = {"refuse": "不予登记", "flag": "提示，结果有效", "redo": "须重新评议"}


def rounds_ratings(view: Any, status: Status) -> dict[int, list[dict[str, Any]]]:
    """Round number → one entry per rating appraisal that rated anyone in it (levels, counts, breaches)."""
    out: dict[int, list[dict[str, Any]]] = {}
    for r in status.rounds:
        for a in ratings_of(view):
            given = [x for x in r.ratings if x.appraisal == a.id]
            if not given:
                continue
            result: dict[str, tuple[str, dt.date]] = {x.member: (x.level, x.date) for x in given}
            rated = rated_members(view, a)
            counts = {lv.id: sum(1 for level, _ in result.values() if level == lv.id) for lv in a.levels}
            out.setdefault(r.number, []).append(
                {
                    "name": a.name,
                    "rows": given,
                    "counts": [(level_name(a, lv), n) for lv, n in counts.items() if n],
                    "total": len(rated),
                    "unrated": [view.members[mid].name for mid in rated if mid not in result],
                    "breaches": [
                        {
                            "message": message,
                            "action": ACTIONS[limit.action],
                            "soft": limit.severity == "warning",
                            "citation": view.citation(limit.cite),
                        }
                        for limit, message in breaches(a, result, len(rated))
                    ],
                }
            )
    return out
