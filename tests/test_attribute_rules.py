"""The attribute ruler's matches by lookups are exactly spaCy's, and the parse is unchanged."""

from __future__ import annotations

import pytest

from thanklint.attribute_rules import AttributeMatches, MergedAnnotations, install


@pytest.fixture(scope="module")
def nlp(linter):
    return linter.nlp


def test_the_lookups_are_installed(nlp):
    assert isinstance(nlp.get_pipe("attribute_ruler").match, AttributeMatches)
    assert isinstance(nlp.get_pipe("attribute_ruler").set_annotations, MergedAnnotations)


def test_matches_are_spacys_own(nlp, sample_texts):
    from spacy.pipeline import AttributeRuler

    ruler = nlp.get_pipe("attribute_ruler")
    with nlp.select_pipes(disable=["attribute_ruler", "lemmatizer"]):
        docs = list(nlp.pipe(sample_texts))
    for doc in docs:
        assert ruler.match(doc) == AttributeRuler.match(ruler, doc)


def test_the_parse_is_the_same_with_spacys_matcher(nlp, sample_texts):
    ruler = nlp.get_pipe("attribute_ruler")
    fast = [[(t.pos_, str(t.morph), t.lemma_, t.tag_) for t in doc] for doc in nlp.pipe(sample_texts)]
    del ruler.match, ruler.set_annotations  # back to the class's methods: spaCy's Matcher, one match at a time
    try:
        slow = [[(t.pos_, str(t.morph), t.lemma_, t.tag_) for t in doc] for doc in nlp.pipe(sample_texts)]
    finally:
        install(nlp)
    assert fast == slow


def test_a_pattern_the_lookups_do_not_understand_keeps_spacys_matcher():
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "ok"}, {"IS_PUNCT": True, "OP": "+"}]], {"POS": "INTJ"})
    install(nlp)
    assert "match" not in vars(ruler)
    assert nlp("ok !!")[0].pos_ == "INTJ"
