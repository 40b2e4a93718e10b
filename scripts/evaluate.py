"""Measure how well the checklist matches hand labels: `make eval`.

For each quality the positive class is "absent" (what the linter should flag). A quality is
flagged when the draft has a warning or error in that quality's category; a quality the linter
leaves unchecked counts as "not flagged". Drafts labelled `unknown` or `n/a` are left out of
that quality's row. A false alarm is a flagged quality that the draft is labelled as having.

Two label formats are read: this repository's (a mapping from file name to labels) and the
real-world development set's (`drafts:` entries with `file`, `kind` and `labels`, whose
quality names are longer).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

from thanklint import Severity, lint_paths
from thanklint.api import Session
from thanklint.checklist import QUALITIES

#: The real-world set's quality names, mapped to the checklist's.
LONG_NAMES = {
    "gratitude_at_start": "gratitude",
    "specific_interview_moment": "reflection",
    "interest_restated": "interest",
    "follow_up_question": "questions",
    "tone_and_proofreading": "tone",
}
NOT_JUDGED = ("unknown", "n/a")
SNAPSHOT_HEADER = (
    "# Every labelled draft's kind and checklist, and each set's macro balanced accuracy, as the\n"
    "# rules stand. tests/test_accuracy.py fails when they change: review the change, then\n"
    "# regenerate with `make snapshot` and commit it with the rule change that caused it.\n"
)
NOTE_KINDS = ("thank-you", "follow-up")


@dataclass
class Labelled:
    """One draft's path (relative to `drafts/`), kind and quality labels."""

    name: str
    kind: str
    qualities: dict[str, str]


#: libyaml's parser where PyYAML has it: ten times faster on the 190 label files.
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_labels(folder: Path) -> list[Labelled]:
    data = yaml.load((folder / "labels.yaml").read_text(encoding="utf-8"), Loader=FAST_LOADER)  # noqa: S506
    if isinstance(data, dict) and isinstance(data.get("drafts"), list):
        return [
            Labelled(
                str(entry["file"]).removeprefix("drafts/"),
                entry["kind"],
                {LONG_NAMES.get(q, q): v for q, v in entry["labels"].items()},
            )
            for entry in data["drafts"]
        ]
    return [Labelled(name, labels["kind"], {q: labels[q] for q in QUALITIES}) for name, labels in sorted(data.items())]


def _ratio(a: int, b: int) -> float | None:
    return a / b if b else None


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def evaluate(folder: Path) -> tuple[str, float, list[str]]:
    drafts = read_labels(folder)
    report = lint_paths([str(folder / "drafts" / d.name) for d in drafts])
    return score(folder, drafts, report.files)


def score(folder: Path, drafts: list[Labelled], linted: list) -> tuple[str, float, list[str]]:
    """The table, the macro balanced accuracy and the disagreements, for drafts and their results."""
    rows, scores, misses = [], [], []
    results = {d.name: r for d, r in zip(drafts, linted)}
    false_alarms = 0
    for quality in QUALITIES:
        tp = fp = tn = fn = 0
        for draft in drafts:
            truth = draft.qualities.get(quality, "unknown")
            if truth in NOT_JUDGED:
                continue
            result = results[draft.name]
            status = next((i.status for i in result.checklist if i.quality == quality), "unchecked")
            flagged = status == "missing"
            if truth == "absent":
                tp, fn = tp + flagged, fn + (not flagged)
            else:
                fp, tn = fp + flagged, tn + (not flagged)
            if flagged != (truth == "absent"):
                detail = f" ({result.error.code})" if result.error else ""
                misses.append(f"{draft.name}: {quality} labelled {truth}, linter says {status}{detail}")
        false_alarms += fp
        recall, specificity = _ratio(tp, tp + fn), _ratio(tn, tn + fp)
        balanced = (recall + specificity) / 2 if recall is not None and specificity is not None else None
        if balanced is not None:
            scores.append(balanced)
        rows.append(
            f"| {quality} | {tp + fn} | {tn + fp} | {_fmt(_ratio(tp, tp + fp))} | {_fmt(recall)} | {_fmt(specificity)} | {_fmt(balanced)} |"
        )
    macro = sum(scores) / len(scores) if scores else float("nan")
    notes = [d for d in drafts if d.kind in NOTE_KINDS]
    kinds = sum(1 for d in notes if results[d.name].kind == d.kind)
    misses += [
        f"{d.name}: kind labelled {d.kind}, linter says {results[d.name].kind}"
        for d in notes
        if results[d.name].kind != d.kind
    ]
    # Only notes count: an out-of-scope control (a recruiter's e-mail, a cover letter) has every
    # quality unjudged, so it would pass as "clean" while the linter rightly objects to it.
    clean = [d for d in notes if all(v != "absent" for v in d.qualities.values())]
    errors = sum(1 for d in clean for f in results[d.name].findings if f.severity == Severity.ERROR)
    warnings = sum(1 for d in clean for f in results[d.name].findings if f.severity == Severity.WARNING)
    suggestions = sum(1 for d in clean for f in results[d.name].findings if f.severity == Severity.SUGGESTION)
    # The bar a well-written note must clear: no error and at most one suggestion.
    over_bar = sum(
        1
        for d in clean
        if any(f.severity == Severity.ERROR for f in results[d.name].findings)
        or sum(f.severity == Severity.SUGGESTION for f in results[d.name].findings) > 1
    )
    table = [
        f"Measured {dt.date.today().isoformat()} with `make eval` on {len(drafts)} labelled drafts in `{folder}`.",
        "",
        "| quality | absent | present | precision | recall | specificity | balanced accuracy |",
        "| --- | --- | --- | --- | --- | --- | --- |",
        *rows,
        f"| **macro** | | | | | | **{macro:.3f}** |",
        "",
        f"- False alarms (a quality labelled present but flagged): {false_alarms} "
        f"({false_alarms / max(1, len(drafts)):.2f} per draft).",
        f"- Kind (thank-you / follow-up) inferred or read correctly: {kinds}/{len(notes)}.",
        f"- Clean notes (thank-you or follow-up, no quality absent): {len(clean)}; errors on them: {errors}; "
        f"warnings: {warnings} ({warnings / max(1, len(clean)):.2f} per draft); suggestions: {suggestions} "
        f"({suggestions / max(1, len(clean)):.2f} per draft); with an error or more than one suggestion: {over_bar}.",
        "",
    ]
    return "\n".join(table), macro, misses


