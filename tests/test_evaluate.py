"""The evaluation command scores the checklist against labels correctly."""

from __future__ import annotations

import importlib.util

from conftest import ROOT

spec = importlib.util.spec_from_file_location("evaluate", ROOT / "scripts" / "evaluate.py")
evaluate = importlib.util.module_from_spec(spec)
spec.loader.exec_module(evaluate)

GOOD = "Hi Ana,\n\nThank you for your time today.\n\nBest,\nSam\n"
BAD = "Hi Ana,\n\nI wanted to follow up about the role.\n\nBest,\nSam\n"
QUALITIES = ("personalization", "gratitude", "qualifications", "reflection", "interest", "questions", "tone")


def test_scores_and_misses(tmp_path):
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "good.md").write_text(GOOD)
    (tmp_path / "drafts" / "bad.md").write_text(BAD)
    labels = ["good.md:", "  kind: thank-you", "  timing: unknown", *[f"  {q}: present" for q in QUALITIES],
              "bad.md:", "  kind: thank-you", "  timing: unknown", *[f"  {q}: present" for q in QUALITIES]]
    # One honest label (gratitude absent in bad.md) and one wrong one (interest "present").
    text = "\n".join(labels).replace("bad.md:\n  kind: thank-you\n  timing: unknown\n  personalization: present\n  gratitude: present",
                                     "bad.md:\n  kind: thank-you\n  timing: unknown\n  personalization: present\n  gratitude: absent")
    (tmp_path / "labels.yaml").write_text(text + "\n")
    table, macro, misses = evaluate.evaluate(tmp_path)
    assert "| gratitude | 1 | 1 | 1.00 | 1.00 | 1.00 | 1.00 |" in table
    assert "bad.md: interest labelled present, linter says missing" in misses
    assert "timing" not in " ".join(misses)
    # Interest has no "absent" label here, so its balanced accuracy is undefined and left out.
    assert "| interest | 0 | 2 | 0.00 | n/a | 0.00 | n/a |" in table
    assert macro == 1.0
