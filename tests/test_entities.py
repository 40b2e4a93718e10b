"""The entity recogniser runs only where a rule needs it: with the parse when a pattern tests
entity labels, else on demand for the drafts where a rule asks, and the labels are the ones
the whole pipeline gives."""

from __future__ import annotations

import spacy

from conftest import ROOT
from thanklint.config import Config, build_ruleset
from thanklint.draft import read_text
from thanklint.linter import Linter, entities_when
from thanklint.nlp import resolve_model

ENTITY_RULE = """\
kind: existence
severity: warning
message: "Found {match}."
description: Checks for a place.
rationale: Because a test needs one.
patterns:
  - tokens: [{ENT_TYPE: GPE}]
examples:
  bad: ["Hi Ana,\\n\\nI moved from Boston last year.\\n\\nBest,\\nSam"]
  good: ["Hi Ana,\\n\\nI moved last year.\\n\\nBest,\\nSam"]
"""

CLEAN = "Hi Ana,\n\nThank you for the tour of the warehouse today. I enjoyed it.\n\nBest,\nSam"
ABOUT_A_COMPANY = (
    "---\ncompany: Fabrikam\n---\nHi Ana,\n\nThank you for meeting me at Contoso in Denver on Monday. "
    "I would love to join the team.\n\nBest,\nSam"
)


def test_builtin_rules_ask_for_entities_on_demand_and_patterns_with_the_parse(tmp_path):
    builtin = Linter(build_ruleset(Config()))
    assert entities_when(builtin.checks) == "on-demand"
    folder = tmp_path / "tone"
    folder.mkdir()
    (folder / "places.yaml").write_text(ENTITY_RULE)
    with_pattern = Linter(build_ruleset(Config(), extra_rules=(str(tmp_path),)))
    assert entities_when(with_pattern.checks) == "parse"
    assert "ner" in with_pattern.nlp.pipe_names
    only_tone = Linter(build_ruleset(Config(select=("tone.emoji",))))
    assert entities_when(only_tone.checks) == "never"


def test_a_draft_no_rule_asks_about_is_never_run_through_the_recogniser(linter):
    (parsed,) = linter.parse([read_text(CLEAN, "note.txt")])
    linter._outcome(parsed)
    assert not parsed.parse.has_annotation("ENT_IOB")


def test_a_word_that_looks_misspelt_has_its_entities_recognised(linter):
    (parsed,) = linter.parse([read_text(CLEAN.replace("warehouse", "warehuose"), "note.txt")])
    findings = linter._outcome(parsed).findings
    assert parsed.parse.has_annotation("ENT_IOB")
    assert [f.rule_id for f in findings if f.rule_id == "proofreading.spelling"] == ["proofreading.spelling"]


def test_entities_on_demand_are_those_of_the_whole_pipeline(linter):
    (company,) = linter.parse([read_text(ABOUT_A_COMPANY, "note.md")])
    linter._outcome(company)
    assert not company.parse.has_annotation("ENT_IOB")  # no rule needed them
    whole = spacy.load(resolve_model(None))(company.text)
    assert [(e.start, e.end, e.label_) for e in company.entities] == [(e.start, e.end, e.label_) for e in whole.ents]
    assert any(e.label_ == "GPE" for e in company.entities)


def test_example_drafts_lint_the_same_whichever_way_entities_are_found(tmp_path):
    """The recogniser run with the parse (forced by a pattern that tests a label) and on demand
    give the same findings on the bundled drafts, apart from that pattern's own."""
    folder = tmp_path / "tone"
    folder.mkdir()
    (folder / "places.yaml").write_text(ENTITY_RULE)
    eager = Linter(build_ruleset(Config(), extra_rules=(str(tmp_path),)))
    lazy = Linter(build_ruleset(Config()))
    drafts = [
        read_text(p.read_text(encoding="utf-8"), str(p)) for p in sorted((ROOT / "fixtures" / "drafts").iterdir())
    ]
    for a, b in zip(eager.lint(drafts), lazy.lint(drafts)):
        assert [f for f in a.findings if f.rule_id != "tone.places"] == b.findings
