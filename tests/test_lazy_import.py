"""`--help`, `rules`, `explain` and `init` must not import spaCy, Harper, the spelling data or
the linter itself: they answer at once."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import sys
from click.testing import CliRunner
from thanklint.cli import cli
runner = CliRunner()
for args in (["--help"], ["check", "--help"], ["rules"], ["rules", "--format", "json"], ["explain", "tone.emoji"], ["--version"]):
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, (args, result.output)
heavy = ("spacy", "textstat", "harper", "wordfreq", "spellchecker", "rapidfuzz", "thanklint.api", "thanklint.linter")
loaded = sorted(m for m in sys.modules if m.split(".")[0] in heavy or m in heavy)
print("LOADED:" + ",".join(loaded))
"""


def test_help_rules_and_explain_do_not_import_spacy():
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "LOADED:\n" in out.stdout or out.stdout.strip() == "LOADED:", out.stdout


def test_the_check_can_see_spacy_imported():
    """The probe above can fail: linting does import spaCy (without the result cache, which may
    already hold this draft from another test in the session and would answer without it)."""
    script = SCRIPT.replace('["--version"])', '["--version"], ["check", "--no-cache", "--fail-on", "never", "-"])')
    script = script.replace("runner.invoke(cli, args)", "runner.invoke(cli, args, input='Hi Ana,\\n\\nThank you.\\n')")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert "spacy" in out.stdout


def test_linting_english_needs_no_wordfreq_import():
    """Word frequencies of English words are read from wordfreq's data file directly: importing
    wordfreq costs a quarter of a second, and its first lookup up to a second once spaCy is loaded."""
    script = (
        "import sys\n"
        "from thanklint.api import lint_text\n"
        "text = 'Hi Ana,\\n\\nThank you. I prioritised the analyser backlog and recieved good feedback.\\n\\nBest,\\nSam\\n'\n"
        "result = lint_text(text)\n"
        "assert any(f.rule_id == 'proofreading.spelling' for f in result.findings), result.findings\n"
        "print('WORDFREQ' if 'wordfreq' in sys.modules else 'NONE')\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split()[-1] == "NONE"


def test_module_patterns_compile_when_first_used_and_match_as_re_does():
    """The layout and residue modules' patterns are compiled on first use (a run whose drafts all
    come from the cache uses few of them), and then behave as `re.compile`'s."""
    import re

    from thanklint import layout, lazyregex

    deferred = lazyregex.compile(r"\b(?P<word>[a-z]+)ing\b", re.I)
    assert deferred._compiled is None  # nothing compiled at import
    text = "Thanks for Hearing me out and for the fitting."
    eager = re.compile(r"\b(?P<word>[a-z]+)ing\b", re.I)
    assert [m.span() for m in deferred.finditer(text)] == [m.span() for m in eager.finditer(text)]
    assert deferred.pattern == eager.pattern and deferred.flags == eager.flags
    assert deferred.sub("X", text) == eager.sub("X", text)
    assert isinstance(deferred._compiled, re.Pattern)
    assert isinstance(layout._RULE_LINE, lazyregex._Deferred)
