"""Shared fixtures: the built-in rules and one linter (spaCy loads once per test session)."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from thanklint import metadata as md
from thanklint.config import Config, build_ruleset
from thanklint.draft import read_text
from thanklint.linter import Linter

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session", autouse=True)
def private_cache(tmp_path_factory):
    """Command-line runs cache their results: keep them out of the repository, in one folder
    per test session."""
    os.environ["THANKLINT_CACHE_DIR"] = str(tmp_path_factory.mktemp("thanklint-cache"))


@pytest.fixture(scope="session")
def ruleset():
    return build_ruleset(Config())


@pytest.fixture(scope="session")
def linter(ruleset):
    return Linter(ruleset)


@pytest.fixture(scope="session")
def lint(linter):
    """Lint one text (with optional metadata) and return its FileResult."""

    def run(text: str, meta: dict | None = None, path: str = "note.md"):
        draft = read_text(text, path)
        if meta:
            draft = replace(draft, meta=md.from_mapping(meta, path).merged(draft.meta))
        return linter.lint([draft])[0]

    return run


def run_cli(*args: str, stdin: str | None = None, cwd: Path | None = None, env: dict | None = None):
    """Run the installed command line in a subprocess, as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "thanklint", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        env=env,
        timeout=300,
    )


def rule_ids(result) -> set[str]:
    return {f.rule_id for f in result.findings}
