"""Mermaid flowchart text: pasteable into notices and Markdown, no dependency to draw it."""

from __future__ import annotations

from lifemeeting.render.base import RETURN_COLOR, SKIP_COLOR, Diagram

SHAPES = {"start": ('(["', '"])'), "end": ('(["', '"])'), "pre_sign": ('[/"', '"/]'), "link": ('["', '"]')}


def _text(s: str) -> str:
    return s.replace('"', "#quot;").replace("<", "#lt;").replace(">", "#gt;")


class MermaidDiagram(Diagram):
    format = "mermaid"

    def render(self) -> str:
        ids = self.ids()
        out = ["---", f'title: "{_text(self.title)}"', "---", "flowchart TB"]
        if self.legend:
            out += [f'  legend["{_text(self.legend)}"]', "  style legend fill:#ffffff,stroke:#ffffff"]
        for k, title, nodes in self.clusters():
            out.append(f'  subgraph c{k}["{_text(title)}"]')
            out.append("    direction TB")
            for n in nodes:
                d = self.graph.nodes[n]
                left, right = SHAPES[d["kind"]]
                out.append(f"    {ids[n]}{left}{'<br/>'.join(_text(x) for x in d['lines'])}{right}")
            out.append("  end")
        styles = []
        for i, (u, v, e) in enumerate(self.edges()):
            arrow = "-->" if e["kind"] == "flow" else "-.->"
            label = f'|"{_text(e["label"])}"|' if e.get("label") else ""
            out.append(f"  {ids[u]} {arrow}{label} {ids[v]}")
            if e["kind"] == "return":
                width = "2px" if e.get("count") else "1px"
                styles.append(f"  linkStyle {i} stroke:{RETURN_COLOR},stroke-width:{width}")
            elif e["kind"] == "skip":
                styles.append(f"  linkStyle {i} stroke:{SKIP_COLOR}")
        out += styles
        for n, d in self.graph.nodes(data=True):
            dash = ",stroke-dasharray:5 3" if d.get("conditional") else ""
            bold = ",stroke-width:3px" if d.get("status") == "current" else ""
            out.append(f"  style {ids[n]} fill:{self.fill(d)}{dash}{bold}")
        return "\n".join(out) + "\n"
