"""Running rules on drafts, in three phases:

1. per draft (pure): parse the body once, run one combined matching pass and every enabled
   per-draft rule. The result depends only on the draft's bytes, its resolved metadata and the
   rule set, so it can be cached and computed in other processes;
2. per run: rules that compare drafts (notes to one panel) and rules that read the clock
   (`sent_at` defaulting to the run's current time), on every run, without the parse;
3. finishing: suppressions, sorting and the checklist.

A draft that cannot be read or checked becomes an error record and never stops the others.
"""

from __future__ import annotations

import datetime as dt
import re
import string
import traceback
from dataclasses import dataclass, field
from functools import cached_property, partial
from typing import TYPE_CHECKING

from . import checklist, residue, suppressions
from . import nlp as nlp_module
from .checks import Check, Hit
from .config import DEFAULT_MAX_BYTES, RuleSet
from .draft import Draft
from .errors import DraftError, ThanklintError
from .findings import Finding, Severity
from .fixes import make_fix
from .layout import Layout, blank_out, find_layout, parse_text
from .note_kind import infer_kind
from .parsed import ParsedDraft
from .rules import Rule, selects

if TYPE_CHECKING:
    from .matching import MatchBank

#: Drafts parsed per `nlp.pipe` batch: their documents are dropped once their rules have run,
#: so memory does not grow with the number of drafts.
CHUNK = 64


@dataclass
class FileResult:
    path: str
    kind: str | None = None
    kind_source: str | None = None
    findings: list[Finding] = field(default_factory=list)
    error: ThanklintError | None = None  # the draft or its configuration could not be read
    checklist: list[checklist.Item] = field(default_factory=list)
    draft: Draft | None = None
    fail_on: str | None = None  # the governing configuration's threshold, if it sets one
    skipped: str | None = None  # why a file that was read is not checked (not a note)


@dataclass
class DraftOutcome:
    """What the per-draft phase found in one draft: a pure function of the draft's bytes, its
    resolved metadata and the rule set (what the cache stores)."""

    kind: str
    kind_source: str
    findings: list[Finding]
    applied: list[str]  # ids of the rules that applied to the draft
    #: The parsed text and layout (`prepare_text`), which the later phases read: kept with the
    #: outcome so that a cached draft's layout is not found again on every run.
    text: str
    layout: Layout
    failure: str | None = None  # an internal error while checking (never cached)


class _Values(dict):
    """Leave unknown {placeholders} as they are rather than failing on a message."""

    def __missing__(self, key):
        return "{" + key + "}"


def _message(rule: Rule, hit: Hit) -> str:
    if hit.message:
        return hit.message
    return string.Formatter().vformat(rule.message, (), _Values(hit.values or {}))


def to_finding(parsed: ParsedDraft, rule: Rule, check: Check, hit: Hit) -> Finding:
    start, end = parsed.file_offset(hit.start), parsed.file_offset(hit.end)
    line, column = parsed.lines.position(start)
    end_line, end_column = parsed.lines.position(end)
    fix = None
    if hit.replacement is not None or hit.edits:
        edits = [(parsed.file_offset(s), parsed.file_offset(e), r) for s, e, r in hit.edits or ()]
        fix = make_fix(
            parsed.draft.text, start, end, bool(check.settings.get("safe_fix", False)), hit.replacement, edits
        )
    return Finding(
        line,
        column,
        rule.id,
        end_line,
        end_column,
        start,
        end,
        rule.category,
        rule.severity,
        _message(rule, hit),
        fix,
        rule.url,
    )


#: A carriage return not followed by a line feed: a line break of its own (old Mac files, some pastes).
_LONE_CR = re.compile(r"\r(?!\n)")


def prepare_text(draft: Draft) -> tuple[str, Layout]:
    """The text spaCy parses (blanked and unwrapped, offsets unchanged) and the draft's layout.
    A lone carriage return is read as the line break it is, so its paragraphs, greeting and
    sign-off are found as they are with any other line ending."""
    blanked = blank_out(_LONE_CR.sub("\n", draft.content))
    layout = find_layout(blanked)
    return parse_text(blanked, layout), layout


def entities_when(checks: list[tuple[Rule, Check]]) -> str:
    """When the enabled rules need the entity recogniser to run (see `nlp.ENTITIES`)."""
    if any(check.entities_in_patterns() for _, check in checks):
        return "parse"
    return "on-demand" if any(check.needs_ner for _, check in checks) else "never"


def infer(draft: Draft, text: str, layout: Layout) -> tuple[str, str]:
    """The draft's kind and where it came from (the metadata, or the wording of the body)."""
    if draft.meta.kind:
        return draft.meta.kind, "metadata"
    return infer_kind(text[layout.body.start : layout.body.end], draft.meta.subject), "inferred"


