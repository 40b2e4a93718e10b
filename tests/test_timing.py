"""Timing rules: hours for thank-you notes, business days for follow-ups."""

from __future__ import annotations

import datetime as dt

from conftest import rule_ids
from thanklint.checks.timing import add_business_days, business_days_between

BODY = "Hi Dana,\n\nThank you for meeting with me about the analyst role yesterday.\n\nBest,\nSam\n"
FOLLOW_UP = "Hi Dana,\n\nI am following up on my interview for the analyst role. Is there any update on the timeline?\n\nBest,\nSam\n"


def test_business_days_skip_weekends():
    friday, monday = dt.date(2026, 11, 20), dt.date(2026, 11, 23)
    assert business_days_between(friday, monday) == 1
    assert business_days_between(friday, dt.date(2026, 11, 27)) == 5
    assert add_business_days(friday, 1) == monday


def test_late_thank_you_states_the_hours(lint):
    result = lint(BODY, {"interviewed_at": "2026-11-20T10:00", "sent_at": "2026-11-22T10:00"})
    late = [f for f in result.findings if f.rule_id == "timing.late-thank-you"]
    assert late and "about 48 hours (2.0 days)" in late[0].message
    assert late[0].line == 3  # the first body line, never the metadata


def test_thank_you_within_a_day_is_fine(lint):
    result = lint(BODY, {"interviewed_at": "2026-11-24T15:00", "sent_at": "2026-11-25T09:30+00:00"})
    assert not [i for i in rule_ids(result) if i.startswith("timing.")]


def test_sent_at_defaults_to_now(lint):
    long_ago = (dt.date.today() - dt.timedelta(days=10)).isoformat()
    assert "timing.late-thank-you" in rule_ids(lint(BODY, {"interviewed_at": long_ago}))


def test_follow_up_too_soon_counts_business_days(lint):
    meta = {"kind": "follow-up", "interviewed_at": "2026-11-20", "sent_at": "2026-11-26"}
    early = [f for f in lint(FOLLOW_UP, meta).findings if f.rule_id == "timing.early-follow-up"]
    assert early and "4 business days after the interview" in early[0].message
    meta["sent_at"] = "2026-11-27"
    assert "timing.early-follow-up" not in rule_ids(lint(FOLLOW_UP, meta))


def test_follow_up_waits_for_the_decision_date(lint):
    meta = {"kind": "follow-up", "interviewed_at": "2026-11-02", "decision_date": "2026-11-20", "sent_at": "2026-11-20"}
    early = [f for f in lint(FOLLOW_UP, meta).findings if f.rule_id == "timing.early-follow-up"]
    assert early and "2026-11-23 or later" in early[0].message


def test_timing_is_unchecked_without_an_interview_time(lint):
    result = lint(BODY)
    assert {i.quality: i.status for i in result.checklist}["timing"] == "unchecked"


def test_a_thank_you_that_says_it_is_late_marks_timing_missing_without_metadata(lint):
    late = "Hi Dana,\n\nSorry this note is late; our interview was two weeks ago. Thank you for the tour of the lab.\n\nBest,\nSam\n"
    result = lint(late)
    assert {i.quality: i.status for i in result.checklist}["timing"] == "missing"
    assert "timing.late-in-its-own-words" in rule_ids(result)
    # its silence proves nothing either way: without an interview time, timing stays unchecked
    assert {i.quality: i.status for i in lint(BODY).checklist}["timing"] == "unchecked"


def test_the_metadata_still_decides_timing_when_the_text_says_nothing(lint):
    meta = {"interviewed_at": "2026-11-24T15:00", "sent_at": "2026-11-25T09:30"}
    assert {i.quality: i.status for i in lint(BODY, meta).checklist}["timing"] == "present"
