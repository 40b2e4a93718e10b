"""The match engine: a pattern runs only when its words occur, and dependency patterns are
walked on the parse; every match is the one spaCy's own matchers find."""

from __future__ import annotations

from pathlib import Path

import pytest

from thanklint.dependency import compile_tree
from thanklint.errors import RuleError
from thanklint.matching import MatchBank, needs_of
from thanklint.patterns import PatternSet

ROOT = Path(__file__).resolve().parent.parent
DRAFTS = (
    sorted((ROOT / "tests" / "eval-rough" / "drafts").iterdir())[:25]
    + sorted((ROOT / "tests" / "eval" / "drafts").iterdir())[:25]
)


@pytest.fixture(scope="module")
def nlp(linter):
    return linter.nlp


@pytest.fixture(scope="module")
def docs(nlp):
    texts = []
    for path in DRAFTS:
        text = path.read_text(encoding="utf-8")
        texts.append(text.split("\n---", 1)[-1] if text.startswith("---") else text)
    return list(nlp.pipe(texts))


def reference(nlp, pattern_sets, doc):
    """What spaCy's matchers find for the same patterns, with nothing skipped or rewritten."""
    from spacy.matcher import DependencyMatcher, Matcher

    found = set()
    for pattern_set in pattern_sets:
        for i, spec in enumerate(pattern_set.specs):
            targets = pattern_set.targets(i)
            if "tokens" in spec:
                matcher = Matcher(nlp.vocab)
                matcher.add("p", [spec["tokens"]])
                for _, start, end, align in matcher(doc, with_alignments=True):
                    picked = [start + k for k, a in enumerate(align) if targets is None or a in targets] or [
                        start,
                        end - 1,
                    ]
                    found.add((id(pattern_set), i, doc[min(picked)].idx, doc[max(picked)].idx))
            elif "dep" in spec:
                matcher = DependencyMatcher(nlp.vocab)
                matcher.add("p", [spec["dep"]])
                for _, ids in matcher(doc):
                    picked = ids if targets is None else [ids[t] for t in targets]
                    found.add((id(pattern_set), i, doc[min(picked)].idx, doc[max(picked)].idx))
    return found


def engine(bank, doc):
    return {
        (id(pattern_set), m.pattern, m.start, doc.char_span(m.start, m.end, alignment_mode="expand")[-1].idx)
        for pattern_set, matches in bank.run(doc).items()
        for m in matches
        if "phrase" not in pattern_set.specs[m.pattern]
    }


def test_every_builtin_pattern_matches_exactly_what_spacy_finds(linter, nlp, docs):
    pattern_sets = [s for _, check in linter.checks for s in check.pattern_sets()]
    bank = MatchBank(nlp, pattern_sets)
    assert sum(1 for c in bank.deps if compile_tree(c.pattern_set.specs[c.pattern]["dep"])) > 20  # walked, not spaCy's
    total = 0
    for doc in docs:
        expected = reference(nlp, pattern_sets, doc)
        assert engine(bank, doc) == expected, doc.text[:80]
        total += len(expected)
    assert total > 500  # the drafts exercise the patterns


def pattern_set(*specs):
    return PatternSet(list(specs), "rules/test.yaml", "patterns", [None] * len(specs))


def test_a_pattern_whose_word_is_absent_is_never_run(nlp):
    present = pattern_set({"tokens": [{"LOWER": "thanks"}, {"LOWER": "for"}]})
    absent = pattern_set({"tokens": [{"LEMMA": {"IN": ["appreciate", "grateful"]}}, {"OP": "*"}, {"LOWER": "for"}]})
    bank = MatchBank(nlp, [present, absent])

    def must_not_run(*args, **kwargs):
        raise AssertionError("ran a pattern whose words are not in the draft")

    bank.tokens[1]._run = must_not_run
    found = bank.run(nlp("Thanks for the tour of the lab."))
    assert [m.pattern for m in found[present]] == [0] and absent not in found
    with pytest.raises(AssertionError, match="words are not in the draft"):
        bank.run(nlp("I appreciate the tour, and I am grateful for it."))


