"""Property-based fuzzing: arbitrary text and bytes, structured drafts and saved e-mail.

Whatever the input, linting never raises or reports an internal error; every span lies inside
the text, with line and column matching its offsets; the JSON report follows the schema; JSON
lines stay one object per line; fixes are idempotent (a second pass finds nothing to fix);
and human output carries no control character but newlines, tabs and our own colours.

The default profile keeps the suite quick. The long one (`make fuzz`, or
`THANKLINT_FUZZ=long python -m pytest tests/test_fuzz.py`) runs 100,000 examples per test
unless `THANKLINT_FUZZ_EXAMPLES` says otherwise (`THANKLINT_FUZZ_PROGRESS` names a file for
the running counts); its results are kept in docs/robustness.md.
"""

from __future__ import annotations

import base64
import json
import os
import quopri
import re

import jsonschema
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from thanklint.api import Report, Session
from thanklint.draft import LineIndex
from thanklint.fixes import converge, fixable, source_text
from thanklint.formatters import FORMATS

settings.register_profile(
    "default",
    max_examples=20,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(  # no shrinking: a failure is reported at once, with the example that failed
    "long",
    max_examples=int(os.environ.get("THANKLINT_FUZZ_EXAMPLES", "100000")),
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
    phases=(Phase.explicit, Phase.generate),
)
settings.load_profile(os.environ.get("THANKLINT_FUZZ", "default"))

SCHEMA = json.loads((ROOT / "src" / "thanklint" / "data" / "report.schema.json").read_text())
#: Built once, the schema checked once: `jsonschema.validate` re-checks the schema itself on
#: every call, which cost more than linting the example.
VALIDATOR = jsonschema.validators.validator_for(SCHEMA)(SCHEMA)
VALIDATOR.check_schema(SCHEMA)
#: Codes a draft may legitimately be refused with; "internal" (a bug) is never one of them.
INPUT_CODES = {"decode", "metadata", "input", "empty", "too-long"}
#: Anything a human format must not print: controls other than newline and tab (our own
#: colours, ESC [ digits m, excepted), DEL, C1 controls, bidi overrides, line separators.
STRAY = re.compile(
    r"(?!\x1b\[[0-9;]*m)[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]"
)
SESSION = Session()  # one warm session: rules and spaCy load once for every example


#: With the long profile, a file where the running count of examples per test is kept, so an
#: interrupted run still says how far it got.
PROGRESS = os.environ.get("THANKLINT_FUZZ_PROGRESS")
COUNTS: dict[str, int] = {}


def _count() -> None:
    test = os.environ.get("PYTEST_CURRENT_TEST", "?").split(" ")[0]
    COUNTS[test] = COUNTS.get(test, 0) + 1
    if PROGRESS and COUNTS[test] % 10 == 0:
        with open(PROGRESS, "w", encoding="utf-8") as handle:
            json.dump(COUNTS, handle)


def lint(path: str, source) -> Report:
    return SESSION.lint([(path, source)])


def check_report(report: Report) -> None:
    """The properties every report must have, whatever went in."""
    _count()
    (result,) = report.files
    if result.error is not None:
        assert result.error.code in INPUT_CODES, result.error
    else:
        text = result.draft.text
        lines = LineIndex(text)
        for f in result.findings:
            assert 0 <= f.start <= f.end <= len(text), f
            assert lines.position(f.start) == (f.line, f.column), f
            assert lines.position(f.end) == (f.end_line, f.end_column), f
    VALIDATOR.validate(json.loads(FORMATS["json"](report)))
    for line in FORMATS["jsonl"](report).splitlines():
        json.loads(line)
    for fmt in ("text", "full", "github"):
        output = FORMATS[fmt](report, colour=True)
        assert not STRAY.search(output), (fmt, output)


def check_fixes_idempotent(path: str, source, report: Report) -> None:
    """After fixing until stable, as `--fix` does on the source as it came (not on the draft's
    text, in which the other parts of a multipart e-mail are blanked), linting the result offers
    no further fix (for drafts that `--fix` may write back: not transfer-encoded, UTF-8)."""
    (result,) = report.files
    if result.error is not None or result.draft.decoded or not fixable(result.findings, True):
        return
    text = source_text(path, source)
    if text is None:
        return

    relinted = {}  # the last pass of `converge` lints the text it returns: no need to lint it again

    def relint(text):
        relinted[text] = SESSION.lint([(path, text)], result.draft.meta).files[0]
        return relinted[text].findings

    after, _ = converge(relint, text, result.findings, unsafe=True)
    again = relinted[after] if after in relinted else SESSION.lint([(path, after)], result.draft.meta).files[0]
    assert again.error is None
    assert not fixable(again.findings, True), [(f.rule_id, f.message) for f in fixable(again.findings, True)]


SUFFIXES = st.sampled_from(["fuzz.md", "fuzz.txt", "fuzz.eml", "fuzz.markdown"])


@given(SUFFIXES, st.text(max_size=400))
def test_arbitrary_text(path, text):
    check_report(lint(path, text))


@given(SUFFIXES, st.binary(max_size=400))
def test_arbitrary_bytes(path, data):
    check_report(lint(path, data))


# Structured drafts ---------------------------------------------------------------------------
NAMES = st.sampled_from(
    [
        "Dana Whitfield",
        "Omar",
        "Ms. Reyes",
        "Dr. Iyer",
        "[Name]",
        "{Company}",
        "%NAME%",
        "Hiring Manager",
        "Zoë",
        "李明",
    ]
)
WORDS = st.sampled_from(
    [
        "thank",
        "you",
        "for",
        "the",
        "interview",
        "i",
        "enjoyed",
        "our",
        "talk",
        "about",
        "billing",
        "migration",
        "recieve",
        "managment",
        "its",
        "a",
        "great",
        "team",
        "!!",
        "excited",
        "role",
        "could",
        "you",
        "let",
        "me",
        "know",
        "when",
        "decision",
        "?",
        "led",
        "five",
        "years",
        "SQL",
        "Northwind",
        "😊",
        "lol",
        "pls",
        "asap",
        "definately",
        "their",
        "is",
        "<Company>",
        "XXX",
        "______",
        "(insert",
        "name)",
        "Mr.",
        "Manager",
        "salary",
        "$90k",
    ]
)
FREE = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)
SENTENCE = st.lists(st.one_of(WORDS, WORDS, WORDS, FREE), min_size=1, max_size=14).map(
    lambda ws: " ".join(ws).strip() + "."
)
PARAGRAPH = st.lists(SENTENCE, min_size=1, max_size=4).map(" ".join)
DIRECTIVE = st.builds(
    "<!-- thanklint: {}={}{} -->".format,
    st.sampled_from(["disable", "enable", "disable-next-line"]),
    st.sampled_from(["tone", "proofreading.spelling", "tone.exclamations,gratitude", "nope.rule", "structure"]),
    st.sampled_from(["", " -- a product name", " -- reason\nover lines"]),
)
META_VALUE = st.one_of(
    NAMES,
    FREE,
    st.sampled_from(
        [
            "2026-11-24",
            "2026-11-24T15:00",
            "9999-12-31",
            "0001-01-01",
            "2026-02-30",
            "[a, b]",
            "{x: 1}",
            "&a x",
            "*a",
            "",
        ]
    ),
)
FRONT_MATTER = st.lists(
    st.tuples(
        st.sampled_from(
            [
                "kind",
                "recipient",
                "interviewers",
                "company",
                "role",
                "interviewed_at",
                "sent_at",
                "topics",
                "subject",
                "sender",
                "decision_date",
                "terms",
                "unknown",
            ]
        ),
        META_VALUE,
    ),
    max_size=5,
).map(lambda pairs: "---\n" + "".join(f"{k}: {v}\n" for k, v in pairs) + "---\n")
GREETING = st.one_of(
    NAMES.map("Hi {},".format),
    NAMES.map("Dear {}:".format),
    st.sampled_from(["Hey,", "To whom it may concern,", "", "Hi there!"]),
)
SIGN_OFF = st.one_of(st.sampled_from(["Best,", "Thanks!", "Sincerely,", "Cheers", "Kind regards,", "xoxo", ""]), FREE)


