"""Output that used to be subtly wrong: BOMs, trailing spaces, lone CRs, line separators in
JSON lines, SARIF URIs, and an internal error without a reason."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from thanklint import api
from thanklint import cli as cli_module
from thanklint.api import lint_text
from thanklint.cli import cli
from thanklint.draft import LineIndex, read_text
from thanklint.layout import find_layout
from thanklint.linter import prepare_text

NOTE = "---\nrecipient: Dana\n---\nHi Dana,\n\nThank you for the talk, i enjoyed it.\n\nBest,\nSam\n"


def spans(result):
    return [(f.rule_id, f.start, f.end, f.line, f.column) for f in result.findings]


def test_lint_text_and_the_command_line_agree_on_a_leading_bom(tmp_path):
    note = tmp_path / "note.md"
    note.write_bytes(("\ufeff" + NOTE).encode("utf-8"))
    from_api = lint_text("\ufeff" + NOTE, path="note.md")
    from_file = api.Session().lint([(str(note), None)]).files[0]
    assert from_api.draft.meta.recipient == "Dana"  # front matter after the BOM is read
    assert spans(from_api) == spans(from_file) == spans(lint_text(NOTE, path="note.md"))


def test_trailing_spaces_do_not_merge_paragraphs():
    for ending in ("\n", "\r\n"):
        text = f"Hi Ana,{ending}{ending}Para one. {ending}{ending}Para two.\t{ending}{ending}Best,{ending}Sam{ending}"
        layout = find_layout(text)
        assert [text[p.start : p.end] for p in layout.paragraphs] == ["Para one.", "Para two."]


def test_lone_cr_paragraphs_are_laid_out_as_any_others():
    lf = "Hi Ana,\n\nThank you for the tour.\n\nI enjoyed meeting the team.\n\nBest,\nSam\n"
    cr = lf.replace("\n", "\r")
    assert spans(lint_text(cr, path="note.txt")) == spans(lint_text(lf, path="note.txt"))
    parsed_layout = prepare_text(read_text(cr, "note.txt"))[1]
    assert [cr[p.start : p.end] for p in parsed_layout.paragraphs] == [
        "Thank you for the tour.",
        "I enjoyed meeting the team.",
    ]


def test_a_lone_cr_is_a_line_break_everywhere():
    index = LineIndex("one\rtwo\r\nthree\nfour")
    assert [index.position(o) for o in (0, 4, 9, 15)] == [(1, 1), (2, 1), (3, 1), (4, 1)]
    text = "Hi Ana,\r\rThank you, i enjoyed it.\r\rBest,\rSam\r"
    result = lint_text(text, path="note.txt", select=("proofreading.lowercase-i",))
    (finding,) = result.findings
    assert (finding.line, finding.column) == (3, 12)
    full = CliRunner().invoke(
        cli, ["check", "--format", "full", "--select", "proofreading.lowercase-i", "-"], input=text.encode()
    )
    assert "   3 | Thank you, i enjoyed it.\n" in full.output


def test_json_lines_stay_one_line_each():
    text = "Hi Ana,\n\nThank you, i enjoyed it, i think.\n\nBest,\nSam\n"
    name = "a\u2028b\u2029c\x85d.md"
    args = ["check", "--format", "jsonl", "--select", "proofreading", "--stdin-filename", name, "-"]
    lines = CliRunner().invoke(cli, args, input=text.encode()).stdout.splitlines()
    assert len(lines) == 2 and all(json.loads(line)["path"] == name for line in lines)


def test_sarif_uris_are_percent_encoded(tmp_path):
    note = tmp_path / "my note #2 (100%)?.md"
    note.write_text("Hi Ana,\n\nThank you, i enjoyed it.\n\nBest,\nSam\n")
    sarif = json.loads(CliRunner().invoke(cli, ["check", "--format", "sarif", str(note)]).stdout)
    uri = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri.endswith("/my%20note%20%232%20%28100%25%29%3F.md")


def test_a_memory_error_has_a_reason(monkeypatch, capsys):
    def exhausted(*args, **kwargs):
        raise MemoryError()

    monkeypatch.setattr(cli_module, "cli", exhausted)
    monkeypatch.setattr("sys.argv", ["thanklint", "check", "x.md"])
    try:
        cli_module.main()
    except SystemExit as exit_:
        assert exit_.code == 2
    assert "internal error: MemoryError: ran out of memory" in capsys.readouterr().err


def test_a_decision_date_at_the_end_of_the_calendar_is_checked_not_crashed():
    text = "Hi Dana,\n\nI wanted to follow up on my interview. Could you share any news?\n\nBest,\nSam\n"
    meta = {"kind": "follow-up", "interviewed_at": "2026-11-02", "sent_at": "2026-11-20", "decision_date": "9999-12-31"}
    result = lint_text(text, metadata=meta, select=("timing",))
    assert result.error is None
    assert any("The decision was expected on 9999-12-31" in f.message for f in result.findings)


def test_read_text_drops_the_bom_like_a_file_read():
    assert read_text("\ufeffHi", "n.txt").text == "Hi"


def test_the_command_leaves_after_flushing_and_running_the_exit_handlers(monkeypatch):
    steps = []
    monkeypatch.setattr(cli_module, "main", lambda: sys.exit(1))
    monkeypatch.setattr(cli_module.atexit, "_run_exitfuncs", lambda: steps.append("exit handlers"))
    monkeypatch.setattr(sys.stdout, "flush", lambda: steps.append("flush"))

    def leave(code):
        steps.append(code)
        raise SystemExit(code)  # stands in for os._exit, which would end the test run

    monkeypatch.setattr(cli_module.os, "_exit", leave)
    with pytest.raises(SystemExit):
        cli_module.entry()
    assert steps == ["flush", "exit handlers", "flush", 1]  # again after the handlers, for what they wrote


def test_the_command_in_a_process_writes_its_whole_report_and_exit_code(tmp_path):
    for n in range(12):
        (tmp_path / f"note-{n}.md").write_text(f"hey,\n\nwhen will i hear back about the job {n}\n")
    result = subprocess.run(
        [sys.executable, "-m", "thanklint", "check", "--format", "json", str(tmp_path)],
        capture_output=True,
        timeout=300,
    )
    assert result.returncode == 1, result.stderr
    assert len(json.loads(result.stdout)["files"]) == 12
