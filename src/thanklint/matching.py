"""One matching pass per draft for every enabled rule, paying only for patterns that can match.

Every token and dependency pattern of every enabled rule is compiled once per process. Most
patterns need particular words (a lowercase form or a lemma from a short list) at tokens they
cannot skip; a draft that lacks one of them cannot match, so its matcher is not run at all
(one pass over the draft's distinct words tells which patterns those are). The words and parse
of a draft are read once (`dependency.Columns`), for every pattern; a pattern runs only on the
stretches around its words that its matches can reach.

One combined spaCy `Matcher` tests every pattern's word lists in Python at every token of every
draft, and cost about half as much as the parse. Measured side by side on the evaluation
drafts, one matcher per pattern, run only where its words occur, is the cheapest arrangement:
0.6 s for 155 drafts, against 0.9 s for matchers shared by patterns with the same first word
list and 1.4 s for one matcher; running it on the stretches after its first word alone took a
third off again, and on the stretches around any of its words (the rarest in the draft) a third
more (1.5 to 2.1 s down to 0.9 to 1.1 s for the benchmark's 300 drafts, the same matches).
Dependency patterns are walked on the parse (`dependency`); phrases share one `PhraseMatcher`,
a hash lookup per token. Once a list of patterns has been validated, later processes build each
pattern's matcher only when a draft first needs it.
"""

from __future__ import annotations

import bisect
import hashlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from .cachefiles import code_digest, make_folder, root
from .dependency import ATTRIBUTES, Columns, TreePattern, compile_tree
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


#: Where a word test of a pattern token is looked up: lowercase forms or lemmas (0 or 1). ORTH
#: and TEXT words are looked up by their lowercase form, which they imply.
_SPACES = {"LOWER": 0, "ORTH": 0, "TEXT": 0, "LEMMA": 1}
#: The `dependency.Columns` column of each space.
_COLUMNS = (ATTRIBUTES.index("LOWER"), ATTRIBUTES.index("LEMMA"))


class Needs(NamedTuple):
    """Word sets (in lowercase or lemma space) of which a draft must hold at least one word each
    for a pattern to be able to match there."""

    sets: tuple[tuple[int, frozenset[int]], ...]


class _WordIndex:
    """Which word sets each word belongs to, as bits: one pass over a draft's distinct words
    tells which patterns can match there (a set test per pattern per draft cost a quarter of
    the matching pass)."""

    def __init__(self) -> None:
        self.bits: tuple[dict[int, int], dict[int, int]] = ({}, {})  # by space: word -> sets
        self.numbers: dict[tuple[int, frozenset[int]], int] = {}

    def mask(self, needs: Needs) -> int:
        """The bits of a pattern's word sets: it can match where all of them are met."""
        mask = 0
        for key in needs.sets:
            if key not in self.numbers:
                self.numbers[key] = len(self.numbers)
                space, words = key
                for word in words:
                    self.bits[space][word] = self.bits[space].get(word, 0) | 1 << self.numbers[key]
            mask |= 1 << self.numbers[key]
        return mask

    def met(self, columns: Columns) -> int:
        """The bits of the word sets the draft holds a word of."""
        met = 0
        for space, bits in enumerate(self.bits):
            for word in columns.present(_COLUMNS[space]):
                met |= bits.get(word, 0)
        return met


def _word_test(token: dict) -> tuple[str, list[str]] | None:
    """The attribute and words of a pattern token's plain word test ("LOWER": "thanks" or
    "LEMMA": {"IN": [...]}), if it has one."""
    for attr, value in token.items():
        name = str(attr).upper()
        if name not in _SPACES:
            continue
        if isinstance(value, str):
            return name, [value]
        if (
            isinstance(value, dict)
            and isinstance(value.get("IN"), list)
            and all(isinstance(v, str) for v in value["IN"])
        ):
            return name, value["IN"]
    return None


#: The widest "{n,m}" range handed to spaCy as it is. spaCy's `Matcher` unrolls a range into
#: m - n optional tokens and follows every way of filling them: the cost grows with the binomial
#: of the range, so "{0,25}" over ordinary words took a minute for one sentence ("{0,20}" 0.6 s,
#: "{0,12}" 1 ms) and a 10 KB draft of such sentences ran out of memory. A wider range runs as
#: "*" or "+", one looping token, and its matches are kept where the tokens it took fit the
#: range (the alignments say which those are). A loop keeps a partial match alive to the end of
#: what it is run on, so such a pattern runs on overlapping pieces twice as long as its longest
#: match, not on a whole stretch: linear in the draft's length.
WIDEST_RANGE = 4


