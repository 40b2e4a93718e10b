"""Hostile input: every case becomes an error record for that file alone, with its documented
code, and the good drafts beside it get exactly the findings they get when linted alone.

The committed cases live in `tests/hostile/`; special files (a FIFO, a link to /dev/zero, a
file too large to be a note) are made here at run time."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT
from thanklint import draft as draft_module
from thanklint.api import Session
from thanklint.cli import cli

HOSTILE = ROOT / "tests" / "hostile"
#: file -> the error code it must get (None: it is linted normally).
EXPECTED = {
    "alias-bomb.md": "metadata",
    "alias-in-front-matter.md": "metadata",
    "malformed-to-1.eml": "metadata",
    "malformed-to-2.eml": "metadata",
    "malformed-to-3.eml": "metadata",
    "sidecar-alias.eml": "metadata",
    "utf16.txt": "decode",
    "far-decision.md": None,
    "bom.eml": None,
    "bidi-and-escapes.md": None,
    "good.md": None,
    "good.eml": None,
    "huge.md": "too-long",
}
GOOD = ("good.md", "good.eml")


def _findings(result):
    return [(f.rule_id, f.start, f.end, f.message) for f in result.findings]


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """The fixture folder, plus special files that cannot be committed."""
    target = tmp_path_factory.mktemp("hostile") / "drafts"
    shutil.copytree(HOSTILE, target)
    os.mkfifo(target / "fifo.md")
    (target / "zero.md").symlink_to("/dev/zero")
    with open(target / "huge.md", "wb") as handle:  # sparse: no disk is used
        handle.truncate(draft_module.MAX_BYTES + 10)
    return target


@pytest.fixture(scope="module")
def report(folder):
    session = Session()
    return {Path(r.path).name: r for r in session.lint((p, None) for p in session.files([str(folder)])).files}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_case_gets_its_error_code(report, name):
    result = report[name]
    assert (result.error.code if result.error else None) == EXPECTED[name], result.error
    if result.error:
        named = str(Path(result.path).with_suffix(""))  # the draft, or its sidecar
        assert str(result.error).startswith(named), "the message names the file"
        assert len(str(result.error)) < 300, "no value is echoed at length"


def test_special_files_are_skipped_in_folders(report):
    assert "fifo.md" not in report and "zero.md" not in report
    assert set(report) == set(EXPECTED)


@pytest.mark.parametrize("name", GOOD)
def test_good_drafts_get_the_same_findings_as_alone(report, folder, name):
    alone = Session().lint([(str(folder / name), None)]).files[0]
    assert report[name].error is None and report[name].findings
    assert _findings(report[name]) == _findings(alone)


@pytest.mark.parametrize(
    ("name", "code", "words"),
    [
        ("fifo.md", "input", "is not a regular file"),
        ("zero.md", "input", "is not a regular file"),
        ("huge.md", "too-long", "longer than a note can be"),
    ],
)
def test_special_files_named_directly_are_reported(folder, name, code, words):
    result = Session().lint([(str(folder / name), None)]).files[0]
    assert result.error.code == code and words in str(result.error)


def test_an_endless_stdin_is_refused_as_too_long():
    with open("/dev/zero", "rb") as endless:
        result = CliRunner().invoke(cli, ["check", "--format", "json", "-"], input=endless)
    assert result.exit_code == 2
    assert '"code": "too-long"' in result.stdout


def test_details_of_the_cases(report):
    assert "save it as UTF-8" in str(report["utf16.txt"].error)
    assert "aliases (*name) are not allowed" in str(report["alias-in-front-matter.md"].error)
    assert "header 'To' is malformed" in str(report["malformed-to-2.eml"].error)
    assert report["bom.eml"].draft.meta.subject == "Thank you for Tuesday"  # the first header survives the BOM
    assert report["bom.eml"].draft.meta.recipient == "Dana Whitfield"


def test_an_unreadable_named_file_gets_the_unreadable_code(tmp_path, monkeypatch):
    note = tmp_path / "locked.md"
    note.write_text("Hi Ana,\n\nThank you.\n")
    real_open = open

    def denied(path, *args, **kwargs):
        if str(path) == str(note):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(draft_module, "open", denied, raising=False)
    monkeypatch.setattr(os, "access", lambda *args, **kwargs: False)  # as click would see it
    result = CliRunner().invoke(cli, ["check", "--format", "json", str(note)])
    assert result.exit_code == 2
    assert '"code": "unreadable"' in result.stdout and "Permission denied" in result.stdout


def test_an_unreadable_sidecar_is_an_error_for_its_draft(tmp_path, monkeypatch):
    shutil.copy(HOSTILE / "good.eml", tmp_path / "note.eml")
    (tmp_path / "note.yaml").write_text("company: Northwind\n")
    real_open = open

    def denied(path, *args, **kwargs):
        if str(path).endswith("note.yaml"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(draft_module, "open", denied, raising=False)
    result = Session().lint([(str(tmp_path / "note.eml"), None)]).files[0]
    assert result.error.code == "unreadable" and "note.yaml: cannot be read" in str(result.error)


def test_an_unlistable_folder_is_reported(tmp_path, monkeypatch):
    (tmp_path / "open").mkdir()
    (tmp_path / "open" / "a.md").write_text("Hi Ana,\n\nThank you for the talk.\n\nBest,\nSam\n")
    (tmp_path / "locked").mkdir()
    real_scandir = os.scandir

    def scandir(path="."):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    session = Session()
    results = session.lint((p, None) for p in session.files([str(tmp_path)]))
    errors = {Path(r.path).name: r.error for r in results.files if r.error}
    assert errors["locked"].code == "unreadable" and "the folder cannot be listed" in str(errors["locked"])
    assert any(Path(r.path).name == "a.md" and r.findings for r in results.files)