@st.composite
def drafts(draw) -> str:
    parts = []
    if draw(st.booleans()):
        parts.append(draw(FRONT_MATTER))
    parts.append(draw(GREETING))
    for _ in range(draw(st.integers(0, 4))):
        if draw(st.integers(0, 4)) == 0:
            parts.append(draw(DIRECTIVE))
        parts.append(draw(PARAGRAPH))
    parts.append(draw(SIGN_OFF))
    parts.append(draw(st.one_of(NAMES, st.just(""))))
    breaks = draw(
        st.lists(
            st.sampled_from(["\n", "\n\n", " \n\n", "\r\n", "\r\n\r\n", "\r", "\n\t\n"]),
            min_size=len(parts),
            max_size=len(parts),
        )
    )
    return "".join(p + b for p, b in zip(parts, breaks))


@given(st.sampled_from(["fuzz.md", "fuzz.txt"]), drafts())
def test_structured_drafts(path, text):
    report = lint(path, text)
    check_report(report)
    check_fixes_idempotent(path, text, report)


# Saved e-mail --------------------------------------------------------------------------------
HEADER_VALUES = st.one_of(
    NAMES.map("{} <dana@example.com>".format),
    st.sampled_from(
        [
            "a@",
            ".<>",
            ":;<>",
            "=?utf-8?b?w6k=?= <x@y>",
            "=?bogus?q?x?=",
            "Mon, 24 Nov 2026 15:00 +0000",
            "not a date",
            "",
        ]
    ),
    FREE,
)
CHARSETS = st.sampled_from(["utf-8", "latin-1", "iso-2022-jp", "utf-16", "bogus-charset", "us-ascii"])


