"""Chains as networkx graphs: the one drawing model every diagram backend renders.

Graphs are built from the chain answers (``SubjectChain``, ``TierChain``), which are read
off the engine's own paths, so a diagram cannot say something the engine does not enforce.

Node attributes: ``kind`` (start, pre_sign, link, end), ``lines`` (label lines, in the
source's words), ``status`` (done, current, todo or None), ``conditional``, ``read_through``,
``cluster`` (index into ``graph['clusters']``). Edge attributes: ``kind`` (flow, skip,
return), ``label``, ``count`` (returns recorded on a return edge).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NotRequired, TypedDict

from lifemeeting.answers.chain_model import Applicability, ChainStep, SubjectChain, TierChain, TierLink

if TYPE_CHECKING:
    import networkx as nx

RETURN = "退回重写"
OTHERWISE = "否则"
WRAP = 4  # subjects per line in a tier diagram
LEGEND = "绿：已完成　黄：当前所在　白：尚未到　红色虚线：退回重写"


class StopAttrs(TypedDict):
    """A stop's node attributes as the builders give them (``_add_path`` adds cluster and status)."""

    kind: str
    lines: list[str]
    conditional: bool
    read_through: bool
    enter_label: str
    step: NotRequired[str]  # the engine's step name (subject graphs, for a case's statuses)
    partial: NotRequired[bool]  # conditional for some of a tier's subjects only


def _new(title: str) -> nx.DiGraph:
    import networkx as nx  # ~220 ms; only diagrams need it

    return nx.DiGraph(title=title, clusters=[])


def _reviewers(step: ChainStep | TierLink) -> str:
    return "、".join(r.name for r in step.reviewers)


def _link_lines(step: ChainStep) -> list[str]:
    lines = [f"{step.mark} {step.name}", f"{step.kind_name}：{_reviewers(step)}"]
    if step.condition:
        lines.append(f"（{step.condition.text}）")
    lines.append(f"依据：{step.citation.section}")
    return lines


def _add_path(
    g: nx.DiGraph, prefix: str, cluster: int, start_lines: list[str], stops: list[tuple[str, StopAttrs]]
) -> list[str]:
    """Add start → stops → end with skip edges round conditional stops and return edges to start."""
    start, end = f"{prefix}start", f"{prefix}end"
    g.add_node(
        start, kind="start", lines=start_lines, cluster=cluster, status=None, conditional=False, read_through=False
    )
    order = [start]
    for node, attrs in stops:
        g.add_node(node, cluster=cluster, status=None, **attrs)
        order.append(node)
    g.add_node(end, kind="end", lines=["审核完毕"], cluster=cluster, status=None, conditional=False, read_through=False)
    order.append(end)
    for here, nxt in zip(order, order[1:], strict=False):
        g.add_edge(here, nxt, kind="flow", label=g.nodes[nxt].get("enter_label", ""))
    for i, node in enumerate(order[1:-1], start=1):
        if g.nodes[node]["conditional"] and not g.has_edge(order[i - 1], order[i + 1]):
            g.add_edge(order[i - 1], order[i + 1], kind="skip", label=OTHERWISE)
        last = i == len(order) - 2  # one label says it for every return edge
        g.add_edge(node, start, kind="return", label=RETURN if last else "", count=0)
    return order


def subject_graph(answers: list[SubjectChain]) -> nx.DiGraph:
    """One subject's chains: drafting, each pre-sign and link in order, passed; conditional links can be skipped."""
    first = answers[0] if answers else None
    title = f"{first.subject.name}的材料审核链" if first else "审核链"
    g = _new(title)
    for k, a in enumerate(answers):
        g.graph["clusters"].append(f"{a.material_name}（{a.chain_name}）")
        stops: list[tuple[str, StopAttrs]] = []
        for s in a.steps:
            if s.pre_sign:
                ps = s.pre_sign
                lines = [f"签字把关：{ps.name}", f"签字：{ps.reviewer.name}"] + (
                    [f"（{ps.condition.text}）"] if ps.condition else []
                )
                stops.append(
                    (
                        f"c{k}_sign_{s.link}",
                        {
                            "kind": "pre_sign",
                            "lines": lines,
                            "conditional": ps.condition is not None,
                            "read_through": False,
                            "enter_label": ps.condition.text if ps.condition else "",
                            "step": f"sign:{s.link}",
                        },
                    )
                )
            stops.append(
                (
                    f"c{k}_{s.link}",
                    {
                        "kind": "link",
                        "lines": _link_lines(s),
                        "conditional": s.condition is not None,
                        "read_through": s.kind == "read_through",
                        "enter_label": s.condition.text if s.condition else "",
                        "step": s.link,
                    },
                )
            )
        _add_path(g, f"c{k}_", k, [f"起草：{a.material_name}", f"（{a.subject.name}）"], stops)
    return g


