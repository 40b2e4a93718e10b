"""Broken rule files fail at load with the file, line and key named, and exit 2 without a
traceback; nothing is linted with a half-loaded rule set."""

from __future__ import annotations

import os
import textwrap

import pytest

from conftest import ROOT, run_cli
from thanklint.config import Config, build_ruleset
from thanklint.errors import RuleError
from thanklint.linter import Linter
from thanklint.rules import load_rule_file

GOOD = """\
kind: existence
severity: warning
message: "Found {match}."
description: Checks for a word.
rationale: Because a reader would notice it and think less of the note.
patterns:
  - phrase: synergy
examples:
  bad: ["Hi Ana,\\n\\nSynergy matters.\\n\\nBest,\\nSam"]
  good: ["Hi Ana,\\n\\nTeams matter.\\n\\nBest,\\nSam"]
"""


def load(text: str):
    return load_rule_file(textwrap.dedent(text), "rules/tone/test.yaml", "tone", "test")


def test_good_rule_loads():
    rule = load(GOOD)
    assert rule.id == "tone.test" and rule.category == "tone"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ("severity: warning", "severity: fatal"),
            r"rules/tone/test.yaml:2: severity: expected error, warning or suggestion",
        ),
        (
            ("kind: existence", "kind: existance"),
            r"test.yaml:1: kind: unknown kind 'existance' \(did you mean 'existence'\?\)",
        ),
        (
            ("patterns:", "patern: 1\npatterns:"),
            r"test.yaml:6: patern: unknown key for the existence kind \(did you mean 'patterns'\?\)",
        ),
        (("  - phrase: synergy", "  - regex: '(unclosed'"), r"test.yaml:7: patterns: invalid regex"),
        (
            ("  - phrase: synergy", "  - phrase: synergy\n    colour: red"),
            r"test.yaml:7: patterns: unknown pattern key 'colour'",
        ),
        (('message: "Found {match}."\n', ""), r"message: required text is missing"),
        (("kind: existence", "kind: existence\nscope: everywhere"), r"test.yaml:2: scope: expected one of body"),
        (
            ("kind: existence", "kind: existence\nreferences: 5"),
            r"test.yaml:2: references: expected a list of text, got 5",
        ),
        (("  good: [", "  good: [{drafts: [{meta: {}}]}, "), r"examples.good: an example is text, \{text, meta\}"),
        (("  bad: [", "  bad: [{text: 3}, "), r"examples.bad: an example is text"),
        (("kind: existence", "kind: existence\nconfirms: maybe"), r"test.yaml:2: confirms: expected true or false"),
    ],
)
def test_bad_rule_is_rejected_with_place(change, expected):
    with pytest.raises(RuleError, match=expected):
        load(GOOD.replace(*change))


def test_bad_token_pattern_is_rejected_when_compiled(tmp_path):
    folder = tmp_path / "tone"
    folder.mkdir()
    (folder / "broken.yaml").write_text(GOOD.replace("  - phrase: synergy", "  - tokens: [{LEMMA: {INN: [a]}}]"))
    linter = Linter(build_ruleset(Config(), extra_rules=(str(tmp_path),)))
    with pytest.raises(RuleError, match=r"broken.yaml:7: patterns: invalid pattern"):
        linter.nlp  # noqa: B018 - compiling the patterns is the point


def test_yaml_words_no_and_on_stay_words():
    rule = load(GOOD.replace("  - phrase: synergy", "  - tokens: [{LOWER: {IN: [no, on, yes, off]}}]"))
    assert rule.settings["patterns"].specs[0]["tokens"][0]["LOWER"]["IN"] == ["no", "on", "yes", "off"]


def test_unknown_metric_is_rejected():
    text = GOOD.replace("kind: existence", "kind: metric\nmetric: syllables").replace(
        "patterns:\n  - phrase: synergy\n", ""
    )
    with pytest.raises(RuleError, match=r"metric: expected one of .*got 'syllables'"):
        load(text)


