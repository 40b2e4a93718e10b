"""Dates a note states in its own words (`thanklint.text_dates`)."""

import datetime as dt

import pytest

from thanklint.text_dates import interview_date, letter_date

SENT = dt.date(2026, 11, 19)


@pytest.mark.parametrize(
    ("text", "expected", "sent"),
    [
        ("Thank you for our interview on Tuesday 3 November.", dt.date(2026, 11, 3), SENT),
        ("Thanks for the interview on the 3rd of Nov. for the fitter job.", dt.date(2026, 11, 3), SENT),
        ("Thank you for interviewing me on 3rd of Nov. 2025.", dt.date(2025, 11, 3), SENT),
        ("I enjoyed meeting you and Carl on November 3rd, 2026.", dt.date(2026, 11, 3), SENT),
        ("Thank you for the open day at Marlowe's on Saturday 31 October.", dt.date(2026, 10, 31), SENT),
        ("Thank you for our 12 November interview.", dt.date(2026, 11, 12), SENT),
        ("Thanks for the trial shift on 2026-11-10.", dt.date(2026, 11, 10), SENT),
        ("Good day Sir, thank you for the interview last November 2 for the packer post.", dt.date(2026, 11, 2), SENT),
        # no year: the note's, or the year before for a date just before the new year
        ("Thank you for the interview on 8 December.", dt.date(2026, 12, 8), SENT),
        ("Thank you for the interview on 8 December.", dt.date(2025, 12, 8), dt.date(2026, 1, 5)),
        # a date that is not the interview's
        ("I can start on Monday 7 December.", None, SENT),
        ("My visa runs out on 3 November.", None, SENT),
        # no such day
        ("Thank you for the interview on 31 November.", None, SENT),
        # a numeric date could be read two ways
        ("Thank you for the interview on 3/11.", None, SENT),
    ],
)
def test_the_interview_date_is_read_from_the_text(text, expected, sent):
    found = interview_date(text, sent)
    assert (found[2] if found else None) == expected


def test_the_span_is_the_date_itself():
    text = "Thank you for our interview on Tuesday 3 November."
    start, end, _ = interview_date(text, SENT)
    assert text[start:end] == "Tuesday 3 November"


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("19 November 2026\n\n", dt.date(2026, 11, 19)),
        ("Ana Lopez\n12 Hill Rd\n\nWednesday, 11 March 2026\n\n", dt.date(2026, 3, 11)),
        ("March 11, 2026.\n\n", dt.date(2026, 3, 11)),
        ("19 November\n\n", None),  # (no year: a letter's date line gives one)
        ("Re: interview on 3 November 2026\n\n", None),  # (not a line of its own)
        ("", None),
    ],
)
def test_a_letter_date_line_above_the_greeting(head, expected):
    text = head + "Dear Ms Hale,\n\nThank you for the interview on 2 March 2026.\n"
    assert letter_date(text, len(head)) == expected
