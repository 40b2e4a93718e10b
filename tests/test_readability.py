"""The readability scores thanklint computes equal textstat's (whose dictionary load it avoids)."""

from __future__ import annotations

import pytest
import textstat

from conftest import ROOT
from thanklint import readability
from thanklint.draft import read_path
from thanklint.layout import blank_out, find_layout

DRAFTS = sorted((ROOT / "tests" / "eval" / "drafts").iterdir())


def _body(path) -> str:
    content = blank_out(read_path(str(path)).content)
    body = find_layout(content).body
    return content[body.start : body.end]


@pytest.mark.parametrize("score", ["flesch_reading_ease", "flesch_kincaid_grade"])
def test_scores_equal_textstat_on_every_evaluation_draft(score):
    ours = [round(getattr(readability, score)(_body(p)), 1) for p in DRAFTS]
    theirs = [round(getattr(textstat, score)(_body(p)), 1) for p in DRAFTS]
    assert ours == theirs


def test_words_outside_the_dictionary_fall_back_to_hyphenation():
    assert readability.syllables("interview") == 3  # CMU: IH1 N T ER0 V Y UW2
    assert readability.syllables("zorblaxian") >= 3  # not in the dictionary
    assert readability.flesch_reading_ease("") == 0.0


def test_hyphenation_counts_equal_pyphens():
    """Words the CMU dictionary lacks are split as Pyphen splits them, from its patterns as
    stored in the cache folder: common words, rare ones, names and made-up strings."""
    from pyphen import Pyphen

    from thanklint.frequency import top

    pyphen = Pyphen(lang="en_US")
    words = [w for w in top(60000)[::3] if w.isalpha()]
    words += ["zorblaxian", "onboarding", "a", "ab", "abc", "supercalifragilistic", "naïve", "co-op", "x" * 40]
    readability._patterns.cache_clear()
    built = [readability._hyphenation_points(w) for w in words]
    readability._patterns.cache_clear()  # read back from the cache folder
    assert built == [readability._hyphenation_points(w) for w in words] == [len(pyphen.positions(w)) for w in words]
