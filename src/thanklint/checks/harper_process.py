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
Run as `python -m thanklint.checks.harper_process`; it ends when its input does.
"""

from __future__ import annotations

import json
import os
import sys
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
#: (most of a second), which bounds the process at about 350 MB. Repeated texts are free.
FRESH_AFTER = 128


def _answer(request: dict, linters: dict, seen: dict) -> Any:
    ((kind, args),) = request.items()
    key = (args[0], frozenset(args[1]))
    if kind == "lint":
        texts = seen.setdefault(key, set())
        texts.add(hash(args[2]))
        if len(texts) > FRESH_AFTER:
            linters.pop(key, None)
            texts.clear()
            texts.add(hash(args[2]))
    if key not in linters:
        linters[key] = _build(*key)
    linter = linters[key]
    if kind == "build":
        return None
    if kind == "rules":
        return {"rules": list(linter.get_lint_config()), "groups": list(_groups(linter))}
    return [
        [
            lint.span.start,
            lint.span.end,
            lint.lint_kind,
            lint.message,
            lint.suggestions[0].replacement_text if lint.suggestions else None,
        ]
        for lint in linter.lint(args[2], language="plaintext")
    ]


def main() -> int:
    answers = os.fdopen(os.dup(1), "w", encoding="ascii")
    quiet = os.open(os.devnull, os.O_WRONLY)
    os.dup2(quiet, 1)  # what harper-py prints goes nowhere; the answers have their own descriptor
    linters: dict = {}
    seen: dict = {}  # the different texts each linter has checked
    for line in sys.stdin:
        try:
            reply = {"ok": _answer(json.loads(line), linters, seen)}
        except Exception as exc:  # the linting process reports it for the draft that asked
            reply = {"error": f"{type(exc).__name__}: {exc}"}
        answers.write(json.dumps(reply) + "\n")
        answers.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
