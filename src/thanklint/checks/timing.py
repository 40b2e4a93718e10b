"""`timing`: when the note goes out, from `interviewed_at` and `sent_at` (default: the run's
current time, which the linter passes in); `dated-interview`: the same read from the dates the
note itself states, when it has no `interviewed_at`.

A thank-you should leave within a day; a follow-up should wait about a week (business days,
weekends skipped) and not come before a decision date the interviewer gave.
"""

from __future__ import annotations

import datetime as dt
import re

from .. import lazyregex
from ..checks import Check, Hit, Option
from ..text_dates import interview_date, letter_date


def business_days_between(start: dt.date, end: dt.date) -> int:
    """Weekdays after `start` up to and including `end` (negative when `end` is earlier)."""
    if end < start:
        return -business_days_between(end, start)
    days, day = 0, start
    while day < end:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            days += 1
    return days


def add_business_days(start: dt.date, count: int) -> dt.date:
    """The weekday `count` business days after `start`; the last representable date when that
    lies beyond the calendar (a decision date of 9999-12-31)."""
    day = start
    while count > 0:
        if day >= dt.date.max - dt.timedelta(days=7):
            return dt.date.max
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


def _date(value) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


class Timing(Check):
    kind = "timing"
    summary = "Checks when the note is sent against when the interview took place."
    reads_clock = True
    options = {
        "mode": Option(
            "text",
            doc="thank-you-window, follow-up-wait or sent-before-interview",
            tunable=False,
            choices=("thank-you-window", "follow-up-wait", "sent-before-interview"),
        ),
        "max_hours": Option(
            "number",
            24,
            "thank-you: latest sending time, in hours after the interview",
            needs=("mode=thank-you-window",),
        ),
        "min_business_days": Option(
            "int", 5, "follow-up: business days to wait after the interview", needs=("mode=follow-up-wait",)
        ),
        "decision_buffer_days": Option(
            "int", 1, "follow-up: business days to wait after a stated decision date", needs=("mode=follow-up-wait",)
        ),
    }

    def applicable(self, parsed):
        """Needs the interview time; a committed, unchanged note without `sent_at` was sent
        long ago, and judging it against the clock would fail it forever."""
        meta = parsed.meta
        return meta.interviewed_at is not None and not (meta.sent_at is None and parsed.draft.committed)

    def run(self, parsed):
        meta = parsed.meta
        sent = meta.sent_at if meta.sent_at is not None else parsed.now
        from ..metadata import as_datetime, hours_between

        interview_end = as_datetime(meta.interviewed_at, end_of_day=True)
        sent_start = as_datetime(sent, end_of_day=False)
        hours = hours_between(interview_end, sent_start)
        at = parsed.line_from(parsed.anchor)
        mode = self.settings["mode"]
        if mode == "sent-before-interview":
            if hours < 0 and _date(sent) < _date(meta.interviewed_at):
                yield Hit(*at, {"sent": _date(sent).isoformat(), "interviewed": _date(meta.interviewed_at).isoformat()})
        elif mode == "thank-you-window":
            if hours > self.settings["max_hours"]:
                yield Hit(
                    *at, {"hours": round(hours), "days": round(hours / 24, 1), "max_hours": self.settings["max_hours"]}
                )
        elif mode == "follow-up-wait":
            waited = business_days_between(_date(meta.interviewed_at), _date(sent))
            if 0 <= waited < self.settings["min_business_days"]:
                yield Hit(
                    *at,
                    {"days": waited, "min_days": self.settings["min_business_days"]},
                    message=f"This follow-up goes out {waited} business day{'s' if waited != 1 else ''} after the interview; "
                    f"wait at least {self.settings['min_business_days']} business days before asking for news.",
                )
            elif meta.decision_date is not None:
                earliest = add_business_days(_date(meta.decision_date), self.settings["decision_buffer_days"])
                if _date(sent) < earliest:
                    yield Hit(
                        *at,
                        {"days": waited},
                        message=(
                            f"The decision was expected on {_date(meta.decision_date).isoformat()}; send this follow-up "
                            f"on {earliest.isoformat()} or later ({(earliest - _date(sent)).days} days from the planned send date)."
                        ),
                    )


#: Words that put the note on the day of the interview or the day after: a note that says them
#: is not judged by an earlier date it also names ("meeting you at the careers fair on 3 October").
_SAME_DAY = lazyregex.compile(r"\b(?:today|yesterday|tonight|last night|this (?:morning|afternoon|evening))\b", re.I)


class DatedInterview(Check):
    """A thank-you with no `interviewed_at` that names the interview's date and is itself dated,
    by `sent_at` (an e-mail's Date header) or by a letter's date line."""

    kind = "dated-interview"
    summary = "Checks the interview's date named in the text against the note's own date."
    options = {
        "max_days": Option("int", 1, "latest sending date, in business days after the interview date the text names"),
    }

    def _sent(self, parsed) -> dt.date | None:
        sent = parsed.meta.sent_at
        if sent is not None:
            return _date(sent)
        return letter_date(parsed.text, parsed.layout.start)

    def applicable(self, parsed):
        return parsed.meta.interviewed_at is None and self._sent(parsed) is not None

    def run(self, parsed):
        sent = self._sent(parsed)
        body = parsed.layout.body
        text = parsed.text[body.start : body.end]
        if sent is None or _SAME_DAY.search(text):
            return
        found = interview_date(text, sent)
        if found is None:
            return
        start, end, interviewed = found
        days = (sent - interviewed).days
        # (in business days: a note dated Monday for a Friday interview went out the next working day)
        if business_days_between(interviewed, sent) > self.settings["max_days"]:
            yield Hit(
                body.start + start,
                body.start + end,
                {"days": days, "interviewed": interviewed.isoformat(), "sent": sent.isoformat()},
            )
