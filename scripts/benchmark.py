"""Time and memory of thanklint against the raw spaCy parse it stands on: `make bench`.

In one run, each in a fresh process: the raw parse (`spacy.load` of the same pipeline, whole,
then `nlp.pipe` over the same drafts; and the same without the components thanklint leaves
out of the parse, for comparison), thanklint cold in one process, with
`--jobs 2`, warm (every draft cached), one draft alone (and once more as the first run after
installing, before the parsed rules and word lists are in the cache folder; the other rows are
timed after they are, as they are on a machine where thanklint has run), the commands that must not load spaCy
against `python -c "import click"`, and proselint when it is installed. Prints a Markdown table
with the ratios and the peak memory of the largest process, for docs/performance.md. The long
runs (three rounds) and the one-draft pair (five) are taken in turns and their medians compared,
so a machine that drifts during the benchmark moves both sides of a ratio alike.
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: Every command runs with compiled bytecode, as an installed thanklint has (pip compiles it at
#: install time) and as click and spaCy have here: an environment that forbids writing it would
#: otherwise time compiling thanklint's source in every process.
ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}

#: Runs a command and prints its wall time (from just before it starts to just after it ends, so
#: the wrapper's own start-up, a tenth of a warm run, is not counted) and the peak resident
#: memory (KiB) of its largest process.
PEAK = (
    "import resource, subprocess, sys, time; start = time.perf_counter(); "
    "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL); "
    "print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)

#: The raw parse: load the pipeline, then parse the bodies of the drafts named in argv.
RAW = """
import sys, spacy
package, exclude = sys.argv[1], [e for e in sys.argv[2].split(",") if e]
nlp = spacy.load(package, exclude=exclude)
texts = []
for path in sys.argv[3:]:
    text = open(path, encoding="utf-8").read()
    if text.startswith("---"):
        text = text.split("\\n---", 1)[-1]
    texts.append(text)
for doc in nlp.pipe(texts, batch_size=32):
    pass
"""


def measure(args: list[str], runs: int, env: dict = ENV, before=None) -> tuple[float, float]:
    """Median wall seconds and peak memory (MiB) of the largest process of a command."""
    times, peaks = [], []
    for _ in range(runs):
        if before:
            before()
        out = subprocess.run([sys.executable, "-c", PEAK, *args], capture_output=True, text=True, env=env, check=True)
        seconds, peak = out.stdout.split()[-2:]
        times.append(float(seconds))
        peaks.append(int(peak) / 1024)
    return statistics.median(times), max(peaks)


def interleaved(commands: dict[str, list[str]], runs: int, env: dict) -> dict[str, tuple[float, float]]:
    """`measure` for several commands taken in turns, one run of each per round: a machine that
    slows down or speeds up during the benchmark moves every row alike, not only the rows
    measured while it did."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    peaks: dict[str, float] = dict.fromkeys(commands, 0.0)
    for _ in range(runs):
        for name, command in commands.items():
            seconds, peak = measure(command, 1, env)
            times[name].append(seconds)
            peaks[name] = max(peaks[name], peak)
    return {name: (statistics.median(times[name]), peaks[name]) for name in commands}


def pipeline() -> tuple[str, list[str]]:
    """The package, and the components thanklint's default rules do not run with the parse
    (spaCy not imported). The reference is the whole pipeline as `spacy.load` gives it, as a
    user would load it; leaving out what no rule needs is part of what is measured."""
    from thanklint.config import Config, build_ruleset
    from thanklint.linter import Linter, entities_when
    from thanklint.nlp import resolve_model

    linter = Linter(build_ruleset(Config()))
    return resolve_model(None), ([] if entities_when(linter.checks) == "parse" else ["ner"])


