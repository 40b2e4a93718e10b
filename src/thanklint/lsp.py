"""The language server, `thanklint lsp`: diagnostics while a draft is written, quick fixes,
suppression comments and rule pages on hover, over stdio (pygls).

One warm `Session` serves every document, so spaCy loads once. A changed configuration or
custom rule file (reported by the client's file watcher, or noticed when a draft is saved)
invalidates only what it can affect. Positions are code points inside thanklint; they are
converted to the encoding the client negotiated here, at the edge.
"""

from __future__ import annotations

import asyncio
import os
import re
import sys
from dataclasses import dataclass

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from . import __version__
from .api import Session
from .config import CONFIG_NAMES
from .docs import rule_page
from .errors import ThanklintError
from .findings import Finding, Severity
from .linter import FileResult
from .positions import LineTable

#: How long typing must pause before a changed draft is checked again (initializationOptions
#: `debounce_ms` changes it). Opening and saving check at once.
DEBOUNCE_MS = 150
SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.SUGGESTION: types.DiagnosticSeverity.Information,
}
#: Files whose change can alter findings: configurations and rule files.
WATCHED = ("**/*.yaml", "**/*.yml", "**/pyproject.toml")
REASON = "reason"  # the placeholder a suppression comment asks the writer to replace


@dataclass
class Checked:
    """The last check of one open document: the text it saw and what it found."""

    version: int | None
    result: FileResult
    table: LineTable
    stamp: tuple


class ThanklintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("thanklint", __version__)
        self.session = Session()
        self.checked: dict[str, Checked] = {}
        self.pending: dict[str, asyncio.TimerHandle] = {}
        self.debounce = DEBOUNCE_MS / 1000

    @property
    def encoding(self) -> str:
        encoding = self.workspace.position_encoding or types.PositionEncodingKind.Utf16
        return getattr(encoding, "value", encoding)  # an enum member, or the client's own string

    # Checking ------------------------------------------------------------------------------
    def check(self, uri: str) -> Checked:
        """Lint the document's current text and publish its diagnostics."""
        self.cancel(uri)
        document = self.workspace.get_text_document(uri)
        path = to_fs_path(uri) or "-"
        stamp = _stamp(self.session, path)
        try:
            result = self.session.lint([(path, document.source)]).files[0]
        except ThanklintError as exc:  # an explicit configuration or the model is broken
            result = FileResult(path, error=exc)
        checked = Checked(document.version, result, LineTable(document.source, self.encoding), stamp)
        self.checked[uri] = checked
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, version=document.version, diagnostics=_diagnostics(checked))
        )
        return checked

    def schedule(self, uri: str) -> None:
        """Check again once typing pauses."""
        self.cancel(uri)
        self.pending[uri] = asyncio.get_running_loop().call_later(self.debounce, self.check, uri)

    def cancel(self, uri: str) -> None:
        handle = self.pending.pop(uri, None)
        if handle is not None:
            handle.cancel()

    def current(self, uri: str) -> Checked | None:
        """The check of the document as it stands now (checked at once if edits are pending)."""
        if uri not in self.workspace.text_documents:
            return None
        checked = self.checked.get(uri)
        if checked is None or checked.version != self.workspace.get_text_document(uri).version:
            checked = self.check(uri)
        return checked

    def reload(self, paths: list[str]) -> None:
        """Forget what changed files can affect, then check every open document again."""
        for path in paths:
            self.session.invalidate(path)
        for uri in list(self.workspace.text_documents):
            self.check(uri)

    def saved(self, uri: str) -> None:
        """A save checks at once; it also catches configuration changes a client did not watch."""
        checked = self.checked.get(uri)
        path = to_fs_path(uri) or "-"
        if checked is not None and checked.stamp != _stamp(self.session, path):
            self.session.invalidate()
            self.reload([])
        else:
            self.check(uri)