def _braces(token: dict) -> tuple[int, int | None] | None:
    """A pattern token's "{n,m}", "{n,}", "{,m}" or "{n}" operator as (least, most; None: any
    number), or None for any other operator."""
    op = str(token.get("OP", "")).replace(" ", "")
    if not op.startswith("{"):
        return None
    parts = op.strip("{}").split(",")
    return int(parts[0] or 0), int(parts[-1]) if parts[-1] else None


def without_wide_ranges(tokens: list[dict]) -> tuple[list[dict], tuple[tuple[int, int, int], ...]]:
    """The pattern as spaCy should run it, each range wider than `WIDEST_RANGE` made a loop, and
    (token, least, most) for each loop, to keep only the matches whose loops took their range."""
    out, limits = [], []
    for k, token in enumerate(tokens):
        low, high = _braces(token) or (1, 1)
        if high is not None and high - low > WIDEST_RANGE:
            out.append({**token, "OP": "*" if low == 0 else "+"})
            limits.append((k, low, high))
        else:
            out.append(token)
    return out, tuple(limits)


def _reach(token: dict) -> int | None:
    """How many draft tokens a pattern token can take at most (None: any number)."""
    if str(token.get("OP", "")).strip() in ("*", "+"):
        return None
    bounds = _braces(token)
    return bounds[1] if bounds else 1


class Anchor(NamedTuple):
    """A pattern token that every match holds and that tests plain words, with how far a match
    can reach around it: at most `before` tokens before the first token it takes, at most
    `after` tokens after that one (None: any number)."""

    space: int
    words: frozenset[int]
    before: int | None
    after: int | None


def _total(reaches: list[int | None]) -> int | None:
    return None if None in reaches else sum(r for r in reaches if r is not None)


def anchors_of(tokens: list[dict]) -> list[Anchor]:
    """Every token a match cannot do without that tests plain words, in pattern order."""
    reaches = [_reach(token) for token in tokens]
    anchors = []
    for k, token in enumerate(tokens):
        (words,) = needs_of([token]).sets or (None,)
        if words is not None:
            after = _total(reaches[k:])
            anchors.append(Anchor(*words, _total(reaches[:k]), None if after is None else after - 1))
    return anchors


def _skippable(token: dict) -> bool:
    """Whether a pattern token may match nothing ("?", "*", "{0,n}") or is a negation ("!")."""
    op = str(token.get("OP", "")).replace(" ", "")
    return op in ("?", "*", "!") or op.startswith(("{0", "{,"))


def needs_of(tokens: Iterable[dict]) -> Needs:
    """The words a pattern cannot match without, read from its structure: one word set per
    token that must be present and tests plain words."""
    from spacy.strings import get_string_id

    sets = []
    for token in tokens:
        test = None if _skippable(token) else _word_test(token)
        if test:
            attr, words = test
            lowered = [w.lower() for w in words] if attr in ("ORTH", "TEXT") else words
            sets.append((_SPACES[attr], frozenset(get_string_id(w) for w in lowered)))
    return Needs(tuple(sets))


