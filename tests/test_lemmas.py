"""The remembered lemmas are exactly those of spaCy's own lemmatizer."""

from __future__ import annotations

import pytest

from thanklint.lemmas import install


@pytest.fixture(scope="module")
def stock(linter):
    """The same pipeline as spaCy loads it, with its own lemmatizer."""
    import spacy

    from thanklint import attribute_rules
    from thanklint.nlp import resolve_model

    nlp = spacy.load(resolve_model(linter.model), exclude=["ner"])
    attribute_rules.install(nlp)
    return nlp


def test_the_lemmatizer_remembers(linter):
    lemmatizer = linter.nlp.get_pipe("lemmatizer")
    assert type(lemmatizer).__name__.startswith("Remembering")
    assert "dog" in lemmatizer.lookups.get_table("lemma_index")["noun"]


def test_the_pipeline_still_pickles_and_serialises(linter, sample_texts):
    import pickle

    nlp = linter.nlp
    assert nlp.to_bytes()  # the lemma index is still a list to spaCy's serialiser
    copy = pickle.loads(pickle.dumps(nlp.get_pipe("lemmatizer")))
    assert not type(copy).__name__.startswith("Remembering")  # pickled as spaCy's own
    doc = nlp.make_doc(sample_texts[0])
    for name, component in nlp.pipeline:
        doc = copy(doc) if name == "lemmatizer" else component(doc)
    assert [t.lemma_ for t in doc] == [t.lemma_ for t in nlp(sample_texts[0])]


def test_the_lemmas_are_spacys_own(linter, stock, sample_texts):
    assert not type(stock.get_pipe("lemmatizer")).__name__.startswith("Remembering")
    ours = [[(t.text, t.lemma_) for t in doc] for doc in linter.nlp.pipe(sample_texts)]
    theirs = [[(t.text, t.lemma_) for t in doc] for doc in stock.pipe(sample_texts)]
    assert ours == theirs
    assert sum(len(doc) for doc in ours) > 20_000  # the drafts exercise the lemmatizer


def test_a_lemma_set_before_the_lemmatizer_is_kept(linter):
    nlp = linter.nlp
    doc = nlp.make_doc("She was reading the papers.")
    for name, component in nlp.pipeline:
        if name == "lemmatizer":
            doc[1].lemma_ = "kept"
        doc = component(doc)
    assert [t.lemma_ for t in doc] == ["she", "kept", "read", "the", "paper", "."]


def test_a_lemmatizer_of_another_mode_is_left_alone():
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    install(nlp)
    assert type(nlp.get_pipe("lemmatizer")).__name__ == "EnglishLemmatizer"
