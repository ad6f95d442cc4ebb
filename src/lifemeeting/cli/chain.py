"""``lifemeeting chain``: the links a subject's material passes, or a tier's whole chain, with citations."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import click

from lifemeeting.answers.chain_model import Applicability, SubjectChain, TierChain
from lifemeeting.cli.text import table


def source_kind(
    source: str, member: str | None, *, position: str | None = None, tier: str | None = None, unit: tuple[str, ...] = ()
) -> str:
    """'case' or 'ruleset', from the options and the file; mixing the two kinds of question is a usage error."""
    from lifemeeting.cli.rulesets import _is_case

    path = Path(source)
    is_case = member is not None or (path.is_file() and _is_case(path))
    if is_case and member is None:
        raise click.UsageError(f"{source} is a case: say whose material with --member ID (a member id, or 'team')")
    if is_case and (position or tier or unit):
        raise click.UsageError(
            "for a case, the tier, positions and unit come from the case file; "
            "use --member, not --position/--tier/--unit-attr"
        )
    return "case" if is_case else "ruleset"


F = TypeVar("F", bound=Callable[..., object])


def subject_options(command: F) -> F:
    """SOURCE and the options that name whose chain: shared by ``chain`` and ``diagram``."""
    for option in reversed(
        [
            click.argument("source"),
            click.option("--tier", help="Tier id or name (rule sets with tiers)."),
            click.option(
                "--position", help="Position id, or its name as the rule set writes it; omit for the whole tier."
            ),
            click.option("--member", help="For a CASE file: a member id, or 'team'."),
            click.option("--material", help="Only this material's chain (id or name)."),
            click.option(
                "--unit-attr",
                "unit",
                multiple=True,
                metavar="NAME=VALUE",
                help="Fix a unit attribute, e.g. liaison_point=true (repeatable).",
            ),
        ]
    ):
        command = option(command)
    return command


@click.command()
@subject_options
@click.option("--json", "as_json", is_flag=True, help="Print JSON for programs.")
def chain(
    source: str,
    tier: str | None,
    position: str | None,
    member: str | None,
    material: str | None,
    unit: tuple[str, ...],
    as_json: bool,
) -> int:
    """Which links does a material pass? SOURCE is a RULESET (id or file) or a CASE file.

    \b
      lifemeeting chain RULESET --tier county --position county_secretary
      lifemeeting chain RULESET --tier county              (every link, and whom it applies to)
      lifemeeting chain CASE --member li
    """
    from lifemeeting.answers import chains as q

    answers: list[SubjectChain] | list[TierChain]
    if source_kind(source, member, position=position, tier=tier, unit=unit) == "case":
        answers = q.case_chains(source, member=member, material=material)  # type: ignore[arg-type]
    elif position is not None:
        answers = q.subject_chains(source, tier=tier, position=position, material=material, unit=unit)
    else:
        answers = q.tier_chains(source, tier=tier, material=material, unit=unit)
    if as_json:
        click.echo(json.dumps([a.model_dump(mode="json") for a in answers], ensure_ascii=False, indent=2))
    elif not answers:
        click.echo("没有审核链适用：材料提交即可。")
    else:
        click.echo(
            "\n\n".join(describe_subject(a) if isinstance(a, SubjectChain) else describe_tier(a) for a in answers)
        )
    return 0


def _where(a: SubjectChain | TierChain) -> str:
    tier = f"{a.tier_name}（{a.tier}）· " if a.tier else ""
    unit = "；单位属性：" + "，".join(f"{k}={str(v).lower()}" for k, v in a.unit.items()) if a.unit else ""
    return f"{a.ruleset} · {tier}{a.chain_name}（{a.chain}）{unit}"


def describe_subject(a: SubjectChain) -> str:
    """One subject's path, a row per link (and per pre-sign), the source words below."""
    who = f"{a.subject.name}（{a.subject.member or a.subject.position or a.subject.kind}）"
    out = [f"{who}的{a.material_name}", _where(a)]
    if not a.steps:
        return "\n".join([*out, "不经审核环节：提交即可。"])
    rows = []
    for s in a.steps:
        if s.pre_sign:
            ps = s.pre_sign
            rows.append(
                [
                    "",
                    f"签字把关：{ps.name}",
                    "签字",
                    ps.reviewer.name,
                    ps.condition.text if ps.condition else "-",
                    ps.citation.section,
                ]
            )
        rows.append(
            [
                s.mark,
                s.name,
                s.kind_name,
                "、".join(r.name for r in s.reviewers),
                s.condition.text if s.condition else "-",
                s.citation.section,
            ]
        )
    out.append(table(["环节", "名称", "类别", "审核人", "条件", "出处"], rows))
    always = "".join(s.mark for s in a.steps if not s.condition)
    maybe = "；".join(f"{s.mark}{s.condition.text}" for s in a.steps if s.condition)
    out.append(
        f"经过：{always or '无'}" + (f"；视单位而定：{maybe}（单位属性 {', '.join(a.depends_on)}）" if maybe else "")
    )
    out.append("依据：")
    for s in a.steps:
        if s.pre_sign:
            out.append(f"  签字把关 {s.pre_sign.citation.section}：“{s.pre_sign.citation.quote}”")
        out.append(f"  {s.mark} {s.citation.section}：“{s.citation.quote}”")
    out.append(f"  全链 {a.citation.document} {a.citation.section}：“{a.citation.quote}”")
    return "\n".join(out)


def describe_tier(a: TierChain) -> str:
    """Every link of a tier's chain and the positions it applies to, link by link, with the source words."""
    out = [f"{a.material_name}审核链，{len(a.links)}个环节", _where(a)]
    rows = [[x.mark, x.name, x.kind_name, "、".join(r.name for r in x.reviewers)] for x in a.links]
    out.append(table(["环节", "名称", "类别", "审核人"], rows))

    def names(items: list[Applicability]) -> str:
        return "、".join(x.subject.name + (f"（{x.condition.text}）" if x.condition else "") for x in items) or "无"

    for link in a.links:
        out.append("")
        out.append(f"{link.mark} {link.name}（{link.kind_name}：{'、'.join(r.name for r in link.reviewers)}）")
        if link.pre_sign:
            ps = link.pre_sign
            how = ps.name.removeprefix(ps.reviewer.name)
            out.append(f"   签字把关：{names(link.pre_sign_for)}，先由{ps.reviewer.name}{how}")
        out.append(f"   适用于：{names(link.applies_to)}")
        out.append(f"   依据 {link.citation.section}：“{link.citation.quote}”")
        if link.pre_sign:
            out.append(f"   签字把关依据 {link.pre_sign.citation.section}：“{link.pre_sign.citation.quote}”")
    out.append("")
    out.append(f"全链依据：{a.citation.document} {a.citation.section}：“{a.citation.quote}”")
    return "\n".join(out)
