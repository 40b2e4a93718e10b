"""The eight qualities of a good note, each marked present, missing or unchecked.

A warning or error in a quality's categories means it does not hold; suggestions are advice.
A quality is unchecked when none of its rules applied (timing without an interview time, say).
"""

from __future__ import annotations

from dataclasses import dataclass

from .findings import Finding, Severity

#: quality -> the categories whose warnings and errors say it does not hold. Nothing else
#: decides it: a rule belongs to the category of the quality it breaks (no greeting at all is a
#: personalization failure), so JSON, SARIF and editors see exactly what the checklist sees.
QUALITIES: dict[str, tuple[str, ...]] = {
    "timing": ("timing",),
    "personalization": ("personalization",),
    "gratitude": ("gratitude",),
    "qualifications": ("qualifications",),
    "reflection": ("reflection",),
    "interest": ("interest",),
    "questions": ("questions",),
    "tone": ("tone", "proofreading"),
}


@dataclass(frozen=True)
class Item:
    quality: str
    status: str  # present, missing, unchecked
    rule: str | None  # the rule that decided "missing"

    def to_dict(self) -> dict:
        return {"status": self.status, "rule": self.rule}


def build(findings: list[Finding], ran: list[tuple[str, str]]) -> list[Item]:
    """`ran` lists (rule id, category) of the rules that applied to the draft and could decide
    a quality (warnings and errors; suggestions are advice only)."""
    first: dict[str, tuple[int, str]] = {}  # category -> its first warning or error (place, rule)
    for place, finding in enumerate(findings):
        if finding.category not in first and finding.severity >= Severity.WARNING:
            first[finding.category] = (place, finding.rule_id)
    checked = {category for _rule_id, category in ran}
    items = []
    for quality, categories in QUALITIES.items():
        deciding = min((first[c] for c in categories if c in first), default=None)
        if deciding is not None:
            items.append(Item(quality, "missing", deciding[1]))
        elif not checked.isdisjoint(categories):
            items.append(Item(quality, "present", None))
        else:
            items.append(Item(quality, "unchecked", None))
    return items
