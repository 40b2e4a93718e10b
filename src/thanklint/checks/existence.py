"""`existence`: each match of a pattern is a finding; `substitution`: the same, with a fix."""

from __future__ import annotations

from ..checks import Check, Hit, Option

_PATTERN_OPTIONS = {
    "patterns": Option("patterns", doc="what to find", tunable=False),
    "exceptions": Option("patterns", [], "matches overlapping one of these are not findings", tunable=False),
    "sentence_exceptions": Option(
        "patterns", [], "matches in a sentence with one of these are not findings", tunable=False
    ),
    "scope": Option(
        "scope",
        "body",
        'where to look: body, body_and_postscript (the body and a "P.S." under the signature), greeting, closing, sign_off, signature, note (the note and its e-mail head, not a post or page around it), all, {first_sentences: N}',
    ),
}


class Existence(Check):
    kind = "existence"
    proofreads = True
    summary = "Reports every match of a pattern."
    options = dict(_PATTERN_OPTIONS)

    def run(self, parsed):
        for m in outermost(self.in_scope(parsed, self.matches(parsed), self.settings["scope"])):
            yield Hit(m.start, m.end, {"match": parsed.text[m.start : m.end]})


def outermost(matches: list) -> list:
    """Drop matches that lie inside a longer one ("Interviewer Name" inside "[Interviewer
    Name]"): one problem, one finding. One sweep in order of start (longest first), tracking
    the furthest end reached so far and where the match reaching it started."""
    inside = set()
    reach, reach_start = -1, -1
    for m in sorted(matches, key=lambda m: (m.start, -m.end)):
        if reach > m.end or (reach == m.end and reach_start < m.start):
            inside.add((m.start, m.end))
        elif m.end > reach:
            reach, reach_start = m.end, m.start
    return [m for m in matches if (m.start, m.end) not in inside]


def _keep_case(found: str, replacement: str) -> str:
    """Give the replacement the capitalisation of the text it replaces."""
    if found[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


class Substitution(Check):
    fixable = True
    kind = "substitution"
    proofreads = True
    summary = "Reports a phrase that has a preferred form, with a fix that swaps it in (or deletes it)."
    options = {
        **_PATTERN_OPTIONS,
        "safe_fix": Option("bool", True, "whether `--fix` applies it (else only `--unsafe-fixes`)", tunable=False),
    }

    def run(self, parsed):
        patterns = self.settings["patterns"]
        for m in outermost(self.in_scope(parsed, self.matches(parsed), self.settings["scope"])):
            found = parsed.text[m.start : m.end]
            wanted = patterns.replacement(m)  # a pattern without one is reported, not fixed
            replacement = None if wanted is None else _keep_case(found, wanted)
            yield Hit(m.start, m.end, {"match": found, "replacement": replacement or ""}, replacement=replacement)
