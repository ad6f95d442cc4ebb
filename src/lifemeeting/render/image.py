"""SVG and PNG through Graphviz: the DOT text piped to the ``dot`` program by the ``graphviz`` package."""

from __future__ import annotations

from typing import Any

from lifemeeting.errors import RendererMissing
from lifemeeting.render.base import Diagram
from lifemeeting.render.dot import DotDiagram

INSTALL_HINT = (
    "install Graphviz and a Chinese font (Debian/Ubuntu: apt-get install graphviz fonts-wqy-microhei; "
    "macOS: brew install graphviz), or ask for --format mermaid or dot, which need nothing"
)


class ImageDiagram(Diagram):
    """DOT rendered to an image; ``format`` is set per instance (svg or png)."""

    format = "svg"

    def __init__(self, graph: Any, format: str = "svg") -> None:  # noqa: A002 - the Graphviz word
        super().__init__(graph)
        self.format = format
        self.binary = format != "svg"

    def render(self) -> str | bytes:
        try:
            import graphviz
        except ImportError:
            raise RendererMissing(
                f"drawing {self.format} needs the Python package 'graphviz' (pip install graphviz) and {INSTALL_HINT}"
            ) from None
        source = graphviz.Source(DotDiagram(self.graph).render())
        try:
            data: bytes = source.pipe(format=self.format, engine="dot")
        except graphviz.ExecutableNotFound:
            raise RendererMissing(
                f"drawing {self.format} needs Graphviz's 'dot' program, which was not found: {INSTALL_HINT}"
            ) from None
        return data.decode("utf-8") if self.format == "svg" else data
