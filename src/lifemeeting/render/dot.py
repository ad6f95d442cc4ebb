"""Graphviz DOT text, written by hand so that DOT output needs neither Graphviz nor its Python package."""

from __future__ import annotations

from lifemeeting.render.base import FONT, RETURN_COLOR, SKIP_COLOR, Diagram

SHAPES = {"start": "ellipse", "end": "ellipse", "pre_sign": "note", "link": "box"}


def quote(s: str) -> str:
    """A DOT double-quoted string."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _label(lines: list[str]) -> str:
    return quote("\n".join(lines)).replace("\n", "\\n")


class DotDiagram(Diagram):
    format = "dot"

    def render(self) -> str:
        ids = self.ids()
        font = f"fontname={quote(FONT)}"
        out = [
            "digraph chain {",
            f"  graph [{font}, label={_label([self.title, *([self.legend] if self.legend else [])])}, labelloc=t,"
            " fontsize=18, rankdir=TB, nodesep=0.4, ranksep=0.45];",
            f'  node [{font}, fontsize=12, shape=box, style="rounded,filled", margin="0.2,0.08"];',
            f"  edge [{font}, fontsize=10];",
        ]
        for k, title, nodes in self.clusters():
            out.append(f"  subgraph cluster_{k} {{")
            out.append(f'    label={quote(title)}; fontsize=14; style=rounded; color="#999999";')
            for n in nodes:
                d = self.graph.nodes[n]
                style = "rounded,filled" + (",dashed" if d.get("conditional") else "")
                if d["kind"] == "pre_sign":
                    style = "filled" + (",dashed" if d.get("conditional") else "")
                width = ", penwidth=3" if d.get("status") == "current" else ""
                out.append(
                    f"    {ids[n]} [label={_label(d['lines'])}, shape={SHAPES[d['kind']]}, style={quote(style)},"
                    f" fillcolor={quote(self.fill(d))}{width}];"
                )
            out.append("  }")
        for u, v, e in self.edges():
            attrs = [f"label={quote(e['label'])}"] if e.get("label") else []
            if e["kind"] == "return":
                attrs += [
                    "style=dashed",
                    f"color={quote(RETURN_COLOR)}",
                    f"fontcolor={quote(RETURN_COLOR)}",
                    "constraint=false",
                    "tailport=e",
                    "headport=e",
                ]
                if e.get("count"):
                    attrs.append("penwidth=2.5")
            elif e["kind"] == "skip":
                attrs += ["style=dashed", f"color={quote(SKIP_COLOR)}", f"fontcolor={quote(SKIP_COLOR)}"]
            out.append(f"  {ids[u]} -> {ids[v]}" + (f" [{', '.join(attrs)}]" if attrs else "") + ";")
        out.append("}")
        return "\n".join(out) + "\n"
