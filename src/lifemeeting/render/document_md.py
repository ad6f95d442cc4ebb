"""The 方案 as Markdown: headings, tables of steps, chains, talk pairs and agenda, the rules cited at the end."""

from __future__ import annotations

from lifemeeting.answers.plan_document import PlanDocument, RatingPlan, Step

NUMBERS = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五")
NO_REVIEW = "各项材料提交即可：规则集没有为它们规定审核环节。"


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ") if text not in (None, "") else "—"


def _ref(number: int | None) -> str:
    return f"[{number}]" if number is not None else ""


def before_text(s: Step, otherwise: str = "") -> str:
    """The 会前须完成 cell: a precondition says 是; a soft rule (一般) says so, never as a precondition."""
    return "是" if s.before_meeting else "一般要求，不阻止召开" if s.soft else otherwise


def _table(headers: list[str], rows: list[list[object]]) -> list[str]:
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join(" --- " for _ in headers) + "|"]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return [*lines, ""]


def rating_lines(r: RatingPlan) -> list[str]:
    """A rating's plan in sentences: who is rated, the levels (Markdown and DOCX say the same)."""
    who = f"参加评定：{'、'.join(r.rated)}（共{len(r.rated)}人）" if r.rated else "参加评定：无"
    if r.unrated:
        who += f"；参加评议但不评定等次：{'、'.join(r.unrated)}"
    return [f"{who}。", f"等次（由高到低）：{'、'.join(r.levels)}。"]


def _rating(r: RatingPlan) -> list[str]:
    out = [f"{line}{_ref(r.ref) if n == 1 else ''}" for n, line in enumerate(rating_lines(r))]  # cite: the levels
    out = [p for line in out for p in (line, "")]
    if r.steps:
        out += ["### 步骤（依次进行）", ""]
        out += _table(
            ["序号", "步骤", "责任人", "时间", "依据"],
            [[n, s.name, s.owner, s.when, _ref(s.ref)] for n, s in enumerate(r.steps, 1)],
        )
    if r.limits:
        out += ["### 比例限制", ""] + [f"- {x.text}{_ref(x.ref)}" for x in r.limits] + [""]
    if r.duties:
        out += ["### 评定后的工作", ""] + [f"- {x.text}{_ref(x.ref)}" for x in r.duties] + [""]
    return out


def document_md(d: PlanDocument) -> str:
    """The whole 方案 as Markdown (GitHub tables)."""
    out = [f"# {d.title}", ""]
    sections = iter(NUMBERS)

    def heading(text: str) -> None:
        out.extend([f"## {next(sections)}、{text}", ""])

    heading("目的和依据")
    out += [*(p for para in d.purpose for p in (para, "")), ""][:-1]
    heading("时间和地点")
    out += [f"- 时间：{d.time} {_ref(d.time_ref)}".rstrip(), f"- 地点：{d.place}"]
    if d.chair:
        out.append(f"- 主持：{d.chair}")
    out.append("")
    heading("参加人员")
    if d.participants:
        out += [f"按规定参加：{'、'.join(d.participants)}。", ""]
    out += _table(["姓名", "职务", "分管"], [[a.name, a.position, a.oversees] for a in d.attendees])
    if d.others:
        out += ["有关方面：" + "；".join(f"{role}：{name}" if role else name for role, name in d.others) + "。", ""]
    heading("会前准备")
    out += _table(
        ["序号", "事项", "责任人", "时间", "会前须完成", "依据"],
        [[n, s.name, s.owner, s.when, before_text(s), _ref(s.ref)] for n, s in enumerate(d.preparation, 1)],
    )
    heading("材料审核")
    if d.chains:
        out += _table(
            ["材料", "谁的材料", "审核环节（依次）", "依据"],
            [[c.material, c.subjects, "<br>".join(c.steps), _ref(c.ref)] for c in d.chains],
        )
    else:
        out += [NO_REVIEW, ""]
    heading("谈心谈话")
    for number, t in enumerate(d.talks, 1):
        out += [f"### {number}. {t.name}（{t.when}）{_ref(t.ref)}", ""]
        out += _table(["序号", "谈话一方", "谈话另一方"], [[n, a, b] for n, (a, b) in enumerate(t.pairs, 1)])
    heading("会议议程")
    out += _table(
        ["序号", "议程", "发言人", "时间", "依据"],
        [[a.number, a.name, a.speaker, a.allowance, _ref(a.ref)] for a in d.agenda],
    )
    if d.agenda_total:
        out += [d.agenda_total + "。", ""]
    for rating in d.ratings:
        heading(rating.name)
        out += _rating(rating)
    heading("会后工作")
    out += _table(
        ["序号", "事项", "责任人", "时限", "依据"],
        [[n, s.name, s.owner, s.when, _ref(s.ref)] for n, s in enumerate(d.after, 1)],
    )
    if d.warnings:
        heading("注意")
        out += [f"- {w}" for w in d.warnings] + [""]
    heading("依据条款")
    out += [f"{r.number}. {r.document} {r.section}：“{r.quote}”" for r in d.refs] + [""]
    r = d.receipt
    out += [f"（本方案由 lifemeeting {r.engine} 依规则集 {r.ruleset} {r.version} sha256:{r.sha256[:12]} 生成。）", ""]
    return "\n".join(out)
