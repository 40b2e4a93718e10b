"""Latency of the language server: `python scripts/bench_lsp.py`.

Starts `thanklint lsp` as an editor does (a real client over stdio), opens a 250-word note so the
model is warm, then edits it again and again and times each edit from `didChange` to the
diagnostics that answer it. Measured twice: with no debounce (the time a re-check takes), and
with the default debounce (what a writer sees once typing pauses). The same edits linted by a
`Session` in this process show how much of the time is the linter and how much the server.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from lsp_client import Editor  # noqa: E402  (the tests' client, so both drive the server alike)
from thanklint.api import Session  # noqa: E402
from thanklint.lsp import DEBOUNCE_MS  # noqa: E402

EDITS = 40
NOTE = """\
---
recipient: Dana Whitfield
company: Northwind Labs
role: Data Analyst
---
Dear Ms. Whitfield,

Thank you for taking the time to meet with me on Tuesday to talk about the Data Analyst role at
Northwind Labs. I enjoyed learning how your team rebuilt the churn dashboard last spring, and I
appreciated your candour about the data quality problems that still slow down the monthly
reporting cycle.

Our conversation about moving the reporting queries from spreadsheets into SQL stayed with me.
At Harbor Freight Logistics I led a similar migration: I rewrote forty recurring reports as
scheduled SQL views, cut the time the finance team spent on month-end reporting from three days
to half a day, and wrote the documentation the analysts still use. I would bring the same care
to the reconciliation work you described, especially the duplicate customer records that make
the churn figures hard to trust.

I am very interested in joining Northwind Labs. The way your team pairs analysts with product
managers sounds like exactly the kind of collaboration where I do my best work, and I would love
to help the dashboard become the place where decisions start rather than end.

Could you let me know what the next steps in the process look like, and whether there is
anything else I can send you, such as a sample of my SQL work or references from my current
manager?

Thank you again for your time and for the thoughtful questions about how I handle competing
deadlines. I look forward to hearing from you.

Best regards,
Sam Rivera
"""


def edited(n: int) -> str:
    """The note after its n-th edit (a word changed back and forth, so every text is new)."""
    return NOTE.replace("last spring", "last spring" if n % 2 else "last autumn")


async def through_server(folder: Path, debounce_ms: int) -> list[float]:
    """Seconds from each edit to its diagnostics."""
    note = folder / "dana.md"
    editor = Editor(folder, options={"debounce_ms": debounce_ms})
    await editor.start()
    await editor.open(note, NOTE)
    times = []
    for n in range(EDITS):
        start = time.perf_counter()
        await editor.change(note, edited(n))
        times.append(time.perf_counter() - start)
    await editor.stop()
    return times


def in_process(folder: Path) -> list[float]:
    """Seconds `Session.lint` takes for each edit, with no server around it."""
    session, path = Session(), str(folder / "dana.md")
    session.lint([(path, NOTE)])
    times = []
    for n in range(EDITS):
        start = time.perf_counter()
        session.lint([(path, edited(n))])
        times.append(time.perf_counter() - start)
    return times


def main() -> int:
    words = len(NOTE.split("---\n")[2].split())
    load = os.getloadavg()[0]  # the machine is shared: a busy one is slower
    with tempfile.TemporaryDirectory() as folder:
        rows = []
        runs = (
            ("server: re-check (debounce 0 ms)", lambda: asyncio.run(through_server(Path(folder), 0))),
            (
                f"server: edit to diagnostics (default debounce {DEBOUNCE_MS} ms)",
                lambda: asyncio.run(through_server(Path(folder), DEBOUNCE_MS)),
            ),
            ("`Session.lint` in one process, no server", lambda: in_process(Path(folder))),
        )
        for label, run in runs:
            times = sorted(run())
            p90 = times[int(len(times) * 0.9) - 1]
            rows.append(
                f"| {label} | {len(times)} | {statistics.median(times) * 1000:.0f} ms | {p90 * 1000:.0f} ms | {times[-1] * 1000:.0f} ms |"
            )
    print(
        f"Measured {dt.date.today().isoformat()} with `python scripts/bench_lsp.py` on {platform.machine()}, "
        f"{os.cpu_count()} cores (load average {load:.1f} at the start), Python {platform.python_version()}; "
        f"a {words}-word note, model warm.\n"
    )
    print("| what | edits | median | 90th percentile | slowest |")
    print("| --- | --- | --- | --- | --- |")
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
