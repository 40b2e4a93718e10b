"""Fixes are applied only on request: safe ones with --fix, unsafe ones with --unsafe-fixes;
--diff shows them and writes nothing."""

from __future__ import annotations

from conftest import run_cli

TEXT = "Hi Ana,\n\nThank you, i enjoyed our talk. Its a great team.\n\nBest,\nSam\n"


def test_check_never_modifies_files(tmp_path):
    note = tmp_path / "note.md"
    note.write_text(TEXT)
    run_cli("check", str(note))
    assert note.read_text() == TEXT


def test_diff_shows_and_writes_nothing(tmp_path):
    note = tmp_path / "note.md"
    note.write_text(TEXT)
    result = run_cli("check", "--diff", str(note))
    assert "-Thank you, i enjoyed" in result.stderr and "+Thank you, I enjoyed" in result.stderr
    assert note.read_text() == TEXT


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
