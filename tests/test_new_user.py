"""The rough edges a new user meets: the checklist explains itself, `init` and `explain` say
what matters, one emoji is one finding, and capitals and full stops are reported and fixed."""

from __future__ import annotations

import json
import re

import pytest
import yaml

from conftest import ROOT, run_cli
from thanklint import lint_text
from thanklint.config import KEYS


def test_checklist_legend_once_per_run_and_named_qualities(tmp_path):
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text("Hi Ana,\n\nThank you for your time today.\n\nBest,\nSam\n")
    out = run_cli("check", str(tmp_path)).stdout
    assert out.count("checklist: ✓ present  ✗ missing") == 1
    assert out.count("✓ tone and proofreading") == 2
    assert "· timing (needs interviewed_at)" in out
    quiet = run_cli("check", "-q", str(tmp_path)).stdout
    assert "✓ present" not in quiet and "tone and proofreading" not in quiet


def test_init_writes_every_key_the_readme_lists(tmp_path):
    readme = (ROOT / "README.md").read_text()
    block = re.search(r"## Configuration.*?```yaml\n(.*?)```", readme, re.S).group(1)
    documented = set(yaml.safe_load(block))
    assert documented == set(KEYS)
    run_cli("init", cwd=tmp_path)
    written = (tmp_path / ".thanklint.yaml").read_text()
    for key in KEYS:
        assert re.search(rf"^(?:# )?{key}:", written, re.M), key
    assert (
        run_cli("check", "--config", ".thanklint.yaml", "-", stdin="Hi Ana,\n\nThank you.\n", cwd=tmp_path).returncode
        != 2
    )


@pytest.mark.parametrize(
    ("rule", "listed", "left_out"),
    [
        ("timing.late-thank-you", ["max_hours"], ["min_business_days", "decision_buffer_days"]),
        ("timing.early-follow-up", ["min_business_days", "decision_buffer_days"], ["max_hours"]),
        ("gratitude.missing-thanks", ["min"], ["max_per_100_words", "max_sentence_share", "min_sentences", "`max`"]),
    ],
)
def test_explain_lists_only_options_that_mean_something(rule, listed, left_out):
    page = run_cli("explain", rule).stdout
    options = page.split("## Options", 1)[1]
    assert all(f"`{name}`" in options for name in listed)
    assert not any((name if name.startswith("`") else f"`{name}`") in options for name in left_out)


def test_one_emoji_is_one_finding():
    text = "Hi Ana,\n\nThanks again 👍🏽 and 👩‍💻 and 👨‍👩‍👧‍👦 and 🇬🇧 and ❤️ for the tour.\n\nBest,\nSam\n"
    found = [text[f.start : f.end] for f in lint_text(text, select=("tone.emoji",)).findings]
    assert found == ["👍🏽", "👩‍💻", "👨‍👩‍👧‍👦", "🇬🇧", "❤️"]


def test_capitals_are_reported_with_safe_fixes(tmp_path):
    note = tmp_path / "note.md"
    note.write_text(
        "---\nrecipient: Priya Raman\n---\nHi priya,\n\nThank you for your time. the tour of the "
        "night pharmacy was useful\n\nkind regards,\ntomás silva\n"
    )
    report = json.loads(run_cli("check", "--format", "json", str(note)).stdout)["files"][0]
    fixes = {f["rule_id"]: f["fix"] for f in report["findings"] if f["fix"]}
    assert fixes["proofreading.lowercase-signature"]["replacement"] == "Tomás Silva"
    assert len(fixes["proofreading.lowercase-signature"]["edits"]) == 2  # one fix, two edits
    assert fixes["proofreading.missing-full-stop"]["edits"][0]["replacement"] == "."
    assert {
        "proofreading.lowercase-name",
        "proofreading.lowercase-sentence-start",
        "proofreading.lowercase-sign-off",
    } <= set(fixes)
    assert all(fix["safe"] for fix in fixes.values())
    run_cli("check", "--fix", str(note))
    assert note.read_text().endswith(
        "Hi Priya,\n\nThank you for your time. The tour of the night pharmacy was useful.\n\n"
        "Kind regards,\nTomás Silva\n"
    )


def test_lowercase_names_spare_addresses_and_common_words():
    text = (
        "Hi Mark,\n\nThank you, mark my words: I will send it to priya.raman@example.com and to grace "
        "at northwind labs.\n\nBest,\nSam\n"
    )
    result = lint_text(
        text,
        metadata={"recipient": "Priya Raman", "interviewers": ["Mark Grace"], "company": "Northwind Labs"},
        select=("proofreading.lowercase-name",),
    )
    assert [text[f.start : f.end] for f in result.findings] == ["northwind labs"]
    assert [e.replacement for e in result.findings[0].fix.edits] == ["N", "L"]
