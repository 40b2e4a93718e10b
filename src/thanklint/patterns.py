"""Pattern sets: phrases, spaCy token patterns, dependency patterns and regexes, with exceptions.

A rule's `patterns:` list is compiled once per pipeline into one `PhraseMatcher`, one `Matcher`
and one `DependencyMatcher`; regexes are aligned to whole tokens. Exceptions cancel a match that
overlaps them (`exceptions:`) or that shares its sentence (`sentence_exceptions:`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .errors import RuleError, shown

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

PATTERN_TYPES = ("phrase", "tokens", "dep", "regex")
PATTERN_KEYS = {*PATTERN_TYPES, "target", "replacement", "name"}
_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Match:
    """A matched character range of the parsed content, and the pattern that produced it."""

    start: int
    end: int
    pattern: int

    def overlaps(self, other: Match) -> bool:
        return self.start < other.end and other.start < self.end


def validate_spec(spec: Any, where: str, key: str, line: int | None) -> None:
    """Check the shape of one pattern entry without spaCy (spaCy validates token patterns later)."""
    if not isinstance(spec, dict):
        raise RuleError(where, "each pattern is a mapping with one of: " + ", ".join(PATTERN_TYPES), line, key)
    unknown = set(spec) - PATTERN_KEYS
    if unknown:
        raise RuleError(where, f"unknown pattern key '{sorted(unknown)[0]}'", line, key)
    kinds = [k for k in PATTERN_TYPES if k in spec]
    if len(kinds) != 1:
        raise RuleError(where, "a pattern needs exactly one of: " + ", ".join(PATTERN_TYPES), line, key)
    value = spec[kinds[0]]
    if kinds[0] == "phrase" and not (isinstance(value, str) or (isinstance(value, list) and all(isinstance(v, str) for v in value))):
        raise RuleError(where, "phrase: expected text or a list of text", line, key)
    if kinds[0] in ("tokens", "dep") and not (isinstance(value, list) and value and all(isinstance(v, dict) for v in value)):
        raise RuleError(where, f"{kinds[0]}: expected a list of token mappings", line, key)
    if kinds[0] == "regex":
        if not isinstance(value, str):
            raise RuleError(where, "regex: expected text", line, key)
        try:
            re.compile(value)
        except re.error as exc:
            raise RuleError(where, f"invalid regex {shown(value)}: {exc}", line, key) from None
    if "name" in spec and not (isinstance(spec["name"], str) and _NAME.match(spec["name"])):
        raise RuleError(where, "name: expected a short kebab-case label such as 'writer-as-subject'", line, key)
    target = spec.get("target", 0)
    if isinstance(target, bool) or not (isinstance(target, int) or (isinstance(target, list) and target
                                                                     and all(isinstance(t, int) and not isinstance(t, bool) for t in target))):
        raise RuleError(where, "target: expected the index of a pattern token, or a list of them", line, key)
    targets = target if isinstance(target, list) else [target]
    size = len(value) if kinds[0] in ("tokens", "dep") else None
    if any(t < 0 or (size is not None and t >= size) for t in targets):
        reach = f" 0 to {size - 1}" if size is not None else " 0 or more"
        raise RuleError(where, f"target: {shown(target)} is not a token of the pattern (expected{reach})", line, key)


class PatternSet:
    """The compiled form of a list of pattern specs."""

    def __init__(self, specs: list[dict], where: str, key: str, lines: list[int | None]):
        self.specs = specs
        self.where, self.key, self.lines = where, key, lines
        self._compiled: dict[int, tuple] = {}

    def __bool__(self) -> bool:
        return bool(self.specs)

    def name(self, pattern: int) -> str | None:
        """The pattern's `name:` label, used by documentation and tests."""
        return self.specs[pattern].get("name")

    def replacement(self, match: Match) -> str | None:
        return self.specs[match.pattern].get("replacement")

    def _matchers(self, nlp: Language) -> tuple:
        """Build (phrase, token, dependency matchers, regexes) for this pipeline, once."""
        key = id(nlp.vocab)
        if key in self._compiled:
            return self._compiled[key]
        from spacy.errors import MatchPatternError
        from spacy.matcher import DependencyMatcher, Matcher, PhraseMatcher

        phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        tokens = Matcher(nlp.vocab, validate=True)
        deps = DependencyMatcher(nlp.vocab, validate=True)
        regexes = []
        for i, spec in enumerate(self.specs):
            line = self.lines[i] if i < len(self.lines) else None
            try:
                if "phrase" in spec:
                    texts = [spec["phrase"]] if isinstance(spec["phrase"], str) else spec["phrase"]
                    phrases.add(str(i), [nlp.make_doc(t) for t in texts])
                elif "tokens" in spec:
                    tokens.add(str(i), [spec["tokens"]])
                elif "dep" in spec:
                    deps.add(str(i), [spec["dep"]])
                else:
                    regexes.append((i, re.compile(spec["regex"])))
            except (MatchPatternError, ValueError, KeyError, TypeError) as exc:
                message = " ".join(str(exc).split())
                raise RuleError(self.where, f"invalid pattern: {message}", line, self.key) from None
        compiled = (phrases if len(phrases) else None, tokens if len(tokens) else None, deps if len(deps) else None, regexes)
        self._compiled[key] = compiled
        return compiled

    def find(self, nlp: Language, doc: Doc, within: tuple[int, int] | None = None) -> list[Match]:
        """Every match in the document (regexes only `within` a character range, when given),
        in text order."""
        phrases, tokens, deps, regexes = self._matchers(nlp)
        found: list[Match] = []
        strings = nlp.vocab.strings
        if phrases is not None:
            for label, start, end in phrases(doc):
                found.append(Match(doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), int(strings[label])))
        if tokens is not None:
            for label, start, end, align in tokens(doc, with_alignments=True):
                i = int(strings[label])
                targets = self._targets(i)
                picked = [start + k for k, a in enumerate(align) if targets is None or a in targets]
                found.append(self._span(doc, picked or list(range(start, end)), i))
        if deps is not None:
            for label, ids in deps(doc):
                i = int(strings[label])
                targets = self._targets(i)
                picked = [ids[t] for t in targets if t < len(ids)] if targets is not None else ids
                found.append(self._span(doc, picked, i))
        start_at, end_at = within or (0, len(doc.text))
        for i, regex in regexes:
            for m in regex.finditer(doc.text, start_at, end_at):
                start, end = m.span("target") if "target" in regex.groupindex else m.span()
                span = doc.char_span(start, end, alignment_mode="expand")
                if span is not None and len(span):
                    found.append(Match(span.start_char, span.end_char, i))
        return sorted(set(found), key=lambda m: (m.start, m.end, m.pattern))

    @staticmethod
    def _span(doc: Doc, token_ids: list[int], pattern: int) -> Match:
        first, last = doc[min(token_ids)], doc[max(token_ids)]
        return Match(first.idx, last.idx + len(last), pattern)

    def _targets(self, pattern: int) -> list[int] | None:
        """The pattern tokens a match reports (and a fix replaces): one index, or several, as
        for both halves of a contraction ("it" and "'s")."""
        target = self.specs[pattern].get("target")
        return None if target is None else (target if isinstance(target, list) else [target])


def filter_exceptions(doc: Doc, matches: list[Match], overlap: list[Match], same_sentence: list[Match]) -> list[Match]:
    """Drop matches cancelled by an exception that overlaps them or shares their sentence."""
    if not overlap and not same_sentence:
        return matches
    sentences = {}
    if same_sentence:
        for sent in doc.sents:
            sentences[(sent.start_char, sent.end_char)] = any(
                sent.start_char <= e.start < sent.end_char for e in same_sentence
            )
    kept = []
    for m in matches:
        if any(m.overlaps(e) for e in overlap):
            continue
        if same_sentence and any(s <= m.start < e and hit for (s, e), hit in sentences.items()):
            continue
        kept.append(m)
    return kept