def test_value_outside_a_kinds_choices_is_rejected():
    text = GOOD.replace("kind: existence", "kind: timing\nmode: thank-you-windw").replace(
        "patterns:\n  - phrase: synergy\n", ""
    )
    with pytest.raises(RuleError, match=r"test.yaml:2: mode: expected one of .* \(did you mean 'thank-you-window'\?\)"):
        load(text)


def test_duplicate_rule_id_is_rejected(tmp_path):
    folder = tmp_path / "tone"
    folder.mkdir()
    (folder / "emoji.yaml").write_text(GOOD)
    with pytest.raises(RuleError, match=r"rule id 'tone.emoji' is already defined in rules/tone/emoji.yaml"):
        build_ruleset(Config(), extra_rules=(str(tmp_path),))


def test_cli_exits_2_on_a_bad_rule_folder(tmp_path):
    folder = tmp_path / "tone"
    folder.mkdir()
    (folder / "broken.yaml").write_text(GOOD.replace("severity: warning", "severity: loud"))
    draft = tmp_path / "note.txt"
    draft.write_text("Hi Ana,\n\nThank you.\n\nBest,\nSam\n")
    result = run_cli("check", "--rules", str(tmp_path), str(draft))
    assert result.returncode == 2
    assert "broken.yaml:2: severity: expected error, warning or suggestion" in result.stderr
    assert "Traceback" not in result.stderr


def test_extra_rules_run_and_can_be_selected(tmp_path):
    folder = tmp_path / "tone"
    folder.mkdir()
    (folder / "corporate-speak.yaml").write_text(GOOD)
    draft = tmp_path / "note.txt"
    draft.write_text("Hi Ana,\n\nThank you. Our synergy was clear.\n\nBest,\nSam\n")
    result = run_cli(
        "check", "--rules", str(tmp_path), "--select", "tone.corporate-speak", "--format", "jsonl", str(draft)
    )
    assert result.returncode == 0, result.stderr
    assert '"rule_id": "tone.corporate-speak"' in result.stdout


def test_vocabulary_expands_inline_and_as_a_list(tmp_path):
    vocab = {"fillers": ["synergy", "leverage"]}
    rule = load_rule_file(
        textwrap.dedent(GOOD).replace(
            "  - phrase: synergy",
            "  - phrase: [{vocab: fillers}, paradigm]\n  - tokens: [{LOWER: {IN: {vocab: fillers}}}]",
        ),
        "rules/tone/test.yaml",
        "tone",
        "test",
        vocab,
    )
    specs = rule.settings["patterns"].specs
    assert specs[0]["phrase"] == ["synergy", "leverage", "paradigm"]
    assert specs[1]["tokens"] == [{"LOWER": {"IN": ["synergy", "leverage"]}}]


def test_unknown_vocabulary_is_named():
    text = textwrap.dedent(GOOD).replace("  - phrase: synergy", "  - phrase: {vocab: filers}")
    with pytest.raises(RuleError) as info:
        load_rule_file(text, "rules/tone/test.yaml", "tone", "test", {"fillers": ["synergy"]})
    assert "unknown vocabulary 'filers'" in str(info.value) and "fillers" in str(info.value)


def test_custom_rule_folder_uses_its_own_and_the_shared_vocabularies(tmp_path):
    from thanklint.rules import load_rules

    (tmp_path / "vocabularies").mkdir()
    (tmp_path / "vocabularies" / "buzzwords.yaml").write_text("words: [synergy, leverage]\n")
    (tmp_path / "tone").mkdir()
    (tmp_path / "tone" / "buzz.yaml").write_text(
        textwrap.dedent(GOOD).replace(
            "  - phrase: synergy", "  - tokens: [{LEMMA: {IN: [{vocab: buzzwords}, {vocab: generic-things}]}}]"
        )
    )
    rule = next(r for r in load_rules((str(tmp_path),)) if r.id == "tone.buzz")
    words = rule.settings["patterns"].specs[0]["tokens"][0]["LEMMA"]["IN"]
    assert words[:2] == ["synergy", "leverage"] and "culture" in words


