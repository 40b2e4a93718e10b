"""`unused-suppression`: an inline `disable` comment that silenced nothing.

Stale suppressions hide future problems; reporting them keeps the comments honest.
"""

from __future__ import annotations

from ..checks import Check, Hit


class UnusedSuppression(Check):
    kind = "unused-suppression"
    summary = "Reports inline suppressions that suppress nothing or name no known rule."
    phase = "suppressions"

    def run(self, parsed):
        for directive, selectors in parsed.unused_suppressions:
            for rule_id in selectors:
                if rule_id in directive.unknown:
                    message = f"'{rule_id}' in this suppression is not a known rule or category."
                else:
                    message = f"This suppression of '{rule_id}' suppresses nothing; remove it."
                yield Hit(directive.start, directive.end, {"match": rule_id}, message=message)
