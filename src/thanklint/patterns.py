"""Pattern sets: phrases, spaCy token patterns, dependency patterns and regexes, with exceptions.

The token, phrase and dependency patterns of every enabled rule are compiled into one combined
set of matchers (`matching.MatchBank`) that runs once per draft; regexes are aligned to whole
tokens. Exceptions cancel a match that overlaps them (`exceptions:`) or that shares its sentence
(`sentence_exceptions:`).
"""

from __future__ import annotations

import bisect
import re
import sys
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from . import lazyregex
from .errors import RuleError, shown

if TYPE_CHECKING:
    from .parsed import ParsedDraft

PATTERN_TYPES = ("phrase", "tokens", "dep", "regex")
#: `name` is a short label for people reading the rule (and for the test that each named pattern
#: is exercised by an example); matching ignores it.
PATTERN_KEYS = {*PATTERN_TYPES, "target", "replacement", "name"}
_NAME = lazyregex.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Match:
    """A matched character range of the parsed content, and the pattern that produced it."""

    start: int
    end: int
    pattern: int


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
    if kinds[0] == "phrase" and not (
        isinstance(value, str) or (isinstance(value, list) and all(isinstance(v, str) for v in value))
    ):
        raise RuleError(where, "phrase: expected text or a list of text", line, key)
    if kinds[0] in ("tokens", "dep") and not (
        isinstance(value, list) and value and all(isinstance(v, dict) for v in value)
    ):
        raise RuleError(where, f"{kinds[0]}: expected a list of token mappings", line, key)
    if kinds[0] == "regex":
        if not isinstance(value, str):
            raise RuleError(where, "regex: expected text", line, key)
        try:
            re.compile(value)
        except re.error as exc:
            raise RuleError(where, f"invalid regex {shown(value)}: {exc}", line, key) from None
        if nested_repeat(value):
            raise RuleError(
                where,
                f"regex {shown(value)} repeats a repetition, as in (a+)+, which can take "
                "exponential time on some drafts; bound the inner or the outer repetition",
                line,
                key,
            )
    if "name" in spec and not (isinstance(spec["name"], str) and _NAME.match(spec["name"])):
        raise RuleError(where, "name: expected a short kebab-case label such as 'writer-as-subject'", line, key)
    target = spec.get("target", 0)
    if isinstance(target, bool) or not (
        isinstance(target, int)
        or (isinstance(target, list) and target and all(isinstance(t, int) and not isinstance(t, bool) for t in target))
    ):
        raise RuleError(where, "target: expected the index of a pattern token, or a list of them", line, key)
    targets = target if isinstance(target, list) else [target]
    size = len(value) if kinds[0] in ("tokens", "dep") else None
    if any(t < 0 or (size is not None and t >= size) for t in targets):
        reach = f" 0 to {size - 1}" if size is not None else " 0 or more"
        raise RuleError(where, f"target: {shown(target)} is not a token of the pattern (expected{reach})", line, key)


def nested_repeat(regex: str) -> bool:
    """Whether an unbounded repetition contains another repetition ("(a+)+", "(\\w*\\s?)*"):
    the shape of catastrophic backtracking. Read from the parsed regex, not its text."""
    if sys.version_info >= (3, 11):
        from re import _constants as codes
        from re import _parser as parser
    else:
        import sre_constants as codes
        import sre_parse as parser
    repeats = {codes.MAX_REPEAT, codes.MIN_REPEAT} | (
        {codes.POSSESSIVE_REPEAT} if hasattr(codes, "POSSESSIVE_REPEAT") else set()
    )

    def walk(items, inside: bool) -> bool:
        for op, arg in items:
            if op in repeats:
                low, high, sub = arg
                if inside and high > 1:
                    return True
                if walk(sub, inside or high == codes.MAXREPEAT):
                    return True
            elif op == codes.SUBPATTERN and walk(arg[-1], inside):
                return True
            elif op == codes.BRANCH and any(walk(branch, inside) for branch in arg[1]):
                return True
            elif op in (codes.ASSERT, codes.ASSERT_NOT) and walk(arg[1], inside):
                return True
        return False

    return walk(parser.parse(regex), False)


