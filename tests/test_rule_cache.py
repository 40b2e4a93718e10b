"""The rule cache: a process reads the parsed rules back instead of parsing the rule files, until
a rule or vocabulary file or thanklint itself changes; entries are written atomically, and a
corrupt or foreign entry is ignored."""

from __future__ import annotations

import multiprocessing
import os

import pytest

from thanklint import rulecache, rules

RULE = """kind: existence
severity: warning
message: "Avoid '{match}'."
description: Checks for buzzwords.
rationale: Buzzwords make a note sound like a brochure rather than a person writing.
patterns:
  - phrase: {vocab: buzzwords}
  - regex: '\\bsynerg\\w*'
examples:
  bad: ["Hi Ana,\\n\\nThank you; I love the synergy.\\n"]
  good: ["Hi Ana,\\n\\nThank you for your time.\\n"]
"""


@pytest.fixture
def parsed(tmp_path, monkeypatch):
    """A private cache folder, a custom rule folder, and the folders whose rule files were parsed."""
    monkeypatch.setenv("THANKLINT_CACHE_DIR", str(tmp_path / "cache"))
    custom = tmp_path / "rules"
    (custom / "tone").mkdir(parents=True)
    (custom / "vocabularies").mkdir()
    (custom / "tone" / "buzzword.yaml").write_text(RULE)
    (custom / "vocabularies" / "buzzwords.yaml").write_text("words: [leverage]\n")
    seen: list[tuple[str, ...]] = []
    real = rules._parse_rules

    def counting(extra_dirs):
        seen.append(extra_dirs)
        return real(extra_dirs)

    monkeypatch.setattr(rules, "_parse_rules", counting)
    rules._load_rules.cache_clear()  # as in a new process
    yield custom, seen
    rules._load_rules.cache_clear()


def _load(custom) -> dict[str, rules.Rule]:
    rules._load_rules.cache_clear()  # each load as in a new process
    return {r.id: r for r in rules.load_rules((str(custom),))}


def _phrases(rule: rules.Rule) -> list:
    return [s.get("phrase") for s in rule.settings["patterns"].specs]


def test_a_second_process_reads_the_rules_back(parsed):
    custom, seen = parsed
    first = _load(custom)
    second = _load(custom)
    assert len(seen) == 1
    assert list(second) == list(first) and all(second[i] == first[i] for i in first)
    for rule_id, rule in first.items():  # settings are not part of a rule's equality
        assert rulecache._encode(second[rule_id]) == rulecache._encode(rule)
    buzzword = second["tone.buzzword"].settings["patterns"]
    assert _phrases(second["tone.buzzword"]) == [["leverage"], None]
    assert buzzword.regexes[0][1].search("great synergies")


@pytest.mark.parametrize(
    "change",
    [
        lambda custom: (custom / "tone" / "buzzword.yaml").write_text(RULE.replace("warning", "error")),
        lambda custom: (custom / "vocabularies" / "buzzwords.yaml").write_text("words: [leverage, pivot]\n"),
        lambda custom: (custom / "tone" / "jargon.yaml").write_text(RULE),
        lambda custom: os.utime(custom / "tone" / "buzzword.yaml", ns=(1, 1)),
    ],
    ids=["rule-text", "vocabulary", "new-rule", "mtime"],
)
def test_a_changed_rule_folder_is_parsed_again(parsed, change):
    custom, seen = parsed
    _load(custom)
    change(custom)
    _load(custom)
    assert len(seen) == 2


def test_the_new_rule_text_is_what_is_read_back(parsed):
    custom, seen = parsed
    _load(custom)
    (custom / "vocabularies" / "buzzwords.yaml").write_text("words: [leverage, pivot]\n")
    _load(custom)
    assert _phrases(_load(custom)["tone.buzzword"]) == [["leverage", "pivot"], None]
    assert len(seen) == 2


def test_a_new_version_of_thanklint_parses_again(parsed, request):
    custom, seen = parsed
    _load(custom)
    request.getfixturevalue("new_version")
    _load(custom)
    assert len(seen) == 2


@pytest.mark.parametrize("garbage", ['{"key": ', '{"key": "x", "rules": []}', "\x00\xff", "[]"])
def test_a_corrupt_or_foreign_entry_is_ignored_and_replaced(parsed, garbage):
    custom, seen = parsed
    first = _load(custom)
    (entry,) = rulecache.folder().glob("*.json")
    entry.write_text(garbage, encoding="utf-8", errors="surrogateescape")
    assert _load(custom) == first and len(seen) == 2
    assert _load(custom) == first and len(seen) == 2  # replaced by a good entry


def test_a_broken_rule_file_is_reported_and_not_stored(parsed):
    custom, seen = parsed
    (custom / "tone" / "buzzword.yaml").write_text(RULE.replace("kind: existence", "kind: existance"))
    for _ in range(2):
        with pytest.raises(rules.RuleError, match="unknown kind 'existance'"):
            _load(custom)
    assert len(seen) == 2 and not list(rulecache.folder().glob("*.json"))


def _write_and_read(args) -> list[str]:
    """Store rules under many keys while other processes do the same; what is read back is
    always whole: the rules stored under the key asked for, or nothing."""
    worker, stored = args
    folders = ["shared"]
    problems = []
    for n in range(25):
        key = f"{worker}-{n}"
        rulecache.put(folders, key, stored)
        for asked in (key, f"{1 - worker}-{n}"):
            got = rulecache.get(folders, asked)
            if got is not None and got != stored:
                problems.append(f"{asked}: rules differ")
    return problems


def test_concurrent_writers_never_leave_a_torn_entry(parsed):
    stored = tuple(rules.load_rules())
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    with context.Pool(2) as pool:
        assert pool.map(_write_and_read, [(0, stored), (1, stored)]) == [[], []]
    assert not [e for e in rulecache.folder().iterdir() if e.suffix != ".json"]  # no temporary file left
    last = [rulecache.get(["shared"], f"{worker}-24") for worker in (0, 1)]
    assert last.count(None) == 1 and stored in last  # the entry holds the last write, whole
