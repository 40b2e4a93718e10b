"""Fixes are applied only on request: safe ones with --fix, unsafe ones with --unsafe-fixes;
--diff shows them and writes nothing."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from conftest import run_cli
from thanklint.findings import Finding, Severity
from thanklint.fixes import apply_fixes, fixable, make_fix

TEXT = "Hi Ana,\n\nThank you, i enjoyed our talk. Its a great team.\n\nBest,\nSam\n"


def test_check_never_modifies_files(tmp_path):
    note = tmp_path / "note.md"
    note.write_text(TEXT)
    run_cli("check", str(note))
    assert note.read_text() == TEXT


def test_diff_prints_the_patch_alone_with_relative_paths(tmp_path):
    (tmp_path / "notes").mkdir()
    note = tmp_path / "notes" / "note.md"
    note.write_text(TEXT)
    for named in ("notes/note.md", str(note)):  # a relative or an absolute path: the same patch
        result = run_cli("check", "--diff", named, cwd=tmp_path)
        assert result.stdout.startswith("--- a/notes/note.md\n+++ b/notes/note.md\n"), result.stdout
        assert "-Thank you, i enjoyed" in result.stdout and "+Thank you, I enjoyed" in result.stdout
        assert "proofreading" not in result.stdout and "checklist" not in result.stdout  # no findings mixed in
    assert note.read_text() == TEXT
    if shutil.which("git"):
        subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
        (tmp_path / "fix.patch").write_text(result.stdout)
        subprocess.run(["git", "apply", "fix.patch"], cwd=tmp_path, check=True)
        assert note.read_text() == TEXT.replace(" i ", " I ")


def test_fix_applies_only_safe_fixes(tmp_path):
    note = tmp_path / "note.md"
    note.write_text(TEXT)
    result = run_cli("check", "--fix", str(note))
    assert note.read_text() == TEXT.replace(" i ", " I ")
    assert "proofreading.lowercase-i" not in result.stdout  # the report is of the fixed file
    assert "proofreading.its-it-is" in result.stdout


def test_unsafe_fixes(tmp_path):
    note = tmp_path / "note.md"
    note.write_text(TEXT)
    run_cli("check", "--fix", "--unsafe-fixes", str(note))
    assert note.read_text() == TEXT.replace(" i ", " I ").replace("Its a", "It's a")


def test_fix_keeps_crlf_and_bom(tmp_path):
    note = tmp_path / "note.txt"
    raw = "\ufeff" + TEXT.replace("\n", "\r\n")
    note.write_bytes(raw.encode("utf-8"))
    run_cli("check", "--fix", str(note))
    assert note.read_bytes().decode("utf-8") == raw.replace(" i ", " I ")


def test_fixes_delete_and_insert(tmp_path):
    note = tmp_path / "note.md"
    note.write_text(
        "Hi Ana,\n\nThx for meeting with me today. Pls pass my thanks to Omar.\n\nBest,\nSam\n\nSent from my iPhone\n"
    )
    run_cli("check", "--fix", str(note))
    assert (
        note.read_text()
        == "Hi Ana,\n\nThanks for meeting with me today. Please pass my thanks to Omar.\n\nBest,\nSam\n"
    )


def _finding(start, end, fix):
    return Finding(1, start + 1, "x.y", 1, end + 1, start, end, "tone", Severity.WARNING, "m", fix)


@pytest.mark.parametrize("replacement", ["St. Brigid's", "St. Brigid’s"])
def test_a_fix_never_doubles_a_possessive(replacement):
    text = "I enjoyed the tour of St. Bridget's new wing."
    start = text.index("St.")
    fix = make_fix(text, start, start + len("St. Bridget"), True, replacement)
    assert apply_fixes(text, [_finding(start, start + 11, fix)]) == "I enjoyed the tour of St. Brigid's new wing."


def test_deleting_a_whole_line_takes_the_blank_lines_before_it():
    text = "Best,\nSam\n\n  Sent from my phone\n"
    start = text.index("Sent")
    fix = make_fix(text, start, len(text) - 1, True, "")
    assert apply_fixes(text, [_finding(start, len(text) - 1, fix)]) == "Best,\nSam\n"
    assert fix.replacement == ""


def test_edits_give_the_span_its_new_text_and_overlapping_fixes_wait():
    text = "Best regards,\nsam rivera\n"
    start = text.index("sam")
    fix = make_fix(text, start, start + 10, True, edits=[(start, start + 1, "S"), (start + 4, start + 5, "R")])
    assert fix.replacement == "Sam Rivera" and len(fix.edits) == 2
    other = make_fix(text, start + 4, start + 10, True, "Rivers")
    first, second = _finding(start, start + 10, fix), _finding(start + 4, start + 10, other)
    assert fixable([first, second], unsafe=False) == [first]
    assert apply_fixes(text, [first]) == "Best regards,\nSam Rivera\n"
    full_stop = make_fix("We spoke", 3, 8, True, edits=[(8, 8, ".")])
    assert full_stop.replacement == "spoke." and fixable([first, _finding(3, 8, full_stop)], False)


def test_a_deleted_whole_line_at_the_start_takes_the_blank_lines_after_it():
    text = "Sent from my phone  \n\n\nHi Ana,\n"
    fix = make_fix(text, 0, text.index("  \n"), True, "")
    assert apply_fixes(text, [_finding(0, 18, fix)]) == "Hi Ana,\n"
    edit = make_fix(text, 5, 9, True, "").edits[0]
    assert (edit.start, edit.end) == (5, 9)  # not a whole line: only the span


class _CountingText(str):
    """A text that counts the characters its slices copy."""

    copied = 0

    def __getitem__(self, key):
        part = str.__getitem__(self, key)
        _CountingText.copied += len(part)
        return part


def test_a_fix_reads_only_the_text_around_it(monkeypatch):
    """Deleting words of a long one-line draft once copied the text before each of them."""
    text = _CountingText("word " * 4000)
    monkeypatch.setattr(_CountingText, "copied", 0)
    for at in range(0, len(text), 50):
        make_fix(text, at, at + 5, True, "")
    assert _CountingText.copied < 100 * len(text) // 50


def test_choosing_fixes_compares_each_edit_with_its_neighbours_only(monkeypatch):
    """Thousands of fixes once compared every edit with every edit taken before it."""
    import thanklint.fixes as fixes_module

    calls = []
    real = fixes_module._overlap
    monkeypatch.setattr(fixes_module, "_overlap", lambda edit, taken: calls.append(1) or real(edit, taken))
    text = "word " * 3000
    findings = [_finding(at, at + 4, make_fix(text, at, at + 4, True, "Word")) for at in range(0, len(text), 5)]
    overlapping = [_finding(at, at + 6, make_fix(text, at, at + 6, True, "x")) for at in range(2, len(text) - 6, 500)]
    assert fixable(findings + overlapping, unsafe=False) == findings
    assert len(calls) < 4 * len(findings)
