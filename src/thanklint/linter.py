"""Running rules on drafts: parse each body once, run every enabled rule that applies,
apply suppressions, sort. A draft that cannot be read or checked becomes an error record and
never stops the others."""

from __future__ import annotations

import string
import traceback
from dataclasses import dataclass, field

from . import checklist, nlp as nlp_module, suppressions
from .checks import Check, Hit
from .config import RuleSet
from .draft import Draft
from .errors import DraftError, ThanklintError
from .findings import Finding, Severity
from .fixes import make_fix
from .layout import blank_out, find_layout, parse_text
from .note_kind import infer_kind
from .parsed import ParsedDraft
from .rules import Rule, selects


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
        fix = make_fix(parsed.draft.text, start, end, bool(check.settings.get("safe_fix", False)), hit.replacement, edits)
    return Finding(line, column, rule.id, end_line, end_column, start, end, rule.category, rule.severity, _message(rule, hit), fix, rule.url)


class Linter:
    """Lint drafts with one rule set. The spaCy pipeline is loaded on first use, with the
    named-entity recogniser only if an enabled rule needs it."""

    def __init__(self, ruleset: RuleSet, model: str | None = None, debug: bool = False):
        self.ruleset = ruleset
        self.checks = ruleset.checks()
        self.model = model
        self.debug = debug
        self._nlp = None

    @property
    def nlp(self):
        if self._nlp is None:
            needs_ner = any(check.needs_ner or _uses_entities(check) for _, check in self.checks)
            self._nlp = nlp_module.load(self.model, needs_ner)
            for _, check in self.checks:
                check.prepare(self._nlp)
        return self._nlp

    def parse(self, drafts: list[Draft]) -> list[ParsedDraft]:
        texts, breaks, layouts = [], [], []
        for draft in drafts:
            blanked = blank_out(draft.content)
            layout = find_layout(blanked)
            text = parse_text(blanked, layout)
            starts = [layout.body.start + len(text[layout.body.start:]) - len(text[layout.body.start:].lstrip())]
            starts += [r.start for r in (layout.sign_off, layout.signature) if r]
            texts.append(text)
            breaks.append(starts)
            layouts.append(layout)
        docs = nlp_module.parse_many(self.nlp, texts, breaks)
        parsed = []
        for draft, doc, layout in zip(drafts, docs, layouts):
            body = doc.text[layout.body.start : layout.body.end]
            kind, source = (draft.meta.kind, "metadata") if draft.meta.kind else (infer_kind(body, draft.meta.subject), "inferred")
            parsed.append(ParsedDraft(draft, doc, layout, kind, source))
        return parsed

    def lint(self, drafts: list[Draft], context: list[Draft] = ()) -> list[FileResult]:
        """Lint drafts together (rules that compare drafts see all of them, and the `context`
        drafts, which are compared with but not reported on); results come back in the order
        of `drafts`."""
        limit = self.nlp.max_length if drafts else 0
        refused = {id(d): _unfit(d, limit) for d in drafts if not d.content.strip() or len(d.content) > limit}
        fit = [d for d in drafts if id(d) not in refused]
        parsed = self.parse(fit + [d for d in context if d.content.strip() and len(d.content) <= limit]) if drafts else []
        parsed, companions = parsed[: len(fit)], parsed[len(fit) :]
        results = {id(p): FileResult(p.draft.path, p.kind, p.kind_source, draft=p.draft) for p in parsed}
        alive = []
        for p in parsed:
            try:
                results[id(p)].findings = self._run_draft(p)
                alive.append(p)
            except Exception as exc:  # a bug must not cost the user the other drafts
                if self.debug:
                    raise
                detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
                results[id(p)].error = DraftError("internal", f"{p.draft.path}: internal error while checking: {detail}")
        for rule, check in self.checks:
            if check.phase == "corpus":
                group = [p for p in alive + companions if p.kind in rule.applies_to]
                for p in group:
                    if check.compared(p, group):
                        p.applied.add(rule.id)
                for p, hit in check.run_corpus(group):
                    if id(p) in results:  # a companion is compared with, never reported on
                        results[id(p)].findings.append(to_finding(p, rule, check, hit))
        for p in alive:
            result = results[id(p)]
            directives = suppressions.parse_directives(p.draft.text, p.offset, p.lines, self.ruleset.known_ids)
            result.findings = suppressions.apply(result.findings, directives)
            p.unused_suppressions = [(d, stale) for d in directives if (stale := _stale(d, p.applied))]
            for rule, check in self.checks:
                if check.phase == "suppressions":
                    result.findings.extend(to_finding(p, rule, check, hit) for hit in check.run(p))
            result.findings = sorted(set(result.findings))
            deciders = [(r.id, r.category) for r, _ in self.checks if r.id in p.applied and r.severity >= Severity.WARNING]
            result.checklist = checklist.build(result.findings, deciders)
        by_draft = {id(p.draft): results[id(p)] for p in parsed}
        return [FileResult(d.path, error=refused[id(d)]) if id(d) in refused else by_draft[id(d)] for d in drafts]

    def _run_draft(self, parsed: ParsedDraft) -> list[Finding]:
        findings = []
        for rule, check in self.checks:
            if check.phase != "draft" or parsed.kind not in rule.applies_to or not check.applicable(parsed):
                continue
            parsed.applied.add(rule.id)
            findings.extend(to_finding(parsed, rule, check, hit) for hit in check.run(parsed))
        return findings


def _unfit(draft: Draft, limit: int) -> DraftError:
    """Why a draft is not parsed: nothing to check, or longer than any note (spaCy's limit)."""
    if not draft.content.strip():
        return DraftError("empty", f"{draft.path}: the draft is empty; there is nothing to check")
    return DraftError("too-long", f"{draft.path}: {len(draft.content):,} characters is longer than a note can be ({limit:,} at most)")


def _stale(directive: suppressions.Directive, applied: set[str]) -> list[str]:
    """Selectors of a directive that silenced nothing although a rule they name ran (a rule that
    was not enabled, or did not apply to this draft, might still need its suppression)."""
    return [s for s in directive.unused
            if s in directive.unknown or any(selects(s, r) for r in applied)]


def _uses_entities(check: Check) -> bool:
    """Whether a token pattern of the check tests ENT_TYPE (needs the entity recogniser)."""
    for value in check.settings.values():
        specs = getattr(value, "specs", None)
        if specs and "ENT_TYPE" in repr(specs):
            return True
    return False
