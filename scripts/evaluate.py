"""Measure how well the checklist matches hand labels: `make eval`.

For each quality the positive class is "absent" (what the linter should flag). A quality the
linter leaves unchecked (no rule applied) counts as "not flagged"; drafts labelled `unknown`
(timing without an interview time) are left out of that quality's row.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

import yaml

from thanklint import Severity, lint_paths
from thanklint.checklist import QUALITIES


def _ratio(a: int, b: int) -> float | None:
    return a / b if b else None


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def evaluate(folder: Path) -> tuple[str, float, list[str]]:
    labels = yaml.safe_load((folder / "labels.yaml").read_text(encoding="utf-8"))
    names = sorted(labels)
    report = lint_paths([str(folder / "drafts" / n) for n in names])
    rows, scores, misses = [], [], []
    results = dict(zip(names, report.files))
    for quality in QUALITIES:
        tp = fp = tn = fn = 0
        for name in names:
            truth = labels[name][quality]
            if truth == "unknown":
                continue
            result = results[name]
            status = next(i.status for i in result.checklist if i.quality == quality) if result.checklist else "unchecked"
            flagged = status == "missing"
            if truth == "absent":
                tp, fn = tp + flagged, fn + (not flagged)
            else:
                fp, tn = fp + flagged, tn + (not flagged)
            if flagged != (truth == "absent"):
                misses.append(f"{name}: {quality} labelled {truth}, linter says {status}")
        recall, specificity = _ratio(tp, tp + fn), _ratio(tn, tn + fp)
        balanced = (recall + specificity) / 2 if recall is not None and specificity is not None else None
        if balanced is not None:
            scores.append(balanced)
        rows.append(f"| {quality} | {tp + fn} | {tn + fp} | {_fmt(_ratio(tp, tp + fp))} | {_fmt(recall)} | {_fmt(specificity)} | {_fmt(balanced)} |")
    macro = sum(scores) / len(scores)
    kinds = sum(1 for n in names if results[n].kind == labels[n]["kind"])
    clean = [n for n in names if all(labels[n][q] in ("present", "unknown") for q in QUALITIES)]
    errors = sum(1 for n in clean for f in results[n].findings if f.severity == Severity.ERROR)
    warnings = sum(1 for n in clean for f in results[n].findings if f.severity == Severity.WARNING)
    suggestions = sum(1 for n in clean for f in results[n].findings if f.severity == Severity.SUGGESTION)
    table = [
        f"Measured {dt.date.today().isoformat()} with `make eval` on {len(names)} labelled drafts in `{folder}`.",
        "",
        "| quality | absent | present | precision | recall | specificity | balanced accuracy |",
        "| --- | --- | --- | --- | --- | --- | --- |",
        *rows,
        f"| **macro** | | | | | | **{macro:.3f}** |",
        "",
        f"- Kind (thank-you / follow-up) inferred or read correctly: {kinds}/{len(names)}.",
        f"- Clean drafts (every quality present): {len(clean)}; errors on them: {errors}; "
        f"warnings: {warnings} ({warnings / max(1, len(clean)):.2f} per draft); suggestions: {suggestions} "
        f"({suggestions / max(1, len(clean)):.2f} per draft).",
        "",
    ]
    return "\n".join(table), macro, misses


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folders", nargs="*", default=["tests/eval"], help="folders with drafts/ and labels.yaml")
    parser.add_argument("--misses", action="store_true", help="list every disagreement with the labels")
    args = parser.parse_args(argv)
    for folder in args.folders:
        table, _macro, misses = evaluate(Path(folder))
        print(table)
        if args.misses:
            print("\n".join(misses) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