def test_validated_patterns_are_built_only_when_a_draft_needs_them(nlp):
    """The first bank of a pattern list builds and validates every pattern and records it; a
    later bank of the same patterns builds a matcher only when a draft first holds its words,
    and finds the same matches."""
    specs = [
        {"tokens": [{"LOWER": "thanks"}, {"LOWER": "for"}, {"POS": "DET", "OP": "?"}]},
        {"tokens": [{"LEMMA": "appreciate"}, {"OP": "{0,6}"}, {"LOWER": "time"}]},
        {"dep": [{"RIGHT_ID": "v", "RIGHT_ATTRS": {"LEMMA": "enjoy"}}]},
    ]
    patterns = pattern_set(*specs)
    first = MatchBank(nlp, [patterns])
    assert all(compiled._run is not None for compiled in first.tokens + first.deps)
    later = MatchBank(nlp, [patterns])
    assert all(compiled._run is None for compiled in later.tokens + later.deps)
    doc = nlp("Thanks for the tour. I enjoyed it.")
    assert engine(later, doc) == engine(first, doc) == reference(nlp, [patterns], doc) and len(engine(first, doc)) == 3
    assert [compiled._run is None for compiled in later.tokens + later.deps] == [False, True, False]


def test_a_pattern_changed_after_its_record_is_validated_again(nlp):
    MatchBank(nlp, [pattern_set({"tokens": [{"LOWER": "thanks"}]})])
    with pytest.raises(RuleError, match="invalid pattern"):
        MatchBank(nlp, [pattern_set({"tokens": [{"LOWER": {"INN": ["thanks"]}}]})])


def test_needs_are_read_from_required_tokens_only():
    from spacy.strings import get_string_id

    needs = needs_of(
        [
            {"ORTH": "Thanks"},
            {"LOWER": "so", "OP": "?"},
            {"LEMMA": {"IN": ["much", "lot"]}},
            {"POS": "NOUN"},
            {"LOWER": {"IN": ["again"]}, "OP": "{0,2}"},
            {"LOWER": "time", "OP": "+"},
        ]
    )
    assert needs.sets == (
        (0, frozenset([get_string_id("thanks")])),
        (1, frozenset([get_string_id("much"), get_string_id("lot")])),
        (0, frozenset([get_string_id("time")])),
    )


@pytest.mark.parametrize(
    "pattern",
    [
        [{"RIGHT_ID": "v", "RIGHT_ATTRS": {"LEMMA": {"REGEX": "^enjoy"}}}],
        [{"RIGHT_ID": "v", "RIGHT_ATTRS": {"LENGTH": {">=": 7}}}],
        [
            {"RIGHT_ID": "v", "RIGHT_ATTRS": {"POS": "VERB"}},
            {"LEFT_ID": "v", "REL_OP": ">++", "RIGHT_ID": "n", "RIGHT_ATTRS": {"POS": "PROPN"}},
        ],
    ],
)
def test_patterns_beyond_the_walker_stay_with_spacy(nlp, pattern):
    assert compile_tree(pattern) is None
    doc = nlp("I enjoyed meeting Ms. Rivera and the Team today.")
    custom = pattern_set({"dep": pattern})
    bank = MatchBank(nlp, [custom])
    assert engine(bank, doc) == reference(nlp, [custom], doc)
    assert engine(bank, doc)  # something matched, through spaCy's own matcher


#: Drafts whose sentences meet at the edges the word-order operators must not cross.
ORDER_DRAFTS = [
    "Thanks, Ms. Rivera. I enjoyed meeting the Team and 3 others today. And having seen the MRI suite, I am keen.",
    "hi dana. i loved hearing about the Pike St depot\nI ran 40 routes a week at Northgate for 2 years and having",
]


