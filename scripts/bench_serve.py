"""Latency of the web page's re-check: `python scripts/bench_serve.py [RUNS]`.

Starts `thanklint serve` in a child process (its session warm, as for a writer), then posts a
250-word note to the JSON endpoint RUNS times over one kept-alive connection, as the page does
while the writer types, changing one word each time. Prints the median and 90th percentile of
the round trip, and (on Linux) the server's own CPU time per re-check, which is what the round
trip costs on an idle machine: on a busy one the wall time also counts waiting for a core.
The target is a median of at most 150 ms.
"""

from __future__ import annotations

import http.client
import json
import os
import platform
import statistics
import sys
import time
from urllib.parse import urlsplit

from thanklint.web.server import spawn

NOTE = """\
Dear Ms. Haddad,

Thank you for taking the time to meet with me on Thursday about the Operations Coordinator role \
at Tidewater Freight. I enjoyed our conversation, and I left with a much clearer picture of how \
your team keeps forty trucks moving between the port and the inland warehouses.

When you described the scheduling crunch that hits every Monday morning, when weekend arrivals \
pile up at the gate, I thought of the dispatch board I rebuilt at Marlow Logistics. By moving \
the drivers' shift swaps into one shared sheet and setting a cut-off of Friday at noon, we \
reduced missed pickups from about twelve a week to three within two months. I would be glad to \
bring that same habit of small, measurable fixes to your yard.

I was also interested in your plan to pilot handheld scanners at the receiving dock next spring. \
I used a similar system during my last year at Marlow, and I learned how much the rollout \
depends on training the night crew first, since they handle most of the pallets.

I remain very interested in joining Tidewater Freight and in helping your team through the \
busy season. Could you tell me how the coordinators split their time between the office and \
the yard during a typical week, and what would make someone successful in the first ninety \
days?

Thank you again for your time and for the tour of the dock. Please let me know if there is \
anything else I can send you, such as references or a sample of the weekly reports I prepared.

Best regards,
Jordan Ellis
"""
WORDS = ("Thursday", "Wednesday")  # the edit made between two checks


def cpu_seconds(pid: int) -> float | None:
    """User plus system CPU time of a process so far (Linux `/proc`; None elsewhere)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    body_words = len(NOTE.split("\n\n", 1)[1].rsplit("\n\nBest regards", 1)[0].split())
    process, url = spawn()
    address = urlsplit(url)
    try:
        connection = http.client.HTTPConnection(address.hostname, address.port)
        times = []
        cpu_before = None
        for number in range(runs + 3):  # three unmeasured checks first
            if number == 3:
                cpu_before = cpu_seconds(process.pid)
            text = NOTE.replace(WORDS[0], WORDS[number % 2])
            payload = json.dumps({"text": text, "format": "txt", "metadata": {"company": "Tidewater Freight"}})
            start = time.perf_counter()
            connection.request(
                "POST", "/api/check", payload, {"Content-Type": "application/json", "Host": address.netloc}
            )
            report = json.loads(connection.getresponse().read())
            elapsed = time.perf_counter() - start
            if report["files"][0]["error"] is not None:
                raise SystemExit(f"bench_serve: the note could not be checked: {report['files'][0]['error']}")
            if number >= 3:
                times.append(elapsed * 1000)
        cpu_after = cpu_seconds(process.pid)
    finally:
        process.terminate()
        process.wait()
    times.sort()
    print(
        f"{runs} re-checks of a {body_words}-word note through /api/check on {platform.machine()}, "
        f"Python {platform.python_version()}"
    )
    print(
        f"median {statistics.median(times):.0f} ms, 90th percentile {times[int(len(times) * 0.9) - 1]:.0f} ms, "
        f"fastest {times[0]:.0f} ms, slowest {times[-1]:.0f} ms"
    )
    if cpu_before is not None and cpu_after is not None:
        print(f"server CPU time per re-check (mean): {(cpu_after - cpu_before) / runs * 1000:.0f} ms")
    print(f"load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    sys.exit(main())
