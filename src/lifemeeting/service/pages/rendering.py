"""How a page is drawn: the Jinja environment, its filters (dates in words, events as text, ids as names) and
``render``; diagrams as SVG, or as Mermaid text when Graphviz is missing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, select_autoescape

from lifemeeting.case.model import Event
from lifemeeting.engine.stages import STAGE_NAMES
from lifemeeting.errors import LifemeetingError
from lifemeeting.ruleset.words import CONSEQUENCES, MEETING, ORDER, RATING, deadline
from lifemeeting.service.auth import Actor, Auth

EVENT_TYPES = {
    "talk": "谈心谈话",
    "submitted": "报送材料",
    "signed": "签字",
    "approved": "审核通过",
    "returned": "退回修改",
    "done": "完成任务",
    "held": "召开会议",
    "appraised": "测评",
    "rated": "评定等次",
    "ordered": "上级要求",
    "retracted": "撤销事件",
}
"""What the recording form offers; the trail names every type (``EVENT_NAMES``)."""
EVENT_NAMES = EVENT_TYPES | {"attended": "出席情况", "granted": "批准"}
STATUS_NAMES = {"done": "已完成", "open": "未完成", "overdue": "已逾期", "due": "待办", "late": "逾期完成"}
EVENT_FIELDS = {
    "between": "双方",
    "task": "任务",
    "material": "材料",
    "subject": "谁的",
    "link": "环节",
    "by": "审核人",
    "reason": "理由",
    "appraisal": "测评",
    "satisfied": "满意",
    "total": "总数",
    "ratings": "等次",
    "order": "要求",
    "note": "备注",
    "approval": "批准事项",
    "rework": "退回方式",
    "resubmit_by": "重新报送期限",
    "present": "出席",
    "on_leave": "请假",
    "guests": "列席",
    "retracts": "撤销",
}
REWORK = {"revise": "修改", "rewrite": "重新撰写"}
ROUND_KINDS = {"initial": "首次", "redo": "重做", "reconvene": "重新召开"}

env = Environment(
    loader=PackageLoader("lifemeeting.service.pages", "templates"),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)


def due_text(spec: Any, counted_from: str = MEETING) -> str:
    """A rule's date in the words ``lifemeeting show`` uses (``ruleset.words.deadline``): '会前15个工作日',
    '评定后3个月内', '2014年5月25日前'; '—' for none."""
    return "—" if spec is None else deadline(spec, counted_from)


def event_text(event: Event, names: dict[str, str] | None = None) -> str:
    """An event's fields but type and date, ids shown as names: '双方：刘志远—吴国庆；备注：…'; '—' for none."""
    names = names or {}
    data = event.model_dump(mode="json", exclude_none=True, exclude={"type", "date"})
    shown = []
    for k, v in data.items():
        if k == "retracts":
            text = f"第{v}条"
        elif k == "rework":
            text = REWORK.get(v, v)
        elif isinstance(v, dict):  # a rating: member → level
            text = "、".join(f"{names.get(m, m)}（{names.get(str(lv), str(lv))}）" for m, lv in v.items())
        elif isinstance(v, list):
            text = ("—" if k == "between" else "、").join(names.get(str(x), str(x)) for x in v)
        else:
            text = names.get(str(v), str(v))
        shown.append(f"{EVENT_FIELDS.get(k, k)}：{text}")
    return "；".join(shown) or "—"


def named(ids: list[str], names: dict[str, str]) -> str:
    return "—".join(names.get(i, i) for i in ids)


env.filters["named"] = named
env.filters["due"] = due_text
# what a relative deadline counts from (|due(RATING)), what an order does
env.globals.update(MEETING=MEETING, RATING=RATING, ORDER=ORDER, CONSEQUENCES=CONSEQUENCES)
env.filters["event_text"] = event_text
env.globals.update(event_types=EVENT_TYPES, event_names=EVENT_NAMES, status_names=STATUS_NAMES)
env.globals.update(stage_names=STAGE_NAMES, round_kinds=ROUND_KINDS, rework_names=REWORK)


def render(request: Request, template: str, code: int = 200, **context: Any) -> HTMLResponse:
    actor: Actor | None = getattr(request.state, "page_actor", None)
    auth: Auth = request.app.state.auth
    html = env.get_template(template).render(request=request, actor=actor, open=auth.open, **context)
    return HTMLResponse(html, status_code=code)


def diagram(draw: Callable[[str], str | bytes]) -> tuple[str, str]:
    """SVG from Graphviz, else the Mermaid text of the same graph."""
    try:
        svg = draw("svg")
        text = svg.decode("utf-8") if isinstance(svg, bytes) else svg
        start = text.find("<svg")
        return text[start:] if start >= 0 else text, "svg"
    except LifemeetingError:
        drawn = draw("mermaid")
        return drawn.decode("utf-8") if isinstance(drawn, bytes) else drawn, "mermaid"
