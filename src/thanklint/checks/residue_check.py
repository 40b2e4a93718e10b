"""`residue`: template residue left in the note (slots, instructions, stand-in names).

The pieces are found once per draft (`thanklint.residue`); each residue rule reports the kinds
it names, so one instruction surfaces both as residue (personalization) and as an instruction
to the writer (tone), while content rules ignore every piece.
"""

from __future__ import annotations

from ..checks import Check, Hit, Option

RESIDUE_KINDS = ("slot", "instruction", "stand-in")


class Residue(Check):
    kind = "residue"
    summary = "Reports template residue: slots, instructions to the writer, stand-in names."
    options = {
        "report": Option("texts", doc="which kinds of residue to report: slot, instruction, stand-in", tunable=False),
    }

    def __init__(self, rule, settings):
        super().__init__(rule, settings)
        unknown = sorted(set(settings["report"]) - set(RESIDUE_KINDS))
        if unknown or not settings["report"]:
            from ..errors import RuleError

            raise RuleError(
                rule.path,
                f"report: expected a list drawn from {', '.join(RESIDUE_KINDS)}, got {settings['report']!r}",
                rule.lines.get("report"),
                "report",
            )

    def run(self, parsed):
        text = parsed.text
        for piece in parsed.residue:
            if piece.kind in self.settings["report"]:
                yield Hit(piece.start, piece.end, {"match": text[piece.start : piece.end]})
