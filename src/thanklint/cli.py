"""The command line. spaCy is imported only by `check` (through the linter), so `--help`,
`rules`, `explain` and `init` answer at once."""

from __future__ import annotations

import json
import os
import sys

import click

from . import __version__
from .errors import ExitCode, ThanklintError, did_you_mean

FORMATS = ("text", "full", "json", "jsonl", "sarif", "github")
FAIL_ON = ("error", "warning", "suggestion", "never")


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


def _fail(message: str) -> None:
    click.echo(f"thanklint: {message}", err=True)
    sys.exit(ExitCode.ERROR)


def _colour() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="thanklint", message="%(prog)s %(version)s")
def cli() -> None:
    """Lint post-interview thank-you notes and follow-up emails."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True, help="Report format.")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default=None, help="Lowest severity that makes the exit code 1 (default: error, or fail_on from the configuration).")
@click.option("--select", multiple=True, metavar="ID_OR_PREFIX,...", help="Only these rules or categories.")
@click.option("--ignore", multiple=True, metavar="ID_OR_PREFIX,...", help="Skip these rules or categories.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Configuration file (default: nearest .thanklint.yaml or pyproject.toml).")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(file_okay=False), help="Extra rule folder (repeatable).")
@click.option("--stdin-filename", default=None, help="Name (and format, by suffix) of the draft read from stdin.")
@click.option("--fix", is_flag=True, help="Apply safe fixes to the files.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, apply unsafe fixes too.")
@click.option("--diff", is_flag=True, help="Print the fixes as a unified diff; change nothing.")
@click.option("--quiet", "-q", is_flag=True, help="Print only findings and errors.")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the result cache (.thanklint-cache).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, help="Processes to use (default: automatic; one for a few drafts).")
@click.option("--debug", is_flag=True, help="Show tracebacks of internal errors.")
def check(paths, fmt, fail_on, select, ignore, config_path, rule_dirs, stdin_filename, fix, unsafe_fixes, diff, quiet, no_cache, jobs, debug):
    """Lint drafts: files, folders (walked for .txt, .md, .markdown, .eml) or - for stdin."""
    from .api import Session
    from .formatters import FORMATS as WRITERS

    if not paths:
        _fail("no drafts given; name files or folders, or - to read stdin (see thanklint check --help)")
    try:
        session = Session(config_path, _split(select), _split(ignore), tuple(rule_dirs), debug, cache=not no_cache, jobs=jobs)
        files = session.files(paths)
        stdin_data = sys.stdin.buffer.read() if "-" in files else None
        sources = [((stdin_filename or "-") if p == "-" else p, stdin_data if p == "-" else None) for p in files]
        report = session.lint(sources)
        if fix or diff:
            report = _fixes(session, report, sources, write=fix and not diff, unsafe=unsafe_fixes)
    except ThanklintError as exc:
        _fail(str(exc))
    if not files:
        click.echo("thanklint: no drafts found in " + ", ".join(paths), err=True)
    output = WRITERS[fmt](report, colour=_colour(), quiet=quiet)
    sys.stdout.write(output)
    if report.errors:
        sys.exit(ExitCode.ERROR)
    sys.exit(ExitCode.FINDINGS if report.failing(fail_on) else ExitCode.OK)


def _fixes(session, report, sources, write: bool, unsafe: bool):
    """Apply or show fixes; when files change, lint them again so positions stay true."""
    from .fixes import apply_fixes, fixable, unified_diff

    changed = []
    for (path, given), result in zip(sources, report.files):
        if result.error is not None or result.draft is None:
            continue
        chosen = fixable(result.findings, unsafe)
        if not chosen:
            continue
        after = apply_fixes(result.draft.text, chosen)
        if not write:
            sys.stderr.write(unified_diff(path, result.draft.text, after))
            continue
        raw = _read(path) if given is None else ""
        if given is not None or not result.draft.verbatim or raw.removeprefix("\ufeff") != result.draft.text:
            click.echo(f"thanklint: {path}: not fixed (stdin, or a multipart or encoded e-mail); use --diff", err=True)
            continue
        with open(path, "w", encoding="utf-8", newline="") as handle:
            handle.write(("\ufeff" if raw.startswith("\ufeff") else "") + after)
        changed.append(path)
        click.echo(f"thanklint: {path}: fixed {len(chosen)} finding{'s' if len(chosen) != 1 else ''}", err=True)
    if not changed:
        return report
    again = session.lint([(p, t) if p not in changed else (p, None) for p, t in sources])
    return again


def _read(path: str) -> str:
    with open(path, encoding="utf-8", errors="replace", newline="") as handle:
        return handle.read()


@cli.command()
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True)
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(file_okay=False), help="Extra rule folder (repeatable).")
def rules(fmt, rule_dirs):
    """List every rule: id, category, severity and summary."""
    from .rules import CATEGORIES, load_rules

    try:
        loaded = sorted(load_rules(tuple(rule_dirs)), key=lambda r: (CATEGORIES.index(r.category), r.id))
    except ThanklintError as exc:
        _fail(str(exc))
    if fmt == "json":
        records = [
            {"id": r.id, "category": r.category, "severity": str(r.severity), "kind": r.kind,
             "applies_to": list(r.applies_to), "summary": r.summary, "url": r.url}
            for r in loaded
        ]
        click.echo(json.dumps(records, indent=2))
        return
    width = max(len(r.id) for r in loaded)
    for r in loaded:
        click.echo(f"{r.id:<{width}}  {str(r.severity):<10}  {r.summary}")
    click.echo(f"{len(loaded)} rules in {len({r.category for r in loaded})} categories")


@cli.command()
@click.argument("rule_id")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(file_okay=False), help="Extra rule folder (repeatable).")
def explain(rule_id, rule_dirs):
    """Show the documentation of one rule."""
    from .docs import rule_page
    from .rules import load_rules

    try:
        by_id = {r.id: r for r in load_rules(tuple(rule_dirs))}
    except ThanklintError as exc:
        _fail(str(exc))
    if rule_id not in by_id:
        _fail(f"unknown rule '{rule_id}'" + did_you_mean(rule_id, by_id, "; see thanklint rules"))
    click.echo(rule_page(by_id[rule_id], level=1), nl=False)


INIT_TEMPLATE = """\
# thanklint configuration. Every key is optional; delete what you do not need.