def _who(items: list[Applicability]) -> list[str]:
    names = [a.subject.name + (f"（{a.condition.text}）" if a.condition else "") for a in items]
    if not names:
        return ["适用：无"]
    rows = ["、".join(names[i : i + WRAP]) for i in range(0, len(names), WRAP)]
    return ["适用：" + rows[0], *rows[1:]]


def tier_graph(answers: list[TierChain]) -> nx.DiGraph:
    """A tier's chains: every link in order, each with the subjects it applies to and their conditions."""
    first = answers[0] if answers else None
    tier = f"{first.tier_name}" if first and first.tier_name else ""
    g = _new(f"{tier}{first.material_name if first and len(answers) == 1 else '材料'}审核链" if first else "审核链")
    for k, a in enumerate(answers):
        g.graph["clusters"].append(a.chain_name)
        stops: list[tuple[str, StopAttrs]] = []
        for link in a.links:
            if link.pre_sign:
                ps = link.pre_sign
                lines = [f"签字把关：{ps.name}", f"签字：{ps.reviewer.name}", *_who(link.pre_sign_for)]
                stops.append(
                    (
                        f"c{k}_sign_{link.link}",
                        {
                            "kind": "pre_sign",
                            "lines": lines,
                            "conditional": False,
                            "read_through": False,
                            "enter_label": "",
                        },
                    )
                )
            lines = [
                f"{link.mark} {link.name}",
                f"{link.kind_name}：{_reviewers(link)}",
                *_who(link.applies_to),
                f"依据：{link.citation.section}",
            ]
            conditional = any(x.condition for x in link.applies_to)
            stops.append(
                (
                    f"c{k}_{link.link}",
                    {
                        "kind": "link",
                        "lines": lines,
                        "conditional": conditional,
                        "read_through": link.kind == "read_through",
                        "enter_label": "",
                        "partial": conditional,
                    },
                )
            )
        order = _add_path(g, f"c{k}_", k, [f"起草：{a.material_name}"], stops)
        for node in order:  # in a tier, a conditional link is conditional per subject, never skipped by all
            for u, v in list(g.out_edges(node)):
                if g.edges[u, v]["kind"] == "skip":
                    g.remove_edge(u, v)
        for link in a.links:  # subjects without the pre-sign go straight to the link
            if link.pre_sign and len(link.pre_sign_for) < len(link.applies_to):
                sign = f"c{k}_sign_{link.link}"
                (before,) = [u for u, _, d in g.in_edges(sign, data=True) if d["kind"] == "flow"]
                g.add_edge(before, f"c{k}_{link.link}", kind="skip", label="其余")
    return g


def case_graph(case: Any, *, member: str, material: str | None = None) -> nx.DiGraph:
    """Where a case member's materials stand now: links done, the current one, returns, links to come."""
    from lifemeeting.answers.chains import case_chains
    from lifemeeting.engine.chains import DRAFTING, PASSED

    answers = case_chains(case, member=member, material=material)
    g = subject_graph(answers)
    state, view = case.state, case.view
    g.graph["title"] = f"{view.case.unit.name} · {view.subject_label(member)}的材料审核进度"
    g.graph["legend"] = LEGEND
    applied = view.case.events[: state.applied]
    for k, a in enumerate(answers):
        m = state.materials[(a.material, member)]
        returned = [
            e.link for e in applied if e.type == "returned" and e.material == a.material and e.subject == member
        ]
        for node, data in g.nodes(data=True):
            if data["cluster"] != k:
                continue
            step = data.get("step")
            if data["kind"] == "start":
                data["status"] = "current" if m.state == DRAFTING else "done"
                if m.returns:
                    data["lines"] = [*data["lines"], f"已退回重写{m.returns}次"]
            elif data["kind"] == "end":
                data["status"] = "done" if m.state == PASSED else "todo"
            elif m.state in (f"at:{step}", step):
                data["status"] = "current"
                if data["kind"] == "link" and m.approvals:
                    data["lines"] = [*data["lines"], "已审核：" + "、".join(view.name(r) for r in sorted(m.approvals))]
            else:
                data["status"] = "done" if step in m.done_links else "todo"
            if data["kind"] in ("link", "pre_sign"):
                count = returned.count(step) if data["kind"] == "link" else 0
                g.edges[node, f"c{k}_start"]["count"] = count
                if count:
                    g.edges[node, f"c{k}_start"]["label"] = f"{RETURN}×{count}"
        g.graph["clusters"][k] += "：" + _where(m.state, a)
    return g


def _where(state: str, a: SubjectChain) -> str:
    from lifemeeting.engine.chains import DRAFTING, PASSED

    if state == DRAFTING:
        return "起草中"
    if state == PASSED:
        return "已审核完毕"
    link = state.split(":", 1)[1]
    step = next(s for s in a.steps if s.link == link)
    return f"待{step.pre_sign.name}" if state.startswith("sign:") and step.pre_sign else f"在{step.mark}{step.name}"
