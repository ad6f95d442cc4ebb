"""The 方案 as a Word document (python-docx), for Word and WPS.

Chinese text needs its East Asian font named in ``w:rFonts/@w:eastAsia``: python-docx's
``font.name`` sets only the Latin one, and Word would then fall back to whatever it likes.
Body text is 仿宋 (FangSong), headings 黑体 (SimHei), the title 方正小标宋简体 with 宋体 as the
fallback a reader without it sees; A4 with the margins of official documents (GB/T 9704).
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from lifemeeting.answers.plan_document import PlanDocument
from lifemeeting.render.document_md import NO_REVIEW, NUMBERS, before_text, rating_lines

BODY_FONT, HEADING_FONT, TITLE_FONT = "仿宋", "黑体", "宋体"


def _east_asian(style_or_run: Any, font: str, *, size: float | None = None, bold: bool | None = None) -> None:
    """Set ``font`` as the run's (or style's) Latin and East Asian font."""
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    f = style_or_run.font
    f.name = font
    if size is not None:
        f.size = Pt(size)
    if bold is not None:
        f.bold = bold
    f.color.rgb = RGBColor(0, 0, 0)
    rpr = style_or_run.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), font)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):  # a theme font would win over ours
        fonts.attrib.pop(qn(attr), None)


def _setup(doc: Any) -> None:
    from docx.shared import Cm, Pt

    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    styles = doc.styles
    _east_asian(styles["Normal"], BODY_FONT, size=14)
    styles["Normal"].paragraph_format.line_spacing = Pt(26)
    for level, size in ((1, 16), (2, 14)):
        style = styles[f"Heading {level}"]
        _east_asian(style, HEADING_FONT, size=size, bold=False)
        style.paragraph_format.space_before = Pt(12)
        style.paragraph_format.space_after = Pt(6)
        style.paragraph_format.line_spacing = Pt(28)
    table = styles["Table Grid"]
    _east_asian(table, BODY_FONT, size=10.5)


def _para(doc: Any, text: str, *, indent: bool = True) -> Any:
    from docx.shared import Pt

    p = doc.add_paragraph(text)
    if indent:
        p.paragraph_format.first_line_indent = Pt(28)
    return p


def _table(doc: Any, headers: list[str], rows: list[list[str]], widths: list[float]) -> Any:
    """A bordered table, its header row bold and repeated on each page, columns ``widths`` cm wide."""
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    table = doc.add_table(rows=1, cols=len(headers))
    table.style = doc.styles["Table Grid"]
    table.autofit = False
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        cell.text = ""
        run = cell.paragraphs[0].add_run(text)
        _east_asian(run, HEADING_FONT, size=10.5)
    header = table.rows[0]._tr.get_or_add_trPr()
    header.append(header.makeelement(qn("w:tblHeader"), {qn("w:val"): "true"}))
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            for number, line in enumerate((text or "—").split("\n")):
                p = cell.paragraphs[0] if number == 0 else cell.add_paragraph()
                _east_asian(p.add_run(line), BODY_FONT, size=10.5)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Cm(width)
            for p in cell.paragraphs:
                p.paragraph_format.line_spacing = Pt(16)
                p.paragraph_format.first_line_indent = None
    doc.add_paragraph()
    return table


def _ref(number: int | None) -> str:
    return f"[{number}]" if number is not None else ""


def document_docx(d: PlanDocument) -> bytes:
    """The whole 方案 as .docx bytes."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    doc = Document()
    _setup(doc)
    doc.core_properties.title = d.title
    doc.core_properties.author = "lifemeeting"
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_after = Pt(18)
    title.paragraph_format.line_spacing = Pt(36)
    _east_asian(title.add_run(d.title), TITLE_FONT, size=22, bold=True)
    sections = iter(NUMBERS)

    def heading(text: str) -> None:
        doc.add_heading(f"{next(sections)}、{text}", level=1)

    heading("目的和依据")
    for para in d.purpose:
        _para(doc, para)
    heading("时间和地点")
    _para(doc, f"时间：{d.time}{_ref(d.time_ref)}")
    _para(doc, f"地点：{d.place}")
    if d.chair:
        _para(doc, f"主持：{d.chair}")
    heading("参加人员")
    if d.participants:
        _para(doc, f"按规定参加：{'、'.join(d.participants)}。")
    _table(doc, ["姓名", "职务", "分管"], [[a.name, a.position, a.oversees] for a in d.attendees], [3, 6, 6.5])
    if d.others:
        _para(doc, "有关方面：" + "；".join(f"{role}：{name}" if role else name for role, name in d.others) + "。")
    heading("会前准备")
    _table(
        doc,
        ["序号", "事项", "责任人", "时间", "会前", "依据"],
        [
            [
                str(n),
                s.name,
                s.owner,
                s.when.replace("至", "至\n", 1),
                before_text(s, "否").replace("，", "，\n"),
                _ref(s.ref),
            ]
            for n, s in enumerate(d.preparation, 1)
        ],
        [1.2, 5.3, 3.2, 3.2, 1.2, 1.5],
    )
    heading("材料审核")
    if d.chains:
        _table(
            doc,
            ["材料", "谁的材料", "审核环节（依次）", "依据"],
            [[c.material, c.subjects, "\n".join(c.steps), _ref(c.ref)] for c in d.chains],
            [3, 3.1, 8, 1.5],
        )
    else:
        _para(doc, NO_REVIEW)
    heading("谈心谈话")
    for number, t in enumerate(d.talks, 1):
        doc.add_heading(f"（{NUMBERS[number - 1] if number <= len(NUMBERS) else number}）{t.name}", level=2)
        _para(doc, f"时间：{t.when}；共{len(t.pairs)}对。{_ref(t.ref)}")
        _table(
            doc,
            ["序号", "谈话一方", "谈话另一方"],
            [[str(n), a, b] for n, (a, b) in enumerate(t.pairs, 1)],
            [1.4, 7.1, 7.1],
        )
    heading("会议议程")
    _table(
        doc,
        ["序号", "议程", "发言人", "时间", "依据"],
        [[str(a.number), a.name, a.speaker, a.allowance, _ref(a.ref)] for a in d.agenda],
        [1.2, 6.5, 3.2, 3.2, 1.5],
    )
    if d.agenda_total:
        _para(doc, d.agenda_total + "。")
    for rating in d.ratings:
        heading(rating.name)
        for n, line in enumerate(rating_lines(rating)):
            _para(doc, line + (_ref(rating.ref) if n == 1 else ""))  # the levels: what the cite says
        parts = iter(NUMBERS)
        if rating.steps:
            doc.add_heading(f"（{next(parts)}）步骤（依次进行）", level=2)
            _table(
                doc,
                ["序号", "步骤", "责任人", "时间", "依据"],
                [[str(n), s.name, s.owner, s.when, _ref(s.ref)] for n, s in enumerate(rating.steps, 1)],
                [1.2, 5.3, 4.2, 3.6, 1.5],
            )
        for part, lines in (("比例限制", rating.limits), ("评定后的工作", rating.duties)):
            if lines:
                doc.add_heading(f"（{next(parts)}）{part}", level=2)
                for x in lines:
                    _para(doc, x.text + _ref(x.ref))
    heading("会后工作")
    _table(
        doc,
        ["序号", "事项", "责任人", "时限", "依据"],
        [[str(n), s.name, s.owner, s.when, _ref(s.ref)] for n, s in enumerate(d.after, 1)],
        [1.2, 6.2, 3.4, 3.3, 1.5],
    )
    if d.warnings:
        heading("注意")
        for w in d.warnings:
            _para(doc, w)
    heading("依据条款")
    for r in d.refs:
        p = doc.add_paragraph()
        p.paragraph_format.line_spacing = Pt(20)
        _east_asian(p.add_run(f"[{r.number}] {r.document} {r.section}：“{r.quote}”"), BODY_FONT, size=12)
    receipt = d.receipt
    _para(
        doc,
        f"（本方案由 lifemeeting {receipt.engine} 依规则集 {receipt.ruleset} {receipt.version}"
        f" sha256:{receipt.sha256[:12]} 生成。）",
    )
    stamp = dt.datetime.combine(d.meeting_date, dt.time()) if d.meeting_date else dt.datetime(2000, 1, 1)
    doc.core_properties.created = doc.core_properties.modified = stamp
    doc.core_properties.comments = ""
    buffer = io.BytesIO()
    doc.save(buffer)
    return _fixed_times(buffer.getvalue())


def _fixed_times(data: bytes) -> bytes:
    """The same zip with every entry dated 1980-01-01: the same 方案 gives the same bytes."""
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(
                zipfile.ZipInfo(info.filename, (1980, 1, 1, 0, 0, 0)), src.read(info.filename), zipfile.ZIP_DEFLATED
            )
    return out.getvalue()
