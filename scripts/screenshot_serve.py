"""Take the README's picture of `thanklint serve` (docs/serve.png) in headless Chromium.

    python scripts/screenshot_serve.py [OUTPUT.png]

Needs the system's Chromium (`apt-get install chromium`) and Playwright for Python (the test
extra). The draft below was written for this picture: a decent note with a few slips to show.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from playwright.sync_api import expect, sync_playwright

from thanklint.web.server import spawn

ROOT = Path(__file__).resolve().parent.parent
DRAFT = """\
Hi Mr. Okafor,

I hope your week is going well. Thank you so much for taking the time to speak with me on \
Tuesday about the Junior UX Designer role. I really enjoyed hearing how your team redesigned \
the patient check-in flow, and i think my work on the booking app at Brightwell Clinic, where \
I cut the steps to book a visit from seven to three, would carry over well.

Im very excited about the chance to join Larkspur Health!! Could you tell me how designers \
and nurses work together during research sessions?

Thanks again,
Priya Nair
"""
FORM = {
    "#recipient": "Chidi Okafor",
    "#company": "Larkspur Health",
    "#role": "Junior UX Designer",
    "#topics": "patient check-in flow",
    "#interview-date": "2026-11-24",
    "#interview-time": "14:00",
    "#sent_at": "2026-11-25T09:15",
}


def main() -> int:
    output = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "serve.png"
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("screenshot_serve: no Chromium found; install it with `apt-get install chromium`", file=sys.stderr)
        return 2
    process, url = spawn()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium)
            page = browser.new_page(viewport={"width": 1280, "height": 900}, device_scale_factor=1)
            page.goto(url)
            for selector, value in FORM.items():
                page.fill(selector, value)
            page.fill("#draft", DRAFT)
            expect(page.locator("#status")).to_contain_text("Checked", timeout=60_000)
            page.locator(".finding details").first.click()
            page.wait_for_selector(".explanation[data-loaded]")
            page.screenshot(path=str(output), full_page=True)
            browser.close()
    finally:
        process.terminate()
        process.wait()
    print(f"wrote {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