def distinct_drafts(count: int) -> list[Path]:
    """`count` different drafts of 100 to 350 words from the labelled sets, spread evenly across
    them. Every text differs: a text seen before costs the grammar engine almost nothing, so
    copies of a few drafts would time it at a fraction of its real cost."""
    fitting = []
    for path in sorted(ROOT.glob("tests/eval*/drafts/*")):
        text = path.read_text(encoding="utf-8", errors="replace")
        if text.startswith("---"):
            text = text.split("\n---", 1)[-1]
        if 100 <= len(text.split()) <= 350:
            fitting.append(path)
    step = max(1, len(fitting) // count)
    return fitting[::step][:count]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--drafts", type=int, default=300, help="how many different drafts (default 300)")
    parser.add_argument("--runs", type=int, default=3, help="rounds of the long measurements (the median is reported)")
    args = parser.parse_args()
    compileall.compile_dir(ROOT / "src" / "thanklint", quiet=1)
    sources = distinct_drafts(args.drafts)
    package, exclude = pipeline()
    thanklint = [sys.executable, "-m", "thanklint"]
    rows: list[tuple[str, float, float, str, str]] = []
    with tempfile.TemporaryDirectory() as folder:
        drafts = Path(folder) / "drafts"
        drafts.mkdir()
        for source in sources:
            shutil.copy(source, drafts / f"{source.parent.parent.name}-{source.name}")
        files = sorted(str(p) for p in drafts.iterdir())
        count = len(files)
        cache = Path(folder) / "cache"
        env = {**ENV, "THANKLINT_CACHE_DIR": str(cache)}
        check = [*thanklint, "check", "--quiet", "--fail-on", "never"]

        # What an installed thanklint builds once, like its bytecode: the parsed rules and the
        # sorted word lists in the user's cache folder (its first run is timed further down).
        subprocess.run([*check, "--no-cache", files[0]], env=env, capture_output=True, check=False)
        long_runs = {
            "raw": [sys.executable, "-c", RAW, package, "", *files],
            "lean": [sys.executable, "-c", RAW, package, ",".join(exclude), *files] if exclude else None,
            "cold": [*check, "--no-cache", "--jobs", "1", str(drafts)],
            "jobs2": [*check, "--no-cache", "--jobs", "2", str(drafts)],
        }
        timed = interleaved({name: command for name, command in long_runs.items() if command}, args.runs, env)
        raw, raw_peak = timed["raw"]
        rows.append((f"raw spaCy: load {package} and parse {count} drafts", raw, raw_peak, "1.00", "(reference)"))
        if exclude:
            lean, lean_peak = timed["lean"]
            label = f"raw spaCy without {', '.join(exclude)} (what thanklint runs with the parse)"
            rows.append((label, lean, lean_peak, f"{lean / raw:.2f}", ""))
        cold, cold_peak = timed["cold"]
        rows.append((f"thanklint cold, one process, {count} drafts", cold, cold_peak, f"{cold / raw:.2f}", "1.15"))
        two, two_peak = timed["jobs2"]
        rows.append((f"thanklint cold, `--jobs 2`, {count} drafts", two, two_peak, f"{two / raw:.2f}", "0.70"))
        subprocess.run([*check, str(drafts)], env=env, capture_output=True, check=False)  # fill the cache
        warm, warm_peak = measure([*check, str(drafts)], max(args.runs, 3), env)
        rows.append(
            (
                f"thanklint warm (all cached), {count} drafts",
                warm,
                warm_peak,
                f"{warm / cold:.3f} of cold",
                "0.05 of cold",
            )
        )

        one = files[0]
        timed = interleaved(
            {"raw": [sys.executable, "-c", RAW, package, "", one], "one": [*check, "--no-cache", one]}, 5, env
        )
        raw_one, raw_one_peak = timed["raw"]
        rows.append(("raw spaCy: load and parse one draft", raw_one, raw_one_peak, "1.00", "(reference)"))
        single, single_peak = timed["one"]
        rows.append(("thanklint cold, one draft", single, single_peak, f"{single / raw_one:.2f}", "1.4"))
        first, first_peak = measure([*check, "--no-cache", one], 3, env, before=lambda: shutil.rmtree(cache))
        label = "thanklint's first run after installing, one draft (rules, word lists and the patterns' record not yet in the cache folder)"
        rows.append((label, first, first_peak, f"{first / raw_one:.2f}", ""))

        click_only, _ = measure([sys.executable, "-c", "import click"], 5)
        rows.append(('`python -c "import click"`', click_only, 0.0, "1.00", "(reference)"))
        for label, command in (
            ("`thanklint --help`", ["--help"]),
            ("`thanklint rules`", ["rules"]),
            ("`thanklint explain tone.emoji`", ["explain", "tone.emoji"]),
        ):
            seconds, peak = measure([*thanklint, *command], 5)
            rows.append((label, seconds, peak, f"{seconds / click_only:.1f}", "3"))
        proselint = shutil.which("proselint") or (shutil.which("proselint", path=str(Path(sys.executable).parent)))
        if proselint:
            seconds, peak = measure([proselint, *files], args.runs)
            rows.append((f"proselint, {count} drafts", seconds, peak, f"{seconds / raw:.2f}", ""))

    print(
        f"Measured {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC with `make bench` on {platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}, {package}"
        f"; median of {args.runs} run(s) for the long runs.\n"
    )
    print("| run | wall time | peak memory (largest process) | ratio | target |")
    print("| --- | --- | --- | --- | --- |")
    for label, seconds, peak, ratio, target in rows:
        print(f"| {label} | {seconds:.2f} s | {f'{peak:.0f} MiB' if peak else ''} | {ratio} | {target} |")
    print(
        json.dumps(
            {
                "drafts": count,
                "raw": raw,
                "cold": cold,
                "jobs2": two,
                "warm": warm,
                "one_draft": single,
                "raw_one_draft": raw_one,
                "peak_mib": max(cold_peak, two_peak),
            }
        ),
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
