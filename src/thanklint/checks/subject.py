"""`subject`: the subject line, where the draft has one (an e-mail, or `subject:` in metadata)."""

from __future__ import annotations

import re

from .. import lazyregex
from ..checks import Check, Hit, Option

#: Words that say what the e-mail is: thanks, the interview, a follow-up and what it asks about
#: ("Timeline question - Senior Data Engineer", "Status of my application").
_USEFUL = lazyregex.compile(
    r"\b(thank|thanks|interview|follow(?:ing)?[- ]?up|application|conversation|meeting|position|role|checking in"
    r"|timeline|status|update|decision|next steps|offer)\b",
    re.I,
)
_SHOUTING = lazyregex.compile(r"\b(urgent|asap|important|immediate(?:ly)?|response needed|action required)\b|!!", re.I)


class Subject(Check):
    kind = "subject"
    summary = "Checks the subject line: present, specific, short and calm."
    options = {
        "problem": Option(
            "text", doc="missing, vague or shouting", tunable=False, choices=("missing", "vague", "shouting")
        ),
        "max_words": Option(
            "int", 10, "longest subject (in words) before it counts as vague", needs=("problem=vague",)
        ),
    }

    def applicable(self, parsed):
        return parsed.draft.format == "eml" or parsed.meta.subject is not None

    def _where(self, parsed) -> tuple[int, int]:
        """The subject's place in the file (header, front matter or a pasted "Subject:" line
        above the greeting), in content offsets."""
        head = parsed.draft.text[: parsed.offset + parsed.layout.start]
        from ..draft import SUBJECT_LINE

        m = SUBJECT_LINE.search(head)
        if m and m.group(1).strip():
            return m.start(1) - parsed.offset, m.end(1) - parsed.offset
        if m:
            return m.start() - parsed.offset, m.end() - parsed.offset
        return parsed.anchor, parsed.anchor

    def run(self, parsed):
        subject = (parsed.meta.subject or "").strip()
        problem = self.settings["problem"]
        start, end = self._where(parsed)
        if problem == "missing":
            if not subject:
                yield Hit(start, end if end > start else start)
            return
        if not subject:
            return
        letters = [c for c in subject if c.isalpha()]
        if problem == "shouting":
            shouting = len(letters) >= 6 and all(c.isupper() for c in letters)
            found = _SHOUTING.search(subject)
            if shouting or found:
                yield Hit(start, end, {"match": found.group(0) if found else subject})
        elif problem == "vague":
            words = len(subject.split())
            role = parsed.meta.role or ""
            specific = _USEFUL.search(subject) or (role and role.lower() in subject.lower())
            if not specific or words > self.settings["max_words"]:
                yield Hit(start, end, {"match": subject, "words": words})
