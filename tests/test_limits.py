"""Bounds on the time one draft can take: a size limit, regexes that cannot backtrack
catastrophically, and per-draft steps that stay linear; and `--jobs` giving the findings of a
single process."""

from __future__ import annotations

import json
import textwrap

import pytest

from conftest import run_cli
from thanklint import nlp as nlp_module
from thanklint.api import Session
from thanklint.errors import RuleError
from thanklint.layout import Region, blank_out, find_layout
from thanklint.matching import MAX_TREE_TOKENS
from thanklint.rules import load_rule_file

RULE = textwrap.dedent("""\
    kind: existence
    severity: warning
    message: Found '{match}'.
    description: Checks for a pattern.
    rationale: A rule needs a rationale of some length to load at all, so here is one.
    patterns:
      - regex: 'PATTERN'
""")


@pytest.mark.parametrize("regex", [r"(a+)+$", r"(?:\w*\s?)*x", r"(?:(?:ab)+|c)*d"])
def test_nested_repetitions_are_refused_at_load(regex):
    with pytest.raises(RuleError, match=r"repeats a repetition"):
        load_rule_file(RULE.replace("PATTERN", regex), "mine/tone/slow.yaml", "tone", "slow")


@pytest.mark.parametrize("regex", [r"\b(?:thanks?|thank you)\b", r"(?:\s+\w+){0,3}", r"\d[\d,. ]{0,24}k"])
def test_bounded_repetitions_load(regex):
    assert load_rule_file(RULE.replace("PATTERN", regex), "mine/tone/ok.yaml", "tone", "ok").id == "tone.ok"


def test_pattern_entries_may_carry_a_name():
    rule = load_rule_file(
        RULE.replace("  - regex: 'PATTERN'", "  - regex: 'synergy'\n    name: buzzword"),
        "mine/tone/n.yaml",
        "tone",
        "n",
    )
    assert rule.settings["patterns"].specs[0]["name"] == "buzzword"


def test_bodies_over_max_bytes_are_refused_quickly_as_too_long(tmp_path):
    (tmp_path / ".thanklint.yaml").write_text("max_bytes: 2000\n")
    (tmp_path / "long.md").write_text("Hi Ana,\n\n" + "Thank you for the conversation. " * 80)
    (tmp_path / "short.md").write_text("Hi Ana,\n\nThank you for your time.\n\nBest,\nSam\n")
    result = run_cli("check", "--format", "json", str(tmp_path))
    files = {f["path"].rsplit("/", 1)[-1]: f for f in json.loads(result.stdout)["files"]}
    assert files["long.md"]["error"]["code"] == "too-long"
    assert "2,000 at most" in files["long.md"]["error"]["message"]
    assert files["short.md"]["error"] is None and result.returncode == 2


def test_max_bytes_must_be_a_positive_whole_number(tmp_path):
    (tmp_path / ".thanklint.yaml").write_text("max_bytes: lots\n")
    (tmp_path / "note.md").write_text("Hi Ana,\n\nThank you.\n")
    result = run_cli("check", str(tmp_path / "note.md"))
    assert "'max_bytes' must be a whole number of bytes above 0" in result.stdout + result.stderr


def test_trailing_spaces_do_not_merge_paragraphs():
    text = "Hi Ana,\n\nPara one. \n\nPara two.\n\nBest,\nSam\n"
    paragraphs = find_layout(text).paragraphs
    assert [text[p.start : p.end] for p in paragraphs] == ["Para one.", "Para two."]


def test_unclosed_comments_and_markers_keep_their_text():
    text = "Hi <!-- x --> Ana **there** and <!-- never closed\n**not bold"
    assert blank_out(text) == "Hi " + " " * 10 + " Ana   there   and <!-- never closed\n**not bold"
    assert find_layout("").body == Region(0, 0)


PANEL = (
    "---\ncompany: Northwind\ninterviewed_at: 2026-11-20\nrecipient: {name}\ninterviewers: [Dana Whitfield, Omar Reyes, Lee Park]\n---\n"
    "Hi {first},\n\nThank you for the conversation about the analyst role and the churn dashboard. "
    "I enjoyed hearing how the team plans the migration, and i would love to help.\n\nBest,\nSam\n"
)


def test_jobs_two_gives_the_findings_of_one_process(tmp_path):
    drafts = []
    for n, (name, first) in enumerate([("Dana Whitfield", "Dana"), ("Omar Reyes", "Omar")] * 3):
        drafts.append((str(tmp_path / f"{n}.md"), PANEL.format(name=name, first=first)))
    drafts.append((str(tmp_path / "other.md"), "Hi Ana,\n\nThanks!!! i loved it.\n"))
    one = Session(jobs=1).lint(drafts)
    two = Session(jobs=2).lint(drafts)
    assert [(r.path, r.findings, r.checklist, r.kind) for r in two.files] == [
        (r.path, r.findings, r.checklist, r.kind) for r in one.files
    ]
    ids = {f.rule_id for r in one.files for f in r.findings}
    assert {
        "personalization.duplicate-note",
        "personalization.interviewer-without-note",
    } <= ids  # compared across drafts


@pytest.mark.parametrize("count", [1, 3, 45, 300])
def test_workers_get_batches_that_shrink_towards_the_end(count):
    """Every draft once, in order; no batch larger than `BATCH`, and the last ones small, so the
    workers finish together."""
    from thanklint.parallel import BATCH, SMALLEST_BATCH, batches

    drafts = list(range(count))
    shares = batches(drafts, 2)  # type: ignore[arg-type]
    assert [d for share in shares for d in share] == drafts
    assert all(len(share) <= BATCH for share in shares)
    assert all(len(share) >= SMALLEST_BATCH for share in shares[:-1])
    if count > 4 * BATCH:
        assert len(shares[0]) == BATCH and len(shares[-2]) <= SMALLEST_BATCH


