"""Chain questions: which links does this subject's material pass, and whom does each link serve?

Every answer is read off ``_chains.path_for`` — the same paths the engine replays events
on. When the question leaves a unit attribute open (is this county the secretary's
联系点?), the path is taken for each value it could have, and a link found on only some
of those paths is reported as conditional, with the condition in words.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from typing import Any, Literal, TypedDict

from lifemeeting.answers.chain_model import (
    KIND_NAMES,
    Applicability,
    ChainStep,
    Condition,
    KindName,
    PreSignStep,
    Reviewer,
    SubjectChain,
    SubjectRef,
    TierChain,
    TierLink,
    circled,
)
from lifemeeting.answers.resolve import material_named, parse_unit, resolve_position, resolve_tier, tier_chain_list
from lifemeeting.engine.answer_model import CitationOut
from lifemeeting.engine.chains import Path, path_for
from lifemeeting.errors import QueryError
from lifemeeting.ruleset import predicate as _predicate
from lifemeeting.ruleset.load import LoadedRuleSet, load_ruleset
from lifemeeting.ruleset.model import Chain, Citation, Link, RuleSet
from lifemeeting.ruleset.subjects import Subject, assignments, chain_unit_keys, condition_text, relevant, subjects
from lifemeeting.suggest import did_you_mean

RuleSetRef = LoadedRuleSet | str | os.PathLike[str]


def _loaded(ruleset: RuleSetRef) -> LoadedRuleSet:
    return ruleset if isinstance(ruleset, LoadedRuleSet) else load_ruleset(ruleset)


def cite(rs: RuleSet, c: Citation) -> CitationOut:
    """A rule's citation with the document spelt out, as answers give it."""
    src = rs.source
    document = c.document or (f"{src.number}《{src.title}》" if src.number else f"《{src.title}》")
    return CitationOut(document=document, section=c.section, quote=c.quote)


def writes(rs: RuleSet, material_id: str, subject: Subject, units: list[dict[str, Any]]) -> bool:
    """Whether a subject writes its own ``material`` (in some unit it could sit in)."""
    m = next(m for m in rs.materials if m.id == material_id)
    if subject.kind == "team":
        return m.team
    return m.members is not None and any(_predicate.matches(m.members, subject.attributes, u) for u in units)


# -- one subject --------------------------------------------------------------------------
class LinkFields(TypedDict):
    """The fields ``ChainStep`` and ``TierLink`` share."""

    number: int
    mark: str
    link: str
    name: str
    kind: Literal["review", "read_through"]
    kind_name: KindName
    gate: bool
    reviewers: list[Reviewer]


def _link_fields(rs: RuleSet, link: Link, number: int) -> LinkFields:
    """What a subject's step and a tier's link both say about one link of a chain."""
    return {
        "number": number,
        "mark": circled(number),
        "link": link.id,
        "name": link.name,
        "kind": link.kind,
        "kind_name": KIND_NAMES[link.kind],
        "gate": link.is_gate,
        "reviewers": [_reviewer(rs, r) for r in link.reviewers],
    }


def _reviewer(rs: RuleSet, role: str) -> Reviewer:
    return Reviewer(id=role, name=next((r.name for r in rs.roles if r.id == role), role))


def _condition(rs: RuleSet, free: list[str], units: list[dict[str, Any]], holds: list[bool]) -> Condition | None:
    if all(holds):
        return None
    keys = relevant(free, units, holds, rs)
    when: list[dict[str, Any]] = []
    for u, h in zip(units, holds, strict=True):
        w = {k: u[k] for k in keys}
        if h and w not in when:
            when.append(w)
    return Condition(when=when, text=condition_text(when, rs))


def steps_of(
    rs: RuleSet, chain: Chain, paths: list[Path], free: list[str], units: list[dict[str, Any]]
) -> list[ChainStep]:
    """The links found on any of ``paths`` (one per unit), each with the condition it needs."""
    out = []
    for number, link in enumerate(chain.links, start=1):
        on = [any(s.number == number and not s.pre_sign for s in p.steps) for p in paths]
        if not any(on):
            continue
        pre = None
        if link.pre_sign:
            signed = [any(s.number == number and s.pre_sign for s in p.steps) for p in paths]
            if any(signed):
                ps = link.pre_sign
                pre = PreSignStep(
                    name=ps.name,
                    reviewer=_reviewer(rs, ps.reviewer),
                    condition=None
                    if signed == on
                    else _condition(rs, free, units, signed),  # None: whenever the link applies
                    citation=cite(rs, ps.cite),
                )
        out.append(
            ChainStep(
                **_link_fields(rs, link, number),
                pre_sign=pre,
                condition=_condition(rs, free, units, on),
                citation=cite(rs, link.cite),
            )
        )
    return out


def _answer(
    rs: RuleSet,
    tier: str | None,
    ref: SubjectRef,
    chain: Chain,
    unit: dict[str, Any],
    free: list[str],
    steps: list[ChainStep],
) -> SubjectChain:
    material = next(m for m in rs.materials if m.id == chain.material)
    depends = sorted(
        {
            k
            for s in steps
            for c in (s.condition, s.pre_sign.condition if s.pre_sign else None)
            if c
            for w in c.when
            for k in w
        }
    )
    return SubjectChain(
        ruleset=rs.id,
        tier=tier,
        tier_name=next((t.name for t in rs.tiers if t.id == tier), None),
        subject=ref,
        material=material.id,
        material_name=material.name,
        chain=chain.id,
        chain_name=chain.name,
        unit=unit,
        depends_on=[k for k in free if k in depends],
        steps=steps,
        citation=cite(rs, chain.cite),
    )


def _ref(s: Subject) -> SubjectRef:
    return SubjectRef(kind=s.kind, position=s.position.id if s.position else None, name=s.name)  # type: ignore[arg-type]


