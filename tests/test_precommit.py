"""The pre-commit hooks in a notes repository, installed by pre-commit itself from this
checkout (`repo: local`, with the hooks of `.pre-commit-hooks.yaml`; the only test that reaches
a package registry: pre-commit builds the hooks' own environment once for the module)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
import yaml

from conftest import ROOT

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git")

NOTE = """\
---
recipient: {name}
interviewers: [Dana Whitfield, Omar Reyes, Sarah Kim]
company: Northwind Labs
role: Data Analyst
interviewed_at: 2026-11-02T15:00
---
Hi {first},

Thank you for meeting with me on Monday about the Data Analyst role. {moment}

I remain very interested in joining Northwind Labs. {question}

Best regards,
Sam Rivera
"""
DANA = NOTE.format(
    name="Dana Whitfield",
    first="Dana",
    moment="When you described the churn dashboard your team rebuilt, I thought of the retention model I built "
    "at Fabrikam, which cut monthly churn by 8%.",
    question="I'd love to know how the analysts split their time between requests and longer projects.",
)
OMAR = NOTE.format(
    name="Omar Reyes",
    first="Omar",
    moment="Your question about testing pricing changes reminded me of the A/B tests I ran on our checkout "
    "page, which lifted conversion by 3%.",
    question="Could you tell me which experiments the team plans for next quarter?",
)


def _git(notes, *args, env):
    return subprocess.run(["git", *args], cwd=notes, env=env, capture_output=True, text=True, timeout=1200)


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    """A notes repository with both hooks installed from this checkout."""
    home = tmp_path_factory.mktemp("precommit")
    notes = home / "notes"
    notes.mkdir()
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(home / "cache"),
        "NO_COLOR": "1",
        "GIT_AUTHOR_NAME": "Sam",
        "GIT_AUTHOR_EMAIL": "sam@example.com",
        "GIT_COMMITTER_NAME": "Sam",
        "GIT_COMMITTER_EMAIL": "sam@example.com",
    }
    _git(notes, "init", "-q", env=env)
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    local = [{**hook, "additional_dependencies": [str(ROOT)]} for hook in hooks]
    (notes / ".pre-commit-config.yaml").write_text(yaml.safe_dump({"repos": [{"repo": "local", "hooks": local}]}))
    # Prep notes are excluded by the configuration; a copied note is an error here.
    (notes / ".thanklint.yaml").write_text("exclude: [prep/]\nseverity: {personalization.duplicate-note: error}\n")
    installed = subprocess.run(
        [sys.executable, "-m", "pre_commit", "install", "--install-hooks"],
        cwd=notes,
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr
    return notes, env


def _commit(repo, *files):
    notes, env = repo
    _git(notes, "add", *files, env=env)
    result = _git(notes, "commit", "-q", "-m", "notes", env=env)
    return result.returncode, result.stdout + result.stderr


def test_readme_prep_notes_and_good_notes_pass(repo):
    notes, _ = repo
    (notes / "README.md").write_text("# Interview notes\n\nOne folder per company; drafts are linted on commit.\n")
    (notes / "prep").mkdir()
    # Prep notes mention thanks, so only the configuration's `exclude` keeps them out.
    (notes / "prep" / "northwind.md").write_text(
        "Questions to ask Northwind:\n\n- team size\n- on-call\n- thank Dana for the tour\n"
    )
    (notes / "northwind").mkdir()
    (notes / "northwind" / "dana.md").write_text(DANA)
    (notes / "northwind" / "omar.md").write_text(OMAR)
    code, output = _commit(repo, ".")
    assert code == 0, output
    assert "README.md: not a note" in output  # reported once, and skipped
    assert "prep/northwind.md" not in output  # excluded by the configuration


def test_a_copied_panel_note_committed_alone_is_caught_and_the_cause_named(repo):
    notes, _ = repo
    sarah = DANA.replace("recipient: Dana Whitfield", "recipient: Sarah Kim").replace("Hi Dana,", "Hi Sarah,")
    (notes / "northwind" / "sarah.md").write_text(sarah)
    code, output = _commit(repo, "northwind/sarah.md")
    assert code != 0, output
    assert (
        "personalization.duplicate-note" in output and "northwind/dana.md" in output
    )  # compared with the committed note
    assert "personalization.interviewer-without-note" not in output  # Dana and Omar have committed notes
    own = output.split("thanklint (apply safe fixes)")[0]  # the lint hook's section of the output
    last = [line for line in own.splitlines() if line.strip()][-1]
    assert last == "1 error in northwind/sarah.md blocks the commit (--fail-on error)", output
    _git(notes, "reset", "-q", "northwind/sarah.md", env=repo[1])
    (notes / "northwind" / "sarah.md").unlink()


def test_the_fix_hook_applies_safe_fixes(repo):
    notes, _ = repo
    note = notes / "contoso.md"
    text = (
        "---\nrecipient: Li Wei\ncompany: Contoso\ninterviewed_at: 2026-11-09\nsent_at: 2026-11-09T18:00\n---\n"
        "Hi Li,\n\nThx for showing me around the Contoso warehouse today. Seeing the new picking robots, i thought "
        "of the routing tool I built for our night shift, which cut walking time by a fifth.\n\nI would love to "
        "join your operations team. How will the robots change the shift plan next year?\n\n"
        "Best regards,\nSam Rivera\n\nSent from my iPhone\n"
    )
    note.write_text(text)
    code, output = _commit(repo, "contoso.md")
    assert code != 0 and "files were modified by this hook" in output, output
    fixed = (
        text.replace("Thx for", "Thanks for")
        .replace(", i thought", ", I thought")
        .replace("\n\nSent from my iPhone\n", "\n")
    )
    assert note.read_text() == fixed
    code, output = _commit(repo, "contoso.md")
    assert code == 0, output


def test_committed_notes_are_not_late_forever(repo):
    notes, env = repo
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "thanklint", "--all-files"],
        cwd=notes,
        env=env,
        capture_output=True,
        text=True,
        timeout=1200,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "timing.late-thank-you" not in result.stdout  # sent long ago; unchanged since committed