def _stamp(session: Session, path: str) -> tuple:
    """What the governing configuration was read from: every place a configuration may stand
    between the draft and the root, and the rule files it loads, with modification times."""
    if path == "-":
        return ()
    folder = os.path.dirname(os.path.abspath(path))
    candidates = []
    while True:
        candidates += [os.path.join(folder, n) for n in (*CONFIG_NAMES, "pyproject.toml")]
        parent = os.path.dirname(folder)
        if parent == folder:
            break
        folder = parent
    if session.explicit is not None and session.config_path:
        candidates.append(session.config_path)
    try:
        config = session.config_for(path)
    except ThanklintError:
        config = None
    for rules in (config.rules if config else ()) + session.rules:
        for root, _dirs, files in os.walk(rules):
            candidates += [os.path.join(root, f) for f in files if f.endswith(".yaml")]
    return tuple((c, _modified(c)) for c in candidates)


def _modified(path: str) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
        return info.st_mtime_ns, info.st_size  # the size too: coarse clocks can repeat a time
    except OSError:
        return None


def _range(table: LineTable, start: int, end: int) -> types.Range:
    return types.Range(start=types.Position(*table.position(start)), end=types.Position(*table.position(end)))


def _diagnostic(finding: Finding, table: LineTable) -> types.Diagnostic:
    return types.Diagnostic(
        range=_range(table, finding.start, finding.end),
        severity=SEVERITIES[finding.severity],
        code=finding.rule_id,
        code_description=types.CodeDescription(href=finding.url) if finding.url else None,
        source="thanklint",
        message=finding.message,
    )


def _diagnostics(checked: Checked) -> list[types.Diagnostic]:
    """The findings; or a draft that could not be checked, on the line its error names (else
    the first), so a broken front matter or configuration is seen where the writer looks."""
    result = checked.result
    if result.error is not None:
        if result.error.code == "empty":  # a new, empty draft: nothing to say yet
            return []
        message = str(result.error)
        named = re.match(re.escape(result.path) + r":(\d+): ", message)
        line = int(named.group(1)) - 1 if named else 0
        start = checked.table.offset(line, 0)
        return [
            types.Diagnostic(
                range=_range(checked.table, start, checked.table.offset(line, 10**6)),
                severity=types.DiagnosticSeverity.Error,
                code=f"error.{result.error.code}",
                source="thanklint",
                message=message[named.end() :] if named else message,
            )
        ]
    return [_diagnostic(f, checked.table) for f in result.findings]


def _code_actions(uri: str, checked: Checked, start: int, end: int, codes: set[str]) -> list[types.CodeAction]:
    """For each finding under the range (of the rules `codes` names, when the client says which
    diagnostics it asks about): its fix (safe fixes preferred), then comments that disable its
    rule for the line or for the file. Fixes come first."""
    text, draft = checked.table.text, checked.result.draft
    newline = "\r\n" if "\r\n" in text else "\n"
    fixes, disables = [], []
    for finding in checked.result.findings:
        if finding.start > end or finding.end < start or (codes and finding.rule_id not in codes):
            continue
        diagnostic = _diagnostic(finding, checked.table)

        def action(
            title: str,
            at: int,
            until: int,
            new_text: str,
            preferred: bool = False,
            diagnostic: types.Diagnostic = diagnostic,
        ) -> types.CodeAction:
            edit = types.TextEdit(range=_range(checked.table, at, until), new_text=new_text)
            return types.CodeAction(
                title=title,
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[diagnostic],
                is_preferred=preferred,
                edit=types.WorkspaceEdit(changes={uri: [edit]}),
            )

        if finding.fix is not None:
            replacement = finding.fix.replacement
            title = f"Replace with {replacement!r}" if replacement else f"Remove {text[finding.start : finding.end]!r}"
            fixes.append(
                action(
                    title + ("" if finding.fix.safe else " (unsafe fix)"),
                    finding.start,
                    finding.end,
                    replacement,
                    preferred=finding.fix.safe,
                )
            )
        line_start = checked.table.offset(checked.table.position(finding.start)[0], 0)
        comment = f"<!-- thanklint: disable-next-line={finding.rule_id} -- {REASON} -->{newline}"
        disables.append(action(f"Disable {finding.rule_id} for this line", line_start, line_start, comment))
        top = draft.content_start if draft is not None else 0
        comment = f"<!-- thanklint: disable={finding.rule_id} -- {REASON} -->{newline}"
        disables.append(action(f"Disable {finding.rule_id} for this file", top, top, comment))
    return fixes + disables


