"""Time every built-in regex and the whole linter on adversarial inputs: `python scripts/stress.py`.

Inputs are shapes that make backtracking regexes and quadratic loops slow (long runs of one
character, a line of thousands of words, unclosed comments and emphasis markers, very many short
lines). Regexes are timed at 100 KB and 1 MB; the whole linter at the default `max_bytes` (the
largest draft it accepts) and at 1 MB (refused); then every rule's own examples, which hold the
words its patterns need. Prints Markdown tables, slowest first, for docs/robustness.md ("Regexes
and size").
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import os
import pkgutil
import platform
import re
import sys
import time

import thanklint
from thanklint.api import Session
from thanklint.config import DEFAULT_MAX_BYTES
from thanklint.rules import load_rules

#: name -> one unit of text, repeated up to the wanted size.
SHAPES = {
    "words": "word ",
    "one sentence per line": "Thanks.\n",
    "exclamation marks": "!",
    "possessives": "'s",
    "emoji": "\N{GRINNING FACE}",
    "a repeated first word of a pattern": "please ",
    "spaces": " ",
    "blank lines with spaces": " \n",
    "emphasis markers": "**a ",
    "unclosed comments": "<!-- ",
    "suppression reasons": "<!-- thanklint: disable=tone -- " + " " * 100 + "-->",
    "subject line of spaces": "Subject:" + " " * 200 + "x\n",
    "amounts": "$1 ",
    "digits and spaces": "1 ",
    "list items": "- item\n",
    "abbreviations": "e.g. ",
    "dots": "a.",
    "capitals": "Aaaa ",
    "prose": "Thank you for the conversation about the analyst role on Tuesday; I enjoyed it. ",
}


def _text(unit: str, size: int) -> str:
    """The unit repeated to `size` bytes of UTF-8 (a unit cut at the end)."""
    return (unit * (size // len(unit) + 1)).encode()[:size].decode(errors="ignore")


#: Module regexes the code applies to one line at a time with `match` or `fullmatch` (the rest
#: are searched through a whole text, as rule regexes are); timed the way they are used.
PER_LINE = {
    "thanklint.draft._PASTED_HEADER",
    "thanklint.layout._GREETING",
    "thanklint.layout._NAME_GREETING",
    "thanklint.layout._SIGN_OFF",
    "thanklint.layout._DEVICE_LINE",
    "thanklint.layout._HEADER",
    "thanklint.layout._DATE_LINE",
    "thanklint.layout._LIST_ITEM",
    "thanklint.layout._PROSE_END",
    "thanklint.parsed._PLEASANTRY",
    "thanklint.layout._PREAMBLE",
    "thanklint.layout._MORE_NAMES",
    "thanklint.layout._VOCATIVE",
    "thanklint.layout._GREETING_WORDS_ONLY",
    "thanklint.residue._INSERT_VALUE",
    "thanklint.rules._ID",
    "thanklint.draft._FRONT_MATTER",
    "thanklint.suppressions._SPACE",
}
#: Applied to each closed HTML comment (`layout.comments`), whole.
PER_COMMENT = {"thanklint.suppressions._DIRECTIVE"}
#: Matched once right after an article that harper-py flagged ("a", "an").
AFTER_ARTICLE = {"thanklint.checks.grammar._NOT_AN_ARTICLE"}
_ARTICLE = re.compile(r"\ban?\b", re.I)


def builtin_regexes() -> list[tuple[str, re.Pattern]]:
    """Every compiled regex of thanklint's modules and every regex pattern of the built-in rules."""
    found = []
    for info in pkgutil.walk_packages(thanklint.__path__, "thanklint."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern):
                found.append((f"{info.name}.{name}", value))
            elif (
                isinstance(value, list)
                and value
                and all(isinstance(v, tuple) and len(v) == 2 and isinstance(v[0], str) for v in value)
            ):
                found.extend(
                    (f"{info.name}.{name}[{i}]", re.compile(v[0])) for i, v in enumerate(value)
                )  # (regex, weight) tables
    for rule in load_rules():
        for key, value in rule.settings.items():
            for i, regex in getattr(value, "regexes", ()):
                found.append((f"{rule.id} {key}[{i}]", regex))
    return found


def time_regex(name: str, regex: re.Pattern, text: str) -> float:
    """Seconds to apply a regex to a text the way thanklint applies it."""
    from thanklint.layout import comments

    start = time.perf_counter()
    if name in PER_LINE:
        for line in text.split("\n"):
            regex.match(line)
    elif name in PER_COMMENT:
        for first, last in comments(text):
            regex.fullmatch(text, first, last)
    elif name in AFTER_ARTICLE:
        for article in _ARTICLE.finditer(text):
            regex.match(text, article.end())
    else:
        for _ in regex.finditer(text):
            pass
    return time.perf_counter() - start


