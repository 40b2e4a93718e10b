"""The pre-commit hook, installed by pre-commit itself from this repository (the only test that
reaches a package registry: pre-commit builds the hook's own environment)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git")


def _run(args, cwd, env):
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=1200)


def test_hook_fails_a_bad_note_and_passes_a_good_one(tmp_path):
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}
    notes = tmp_path / "notes"
    notes.mkdir()
    _run(["git", "init", "-q"], notes, env)
    bad = notes / "dana.md"
    bad.write_text("hey,\n\nwhen will i hear back about the job\n")
    good = notes / "omar.md"
    good.write_text((ROOT / "fixtures" / "drafts" / "good-analyst.md").read_text())
    _run(["git", "add", "."], notes, env)
    precommit = [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "thanklint", "--files"]

    failing = _run([*precommit, "dana.md"], notes, env)
    assert failing.returncode == 1, failing.stdout + failing.stderr
    assert "gratitude.missing-thanks" in failing.stdout

    passing = _run([*precommit, "omar.md"], notes, env)
    assert passing.returncode == 0, passing.stdout + passing.stderr
    assert "Passed" in passing.stdout
