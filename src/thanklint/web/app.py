"""The web application: the page (three files shipped in the package), one JSON endpoint that
answers with exactly the `--format json` report, and the `thanklint explain` text of a rule.

Nothing here opens a file on the page's behalf: the draft arrives in the request, is linted in
memory under a fixed name that picks its format, and is forgotten.
"""

from __future__ import annotations

import os
import threading
from importlib import resources
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from .. import metadata as md
from ..api import Report, Session
from ..docs import rule_page
from ..errors import ThanklintError
from ..formatters import report_dict
from ..linter import FileResult
from ..rules import load_rules
from .guard import OwnOriginOnly

#: The name a pasted draft is linted under, by the format the writer picked on the page.
DRAFT_NAMES = {"md": "draft.md", "txt": "draft.txt", "eml": "draft.eml"}
#: Largest request body, in bytes. A long note is about 10 KB; a paste of a whole book is refused.
MAX_BODY = 256 * 1024
#: The page may load only what this server sends; no fonts, scripts or frames from elsewhere.
_PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
_API_HEADERS = {**_PAGE_HEADERS, "Cache-Control": "no-store"}
_ASSETS = {
    "/": ("index.html", "text/html"),
    "/app.js": ("app.js", "text/javascript"),
    "/style.css": ("style.css", "text/css"),
}
_WARM_UP = "Hi Dana,\n\nThank you for meeting with me today about the analyst role.\n\nBest regards,\nSam\n"


class Checker:
    """One warm `Session` for the whole process. Requests are linted one at a time: the
    session's caches and the spaCy pipeline are not meant to be shared between threads."""

    def __init__(self, session: Session):
        self.session = session
        self._lock = threading.Lock()

    def check(self, text: str, fmt: str, metadata: Any = None) -> dict:
        """The JSON report of one draft; metadata from the page's form wins over front matter."""
        path = DRAFT_NAMES[fmt]
        with self._lock:
            try:
                extra = md.from_mapping(metadata, f"{path}: interview form") if metadata else None
                report = self.session.lint([(path, text)], extra)
            except ThanklintError as exc:  # bad form values, or a rule or model that cannot load
                report = Report([FileResult(path, error=exc)])
        return report_dict(report)

    def explain(self, rule_id: str) -> str | None:
        """The `thanklint explain` page of a rule this server checks with, or None."""
        config = self.session.config_in(os.getcwd())
        by_id = {rule.id: rule for rule in load_rules(config.rules + self.session.rules)}
        return rule_page(by_id[rule_id], level=1) if rule_id in by_id else None

    def warm_up(self) -> None:
        """Load the rules and the language model now, so the writer's first check is quick."""
        self.check(_WARM_UP, "txt")


def _refuse(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status, headers=_API_HEADERS)


def create_app(checker: Checker, names: tuple[str, ...], port: int) -> Starlette:
    """The application for a server reachable as `name:port` for each of `names`."""
    assets = {
        route: (resources.files(__package__).joinpath("static").joinpath(name).read_bytes(), media)
        for route, (name, media) in _ASSETS.items()
    }

    async def asset(request: Request) -> Response:
        content, media = assets[request.url.path]
        return Response(content, media_type=media, headers=_PAGE_HEADERS)

    async def check(request: Request) -> Response:
        if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
            return _refuse(415, "send the draft as JSON (Content-Type: application/json)")
        try:
            payload = await request.json()
        except ValueError:
            return _refuse(400, "the request body is not valid JSON")
        if not isinstance(payload, dict) or not isinstance(payload.get("text"), str):
            return _refuse(400, 'expected {"text": "...", "format": "md|txt|eml", "metadata": {...}}')
        fmt = payload.get("format", "md")
        if fmt not in DRAFT_NAMES:
            return _refuse(400, f"unknown format {fmt!r}; expected one of {', '.join(DRAFT_NAMES)}")
        report = await run_in_threadpool(checker.check, payload["text"], fmt, payload.get("metadata"))
        return JSONResponse(report, headers=_API_HEADERS)

    async def explain(request: Request) -> Response:
        try:
            page = await run_in_threadpool(checker.explain, request.path_params["rule_id"])
        except ThanklintError as exc:  # a broken configuration or rule folder, named as on the command line
            return _refuse(500, str(exc))
        if page is None:
            return _refuse(404, f"unknown rule '{request.path_params['rule_id']}'")
        return PlainTextResponse(page, headers=_API_HEADERS)

    routes = [Route(path, asset) for path in _ASSETS]
    routes += [
        Route("/api/check", check, methods=["POST"], max_body_size=MAX_BODY),
        Route("/api/explain/{rule_id}", explain),
    ]
    return Starlette(routes=routes, middleware=[Middleware(OwnOriginOnly, names=names, port=port)])
