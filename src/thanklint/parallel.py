"""Sharing the per-draft phase among processes (`--jobs N`).

Where processes can be forked, the calling process loads the pipeline, the rules and the
grammar engine once and the workers inherit them (loading them in each worker cost more than
the second core saved); elsewhere each worker loads them itself. Workers check batches of
drafts; the run-level phase (drafts compared with each other) stays in the calling process,
so it still sees every draft.
"""

from __future__ import annotations

import gc
import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .draft import Draft
    from .linter import DraftOutcome, Linter

#: Another process loads the pipeline again (about a second): below this many drafts for it,
#: that costs more than it saves.
DRAFTS_PER_PROCESS = 40
#: Drafts handed to a worker at a time, at most: few enough to keep every core busy to the end.
BATCH = 24
#: The fewest drafts in a batch (the parser works on a batch at a time, and is slower on tiny ones).
SMALLEST_BATCH = 4

_linter: Linter | None = None


def automatic(count: int) -> int:
    """The default number of processes for `count` drafts: one for a few drafts."""
    return max(1, min(os.cpu_count() or 1, count // DRAFTS_PER_PROCESS))


def batches(drafts: list[Draft], jobs: int) -> list[list[Draft]]:
    """The drafts in batches that shrink towards the end (each at most a share of what is left),
    so that the workers finish together: with equal batches, one worker checked the last
    whole batch while the others waited."""
    out, first = [], 0
    while first < len(drafts):
        left = len(drafts) - first
        size = max(SMALLEST_BATCH, min(BATCH, -(-left // (2 * jobs))))
        out.append(drafts[first : first + size])
        first += size
    return out


def _start(ruleset, model: str | None, debug: bool) -> None:
    global _linter
    from .linter import Linter

    _linter = Linter(ruleset, model, debug)


def _check(drafts: list[Draft]) -> list[DraftOutcome]:
    assert _linter is not None, "the worker was not started"
    return _linter.per_draft(drafts)


def per_draft(linter: Linter, drafts: list[Draft], jobs: int | None) -> list[DraftOutcome]:
    """The per-draft outcomes of `drafts`, in order, from `jobs` processes (None: automatic)."""
    jobs = automatic(len(drafts)) if jobs is None else max(1, min(jobs, len(drafts)))
    if jobs == 1:
        return linter.per_draft(drafts)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _linter
    shares = batches(drafts, jobs)
    if "fork" in multiprocessing.get_all_start_methods():
        linter.nlp  # noqa: B018  (loaded here, once, for every worker)
        for _, check in linter.checks:
            check.before_workers()
        _linter = linter
        context = multiprocessing.get_context("fork")
        # What the workers inherit is never collected: frozen, the workers' collections skip
        # it and do not write to its pages (each write copies a page the processes shared).
        gc.freeze()
        try:
            with ProcessPoolExecutor(jobs, mp_context=context) as pool:
                return [outcome for batch in pool.map(_check, shares) for outcome in batch]
        finally:
            gc.unfreeze()
            _linter = None
            for _, check in linter.checks:
                check.after_workers()
    with ProcessPoolExecutor(jobs, initializer=_start, initargs=(linter.ruleset, linter.model, linter.debug)) as pool:
        return [outcome for batch in pool.map(_check, shares) for outcome in batch]