def _buzz_rule(tmp_path, vocabularies: dict[str, str], patterns: str):
    """tone.buzz loaded from a rule folder whose vocabularies are `vocabularies` (name: text)."""
    from thanklint.rules import load_rules

    (tmp_path / "vocabularies").mkdir(exist_ok=True)
    for name, text in vocabularies.items():
        (tmp_path / "vocabularies" / f"{name}.yaml").write_text(text)
    (tmp_path / "tone").mkdir(exist_ok=True)
    (tmp_path / "tone" / "buzz.yaml").write_text(textwrap.dedent(GOOD).replace("  - phrase: synergy", patterns))
    return next(r for r in load_rules((str(tmp_path),)) if r.id == "tone.buzz")


def test_a_vocabulary_of_patterns_is_shared_by_rules(tmp_path):
    not_buzz = {"not-buzz": "patterns:\n  - name: quoted-synergy\n    phrase: [true synergy]\n"}
    rule = _buzz_rule(tmp_path, not_buzz, "  - phrase: synergy\nexceptions:\n  - {vocab: not-buzz}")
    assert rule.settings["exceptions"].specs == [{"name": "quoted-synergy", "phrase": ["true synergy"]}]
    with pytest.raises(RuleError) as info:
        _buzz_rule(tmp_path, {"not-buzz": "patterns: [synergy]\n"}, "  - phrase: synergy")
    assert "each a mapping" in str(info.value) and "not-buzz.yaml" in str(info.value)


def test_a_vocabulary_of_patterns_may_name_word_lists_but_not_itself(tmp_path):
    buzz = {
        "buzz-words": "words: [synergy, leverage]\n",
        "buzz": "patterns:\n  - name: buzz-word\n    tokens:\n      - {LOWER: {IN: {vocab: buzz-words}}}\n",
    }
    rule = _buzz_rule(tmp_path, buzz, "  - {vocab: buzz}")
    assert rule.settings["patterns"].specs == [
        {"name": "buzz-word", "tokens": [{"LOWER": {"IN": ["synergy", "leverage"]}}]}
    ]
    with pytest.raises(RuleError) as info:
        _buzz_rule(
            tmp_path, {"buzz": "patterns:\n  - name: loop\n    tokens:\n      - {vocab: buzz}\n"}, "  - {vocab: buzz}"
        )
    assert "vocabulary 'buzz' refers to itself" in str(info.value)


def test_pattern_name_must_be_a_label():
    with pytest.raises(RuleError) as info:
        load(GOOD.replace("  - phrase: synergy", "  - phrase: synergy\n    name: Two Words"))
    assert "name: expected a short kebab-case label" in str(info.value)


def test_rules_load_once_per_process_until_a_rule_file_changes(tmp_path):
    from thanklint.rules import load_rules

    assert load_rules()[0] is load_rules()[0]  # not parsed again for another configuration
    rule = tmp_path / "tone" / "buzzword.yaml"
    rule.parent.mkdir()
    text = (ROOT / "rules" / "tone" / "emoji.yaml").read_text(encoding="utf-8")
    rule.write_text(text)
    first = load_rules((str(tmp_path),))[-1]
    assert load_rules((str(tmp_path),))[-1] is first
    rule.write_text(text.replace("severity: ", "severity: error\nx-old-severity: ", 1))
    os.utime(rule, ns=(rule.stat().st_mtime_ns + 10**9,) * 2)
    assert load_rules((str(tmp_path),))[-1].severity.name == "ERROR"


def test_pattern_names_are_unique_within_each_list_of_a_rule():
    """Documentation, examples and reviews name patterns; two with one name would be confused
    (a new pattern once took the name of an older one in the same rule)."""
    from collections import Counter

    from thanklint.patterns import PatternSet
    from thanklint.rules import load_rules

    repeated, seen = [], 0
    for rule in load_rules():
        for key, value in rule.settings.items():
            if isinstance(value, PatternSet):
                names = [spec["name"] for spec in value.specs if spec.get("name")]
                seen += len(names)
                repeated += [f"{rule.id} {key}: {name}" for name, count in Counter(names).items() if count > 1]
    assert seen > 500 and not repeated, repeated
