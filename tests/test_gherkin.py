"""The feature reader behind ``coverage`` and ``spec``: gherkin-official's parse as plain dataclasses."""

from __future__ import annotations

from pathlib import Path

import pytest

from lifemeeting.errors import GherkinError, Problem, SourceError
from lifemeeting.spec.gherkin import read_feature


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "a.feature"
    path.write_text(text, encoding="utf-8")
    return path


def test_reads_tags_background_outline_and_rows(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "# language: zh-CN\n"
        "@f\n"
        "功能: 会期\n"
        "  说明第一行\n"
        "\n"
        "  说明第二行\n"
        "\n"
        "  背景:\n"
        '    假如 规则集 "town-2014"\n'
        "\n"
        "  @clause:a @clause:b\n"
        "  场景大纲: 第 <n> 天\n"
        "    当 过了 <n> 天：\n"
        "      | 天  | 说明 \\| 备注 |\n"
        "      | <n> | x           |\n"
        '    那么 结论为 "<r>"\n'
        "\n"
        "    例子:\n"
        "      | n | r  |\n"
        "      | 1 | 是 |\n"
        "      | 2 | 否 |\n",
    )
    f = read_feature(path)
    assert (f.name, f.line, f.tags, f.language) == ("会期", 3, ["f"], "zh-CN")
    assert f.description == "说明第一行\n说明第二行"
    assert [(s.keyword, s.text, s.line) for s in f.background] == [("假如", '规则集 "town-2014"', 9)]
    (s,) = f.scenarios
    assert (s.name, s.line, s.tags, s.outline) == ("第 <n> 天", 12, ["clause:a", "clause:b"], True)
    assert s.steps[0].table == [["天", "说明 | 备注"], ["<n>", "x"]]
    assert [ex.line for ex in s.examples] == [18]
    filled = [(row, [st.text for st in steps], steps[0].table) for row, steps in s.expanded()]
    assert filled[1] == ({"n": "2", "r": "否"}, ["过了 2 天：", '结论为 "否"'], [["天", "说明 | 备注"], ["2", "x"]])


def test_english_keywords_and_doc_strings(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        'Feature: Plain\n  Scenario: One\n    Given a note:\n      """\n      first\n        indented\n'
        '      """\n    And more\n',
    )
    f = read_feature(path)
    assert f.language == "en"
    steps = f.scenarios[0].steps
    assert [(st.keyword, st.text) for st in steps] == [("Given", "a note:"), ("And", "more")]
    assert steps[0].docstring == "first\n  indented"
    assert not f.scenarios[0].outline


def test_a_full_width_colon_is_refused_at_file_line_column(tmp_path: Path) -> None:
    path = _write(tmp_path, '# language: zh-CN\n功能: 坏\n\n  场景: 一\n    假如 规则集 "town-2014"\n  场景：二\n')
    with pytest.raises(GherkinError) as caught:
        read_feature(path)
    assert isinstance(caught.value, SourceError)
    (problem,) = caught.value.problems
    assert (problem.file, problem.line, problem.column) == (str(path), 6, 3)
    assert str(caught.value).startswith(f"{path}:6:3: ")
    assert "场景：二" in problem.message and "ASCII colon" in problem.message


def test_every_fault_is_listed(tmp_path: Path) -> None:
    path = _write(tmp_path, "# language: zh-CN\n功能: 坏\n  场景: 一\n    假如 x\n      | a | b |\n      | c |\n")
    with pytest.raises(GherkinError) as caught:
        read_feature(path)
    assert caught.value.problems == [Problem(str(path), 6, 7, "inconsistent cell count within the table")]


@pytest.mark.parametrize(
    ("text", "where", "says"),
    [
        ("# language: xx-YY\n功能: x\n", (1, 1), "Language not supported: xx-YY"),
        ("\n", (1, 1), "no feature"),
    ],
)
def test_unknown_language_and_empty_file(tmp_path: Path, text: str, where: tuple[int, int], says: str) -> None:
    with pytest.raises(GherkinError) as caught:
        read_feature(_write(tmp_path, text))
    first = caught.value.problems[0]
    assert (first.line, first.column) == where and says in first.message


def test_gherkin_loads_only_when_a_feature_file_is_read() -> None:
    import subprocess
    import sys

    code = "import sys, lifemeeting.spec.pages; print(sorted(m for m in sys.modules if m.split('.')[0] == 'gherkin'))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
