"""Bulk readiness: one day, many cases (stored by id, or given inline), with the summary ``lifemeeting bulk`` gives."""

from __future__ import annotations

from fastapi import APIRouter

from lifemeeting.bulk.run import Outcome
from lifemeeting.bulk.summary import Summary
from lifemeeting.errors import LifemeetingError
from lifemeeting.ruleset.load import available
from lifemeeting.service.deps import TheStore, Who
from lifemeeting.service.errors import ERROR_RESPONSES, ErrorOut, ServiceError, from_library
from lifemeeting.service.models import BulkAnswer, BulkItem, BulkReadiness, BulkSummary

router = APIRouter(prefix="/v1", tags=["readiness"], responses=ERROR_RESPONSES)


@router.post("/readiness", response_model=BulkAnswer, summary="Readiness of many cases on one day, and a summary")
def bulk_readiness(body: BulkReadiness, store: TheStore, who: Who) -> BulkAnswer:
    from lifemeeting.answers.open import can_convene

    items: list[BulkItem] = []
    summary = Summary()
    for case_id in body.case_ids:
        try:
            if not who.sees(case_id):
                raise ServiceError(403, "forbidden", f"'{who.name}' does not see case '{case_id}'")
            items.append(BulkItem(case=case_id, readiness=store.with_case(case_id, lambda o: o.can_convene(body.on))))
        except (LifemeetingError, ServiceError) as exc:
            items.append(BulkItem(case=case_id, error=_error(exc)))
    for i, case in enumerate(body.cases):
        label = f"cases[{i}]"
        try:
            if case.ruleset not in available():
                raise ServiceError(
                    422,
                    "unknown_ruleset",
                    f"unknown rule set '{case.ruleset}'; known: {', '.join(sorted(available()))}",
                )
            items.append(BulkItem(case=label, readiness=can_convene(case, on=body.on)))
        except (LifemeetingError, ServiceError) as exc:
            items.append(BulkItem(case=label, error=_error(exc)))
    for item in items:
        summary.add(Outcome(item.case, item.readiness, item.error.message if item.error else None))
    return BulkAnswer(on=body.on, answers=items, summary=BulkSummary.model_validate(summary.as_dict()))


def _error(exc: LifemeetingError | ServiceError) -> ErrorOut:
    return exc.out if isinstance(exc, ServiceError) else from_library(exc)
