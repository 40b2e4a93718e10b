"""Every rule's own examples are tests: bad ones must draw a finding from that rule, good ones
none. Examples run through the whole engine, so suppressions and layout count too."""

from __future__ import annotations

from dataclasses import replace

import pytest

from thanklint import metadata as md
from thanklint.config import Config, build_ruleset
from thanklint.draft import read_text

RULES = build_ruleset(Config()).rules
CASES = [
    pytest.param(rule, label, example, id=f"{rule.id}-{label}-{i}")
    for rule in RULES
    for label, examples in (("bad", rule.bad), ("good", rule.good))
    for i, example in enumerate(examples)
]


def _drafts(example):
    out = []
    for n, (text, meta) in enumerate(example.drafts):
        draft = read_text(text, f"example-{n}.md")
        out.append(replace(draft, meta=md.from_mapping(meta, "example")))
    return out


@pytest.mark.parametrize(("rule", "label", "example"), CASES)
def test_example(linter, rule, label, example):
    results = linter.lint(_drafts(example))
    assert all(r.error is None for r in results), [str(r.error) for r in results]
    hits = [f for r in results for f in r.findings if f.rule_id == rule.id]
    if label == "bad":
        assert hits, f"{rule.id}: the bad example drew no finding"
    else:
        assert not hits, f"{rule.id}: the good example drew {[f.message for f in hits]}"


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_has_examples_and_docs(rule):
    assert rule.bad, f"{rule.path} has no examples.bad"
    assert rule.good, f"{rule.path} has no examples.good"
    assert rule.description.startswith("Checks"), "a description says what the rule checks"
    assert len(rule.rationale) > 40, "a rationale says why a reader cares"


def test_catalogue_covers_every_category():
    from thanklint.rules import CATEGORIES

    assert {r.category for r in RULES} == set(CATEGORIES)
    assert len(RULES) >= 35


def test_rule_id_comes_from_path():
    for rule in RULES:
        category, name = rule.id.split(".")
        assert rule.path == f"rules/{category}/{name}.yaml"
