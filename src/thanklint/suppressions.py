"""Inline suppressions in HTML comments, which work in every draft format:

    <!-- thanklint: disable=tone.exclamations -- reason -->      until enable= or end of file
    <!-- thanklint: enable=tone.exclamations -->
    <!-- thanklint: disable-next-line=proofreading.spelling -- a product name -->

A selector is a rule id or a category. Directives that suppress nothing are kept so the
`structure.unused-suppression` rule can report them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .draft import LineIndex
from .findings import Finding
from .layout import comments
from .rules import selects

#: One whole HTML comment (found by `layout.comments`); the reason may run over several lines.
_DIRECTIVE = re.compile(
    r"<!--\s*thanklint:\s*(disable-next-line|disable|enable)\s*=\s*([\w.-]+(?:\s*,\s*[\w.-]+)*)(?:\s+--(?!>).*)?\s*-->",
    re.S,
)

_SPACE = re.compile(r"\s*")


@dataclass
class Directive:
    action: str
    selectors: tuple[str, ...]
    start: int  # content offsets of the comment
    end: int
    first_line: int  # file lines the directive covers (inclusive)
    last_line: int
    used: set[str] = field(default_factory=set)
    #: Where `enable=` ended the range for one selector of a multi-rule `disable`.
    ends: dict[str, int] = field(default_factory=dict)
    unknown: set[str] = field(default_factory=set)

    @property
    def unused(self) -> list[str]:
        return [s for s in self.selectors if s not in self.used]

    def covers(self, finding: Finding) -> str | None:
        """The selector that silences `finding`, if any."""
        for selector in self.selectors:
            if not (self.first_line <= finding.line <= self.ends.get(selector, self.last_line)):
                continue
            if selects(selector, finding.rule_id):
                return selector
        return None


def parse_directives(text: str, offset: int, lines: LineIndex, known: frozenset[str]) -> list[Directive]:
    """Find the directives in the content (`offset` is where the content starts in the file)."""
    content = text[offset:]
    last_line = lines.position(len(text))[0]
    found: list[Directive] = []
    for start, end in comments(content):
        m = _DIRECTIVE.fullmatch(content, start, end)
        if m is None:
            continue
        action = m.group(1)
        selectors = tuple(s.strip() for s in m.group(2).split(",") if s.strip())
        line = lines.position(offset + m.start())[0]
        if action == "disable-next-line":
            space = _SPACE.match(content, m.end())
            assert space is not None  # `\s*` matches everywhere, if only the empty string
            target = lines.position(offset + space.end())[0]
            first, last = target, target
        else:
            first, last = line, last_line
        directive = Directive(action, selectors, m.start(), m.end(), first, last)
        directive.unknown = {s for s in selectors if s not in known}
        if action == "enable":
            # enable=X ends X (and, for a category, every rule in it) in earlier disables.
            for earlier in found:
                if earlier.action != "disable":
                    continue
                for selector in earlier.selectors:
                    closes = any(selects(s, selector) for s in selectors)
                    if closes and selector not in earlier.ends:
                        earlier.ends[selector] = line
        found.append(directive)
    return [d for d in found if d.action != "enable"]


def apply(findings: list[Finding], directives: list[Directive]) -> list[Finding]:
    """Drop suppressed findings, recording which directive selectors were used."""
    kept = []
    for finding in findings:
        silenced = False
        for directive in directives:
            selector = directive.covers(finding)
            if selector:
                directive.used.add(selector)
                silenced = True
        if not silenced:
            kept.append(finding)
    return kept
