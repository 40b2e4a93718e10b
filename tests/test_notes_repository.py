"""A notes repository: only notes are judged as notes, a panel's notes are compared with the
notes already there, and a committed note is not judged against the clock forever."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess

import pytest
import yaml

from conftest import run_cli
from thanklint.config import from_mapping
from thanklint.draft import read_text
from thanklint.not_a_note import not_a_note

NOTE = """\
---
recipient: {name}
interviewers: [Dana Whitfield, Omar Reyes]
company: Northwind Labs
interviewed_at: 2026-11-02T15:00
---
Hi {first},

Thank you for meeting with me on Monday. When you described the churn dashboard your team rebuilt,
I thought of the retention model I built at Fabrikam, which cut monthly churn by 8%.

I remain very interested in joining Northwind Labs. I'd love to know how the analysts split their time.

Best regards,
Sam Rivera
"""
GIT_ENV = {
    **os.environ,
    "GIT_AUTHOR_NAME": "Sam",
    "GIT_AUTHOR_EMAIL": "s@example.com",
    "GIT_COMMITTER_NAME": "Sam",
    "GIT_COMMITTER_EMAIL": "s@example.com",
}
needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def _git(folder, *args):
    subprocess.run(["git", *args], cwd=folder, env=GIT_ENV, check=True, capture_output=True)


@pytest.mark.parametrize(
    ("pattern", "path", "excluded"),
    [
        ("README.md", "README.md", True),
        ("README.md", "docs/README.md", True),  # a bare file name matches in every folder
        ("prep/", "prep/northwind/questions.md", True),
        ("prep/*.md", "prep/a.md", True),
        ("prep/*.md", "notes/prep.md", False),
        ("*-draft.txt", "notes/dana-draft.txt", True),
        ("./archive/", "archive/old.md", True),
        ("archive/", "notes/archive.md", False),
    ],
)
def test_exclude_patterns(tmp_path, pattern, path, excluded):
    config = from_mapping({"exclude": [pattern]}, str(tmp_path / ".thanklint.yaml"))
    assert config.excludes(str(tmp_path / path)) is excluded
    assert not config.excludes(str(tmp_path.parent / "elsewhere" / path))  # only below the configuration


@pytest.mark.parametrize(
    ("text", "note"),
    [
        ("# Interview notes\n\nOne folder per company.\n", False),
        ("Questions to ask Northwind:\n\n- team size\n- on-call rota\n", False),
        ("Dana,\n\nI wanted to follow up on Monday's interview.\n", True),  # a greeting
        ("I wanted to follow up on Monday.\n\nBest,\nSam\n", True),  # a sign-off
        ("I really appreciated the tour of the lab on Monday.\n", True),  # thanks
        ("---\nrecipient: Dana Whitfield\n---\nwhen will i hear back\n", True),  # metadata says it is a note
        # Plain prose with no greeting, sign-off or thanks is a hurried note, not a document.
        ("Its been 3 weeks since the interview.\nA simple yes or no would be nice.\n", True),
        ("I completed the take-home ten days ago but have not heard anything yet.\n", True),
        # An issue titled with a heading that chases a submission is a follow-up.
        (
            "### Any update on my take-home?\n\nI sent the rota exercise on 9 April. It has been three weeks now.\n",
            True,
        ),
        ("# Prep for Northwind\n\n## Status of the project\n\n- team size\n- on-call rota\n", False),
        ("# Prep\n\nI have another offer from Acme, so ask about timing.\n\n- salary band\n- on-call rota\n", False),
    ],
)
def test_what_is_not_a_note(text, note):
    assert (not_a_note(read_text(text, "x.md")) is None) is note


def test_excluded_and_non_notes_are_skipped_once(tmp_path):
    (tmp_path / ".thanklint.yaml").write_text("exclude: [prep/]\n")
    (tmp_path / "prep").mkdir()
    (tmp_path / "prep" / "northwind.md").write_text("Thank Dana for the tour.\n")
    (tmp_path / "README.md").write_text("# Notes\n\nMy interview notes.\n")
    result = run_cli("check", "--format", "json", "README.md", "prep/northwind.md", cwd=tmp_path)
    assert result.returncode == 0
    files = json.loads(result.stdout)["files"]
    assert [(f["path"], f["skipped"], f["findings"]) for f in files] == [("README.md", files[0]["skipped"], [])]
    assert files[0]["skipped"].startswith("not a note")
    text = run_cli("check", "-q", ".", cwd=tmp_path).stdout
    assert (
        text
        == "./README.md: not a note (laid out as a document, with no greeting, sign-off, thanks or metadata); skipped\n"
    )


@needs_git
def test_panel_notes_are_compared_with_committed_notes(tmp_path):
    _git(tmp_path, "init", "-q")
    (tmp_path / "dana.md").write_text(NOTE.format(name="Dana Whitfield", first="Dana"))
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-qm", "dana")
    (tmp_path / "omar.md").write_text(NOTE.format(name="Omar Reyes", first="Omar"))
    result = run_cli("check", "--format", "json", "omar.md", cwd=tmp_path)
    (omar,) = json.loads(result.stdout)["files"]
    rules = {f["rule_id"]: f["message"] for f in omar["findings"]}
    assert "dana.md" in rules["personalization.duplicate-note"]  # a copy of the committed note
    assert "personalization.interviewer-without-note" not in rules  # Dana's note is in the repository
    assert "timing.late-thank-you" in rules  # a changed note is judged against the clock


@needs_git
def test_a_committed_unchanged_note_is_not_judged_against_the_clock(tmp_path):
    _git(tmp_path, "init", "-q")
    note = tmp_path / "dana.md"
    note.write_text(NOTE.format(name="Dana Whitfield", first="Dana"))
    assert "timing.late-thank-you" in run_cli("check", "dana.md", cwd=tmp_path).stdout  # untracked: judged
    _git(tmp_path, "add", ".")
    assert "timing.late-thank-you" in run_cli("check", "dana.md", cwd=tmp_path).stdout  # staged: judged
    _git(tmp_path, "commit", "-qm", "dana")
    committed = run_cli("check", "dana.md", cwd=tmp_path).stdout
    assert "timing.late-thank-you" not in committed
    assert "· timing (committed unchanged; needs sent_at)" in committed
    note.write_text(note.read_text().replace("interviewed_at", "sent_at: 2026-11-06T09:00\ninterviewed_at"))
    assert "timing.late-thank-you" in run_cli("check", "dana.md", cwd=tmp_path).stdout  # sent_at always counts


def test_readme_hook_snippet_names_real_hooks_and_a_release_tag():
    from conftest import ROOT
    from thanklint import __version__

    readme = (ROOT / "README.md").read_text()
    snippet = yaml.safe_load(re.search(r"### As a pre-commit hook.*?```yaml\n(.*?)```", readme, re.S).group(1))
    (repo,) = snippet["repos"]
    assert repo["rev"] == f"v{__version__}"  # releases are tagged v<version>
    manifest = {hook["id"]: hook for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    assert [hook["id"] for hook in repo["hooks"]] == ["thanklint-fix", "thanklint"]
    assert set(manifest) == {"thanklint", "thanklint-fix"} and "--fix" in manifest["thanklint-fix"]["entry"]
    exclude = re.compile(repo["hooks"][1]["exclude"])
    assert exclude.search("README.md") and exclude.search("prep/northwind.md") and not exclude.search("notes/dana.md")


def test_notes_compared_with_are_not_parsed(tmp_path, linter, monkeypatch):
    """Only the linted draft is parsed and checked; the notes it is compared with lend their text."""
    from thanklint import nlp
    from thanklint.draft import read_path

    for name in ("Dana Whitfield", "Omar Reyes"):
        (tmp_path / f"{name.split()[0].lower()}.md").write_text(NOTE.format(name=name, first=name.split()[0]))
    parsed: list[str] = []
    parse_many = nlp.parse_many
    monkeypatch.setattr(
        nlp, "parse_many", lambda model, texts, breaks: parsed.extend(texts) or parse_many(model, texts, breaks)
    )
    omar, dana = read_path(str(tmp_path / "omar.md")), read_path(str(tmp_path / "dana.md"))
    (result,) = linter.lint([omar], context=[dana])
    assert len(parsed) == 1 and "Hi Omar" in parsed[0]
    rules = {f.rule_id: f.message for f in result.findings}
    assert "dana.md" in rules["personalization.duplicate-note"]
    assert "personalization.interviewer-without-note" not in rules  # Dana's note counts as written
    together = {f for f in linter.lint([omar, dana])[0].findings if f.rule_id.startswith("personalization.")}
    assert {f for f in result.findings if f.rule_id.startswith("personalization.")} == together


def test_drafts_of_the_run_are_never_read_again_as_notes_to_compare(tmp_path):
    from thanklint.draft import read_path
    from thanklint.repository import companions

    (tmp_path / "dana.md").write_text(NOTE.format(name="Dana Whitfield", first="Dana"))
    (tmp_path / "plain.txt").write_text("Hi Ana,\n\nThank you for the tour.\n\nBest,\nSam\n")  # no interview named
    (tmp_path / "omar.md").write_text(NOTE.format(name="Omar Reyes", first="Omar"))  # not in the run
    run = [read_path(str(tmp_path / name)) for name in ("dana.md", "plain.txt")]
    read: list[str] = []

    def reading(path, companies):
        assert companies == {"northwind labs"}
        read.append(os.path.basename(path))
        return read_path(path)

    found = companions(run, reading, lambda folder: (".md", ".txt"))
    assert read == ["omar.md"] and [os.path.basename(d.path) for d in found] == ["omar.md"]


def test_a_draft_named_through_a_linked_folder_or_a_link_is_still_one_of_the_run(tmp_path, monkeypatch):
    """Folders are resolved once each, not once per draft: a draft named through a linked folder,
    through '..' after a link (which leads where the link's target leads, not back), or as a
    link itself is the same file the walk finds."""
    from thanklint.draft import read_path
    from thanklint.repository import companions

    notes = tmp_path / "far" / "notes"
    (tmp_path / "far" / "deep").mkdir(parents=True)
    notes.mkdir()
    (notes / "dana.md").write_text(NOTE.format(name="Dana Whitfield", first="Dana"))
    (notes / "omar.md").write_text(NOTE.format(name="Omar Reyes", first="Omar"))
    (tmp_path / "linked").symlink_to(notes)
    (tmp_path / "deep").symlink_to(tmp_path / "far" / "deep")  # deep/../notes is far/notes
    (tmp_path / "omar-link.md").symlink_to(notes / "omar.md")
    monkeypatch.chdir(tmp_path)
    read: list[str] = []
    for named in ("linked/dana.md", "deep/../notes/dana.md"):
        run = [read_path(named), read_path("omar-link.md")]
        companions(run, lambda path, companies: read.append(path) or read_path(path), lambda folder: (".md",))
        assert read == [], named


def test_saved_emails_are_parsed_only_when_a_sidecar_or_the_configuration_can_name_the_interview(tmp_path, monkeypatch):
    """A mail's headers never give the company or the interview date: a mail with a sidecar
    naming the interview is compared with, one without is passed over unread."""
    from thanklint import draft as draft_module
    from thanklint.api import Session

    body = NOTE.split("---\n", 2)[2]
    mail = "To: Dana Whitfield <dana@example.com>\nSubject: Thank you\n\n" + body.replace("{first}", "Dana")
    (tmp_path / "dana.eml").write_text(mail, encoding="utf-8")
    (tmp_path / "dana.yaml").write_text(
        "interviewers: [Dana Whitfield, Omar Reyes]\ncompany: Northwind Labs\ninterviewed_at: 2026-11-02T15:00\n"
    )
    (tmp_path / "elsewhere.eml").write_text(mail, encoding="utf-8")  # no sidecar: no interview
    (tmp_path / "omar.md").write_text(NOTE.format(name="Omar Reyes", first="Omar"))
    read: list[str] = []
    read_path = draft_module.read_path
    monkeypatch.setattr(draft_module, "read_path", lambda path: read.append(os.path.basename(path)) or read_path(path))
    (result,) = Session(jobs=1).lint([(str(tmp_path / "omar.md"), None)]).files
    assert "elsewhere.eml" not in read and "dana.eml" in read
    rules = {f.rule_id: f.message for f in result.findings}
    assert "dana.eml" in rules["personalization.duplicate-note"]  # the mail with a sidecar was compared


def test_notes_that_cannot_name_the_company_are_passed_over_unread(tmp_path, monkeypatch):
    """Only a note whose text holds every word of the company's name (in any case) is parsed
    to be compared; when the configuration names the company, every note may belong."""
    from thanklint import draft as draft_module
    from thanklint.api import Session

    (tmp_path / "omar.md").write_text(NOTE.format(name="Omar Reyes", first="Omar"))
    (tmp_path / "dana.md").write_text(
        NOTE.format(name="Dana Whitfield", first="Dana").replace("company: Northwind Labs", "company: NORTHWIND  labs")
    )
    (tmp_path / "other.md").write_text(
        NOTE.format(name="Dana Whitfield", first="Dana").replace("Northwind Labs", "Contoso Health")
    )
    (tmp_path / "plain.txt").write_text("Hi Ana,\n\nThank you for the tour.\n\nBest,\nSam\n")
    read: list[str] = []
    read_path = draft_module.read_path
    monkeypatch.setattr(draft_module, "read_path", lambda path: read.append(os.path.basename(path)) or read_path(path))
    Session(jobs=1).lint([(str(tmp_path / "omar.md"), None)])
    assert read == ["omar.md", "dana.md"]  # the draft linted, and the one note that may be a companion

    read.clear()
    (tmp_path / ".thanklint.yaml").write_text("metadata:\n  company: Northwind Labs\n")
    Session(jobs=1).lint([(str(tmp_path / "omar.md"), None)])
    assert sorted(read) == ["dana.md", "omar.md", "other.md", "plain.txt"]
