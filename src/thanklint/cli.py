"""The command line. spaCy is imported only by `check` and `lsp` (through the linter), so `--help`,
`rules`, `explain` and `init` answer at once."""

from __future__ import annotations

import atexit
import json
import os
import sys

import click

from . import __version__
from .errors import ExitCode, ThanklintError, did_you_mean
from .terminal import ASCII_MARKS, fits, visible

FORMATS = ("text", "full", "json", "jsonl", "sarif", "github")
#: Formats read by programs: written as UTF-8 bytes whatever the console's encoding.
MACHINE_FORMATS = ("json", "jsonl", "sarif", "github")
#: Formats whose columns and offsets `--position-encoding` converts.
ENCODED_FORMATS = ("json", "jsonl", "sarif")
POSITION_ENCODINGS = ("utf-32", "utf-16", "utf-8")
FAIL_ON = ("error", "warning", "suggestion", "never")


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


def _fail(message: str) -> None:
    click.echo(f"thanklint: {visible(message)}", err=True)
    sys.exit(ExitCode.ERROR)


def _write(output: str, machine: bool) -> None:
    """Machine formats are always UTF-8; human ones fall back to ASCII checklist marks and
    escapes on a terminal or pipe whose encoding cannot show them (legacy code pages)."""
    if machine:
        sys.stdout.flush()
        sys.stdout.buffer.write(output.encode("utf-8", errors="backslashreplace"))
        sys.stdout.buffer.flush()
        return
    encoding = sys.stdout.encoding
    if not fits(output, encoding):
        output = (
            output.translate(ASCII_MARKS)
            .encode(encoding or "ascii", errors="backslashreplace")
            .decode(encoding or "ascii")
        )
    sys.stdout.write(output)


def _colour() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


