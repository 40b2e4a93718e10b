"""The result cache: a draft is parsed again exactly when something its findings depend on
changed; entries are written atomically, corrupt ones are ignored, a fully cached run does not
load spaCy, and findings that read the clock are always computed afresh."""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import os
import sys
from pathlib import Path

import pytest

from conftest import run_process
from thanklint import cache as cache_module
from thanklint.api import Session
from thanklint.linter import Linter

NOTE = "Hi Dana,\n\nThank you for meeting me about the analyst role. i enjoyed it.\n\nBest,\nSam\n"
CUSTOM_RULE = """kind: existence
severity: warning
message: "Avoid '{match}'."
description: Checks for the word synergy.
rationale: Buzzwords make a note sound like a brochure rather than a person writing.
patterns:
  - phrase: synergy
examples:
  bad: ["Hi Ana,\\n\\nThank you; I love the synergy.\\n"]
  good: ["Hi Ana,\\n\\nThank you for your time.\\n"]
"""


@pytest.fixture
def store(tmp_path, monkeypatch):
    """A private cache folder, and a count of the drafts the per-draft phase really checked."""
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache_module.ENVIRONMENT, str(folder))
    checked = []
    real = Linter.per_draft

    def counting(self, drafts):
        checked.append(len(drafts))
        return real(self, drafts)

    monkeypatch.setattr(Linter, "per_draft", counting)
    return folder, checked


def _lint(path: Path, **options):
    session = Session(cache=True, **options)
    return session.lint([(str(path), None)]).files[0]


def _note(tmp_path, text=NOTE, name="note.md"):
    path = tmp_path / "notes" / name
    path.parent.mkdir(exist_ok=True)
    path.write_text(text)
    return path


def test_a_second_run_reads_the_cache_and_gives_the_same_findings(tmp_path, store):
    folder, checked = store
    note = _note(tmp_path)
    first = _lint(note)
    second = _lint(note)
    assert checked == [1]  # only the first run parsed the draft
    assert second.findings == first.findings and second.checklist == first.checklist
    assert second.kind == first.kind == "thank-you"
    assert list(folder.rglob("*.json")) and (folder / "CACHEDIR.TAG").is_file()


def test_an_entry_gives_back_the_whole_outcome_layout_and_text_included(tmp_path, linter):
    """The later phases read the parsed text and layout of a cached draft from its entry, so the
    entry must give back exactly what the per-draft phase found, fixes and regions included."""
    from thanklint.draft import read_text

    letter = "Sam Rivera\n12 Elm St.\nMarch 3, 2026\n\nDear Ms. Ortiz, thank you for the tour.\n\nSincerely,\nSam\n"
    store = cache_module.ResultCache(tmp_path)
    outcomes = []
    for text in (NOTE, letter, "thanks for ur time!! i realy want this job"):
        (outcome,) = linter.per_draft([read_text(text)])
        store.put("k" * 64, outcome)
        assert store.get("k" * 64) == outcome
        outcomes.append(outcome)
    head = outcomes[1]
    assert head.text[head.layout.greeting.start :].startswith("Dear") and len(head.layout.paragraphs) == 1
    assert any(f.fix is not None for o in outcomes for f in o.findings)


def test_content_metadata_and_configuration_changes_invalidate(tmp_path, store):
    _, checked = store
    note = _note(tmp_path)
    _lint(note)
    note.write_text(NOTE.replace("analyst", "designer"))
    _lint(note)
    note.write_text("---\nrecipient: Dana Whitfield\n---\n" + NOTE.replace("analyst", "designer"))
    _lint(note)
    config = tmp_path / "notes" / ".thanklint.yaml"
    config.write_text("options:\n  structure.too-long: {max: 30}\n")
    _lint(note)
    config.write_text("options:\n  structure.too-long: {max: 30}\nseverity:\n  proofreading: error\n")
    result = _lint(note)
    assert checked == [1, 1, 1, 1, 1]
    assert {f.severity.name for f in result.findings if f.category == "proofreading"} == {"ERROR"}


def test_a_changed_rule_file_invalidates(tmp_path, store):
    _, checked = store
    rule = tmp_path / "rules" / "tone" / "buzzword.yaml"
    rule.parent.mkdir(parents=True)
    rule.write_text(CUSTOM_RULE)
    note = _note(tmp_path, NOTE.replace("i enjoyed it", "I loved the synergy"))
    first = _lint(note, rules=(str(tmp_path / "rules"),))
    rule.write_text(CUSTOM_RULE.replace("Avoid '{match}'.", "Say what you mean instead of '{match}'."))
    os.utime(rule, ns=(rule.stat().st_mtime_ns + 10**9,) * 2)
    second = _lint(note, rules=(str(tmp_path / "rules"),))
    assert checked == [1, 1]
    messages = {f.message for f in second.findings if f.rule_id == "tone.buzzword"}
    assert messages == {"Say what you mean instead of 'synergy'."}
    assert {f.message for f in first.findings if f.rule_id == "tone.buzzword"} == {"Avoid 'synergy'."}


