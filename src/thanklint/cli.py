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
@click.option("--debug", is_flag=True, help="Show tracebacks of internal errors.")
def check(paths, fmt, fail_on, select, ignore, config_path, rule_dirs, stdin_filename, fix, unsafe_fixes, diff, quiet, debug):
    """Lint drafts: files, folders (walked for .txt, .md, .markdown, .eml) or - for stdin."""
    from .api import Session
    from .formatters import FORMATS as WRITERS, blocking_line

    if not paths:
        _fail("no drafts given; name files or folders, or - to read stdin (see thanklint check --help)")
    try:
        session = Session(config_path, _split(select), _split(ignore), tuple(rule_dirs), debug)
        files = session.files(paths)
        stdin_data = sys.stdin.buffer.read() if "-" in files else None
        sources = [((stdin_filename or "-") if p == "-" else p, stdin_data if p == "-" else None) for p in files]
        report = session.lint(sources)
        patches = ""
        if fix or diff:
            report, patches = _fixes(session, report, sources, write=fix and not diff, unsafe=unsafe_fixes)
    except ThanklintError as exc:
        _fail(str(exc))
    if not files:
        click.echo("thanklint: no drafts found in " + ", ".join(paths), err=True)
    if diff:  # the patch alone, as ruff and black print it, so that it can be piped to `git apply`
        sys.stdout.write(patches)
    else:
        sys.stdout.write(WRITERS[fmt](report, colour=_colour(), quiet=quiet))
        in_hook = "PRE_COMMIT" in os.environ  # set by pre-commit for every hook it runs
        if in_hook and fmt in ("text", "full") and (blocking := blocking_line(report, fail_on)):
            sys.stdout.write(blocking + "\n")
    if report.errors:
        sys.exit(ExitCode.ERROR)
    sys.exit(ExitCode.FINDINGS if report.failing(fail_on) else ExitCode.OK)


def _fixes(session, report, sources, write: bool, unsafe: bool):
    """Apply fixes, or collect them as one patch; when files change, lint them again so that
    positions stay true. Returns the report and the patch text."""
    from .fixes import apply_fixes, fixable, unified_diff

    changed, patches = [], []
    for (path, given), result in zip(sources, report.files):
        if result.error is not None or result.draft is None:
            continue
        chosen = fixable(result.findings, unsafe)
        if not chosen:
            continue
        if result.draft.decoded:
            click.echo(f"thanklint: {path}: {'not fixed' if write else 'no patch'}: the e-mail body is saved "
                       f"{result.draft.transfer_encoding}, so positions refer to the decoded body and a patch would "
                       "not apply to the file; edit the note in your mail client", err=True)
            continue
        before = _file_text(path) if given is None else result.draft.text
        if before is None:
            click.echo(f"thanklint: {path}: not fixed: the file is not UTF-8 text", err=True)
            continue
        after = apply_fixes(before, chosen)
        if not write:
            patches.append(unified_diff(path, before, after))
            continue
        if given is not None:
            click.echo(f"thanklint: {path}: not fixed (stdin is never written; use --diff for a patch)", err=True)
            continue
        bom = "\ufeff" if _has_bom(path) else ""
        with open(path, "w", encoding="utf-8", newline="") as handle:
            handle.write(bom + after)
        changed.append(path)
        click.echo(f"thanklint: {path}: fixed {len(chosen)} finding{'s' if len(chosen) != 1 else ''}", err=True)
    if changed:
        report = session.lint([(p, t) if p not in changed else (p, None) for p, t in sources])
    return report, "".join(patches)


def _file_text(path: str) -> str | None:
    """The file's text (a BOM dropped), in which every position of a non-decoded draft is exact."""
    with open(path, "rb") as handle:
        data = handle.read()
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        return None


def _has_bom(path: str) -> bool:
    with open(path, "rb") as handle:
        return handle.read(3) == b"\xef\xbb\xbf"


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
# The spaCy pipeline to parse with (default: en_core_web_sm, else its re-upload).
# model: en_core_web_sm
# What a folder walk picks up below this file (default: .txt, .md, .markdown, .eml).
# extensions: [.txt, .md]
# Files that are not notes, never linted even when named: globs relative to this file's
# folder, folders ending in /, or file names that match anywhere.
exclude:
  # - README.md
  # - prep/
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
