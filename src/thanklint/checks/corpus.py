"""Checks across the drafts of one run: notes to a panel must differ, and every interviewer
should get one. Drafts belong to the same interview when they share the company and the
interview date."""

from __future__ import annotations

import re
from collections import defaultdict

from ..checks import Check, Hit, Option
from .context import _parts


def interview_key(meta):
    """(company, interview date) naming one interview, or None when the metadata lacks either."""
    if not meta.company or meta.interviewed_at is None:
        return None
    when = meta.interviewed_at
    day = when.date() if hasattr(when, "date") and callable(when.date) else when
    return meta.company.strip().lower(), str(day)


def _interview(parsed):
    return interview_key(parsed.meta)


def _groups(drafts):
    groups = defaultdict(list)
    for parsed in drafts:
        key = _interview(parsed)
        if key is not None:
            groups[key].append(parsed)
    return groups


class _Grouped:
    """The drafts of a run by interview, grouped once: `compared` is asked for every draft of
    the same list, and grouping each time would take the square of the run's size."""

    def __init__(self):
        self._last: tuple[list, dict] | None = None

    def __call__(self, drafts: list) -> dict:
        if self._last is None or self._last[0] is not drafts:
            self._last = (drafts, _groups(drafts))
        return self._last[1]


def _normalised_body(parsed) -> str:
    """The body in lower case with the recipient's names blanked, so that only the wording counts."""
    text = parsed.body_text.lower()
    for part in _parts(parsed.meta.recipient or ""):
        text = re.sub(rf"\b{re.escape(part.lower())}\b", " ", text)
    return " ".join(re.findall(r"[a-z0-9']+", text))


class Similarity(Check):
    kind = "similarity"
    summary = "Compares the bodies of notes sent for the same interview."
    phase = "corpus"
    options = {"max_similarity": Option("number", 80, "most similar (0-100) two notes for one interview may be")}

    def __init__(self, rule, settings):
        super().__init__(rule, settings)
        self._grouped = _Grouped()

    def compared(self, parsed, drafts):
        key = _interview(parsed)
        return key is not None and len(self._grouped(drafts).get(key, ())) >= 2

    def run_corpus(self, drafts):
        from rapidfuzz import fuzz

        limit = self.settings["max_similarity"]
        for group in _groups(drafts).values():
            bodies = [_normalised_body(p) for p in group]
            for i, first in enumerate(group):
                for j in range(len(group)):
                    if i == j or not bodies[i] or not bodies[j]:
                        continue
                    score = fuzz.ratio(bodies[i], bodies[j])
                    if score >= limit:
                        yield (
                            first,
                            Hit(
                                *first.line_from(first.anchor),
                                {"other": group[j].draft.path, "similarity": round(score)},
                            ),
                        )


def _bare(name: str) -> str:
    """A name without its titles, in lower case: "Ms. Tan Wei Ling" is "tan wei ling"."""
    return " ".join(_parts(name)).lower()


def _named_in(name: str, text: str) -> bool:
    """Whether any part of a name stands in the text as a capitalised word of its own: notes
    thank the others by first name ("please thank Sam for me"), by title and surname ("Dr
    Menon"), or by a family name written first ("Ms. Tan" for Tan Wei Ling)."""
    for part in _parts(name):
        if len(part) > 1:
            pattern = rf"(?<![\w'’-]){re.escape(part)}(?![\w-])"
            if any(m.group(0)[0].isupper() for m in re.finditer(pattern, text, re.IGNORECASE)):
                return True
    return False


class PanelCoverage(Check):
    kind = "panel-coverage"
    summary = "Reports interviewers who get no note of their own in the run."
    phase = "corpus"
    options = {}

    def __init__(self, rule, settings):
        super().__init__(rule, settings)
        self._grouped = _Grouped()

    def compared(self, parsed, drafts):
        """Only the draft that would carry the finding: the first of its interview to list interviewers."""
        key = _interview(parsed)
        group = self._grouped(drafts).get(key, ()) if key is not None else ()
        return parsed is next((p for p in group if p.meta.interviewers), None)

    def run_corpus(self, drafts):
        for group in _groups(drafts).values():
            covered = {_bare(p.meta.recipient or "") for p in group}
            listed = []
            for parsed in group:
                listed.extend(n for n in parsed.meta.interviewers if n not in listed)
            mentioned = " ".join(p.body_text for p in group)
            missing = [name for name in listed if _bare(name) not in covered and not _named_in(name, mentioned)]
            if missing:
                first = next(p for p in group if p.meta.interviewers)
                yield first, Hit(*first.line_from(first.anchor), {"names": ", ".join(missing)})
