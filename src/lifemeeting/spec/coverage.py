"""Clause coverage: is every normative clause of a source encoded and tested, or explained?

A rule set's ``clauses`` list its source passage by passage. A clause is *encoded* when a
rule's citation names it (``cite.clause``), *explained* when an ``unchecked`` entry does,
and *tested* when a feature scenario is tagged ``@clause:ID``. A rule is *exercised* when a
scenario of that rule set (and tier) names its id in a step or table — so every id the
answer can carry (gate, task, talk rule, link …) appears in some scenario that uses it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from lifemeeting.ruleset.load import LoadedRuleSet, load_ruleset
from lifemeeting.ruleset.model import Chain, RuleSet
from lifemeeting.spec.gherkin import Feature, read_features

CLAUSE_TAG = "clause:"
RULESET_STEP = re.compile(r'规则集\s*["“]([^"”]+)["”](?:\s*层级\s*["“]([^"”]+)["”])?')
IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
Status = Literal["tested", "untested", "explained", "missing", "informative"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ClauseCoverage(_Frozen):
    id: str
    section: str
    text: str
    status: Status = Field(
        description="tested: encoded and tested; untested: encoded, no scenario; "
        "explained: only unchecked; missing: neither; informative: not normative"
    )
    rules: list[str] = Field(description="the rules whose citation names it ('gates.plan_approved', …)")
    unchecked: list[str] = Field(description="the unchecked entries that explain it")
    scenarios: list[str] = Field(description="'FILE:LINE 场景名' of each scenario tagged with it")


class RuleCoverage(_Frozen):
    rule: str = Field(description="'gate:plan_approved', 'link:county_examination_review/city_group_review', …")
    name: str
    scenarios: list[str]


class SectionGap(_Frozen):
    section: str
    clauses: list[str]


class SourceCoverage(_Frozen):
    """One rule set against its source and the scenarios written for it."""

    ruleset: str
    version: str
    source: str
    file: str | None
    clauses: int = Field(description="passages in the inventory")
    normative: int
    encoded: int = Field(description="normative clauses some rule cites")
    tested: int = Field(description="normative clauses some scenario is tagged with")
    encoded_and_tested: int
    explained: int = Field(description="normative clauses not encoded but named by an unchecked entry with its reason")
    covered: int = Field(description="encoded and tested, or explained")
    percent: float
    uncovered: list[SectionGap] = Field(description="normative clauses not covered, by section")
    rules: int
    exercised: int
    rules_without_scenario: list[str]
    scenarios: int
    unknown_clause_tags: list[str] = Field(description="'TAG (FILE:LINE)' for tags naming no clause of this rule set")
    clause_detail: list[ClauseCoverage]
    rule_detail: list[RuleCoverage]


class Coverage(_Frozen):
    features: list[str]
    sources: list[SourceCoverage]
    warnings: list[str] = Field(default_factory=list)


@dataclass(frozen=True)
class Run:
    """One scenario (one example row of an outline) as coverage sees it."""

    label: str
    ruleset: str | None  # the id it runs under
    tier: str | None
    tokens: frozenset[str]
    clauses: frozenset[str]


def coverage(rulesets: list[LoadedRuleSet], features: list[Path]) -> Coverage:
    """Coverage of each rule set by the feature files under ``features``."""
    found = read_features([f for f in features if f.exists()])
    warnings: list[str] = []
    runs = list(_runs(found, warnings))
    return Coverage(
        features=[str(f) for f in features],
        sources=[source_coverage(rs, [r for r in runs if r.ruleset == rs.model.id]) for rs in rulesets],
        warnings=warnings,
    )


def source_coverage(loaded: LoadedRuleSet, runs: list[Run]) -> SourceCoverage:
    rs = loaded.model
    encoded_by, explained_by = _citations(rs)
    tested_by: dict[str, list[str]] = defaultdict(list)
    known = {c.id for c in rs.clauses}
    unknown = []
    for run in runs:
        for cid in sorted(run.clauses):
            if cid in known:
                if run.label not in tested_by[cid]:
                    tested_by[cid].append(run.label)
            else:
                unknown.append(f"{CLAUSE_TAG}{cid} ({run.label})")
    detail = []
    for c in rs.clauses:
        rules, reasons, scenarios = encoded_by.get(c.id, []), explained_by.get(c.id, []), tested_by.get(c.id, [])
        if not c.normative:
            status: Status = "informative"
        elif rules:
            status = "tested" if scenarios else "untested"
        else:
            status = "explained" if reasons else "missing"
        detail.append(
            ClauseCoverage(
                id=c.id,
                section=c.section,
                text=c.text,
                status=status,
                rules=rules,
                unchecked=reasons,
                scenarios=scenarios,
            )
        )
    normative = [d for d in detail if d.status != "informative"]
    gaps: dict[str, list[str]] = {}
    for d in normative:
        if d.status in ("untested", "missing"):
            gaps.setdefault(d.section, []).append(d.id)
    rule_detail = [
        RuleCoverage(rule=key, name=name, scenarios=[r.label for r in runs if hit(r)]) for key, name, hit in _rules(rs)
    ]
    covered = sum(d.status in ("tested", "explained") for d in normative)
    return SourceCoverage(
        ruleset=rs.id,
        version=rs.version,
        source=rs.source.number or rs.source.title,
        file=rs.source.file,
        clauses=len(detail),
        normative=len(normative),
        encoded=sum(bool(d.rules) for d in normative),
        tested=sum(bool(d.scenarios) for d in normative),
        encoded_and_tested=sum(d.status == "tested" for d in normative),
        explained=sum(d.status == "explained" for d in normative),
        covered=covered,
        percent=round(100.0 * covered / len(normative), 1) if normative else 0.0,
        uncovered=[SectionGap(section=s, clauses=ids) for s, ids in gaps.items()],
        rules=len(rule_detail),
        exercised=sum(bool(r.scenarios) for r in rule_detail),
        rules_without_scenario=[r.rule for r in rule_detail if not r.scenarios],
        scenarios=len({r.label for r in runs}),
        unknown_clause_tags=sorted(set(unknown)),
        clause_detail=detail,
        rule_detail=rule_detail,
    )


# -- what the rule set says ---------------------------------------------------------------------


def _citations(rs: RuleSet) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """clause id → the rules citing it, and → the unchecked entries explaining it."""
    encoded: dict[str, list[str]] = defaultdict(list)
    explained: dict[str, list[str]] = defaultdict(list)
    data = rs.model_dump(mode="json", by_alias=True, exclude={"clauses"})
    for where, cite in _cites(data, ()):
        refs = cite.get("clause") or []
        for cid in [refs] if isinstance(refs, str) else refs:
            target = explained if where[0].startswith("unchecked.") else encoded
            name = ".".join(where)
            if name not in target[cid]:
                target[cid].append(name)
    return encoded, explained


def _cites(node: Any, where: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], dict[str, Any]]]:
    """(path, cite) for every citation: ('gates.plan_approved',), ('chains.x', 'links.y', 'pre_sign'), ('meeting',) …"""
    if not isinstance(node, dict):
        return
    for key, value in node.items():
        if key == "cite" and isinstance(value, dict):
            yield where, value
        elif isinstance(value, dict):
            yield from _cites(value, where + (key,))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                ident = item.get("id") if isinstance(item, dict) else None
                yield from _cites(item, where + (f"{key}.{ident}" if ident else f"{key}[{i}]",))


def _rules(rs: RuleSet) -> Iterator[tuple[str, str, Callable[[Run], bool]]]:
    """(key, name, does-this-run-exercise-it) for every rule a scenario should exercise."""

    def named(ident: str, tiers: list[str] | None) -> Callable[[Run], bool]:
        return lambda r: ident in r.tokens and _tier_ok(tiers, r.tier)

    def link_named(chain: Chain, link_id: str) -> Callable[[Run], bool]:
        def hit(r: Run) -> bool:  # a link id is shared by chains: it counts beside its chain or material
            return link_id in r.tokens and bool({chain.id, chain.material} & r.tokens) and _tier_ok(chain.tiers, r.tier)

        return hit

    def chain_named(chain: Chain, links: list[Callable[[Run], bool]]) -> Callable[[Run], bool]:
        return lambda r: named(chain.id, chain.tiers)(r) or any(hit(r) for hit in links)

    kinds: list[tuple[str, list[Any]]] = [
        ("gate", rs.gates),
        ("task", rs.tasks),
        ("duty", rs.duties),
        ("talk", rs.talks),
        ("appraisal", rs.appraisals),
        ("order", rs.orders),
        ("material", rs.materials),
    ]
    for kind, items in kinds:
        for item in items:
            yield f"{kind}:{item.id}", item.name, named(item.id, getattr(item, "tiers", None))
    for a in rs.meeting.agenda:
        yield f"agenda:{a.id}", a.name, named(a.id, None)
    for c in rs.chains:
        links = [(link, link_named(c, link.id)) for link in c.links]
        yield f"chain:{c.id}", c.name, chain_named(c, [hit for _, hit in links])
        for link, hit in links:
            yield f"link:{c.id}/{link.id}", link.name, hit


def _tier_ok(tiers: list[str] | None, tier: str | None) -> bool:
    return tiers is None or tier is None or tier in tiers


# -- what the scenarios say -------------------------------------------------------------------


def _runs(features: list[Feature], warnings: list[str]) -> Iterator[Run]:
    for feature in features:
        for scenario in feature.scenarios:
            label = f"{feature.path}:{scenario.line} {scenario.name}"
            tags = [*feature.tags, *scenario.tags]
            clauses = frozenset(t[len(CLAUSE_TAG) :] for t in tags if t.startswith(CLAUSE_TAG))
            for _, steps in scenario.expanded():
                ref, tier = None, None
                tokens: set[str] = set()
                for step in [*feature.background, *steps]:
                    m = RULESET_STEP.search(step.text)
                    if m:
                        ref, tier = m.group(1), m.group(2) or tier
                    tokens.update(IDENT.findall(step.text))
                    for row in step.table or []:
                        for cell in row:
                            tokens.update(IDENT.findall(cell))
                if ref is None:
                    warnings.append(f"{feature.path}:{scenario.line}: no step names the rule set (假如 规则集 “…”)")
                    continue
                rid, tier_id = _resolve(ref, tier, feature.path.parent)
                yield Run(label=label, ruleset=rid, tier=tier_id, tokens=frozenset(tokens), clauses=clauses)


def _resolve(ref: str, tier: str | None, folder: Path) -> tuple[str | None, str | None]:
    """The rule-set id a feature names (by id, or by a file path beside it), and its tier's id."""
    if ref.endswith((".yaml", ".yml")):
        path = folder / ref if (folder / ref).exists() else Path(ref)
        if not path.exists():
            return None, tier
        ref = str(path)
    try:
        rs = load_ruleset(ref).model
    except (LookupError, ValueError):
        return None, tier
    if tier is not None:
        tier = next((t.id for t in rs.tiers if tier in (t.id, t.name)), tier)
    return rs.id, tier
