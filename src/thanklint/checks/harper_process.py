"""Harper in a process of its own, fed over a pipe: the grammar rule's engine.

Harper's linter takes about 145 MB once built and keeps about 1.6 MB for each text it has
checked; in the linting process that put the peak past 450 MB, next to spaCy's 220. In a
process of its own it builds and works on the second core while spaCy loads and parses on the
first, and the debug lines harper-py prints from native code go to that process's own standard
output, never into a report.

Each request and each answer is one line of JSON (ASCII, so any text survives the pipe):
`{"lint": [dialect, denied, text]}` answers with the lints as `[start, end, kind, message,
replacement]`, `{"rules": [dialect, denied]}` with Harper's rule names and group labels
(`{"rules": [...], "groups": [...]}`), `{"build": [dialect, denied]}` with nothing once the
linter is ready; `denied` holds rule names and group labels. A failure answers `{"error": message}`.
`{"ahead": [dialect, denied, texts]}` answers with nothing at once: the texts are linted while
no question waits, so that their lints are ready when they are asked for. A run announces its
drafts before loading spaCy, and Harper works through them on the core the load leaves idle.
Run as `python -m thanklint.checks.harper_process`; it ends when its input does.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import sys
import threading
from typing import Any


def _groups(linter: Any) -> dict[str, list[str]]:
    """Harper's rule groups, by the labels of its structured settings, and the rules in each."""

    def names(node: dict) -> list[str]:
        out = []
        for item in node["settings"]:
            if "Bool" in item:
                out.append(item["Bool"]["name"])
            elif "Group" in item:
                out.extend(names(item["Group"]["child"]))
        return out

    settings = linter.get_structured_lint_config()["settings"]
    return {item["Group"]["label"]: names(item["Group"]["child"]) for item in settings if "Group" in item}


def _build(dialect: str, denied: frozenset[str]) -> Any:
    """A Harper linter for the dialect, with the denied rules, and every rule of a denied
    group, switched off."""
    import harper

    linter = harper.Linter(getattr(harper.Dialect, dialect.upper()))
    groups = _groups(linter)
    off = set(denied).union(*(groups.get(name, ()) for name in denied))
    linter.set_lint_config({name: (False if name in off else None) for name in linter.get_lint_config()})
    return linter


#: A linter keeps what it worked out for every text it has checked (about 1.6 MB each), and an
#: editor sends a new text with every edit: after this many different texts it is built afresh
#: (milliseconds: the dictionary is loaded once per process), which bounds the process at about
#: 350 MB. Repeated texts are free.
FRESH_AFTER = 128


#: Lints of announced texts kept until they are asked for, at most.
KEPT_AHEAD = 1024


class Engine:
    """Harper's linters, one per (dialect, denied), and the texts announced to be linted ahead."""

    def __init__(self) -> None:
        self.linters: dict = {}
        self.seen: dict = {}  # the different texts each linter has checked
        #: Announced texts not yet linted, in order, and the lints of those done but not yet asked for.
        self.ahead: dict[tuple, None] = {}
        self.done: dict[tuple, list] = {}

    def answer(self, request: dict) -> Any:
        ((kind, args),) = request.items()
        key = (args[0], frozenset(args[1]))
        if kind == "ahead":
            self.ahead.update(dict.fromkeys((key, text) for text in args[2] if (key, text) not in self.done))
            return None
        if kind == "lint":
            self.ahead.pop((key, args[2]), None)
            found = self.done.pop((key, args[2]), None)
            return found if found is not None else self._lint(key, args[2])
        linter = self._linter(key)
        if kind == "build":
            return None
        if kind == "rules":
            return {"rules": list(linter.get_lint_config()), "groups": list(_groups(linter))}
        raise ValueError(f"unknown request {kind!r}")

    def work_ahead(self) -> None:
        """Lint the next announced text, for when it is asked for (the oldest lints never asked
        for are dropped past `KEPT_AHEAD`: a long editor session announces many texts)."""
        key, text = next(iter(self.ahead))
        del self.ahead[(key, text)]
        self.done[(key, text)] = self._lint(key, text)
        while len(self.done) > KEPT_AHEAD:
            del self.done[next(iter(self.done))]

    def _linter(self, key: tuple) -> Any:
        if key not in self.linters:
            self.linters[key] = _build(*key)
        return self.linters[key]

    def _lint(self, key: tuple, text: str) -> list:
        texts = self.seen.setdefault(key, set())
        texts.add(hash(text))
        if len(texts) > FRESH_AFTER:
            self.linters.pop(key, None)
            texts.clear()
            texts.add(hash(text))
        return [
            [
                lint.span.start,
                lint.span.end,
                lint.lint_kind,
                lint.message,
                lint.suggestions[0].replacement_text if lint.suggestions else None,
            ]
            for lint in self._linter(key).lint(text, language="plaintext")
        ]


def _requests(lines: queue.Queue) -> None:
    """Read requests as they come, so that a question is seen between two texts linted ahead."""
    for line in sys.stdin:
        lines.put(line)
    lines.put(None)


def main() -> int:
    answers = os.fdopen(os.dup(1), "w", encoding="ascii")
    quiet = os.open(os.devnull, os.O_WRONLY)
    os.dup2(quiet, 1)  # what harper-py prints goes nowhere; the answers have their own descriptor
    engine = Engine()
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=_requests, args=(lines,), daemon=True).start()
    while True:
        try:
            line = lines.get_nowait() if engine.ahead else lines.get()
        except queue.Empty:  # nothing asked: lint ahead (a text that fails is linted again when
            with contextlib.suppress(Exception):  # it is asked for, and the failure answered then)
                engine.work_ahead()
            continue
        if line is None:
            return 0
        try:
            reply = {"ok": engine.answer(json.loads(line))}
        except Exception as exc:  # the linting process reports it for the draft that asked
            reply = {"error": f"{type(exc).__name__}: {exc}"}
        answers.write(json.dumps(reply) + "\n")
        answers.flush()


if __name__ == "__main__":
    # Left without tearing the interpreter down: freeing Harper's linter object by object took
    # 20 to 35 ms, which the linting process waits for as it exits. Every answer is flushed.
    os._exit(main())
