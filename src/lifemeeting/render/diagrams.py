"""The front door for diagrams: pick the graph (a subject, a tier or a case) and the backend."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from lifemeeting.render.base import Diagram

FORMATS = ("mermaid", "dot", "svg", "png")


def backend(graph: Any, format: str) -> Diagram:  # noqa: A002
    """The backend that writes ``graph`` in ``format`` (mermaid, dot, svg or png)."""
    if format == "mermaid":
        from lifemeeting.render.mermaid import MermaidDiagram

        return MermaidDiagram(graph)
    if format == "dot":
        from lifemeeting.render.dot import DotDiagram

        return DotDiagram(graph)
    if format in ("svg", "png"):
        from lifemeeting.render.image import ImageDiagram

        return ImageDiagram(graph, format)
    raise ValueError(f"unknown diagram format '{format}'; one of: {', '.join(FORMATS)}")


def chain_diagram(
    ruleset: Any,
    *,
    tier: str | None = None,
    position: str | None = None,
    material: str | None = None,
    unit: Mapping[str, Any] | Iterable[str] | None = None,
    format: str = "mermaid",  # noqa: A002
) -> str | bytes:
    """A tier's chains (or, with ``position``, one subject's) as Mermaid, DOT, SVG text or PNG bytes."""
    from lifemeeting.answers import chains as _chainquery
    from lifemeeting.render import graph as _graph

    if position is None:
        graph = _graph.tier_graph(_chainquery.tier_chains(ruleset, tier=tier, material=material, unit=unit))
    else:
        graph = _graph.subject_graph(
            _chainquery.subject_chains(ruleset, tier=tier, position=position, material=material, unit=unit)
        )
    return backend(graph, format).render()


def case_diagram(case: Any, *, member: str, material: str | None = None, format: str = "mermaid") -> str | bytes:  # noqa: A002
    """Where a case member's (or the team's) materials stand now, drawn from the replayed case."""
    from lifemeeting.answers.open import OpenCase, open_case
    from lifemeeting.render import graph as _graph

    opened = case if isinstance(case, OpenCase) else open_case(case)
    return backend(_graph.case_graph(opened, member=member, material=material), format).render()
