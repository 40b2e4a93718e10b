"""The grammar kinds: Harper behind one module (quiet on stdout, optional at run time) and the
comma-splice check."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path
from types import SimpleNamespace

import pytest

from conftest import run_cli
from thanklint.config import Config, build_ruleset
from thanklint.draft import read_text
from thanklint.errors import RuleError
from thanklint.linter import Linter
from thanklint.rules import load_rule_file

HEAR = "I am looking forward to hear from you."


def test_json_report_stays_parseable_when_harper_prints():
    """harper-py 0.2.0 writes a debug line to file descriptor 1 for this sentence."""
    result = run_cli("check", "--format", "json", "--select", "proofreading", "-", stdin=HEAR)
    report = json.loads(result.stdout)
    rules = [f["rule_id"] for f in report["files"][0]["findings"]]
    assert "proofreading.grammar" in rules
    assert "gerund_form" not in result.stdout


def test_finding_points_at_the_wrong_word_with_an_unsafe_fix(lint):
    text = f"Hi Ana,\n\nThank you for your time. {HEAR}\n\nBest,\nSam\n"
    found = [f for f in lint(text).findings if f.rule_id == "proofreading.grammar"]
    assert len(found) == 1
    assert text[found[0].start : found[0].end] == "hear"
    assert found[0].fix.replacement == "hearing" and found[0].fix.safe is False


@pytest.mark.parametrize(
    "clean",
    [
        "Dear Dr. Okonkwo,\n\nIt was an honour to meet the ICU team; my CompTIA A+ and SBAR work carry over.\n\nKind regards,\nZoë",
        "Hi Ana,\n\nI would report to you, Dr Menon, and I have a passion for teaching; the pipes were out of date.\n\nBest,\nSam",
        "Hi Ana,\n\nThank you. Do you page on burn rate, or would setting that up be part of this role?\n\nBest,\nSam",
    ],
)
def test_profile_keeps_correct_notes_clean(lint, clean):
    assert not [f for f in lint(clean).findings if f.rule_id == "proofreading.grammar"]


def test_a_modal_without_be_is_still_reported_outside_a_question(lint):
    found = lint("Hi Ana,\n\nThank you for today. It would great to be there.\n\nBest,\nSam").findings
    assert [f for f in found if f.rule_id == "proofreading.grammar" and "modal" in f.message]


def test_without_harper_the_rule_is_unavailable_and_the_others_run(monkeypatch, capsys):
    from thanklint.checks import grammar

    monkeypatch.setattr(grammar, "harper_available", lambda: False)
    monkeypatch.setattr(grammar, "_reported_missing", set())
    linter = Linter(build_ruleset(Config(), select=("proofreading.grammar", "proofreading.lowercase-i")))
    result = linter.lint([read_text(f"Hi Ana,\n\ni think so. {HEAR}\n\nBest,\nSam\n", "note.md")])[0]
    assert result.error is None
    assert {f.rule_id for f in result.findings} == {"proofreading.lowercase-i"}
    assert capsys.readouterr().err.count("proofreading.grammar is unavailable: harper-py is not installed") == 1


@pytest.mark.parametrize(
    ("listed", "misspelt", "message"),
    [
        ("CompoundNouns", "CompoundNoun", "unknown Harper rule 'CompoundNoun'.*CompoundNouns"),
        ("Proper Nouns", "Proper Noun", "unknown Harper rule group 'Proper Noun'.*Proper Nouns"),
    ],
)
def test_an_unknown_harper_rule_or_group_is_a_rule_error(listed, misspelt, message):
    text = (
        Path("rules/proofreading/grammar.yaml").read_text(encoding="utf-8").replace(f"  - {listed}", f"  - {misspelt}")
    )
    rule = load_rule_file(text, "rules/proofreading/grammar.yaml", "proofreading", "grammar")
    from thanklint import nlp

    with pytest.raises(RuleError, match=message):
        rule.make_check().prepare(nlp.load(None, "never"))


def test_a_denied_group_switches_off_every_rule_in_it():
    """What a denied group holds is never asked for: a capitalisation lint Harper gives with the
    group on is gone with it off, and the rules of other groups still run."""
    pytest.importorskip("harper")
    from thanklint.checks import harper_process

    text = "We met at the google office and i think their going to call me."
    on = harper_process._build("american", frozenset())
    off = harper_process._build("american", frozenset({"Proper Nouns", "Capitalization and Case"}))
    groups = harper_process._groups(on)
    kinds_on = {lint.lint_kind for lint in on.lint(text, language="plaintext")}
    kinds_off = {lint.lint_kind for lint in off.lint(text, language="plaintext")}
    assert "Capitalization" in kinds_on and "Capitalization" not in kinds_off
    assert kinds_off, "the other groups' rules still run"
    assert {"GoogleNames"} <= set(groups["Proper Nouns"])
    config = off.get_lint_config()
    assert not any(config[name] for name in groups["Proper Nouns"])


def test_harper_runs_in_a_process_of_its_own():
    """The linting process never imports harper-py: its linter (145 MB and a cache that grows
    with every note) lives in a child process, started while the pipeline loads and waited
    for at exit."""
    script = (
        "import sys\n"
        "from thanklint.api import lint_text\n"
        f"result = lint_text('Hi Ana,\\n\\n{HEAR}\\n\\nBest,\\nSam\\n')\n"
        "assert [f.rule_id for f in result.findings if f.rule_id == 'proofreading.grammar'] == ['proofreading.grammar']\n"
        "from thanklint.checks import grammar\n"
        "print('harper' in sys.modules, grammar._harper.process.poll() is None)\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["False", "True"]


def test_a_batch_is_checked_for_grammar_while_it_is_parsed():
    """Several drafts: their texts go to Harper from a thread of their own, begun before the
    parse, and Harper finds what it finds in each draft alone."""
    from thanklint.checks import grammar

    threads = []
    real = grammar._Harper.ask

    def recording(self, kind, *args):
        if kind == "lint":
            threads.append(threading.current_thread().name)
        return real(self, kind, *args)

    linter = Linter(build_ruleset(Config(), select=("proofreading.grammar",)))
    drafts = [read_text(f"Hi Ana,\n\n{HEAR}\n\nBest,\n{name}\n", "note.md") for name in ("Sam", "Kim", "Lee")]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(grammar._Harper, "ask", recording)
        together = linter.lint(drafts)
    assert threads and all(name.startswith("harper-lint") for name in threads)
    alone = [linter.lint([draft])[0] for draft in drafts]
    assert [r.findings for r in together] == [r.findings for r in alone]
    assert all(r.findings for r in alone)


def test_a_failure_in_the_harper_process_is_raised_where_it_was_asked():
    from thanklint.checks import grammar

    harper = grammar._process()
    harper.send("build", "klingon", [])  # an early build that fails is reported with the next question
    with pytest.raises(RuntimeError, match="Harper: AttributeError"):
        harper.ask("rules", "american", [])
    assert harper.ask("rules", "american", [])  # the process carries on


def test_the_harper_process_answers_in_clean_lines_although_harper_prints():
    """harper-py prints debug lines from native code for this sentence; the process sends them
    nowhere, so its answers stay one line of JSON each."""
    ahead = json.dumps({"ahead": ["american", [], [HEAR]]}) + "\n"
    request = json.dumps({"lint": ["american", [], HEAR]}) + "\n"
    out = subprocess.run(
        [sys.executable, "-m", "thanklint.checks.harper_process"],
        input=ahead + request * 2,
        capture_output=True,
        text=True,
        timeout=120,
    )
    lines = out.stdout.splitlines()
    assert out.returncode == 0 and len(lines) == 3 and json.loads(lines[0]) == {"ok": None}
    assert any(lint[2] == "Grammar" or "hear" in HEAR[lint[0] : lint[1]] for lint in json.loads(lines[1])["ok"])
    assert lines[1] == lines[2]  # the same lints, whether linted ahead or when asked


@pytest.mark.parametrize(
    ("sentence", "splice"),
    [
        ("I hope you are well, I wanted to ask about the role.", True),
        ("Thank you for the tour of the depot, it was useful.", True),
        ("As we discussed, I can start in May.", False),
        ("Should it help, I can send my references.", False),
        ("I led the audit, I wrote the report, and I trained the team.", False),
        ("I am punctual, I know the depot roads and I am used to handheld scanners.", False),
        ("Thanks for the tour, I enjoyed it and I hope to hear soon.", True),
        ("The rota, I think, suits me.", False),
        ("By the time the audit started, we were ready.", False),
    ],
)
def test_comma_splice(lint, sentence, splice):
    found = [
        f for f in lint(f"Hi Ana,\n\n{sentence}\n\nBest,\nSam\n").findings if f.rule_id == "proofreading.comma-splice"
    ]
    assert bool(found) is splice


def test_forked_workers_lint_after_the_parent_checked_a_batch(tmp_path):
    """`--jobs` forks workers from a process whose grammar thread may already have run (or
    hold its locks), and the workers share the parent's Harper process: each gets the answers
    to its own texts (every draft here puts its error at a different place), never a wait
    forever or another worker's answer."""
    for n in range(60):  # more than one batch, so that both workers lint at once
        padding = "We spoke about the rota. " * (n % 7)
        (tmp_path / f"{n:02}.txt").write_text(f"Hi Ana,\n\n{padding}{HEAR}\n\nBest,\nJo {n}\n", encoding="utf-8")
    script = (
        "import sys\n"
        "from thanklint.api import Session\n"
        "paths = [(p, None) for p in sys.argv[1:]]\n"
        "one = Session(jobs=1).lint(paths)\n"  # the parent's grammar thread now exists
        "two = Session(jobs=2).lint(paths)\n"
        "assert [f.findings for f in one.files] == [f.findings for f in two.files]\n"
        "print(sum(len(f.findings) for f in two.files))\n"
    )
    paths = sorted(str(p) for p in tmp_path.iterdir())
    out = subprocess.run([sys.executable, "-c", script, *paths], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert int(out.stdout.split()[-1]) >= 60


def test_the_harper_process_builds_afresh_after_many_different_texts(monkeypatch):
    """A linter's cache grows with every different text (an editor sends one per edit): after
    `FRESH_AFTER` of them it is built again; repeated texts cost nothing."""
    from thanklint.checks import harper_process

    built = []

    class Linter:
        def __init__(self, key):
            built.append(key)

        def lint(self, text, language):
            return []

    monkeypatch.setattr(harper_process, "FRESH_AFTER", 3)
    monkeypatch.setattr(harper_process, "_build", lambda dialect, denied: Linter(dialect))
    engine = harper_process.Engine()
    for text in ["a", "b", "a", "c", "a", "d", "e", "f", "g"]:
        engine.answer({"lint": ["american", [], text]})
    assert built == ["american", "american", "american"]  # at "d" and at "g"


def test_texts_announced_ahead_are_linted_while_idle_once_each_in_order(monkeypatch):
    """A run announces its drafts before spaCy loads; the process lints them when no question
    waits, and answers each later question from what it found, without linting it again."""
    from thanklint.checks import harper_process

    linted = []

    class Linter:
        def lint(self, text, language):
            linted.append(text)
            span = SimpleNamespace(start=0, end=1)
            return [SimpleNamespace(span=span, lint_kind="Grammar", message=text, suggestions=[])]

    monkeypatch.setattr(harper_process, "_build", lambda dialect, denied: Linter())
    engine = harper_process.Engine()
    assert engine.answer({"ahead": ["american", [], ["one", "two", "three", "two"]]}) is None
    assert linted == []  # announcing costs nothing while a question waits
    engine.work_ahead()
    assert engine.answer({"lint": ["american", [], "three"]}) == [[0, 1, "Grammar", "three", None]]  # asked first
    while engine.ahead:
        engine.work_ahead()
    assert linted == ["one", "three", "two"]
    assert engine.answer({"lint": ["american", [], "two"]}) == [[0, 1, "Grammar", "two", None]]
    assert engine.answer({"lint": ["british", [], "two"]}) and linted[-1] == "two"  # another dialect: linted
    assert engine.answer({"lint": ["american", [], "one"]}) and linted.count("one") == 1
    assert engine.answer({"lint": ["american", [], "one"]}) and linted.count("one") == 2  # given once, then linted
    monkeypatch.setattr(harper_process, "KEPT_AHEAD", 2)
    engine.answer({"ahead": ["american", [], ["a", "b", "c"]]})
    while engine.ahead:
        engine.work_ahead()
    assert [text for _, text in engine.done] == ["b", "c"]  # the oldest never asked for is dropped