#: Options that several commands share, written once.
config_option = click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    help="Configuration file (default: nearest .thanklint.yaml or pyproject.toml).",
)
rules_option = click.option(
    "--rules", "rule_dirs", multiple=True, type=click.Path(file_okay=False), help="Extra rule folder (repeatable)."
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="thanklint", message="%(prog)s %(version)s")
def cli() -> None:
    """Lint post-interview thank-you notes and follow-up emails."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(readable=False))  # an unreadable draft is a per-file error
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True, help="Report format.")
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON),
    default=None,
    help="Lowest severity that makes the exit code 1 (default: error, or fail_on from the configuration).",
)
@click.option("--select", multiple=True, metavar="ID_OR_PREFIX,...", help="Only these rules or categories.")
@click.option("--ignore", multiple=True, metavar="ID_OR_PREFIX,...", help="Skip these rules or categories.")
@config_option
@rules_option
@click.option("--stdin-filename", default=None, help="Name (and format, by suffix) of the draft read from stdin.")
@click.option("--fix", is_flag=True, help="Apply safe fixes to the files.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, apply unsafe fixes too.")
@click.option("--diff", is_flag=True, help="Print the fixes as a unified diff; change nothing.")
@click.option("--quiet", "-q", is_flag=True, help="Print only findings and errors.")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the result cache (.thanklint-cache).")
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Processes to use (default: automatic; one for a few drafts).",
)
@click.option("--debug", is_flag=True, help="Show tracebacks of internal errors.")
@click.option(
    "--position-encoding",
    type=click.Choice(POSITION_ENCODINGS),
    default="utf-32",
    show_default=True,
    help="What columns and offsets count in json, jsonl and sarif: code points (utf-32) or UTF-16 or UTF-8 code units.",
)
def check(
    paths,
    fmt,
    fail_on,
    select,
    ignore,
    config_path,
    rule_dirs,
    stdin_filename,
    fix,
    unsafe_fixes,
    diff,
    quiet,
    no_cache,
    jobs,
    debug,
    position_encoding,
):
    """Lint drafts: files, folders (walked for .txt, .md, .markdown, .eml) or - for stdin."""
    from .api import Session
    from .draft import MAX_BYTES
    from .formatters import FORMATS as WRITERS
    from .formatters import blocking_line
    from .positions import reencode_report

    if not paths:
        _fail("no drafts given; name files or folders, or - to read stdin (see thanklint check --help)")
    if position_encoding != "utf-32" and fmt not in ENCODED_FORMATS:
        _fail(f"--position-encoding applies to {', '.join(ENCODED_FORMATS)}; --format {fmt} counts code points")
    if position_encoding == "utf-8" and fmt == "sarif":
        _fail(
            "SARIF counts columns in code points or UTF-16 code units (columnKind); use --position-encoding utf-32 or utf-16"
        )
    try:
        session = Session(
            config_path, _split(select), _split(ignore), tuple(rule_dirs), debug, cache=not no_cache, jobs=jobs
        )
        files = session.files(paths)
        stdin_data = (
            sys.stdin.buffer.read(MAX_BYTES + 1) if "-" in files else None
        )  # an endless pipe is refused as too-long
        sources = [((stdin_filename or "-") if p == "-" else p, stdin_data if p == "-" else None) for p in files]
        report = session.lint(sources)
        patches, unwritten = "", False
        if fix or diff:
            report, patches, unwritten = _fixes(session, report, sources, write=fix and not diff, unsafe=unsafe_fixes)
    except ThanklintError as exc:
        _fail(str(exc))
    if not files:
        click.echo("thanklint: no drafts found in " + visible(", ".join(paths)), err=True)
    if diff:  # the patch alone, as ruff and black print it, so that it can be piped to `git apply`
        _write(visible(patches, keep="\n"), machine=False)
    else:
        if position_encoding != "utf-32":
            report = reencode_report(report, position_encoding)
        _write(WRITERS[fmt](report, colour=_colour(), quiet=quiet), machine=fmt in MACHINE_FORMATS)
        in_hook = "PRE_COMMIT" in os.environ  # set by pre-commit for every hook it runs
        if in_hook and fmt in ("text", "full") and (blocking := blocking_line(report, fail_on)):
            _write(visible(blocking) + "\n", machine=False)
    if report.errors or unwritten:
        sys.exit(ExitCode.ERROR)
    sys.exit(ExitCode.FINDINGS if report.failing(fail_on) else ExitCode.OK)


def _fixes(session, report, sources, write: bool, unsafe: bool):
    """Apply fixes (repeated until stable), or collect them as one patch; when files change,
    lint them again so that positions stay true. A file that cannot be written is reported and
    left as it was. Returns the report, the patch text and whether a file was left unwritten."""
    from .fixes import converge, fixable, source_text, unified_diff, write_back

    changed, patches, failed = [], [], False
    for (path, given), result in zip(sources, report.files):
        if result.error is not None or result.draft is None:
            continue
        if not fixable(result.findings, unsafe):
            continue
        if result.draft.decoded:
            click.echo(
                f"thanklint: {visible(path)}: {'not fixed' if write else 'no patch'}: the e-mail body is saved "
                f"{result.draft.transfer_encoding}, so positions refer to the decoded body and a patch would "
                "not apply to the file; edit the note in your mail client",
                err=True,
            )
            continue
        before = source_text(path, given)
        if before is None:
            click.echo(f"thanklint: {visible(path)}: not fixed: the file is not UTF-8 text", err=True)
            continue

        def relint(text, path=path, meta=result.draft.meta):
            return session.lint([(path, text)], meta).files[0].findings

        after, count = converge(relint, before, result.findings, unsafe)
        if not count:
            continue
        if not write:
            patches.append(unified_diff(path, before, after))
            continue
        if given is not None:
            click.echo(
                f"thanklint: {visible(path)}: not fixed (stdin is never written; use --diff for a patch)", err=True
            )
            continue
        problem = write_back(path, before, after)
        if problem:
            failed = True
            click.echo(f"thanklint: {visible(path)}: not fixed: {problem}", err=True)
            continue
        changed.append(path)
        click.echo(f"thanklint: {visible(path)}: fixed {count} finding{'s' if count != 1 else ''}", err=True)
    if changed:
        report = session.lint([(p, t) if p not in changed else (p, None) for p, t in sources])
    return report, "".join(patches), failed


@cli.command()
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True)
@rules_option
def rules(fmt, rule_dirs):
    """List every rule: id, category, severity and summary."""
    from .rules import CATEGORIES, load_rules

    try:
        loaded = sorted(load_rules(tuple(rule_dirs)), key=lambda r: (CATEGORIES.index(r.category), r.id))
    except ThanklintError as exc:
        _fail(str(exc))
    if fmt == "json":
        records = [
            {
                "id": r.id,
                "category": r.category,
                "severity": str(r.severity),
                "kind": r.kind,
                "applies_to": list(r.applies_to),
                "summary": r.summary,
                "url": r.url,
                "description": r.description,
                "rationale": r.rationale,
                "examples": {"bad": [_example(e) for e in r.bad], "good": [_example(e) for e in r.good]},
            }
            for r in loaded
        ]
        _write(json.dumps(records, indent=2, ensure_ascii=False, default=str) + "\n", machine=True)
        return
    width = max(len(r.id) for r in loaded)
    for r in loaded:
        click.echo(f"{r.id:<{width}}  {str(r.severity):<10}  {r.summary}")
    click.echo(f"{len(loaded)} rules in {len({r.category for r in loaded})} categories")


def _example(example) -> dict:
    """A rule example as data: its drafts, each with its text and metadata."""
    return {"drafts": [{"text": text, "meta": meta} for text, meta in example.drafts]}


@cli.command()
def schema():
    """Print the JSON Schema of the `--format json` report."""
    from importlib import resources

    _write(resources.files("thanklint.data").joinpath("report.schema.json").read_text(encoding="utf-8"), machine=True)


@cli.command()
@click.argument("rule_id")
@rules_option
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


@cli.command()
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8765,
    show_default=True,
    help="Port to serve on (0: any free port).",
)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to bind (an address other machines can reach lets them use the page; it is warned about).",
)
@click.option("--no-browser", is_flag=True, help="Do not open the page in a browser.")
@config_option
@rules_option
def serve(port, host, no_browser, config_path, rule_dirs):
    """Open a local web page: paste a draft, fill in the interview, see the findings."""
    from .api import Session
    from .web import server
    from .web.app import Checker

    if not server.is_loopback(host):
        click.echo(
            f"thanklint: warning: serving on {host}: other machines that can reach this address can use "
            "the page, there is no password, and drafts cross the network unencrypted",
            err=True,
        )
    try:
        sock = server.bind(host, port)
        checker = Checker(Session(config_path, rules=tuple(rule_dirs)))
        checker.warm_up()
    except ThanklintError as exc:
        _fail(str(exc))
    except OSError as exc:
        _fail(
            f"cannot serve on {host}:{port}: {exc.strerror or exc}"
            + ("; pass --port N, or --port 0 for any free port" if port else "")
        )
    try:
        server.run(checker, sock, host, open_browser=not no_browser)
    except KeyboardInterrupt:
        pass


@cli.command()
def lsp():
    """Run the language server over stdio (for editors)."""
    from .lsp import serve

    serve()


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
# Drafts longer than this many bytes are refused as too-long (default: 10000, several times any note).
# max_bytes: 10000
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
    """Run the command line; an unexpected failure exits 2 (never 1, which means findings).
    It ends by raising `SystemExit`, so that it can be called and tested in a process that goes on."""
    try:
        cli(prog_name="thanklint", standalone_mode=True)
    except SystemExit:
        raise
    except Exception as exc:  # noqa: BLE001 - the documented exit code matters more than the type
        if "--debug" in sys.argv:
            raise
        reason = "ran out of memory" if isinstance(exc, MemoryError) else (str(exc) or "no details")
        click.echo(
            f"thanklint: internal error: {type(exc).__name__}: {visible(reason)} (run with --debug for details)",
            err=True,
        )
        sys.exit(ExitCode.ERROR)


def entry() -> None:
    """The installed `thanklint` command and `python -m thanklint`: `main`, then leave without
    tearing the interpreter down. Freeing spaCy's pipeline and every parsed draft object by
    object takes 0.2 to 0.35 s, longer than linting a draft, and nothing needs it: the output is
    flushed, and the exit handlers (which wait for the Harper process) still run."""
    code: str | int | None = 0
    try:
        main()
    except SystemExit as done:
        code = done.code
    if code is not None and not isinstance(code, int):
        sys.exit(code)  # a message: Python prints it and exits 1
    _flush()
    atexit._run_exitfuncs()
    _flush()  # what an exit handler wrote
    os._exit(code or 0)


def _flush() -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # the reader has gone (a closed pipe) or the stream is closed
            pass
