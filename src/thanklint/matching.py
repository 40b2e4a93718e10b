"""One combined matching pass per draft for every enabled rule.

A rule set compiles the token, phrase and dependency patterns of all its rules into one
`Matcher`, one `PhraseMatcher` and one `DependencyMatcher`. Each runs once per document; the
match label maps back to the pattern set and the pattern within it, so every rule gets its own
matches without walking the document again.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from .errors import RuleError
from .patterns import Match, PatternSet

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


_BANKS: dict[tuple, tuple[MatchBank, Language, list[PatternSet]]] = {}


def bank_for(nlp: Language, pattern_sets: list[PatternSet]) -> MatchBank:
    """The bank of these pattern sets for this pipeline, compiled once per process (every
    `lint_text` call builds a new linter; the rules and the pipeline are shared)."""
    key = (id(nlp), *(id(s) for s in pattern_sets))
    if key not in _BANKS:  # the value keeps the objects alive, so their ids stay theirs
        _BANKS[key] = (MatchBank(nlp, pattern_sets), nlp, list(pattern_sets))
    return _BANKS[key][0]


class MatchBank:
    """The compiled token, phrase and dependency patterns of many pattern sets."""

    def __init__(self, nlp: Language, pattern_sets: Iterable[PatternSet]):
        from spacy.errors import MatchPatternError
        from spacy.matcher import DependencyMatcher, Matcher, PhraseMatcher

        vocab = nlp.vocab
        self.phrases = PhraseMatcher(vocab, attr="LOWER")
        self.tokens = Matcher(vocab, validate=True)
        self.deps = DependencyMatcher(vocab, validate=True)
        self.labels: dict[int, tuple[PatternSet, int]] = {}
        unique = list({id(s): s for s in pattern_sets}.values())
        for number, pattern_set in enumerate(unique):
            for i, spec in enumerate(pattern_set.specs):
                if "regex" in spec:
                    continue
                label = f"{number}:{i}"
                self.labels[vocab.strings.add(label)] = (pattern_set, i)
                try:
                    if "phrase" in spec:
                        texts = [spec["phrase"]] if isinstance(spec["phrase"], str) else spec["phrase"]
                        self.phrases.add(label, [nlp.make_doc(t) for t in texts])
                    elif "tokens" in spec:
                        self.tokens.add(label, [spec["tokens"]])
                    else:
                        self.deps.add(label, [spec["dep"]])
                except (MatchPatternError, ValueError, KeyError, TypeError) as exc:
                    line = pattern_set.lines[i] if i < len(pattern_set.lines) else None
                    message = " ".join(str(exc).split())
                    raise RuleError(pattern_set.where, f"invalid pattern: {message}", line, pattern_set.key) from None

    def run(self, doc: Doc) -> dict[PatternSet, list[Match]]:
        """Every token, phrase and dependency match in the document, by pattern set."""
        found: dict[PatternSet, list[Match]] = {}

        def add(key: int, first: int, last: int) -> None:
            pattern_set, i = self.labels[key]
            end = doc[last]
            found.setdefault(pattern_set, []).append(Match(doc[first].idx, end.idx + len(end), i))

        if len(self.phrases):
            for key, start, end in self.phrases(doc):
                add(key, start, end - 1)
        if len(self.tokens):
            for key, start, end, align in self.tokens(doc, with_alignments=True):  # type: ignore[misc]  # spaCy annotates 3-tuples; with_alignments adds a 4th
                targets = self.labels[key][0].targets(self.labels[key][1])
                picked = [start + k for k, a in enumerate(align) if targets is None or a in targets] or [start, end - 1]
                add(key, min(picked), max(picked))
        if len(self.deps):
            for offset, part in _dependency_parts(doc):
                for key, ids in self.deps(part):
                    targets = self.labels[key][0].targets(self.labels[key][1])
                    picked = [
                        offset + i for i in (ids if targets is None else [ids[t] for t in targets if t < len(ids)])
                    ]
                    add(key, min(picked), max(picked))
        return found


#: Dependency matching walks from every matched token to its root, which is quadratic in the
#: depth of a tree: a "sentence" longer than this (thousands of words without a full stop) is
#: not a sentence of a note, and is left out of dependency matching.
MAX_TREE_TOKENS = 250


def _dependency_parts(doc: Doc) -> list:
    """(token offset, doc or sentence) to run the dependency matcher on: the whole document
    when every sentence is of a sane length (a tree never crosses a sentence), else each sane
    sentence on its own."""
    sentences = list(doc.sents)
    if all(len(sent) <= MAX_TREE_TOKENS for sent in sentences):
        return [(0, doc)]
    return [(sent.start, sent) for sent in sentences if len(sent) <= MAX_TREE_TOKENS]