@pytest.mark.parametrize(
    "pattern",
    [
        [{"RIGHT_ID": "n", "RIGHT_ATTRS": {"IS_TITLE": True, "POS": "PROPN"}}],
        [{"RIGHT_ID": "n", "RIGHT_ATTRS": {"LIKE_NUM": True}}],
        [{"RIGHT_ID": "n", "RIGHT_ATTRS": {"IS_LOWER": False, "IS_ALPHA": True}}],
        [
            {"RIGHT_ID": "v", "RIGHT_ATTRS": {"POS": "VERB"}},
            {"LEFT_ID": "v", "REL_OP": ".", "RIGHT_ID": "n", "RIGHT_ATTRS": {"IS_PUNCT": False}},
        ],
        [
            {"RIGHT_ID": "v", "RIGHT_ATTRS": {"TAG": {"IN": ["VBD", "VBN", "VBG"]}}},
            {"LEFT_ID": "v", "REL_OP": ";", "RIGHT_ID": "p", "RIGHT_ATTRS": {}},
        ],
        [
            {"RIGHT_ID": "v", "RIGHT_ATTRS": {"POS": {"IN": ["VERB", "AUX"]}}},
            {"LEFT_ID": "v", "REL_OP": ">", "RIGHT_ID": "o", "RIGHT_ATTRS": {"DEP": {"NOT_IN": ["punct"]}}},
            {"LEFT_ID": "o", "REL_OP": ";", "RIGHT_ID": "w", "RIGHT_ATTRS": {"IS_UPPER": False}},
        ],
    ],
)
def test_flags_and_word_order_are_walked_as_spacy_matches_them(nlp, pattern):
    """The next and previous token are sought inside the tree of the sentence, as spaCy seeks
    them: never across a sentence boundary."""
    assert compile_tree(pattern) is not None
    custom = pattern_set({"dep": pattern})
    bank = MatchBank(nlp, [custom])
    total = 0
    for doc in nlp.pipe(ORDER_DRAFTS):
        assert engine(bank, doc) == reference(nlp, [custom], doc), doc.text
        total += len(reference(nlp, [custom], doc))
    assert total


@pytest.mark.parametrize(
    "pattern",
    [
        [{"RIGHT_ID": "v", "RIGHT_ATTR": {"LEMMA": "enjoy"}}],  # a misspelt key
        [{"RIGHT_ID": "v", "RIGHT_ATTRS": {"LEMMA": "enjoy"}, "REL_OP": ">"}],  # the first node hangs from nothing
        [
            {"RIGHT_ID": "v", "RIGHT_ATTRS": {"LEMMA": "enjoy"}},
            {"LEFT_ID": "v", "RIGHT_ID": "o", "RIGHT_ATTRS": {"DEP": "dobj"}},  # no relation
        ],
        [
            {"RIGHT_ID": "v", "RIGHT_ATTRS": {"LEMMA": "enjoy"}},
            {"LEFT_ID": "v", "REL_OP": ">", "RIGHT_ID": "v", "RIGHT_ATTRS": {"DEP": "dobj"}},  # an id twice
        ],
    ],
)
def test_a_pattern_the_walker_compiles_is_one_spacy_accepts(nlp, pattern):
    """spaCy's validation is skipped for a pattern the walker compiles, so the walker compiles
    none that spaCy would refuse: each of these falls back to spaCy, which names the fault."""
    assert compile_tree(pattern) is None
    with pytest.raises(RuleError, match="invalid pattern"):
        MatchBank(nlp, [pattern_set({"dep": pattern})])


def test_matches_are_sought_only_around_the_words_they_hold(nlp):
    from spacy.strings import get_string_id

    from thanklint.dependency import Columns
    from thanklint.matching import Anchor, anchors_of

    thank, you = (frozenset([get_string_id(w)]) for w in ("thank", "you"))
    bounded = [{"LOWER": "thank"}, {"LOWER": "you"}, {"LOWER": {"IN": ["so", "very"]}, "OP": "{0,2}"}]
    assert anchors_of(bounded) == [Anchor(0, thank, 0, 3), Anchor(0, you, 1, 2)]
    assert anchors_of([{"LEMMA": "enjoy"}, {"POS": "ADV", "OP": "*"}])[0].after is None
    assert anchors_of([{"LOWER": "really", "OP": "?"}, {"LOWER": "enjoy"}])[0].before == 1
    doc = nlp("Thank you. I mean it: thank you so much, and thank you again for the tour.")
    bank = MatchBank(nlp, [pattern_set({"tokens": bounded})])
    (compiled,) = bank.tokens
    starts = [t.i for t in doc if t.lower_ == "thank"]
    assert compiled.windows(Columns(doc)) == [(s, min(s + 4, len(doc))) for s in starts]
    close = nlp("Thank thank thank you.")
    assert compiled.windows(Columns(close)) == [(2, len(close))]  # around the one "you", the rarer word
    assert engine(bank, doc) == reference(nlp, [compiled.pattern_set], doc)
    assert len(engine(bank, doc)) == 4  # "thank you" three times, once more with "so"


