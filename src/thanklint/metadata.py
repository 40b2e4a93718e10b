"""Draft metadata: the keys a writer may state about the interview, validated strictly.

Metadata comes from YAML front matter, `.eml` headers plus a sidecar `<draft>.yaml`, and
defaults in the configuration. Every rule works without it; metadata only adds checks.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from typing import Any

from .errors import DraftError, did_you_mean, shown

KINDS = ("thank-you", "follow-up")


@dataclass(frozen=True)
class Metadata:
    """What the writer knows about the interview. Dates are `datetime`; date-only values are kept
    as `date` so that timing can give a date-only interview the benefit of the whole day."""

    kind: str | None = None
    recipient: str | None = None
    interviewers: tuple[str, ...] = ()
    company: str | None = None
    role: str | None = None
    interviewed_at: dt.datetime | dt.date | None = None
    sent_at: dt.datetime | dt.date | None = None
    topics: tuple[str, ...] = ()
    subject: str | None = None
    sender: str | None = None
    decision_date: dt.datetime | dt.date | None = None
    #: Extra words the spelling check accepts (names of products, places, people).
    terms: tuple[str, ...] = field(default=())

    def names(self) -> list[str]:
        """Every person and organisation named in the metadata (never reported as misspelt)."""
        found = [self.recipient, self.company, self.role, self.sender, *self.interviewers, *self.topics, *self.terms]
        return [n for n in found if n]

    def merged(self, other: Metadata) -> Metadata:
        """Return these values with `other`'s filled in where these are unset."""
        values = {}
        for f in fields(self):
            mine = getattr(self, f.name)
            values[f.name] = mine if mine not in (None, ()) else getattr(other, f.name)
        return Metadata(**values)


KEYS = tuple(f.name for f in fields(Metadata))
_STRINGS = ("recipient", "company", "role", "subject", "sender")
_LISTS = ("interviewers", "topics", "terms")
_DATES = ("interviewed_at", "sent_at", "decision_date")


def parse_date(value: Any, key: str, where: str) -> dt.datetime | dt.date:
    """Accept ISO 8601 with or without time and zone (YAML may already have parsed it)."""
    if isinstance(value, dt.datetime | dt.date):
        return value
    if isinstance(value, str):
        text = value.strip().replace("Z", "+00:00")
        try:
            if len(text) == 10:
                return dt.date.fromisoformat(text)
            return dt.datetime.fromisoformat(text)
        except ValueError:
            pass
    raise DraftError("metadata", f"{where}: metadata key '{key}': not an ISO 8601 date or date-time: {shown(value)}")


def from_mapping(data: Any, where: str) -> Metadata:
    """Validate a mapping of metadata keys; unknown keys and wrong types name the key."""
    if data is None:
        return Metadata()
    if not isinstance(data, dict):
        raise DraftError("metadata", f"{where}: metadata must be a mapping of keys, not {type(data).__name__}")
    values: dict[str, Any] = {}
    for key, value in data.items():
        key = str(key)
        if key not in KEYS:
            extra = did_you_mean(key, KEYS, f"; known keys: {', '.join(KEYS)}")
            raise DraftError("metadata", f"{where}: unknown metadata key {shown(key)}{extra}")
        if value is None:
            continue
        if key == "kind":
            if value not in KINDS:
                raise DraftError(
                    "metadata", f"{where}: metadata key 'kind': expected one of {', '.join(KINDS)}, got {shown(value)}"
                )
            values[key] = value
        elif key in _STRINGS:
            if not isinstance(value, str | int | float):
                raise DraftError(
                    "metadata", f"{where}: metadata key '{key}': expected text, got {type(value).__name__}"
                )
            values[key] = str(value).strip()
        elif key in _LISTS:
            items = [value] if isinstance(value, str) else value
            if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
                raise DraftError("metadata", f"{where}: metadata key '{key}': expected a list of text")
            values[key] = tuple(i.strip() for i in items if i.strip())
        elif key in _DATES:
            values[key] = parse_date(value, key, where)
    return Metadata(**values)


def as_datetime(value: dt.datetime | dt.date, *, end_of_day: bool) -> dt.datetime:
    """Turn a date into a date-time; a date-only interview counts as lasting the whole day."""
    if isinstance(value, dt.datetime):
        return value
    clock = dt.time(23, 59) if end_of_day else dt.time(0, 0)
    return dt.datetime.combine(value, clock)


def hours_between(start: dt.datetime, end: dt.datetime) -> float:
    """Hours from `start` to `end`; a value without a zone is read in the other's zone."""
    if (start.tzinfo is None) != (end.tzinfo is None):
        zone = start.tzinfo or end.tzinfo
        start, end = start.replace(tzinfo=start.tzinfo or zone), end.replace(tzinfo=end.tzinfo or zone)
    return (end - start).total_seconds() / 3600