def _hover(server: ThanklintServer, checked: Checked, offset: int) -> types.Hover | None:
    """The page of each rule whose finding lies under the cursor (as `thanklint explain`), the
    narrowest finding first: a word's finding before one about the whole draft."""
    under = sorted((f for f in checked.result.findings if f.start <= offset <= f.end), key=lambda f: f.end - f.start)
    if not under:
        return None
    try:
        rules = {r.id: r for r in server.session.linter(server.session.config_for(checked.result.path)).ruleset.rules}
    except ThanklintError:
        return None
    pages = [
        rule_page(rules[rule_id], level=1) for rule_id in dict.fromkeys(f.rule_id for f in under) if rule_id in rules
    ]
    if not pages:
        return None
    return types.Hover(
        contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n---\n\n".join(pages)),
        range=_range(checked.table, under[0].start, under[0].end),
    )


def create_server() -> ThanklintServer:
    server = ThanklintServer()

    @server.feature(types.INITIALIZE)
    def initialize(ls: ThanklintServer, params: types.InitializeParams) -> None:
        options = params.initialization_options or {}
        if isinstance(options, dict) and isinstance(options.get("debounce_ms"), int):
            ls.debounce = max(0, options["debounce_ms"]) / 1000

    @server.feature(types.INITIALIZED)
    async def initialized(ls: ThanklintServer, params: types.InitializedParams) -> None:
        watch = ls.client_capabilities.workspace and ls.client_capabilities.workspace.did_change_watched_files
        if watch and watch.dynamic_registration:
            options = types.DidChangeWatchedFilesRegistrationOptions(
                watchers=[types.FileSystemWatcher(glob_pattern=g) for g in WATCHED]
            )
            await ls.client_register_capability_async(
                types.RegistrationParams(
                    registrations=[
                        types.Registration(
                            id="thanklint-watch",
                            method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                            register_options=options,
                        )
                    ]
                )
            )

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: ThanklintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.check(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: ThanklintServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: ThanklintServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.saved(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: ThanklintServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.cancel(uri)
        ls.checked.pop(uri, None)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched_files(ls: ThanklintServer, params: types.DidChangeWatchedFilesParams) -> None:
        ls.reload([path for change in params.changes if (path := to_fs_path(change.uri))])

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix])
    )
    def code_action(ls: ThanklintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        checked = ls.current(params.text_document.uri)
        if checked is None:
            return []
        start = checked.table.offset(params.range.start.line, params.range.start.character)
        end = checked.table.offset(params.range.end.line, params.range.end.character)
        codes = {str(d.code) for d in params.context.diagnostics if d.source == "thanklint" and d.code is not None}
        return _code_actions(params.text_document.uri, checked, start, end, codes)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: ThanklintServer, params: types.HoverParams) -> types.Hover | None:
        checked = ls.current(params.text_document.uri)
        if checked is None:
            return None
        return _hover(ls, checked, checked.table.offset(params.position.line, params.position.character))

    return server


def serve() -> None:
    """Serve over stdio. The protocol gets its own copy of standard output, and file descriptor
    1 is pointed at standard error, so a stray print (from any library) cannot corrupt it."""
    protocol_out = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    create_server().start_io(sys.stdin.buffer, protocol_out)