def test_a_stretch_without_the_words_in_the_pattern_order_is_never_run(nlp):
    """A stretch runs only if it holds a word of every anchor, each after the last: "tour ...
    thank" cannot hold a match of "thank ... tour"."""
    from thanklint.dependency import Columns

    bank = MatchBank(nlp, [pattern_set({"tokens": [{"LOWER": "thank"}, {"OP": "{0,3}"}, {"LOWER": "tour"}]})])
    (compiled,) = bank.tokens
    backwards = nlp("The tour, thank you.")
    assert not compiled.holds_anchors(Columns(backwards), 0, len(backwards))
    forwards = nlp("Thank you for the tour.")
    assert compiled.holds_anchors(Columns(forwards), 0, len(forwards))
    assert not compiled.holds_anchors(Columns(forwards), 1, len(forwards))  # the stretch starts after "Thank"

    def must_not_run(*args, **kwargs):
        raise AssertionError("ran on a stretch that cannot hold a match")

    compiled._run = must_not_run
    assert bank.run(backwards) == {}
    with pytest.raises(AssertionError, match="cannot hold a match"):
        bank.run(forwards)


def test_an_open_pattern_is_sought_between_its_first_and_last_possible_words(nlp):
    from thanklint.dependency import Columns

    open_ended = [
        {"IS_TITLE": True, "OP": "?"},
        {"LOWER": "enjoyed"},
        {"OP": "*"},
        {"LOWER": "tour"},
        {"IS_PUNCT": True},
    ]
    doc = nlp("Hello. We toured, I enjoyed the walk, I enjoyed the tour. The tour ran long. Bye now.")
    bank = MatchBank(nlp, [pattern_set({"tokens": open_ended})])
    (compiled,) = bank.tokens
    enjoyed = [t.i for t in doc if t.lower_ == "enjoyed"]
    tour = [t.i for t in doc if t.lower_ == "tour"]
    assert compiled.windows(Columns(doc)) == [(enjoyed[0] - 1, tour[-1] + 2)]
    assert engine(bank, doc) == reference(nlp, [compiled.pattern_set], doc)
    assert len(engine(bank, doc)) == 4  # from each "enjoyed" to each later "tour", with or without "I"
    assert compiled.windows(Columns(nlp("The tour. I enjoyed it."))) == []  # no "tour" after "enjoyed"


@pytest.mark.parametrize("op", ["{0,6}", "{2,7}", "{,9}"])
def test_a_wide_range_runs_as_a_loop_and_matches_what_spacy_finds(nlp, op):
    """spaCy follows every way of filling an unrolled range (a minute for "{0,25}" on one
    sentence), so a wide one runs as a loop whose matches must fit the range: the same matches
    below, at and beyond its bounds, and across the pieces a long draft is run in."""
    custom = pattern_set(
        {
            "tokens": [
                {"LOWER": "sorry"},
                {"LOWER": {"NOT_IN": ["?", "!"]}, "OP": op},
                {"LOWER": {"IN": ["weeks", "days"]}},
            ]
        }
    )
    bank = MatchBank(nlp, [custom])
    assert bank.tokens[0].limits, "the range is run as a loop"
    texts = ["Sorry " + "so " * n + "late, weeks ago." for n in range(11)]
    texts.append(" ".join("sorry it took weeks and days, sorry, three weeks" for _ in range(12)))
    found = 0
    for doc in nlp.pipe(texts):
        expected = reference(nlp, [custom], doc)
        assert engine(bank, doc) == expected, doc.text
        found += len(expected)
    assert found > 20 and any(not reference(nlp, [custom], doc) for doc in nlp.pipe(texts[:11]))
