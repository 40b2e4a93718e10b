"""Every rule's own examples are tests: bad ones must draw a finding from that rule, good ones
none. Examples run through the whole engine, so suppressions and layout count too."""

from __future__ import annotations

from dataclasses import replace

import pytest

from thanklint import metadata as md
from thanklint.cache import ResultCache
from thanklint.config import Config, build_ruleset
from thanklint.draft import read_text
from thanklint.linter import Linter

RULESET = build_ruleset(Config())
RULES = RULESET.rules
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


class _Outcomes:
    """Per-draft outcomes kept in memory, with the disk cache's interface."""

    key = staticmethod(ResultCache.key)

    def __init__(self):
        self.kept = {}

    def get(self, key):
        return self.kept.get(key)

    def put(self, key, outcome):
        self.kept[key] = outcome


@pytest.fixture(scope="module")
def linter():
    """A linter of the very rule objects the cases hold (another test module may have loaded
    the rules afresh since), so that a pattern's matches are found under its own rule.

    Every example's per-draft phase runs first in one batch, as over a folder (spaCy parses a
    batch at a time far faster than one text per call), and is kept; each example is then
    linted on its own, its drafts compared only with each other. The per-draft phase depends
    on nothing but the draft, so this is the same engine the cache serves."""
    linter = Linter(RULESET, cache=_Outcomes())
    every = [d for rule in RULES for example in (*rule.bad, *rule.good) for d in _drafts(example)]
    drafts = {ResultCache.key(d, linter.fingerprint): d for d in every}
    linter.expect(list(drafts.values()))
    for key, outcome in zip(drafts, linter.per_draft(list(drafts.values()))):
        if outcome.failure is None:
            linter.cache.put(key, outcome)
    return linter


@pytest.mark.parametrize(("rule", "label", "example"), CASES)
def test_example(linter, rule, label, example):
    results = linter.lint(_drafts(example))
    assert all(r.error is None for r in results), [str(r.error) for r in results]
    hits = [f for r in results for f in r.findings if f.rule_id == rule.id]
    if label == "bad":
        assert hits, f"{rule.id}: the bad example drew no finding"
    else:
        assert not hits, f"{rule.id}: the good example drew {[f.message for f in hits]}"


SHORT_BODY_RULES = [rule for rule in RULES if rule.settings.get("min_body_words")]


@pytest.mark.parametrize("rule", SHORT_BODY_RULES, ids=[r.id for r in SHORT_BODY_RULES])
def test_good_examples_are_long_enough_to_be_judged(linter, rule):
    """A rule that says nothing about short bodies would pass a short good example whatever its
    patterns do, so such an example would prove nothing."""
    for example in rule.good:
        for parsed in linter.parse(_drafts(example)):
            assert len(parsed.body_words) >= rule.settings["min_body_words"], example.drafts[0][0]


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


FIXABLE = [rule for rule in RULES if rule.make_check().offers_fixes()]


@pytest.mark.parametrize("rule", FIXABLE, ids=[r.id for r in FIXABLE])
def test_a_fix_cures_what_it_fixes(linter, rule):
    """A fixable rule offers a fix on at least one bad example, and applying its fixes leaves
    fewer findings from that rule while replacing words without swallowing their neighbours."""
    from thanklint.fixes import apply_fixes

    fixed_any = False
    for example in rule.bad:
        if len(example.drafts) != 1:
            continue
        (draft,) = _drafts(example)
        before = [f for f in linter.lint([draft])[0].findings if f.rule_id == rule.id]
        fixes = [f for f in before if f.fix is not None]
        if not fixes:
            continue
        fixed_any = True
        fixed = replace(draft, text=apply_fixes(draft.text, fixes))
        after = [f for f in linter.lint([fixed])[0].findings if f.rule_id == rule.id]
        assert len(after) < len(before), (example, fixed.text)
        replaced = sum(len(draft.text[e.start : e.end].split()) for f in fixes for e in f.fix.edits)
        assert len(fixed.text.split()) >= len(draft.text.split()) - max(replaced, len(fixes)), fixed.text
    assert fixed_any, f"{rule.id}: no bad example shows its fix"


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("i'm excited about the role and i've enjoyed it", "I'm excited about the role and I've enjoyed it"),
        ("Their's a lot to learn from the team", "There's a lot to learn from the team"),
        ("Thank you for you're time", "Thank you for your time"),
        (
            "We talked about the plant and it's maintenance backlog",
            "We talked about the plant and its maintenance backlog",
        ),
    ],
)
def test_contractions_are_fixed_whole(linter, before, after):
    from thanklint.fixes import apply_fixes, fixable

    draft = read_text(f"Hi Ana,\n\nThank you. {before}.\n\nBest,\nSam\n", "note.md")
    fixes = [f for f in linter.lint([draft])[0].findings if f.fix is not None and f.rule_id.startswith("proofreading.")]
    assert apply_fixes(draft.text, fixable(fixes, unsafe=True)) == draft.text.replace(before, after)


def _named_patterns():
    from thanklint.patterns import PatternSet

    for rule in RULES:
        for key, value in rule.settings.items():
            if isinstance(value, PatternSet):
                for index, spec in enumerate(value.specs):
                    if spec.get("name"):
                        yield pytest.param(rule, key, index, id=f"{rule.id}-{key}-{spec['name']}")


@pytest.fixture(scope="module")
def parsed_examples(linter):
    """A rule's examples parsed once for all of its named patterns (a rule has up to ninety)."""
    parsed = {}

    def of(rule):
        if rule.id not in parsed:
            parsed[rule.id] = linter.parse([d for example in (*rule.bad, *rule.good) for d in _drafts(example)])
        return parsed[rule.id]

    return of


@pytest.mark.parametrize(("rule", "key", "index"), list(_named_patterns()))
def test_named_pattern_is_exercised_by_an_example(parsed_examples, rule, key, index):
    """A pattern that no example of its own rule matches is a pattern nobody has seen work."""
    patterns = rule.settings[key]
    parsed = parsed_examples(rule)
    assert any(m.pattern == index for p in parsed for m in patterns.find(p)), (
        f"{rule.path}: pattern '{patterns.name(index)}' ({key}) matches none of the rule's examples"
    )


def test_pattern_names_are_unique_within_a_rule():
    """A name is how docs, tests and reviewers point at one pattern: two of the same name in one
    rule would let the second hide behind the first's examples."""
    from collections import Counter

    from thanklint.patterns import PatternSet

    repeated = [
        f"{rule.id} {key}: {name}"
        for rule in RULES
        for key, value in rule.settings.items()
        if isinstance(value, PatternSet)
        for name, count in Counter(spec["name"] for spec in value.specs if spec.get("name")).items()
        if count > 1
    ]
    assert repeated == []
