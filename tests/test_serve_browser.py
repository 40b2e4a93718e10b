"""The page in a real headless browser: the system's Chromium, driven by Playwright.

`.ci/run` installs Chromium; elsewhere the test is skipped, saying why.
"""

from __future__ import annotations

import shutil

import pytest

from thanklint.web.server import spawn

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None:
    pytest.skip("no Chromium installed (apt-get install chromium); .ci/run installs it", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed (the test extra)")
expect = sync_api.expect
expect.set_options(timeout=30_000)  # a shared CI machine may be slow; the latency is measured by scripts/bench_serve.py

BAD_DRAFT = "hey Dana,\n\nthanks for the interview yesterday. i think the data team sounds great.\n\ncheers\n"
LOWERCASE_I = "proofreading.lowercase-i"


@pytest.fixture(scope="module")
def page():
    process, url = spawn()
    try:
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM)
            tab = browser.new_page(viewport={"width": 1100, "height": 900})
            tab.goto(url)
            yield tab
            browser.close()
    finally:
        process.terminate()
        process.wait()


def finding(page, rule_id: str):
    return page.locator(f'#findings li[data-rule="{rule_id}"]')


def test_paste_see_findings_and_checklist_then_fix(page):
    page.fill("#draft", BAD_DRAFT)
    finding(page, LOWERCASE_I).wait_for()

    # Highlighted in the text with the severity's colour, listed in text order.
    marks = page.locator("#backdrop mark.warning")
    highlighted = marks.all_inner_texts()
    assert len(highlighted) >= 2 and "i" in highlighted
    lines = [int(text.split()[1].rstrip(",")) for text in page.locator("#findings .where").all_inner_texts()]
    assert lines == sorted(lines)

    # Typing at the end keeps the earlier highlights in place until the next check answers.
    page.locator("#draft").press("Control+End")
    with page.expect_response(lambda response: response.url.endswith("/api/check")):  # the check that typing sets off
        page.keyboard.type("!")
        assert marks.all_inner_texts() == highlighted
    expect(page.locator("#status")).to_contain_text("Checked:")

    # The checklist of the eight qualities, each with its status in words.
    checklist = page.locator("#checklist li[data-quality]")
    assert checklist.count() == 8
    tone = page.locator('#checklist li[data-quality="tone"]')
    assert "missing" in tone.get_attribute("class") and "missing" in tone.inner_text()
    assert "Add the interview date" in page.locator('#checklist li[data-quality="timing"]').inner_text()

    # The explanation is `thanklint explain`.
    finding(page, LOWERCASE_I).locator("summary").click()
    expect(finding(page, LOWERCASE_I).locator(".explanation")).to_contain_text(
        f"# {LOWERCASE_I}\n\nCategory: `proofreading`"
    )

    # One click applies the fix; the finding disappears and the draft is corrected.
    finding(page, LOWERCASE_I).get_by_role("button", name="Replace “i” with “I”").click()
    expect(finding(page, LOWERCASE_I)).to_have_count(0)
    assert "I think the data team" in page.input_value("#draft")
    expect(page.locator("#status")).to_contain_text("Checked:")


def test_form_fills_metadata_and_bad_values_are_shown(page):
    page.get_by_role("textbox", name="Your draft").fill(
        "Hi Priya,\n\nThank you for meeting with me today about the analyst role.\n\nBest regards,\nSam\n"
    )
    page.get_by_label("Interviewer you are writing to").fill("Dana Whitfield")
    finding(page, "personalization.wrong-recipient").wait_for()
    page.get_by_label("Interview date").fill("2026-11-24")
    expect(page.locator('#checklist li[data-quality="timing"]')).not_to_have_class("unchecked")
    page.get_by_label("Interviewer you are writing to").fill("")
    page.get_by_role("textbox", name="Your draft").fill("---\nrecipient: Dana\nHi Dana,\n\nThank you.\n")
    expect(page.locator("#error")).to_contain_text("draft.md:1: front matter opened with '---' is never closed")


def test_keyboard_reaches_the_draft_and_the_fixes(page):
    page.fill("#draft", "Hi Dana,\n\nThank you. i enjoyed it.\n")
    finding(page, LOWERCASE_I).wait_for()
    page.focus("#draft")
    labels = []
    for _ in range(3):
        page.keyboard.press("Tab")
        labels.append(page.evaluate("document.activeElement.id || document.activeElement.textContent"))
    assert labels == ["fix-all", "copy", "Show in the draft"]  # then the findings, in text order
    for _ in range(2):
        page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")  # on "Apply all safe fixes"
    expect(finding(page, LOWERCASE_I)).to_have_count(0)
    assert "I enjoyed it" in page.input_value("#draft")


def test_an_opened_email_is_read_as_one(page):
    email = (
        "To: Dana Whitfield <dana@northwind.example>\nSubject: Thank you\n\n"
        "Hi Priya,\n\nThank you for your time today.\n\nBest,\nSam\n"
    )
    page.locator("#file").set_input_files({"name": "dana.eml", "mimeType": "message/rfc822", "buffer": email.encode()})
    finding(page, "personalization.wrong-recipient").wait_for()  # the To: name is the recipient
    assert page.get_by_label("Format").input_value() == "eml"
    assert page.input_value("#draft") == email