def time_lint(text: str, path: str = "stress.md") -> tuple[float, str]:
    session = Session()
    start = time.perf_counter()
    result = session.lint([(path, text)]).files[0]
    outcome = f"error {result.error.code}" if result.error else f"{len(result.findings)} findings"
    return time.perf_counter() - start, outcome


def regex_table(top: int, small: int, large: int) -> None:
    regexes = builtin_regexes()
    rows = []
    for name, regex in regexes:
        worst = max(((time_regex(name, regex, _text(unit, small)), shape) for shape, unit in SHAPES.items()))
        at_large = None
        if worst[0] < 0.5:  # a regex that is slow at 100 KB is reported, not run at 1 MB
            at_large = max(time_regex(name, regex, _text(unit, large)) for unit in SHAPES.values())
        print(f"{name}: {worst[0]:.3f} s", file=sys.stderr, flush=True)
        rows.append((worst[0], at_large, name, worst[1]))
    rows.sort(key=lambda r: -r[0])
    print(f"{len(regexes)} built-in regexes, {len(SHAPES)} input shapes; the slowest {top}:\n")
    print("| regex | slowest input | 100 KB | 1 MB (slowest input) |")
    print("| --- | --- | --- | --- |")
    for seconds, at_large, name, shape in rows[:top]:
        print(
            f"| `{name}` | {shape} | {seconds * 1000:.1f} ms | {'not run' if at_large is None else f'{at_large * 1000:.0f} ms'} |"
        )
    print(f"\nAll {len(rows)} regexes: at most {rows[0][0] * 1000:.1f} ms at 100 KB.\n", flush=True)


def linter_table(small: int, large: int) -> None:
    """The whole linter on each shape at the size limit (accepted) and at 1 MB (refused)."""
    print("| whole linter | size | time | result |")
    print("| --- | --- | --- | --- |")
    time_lint("Hi Dana,\n\nThank you.\n")  # load the pipeline once, outside the timings
    linted = []
    for shape, unit in SHAPES.items():
        for size in (small, large):
            seconds, outcome = time_lint(_text(unit, size))
            linted.append((seconds, shape, size, outcome))
            print(f"{shape} {size}: {seconds:.2f} s {outcome}", file=sys.stderr, flush=True)
    linted.sort(key=lambda r: -r[0])
    for seconds, shape, size, outcome in linted:
        print(f"| {shape} | {size // 1000} KB | {seconds:.2f} s | {outcome} |")


def examples_table(top: int) -> None:
    """Every built-in rule's own examples, the slowest first. Each example holds the words its
    rule's patterns need, so a pattern whose cost explodes on ordinary text that has its words
    (an unrolled "{n,m}" range, see `thanklint.matching`) shows here, not only on odd shapes."""
    time_lint("Hi Dana,\n\nThank you.\n")  # load the pipeline once, outside the timings
    session = Session()
    rows = []
    for rule in load_rules():
        for label, examples in (("bad", rule.bad), ("good", rule.good)):
            for n, example in enumerate(examples):
                start = time.perf_counter()
                session.lint([(f"example-{k}.md", text) for k, (text, _meta) in enumerate(example.drafts)])
                rows.append((time.perf_counter() - start, f"{rule.id} {label} {n}"))
    rows.sort(reverse=True)
    print(f"{len(rows)} rule examples; the slowest {top}:\n")
    print("| example | time |")
    print("| --- | --- |")
    for seconds, name in rows[:top]:
        print(f"| {name} | {seconds * 1000:.0f} ms |")
    print(f"\nAll {len(rows)} examples in {sum(r[0] for r in rows):.1f} s.\n", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=12, help="rows of the regex table")
    parser.add_argument("--part", choices=("all", "regexes", "linter", "examples"), default="all", help="what to time")
    args = parser.parse_args()
    large = 1_000_000
    print(
        f"Measured {dt.date.today().isoformat()} with `python scripts/stress.py --part {args.part}` on "
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}.\n"
    )
    if args.part in ("all", "regexes"):
        regex_table(args.top, 100_000, large)
    if args.part in ("all", "linter"):
        linter_table(DEFAULT_MAX_BYTES, large)
    if args.part in ("all", "examples"):
        examples_table(args.top)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