class PatternSet:
    """A rule's list of pattern specs. Token, phrase and dependency patterns are compiled into
    the linter's one combined `MatchBank` (see `matching`); regexes are compiled here."""

    def __init__(self, specs: list[dict], where: str, key: str, lines: list[int | None]):
        self.specs = specs
        self.where, self.key, self.lines = where, key, lines

    @cached_property
    def regexes(self) -> list[tuple[int, re.Pattern]]:
        """Compiled on first use: listing or explaining rules never needs them (they were
        validated when the rule file was loaded)."""
        return [(i, re.compile(spec["regex"])) for i, spec in enumerate(self.specs) if "regex" in spec]

    def __bool__(self) -> bool:
        return bool(self.specs)

    def name(self, pattern: int) -> str | None:
        """The pattern's `name:` label, used by documentation and tests."""
        return self.specs[pattern].get("name")

    def replacement(self, match: Match) -> str | None:
        return self.specs[match.pattern].get("replacement")

    def token_attributes(self) -> set[str]:
        """The token attributes its token and dependency patterns test (ENT_TYPE needs the
        entity recogniser): read from the pattern structure, never from its text."""
        found: set[str] = set()
        for spec in self.specs:
            for token in spec.get("tokens") or [t.get("RIGHT_ATTRS", {}) for t in spec.get("dep") or []]:
                found.update(str(key).upper() for key in token)
        return found

    def find(self, parsed: ParsedDraft, within: tuple[int, int] | None = None) -> list[Match]:
        """Every match in the draft (regexes only `within` a character range, when given), in
        text order. Token, phrase and dependency matches come from the draft's combined pass."""
        found = list(parsed.found.get(self, ()))
        text, doc = parsed.text, parsed.parse
        start_at, end_at = within or (0, len(text))
        for i, regex in self.regexes:
            for m in regex.finditer(text, start_at, end_at):
                start, end = m.span("target") if "target" in regex.groupindex else m.span()
                span = doc.char_span(start, end, alignment_mode="expand")
                if span is not None and len(span):
                    found.append(Match(span.start_char, span.end_char, i))
        return sorted(set(found), key=lambda m: (m.start, m.end, m.pattern))

    def targets(self, pattern: int) -> list[int] | None:
        """The pattern tokens a match reports (and a fix replaces): one index, or several, as
        for both halves of a contraction ("it" and "'s")."""
        target = self.specs[pattern].get("target")
        return None if target is None else (target if isinstance(target, list) else [target])


def filter_exceptions(
    parsed: ParsedDraft, matches: list[Match], overlap: list[Match], same_sentence: list[Match]
) -> list[Match]:
    """Drop matches cancelled by an exception that overlaps them or shares their sentence
    (sorted sweeps and bisections, so linear in matches plus exceptions)."""
    if not overlap and not same_sentence:
        return matches
    by_start = sorted(overlap, key=lambda e: e.start)
    starts = [e.start for e in by_start]
    furthest, reach = [], -1  # furthest[k]: the largest end among the first k + 1 exceptions
    for e in by_start:
        reach = max(reach, e.end)
        furthest.append(reach)
    excused: dict = {}  # sentence -> where its first sentence exception ends
    for e in same_sentence:
        at = parsed.sentence_of(e.start)
        excused[at] = min(excused.get(at, e.end), e.end)
    kept = []
    for m in matches:
        before = bisect.bisect_left(starts, m.end)  # exceptions starting before the match ends
        if before and furthest[before - 1] > m.start:
            continue
        end = excused.get(parsed.sentence_of(m.start)) if excused else None
        if end is not None and not _SECOND_QUESTION.search(parsed.text, end, max(m.start, end)):
            continue
        kept.append(m)
    return kept


#: A second question joined on after the clause an exception excuses: "Would you like me to send
#: anything else, and could you confirm the date?" asks as well as offers.
_SECOND_QUESTION = lazyregex.compile(
    r"[,;]\s+(?:and\s+|but\s+|also\s+)?(?:could|can|would|will|do|does|did|is|are|when|what|how|where|should|may)\s+"
    r"(?:you|i|we|it|the|there)\b",
    re.I,
)