def snapshot_names(folders: list[Path]) -> list[str]:
    """The snapshot's key of every labelled draft in `folders`, without linting any."""
    return [f"{folder.name}/{d.name}" for folder in folders for d in read_labels(folder)]


def checklists(
    folders: list[Path], keep: Callable[[str], bool] | None = None
) -> tuple[dict[str, str], dict[str, float]]:
    """Every draft's kind and checklist in one line, keyed by path, and each set's macro
    balanced accuracy: the snapshot that `tests/test_accuracy.py` holds the rules to. With
    `keep`, only the drafts whose key it accepts are linted, and no macro is given (a set's
    score needs all of its drafts)."""
    out, macros = {}, {}
    labelled = [(folder, read_labels(folder)) for folder in folders]
    if keep is not None:
        labelled = [(folder, [d for d in drafts if keep(f"{folder.name}/{d.name}")]) for folder, drafts in labelled]
    paths = [str(folder / "drafts" / d.name) for folder, drafts in labelled for d in drafts]
    # One run over every set, so that both cores share the parsing.
    files = iter(Session(jobs=None).lint((path, None) for path in paths).files)
    for folder, drafts in labelled:
        results = [next(files) for _ in drafts]
        for draft, result in zip(drafts, results):
            marks = " ".join(f"{i.quality}={i.status}" for i in result.checklist) or (
                "skipped (not a note)" if result.skipped else f"error={result.error.code}"
            )
            out[f"{folder.name}/{draft.name}"] = f"{result.kind} {marks}"
        if keep is None:
            macros[folder.name] = round(score(folder, drafts, results)[1], 3)
    return out, macros


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folders", nargs="*", default=["tests/eval"], help="folders with drafts/ and labels.yaml")
    parser.add_argument("--misses", action="store_true", help="list every disagreement with the labels")
    parser.add_argument("--snapshot", metavar="FILE", help="write every draft's checklist to FILE (YAML) and stop")
    args = parser.parse_args(argv)
    if args.snapshot:
        drafts, macros = checklists([Path(f) for f in args.folders])
        text = yaml.safe_dump({"macro": macros, "drafts": drafts}, sort_keys=True, width=200)
        Path(args.snapshot).write_text(SNAPSHOT_HEADER + text, encoding="utf-8")
        print(f"{args.snapshot}: {len(drafts)} drafts")
        return 0
    for folder in args.folders:
        if not (Path(folder) / "labels.yaml").is_file():
            print(f"{folder}: no labels.yaml here; skipped\n", file=sys.stderr)
            continue
        table, _macro, misses = evaluate(Path(folder))
        print(table)
        if args.misses:
            print("\n".join(misses) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