class Linter:
    """Lint drafts with one rule set. The spaCy pipeline is loaded on first use, with only the
    components the enabled rules declare they need; a run whose drafts all come from the
    cache never loads it."""

    def __init__(
        self,
        ruleset: RuleSet,
        model: str | None = None,
        debug: bool = False,
        max_bytes: int = DEFAULT_MAX_BYTES,
        cache=None,
    ):
        self.ruleset = ruleset
        self.checks = ruleset.checks()
        #: (id, category) of the rules whose silence says a quality holds: warnings and errors
        #: (a rule with `confirms: false` only ever says it does not).
        self._deciders = [(r.id, r.category) for r, _ in self.checks if r.severity >= Severity.WARNING and r.confirms]
        self.model = model
        self.debug = debug
        self.max_bytes = max_bytes
        self.cache = cache  # a `cache.ResultCache`, or None
        self._nlp = None
        self._bank: MatchBank | None = None  # set with the pipeline (see `nlp`)
        #: `prepare_text` of drafts announced to the checks (`expect`), by content, until parsed.
        self._prepared: dict[str, tuple[str, Layout]] = {}

    @property
    def nlp(self):
        if self._nlp is None:
            from .matching import bank_for

            for _, check in self.checks:
                check.warm()
            nlp = nlp_module.load(self.model, entities_when(self.checks))
            self._bank = bank_for(nlp, [s for _, check in self.checks for s in check.pattern_sets()])
            for _, check in self.checks:
                check.prepare(nlp)
            self._nlp = nlp
        return self._nlp

    @cached_property
    def fingerprint(self) -> str:
        """What its per-draft outcomes depend on besides the draft (see `cache`)."""
        from .cache import ruleset_fingerprint

        return ruleset_fingerprint(self)

    def expect(self, drafts: list[Draft]) -> None:
        """Tell the checks which texts the per-draft phase is about to check, before the
        pipeline loads (workers forked later inherit the prepared texts)."""
        for draft in drafts:
            self._prepared[draft.content] = prepare_text(draft)
        texts = [text for text, _ in self._prepared.values()]
        for _, check in self.checks:
            check.expect(texts)

    def _prepare(self, draft: Draft) -> tuple[str, Layout]:
        """`prepare_text` of a draft, taken from those announced when it was (a lookup that a
        concurrent `clear` cannot break)."""
        found: tuple[str, Layout] | None = self._prepared.pop(draft.content, None)
        return found if found is not None else prepare_text(draft)

    def parse(self, drafts: list[Draft]) -> list[ParsedDraft]:
        nlp = self.nlp  # loaded (and every check prepared) before any work begins
        prepared = [self._prepare(d) for d in drafts]
        breaks = []
        for text, layout in prepared:
            body = text[layout.body.start :]
            starts = [layout.body.start + len(body) - len(body.lstrip())]
            starts += [r.start for r in (layout.sign_off, layout.signature) if r]
            breaks.append(starts)
        texts = [text for text, _ in prepared]
        for _, check in self.checks:
            check.begin(texts)
        docs = nlp_module.parse_many(nlp, texts, breaks)
        bank = self._bank
        assert bank is not None  # loading the pipeline (`self.nlp` above) built it
        recognise = partial(nlp_module.recognise_entities, nlp)
        parsed = []
        for draft, doc, (text, layout) in zip(drafts, docs, prepared):
            kind = infer(draft, text, layout)
            parsed.append(ParsedDraft(draft, doc, layout, *kind, text=text, found=bank.run(doc), recognise=recognise))
        return parsed

    def lint(
        self,
        drafts: list[Draft],
        now: dt.datetime | None = None,
        jobs: int | None = 1,
        context: list[Draft] | tuple[Draft, ...] = (),
    ) -> list[FileResult]:
        """Lint drafts together (rules that compare drafts see all of them, and the `context`
        drafts, which are compared with but not reported on); results come back in the order
        of `drafts`. `now` is the default `sent_at` (the current time if not given); `jobs`
        processes share the per-draft phase (None: decide from the work)."""
        now = now or dt.datetime.now().astimezone()
        reported = len(drafts)
        drafts = [*drafts, *context]
        refused = {i: error for i, d in enumerate(drafts) if (error := self._unfit(d)) is not None}
        outcomes: dict[int, DraftOutcome] = {}
        keys: dict[int, str] = {}
        if self.cache is not None:
            for i, draft in enumerate(drafts[:reported]):
                if i not in refused:
                    keys[i] = self.cache.key(draft, self.fingerprint)
                    if (cached := self.cache.get(keys[i])) is not None:
                        outcomes[i] = cached
        outcomes.update({i: _compared_only(drafts[i]) for i in range(reported, len(drafts)) if i not in refused})
        missing = [i for i in range(reported) if i not in refused and i not in outcomes]
        if missing:
            from .parallel import per_draft

            self.expect([drafts[i] for i in missing])
            try:
                for i, outcome in zip(missing, per_draft(self, [drafts[i] for i in missing], jobs)):
                    outcomes[i] = outcome
                    if self.cache is not None and outcome.failure is None:
                        self.cache.put(keys[i], outcome)
            finally:
                self._prepared.clear()  # those the workers parsed, and any a failure left
        return self._finish(drafts, refused, outcomes, now)[:reported]

    def per_draft(self, drafts: list[Draft]) -> list[DraftOutcome]:
        """Phase 1 for drafts in this process, parsed a chunk at a time."""
        out = []
        for first in range(0, len(drafts), CHUNK):
            for parsed in self.parse(drafts[first : first + CHUNK]):
                out.append(self._outcome(parsed))
        return out

    def _outcome(self, parsed: ParsedDraft) -> DraftOutcome:
        findings: list[Finding] = []
        try:
            for rule, check in self.checks:
                if (
                    check.phase != "draft"
                    or check.reads_clock
                    or parsed.kind not in rule.applies_to
                    or not check.applicable(parsed)
                ):
                    continue
                parsed.applied.add(rule.id)
                hits = check.run(parsed)
                if check.proofreads and parsed.residue:
                    hits = [hit for hit in hits if not residue.inside_instruction(hit.start, hit.end, parsed.residue)]
                findings.extend(to_finding(parsed, rule, check, hit) for hit in hits)
        except Exception as exc:  # a bug must not cost the user the other drafts
            if self.debug:
                raise
            detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
            return DraftOutcome(
                parsed.kind,
                parsed.kind_source,
                [],
                [],
                parsed.text,
                parsed.layout,
                f"{parsed.draft.path}: internal error while checking: {detail}",
            )
        return DraftOutcome(
            parsed.kind, parsed.kind_source, findings, sorted(parsed.applied), parsed.text, parsed.layout
        )

    def _finish(self, drafts, refused, outcomes, now) -> list[FileResult]:
        """Phases 2 and 3 on the text and layout of each draft (no parse needed)."""
        results: list[FileResult] = []
        views: list[ParsedDraft] = []
        for i, draft in enumerate(drafts):
            if i in refused:
                results.append(FileResult(draft.path, error=refused[i]))
                continue
            outcome = outcomes[i]
            result = FileResult(draft.path, outcome.kind, outcome.kind_source, list(outcome.findings), draft=draft)
            results.append(result)
            if outcome.failure is not None:
                result.error = DraftError("internal", outcome.failure)
                continue
            view = ParsedDraft(
                draft, None, outcome.layout, outcome.kind, outcome.kind_source, text=outcome.text, now=now, number=i
            )
            view.applied.update(outcome.applied)
            views.append(view)
            for rule, check in self.checks:
                if (
                    check.phase == "draft"
                    and check.reads_clock
                    and view.kind in rule.applies_to
                    and check.applicable(view)
                ):
                    view.applied.add(rule.id)
                    result.findings.extend(to_finding(view, rule, check, hit) for hit in check.run(view))
        for rule, check in self.checks:
            if check.phase == "corpus":
                group = [p for p in views if p.kind in rule.applies_to]
                for p in group:
                    if check.compared(p, group):
                        p.applied.add(rule.id)
                for p, hit in check.run_corpus(group):
                    results[p.number].findings.append(to_finding(p, rule, check, hit))
        for p in views:
            result = results[p.number]
            directives = suppressions.parse_directives(p.draft.text, p.offset, p.lines, self.ruleset.known_ids)
            result.findings = suppressions.apply(result.findings, directives)
            p.unused_suppressions = [(d, stale) for d in directives if (stale := _stale(d, p.applied))]
            for rule, check in self.checks:
                if check.phase == "suppressions":
                    result.findings.extend(to_finding(p, rule, check, hit) for hit in check.run(p))
            result.findings = sorted(set(result.findings))
            result.checklist = checklist.build(result.findings, [d for d in self._deciders if d[0] in p.applied])
        return results

    def _unfit(self, draft: Draft) -> DraftError | None:
        """Why a draft is not parsed: nothing to check, or longer than any note."""
        if not draft.content.strip():
            return DraftError("empty", f"{draft.path}: the draft is empty; there is nothing to check")
        size = len(draft.content.encode("utf-8", "surrogatepass"))
        limit = min(self.max_bytes, nlp_module.MAX_CHARACTERS)
        if size > limit or len(draft.content) > nlp_module.MAX_CHARACTERS:
            return DraftError(
                "too-long",
                f"{draft.path}: {size:,} bytes is longer than a note can be "
                f"({limit:,} at most; max_bytes in the configuration sets the limit)",
            )
        return None


def _compared_only(draft: Draft) -> DraftOutcome:
    """The outcome of a context draft: the run-level rules read only its text, layout and kind,
    and its own findings are never reported, so it is neither parsed nor checked."""
    text, layout = prepare_text(draft)
    return DraftOutcome(*infer(draft, text, layout), [], [], text, layout)


def _stale(directive: suppressions.Directive, applied: set[str]) -> list[str]:
    """Selectors of a directive that silenced nothing although a rule they name ran (a rule that
    was not enabled, or did not apply to this draft, might still need its suppression)."""
    return [s for s in directive.unused if s in directive.unknown or any(selects(s, r) for r in applied)]
