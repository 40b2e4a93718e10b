"""`--fix` never loses a draft: the fixed text goes to a temporary file that replaces the draft
only once it is complete on disk, and a draft edited meanwhile is left alone."""

from __future__ import annotations

import errno
import os
import stat

from click.testing import CliRunner

from thanklint import safewrite
from thanklint.cli import cli
from thanklint.findings import Edit, Finding, Fix, Severity
from thanklint.fixes import converge, write_back

TEXT = "Hi Ana,\n\nThank you, i enjoyed our talk about the billing migration.\n\nBest,\nSam\n"
FIXED = TEXT.replace(" i ", " I ")


def fix(*paths):
    return CliRunner().invoke(cli, ["check", "--fix", "--fail-on", "never", *map(str, paths)])


def test_a_write_that_fails_half_way_leaves_the_draft_intact(tmp_path, monkeypatch):
    note = tmp_path / "note.md"
    note.write_text(TEXT)

    def disk_full(descriptor):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(safewrite.os, "fsync", disk_full)
    result = fix(note)
    assert note.read_text() == TEXT
    assert f"{note}: not fixed: cannot be written: No space left on device" in result.stderr
    assert result.exit_code == 2
    assert sorted(os.listdir(tmp_path)) == ["note.md"]  # no temporary file left behind


def test_a_failed_file_does_not_stop_the_others(tmp_path, monkeypatch):
    first, second = tmp_path / "a.md", tmp_path / "b.md"
    first.write_text(TEXT)
    second.write_text(TEXT)
    first.chmod(0o444)
    result = fix(first, second)
    assert first.read_text() == TEXT and second.read_text() == FIXED
    assert f"{first}: not fixed: cannot be written: the file is read-only" in result.stderr
    assert result.exit_code == 2


def test_fix_keeps_mode_and_symlink(tmp_path):
    real = tmp_path / "real.md"
    real.write_text(TEXT)
    real.chmod(0o640)
    link = tmp_path / "link.md"
    link.symlink_to(real)
    fix(link)
    assert link.is_symlink() and real.read_text() == FIXED
    assert stat.S_IMODE(real.stat().st_mode) == 0o640


def test_a_draft_edited_after_it_was_read_is_not_overwritten(tmp_path):
    note = tmp_path / "note.md"
    note.write_text(TEXT)
    note.write_text(TEXT + "P.S. edited in the editor\n")  # the linted text is TEXT
    assert write_back(str(note), TEXT, FIXED) == "changed since it was read; run again"
    assert note.read_text().endswith("P.S. edited in the editor\n")


def test_a_draft_saved_during_the_write_is_not_overwritten(tmp_path, monkeypatch):
    note = tmp_path / "note.md"
    note.write_text(TEXT)
    real_fsync = os.fsync

    def editor_saves_meanwhile(descriptor):
        real_fsync(descriptor)
        with open(note, "a") as handle:
            handle.write("more")

    monkeypatch.setattr(safewrite.os, "fsync", editor_saves_meanwhile)
    assert write_back(str(note), TEXT, FIXED) == "changed since it was read; run again"
    assert note.read_text() == TEXT + "more"
    assert sorted(os.listdir(tmp_path)) == ["note.md"]


def test_the_changed_file_message_reaches_the_user(tmp_path, monkeypatch):
    note = tmp_path / "note.md"
    note.write_text(TEXT)
    monkeypatch.setattr(
        "thanklint.fixes.write_back", lambda path, before, after: "changed since it was read; run again"
    )
    result = fix(note)
    assert f"{note}: not fixed: changed since it was read; run again" in result.stderr
    assert note.read_text() == TEXT


def _finding(start, end, replacement):
    return Finding(
        1,
        start + 1,
        "proofreading.spelling",
        1,
        end + 1,
        start,
        end,
        "proofreading",
        Severity.WARNING,
        "m",
        Fix(replacement, True, (Edit(start, end, replacement),)),
    )


def test_fixes_are_applied_until_nothing_changes():
    """A fix that reveals another (the parse changes once a word is corrected) is applied in
    the same run, so a second run has nothing left to fix."""
    reveals = {"teh cat adn dog": [_finding(12, 15, "the")], "teh cat and dog": [_finding(0, 3, "the")]}
    text, count = converge(lambda t: reveals.get(t, []), "teh cat adn dog", [_finding(8, 11, "and")], unsafe=False)
    assert (text, count) == ("the cat and dog", 2)


def test_a_second_fix_run_changes_nothing(tmp_path):
    note = tmp_path / "note.md"
    note.write_text(
        "Hi Ana,\n\nThank you for the intervew. I realy enjoyed it, i think Comunication matters.\n\nBest,\nSam\n"
    )
    CliRunner().invoke(cli, ["check", "--fix", "--unsafe-fixes", str(note)])
    once = note.read_text()
    result = CliRunner().invoke(cli, ["check", "--fix", "--unsafe-fixes", str(note)])
    assert note.read_text() == once and "fixed" not in result.stderr
    assert "interview" in once and " I think" in once