class _Compiled:
    """One pattern's matcher, the words it needs, the tokens its matches hold, and what they
    belong to. The matcher is built when a draft first holds the words it needs: a draft needs
    about one token pattern in six (see `MatchBank`)."""

    __slots__ = ("_build", "_run", "needs", "pattern_set", "pattern", "anchors", "limits", "longest")

    def __init__(
        self,
        build: Callable[[], Any],  # a spaCy matcher, or a `dependency.TreePattern`
        needs: int,  # the bits of the word sets it needs (see `_WordIndex`)
        pattern_set: PatternSet,
        pattern: int,
        anchors: tuple[Anchor, ...] = (),
        limits: tuple[tuple[int, int, int], ...] = (),  # wide ranges run as loops (`without_wide_ranges`)
        longest: int | None = None,  # the most tokens a match can take (None: any number)
    ):
        self._build, self._run = build, None
        self.needs, self.pattern_set, self.pattern = needs, pattern_set, pattern
        self.anchors, self.limits, self.longest = anchors, limits, longest

    @property
    def run(self) -> Any:
        if self._run is None:
            with _reported(self.pattern_set, self.pattern):
                self._run = self._build()
        return self._run

    def fits(self, align: list[int]) -> bool:
        """Whether a match's loops took as many tokens as their ranges allow."""
        return all(low <= align.count(k) <= high for k, low, high in self.limits)

    def pieces(self, windows: list[tuple[int, int]]) -> Iterable[tuple[int, int]]:
        """Where to run it: its windows, or for a pattern with loops, pieces of them twice its
        longest match long, each starting that far after the last (every match lies wholly in one).
        A pattern that also repeats openly ("*") has no longest match, and runs on its windows."""
        step = self.longest
        if not self.limits or step is None:
            yield from windows
            return
        for first, last in windows:
            start = first
            while True:
                yield start, min(start + 2 * step, last)
                if start + 2 * step >= last:
                    break
                start += step

    def holds_anchors(self, columns: Columns, first: int, last: int) -> bool:
        """Whether the stretch holds a word of every anchor, in the pattern's order: a match lies
        wholly in it and holds one of each, each after the last, so the matcher need not run
        where they are not (nine runs in ten found nothing before this test, three in four now)."""
        at = first
        for anchor in self.anchors:
            where = columns.where(_COLUMNS[anchor.space], anchor.words)
            k = bisect.bisect_left(where, at)
            if k == len(where) or where[k] >= last:
                return False
            at = where[k] + 1
        return True

    def windows(self, columns: Columns) -> list[tuple[int, int]]:
        """The stretches of the draft its matches must lie in. A match holds a word of each
        anchor, and reaches at most so far around it: where some anchor bounds a match on both
        sides, the stretches around each of its words (the anchor whose words are fewest in the
        draft), merged where they overlap, so that no match is lost and none is found twice;
        otherwise one stretch, from the earliest a match can start to the latest it can end."""
        size = columns.size
        found = [(anchor, columns.where(_COLUMNS[anchor.space], anchor.words)) for anchor in self.anchors]
        if any(not where for _, where in found):
            return []
        bounded = [
            (len(where), k)
            for k, (anchor, where) in enumerate(found)
            if anchor.before is not None and anchor.after is not None
        ]
        if not bounded:
            first = max((where[0] - a.before for a, where in found if a.before is not None), default=0)
            last = min((where[-1] + 1 + a.after for a, where in found if a.after is not None), default=size)
            first, last = max(first, 0), min(last, size)
            return [(first, last)] if first < last else []
        anchor, where = found[min(bounded)[1]]
        assert anchor.before is not None and anchor.after is not None
        out: list[tuple[int, int]] = []
        for token in where:
            start, end = max(token - anchor.before, 0), min(token + 1 + anchor.after, size)
            if out and start < out[-1][1]:
                out[-1] = (out[-1][0], end)
            else:
                out.append((start, end))
        return out


class MatchBank:
    """The compiled token, phrase and dependency patterns of many pattern sets."""

    def __init__(self, nlp: Language, pattern_sets: Iterable[PatternSet]):
        from spacy.matcher import PhraseMatcher

        vocab = nlp.vocab
        self.phrases = PhraseMatcher(vocab, attr="LOWER")
        self.phrase_labels: dict[int, tuple[PatternSet, int]] = {}
        self.tokens: list[_Compiled] = []
        self.deps: list[_Compiled] = []
        self.words = _WordIndex()
        unique = list({id(s): s for s in pattern_sets}.values())
        record = _validation_record(unique)
        validated = record.exists()
        for number, pattern_set in enumerate(unique):
            for i, spec in enumerate(pattern_set.specs):
                with _reported(pattern_set, i):
                    if "phrase" in spec:
                        label = f"{number}:{i}"
                        self.phrase_labels[vocab.strings.add(label)] = (pattern_set, i)
                        texts = [spec["phrase"]] if isinstance(spec["phrase"], str) else spec["phrase"]
                        self.phrases.add(label, [nlp.make_doc(t) for t in texts])
                    elif "tokens" in spec:
                        looped, limits = without_wide_ranges(spec["tokens"])
                        build = partial(_token_matcher, vocab, looped, not validated)
                        anchors = tuple(anchors_of(spec["tokens"]))  # the words it needs, where they are
                        needs = self.words.mask(Needs(tuple((a.space, a.words) for a in anchors)))
                        longest = _total([_reach(token) for token in spec["tokens"]])
                        self.tokens.append(_Compiled(build, needs, pattern_set, i, anchors, limits, longest))
                    elif "dep" in spec:
                        build = partial(_tree_matcher, vocab, spec["dep"], not validated)
                        nodes = [node.get("RIGHT_ATTRS", {}) for node in spec["dep"]]
                        self.deps.append(_Compiled(build, self.words.mask(needs_of(nodes)), pattern_set, i))
        if not validated:  # build and validate every pattern now, so a bad one is reported
            for compiled in self.tokens + self.deps:
                compiled.run  # noqa: B018 - building it is the point
            _record(record)

    def run(self, doc: Doc) -> dict[PatternSet, list[Match]]:
        """Every token, phrase and dependency match in the document, by pattern set."""
        found: dict[PatternSet, list[Match]] = {}

        def add(pattern_set: PatternSet, i: int, first: int, last: int) -> None:
            end = doc[last]
            found.setdefault(pattern_set, []).append(Match(doc[first].idx, end.idx + len(end), i))

        if len(self.phrases):
            for key, start, end in self.phrases(doc):
                add(*self.phrase_labels[key], start, end - 1)
        if not len(doc):
            return found
        columns = Columns(doc)  # the draft's words and parse, read once for every pattern
        met = self.words.met(columns)
        for compiled in self.tokens:
            if compiled.needs & met != compiled.needs:
                continue
            targets = compiled.pattern_set.targets(compiled.pattern)
            seen: set[tuple[int, int]] = set()  # pieces overlap: a match in two is added once
            for first, last in compiled.pieces(compiled.windows(columns)):
                if not compiled.holds_anchors(columns, first, last):
                    continue
                # allow_missing: the draft is always parsed, and checking that it is would walk
                # the whole document for every window
                matches = compiled.run(doc[first:last], with_alignments=True, allow_missing=True)
                for _, start, end, align in matches:
                    if not compiled.fits(align) or (first + start, first + end) in seen:
                        continue
                    seen.add((first + start, first + end))
                    picked = [start + k for k, a in enumerate(align) if targets is None or a in targets]
                    add(
                        compiled.pattern_set,
                        compiled.pattern,
                        first + min(picked or [start]),
                        first + max(picked or [end - 1]),
                    )
        wanted = [compiled for compiled in self.deps if compiled.needs & met == compiled.needs]
        if not wanted:
            return found
        parts = _dependency_parts(doc)
        sane = {token for offset, part in parts for token in range(offset, offset + len(part))}
        for compiled in wanted:
            trees: Iterable[tuple[int, list[int]]]
            if isinstance(compiled.run, TreePattern):
                trees = ((0, ids) for ids in compiled.run(columns, sane.__contains__))
            else:
                trees = ((offset, ids) for offset, part in parts for _, ids in compiled.run(part))
            targets = compiled.pattern_set.targets(compiled.pattern)
            for offset, ids in trees:
                picked = [offset + i for i in (ids if targets is None else [ids[t] for t in targets if t < len(ids)])]
                add(compiled.pattern_set, compiled.pattern, min(picked), max(picked))
        return found


