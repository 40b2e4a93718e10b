"""The closed registry of check kinds. A rule's `kind:` picks one; everything else is data.

Each kind declares its options (type, default, whether configuration may tune it). Adding
behaviour means adding a tested kind here, never a script in YAML.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    from spacy.language import Language

    from ..parsed import ParsedDraft
    from ..rules import Rule

REQUIRED = object()
SCOPE_NAMES = ("body", "body_and_postscript", "greeting", "closing", "sign_off", "signature", "note", "all")


@dataclass(frozen=True)
class Option:
    """One key a kind accepts in a rule file, with its type and default."""

    type: str  # int, number, text, bool, texts, patterns, scope
    default: Any = REQUIRED
    doc: str = ""
    tunable: bool = True  # may be set per rule under `options:` in the configuration
    choices: tuple[str, ...] = ()  # for text options: the only values accepted
    #: When the option means something: other options that must be set ("name") or have a
    #: value ("name=value"); an option whose value is None is off and means nothing either.
    needs: tuple[str, ...] = ()

    def meaningful(self, value: Any, settings: dict[str, Any]) -> bool:
        """Whether a rule with these settings uses the option (`explain` lists only those)."""

        def holds(need: str) -> bool:
            name, _, wanted = need.partition("=")
            return settings.get(name) is not None if not wanted else str(settings.get(name)) == wanted

        return value is not None and all(holds(n) for n in self.needs)


@dataclass(frozen=True)
class Hit:
    """What a check found, in content offsets; the linter turns it into a `Finding`."""

    start: int
    end: int
    values: dict | None = None  # fills {placeholders} in the rule's message
    message: str | None = None  # replaces the rule's message entirely
    replacement: str | None = None
    #: Several edits instead of one replacement of the span: (start, end, text) in content offsets.
    edits: tuple[tuple[int, int, str], ...] | None = None


class Check:
    """Base of every kind. Subclasses set `kind`, `summary`, `options` and implement `run`."""

    kind: ClassVar[str]
    summary: ClassVar[str]
    options: ClassVar[dict[str, Option]] = {}
    #: Needs the named-entity recogniser (costly: only loaded when an enabled rule needs it).
    #: The kind reads entities (through `ParsedDraft.entities`, recognised on first use).
    needs_ner: ClassVar[bool] = False
    #: Whether its findings can carry a fix (documented under "Fix safety").
    fixable: ClassVar[bool] = False
    #: Whether a match inside template residue counts: a kind that looks for content (thanks, a
    #: qualification, a question) must not count "my background in [key skill]".
    counts_residue: ClassVar[bool] = True
    #: Whether it judges the writing itself (spelling, grammar, punctuation, word choice). Such a
    #: kind leaves alone the words of an instruction to the writer ("[say something about the map
    #: room?? or is that too much]"): the instruction is reported as residue and will be deleted,
    #: not corrected.
    proofreads: ClassVar[bool] = False
    #: When it runs: "draft" (each draft), "corpus" (once over all drafts of a run) or
    #: "suppressions" (each draft, after inline suppressions have been applied).
    phase: ClassVar[str] = "draft"
    #: Depends on the current time (`ParsedDraft.now`): run apart from the cached per-draft
    #: phase, on every run, and without the parse (it sees the text and layout only).
    reads_clock: ClassVar[bool] = False

    def __init__(self, rule: Rule, settings: dict[str, Any]):
        self.rule = rule
        self.settings = settings

    def warm(self) -> None:
        """Start a slow load of its own that does not need the pipeline (in a background thread
        or process), so that it overlaps loading the pipeline; `prepare` then waits for it."""

    def before_workers(self) -> None:
        """Before worker processes are forked: get its engines ready to serve them, rather than
        let each worker start its own on its first draft."""

    def after_workers(self) -> None:
        """Once the workers are done: undo what `before_workers` did."""

    def expect(self, texts: list[str]) -> None:
        """Hear, before the pipeline loads, the texts the per-draft phase is about to check (the
        text each `ParsedDraft` will hold), so that an engine of its own can start on them on
        a core the load leaves idle."""

    def begin(self, texts: list[str]) -> None:
        """Start, in a background thread, work on a batch of drafts that needs only their texts
        (the text each `ParsedDraft` will hold), so that it overlaps their parse; `run` then
        takes the result."""

    def prepare(self, nlp: Language) -> None:
        """Get ready once the pipeline is loaded (a kind with an engine of its own, such as the
        grammar checker, loads it and checks its settings here)."""

    def pattern_sets(self) -> list:
        """Its non-empty pattern sets (the linter compiles them all into one `MatchBank`)."""
        return [
            self.settings[name]
            for name, option in self.options.items()
            if option.type == "patterns" and self.settings.get(name)
        ]

    def entities_in_patterns(self) -> bool:
        """Whether a token or dependency pattern tests ENT_TYPE or ENT_IOB (read from the
        patterns' structure): entities are then needed before matching, with the parse."""
        return any("ENT_TYPE" in s.token_attributes() or "ENT_IOB" in s.token_attributes() for s in self.pattern_sets())

    def offers_fixes(self) -> bool:
        """Whether this rule's findings carry fixes (a kind may offer them in one mode only)."""
        return self.fixable

    def applicable(self, parsed: ParsedDraft) -> bool:
        """Whether the draft carries what this check needs (timing needs an interview time)."""
        return True

    def run(self, parsed: ParsedDraft) -> Iterable[Hit]:
        raise NotImplementedError

    def run_corpus(self, drafts: list[ParsedDraft]) -> Iterable[tuple[ParsedDraft, Hit]]:
        raise NotImplementedError

    def compared(self, parsed: ParsedDraft, drafts: list[ParsedDraft]) -> bool:
        """For a corpus check: whether this draft had anything to be compared with in the run,
        so that silence means it passed (and a suppression of it that silenced nothing is stale)."""
        return True

    # Helpers shared by kinds -------------------------------------------------------------
    def matches(self, parsed: ParsedDraft, name: str = "patterns"):
        """Matches of the pattern set `name`, minus exceptions (regexes search only the scope
        when the kind has one)."""
        from .. import residue
        from ..patterns import filter_exceptions

        scope = self.settings.get("scope")
        wider = self.settings.get("only_if_found_in")
        within = None
        if scope is not None and wider is None:
            ranges = scope_ranges(parsed, scope)
            within = (min(s for s, _ in ranges), max(e for _, e in ranges)) if ranges else (0, 0)
        found = self.settings[name].find(parsed, within)
        overlap = self.settings.get("exceptions")
        same = self.settings.get("sentence_exceptions")
        kept = filter_exceptions(
            parsed,
            found,
            overlap.find(parsed) if overlap else [],
            same.find(parsed) if same else [],
        )
        if self.counts_residue or not parsed.residue:
            return kept
        following = not self.settings.get("slot_after_counts")
        return [m for m in kept if not residue.bound(m.start, m.end, parsed.text, parsed.residue, following)]

    def in_scope(self, parsed: ParsedDraft, matches: list, scope: Any) -> list:
        """Keep the matches inside the scope: a region name, or the first/last body sentences."""
        ranges = scope_ranges(parsed, scope)
        return [m for m in matches if any(s <= m.start and m.end <= e for s, e in ranges)]


def scope_ranges(parsed: ParsedDraft, scope: Any) -> list[tuple[int, int]]:
    if isinstance(scope, dict):
        if "first_sentences" in scope:
            sents = parsed.first_sentences(scope["first_sentences"])
        else:
            sents = parsed.body_sentences[-scope["last_sentences"] :]
        return [(s.start_char, s.end_char) for s in sents]
    if scope == "body_and_postscript":  # (a question asked in a "P.S." under the signature counts)
        return [(r.start, r.end) for r in (parsed.layout.body, parsed.postscript) if r]
    region = parsed.region(scope)
    return [(region.start, region.end)] if region else []


def registry() -> dict[str, type[Check]]:
    """Every kind by name (imported here so the registry stays closed and explicit)."""
    from . import (
        capitalisation,
        context,
        corpus,
        existence,
        grammar,
        metric,
        occurrence,
        paragraph_end,
        residue_check,
        spelling,
        subject,
        suppression,
        timing,
    )

    kinds = [
        existence.Existence,
        existence.Substitution,
        residue_check.Residue,
        capitalisation.Capitalisation,
        paragraph_end.ParagraphEnd,
        occurrence.Occurrence,
        metric.Metric,
        spelling.Spelling,
        subject.Subject,
        context.RecipientName,
        context.CompanyName,
        context.MetaMention,
        timing.Timing,
        timing.DatedInterview,
        corpus.Similarity,
        corpus.PanelCoverage,
        suppression.UnusedSuppression,
        grammar.Grammar,
        grammar.CommaSplice,
    ]
    return {k.kind: k for k in kinds}
