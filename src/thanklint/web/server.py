"""Running the page: bind the address (127.0.0.1 unless another is asked for), serve it with
uvicorn, and open the browser. `spawn` starts one in a child process for scripts and tests."""

from __future__ import annotations

import ipaddress
import re
import socket
import subprocess
import sys
import webbrowser

from .app import Checker, create_app
from .guard import host_names

LOCAL = "127.0.0.1"
_SERVING = re.compile(r"serving (http://\S+/)")


def is_loopback(host: str) -> bool:
    """Whether only this machine can reach `host` (anything else is warned about)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:  # a host name: it may resolve to any address
        return False


def bind(host: str, port: int) -> socket.socket:
    """A listening socket, bound before the server starts so that `--port 0` learns its port
    and a port in use is one clear error (`OSError`) instead of a log line."""
    family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
        sock.listen(64)
    except OSError:
        sock.close()
        raise
    return sock


def page_url(host: str, port: int) -> str:
    if host in ("0.0.0.0", "::"):  # reachable from elsewhere, but the browser here uses loopback
        host = LOCAL
    return f"http://{'[' + host + ']' if ':' in host else host}:{port}/"


def run(checker: Checker, sock: socket.socket, host: str, open_browser: bool) -> None:
    """Serve until interrupted. The socket already listens, so the browser may connect at once."""
    import uvicorn

    port = sock.getsockname()[1]
    names = host_names(host) + ((socket.gethostname().lower(),) if host in ("0.0.0.0", "::") else ())
    app = create_app(checker, names, port)
    url = page_url(host, port)
    print(f"thanklint: serving {url} (press Ctrl+C to stop)", flush=True)
    if open_browser:
        webbrowser.open(url)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off"))
    server.run(sockets=[sock])


def spawn(*args: str) -> tuple[subprocess.Popen, str]:
    """Start `thanklint serve --port 0 --no-browser ARGS` in a child process; return it and the
    page's URL once it serves. The caller terminates the process."""
    process = subprocess.Popen(
        [sys.executable, "-m", "thanklint", "serve", "--port", "0", "--no-browser", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None and process.stderr is not None  # both are pipes
    line = process.stdout.readline()  # the first line is the address, after the warm-up
    served = _SERVING.search(line)
    if served is None:
        process.kill()
        raise RuntimeError(f"thanklint serve did not start: {line}{process.stderr.read()}")
    return process, served.group(1)