# Only run these rules or categories (empty: all of them).
select: []
# Skip these rules or categories, e.g. [tone.hedging, structure]
ignore: []
# Change a rule's (or a whole category's) severity: error, warning or suggestion.
severity:
  # structure.too-long: suggestion
# Tune a rule's thresholds; `thanklint explain RULE_ID` lists each rule's options.
options:
  # timing.late-thank-you: {max_hours: 48}
  # proofreading.spelling: {words: [Kubernetes, Northwind]}
# Lowest severity that makes `thanklint check` exit 1: error, warning, suggestion or never.
fail_on: error
# Extra folders of your own rules (<folder>/<category>/<name>.yaml).
rules: []
# Metadata every draft gets unless it says otherwise, e.g. your own name.
metadata:
  # sender: Sam Rivera
"""


@cli.command()
@click.option("--force", is_flag=True, help="Overwrite an existing .thanklint.yaml.")
def init(force):
    """Write a commented .thanklint.yaml in the current folder."""
    if os.path.exists(".thanklint.yaml") and not force:
        _fail(".thanklint.yaml already exists; use --force to overwrite it")
    with open(".thanklint.yaml", "w", encoding="utf-8") as handle:
        handle.write(INIT_TEMPLATE)
    click.echo("wrote .thanklint.yaml")


def main() -> None:
    """Run the command line; an unexpected failure exits 2 (never 1, which means findings)."""
    try:
        cli(prog_name="thanklint", standalone_mode=True)
    except SystemExit:
        raise
    except Exception as exc:  # noqa: BLE001 - the documented exit code matters more than the type
        if "--debug" in sys.argv:
            raise
        click.echo(f"thanklint: internal error: {type(exc).__name__}: {exc} (run with --debug for details)", err=True)
        sys.exit(ExitCode.ERROR)
