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
    items = []
    for quality in QUALITIES:
        categories = QUALITIES[quality]
        deciding = next((f for f in findings if f.severity >= Severity.WARNING and f.category in categories), None)
        if deciding is not None:
            items.append(Item(quality, "missing", deciding.rule_id))
        elif any(category in categories for _rule_id, category in ran):
            items.append(Item(quality, "present", None))
        else:
            items.append(Item(quality, "unchecked", None))
    return items
