"""The eight qualities of a good note, each marked present, missing or unchecked.

A warning or error in a quality's categories means it does not hold; suggestions are advice.
A quality is unchecked when none of its rules applied (timing without an interview time, say).
"""

from __future__ import annotations

from dataclasses import dataclass

from .findings import Finding, Severity

#: quality -> (categories, further rule ids whose findings also decide it)
QUALITIES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "timing": (("timing",), ()),
    "personalization": (("personalization",), ("structure.missing-greeting",)),
    "gratitude": (("gratitude",), ()),
    "qualifications": (("qualifications",), ()),
    "reflection": (("reflection",), ()),
    "interest": (("interest",), ()),
    "questions": (("questions",), ()),
    # Instructions to the writer left in are residue (personalization) and a proofreading miss.
    "tone": (("tone", "proofreading"), ("personalization.writer-instruction",)),
}


@dataclass(frozen=True)
class Item:
    quality: str
    status: str  # present, missing, unchecked
    rule: str | None  # the rule that decided "missing"

    def to_dict(self) -> dict:
        return {"status": self.status, "rule": self.rule}


#: Context checks that are advice beyond the quality's definition (a named greeting and no
#: template residue): a note can be personal without naming the role or every topic.
NOT_DECIDING = frozenset({"personalization.role-not-mentioned", "personalization.topics-not-mentioned"})


def _belongs(rule_id: str, category: str, quality: str) -> bool:
    categories, extra = QUALITIES[quality]
    return (category in categories and rule_id not in NOT_DECIDING) or rule_id in extra


def build(findings: list[Finding], ran: list[tuple[str, str]]) -> list[Item]:
    """`ran` lists (rule id, category) of the rules that applied to the draft and could decide
    a quality (warnings and errors; suggestions are advice only)."""
    items = []
    for quality in QUALITIES:
        deciding = next(
            (f for f in findings if f.severity >= Severity.WARNING and _belongs(f.rule_id, f.category, quality)), None
        )
        if deciding is not None:
            items.append(Item(quality, "missing", deciding.rule_id))
        elif any(_belongs(rule_id, category, quality) for rule_id, category in ran):
            items.append(Item(quality, "present", None))
        else:
            items.append(Item(quality, "unchecked", None))
    return items
