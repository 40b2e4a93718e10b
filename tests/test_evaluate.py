"""The evaluation command scores the checklist against labels correctly."""

from __future__ import annotations

import importlib.util
import sys

from conftest import ROOT

spec = importlib.util.spec_from_file_location("evaluate", ROOT / "scripts" / "evaluate.py")
evaluate = importlib.util.module_from_spec(spec)
sys.modules[spec.name] = evaluate  # dataclasses look their module up there
spec.loader.exec_module(evaluate)

GOOD = "Hi Ana,\n\nThank you for your time today.\n\nBest,\nSam\n"
BAD = "Hi Ana,\n\nIt was great to meet you about the role.\n\nBest,\nSam\n"
QUALITIES = ("personalization", "gratitude", "qualifications", "reflection", "interest", "questions", "tone")


def test_scores_and_misses(tmp_path):
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "good.md").write_text(GOOD)
    (tmp_path / "drafts" / "bad.md").write_text(BAD)
    labels = [
        "good.md:",
        "  kind: thank-you",
        "  timing: unknown",
        *[f"  {q}: present" for q in QUALITIES],
        "bad.md:",
        "  kind: thank-you",
        "  timing: unknown",
        *[f"  {q}: present" for q in QUALITIES],
    ]
    # One honest label (gratitude absent in bad.md) and one wrong one (interest "present").
    text = "\n".join(labels).replace(
        "bad.md:\n  kind: thank-you\n  timing: unknown\n  personalization: present\n  gratitude: present",
        "bad.md:\n  kind: thank-you\n  timing: unknown\n  personalization: present\n  gratitude: absent",
    )
    (tmp_path / "labels.yaml").write_text(text + "\n")
    table, macro, misses = evaluate.evaluate(tmp_path)
    assert "| gratitude | 1 | 1 | 1.00 | 1.00 | 1.00 | 1.00 |" in table
    assert "bad.md: interest labelled present, linter says missing" in misses
    assert "timing" not in " ".join(misses)
    # Interest has no "absent" label here, so its balanced accuracy is undefined and left out.
    assert "| interest | 0 | 2 | 0.00 | n/a | 0.00 | n/a |" in table
    assert macro == 1.0


def test_reads_the_long_label_format_and_counts_false_alarms(tmp_path):
    """The real-world development set's format: a `drafts:` list, long quality names, `n/a`,
    and an out-of-scope kind that the kind score leaves out."""
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "001.txt").write_text(BAD)
    (tmp_path / "drafts" / "002.txt").write_text(GOOD)
    labels = {
        "version": 1,
        "drafts": [
            {
                "file": "drafts/001.txt",
                "kind": "thank-you",
                "labels": {
                    "timing": "n/a",
                    "personalization": "present",
                    "gratitude_at_start": "present",
                    "qualifications": "n/a",
                    "specific_interview_moment": "n/a",
                    "interest_restated": "n/a",
                    "follow_up_question": "n/a",
                    "tone_and_proofreading": "present",
                },
            },
            {
                "file": "drafts/002.txt",
                "kind": "other",
                "labels": {
                    "timing": "n/a",
                    "personalization": "n/a",
                    "gratitude_at_start": "present",
                    "qualifications": "n/a",
                    "specific_interview_moment": "n/a",
                    "interest_restated": "n/a",
                    "follow_up_question": "n/a",
                    "tone_and_proofreading": "n/a",
                },
            },
        ],
    }
    import yaml

    (tmp_path / "labels.yaml").write_text(yaml.safe_dump(labels))
    table, _macro, misses = evaluate.evaluate(tmp_path)
    # 001 has no thanks although labelled as having it: one false alarm over two drafts.
    assert "001.txt: gratitude labelled present, linter says missing" in misses
    assert "False alarms (a quality labelled present but flagged): 1 (0.50 per draft)" in table
    assert "Kind (thank-you / follow-up) inferred or read correctly: 1/1." in table


def test_counts_clean_notes_over_the_bar(tmp_path):
    """A well-written note may draw one suggestion; an error, or a second suggestion, puts it
    over the bar that the evaluation reports."""
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "one-suggestion.md").write_text(GOOD)
    (tmp_path / "drafts" / "misspelt.md").write_text(GOOD.replace("time", "tiem"))
    labels = [
        line
        for name in ("one-suggestion.md", "misspelt.md")
        for line in (f"{name}:", "  kind: thank-you", "  timing: unknown", *[f"  {q}: present" for q in QUALITIES])
    ]
    (tmp_path / "labels.yaml").write_text("\n".join(labels) + "\n")
    table, _macro, _misses = evaluate.evaluate(tmp_path)
    assert "Clean notes (thank-you or follow-up, no quality absent): 2; errors on them: 1;" in table
    assert "suggestions: 2 (1.00 per draft); with an error or more than one suggestion: 1." in table
