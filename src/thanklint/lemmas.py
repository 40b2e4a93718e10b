"""The rule lemmatizer's answers, remembered by word, part of speech and morphology.

spaCy's rule lemmatizer tests each candidate form of a word it has not met against the
pipeline's index of known lemmas, which is a list (57,528 nouns): about a millisecond per new
word, 1.35 s for the lemmas of 475 labelled drafts. Here the index answers membership with a
set (it stays a list, so the pipeline serialises as before). The lemmatizer also visits every
token in Python, building a token and its morphology object only to find its answer in a
cache; its answer depends on nothing but the word, part of speech and morphology, which are
columns of the document's attribute array, so here the answers are kept by those three values,
asked of spaCy's own lemmatizer the first time a combination is met, and written in one array
(0.15 s for the same drafts). The lemmas are spaCy's, token for token (the tests compare them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

#: Distinct (word, part of speech, morphology) answers kept: a long editor session meets new
#: words forever.
MAX_REMEMBERED = 200_000


class _LemmaIndex(list):
    """A list of known lemmas whose membership test is a set's."""

    def __init__(self, words) -> None:
        super().__init__(words)
        self._members = frozenset(self)

    def __contains__(self, word: object) -> bool:
        return word in self._members


class _Remembering:
    """Mixed into the pipeline's lemmatizer class: `__call__` by the remembered answers."""

    remembered: dict[tuple[int, int, int], int]

    def __reduce_ex__(self, protocol):
        """Pickled as the lemmatizer spaCy made: the remembered answers are only a cache."""
        function, args, state, *rest = super().__reduce_ex__(protocol)
        base = next(c for c in type(self).__mro__ if c is not _Remembering and not issubclass(c, _Remembering))
        if isinstance(state, dict):
            state = {key: value for key, value in state.items() if key != "remembered"}
        return (function, (base, *args[1:]), state, *rest)

    def __call__(self, doc: Doc) -> Doc:
        import numpy
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        if not getattr(self, "_validated", True):
            return super().__call__(doc)  # type: ignore[misc]  # spaCy checks its tables on the first call
        if not len(doc):
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        strings = doc.vocab.strings
        lemmas = []
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma:  # set by the attribute ruler: spaCy's lemmatizer does not overwrite it
                lemmas.append(lemma)
                continue
            key = (orth, pos, morph)
            found = self.remembered.get(key)
            if found is None:
                if len(self.remembered) >= MAX_REMEMBERED:
                    self.remembered.clear()
                lemmatizer: Any = self
                found = self.remembered[key] = strings.add(lemmatizer.lemmatize(doc[i])[0])
            lemmas.append(found)
        column: Any = numpy.asarray(lemmas, dtype="uint64").reshape(-1, 1)
        doc.from_array([LEMMA], column)
        return doc


def install(nlp: Language) -> None:
    """Give the pipeline's lemmatizer the remembered answers, when it is a rule lemmatizer that
    keeps lemmas already set (English's is); any other stays as it is. spaCy calls a component
    through its class, so the component's class is swapped for a subclass with the new
    `__call__`; everything else is the lemmatizer's own."""
    from spacy.pipeline import Lemmatizer

    if "lemmatizer" not in nlp.pipe_names:
        return
    lemmatizer: Any = nlp.get_pipe("lemmatizer")
    if not isinstance(lemmatizer, Lemmatizer) or lemmatizer.mode != "rule" or lemmatizer.overwrite:
        return
    if isinstance(lemmatizer, _Remembering):
        return
    index = lemmatizer.lookups.get_table("lemma_index", None)
    if index is not None:
        for part_of_speech in list(index.keys()):
            index[part_of_speech] = _LemmaIndex(index[part_of_speech])
    base = type(lemmatizer)
    remembering: Any = lemmatizer
    remembering.__class__ = type(f"Remembering{base.__name__}", (_Remembering, base), {})
    remembering.remembered = {}
