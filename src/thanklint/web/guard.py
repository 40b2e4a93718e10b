"""Refuse requests that did not come from the page this server sends.

A page on another site can make a browser send requests to 127.0.0.1 (cross-site requests), and
a hostile name can be made to resolve to 127.0.0.1 (DNS rebinding). Both show in the headers:
the `Host` is not one of this server's names, or the `Origin` is not this server's own.
"""

from __future__ import annotations

from starlette.datastructures import Headers
from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Receive, Scope, Send

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")


def host_names(bound: str) -> tuple[str, ...]:
    """The names a browser may use for a server bound to `bound` (an IPv6 address in brackets)."""
    own = f"[{bound}]" if ":" in bound and not bound.startswith("[") else bound
    return tuple(dict.fromkeys((*LOOPBACK_NAMES, own.lower())))


class OwnOriginOnly:
    """ASGI middleware: answer 403 unless `Host` is `name:port` for one of `names`, and any
    `Origin` is `http://` plus such a host."""

    def __init__(self, app: ASGIApp, names: tuple[str, ...], port: int):
        self.app = app
        self.hosts = frozenset(f"{name}:{port}" for name in names) | (frozenset(names) if port == 80 else frozenset())
        self.origins = frozenset(f"http://{host}" for host in self.hosts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        host = headers.get("host", "").lower()
        origin = headers.get("origin")
        if host not in self.hosts:
            reason = (
                f"refused: the page was asked for as '{host or '(no Host header)'}', not as this server's own address"
            )
        elif origin is not None and origin.lower() not in self.origins:
            reason = f"refused: a request from another site ({origin})"
        else:
            await self.app(scope, receive, send)
            return
        await PlainTextResponse(f"thanklint serve: {reason}\n", status_code=403)(scope, receive, send)
