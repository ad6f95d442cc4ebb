"""Diagrams drawn from the engine's own chain data: graphs, Mermaid, DOT, and real Graphviz renders."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest
from conftest import EXAMPLES, FIXTURES, ROOT

import lifemeeting as lm
from lifemeeting.answers import chains as _chainquery
from lifemeeting.render import graph as _graph
from lifemeeting.render.dot import quote

CONDITIONAL = FIXTURES / "rulesets" / "conditional.yaml"
QY = EXAMPLES / "qingyuan-2014"
DOCS = ROOT / "docs" / "diagrams"
needs_dot = pytest.mark.skipif(
    shutil.which("dot") is None,
    reason="Graphviz's 'dot' is not installed (apt-get install graphviz fonts-wqy-microhei)",
)


def lines_of(g, node) -> str:
    return "\n".join(g.nodes[node]["lines"])


# -- graphs --------------------------------------------------------------------------------
def test_subject_graph_runs_drafting_links_passed_with_returns_to_drafting():
    """A member's graph goes drafting → ① → ② → ③(conditional) → 审核完毕, and every link can send it back."""
    g = _graph.subject_graph(_chainquery.subject_chains(CONDITIONAL, tier="county", position="standing_member"))
    flow = [(u, v) for u, v, d in g.edges(data=True) if d["kind"] == "flow"]
    assert flow == [
        ("c0_start", "c0_secretary_review"),
        ("c0_secretary_review", "c0_group_review"),
        ("c0_group_review", "c0_upper_secretary_review"),
        ("c0_upper_secretary_review", "c0_end"),
    ]
    returns = {u for u, v, d in g.edges(data=True) if d["kind"] == "return" and v == "c0_start"}
    assert returns == {"c0_secretary_review", "c0_group_review", "c0_upper_secretary_review"}
    assert g.edges["c0_group_review", "c0_upper_secretary_review"]["label"] == "仅书记联系点"
    assert g.edges["c0_group_review", "c0_end"] == {"kind": "skip", "label": "否则"}
    assert "（仅书记联系点）" in lines_of(g, "c0_upper_secretary_review")


def test_pre_sign_is_its_own_node_before_its_link():
    """The 人大 member's pre-sign is a node between drafting and ①, naming who signs."""
    g = _graph.subject_graph(_chainquery.subject_chains(CONDITIONAL, tier="county", position="npc_member"))
    assert g.has_edge("c0_start", "c0_sign_secretary_review") and g.has_edge(
        "c0_sign_secretary_review", "c0_secretary_review"
    )
    assert g.nodes["c0_sign_secretary_review"]["kind"] == "pre_sign"
    assert "签字：人大党组书记" in lines_of(g, "c0_sign_secretary_review")


def test_tier_graph_shows_who_each_link_serves_and_the_pre_sign_bypass():
    """In the tier graph the conditional subject is marked on its link, and the others bypass the pre-sign."""
    g = _graph.tier_graph(_chainquery.tier_chains(CONDITIONAL, tier="county"))
    assert "适用：县委书记、县委常委（仅书记联系点）、县委常委班子" in lines_of(g, "c0_upper_secretary_review")
    assert g.edges["c0_start", "c0_secretary_review"] == {"kind": "skip", "label": "其余"}
    assert "适用：人大党员领导干部" in lines_of(g, "c0_sign_secretary_review")
    assert not any(d["kind"] == "skip" and d["label"] == "否则" for _, _, d in g.edges(data=True))


def test_case_graph_shows_done_current_returned_and_to_come():
    """李建国's returned material: drafting done, ① current with one approval, the return at ② counted, ②③ to come."""
    g = _graph.case_graph(lm.open_case(QY / "blocked-returned.yaml"), member="li", material="examination")
    status = {n: d["status"] for n, d in g.nodes(data=True)}
    assert status == {
        "c0_start": "done",
        "c0_initial_review": "current",
        "c0_group_review": "todo",
        "c0_office_read_through": "todo",
        "c0_end": "todo",
    }
    assert "已退回重写1次" in lines_of(g, "c0_start")
    assert "已审核：党组书记（莫俊峰）" in lines_of(g, "c0_initial_review")
    assert g.edges["c0_group_review", "c0_start"]["count"] == 1
    assert g.edges["c0_group_review", "c0_start"]["label"] == "退回重写×1"
    assert g.graph["clusters"] == ["对照检查材料（对照检查材料审核）：在①党组书记和督导组初审"]


def test_case_graph_of_a_finished_material_is_all_done():
    """A material through its whole chain shows every step done."""
    g = _graph.case_graph(lm.open_case(QY / "ready.yaml"), member="team", material="plan")
    assert {d["status"] for _, d in g.nodes(data=True)} == {"done"}


