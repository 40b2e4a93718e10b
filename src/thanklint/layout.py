"""The parts of a note: greeting, body, sign-off and signature.

Advisers judge a note by its parts (is the greeting named? does thanks open the body?), so
the layout is found once, from the raw lines, before parsing. It also produces the text spaCy
sees: the same length as the content, with HTML comments and quoted reply lines blanked and
hard-wrapped lines inside a paragraph joined, so every offset still points into the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

GREETING_WORDS = (
    r"dear|hi|hello|hey|heya|hiya|yo|sup|howdy|greetings|good\s+(?:morning|afternoon|evening|day)"
    r"|morning|afternoon|evening|to\s+whom\s+it\s+may\s+concern|attn|attention"
)
_GREETING = re.compile(rf"^\s*(?:{GREETING_WORDS})\b", re.I)
#: A bare name line such as "Dana," or "Ms. Whitfield:".
_NAME_GREETING = re.compile(r"^\s*(?:(?:Mr|Mrs|Ms|Mx|Dr|Prof)\.?\s+)?[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,2}\s*[,:]\s*$")
SIGN_OFFS = (
    r"best|best regards|kind regards|warm regards|warmest regards|warmly|regards|many thanks|thanks|thank you|"
    r"thanks again|thank you again|thanks so much|thank you so much|thx|sincerely|sincerely yours|yours sincerely|"
    r"yours truly|yours faithfully|respectfully|respectfully yours|cordially|with gratitude|with appreciation|"
    r"with thanks|with many thanks|gratefully|all the best|best wishes|take care|cheers|later|talk soon|ttyl|"
    r"xo|xoxo|love|peace|yours|with best regards|with kind regards|regards and thanks|thanks and regards|"
    r"best,? and thanks|respectfully submitted|look forward to hearing from you"
)
_SIGN_OFF = re.compile(rf"^\s*(?:{SIGN_OFFS})\s*[,.!-]*\s*$", re.I)
_DEVICE_LINE = re.compile(r"^\s*sent from my\b", re.I)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_QUOTED = re.compile(r"^[ \t]*>.*$", re.M)
_LIST_ITEM = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s")


@dataclass(frozen=True)
class Region:
    """A half-open character range of the content."""

    start: int
    end: int

    def __bool__(self) -> bool:
        return self.end > self.start

    def contains(self, start: int, end: int) -> bool:
        return self.start <= start and end <= self.end


@dataclass(frozen=True)
class Layout:
    greeting: Region
    body: Region
    sign_off: Region
    signature: Region
    paragraphs: tuple[Region, ...]  # body paragraphs

    @property
    def closing(self) -> Region:
        """The sign-off and signature together (whatever follows the body)."""
        start = self.sign_off.start if self.sign_off else self.signature.start
        return Region(start, max(self.sign_off.end, self.signature.end)) if (self.sign_off or self.signature) else Region(0, 0)


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, the end before its newline."""
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def blank_out(text: str) -> str:
    """Replace HTML comments and quoted reply lines by spaces, keeping newlines and length."""

    def spaces(match: re.Match) -> str:
        return re.sub(r"[^\n]", " ", match.group(0))

    return _QUOTED.sub(spaces, _COMMENT.sub(spaces, text))


def _looks_like_signature(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= 5 and not re.search(r"[.!?:;]\s*$", line) and line[:1].isupper()


def find_layout(text: str) -> Layout:
    """Locate greeting, body, sign-off and signature in (blanked) content text."""
    lines = [(s, e) for s, e in _lines(text) if text[s:e].strip()]
    if not lines:
        return Layout(Region(0, 0), Region(0, 0), Region(0, 0), Region(0, 0), ())
    greeting = Region(0, 0)
    first_start, first_end = lines[0]
    first = text[first_start:first_end]
    body_from = 0
    if _GREETING.match(first) or _NAME_GREETING.match(first):
        # "Hi Dana, thank you ..." keeps the body on the greeting line, after the comma.
        comma = re.search(r"[,:;—]|\s-\s", first)
        if comma and first[comma.end():].strip() and len(first[: comma.start()].split()) <= 6:
            greeting = Region(first_start, first_start + comma.end())
        else:
            greeting = Region(first_start, first_end)
            body_from = 1

    sign_off, signature = Region(0, 0), Region(0, 0)
    body_to = len(lines)
    tail = range(len(lines) - 1, max(body_from, len(lines) - 9) - 1, -1)
    for i in tail:
        s, e = lines[i]
        if _SIGN_OFF.match(text[s:e]):
            sign_off = Region(s, e)
            if i + 1 < len(lines):
                signature = Region(lines[i + 1][0], lines[-1][1])
            body_to = i
            break
    else:
        # No sign-off: a short capitalised last line (after a paragraph break) is a bare signature.
        device = [i for i in tail if _DEVICE_LINE.match(text[lines[i][0]:lines[i][1]])]
        last = device[0] - 1 if device else len(lines) - 1
        if last > body_from and _looks_like_signature(text[lines[last][0]:lines[last][1]]):
            gap = text[lines[last - 1][1]:lines[last][0]].count("\n") >= 2
            if gap:
                signature = Region(lines[last][0], lines[-1][1])
                body_to = last
        elif device:
            signature = Region(lines[device[0]][0], lines[-1][1])
            body_to = device[0]

    if greeting and greeting.end < first_end:
        body_start = greeting.end
    elif body_from < len(lines):
        body_start = lines[body_from][0]
    else:
        body_start = len(text)
    body_end = lines[body_to - 1][1] if body_to > body_from else body_start
    body = Region(body_start, max(body_start, body_end))
    return Layout(greeting, body, sign_off, signature, _paragraphs(text, body))


def _paragraphs(text: str, body: Region) -> tuple[Region, ...]:
    out = []
    for m in re.finditer(r"\S(?:.*?\S)?(?=\n[ \t]*\n|\Z)", text[body.start : body.end], re.S):
        out.append(Region(body.start + m.start(), body.start + m.end()))
    return tuple(out)


def parse_text(text: str, layout: Layout) -> str:
    """The text handed to spaCy: blanked, with hard wraps inside body paragraphs joined."""
    chars = list(text)
    for para in layout.paragraphs:
        for m in re.finditer("\n", text[para.start : para.end]):
            at = para.start + m.start()
            following = text[at + 1 : text.find("\n", at + 1) if "\n" in text[at + 1 :] else len(text)]
            if not _LIST_ITEM.match(following):
                chars[at] = " "
    return "".join(chars)