def chain_of(rs: RuleSet, tier: str | None, subject: Subject, chain: Chain, unit: dict[str, Any]) -> SubjectChain:
    """One subject's path through one chain, with the links that depend on open unit attributes marked."""
    free, units = assignments(rs, chain_unit_keys(chain), unit)
    paths = [path_for(chain, subject.attributes, u) for u in units]
    return _answer(rs, tier, _ref(subject), chain, unit, free, steps_of(rs, chain, paths, free, units))


def subject_chains(
    ruleset: RuleSetRef,
    *,
    position: str,
    tier: str | None = None,
    material: str | None = None,
    unit: Mapping[str, Any] | Iterable[str] | None = None,
) -> list[SubjectChain]:
    """The chains the material of ``position`` passes in ``tier`` (every one it writes, or just ``material``).

    ``position`` is a position id or its Chinese name; ``unit`` fixes unit attributes
    (``{"liaison_point": True}`` or ``["liaison_point=true"]``); links that depend on an
    attribute left open come back with a ``condition``.
    """
    rs = _loaded(ruleset).model
    tier_id = resolve_tier(rs, tier)
    subject = resolve_position(rs, tier_id, position)
    given = parse_unit(rs, unit)
    out = []
    for chain in tier_chain_list(rs, tier_id, material):
        _, units = assignments(rs, chain_unit_keys(chain), given)
        if not writes(rs, chain.material, subject, units):
            if material is not None:
                raise QueryError(
                    f"{subject.name} ('{subject.position.id if subject.position else subject.kind}') "
                    f"does not write a '{chain.material}' under rule set '{rs.id}'"
                )
            continue
        out.append(chain_of(rs, tier_id, subject, chain, given))
    return out


# -- a whole tier -------------------------------------------------------------------------
def tier_chains(
    ruleset: RuleSetRef,
    *,
    tier: str | None = None,
    material: str | None = None,
    unit: Mapping[str, Any] | Iterable[str] | None = None,
) -> list[TierChain]:
    """Every chain of ``tier``: each link with the positions whose material passes it, and under what condition."""
    rs = _loaded(ruleset).model
    tier_id = resolve_tier(rs, tier)
    given = parse_unit(rs, unit)
    out = []
    for chain in tier_chain_list(rs, tier_id, material):
        _, units = assignments(rs, chain_unit_keys(chain), given)
        answers = [
            chain_of(rs, tier_id, s, chain, given)
            for s in subjects(rs, [tier_id] if tier_id else None)
            if writes(rs, chain.material, s, units)
        ]
        out.append(_tier_answer(rs, tier_id, chain, given, answers))
    return out


def _tier_answer(
    rs: RuleSet, tier: str | None, chain: Chain, unit: dict[str, Any], answers: list[SubjectChain]
) -> TierChain:
    links = []
    for number, link in enumerate(chain.links, start=1):
        applies, signs, pre = [], [], None
        for a in answers:
            step = next((s for s in a.steps if s.number == number), None)
            if step is None:
                continue
            applies.append(Applicability(subject=a.subject, condition=step.condition))
            if step.pre_sign is not None:
                pre = step.pre_sign.model_copy(update={"condition": None})
                signs.append(Applicability(subject=a.subject, condition=step.pre_sign.condition or step.condition))
        links.append(
            TierLink(
                **_link_fields(rs, link, number),
                applies_to=applies,
                pre_sign=pre,
                pre_sign_for=signs,
                citation=cite(rs, link.cite),
            )
        )
    material = next(m for m in rs.materials if m.id == chain.material)
    return TierChain(
        ruleset=rs.id,
        tier=tier,
        tier_name=next((t.name for t in rs.tiers if t.id == tier), None),
        material=material.id,
        material_name=material.name,
        chain=chain.id,
        chain_name=chain.name,
        unit=unit,
        subjects=[a.subject for a in answers],
        links=links,
        citation=cite(rs, chain.cite),
    )


# -- a member of a case -------------------------------------------------------------------
def case_chains(case: Any, *, member: str, material: str | None = None) -> list[SubjectChain]:
    """The chains a case member's (or, with ``member='team'``, the team's) materials pass in that case.

    ``case`` is a case file, mapping, ``Case`` or ``OpenCase``; the unit is the case's, so
    nothing is conditional. The paths are the very ones its events are replayed on.
    """
    from lifemeeting.answers.open import OpenCase, read_case
    from lifemeeting.engine.view import TEAM, CaseView

    if isinstance(case, OpenCase):
        view = case.view
    else:
        c, located = read_case(case)
        view = CaseView(load_ruleset(c.ruleset), c, located=located)
    rs = view.rules
    if member != TEAM and member not in view.members:
        raise QueryError(
            f"unknown member '{member}'{did_you_mean(member, set(view.members) | {TEAM})}; "
            f"members: {', '.join(view.members)} (or 'team')"
        )
    wanted = material_named(rs, material).id if material is not None else None
    out = []
    for (mid, subject), slot in view.slots.items():
        if subject != member or (wanted and mid != wanted) or (wanted is None and not slot.path.chain.links):
            continue
        chain = slot.path.chain
        steps = steps_of(rs, chain, [slot.path], [], [view.unit])
        attrs = view.subjects[subject]
        ref = SubjectRef(
            kind=attrs["kind"],
            position=attrs.get("position"),
            member=None if subject == TEAM else subject,
            name=view.subject_label(subject),
        )
        out.append(_answer(rs, view.tier, ref, chain, dict(view.unit), [], steps))
    if wanted and not out:
        raise QueryError(f"{view.subject_label(member)} does not write a '{wanted}' under rule set '{rs.id}'")
    return out