# -- text backends -------------------------------------------------------------------------
def test_mermaid_is_a_flowchart_whose_edges_join_declared_nodes():
    """The Mermaid text declares every node once, labels in Chinese, and dashed return and skip edges."""
    text = lm.chain_diagram(CONDITIONAL, tier="county", position="standing_member")
    assert text.startswith('---\ntitle: "县委常委的材料审核链"\n---\nflowchart TB\n')
    declared = re.findall(r"^\s+(n\d+)[\[(]", text, flags=re.M)
    assert len(declared) == len(set(declared)) == 5
    for u, v in re.findall(r"^\s+(n\d+) -\.?->(?:\|[^|]*\|)? (n\d+)$", text, flags=re.M):
        assert u in declared and v in declared
    assert '["③ 上级书记审核<br/>审核：上级书记<br/>（仅书记联系点）<br/>依据：二③"]' in text
    assert '-.->|"退回重写"| n0' in text and '-.->|"否则"|' in text
    assert "stroke-dasharray" in text


def test_dot_text_names_the_cjk_font_and_escapes_quotes():
    """DOT output sets the WenQuanYi font everywhere and escapes quotes and backslashes in labels."""
    text = lm.chain_diagram(CONDITIONAL, tier="county", format="dot")
    assert text.startswith("digraph chain {")
    assert text.count('fontname="WenQuanYi Micro Hei"') == 3
    assert "constraint=false" in text
    assert quote('他说"好"\\') == '"他说\\"好\\"\\\\"'


def test_unknown_format_is_refused():
    """Only mermaid, dot, svg and png are drawn."""
    with pytest.raises(ValueError, match="unknown diagram format 'pdf'"):
        lm.chain_diagram(CONDITIONAL, tier="county", format="pdf")


def test_importing_and_checking_does_not_import_networkx_or_graphviz():
    """networkx (~220 ms) and graphviz load only when a diagram is drawn."""
    code = (
        "import sys, datetime, lifemeeting as lm; "
        f"lm.can_convene({str(QY / 'ready.yaml')!r}, on=datetime.date(2014, 6, 16)); "
        "print('networkx' in sys.modules, 'graphviz' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False False"


# -- real renders ----------------------------------------------------------------------------
@needs_dot
def test_svg_render_carries_the_chinese_labels():
    """Graphviz renders the county chain to SVG with the link names as text."""
    svg = lm.chain_diagram(CONDITIONAL, tier="county", format="svg")
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    assert "县委书记审核" in svg and "仅书记联系点" in svg
    assert "WenQuanYi Micro Hei" in svg


@needs_dot
def test_png_render_is_a_png():
    """A PNG of a case's state comes back as PNG bytes of a real picture."""
    png = lm.case_diagram(QY / "blocked-returned.yaml", member="li", format="png")
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 10_000


@needs_dot
def test_a_cjk_font_is_installed_beside_graphviz():
    """Where Graphviz draws, the WenQuanYi font must be there too, or PNGs show boxes for Chinese."""
    fonts = subprocess.run(["fc-list", "WenQuanYi Micro Hei"], capture_output=True, text=True).stdout
    assert "WenQuanYi Micro Hei" in fonts, "install fonts-wqy-microhei"


def test_missing_graphviz_is_a_clear_error(monkeypatch, tmp_path):
    """Without the dot program, drawing a PNG raises RendererMissing with the install hint."""
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(lm.RendererMissing) as info:
        lm.chain_diagram(CONDITIONAL, tier="county", format="png")
    assert "apt-get install graphviz fonts-wqy-microhei" in str(info.value)
    assert isinstance(info.value, RuntimeError)


# -- the published diagrams ----------------------------------------------------------------------
PUBLISHED = {
    "puyang-2014-county-examination.mmd": lambda: lm.chain_diagram(
        "puyang-2014", tier="county", material="examination"
    ),
    "puyang-2014-county-standing-member.mmd": lambda: lm.chain_diagram(
        "puyang-2014", tier="county", position="county_standing_member", material="examination"
    ),
    "puyang-2014-case-returned-for-rewrite.mmd": lambda: lm.case_diagram(
        EXAMPLES / "puyang-2014" / "blocked-returned-for-rewrite.yaml", member="zhao", material="examination"
    ),
}


@pytest.mark.parametrize("name", sorted(PUBLISHED))
def test_published_diagrams_are_what_the_rules_draw(name):
    """docs/diagrams/*.mmd is what the engine draws now (regenerate as docs/chains.md says)."""
    assert (DOCS / name).read_text(encoding="utf-8") == PUBLISHED[name]()
    assert (DOCS / name.replace(".mmd", ".png")).stat().st_size > 10_000
