"""``lifemeeting chain`` and ``lifemeeting diagram``: what a policy officer and a script see."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, FIXTURES, ROOT, run_cli

from lifemeeting.cli import cli

PUYANG = str(ROOT / "rulesets" / "puyang-2014.yaml")
CONDITIONAL = str(FIXTURES / "rulesets" / "conditional.yaml")
QY = EXAMPLES / "qingyuan-2014"


@pytest.fixture
def lm():
    """Run the CLI in-process; returns the click Result."""
    runner = CliRunner()
    return lambda *args: runner.invoke(cli, list(args), catch_exceptions=False)


run = run_cli


def routes(result) -> dict[str, str]:
    """Material → path, with 签 before a pre-signed link and ? after a conditional one, from --json output."""
    assert result.exit_code == 0, result.output
    return {
        a["material"]: "".join(
            ("签" if s["pre_sign"] else "") + s["mark"] + ("?" if s["condition"] else "") for s in a["steps"]
        )
        for a in json.loads(result.output)
    }


# -- Puyang, as 濮群办发〔2014〕22号 3、5（2） lists the links ---------------------------------------
@pytest.mark.parametrize(
    "tier,position,unit,expected",
    [
        ("county", "county_party_secretary", [], "①②③④⑤⑥⑦"),
        ("county", "county_head", [], "①②③④⑤⑥⑦"),
        ("county", "county_standing_member", [], "①②③④?"),
        ("county", "county_standing_member", ["liaison_point=true"], "①②③④"),
        ("county", "county_standing_member", ["liaison_point=false"], "①②③"),
        ("county", "county_standing_committee", [], "①②③④"),
        ("county", "township_committee", [], "①"),
        ("county", "county_npc_leader", [], "签①②③"),
        ("city", "city_party_secretary", [], "①②③④⑤⑥"),
        ("city", "mayor", [], "①②③④"),
        ("city", "vice_mayor", [], "签①②③"),
        ("city_dept", "dept_principal", [], "①②③④"),
        ("city_dept", "dept_member", [], "①②③"),
        ("city_dept", "affiliated_principal", [], "①②"),
        ("city_dept", "section_chief", [], "①"),
        ("village", "village_committee", [], "①"),
    ],
)
def test_puyang_chain_through_the_cli(lm, tier, position, unit, expected):
    """`lifemeeting chain puyang-2014.yaml --tier T --position P --json` gives the source's links."""
    args = ["chain", PUYANG, "--tier", tier, "--position", position, "--material", "examination", "--json"]
    for u in unit:
        args += ["--unit-attr", u]
    assert routes(lm(*args)) == {"examination": expected}


def test_puyang_position_by_its_chinese_name(lm):
    """The county party secretary can be named 县（区）委书记, as the rule set lists the post."""
    r = lm("chain", PUYANG, "--tier", "county", "--position", "县（区）委书记", "--material", "examination", "--json")
    assert routes(r) == {"examination": "①②③④⑤⑥⑦"}


def test_puyang_standing_member_text_says_what_the_condition_is(lm):
    """In words: ①②③ always, ④ only in the city secretary's liaison county, cited."""
    r = lm("chain", PUYANG, "--tier", "county", "--position", "county_standing_member", "--material", "examination")
    assert r.exit_code == 0
    assert "经过：①②③；视单位而定：④仅市委书记联系点（单位属性 liaison_point）" in r.output
    assert "④ 3、5（2）④：“④市委书记审核：本人联系点的县委常委班子及其成员的对照检查材料" in r.output


def test_puyang_npc_member_text_shows_the_pre_sign_row(lm):
    """The 人大 member's table has the pre-sign as its own row before ①."""
    r = lm("chain", PUYANG, "--tier", "county", "--position", "county_npc_leader", "--material", "examination")
    rows = [line for line in r.output.splitlines() if line.startswith(("①", "  ", " ")) or "签字把关：" in line]
    assert rows[0].split()[0] == "签字把关：所在党组主要负责同志审核把关并签字"
    assert "①     县（区）委书记审核" in r.output


def test_puyang_county_tier_table_lists_who_each_link_serves(lm):
    """The county table says, link by link, which posts it applies to; ④ marks the liaison-only one."""
    r = lm("chain", PUYANG, "--tier", "county", "--material", "examination")
    assert r.exit_code == 0
    assert "对照检查材料审核链，7个环节" in r.output
    block = r.output.split("④ 市委书记审核")[1].split("\n\n")[0]
    assert (
        "适用于：县（区）委常委班子、县（区）委书记、县（区）长（县（区）政府党组书记）、县（区）委常委（仅市委书记联系点）"
        in block
    )
    assert (
        "签字把关：副县（区）长（县（区）政府党组成员）、县（区）人大常委会党员领导干部、县（区）政协党员领导干部，先由所在党组主要负责同志审核把关并签字"
        in r.output
    )


def test_puyang_case_member_follows_the_case_unit(lm):
    """In a liaison-point county's case the standing member's material passes ①②③④, nothing conditional."""
    r = lm(
        "chain",
        str(EXAMPLES / "puyang-2014" / "blocked-liaison-review.yaml"),
        "--member",
        "yuan",
        "--material",
        "examination",
        "--json",
    )
    assert routes(r) == {"examination": "①②③④"}


