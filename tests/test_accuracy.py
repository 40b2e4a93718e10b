"""Accuracy cannot regress silently: every labelled draft's checklist is held to a reviewed
snapshot (with each set's macro balanced accuracy beside it, so a review sees what a change
costs or gains)."""

from __future__ import annotations

import importlib.util
import sys

import yaml

from conftest import ROOT

spec = importlib.util.spec_from_file_location("evaluate", ROOT / "scripts" / "evaluate.py")
evaluate = importlib.util.module_from_spec(spec)
sys.modules[spec.name] = evaluate
spec.loader.exec_module(evaluate)

SNAPSHOT = ROOT / "tests" / "accuracy-snapshot.yaml"
SETS = sorted(p for p in (ROOT / "tests").glob("eval*") if (p / "labels.yaml").is_file())


def test_checklists_match_the_reviewed_snapshot():
    recorded = yaml.safe_load(SNAPSHOT.read_text(encoding="utf-8"))
    drafts, macros = evaluate.checklists(SETS)
    changed = [
        f"{name}:\n  was {recorded['drafts'].get(name)}\n  now {now}"
        for name, now in sorted(drafts.items())
        if recorded["drafts"].get(name) != now
    ]
    assert not changed, "checklists changed; review, then `make snapshot`:\n" + "\n".join(changed[:40])
    assert set(recorded["drafts"]) == set(drafts), "drafts were added or removed; run `make snapshot`"
    assert macros == recorded["macro"], "the labels changed; review the scores, then `make snapshot`"