def test_word_lists_are_loaded_once_before_workers_are_forked(linter):
    """The dictionary, candidate corrections, frequencies, pronunciations, hyphenation patterns and
    greeting words are loaded by the calling process before `--jobs` forks its workers, which then
    share them; loaded lazily, each worker would load its own on its first draft."""
    from thanklint import frequency, readability
    from thanklint.checks import context, spelling

    loaders = [
        spelling._speller,
        spelling._vocabulary,
        frequency._centibels,
        readability._pronunciations,
        readability._patterns,
        context._vocabulary,  # the greeting words that are not names, and those that are surnames after a title
    ]
    for loader in loaders:
        loader.cache_clear()
    for _, check in linter.checks:
        check.before_workers()
    try:
        assert [loader.cache_info().currsize for loader in loaders] == [1] * (len(loaders) - 1) + [2]
    finally:
        for _, check in linter.checks:
            check.after_workers()


def _stretches(text: str) -> list[int]:
    return [len(part) for part in text.split()]


@pytest.mark.parametrize("unit", ["!", "'s", "😀", "https://example.com/" + "a" * 150 + " "])
def test_the_tokenizer_never_sees_a_stretch_longer_than_its_bound(linter, monkeypatch, unit):
    """spaCy splits punctuation off a stretch one piece at a time, rescanning the rest each time:
    quadratic in the stretch's length. Longer stretches are tokenized in pieces, offsets exact."""
    seen: list[str] = []
    make_doc = linter.nlp.make_doc
    monkeypatch.setattr(linter.nlp, "make_doc", lambda text: seen.append(text) or make_doc(text))
    text = "Hi Ana,\n\n" + unit * 300 + " thanks.\n"
    doc = nlp_module.parse_many(linter.nlp, [text], [[0]])[0]
    assert max(n for piece in seen for n in _stretches(piece)) <= nlp_module.MAX_STRETCH
    assert doc.text == text
    assert all(text[t.idx : t.idx + len(t)] == t.text for t in doc)
    assert not any(t.is_sent_start for t in nlp_module.tokenize(linter.nlp, text)[1:])  # a cut is no sentence break


def test_no_parsed_sentence_is_too_long_for_one_dependency_pass(linter):
    """The dependency matcher runs on the whole document only when every sentence fits
    `MAX_TREE_TOKENS`; sentence by sentence it copies the document for each one."""
    doc = nlp_module.parse_many(linter.nlp, ["**a " * 2000], [[0]])[0]
    assert max(len(sent) for sent in doc.sents) <= MAX_TREE_TOKENS


def _words(element: dict) -> set[str] | None:
    """The words (or lemmas) a token pattern element admits, or None for any word."""
    for key in ("LOWER", "ORTH", "LEMMA"):
        value = element.get(key)
        if isinstance(value, str):
            return {value.lower()}
        if isinstance(value, dict) and "IN" in value:
            return {w.lower() for w in value["IN"]}
    return None


def test_emoji_are_tagged_as_symbols_not_words(linter):
    """The tagger reads "the job 🙂" as a noun phrase headed by the emoji; every part of an emoji
    (skin tone, joiner) is tagged a symbol, and words keep their tags."""
    text = "really hope I get the job 🙂 thanks 👍🏽 and 👩‍💻 ok ☕"
    doc = nlp_module.parse_many(linter.nlp, [text], [[0]])[0]
    symbols = [t.text for t in doc if t.pos_ == "SYM" and t.tag_ == "NFP"]
    assert "".join(symbols) == "🙂👍🏽👩‍💻☕"
    assert [t.pos_ for t in doc if t.text in ("job", "thanks")] == ["NOUN", "NOUN"]


def test_no_built_in_token_pattern_repeats_openly_what_starts_it(ruleset):
    """spaCy's Matcher keeps a partial match alive from every start for an open repetition
    (`+`, `*`): when the repeated element admits the first element's words, a run of them
    ("please please ...", "Aaaa Aaaa ...") costs the square of its length. Such repetitions
    are bounded (`{0,3}`)."""
    offending = []
    for rule, check in ruleset.checks():
        for pattern_set in check.pattern_sets():
            for spec in pattern_set.specs:
                elements = spec.get("tokens") or []
                for element in elements[1:]:
                    first, repeated = _words(elements[0]), _words(element)
                    if element.get("OP") in ("+", "*") and (
                        first is None or (repeated is not None and first & repeated)
                    ):
                        offending.append((rule.id, elements))
                if elements and elements[0].get("OP") in ("+", "*"):
                    offending.append((rule.id, elements))
    assert offending == []


def test_drafts_are_grouped_by_interview_once_per_check_and_run(tmp_path, monkeypatch):
    """Asking each draft whether it is compared must not group the whole run again each time."""
    from thanklint.checks import corpus

    calls = []
    real = corpus._groups
    monkeypatch.setattr(corpus, "_groups", lambda drafts: calls.append(len(drafts)) or real(drafts))
    drafts = [
        (str(tmp_path / f"{n}.md"), PANEL.format(name=name, first=first))
        for n, (name, first) in enumerate([("Dana Whitfield", "Dana"), ("Omar Reyes", "Omar")] * 10)
    ]
    Session().lint(drafts)
    assert len(calls) <= 4  # two checks: once to decide which drafts they apply to, once to run
