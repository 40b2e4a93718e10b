"""Time and memory of a lint run: `make bench`.

Measures, in fresh processes: start-up of commands that must not load spaCy, and a whole
`check` over the evaluation drafts (repeated to a few hundred drafts), reporting wall time,
drafts per second and peak memory.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(args: list[str], runs: int = 3) -> tuple[float, float]:
    """Median wall seconds and peak child memory (MiB) of a command."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(args, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return statistics.median(times), peak


def main() -> int:
    drafts = sorted((ROOT / "tests" / "eval" / "drafts").iterdir())
    thanklint = [sys.executable, "-m", "thanklint"]
    rows = []
    for label, args in (("`thanklint --help`", ["--help"]), ("`thanklint rules`", ["rules"])):
        seconds, _ = timed(thanklint + args)
        rows.append(f"| {label} | 1 | {seconds:.2f} s | | |")
    with tempfile.TemporaryDirectory() as folder:
        for copies in (1, 4):
            target = Path(folder) / f"x{copies}"
            target.mkdir()
            for n in range(copies):
                for d in drafts:
                    shutil.copy(d, target / f"{n}-{d.name}")
            count = len(drafts) * copies
            seconds, peak = timed(thanklint + ["check", "--quiet", "--fail-on", "never", str(target)], runs=2)
            rows.append(f"| `thanklint check` on {count} drafts | {count} | {seconds:.2f} s | {count / seconds:.1f} | {peak:.0f} MiB |")
    print(f"Measured {dt.date.today().isoformat()} with `make bench` on {platform.machine()}, "
          f"{os.cpu_count()} cores, Python {platform.python_version()}.\n")
    print("| run | drafts | wall time (median) | drafts/s | peak memory |")
    print("| --- | --- | --- | --- | --- |")
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
