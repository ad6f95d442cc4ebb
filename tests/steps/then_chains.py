"""那么 … 审核链: the ordered links a material passes, for a member of the case or for a position."""

from __future__ import annotations

from pytest_bdd import then

import lifemeeting as lm
from steps.context import World, items, rows, step, yes

TEAM_WORDS = {"team", "领导班子", "班子"}
KIND = {"审核": "review", "审阅": "read_through"}


def _member_chain(world: World, subject: str, material: str) -> lm.SubjectChain:
    member = "team" if subject in TEAM_WORDS else subject
    found = lm.case_chains(world.case(), member=member, material=material)
    assert len(found) == 1, f"expected one chain, got {[c.chain for c in found]}"
    return found[0]


def _position_chain(world: World, position: str, material: str) -> lm.SubjectChain:
    unit = world.unit.get("attributes", {})
    found = lm.subject_chains(
        world.ruleset, position=world.position_id(position), tier=world.tier, material=material, unit=unit
    )
    assert len(found) == 1, f"expected one chain, got {[c.chain for c in found]}"
    return found[0]


def _check_table(chain: lm.SubjectChain, chain_id: str, table: list[list[str]]) -> None:
    """序号 | 环节 | 名称 | 审核人 | 签字 | 性质 | 把关 | 条件 — one row per link, in order; empty cells unchecked."""
    assert chain.chain == chain_id, f"the material goes through '{chain.chain}', not '{chain_id}'"
    want = rows(table)
    got = [s.link for s in chain.steps]
    assert got == [r["环节"] for r in want], f"links {got}, expected {[r['环节'] for r in want]}"
    for s, r in zip(chain.steps, want, strict=True):
        where = f"link {s.link}"
        if r.get("序号"):
            assert r["序号"] in (s.mark, str(s.number)), f"{where}: number {s.mark}, not {r['序号']}"
        if r.get("名称"):
            assert s.name == r["名称"], f"{where}: name {s.name}, not {r['名称']}"
        if r.get("审核人"):
            assert [x.id for x in s.reviewers] == items(r["审核人"]), (
                f"{where}: reviewers {[x.id for x in s.reviewers]}"
            )
        if "签字" in r:
            signer = s.pre_sign.reviewer.id if s.pre_sign else ""
            assert signer == (r["签字"] if r["签字"] not in ("", "—", "-") else ""), (
                f"{where}: pre-sign by '{signer}', not '{r['签字']}'"
            )
        if r.get("性质"):
            assert s.kind == KIND.get(r["性质"], r["性质"]), f"{where}: kind {s.kind}, not {r['性质']}"
        if r.get("把关"):
            assert s.gate == yes(r["把关"]), f"{where}: gate {s.gate}, not {r['把关']}"
        if "条件" in r:
            text = s.condition.text if s.condition else ""
            assert text == (r["条件"] if r["条件"] not in ("—", "-") else ""), (
                f"{where}: condition '{text}', not '{r['条件']}'"
            )


def _check_links(chain: lm.SubjectChain, links: str) -> None:
    want = [] if links in ("无", "—", "") else items(links)
    got = [s.link for s in chain.steps]
    assert got == want, f"'{chain.subject.name}' passes {got} in '{chain.chain}', not {want}"


@then(step("{subject} 的 {material} 审核链为 {chain}"))
def then_member_chain(world: World, subject: str, material: str, chain: str, datatable: list[list[str]]) -> None:
    _check_table(_member_chain(world, subject, material), chain, datatable)


@then(step("{subject} 的 {material} 依次经过 {links}"))
def then_member_links(world: World, subject: str, material: str, links: str) -> None:
    _check_links(_member_chain(world, subject, material), links)


@then(step("职务 {position} 的 {material} 审核链为 {chain}"))
def then_position_chain(world: World, position: str, material: str, chain: str, datatable: list[list[str]]) -> None:
    _check_table(_position_chain(world, position, material), chain, datatable)


@then(step("职务 {position} 的 {material} 依次经过 {links}"))
def then_position_links(world: World, position: str, material: str, links: str) -> None:
    _check_links(_position_chain(world, position, material), links)