def test_a_new_version_invalidates(tmp_path, store, request):
    _, checked = store
    note = _note(tmp_path)
    _lint(note)
    request.getfixturevalue("new_version")
    _lint(note)
    assert checked == [1, 1]


def test_a_corrupt_entry_is_ignored_and_replaced(tmp_path, store):
    folder, checked = store
    note = _note(tmp_path)
    first = _lint(note)
    (entry,) = folder.rglob("*.json")
    for garbage in ('{"kind": "thank-you"', '{"findings": [[1, 2]]}', "\x00\xff"):
        entry.write_text(garbage)
        assert _lint(note).findings == first.findings
    assert checked == [1, 1, 1, 1]
    json.loads(entry.read_text())  # rewritten whole


def _write_many(folder: str, key: str, copies: int) -> None:
    os.environ[cache_module.ENVIRONMENT] = folder
    session = Session(cache=True)
    result = session.lint([("-", NOTE)]).files[0]
    store = cache_module.ResultCache(Path(folder))
    outcome = store.get(key)
    for _ in range(copies):
        store.put(key, outcome)
    assert result.error is None


def test_concurrent_writers_leave_one_whole_entry(tmp_path, store):
    folder, _ = store
    session = Session(cache=True)
    session.lint([("-", NOTE)])
    (entry,) = folder.rglob("*.json")
    key = entry.stem
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_write_many, args=(str(folder), key, 200)) for _ in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(120)
    assert [w.exitcode for w in workers] == [0, 0, 0, 0]
    assert [p.name for p in entry.parent.iterdir()] == [entry.name]  # no temporary files left
    assert cache_module.ResultCache(folder).get(key) is not None


def test_time_dependent_findings_are_recomputed(tmp_path, store):
    _, checked = store
    note = _note(tmp_path, "---\ninterviewed_at: 2026-11-20T10:00\n---\n" + NOTE)
    session = Session(cache=True)
    soon = session.lint([(str(note), None)], now=dt.datetime(2026, 11, 20, 18, 0).astimezone()).files[0]
    late = Session(cache=True).lint([(str(note), None)], now=dt.datetime(2026, 11, 24, 9, 0).astimezone()).files[0]
    assert checked == [1]
    assert "timing.late-thank-you" not in {f.rule_id for f in soon.findings}
    assert "timing.late-thank-you" in {f.rule_id for f in late.findings}


def test_no_cache_neither_reads_nor_writes(tmp_path, store):
    folder, checked = store
    note = _note(tmp_path)
    Session(cache=False).lint([(str(note), None)])
    Session(cache=False).lint([(str(note), None)])
    assert checked == [1, 1] and not folder.exists()


def test_the_cache_lives_beside_the_configuration(tmp_path, monkeypatch):
    monkeypatch.delenv(cache_module.ENVIRONMENT, raising=False)
    config = tmp_path / "project" / ".thanklint.yaml"
    config.parent.mkdir()
    config.write_text("fail_on: warning\n")
    assert cache_module.folder_for(str(config)) == config.parent.resolve() / ".thanklint-cache"
    monkeypatch.chdir(tmp_path)
    assert cache_module.folder_for(None) == tmp_path / ".thanklint-cache"


SPACY_PROBE = """
import sys
from click.testing import CliRunner
from thanklint.cli import cli
result = CliRunner().invoke(cli, ["check", "--format", "json", "--fail-on", "never", sys.argv[1]])
assert result.exit_code == 0, result.output
print("SPACY" if "spacy" in sys.modules else "NO-SPACY")
"""


def test_a_fully_cached_run_does_not_import_spacy(tmp_path):
    note = _note(tmp_path)
    env = {**os.environ, cache_module.ENVIRONMENT: str(tmp_path / "cache")}
    first = run_process("check", "--fail-on", "never", str(note), env=env)
    assert first.returncode == 0, first.stderr
    import subprocess

    probe = [sys.executable, "-c", SPACY_PROBE, str(note)]
    cached = subprocess.run(probe, capture_output=True, text=True, env=env, timeout=300)
    assert cached.stdout.strip() == "NO-SPACY", cached.stderr
    note.write_text(NOTE.replace("analyst", "designer"))
    changed = subprocess.run(probe, capture_output=True, text=True, env=env, timeout=300)
    assert changed.stdout.strip() == "SPACY", changed.stderr  # the probe can tell


def test_the_pipeline_and_spacy_versions_in_the_key_are_their_installed_versions():
    """Read from the packages' own files (for speed), they must be what pip installed."""
    from importlib import metadata

    package = cache_module._model_identity(None).split("==")[0]
    assert cache_module._model_identity(None) == (
        f"{package}=={metadata.version(package)};spacy=={metadata.version('spacy')}"
    )
    assert cache_module._version("thanklint-no-such-package", "about.py") == "unknown"