@contextmanager
def _reported(pattern_set: PatternSet, i: int) -> Iterator[None]:
    """Report a pattern spaCy or the walker refuses as a fault of its rule file, at its line."""
    from spacy.errors import MatchPatternError

    try:
        yield
    except (MatchPatternError, ValueError, KeyError, TypeError) as exc:
        line = pattern_set.lines[i] if i < len(pattern_set.lines) else None
        message = " ".join(str(exc).split())
        raise RuleError(pattern_set.where, f"invalid pattern: {message}", line, pattern_set.key) from None


def _token_matcher(vocab: Any, tokens: list[dict], validate: bool) -> Any:
    from spacy.matcher import Matcher

    matcher = Matcher(vocab, validate=validate)
    matcher.add("pattern", [tokens])
    return matcher


def _tree_matcher(vocab: Any, nodes: list[dict], validate: bool) -> Any:
    """The walker's compiled pattern (a compiled pattern is a valid one), else spaCy's matcher,
    which judges the rest."""
    from spacy.matcher import DependencyMatcher

    walked = compile_tree(nodes)
    if walked is not None:
        return walked
    matcher = DependencyMatcher(vocab, validate=validate)
    matcher.add("pattern", [nodes])
    return matcher


def _validation_record(pattern_sets: list[PatternSet]) -> Path:
    """The file that says these patterns were all built and validated, by this spaCy and this
    thanklint. While it exists, each pattern is built when a draft first needs it, without
    spaCy's validation (about 0.05 s of a one-draft run); until then, all are built at once, so
    that a bad pattern is reported when the rules load, not when some draft reaches it."""
    import spacy

    digest = hashlib.sha256(repr((spacy.__version__, code_digest(), [s.specs for s in pattern_sets])).encode())
    return root() / "patterns" / digest.hexdigest()[:32]


def _record(validated: Path) -> None:
    """Leave the record; a cache folder that cannot be written costs the next run the checks."""
    try:
        make_folder(root(), validated.parent)
        validated.touch()
    except OSError:
        return


#: Dependency matching follows heads and subtrees, which is quadratic in the depth of a tree: a
#: "sentence" longer than this (thousands of words without a full stop) is not a sentence of a
#: note, and is left out of dependency matching.
MAX_TREE_TOKENS = 250


def _dependency_parts(doc: Doc) -> list:
    """(token offset, doc or sentence) to run the dependency matcher on: the whole document
    when every sentence is of a sane length (a tree never crosses a sentence), else each sane
    sentence on its own."""
    sentences = list(doc.sents)
    if all(len(sent) <= MAX_TREE_TOKENS for sent in sentences):
        return [(0, doc)]
    return [(sent.start, sent) for sent in sentences if len(sent) <= MAX_TREE_TOKENS]
