"""Dates a note states in its own words: the interview's ("our interview on Tuesday 3 November")
and the letter's own (a date line above the greeting).

A thank-you without `interviewed_at` can still show that it is late: a letter dated 19 November
that thanks for "our interview on Tuesday 3 November", or an e-mail whose Date header is two weeks
after the interview it names. Only dates with the month in words are read (or ISO dates): "3/11"
is the 3rd of November or the 11th of March depending on who wrote it.
"""

from __future__ import annotations

import datetime as dt
import re

from . import lazyregex

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
#: "Tuesday 3 November", "3rd of Nov. 2026", "November 3rd, 2026", "2026-11-03".
DATE = lazyregex.compile(
    rf"\b{_WEEKDAY}(?:{_DAY}(?:\s+of)?\s+{_MONTH}{_YEAR}"
    rf"|{_MONTH.replace('month', 'month2')}\s+{_DAY.replace('day', 'day2')}\b{_YEAR.replace('year', 'year2')}"
    r"|(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d))\b",
    re.I,
)
#: The interview, or the event that served as one, named before its date in the same sentence:
#: "our interview on Tuesday 3 November", "the open day at Marlowe's on Saturday 31 October",
#: "meeting you and Carl on 3 November", "my interview of 12 May", "the trial on the 3rd of Nov.",
#: "the interview last March 2" (as Philippine English puts it).
_CUE = lazyregex.compile(
    r"\b(?:interview(?:ed|ing)?|met|meet(?:ing)?|spoke|speaking|conversation|chat|call|visit|open day|trial(?: shift| day)?"
    r"|assessment(?: day| centre| center)?|session)\b(?P<between>[^.?!\n]{0,60}?)\b(?:on|of|held on|dated|last)(?:\s+the)?\s+$",
    re.I,
)
#: "our 3 November interview", "the 8th January interview": the date before the word.
_DATE_BEFORE_CUE = lazyregex.compile(r"^(?:'s)?\s+(?:interview|trial(?: shift| day)?|open day|assessment)\b", re.I)


def _read(match: re.Match) -> tuple[int, int, int | None] | None:
    """(month, day, year or None) of a DATE match, or None when it names no real day."""
    year: int | None
    if match["iso"]:
        year, month, day = (int(part) for part in match["iso"].split("-"))
    else:
        month = _MONTHS[(match["month"] or match["month2"])[:3].lower()]
        day = int(match["day"] or match["day2"])
        written = match["year"] or match["year2"]
        year = int(written) if written else None
    try:
        dt.date(year or 2000, month, day)  # (a leap year, so that 29 February stands without one)
    except ValueError:
        return None
    return month, day, year


#: How far back a date without a year may reach into the year before the note's: "8 December"
#: in a note of 5 January is last December's; "6 May" in a note of 4 May is the day after next.
_YEAR_WRAP_DAYS = 90


def _dated(parts: tuple[int, int, int | None], sent: dt.date) -> dt.date | None:
    """The date, its year taken from the note's when it has none."""
    month, day, year = parts
    try:
        if year is not None:
            return dt.date(year, month, day)
        date = dt.date(sent.year, month, day)
        if date > sent:
            before = dt.date(sent.year - 1, month, day)
            if (sent - before).days <= _YEAR_WRAP_DAYS:
                return before
        return date
    except ValueError:  # 29 February in a year without one
        return None


def interview_date(text: str, sent: dt.date) -> tuple[int, int, dt.date] | None:
    """(start, end, date) of the first date the text gives for the interview, or None."""
    for match in DATE.finditer(text):
        before, after = text[max(0, match.start() - 90) : match.start()], text[match.end() : match.end() + 30]
        if not (_CUE.search(before) or _DATE_BEFORE_CUE.match(after)):
            continue
        parts = _read(match)
        date = _dated(parts, sent) if parts else None
        if date is not None:
            return match.start(), match.end(), date
    return None


def letter_date(text: str, before: int) -> dt.date | None:
    """The date on a line of its own above offset `before` (a letter's date line), when it
    gives its year."""
    for line in text[:before].split("\n"):
        match = DATE.fullmatch(line.strip().rstrip("."))
        parts = _read(match) if match else None
        if parts and parts[2] is not None:
            return dt.date(parts[2], parts[0], parts[1])
    return None
