"""What every diagram backend shares: the order it walks a chain graph in, and one palette.

A backend subclasses ``Diagram`` and writes ``render``; it reads nodes and edges as
``_graph`` describes them and never looks at the rule set itself.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from typing import Any, cast

FONT = "WenQuanYi Micro Hei"

FILL = {"done": "#d8f0d8", "current": "#ffe58f", "todo": "#ffffff", None: "#ffffff"}
START_FILL = "#e6eefa"
PRE_SIGN_FILL = "#f3e8fb"
RETURN_COLOR = "#b03a2e"
SKIP_COLOR = "#777777"
STATUS_NAMES = {"done": "已完成", "current": "当前", "todo": "待办"}


class Diagram(ABC):
    """One way of writing a chain graph down (Mermaid text, DOT text, an image)."""

    format: str  # a class default; the image backend sets it per instance (svg or png)
    binary: bool = False

    def __init__(self, graph: Any) -> None:
        self.graph = graph

    @property
    def title(self) -> str:
        return str(self.graph.graph.get("title", ""))

    @property
    def legend(self) -> str | None:
        """What the colours mean, for graphs that show a case's state."""
        return cast("str | None", self.graph.graph.get("legend"))  # graph.case_graph sets it to a str

    def clusters(self) -> Iterator[tuple[int, str, list[str]]]:
        """Each cluster's index, title and nodes, in the order they were added."""
        titles = self.graph.graph.get("clusters", [])
        for k, title in enumerate(titles):
            yield k, title, [n for n, d in self.graph.nodes(data=True) if d.get("cluster") == k]

    def edges(self) -> Iterator[tuple[str, str, dict[str, Any]]]:
        """Flow and skip edges first, return edges last, so layouts keep the chain straight."""
        every = list(self.graph.edges(data=True))
        yield from (e for e in every if e[2]["kind"] != "return")
        yield from (e for e in every if e[2]["kind"] == "return")

    def fill(self, data: dict[str, Any]) -> str:
        if data.get("status") is not None:
            return FILL[data["status"]]
        return {"start": START_FILL, "end": START_FILL, "pre_sign": PRE_SIGN_FILL}.get(data["kind"], FILL[None])

    def ids(self) -> dict[str, str]:
        """Short, safe node ids in graph order."""
        return {n: f"n{i}" for i, n in enumerate(self.graph.nodes)}

    @abstractmethod
    def render(self) -> str | bytes:
        """The diagram in this backend's format."""
