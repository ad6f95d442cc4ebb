"""Tools for people who write rule sets: quotes checked against the source text, messages a policy officer reads."""

from __future__ import annotations

import pytest
from conftest import FIXTURES

from lifemeeting.cli import main
from lifemeeting.source.quotes import missing_pieces, nearest, normal

WRITERS = FIXTURES / "writers"
RULESET, PLAN, NOTICE = "quotes.yaml", "plan.txt", "notice.txt"  # run in WRITERS: names as a writer types them


@pytest.fixture(autouse=True)
def _in_writers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(WRITERS)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run the CLI in-process as the shell would: exit code, stdout, stderr."""
    with pytest.raises(SystemExit) as info:
        main(list(args))
    out = capsys.readouterr()
    code = info.value.code
    return code if isinstance(code, int) else int(code is not None), out.out, out.err


def test_normal_folds_widths_and_white_space():
    """Full-width digits and brackets, line breaks and spaces do not make a quote differ from its source."""
    assert normal("方案于６月１日前\n报送（各地 可提前）") == normal("方案于6月1日前报送(各地可提前)")
    assert missing_pieces("会后15天内……抄送纪委", normal("会后15天内报送，同时抄送纪委")) == []
    assert missing_pieces("会后15天内……抄送组织部", normal("会后15天内报送，同时抄送纪委")) == ["抄送组织部"]


def test_nearest_gives_the_source_words_as_written():
    """The nearest passage is the source's own characters, line breaks closed up; nothing when nothing is close."""
    near = nearest("召开专题民主生活会议", "一、按照上级要求，召开专题\n民主生活会。")
    assert near is not None and near.passage == "召开专题 民主生活会"
    assert nearest("完全无关的文字内容", "一、按照上级要求，召开专题民主生活会。") is None


def test_validate_source_names_each_missing_quote_with_the_nearest_passage(capsys):
    """A misquote is FILE:LINE:COL with the quote and the passage it is nearest to; exit 1."""
    code, out, err = run(capsys, "validate", RULESET, "--source", PLAN)
    assert code == 1
    assert out.splitlines() == [
        f"{RULESET}:33:31: quote not found in {PLAN}: '未报送方案的，不得召开会议';"
        " nearest passage: '未报送方案的，不得召开'"
    ]
    assert f"{RULESET}: 1 quote(s) of '某市委通知' not checked: give --source '某市委通知=TEXT_FILE'" in err


def test_validate_source_per_document(capsys, tmp_path):
    """DOCUMENT=TEXT_FILE checks the quotes whose cite names that document; a good rule set exits 0."""
    fixed = tmp_path / "fixed.yaml"
    fixed.write_text(
        (WRITERS / "quotes.yaml").read_text(encoding="utf-8").replace("不得召开会议", "不得召开"), encoding="utf-8"
    )
    code, out, err = run(capsys, "validate", str(fixed), "--source", PLAN, "--source", f"某市委通知={NOTICE}")
    assert (code, out) == (0, "")
    assert err == f"{fixed}: ok\n"
    other = tmp_path / "notice.txt"
    other.write_text("四、会后15天内将会议情况报送上级党委。", encoding="utf-8")
    code, out, _ = run(capsys, "validate", str(fixed), "--source", PLAN, "--source", f"某市委通知={other}")
    assert code == 1
    assert out == f"{fixed}:23:31: quote not found in {other}: '抄送纪委'; nothing in the text is close\n"


def test_validate_source_given_twice_is_a_usage_error(capsys):
    """Two texts for one document cannot both be right: exit 2, naming both."""
    code, _, err = run(capsys, "validate", RULESET, "--source", PLAN, "--source", NOTICE)
    assert code == 2
    assert f"--source given twice for the rule set's own source (a bare TEXT_FILE): {PLAN} and {NOTICE}" in err