def _encode(body: str, charset: str, encoding: str) -> tuple[str, bytes]:
    try:
        raw = body.encode(charset)
    except (LookupError, UnicodeEncodeError):
        raw = body.encode("utf-8")
    if encoding == "base64":
        return encoding, base64.encodebytes(raw)
    if encoding == "quoted-printable":
        return encoding, quopri.encodestring(raw)
    return encoding, raw


@st.composite
def emails(draw) -> bytes:
    headers = [
        f"{name}: {draw(HEADER_VALUES)}"
        for name in draw(st.lists(st.sampled_from(["To", "From", "Subject", "Date", "Cc"]), max_size=5))
    ]
    body = draw(drafts())
    charset = draw(CHARSETS)
    encoding, payload = _encode(body, charset, draw(st.sampled_from(["7bit", "8bit", "base64", "quoted-printable"])))
    part_headers = f"Content-Type: text/plain; charset={charset}\r\nContent-Transfer-Encoding: {encoding}\r\n"
    if draw(st.booleans()):
        boundary = draw(st.sampled_from(["b1", "=_x", "broken boundary"]))
        html = f"--{boundary}\r\nContent-Type: text/html\r\n\r\n<p>{body[:40]}</p>\r\n".encode("utf-8", "replace")
        content = (
            f'MIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary="{boundary}"\r\n\r\n'.encode()
            + html
            + f"--{boundary}\r\n{part_headers}\r\n".encode()
            + payload
            + f"\r\n--{boundary}--\r\n".encode()
        )
    else:
        content = f"MIME-Version: 1.0\r\n{part_headers}\r\n".encode() + payload
    return "\r\n".join(headers).encode("utf-8", "surrogateescape") + (b"\r\n" if headers else b"") + content


@given(emails())
@example(  # found by the long profile: fixes were once checked on the draft's blanked text
    data=b"Subject: =?utf-8?b?w6k=?= <x@y>\r\nTo: \xc2\x94\x05\xc2\x82\xc3\xa2\r\nSubject: {Company} <dana@example.com>\r\n"
    b'Cc: not a date\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary="=_x"\r\n\r\n'
    b"--=_x\r\nContent-Type: text/html\r\n\r\n<p>Dear Hiring Manager:\n\nxoxo \n\n{Company}\n\n</p>\r\n--=_x\r\n"
    b"Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
    b"Dear Hiring Manager:\n\nxoxo \n\n{Company}\n\n\r\n--=_x--\r\n"
)
def test_saved_email(data):
    report = lint("fuzz.eml", data)
    check_report(report)
    check_fixes_idempotent("fuzz.eml", data, report)
