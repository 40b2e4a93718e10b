"""Human formats never print a draft's or a file name's control characters raw: no escape
sequence reaches the terminal and no `::error` line reaches a GitHub Actions log."""

from __future__ import annotations

import json
import os
import re

import pytest
from click.testing import CliRunner

from conftest import run_process
from thanklint.cli import cli
from thanklint.terminal import visible

#: What a human format may print besides text: newlines and thanklint's own SGR colours.
_STRAY = re.compile(r"(?!\x1b\[[0-9;]*m)[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
HOSTILE = "Hi Ana,\n\nThank you \x1b]0;pwned\x07 for \x1b[2Jthe talk, i \u202eenjoyed it.\n\nBest,\nSam\n"


def check(*args, **kwargs):
    return CliRunner().invoke(cli, ["check", "--fail-on", "never", *args], **kwargs)


def test_visible_escapes_controls_and_bidi_but_keeps_tabs():
    assert visible("a\x1b[2Jb\tc\u202ed\x85\ud8ff") == "a\\x1b[2Jb\tc\\u202ed\\x85\\ud8ff"
    assert visible("one\r\ntwo\nthree\rfour", keep="\n") == "one\r\ntwo\nthree\\x0dfour"
    assert visible("name\udcff.md") == "name\\xff.md"  # an undecodable byte of a file name


@pytest.mark.parametrize("fmt", ["text", "full", "github"])
def test_draft_text_cannot_reach_the_terminal(tmp_path, fmt):
    note = tmp_path / "note.md"
    note.write_text(HOSTILE)
    result = check("--format", fmt, str(note))
    assert "proofreading.lowercase-i" in result.output
    assert not _STRAY.search(result.output), result.output
    if fmt == "full":
        assert "\\x1b]0;pwned\\x07" in result.output


def test_full_format_caret_stays_under_an_escaped_span(tmp_path):
    note = tmp_path / "note.md"
    note.write_text("Hi Ana,\n\nThank \x1b[0m you, i enjoyed it.\n\nBest,\nSam\n")
    lines = check("--format", "full", "--select", "proofreading.lowercase-i", str(note)).output.splitlines()
    source = next(i for i, line in enumerate(lines) if line.lstrip().startswith("3 |"))
    assert lines[source + 1].index("^") == lines[source].index(" i ") + 1


def test_a_file_name_cannot_inject_a_workflow_command(tmp_path):
    (tmp_path / "a\n::error file=x.md::injected.md").write_text("Hi Ana,\n\nthank you, i enjoyed it.\n\nBest,\nSam\n")
    for fmt in ("text", "full", "github"):
        output = check("--format", fmt, str(tmp_path)).output
        assert not any(line.startswith("::error file=x.md") for line in output.splitlines()), output
        assert "a\\x0a::error" in output or "a%0A%3A%3Aerror" in output


def test_error_messages_are_escaped_too(tmp_path):
    bad = tmp_path / "note\x1b[31m.md"
    bad.write_bytes(b"Hi \xff\n")
    result = check(str(bad))
    assert "note\\x1b[31m.md" in result.output and "\x1b[31m" not in result.output


def test_stdout_without_the_checklist_symbols_falls_back_to_ascii(tmp_path):
    note = tmp_path / "note.md"
    note.write_text("Hi Ana,\n\nThank you for the talk about the billing migration.\n\nBest,\nSam\n")
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    result = run_process("check", "--fail-on", "never", str(note), env=env)  # the encoding is the process's
    assert result.returncode == 0, result.stderr
    assert re.search(
        r"checklist \(thank-you\): [+x-] timing .*\+ gratitude .*\+ tone and proofreading\n", result.stdout
    ), result.stdout
    assert result.stdout.isascii()


def test_non_utf8_file_names_with_a_strict_utf8_stdout(tmp_path):
    folder = os.fsencode(tmp_path)
    with open(folder + b"/caf\xe9.md", "wb") as handle:
        handle.write(b"Hi Ana,\n\nThank you, i enjoyed it.\n\nBest,\nSam\n")
    env = {**os.environ, "PYTHONIOENCODING": "utf-8:strict"}
    text = run_process("check", "--fail-on", "never", str(tmp_path), env=env)
    assert text.returncode == 0, text.stderr
    assert "caf\\xe9.md:3:" in text.stdout
    for fmt in ("json", "sarif"):
        machine = run_process("check", "--fail-on", "never", "--format", fmt, str(tmp_path), env=env)
        assert machine.returncode == 0, machine.stderr
        json.loads(machine.stdout.encode("utf-8"))  # valid UTF-8 and valid JSON
