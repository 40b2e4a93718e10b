"""Telling a thank-you note from a follow-up when the metadata does not say.

The norms differ (a follow-up may ask about timing, must not come too soon), so the kind
decides which rules apply. The signals are phrases of each genre, weighed against each other.
"""

from __future__ import annotations

import re

_FOLLOW_UP = [
    r"\bfollow(?:ing)?[- ]?up (?:on|regarding|about) (?:my|the|our) (?:interview|application|candidacy|conversation)\b(?![^.]*\b(?:yesterday|today|this (?:morning|afternoon)|earlier today)\b)",
    r"\bcheck(?:ing)? in (?:on|about|regarding)\b",
    r"\b(?:any|an) (?:update|news)\b",
    r"\bstatus of (?:my|the)\b",
    r"\bwhere things stand\b",
    r"\b(?:decision|hiring) (?:timeline|process)\b|\btimeline\b",
    r"\b(?:it has|it's) been (?:a|about|over|more than|nearly|almost|two|three|\d+) (?:week|weeks|days)\b",
    r"\b(?:haven't|have not|hadn't) (?:yet )?heard\b",
    r"\b(?:last|past|two|three|a few) weeks? ago\b|\bon (?:monday|tuesday|wednesday|thursday|friday) (?:of )?last week\b",
    r"\bsince (?:we|our) (?:last )?(?:spoke|met|interview|conversation)\b",
    r"\bstill (?:very |keenly |highly )?(?:interested|keen|excited)\b",
]
_THANK_YOU = [
    r"\bthank(?:s| you)(?: so much| very much)? for (?:taking|the time|your time|meeting|speaking|talking|interviewing|the (?:opportunity|chance|conversation|interview))",
    r"\b(?:today|yesterday|this (?:morning|afternoon))\b",
    r"\b(?:enjoyed|loved) (?:meeting|speaking|talking|our|learning|hearing)\b",
    r"\b(?:great|a pleasure|wonderful|nice) (?:to meet|meeting|speaking|talking)\b",
]


def infer_kind(body: str, subject: str | None = None) -> str:
    """'follow-up' when its signals outweigh a thank-you's, else 'thank-you'."""
    text = body.lower()
    follow = sum(1 for p in _FOLLOW_UP if re.search(p, text))
    thanks = sum(1 for p in _THANK_YOU if re.search(p, text))
    if subject and re.search(r"\bfollow(?:ing)?[- ]?up\b|\bchecking in\b|\bstatus\b|\bupdate\b", subject, re.I):
        follow += 1
    return "follow-up" if follow >= 2 and follow > thanks else "thank-you"