# -- the other rule sets -----------------------------------------------------------------------
@pytest.mark.parametrize(
    "args,expected",
    [
        (["qingyuan-2014", "--position", "party_member"], {"examination": "①②③"}),
        (["qingyuan-2014", "--position", "team"], {"examination": "①②③", "plan": "①"}),
        (["town-2014", "--position", "team"], {"examination": "①", "report": "①"}),
        (["town-2014", "--position", "镇党委副书记"], {"examination": "", "criticism_outline": "①"}),
        (["fagaiwei-2013", "--position", "team_member"], {"personal_rectification": "①"}),
        (["fagaiwei-2013", "--position", "team"], {"rectification_plan": "①②"}),
        (["party-group-2017", "--position", "team"], {"plan": "①"}),
        ([CONDITIONAL, "--tier", "county", "--position", "npc_member"], {"examination": "签①②"}),
        ([str(FIXTURES / "rulesets" / "minimal.yaml"), "--tier", "unit", "--position", "team"], {"examination": "①②"}),
    ],
)
def test_chains_of_every_rule_set(lm, args, expected):
    """Each rule set's chains come out of `lifemeeting chain ... --json` with their links."""
    assert routes(lm("chain", *args, "--json")) == expected


def test_qingyuan_member_text_table(lm):
    """The text answer is a table with reviewers, kinds and the clause of each link."""
    r = lm("chain", "qingyuan-2014", "--position", "party_member")
    assert "①     党组书记和督导组初审  审核  党组书记、市委第三督导组" in r.output
    assert "③     市委实践办审阅        审阅  市委实践办" in r.output
    assert "③ 二（五）三是：“6月5日前报市委实践办审阅”" in r.output


def test_case_member_chain(lm):
    """`chain CASE --member li` lists 李建国's materials' links."""
    r = lm("chain", str(QY / "ready.yaml"), "--member", "li")
    assert r.output.startswith("李建国（li）的对照检查材料\n")
    assert "经过：①②③" in r.output


# -- refusals ------------------------------------------------------------------------------------
def test_unknown_position_exits_1_with_suggestion_and_no_traceback():
    """A misspelt position is bad input: exit 1, the close id, no traceback."""
    r = run("chain", PUYANG, "--tier", "county", "--position", "county_party_secretery")
    assert r.returncode == 1
    assert "lifemeeting: unknown position 'county_party_secretery' (did you mean 'county_party_secretary'?)" in r.stderr
    assert "Traceback" not in r.stderr


def test_case_without_member_is_a_usage_error():
    """Asking about a case file needs --member: exit 2 with the reason."""
    r = run("chain", str(QY / "ready.yaml"))
    assert r.returncode == 2
    assert "is a case: say whose material with --member ID" in r.stderr


# -- diagrams through the CLI ---------------------------------------------------------------------
def test_diagram_mermaid_to_stdout(lm):
    """`diagram RULESET --tier county` prints Mermaid with the seven links in order."""
    r = lm("diagram", PUYANG, "--tier", "county", "--material", "examination")
    assert r.exit_code == 0
    marks = [m for m in "①②③④⑤⑥⑦" if m in r.output]
    assert marks == list("①②③④⑤⑥⑦")
    assert [r.output.index(f'["{m} ') for m in marks] == sorted(r.output.index(f'["{m} ') for m in marks)
    assert "（仅市委书记联系点）" in r.output and "签字把关：所在党组主要负责同志审核把关并签字" in r.output


def test_diagram_format_follows_the_output_suffix(lm, tmp_path):
    """-o x.dot writes DOT without --format."""
    out = tmp_path / "x.dot"
    r = lm("diagram", str(QY / "blocked-returned.yaml"), "--member", "li", "-o", str(out))
    assert r.exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("digraph chain {")


@pytest.mark.skipif(
    shutil.which("dot") is None,
    reason="Graphviz's 'dot' is not installed (apt-get install graphviz fonts-wqy-microhei)",
)
def test_diagram_png_of_a_case(lm, tmp_path):
    """`diagram CASE --member li -o li.png` writes a PNG."""
    out = tmp_path / "li.png"
    r = lm("diagram", str(QY / "blocked-returned.yaml"), "--member", "li", "-o", str(out))
    assert r.exit_code == 0
    assert out.read_bytes()[:4] == b"\x89PNG"


def test_diagram_png_without_graphviz_exits_1_with_install_hint(tmp_path):
    """With no dot program on PATH, asking for a PNG is exit 1 with the install hint, not a traceback."""
    r = run("diagram", PUYANG, "--tier", "county", "-o", str(tmp_path / "c.png"), env={"PATH": str(tmp_path)})
    assert r.returncode == 1
    assert "lifemeeting: drawing png needs Graphviz's 'dot' program" in r.stderr
    assert "apt-get install graphviz fonts-wqy-microhei" in r.stderr
    assert "Traceback" not in r.stderr
    assert not (tmp_path / "c.png").exists()
