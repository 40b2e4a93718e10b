"""Shared fixtures: the built-in rules and one linter (spaCy loads once per test session)."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass, replace
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


@pytest.fixture
def new_version(monkeypatch):
    """Run as a new version of thanklint would (whose code digest differs)."""
    from thanklint import cachefiles

    monkeypatch.setattr(cachefiles, "__version__", "99.0.0")
    cachefiles.code_digest.cache_clear()
    yield
    cachefiles.code_digest.cache_clear()


@pytest.fixture(scope="session")
def ruleset():
    return build_ruleset(Config())


@pytest.fixture(scope="session")
def sample_texts():
    """One draft of every labelled set (each set has its own kind of text; the n-th set gives
    its n-th draft, so good letters, fragments and faulty drafts all come up, and more would
    only lengthen the run) and some hostile inputs: text to compare thanklint's faster pipeline
    steps with spaCy's own on."""
    folders = sorted((ROOT / "tests").glob("eval*/drafts"))
    paths = [
        drafts[n % len(drafts)]
        for n, folder in enumerate(folders)
        if (drafts := sorted(p for p in folder.iterdir() if p.is_file()))
    ] + sorted(p for p in (ROOT / "tests" / "hostile").rglob("*") if p.is_file())[:10]
    return [path.read_text(encoding="utf-8", errors="replace") for path in paths]


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


@dataclass
class Ran:
    """What a command-line run left behind, the same for in-process and subprocess runs."""

    returncode: int
    stdout: str
    stderr: str


def run_cli(*args: str, stdin: str | None = None, cwd: Path | None = None, env: dict | None = None) -> Ran:
    """Run the command line in this process (click's CliRunner), as a user would see it: exit
    code, standard output and standard error. An unexpected exception fails the test."""
    from click.testing import CliRunner

    from thanklint.cli import cli

    before = os.getcwd()
    os.chdir(cwd or ROOT)
    try:
        result = CliRunner().invoke(cli, list(args), input=stdin, env=env, prog_name="thanklint")
    finally:
        os.chdir(before)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Ran(result.exit_code, result.stdout, result.stderr)


def run_process(*args: str, stdin: str | None = None, cwd: Path | None = None, env: dict | None = None) -> Ran:
    """Run the installed command line in a fresh process, where the process itself is the point
    (what it imports, how it starts)."""
    done = subprocess.run(
        [sys.executable, "-m", "thanklint", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        env=env,
        timeout=300,
    )
    return Ran(done.returncode, done.stdout, done.stderr)


def rule_ids(result) -> set[str]:
    return {f.rule_id for f in result.findings}
