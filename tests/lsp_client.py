"""An editor in a box: pygls's own language client driving `thanklint lsp` in a subprocess over
stdio, for the tests and for `scripts/bench_lsp.py`."""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

TIMEOUT = 120.0  # seconds; the first check loads spaCy


def apply_edits(text: str, edits: list[types.TextEdit]) -> str:
    """Apply UTF-16 text edits (the protocol's default encoding) to `text`, as an editor does."""
    lines = text.splitlines(keepends=True) or [""]

    def offset(position: types.Position) -> int:
        before = sum(len(line) for line in lines[: position.line])
        line = lines[position.line] if position.line < len(lines) else ""
        units = 0
        for index, char in enumerate(line):
            if units >= position.character:
                return before + index
            units += 2 if ord(char) > 0xFFFF else 1
        return before + len(line)

    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end) :]
    return text


class Editor:
    """Open, edit and save documents; every published diagnostics list is kept per URI."""

    def __init__(
        self, cwd: Path, encodings: list[str] | None = None, watch_files: bool = True, options: dict | None = None
    ):
        self.cwd, self.encodings, self.watch_files, self.options = cwd, encodings, watch_files, options
        self.client = LanguageClient("thanklint-tests", "1")
        self.published: dict[str, list[types.PublishDiagnosticsParams]] = {}
        self.registrations: list[types.Registration] = []
        self.versions: dict[str, int] = {}
        self.capabilities: types.ServerCapabilities | None = None
        self.messages: list[str] = []  # what the server showed the user (its handler errors among them)
        self._arrived = asyncio.Event()  # set by every publication or message, so waiting costs no CPU

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(params: types.PublishDiagnosticsParams) -> None:
            self.published.setdefault(params.uri, []).append(params)
            self._arrived.set()

        @self.client.feature(types.WINDOW_SHOW_MESSAGE)
        def shown(params: types.ShowMessageParams) -> None:
            self.messages.append(params.message)
            self._arrived.set()

        @self.client.feature(types.CLIENT_REGISTER_CAPABILITY)
        def register(params: types.RegistrationParams) -> None:
            self.registrations.extend(params.registrations)

    async def start(self) -> types.InitializeResult:
        await self.client.start_io(sys.executable, "-m", "thanklint", "lsp", cwd=str(self.cwd))
        capabilities = types.ClientCapabilities(
            general=types.GeneralClientCapabilities(position_encodings=self.encodings) if self.encodings else None,
            workspace=types.WorkspaceClientCapabilities(
                did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(
                    dynamic_registration=self.watch_files
                )
            ),
            text_document=types.TextDocumentClientCapabilities(
                synchronization=types.TextDocumentSyncClientCapabilities(did_save=True)
            ),
        )
        result = await self.client.initialize_async(
            types.InitializeParams(
                capabilities=capabilities,
                root_uri=self.cwd.as_uri(),
                process_id=None,
                initialization_options=self.options,
            )
        )
        self.client.initialized(types.InitializedParams())
        self.capabilities = result.capabilities
        return result

    async def stop(self) -> int:
        """Shut down and exit, as an editor does; the server's exit code."""
        await self.client.shutdown_async(None)
        self.client.exit(None)
        server = self.client._server
        code = await asyncio.wait_for(server.wait(), TIMEOUT)
        await self.client.stop()
        return code

    async def _next(self, uri: str, seen: int) -> list[types.Diagnostic]:
        """The diagnostics of the first publication after the `seen` earlier ones."""
        deadline = time.monotonic() + TIMEOUT
        while len(self.published.get(uri, [])) <= seen:
            if time.monotonic() > deadline or self.messages:
                raise TimeoutError(f"no diagnostics for {uri}; the server said: {self.messages}")
            self._arrived.clear()  # no await since the check above: nothing can arrive in between
            try:
                await asyncio.wait_for(self._arrived.wait(), max(0.0, deadline - time.monotonic()))
            except asyncio.TimeoutError:
                pass  # the loop reports it
        return self.published[uri][seen].diagnostics

    def _seen(self, uri: str) -> int:
        return len(self.published.get(uri, []))

    async def open(self, path: Path, text: str) -> list[types.Diagnostic]:
        uri, seen = path.as_uri(), self._seen(path.as_uri())
        self.versions[uri] = 1
        self.client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)
            )
        )
        return await self._next(uri, seen)

    async def change(self, path: Path, text: str) -> list[types.Diagnostic]:
        """Replace the whole text; the diagnostics of the check that follows."""
        uri, seen = path.as_uri(), self._seen(path.as_uri())
        self.versions[uri] += 1
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=self.versions[uri]),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )
        return await self._next(uri, seen)

    async def save(self, path: Path) -> list[types.Diagnostic]:
        uri, seen = path.as_uri(), self._seen(path.as_uri())
        self.client.text_document_did_save(
            types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
        )
        return await self._next(uri, seen)

    async def files_changed(self, changed: Path, watched: Path) -> list[types.Diagnostic]:
        """Report a changed file; the next diagnostics of the open document `watched`."""
        uri, seen = watched.as_uri(), self._seen(watched.as_uri())
        self.client.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams(
                changes=[types.FileEvent(uri=changed.as_uri(), type=types.FileChangeType.Changed)]
            )
        )
        return await self._next(uri, seen)

    async def code_actions(self, path: Path, diagnostic: types.Diagnostic) -> list[types.CodeAction]:
        return await self.client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri=path.as_uri()),
                range=diagnostic.range,
                context=types.CodeActionContext(diagnostics=[diagnostic]),
            )
        )

    async def hover(self, path: Path, position: types.Position) -> types.Hover | None:
        return await self.client.text_document_hover_async(
            types.HoverParams(text_document=types.TextDocumentIdentifier(uri=path.as_uri()), position=position)
        )
