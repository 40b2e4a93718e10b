"""Accuracy cannot regress silently: every labelled draft's checklist is held to a reviewed
snapshot (with each set's macro balanced accuracy beside it, so a review sees what a change
costs or gains).

Linting all of the labelled drafts takes minutes, so the suite checks one draft in `SAMPLE`, the
same ones every run (chosen by a hash of the draft's path, across every set); `make
check-snapshot` (THANKLINT_SNAPSHOT=all) checks every draft and every set's score, and is run
before a rule change is committed."""

from __future__ import annotations

import functools
import importlib.util
import os
import sys
import zlib

import yaml

from conftest import ROOT

spec = importlib.util.spec_from_file_location("evaluate", ROOT / "scripts" / "evaluate.py")
evaluate = importlib.util.module_from_spec(spec)
sys.modules[spec.name] = evaluate
spec.loader.exec_module(evaluate)

SNAPSHOT = ROOT / "tests" / "accuracy-snapshot.yaml"
SETS = sorted(p for p in (ROOT / "tests").glob("eval*") if (p / "labels.yaml").is_file())
#: One labelled draft in this many is linted by the suite.
SAMPLE = 6
EVERY_DRAFT = os.environ.get("THANKLINT_SNAPSHOT") == "all"


def sampled(name: str) -> bool:
    return zlib.crc32(name.encode("utf-8")) % SAMPLE == 0


@functools.cache
def recorded() -> dict:
    """The snapshot, read once for the module's tests."""
    return yaml.load(SNAPSHOT.read_text(encoding="utf-8"), Loader=evaluate.FAST_LOADER)  # noqa: S506


@functools.cache
def labelled_names() -> tuple[str, ...]:
    return tuple(evaluate.snapshot_names(SETS))


def test_the_snapshot_names_every_labelled_draft():
    assert set(recorded()["drafts"]) == set(labelled_names()), "drafts were added or removed; run `make snapshot`"
    assert set(recorded()["macro"]) == {folder.name for folder in SETS}


def test_the_sample_reaches_every_kind_of_set():
    """The sample is a fair share of each set, not a few sets whole."""
    names = labelled_names()
    chosen = [n for n in names if sampled(n)]
    assert len(names) / SAMPLE * 0.9 < len(chosen) < len(names) / SAMPLE * 1.1
    assert len({n.split("/")[0] for n in chosen}) > 0.9 * len(SETS)


def test_checklists_match_the_reviewed_snapshot():
    drafts, macros = evaluate.checklists(SETS, keep=None if EVERY_DRAFT else sampled)
    changed = [
        f"{name}:\n  was {recorded()['drafts'].get(name)}\n  now {now}"
        for name, now in sorted(drafts.items())
        if recorded()["drafts"].get(name) != now
    ]
    assert not changed, "checklists changed; review, then `make snapshot`:\n" + "\n".join(changed[:40])
    if EVERY_DRAFT:
        assert macros == recorded()["macro"], "the labels changed; review the scores, then `make snapshot`"
