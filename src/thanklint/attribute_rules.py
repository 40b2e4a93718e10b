"""The attribute ruler's matches found by table lookups instead of spaCy's `Matcher`.

The English pipeline's attribute ruler (which maps fine tags to parts of speech, morphology
and some lemmas) tests its 179 one- and two-token patterns with spaCy's `Matcher`, whose set and
regular-expression tests call back into Python at every token: a third of the whole parse.
Its patterns test only a token's tag, lower-case form, dependency label and whether it is
space, so they are indexed here by the word or tag they need and tested on the document's
attribute arrays. The matches are the same, in the same order; the attributes they give a
token are merged and set once per token (`MergedAnnotations`), with spaCy's own setter. A
pipeline whose patterns test anything else keeps spaCy's matcher.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

#: The token attributes the lookups understand, as columns of `Doc.to_array`.
COLUMNS = ("TAG", "LOWER", "DEP", "IS_SPACE")
#: Distinct (tag, word, label, space) combinations whose first-token results are kept.
MAX_REMEMBERED = 100_000


class _Test:
    """One token's conditions: for each column, a required value, a set it must (or must not)
    be in, or a regular expression its text must match."""

    def __init__(self, spec: dict, strings) -> None:
        self.checks: list[tuple[int, str, Any]] = []
        for attr, value in spec.items():
            column = COLUMNS.index(attr)
            if isinstance(value, bool):
                self.checks.append((column, "eq", int(value)))
            elif isinstance(value, str):
                self.checks.append((column, "eq", _hash(strings, value)))
            elif set(value) == {"IN"}:
                self.checks.append((column, "in", {_hash(strings, v) for v in value["IN"]}))
            elif set(value) == {"NOT_IN"}:
                self.checks.append((column, "not_in", {_hash(strings, v) for v in value["NOT_IN"]}))
            elif set(value) == {"REGEX"}:
                self.checks.append((column, "regex", re.compile(value["REGEX"])))
            else:
                raise ValueError(f"unsupported test {value!r}")

    def keys(self) -> list[tuple[int, int]] | None:
        """(column, value) pairs of which a token must have one: an index entry for the test
        (None when it has no required value or set of values)."""
        for kind in ("eq", "in"):
            for column, how, value in sorted(self.checks, key=lambda c: c[0] != 1):  # the word first
                if how == kind and column != 3:
                    return [(column, value)] if how == "eq" else [(column, v) for v in value]
        return None

    def passes(self, row, text) -> bool:
        for column, how, value in self.checks:
            got = row[column]
            if how == "eq":
                ok = got == value
            elif how == "in":
                ok = got in value
            elif how == "not_in":
                ok = got not in value
            else:
                ok = value.search(text(got)) is not None
            if not ok:
                return False
        return True


def _hash(strings, value: str) -> int:
    return 0 if value == "" else strings[value]


class AttributeMatches:
    """A drop-in for `AttributeRuler.match`: the sorted (attribute id, match id, start, end)
    list spaCy's `set_annotations` expects."""

    def __init__(self, ruler) -> None:
        strings = ruler.vocab.strings
        self._text = strings.__getitem__  # a hash back to its string, for regular expressions
        self._starting: dict[tuple, list] = {}
        self.by_key: dict[tuple[int, int], list[tuple[int, int, list[_Test]]]] = defaultdict(list)
        self.everywhere: list[tuple[int, int, list[_Test]]] = []
        for attr_id, entry in enumerate(ruler.patterns):
            match_id = strings[str(attr_id)]
            for pattern in entry["patterns"]:
                if any("OP" in token for token in pattern) or any(set(token) - set(COLUMNS) for token in pattern):
                    raise ValueError("pattern outside the lookups")
                tests = [_Test(token, strings) for token in pattern]
                keys = tests[0].keys()
                item = (attr_id, match_id, tests)
                if keys is None:
                    self.everywhere.append(item)
                else:
                    for key in keys:
                        self.by_key[key].append(item)

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        rows = [tuple(row) for row in doc.to_array(list(COLUMNS)).tolist()] if len(doc) else []
        found = []
        for i, row in enumerate(rows):
            starting = self._starting.get(row)
            if starting is None:
                if len(self._starting) >= MAX_REMEMBERED:  # a long editor session meets new words forever
                    self._starting.clear()
                starting = self._starting[row] = self._starting_at(row)
            for attr_id, match_id, rest in starting:
                end = i + 1 + len(rest)
                if end <= len(rows) and all(test.passes(rows[i + 1 + k], self._text) for k, test in enumerate(rest)):
                    found.append((attr_id, match_id, i, end))
        found.sort()
        return found

    def _starting_at(self, row: tuple) -> list[tuple[int, int, list[_Test]]]:
        """The patterns whose first token a token with these attributes passes (with the tests
        left for the tokens after it): the same for every token alike, so worked out once."""
        candidates = self.everywhere + [
            item for column in (0, 1, 2) for item in self.by_key.get((column, row[column]), ())
        ]
        return [(a, m, tests[1:]) for a, m, tests in candidates if tests[0].passes(row, self._text)]


class MergedAnnotations:
    """A drop-in for `AttributeRuler.set_annotations`: spaCy sets each match's attributes on its
    token one match at a time (about four per token: a tag's part of speech, then its
    morphology, ...), building a span and a token for each. The attributes a token gets are
    merged first, in the matches' order so that a later rule still wins, and set once."""

    def __init__(self, ruler) -> None:
        self.ruler = ruler

    def __call__(self, doc: Doc, matches: list[tuple[int, int, int, int]]) -> None:
        from spacy.pipeline import AttributeRuler
        from spacy.tokens._retokenize import set_token_attrs

        ruler = self.ruler
        merged: dict[int, dict] = {}
        for attr_id, _match_id, start, end in matches:
            index = ruler.indices[attr_id]
            token = (start if index >= 0 else end) + index
            if not start <= token < end:  # spaCy's own error, naming the pattern
                AttributeRuler.set_annotations(ruler, doc, matches)
                return
            merged.setdefault(token, {}).update(ruler.attrs[attr_id])
        for token, attrs in merged.items():
            set_token_attrs(doc[token], attrs)


def install(nlp: Language) -> None:
    """Give the pipeline's attribute ruler the lookups, when its patterns allow them, and set
    its attributes token by token."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler: Any = nlp.get_pipe("attribute_ruler")
    try:
        lookups = AttributeMatches(ruler)
    except (ValueError, KeyError, TypeError):
        return  # a pattern the lookups do not understand: spaCy's matcher stays
    ruler.match = lookups
    ruler.set_annotations = MergedAnnotations(ruler)
