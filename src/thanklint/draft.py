"""Reading drafts: plain text, Markdown with YAML front matter, saved e-mail, or stdin.

A `Draft` keeps the decoded file text (a leading BOM dropped) so that every offset a check
reports refers to the file the user sees. Only `text[content_start:]` (after front matter or
headers) is ever parsed.
"""

from __future__ import annotations

import bisect
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from . import metadata as md
from . import yamltext
from .errors import DraftError, shown
from .greetings import RUN_IN_GREETING

if TYPE_CHECKING:
    from email.message import Message

DRAFT_SUFFIXES = (".txt", ".md", ".markdown", ".eml")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M)


@dataclass(frozen=True)
class Draft:
    """One note as read from disk or stdin, with its metadata split off."""

    path: str
    text: str
    content_start: int
    meta: md.Metadata
    format: str  # "txt", "md" or "eml"
    #: For an e-mail body saved quoted-printable or base64: the encoding. Its decoded text then
    #: stands after the headers in `text`, so positions refer to that text, not to the file.
    transfer_encoding: str | None = None
    #: Tracked by git and unchanged since the last commit: a note already sent, not judged
    #: against the clock when it has no `sent_at`.
    committed: bool = False

    @property
    def content(self) -> str:
        return self.text[self.content_start :]

    @property
    def decoded(self) -> bool:
        """Whether positions refer to a decoded body rather than to the file as saved."""
        return self.transfer_encoding is not None


#: Line endings as editors count them: CRLF, LF, and a lone CR (old Mac files, some pastes).
LINE_BREAK = re.compile(r"\r\n|\r|\n")


def split_lines(text: str) -> list[str]:
    """The lines of `text` without their endings, numbered as `LineIndex` numbers them."""
    return LINE_BREAK.split(text)


class LineIndex:
    """Convert 0-based code-point offsets into 1-based line and column numbers."""

    def __init__(self, text: str):
        self._starts = [0] + [m.end() for m in LINE_BREAK.finditer(text)]

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1


def decode(data: bytes, where: str, charset: str = "utf-8") -> str:
    """Decode bytes, naming the file and the offending byte when they are not valid text."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) and charset.lower().replace("-", "").replace("_", "") == "utf8":
        raise DraftError(
            "decode", f"{where}: the file is UTF-16 text (it starts with a UTF-16 byte order mark); save it as UTF-8"
        )
    try:
        text = data.decode(charset)
    except (UnicodeDecodeError, LookupError) as exc:
        if isinstance(exc, LookupError):
            raise DraftError("decode", f"{where}: unknown character set {shown(charset)}") from None
        raise DraftError(
            "decode", f"{where}: not valid {charset} text (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from None
    return text[1:] if text.startswith("\ufeff") else text


def split_front_matter(text: str, where: str) -> tuple[md.Metadata, int]:
    """Return the metadata of a leading `---` block and the offset where the content starts."""
    match = _FRONT_MATTER.match(text)
    if not match:
        if re.match(r"\A---[ \t]*\r?\n", text):
            raise DraftError("metadata", f"{where}:1: front matter opened with '---' is never closed with a '---' line")
        return md.Metadata(), 0
    try:
        data = yamltext.load(match.group(1), yamltext.PlainLoader)
    except yaml.YAMLError as exc:
        number, problem = yamltext.problem(exc)
        line = f":{number + 1}" if number is not None else ""  # the block starts on line 2
        if problem.startswith("mapping values are not allowed"):  # "subject: Re: Thank you"
            problem += '; put quotes around a value that holds ": " (subject: "Re: Thank you")'
        raise DraftError("metadata", f"{where}{line}: front matter is not valid YAML: {problem}") from None
    return md.from_mapping(data, f"{where}: front matter"), match.end()


def _plain_part(message: Message) -> Message | None:
    if message.is_multipart():
        for part in message.walk():
            if part.get_content_type() == "text/plain" and part.get_content_disposition() != "attachment":
                return part
        return None
    return message if message.get_content_maintype() == "text" else None


#: Words of a shared mailbox's display name ("Recruitment", "Careers Team", "HR Department", "No
#: Reply"): a name made of them alone names no person, so it is not the recipient a greeting
#: must match (a person's name may hold one: "Steve Jobs").
_MAILBOX_WORDS = frozenset(
    "recruitment recruiting recruiter recruiters careers jobs hr hiring talent team people office admin "
    "administration info enquiries inquiries reception applications vacancies department support "
    "contact noreply no reply human resources the and of".split()
)


def _mailbox(name: str) -> bool:
    words = re.sub(r"[^\w\s]", " ", name.lower()).split()
    return bool(words) and all(word in _MAILBOX_WORDS for word in words)


def _email_metadata(message: Message, where: str) -> md.Metadata:
    """Metadata from the headers (parsed with the modern policy, which decodes encoded words);
    a header the mail parser cannot read is an error naming it."""
    from email.utils import getaddresses, parseaddr, parsedate_to_datetime

    headers = {}
    for header in ("To", "Subject", "Date"):  # each parsed once: the mail parser's headers are slow
        try:
            headers[header] = str(message.get(header, ""))
        except Exception as exc:  # noqa: BLE001 - the mail parser raises IndexError, AttributeError...
            raise DraftError("metadata", f"{where}: header '{header}' is malformed ({type(exc).__name__})") from None
    values: dict = {}
    # A message to several people (a panel) is for each of them: the first is the recipient,
    # and a greeting may name any of them. (A comma left unquoted in a name, "Ruiz, Ana <...>",
    # splits one address in two: then the header is read as one address, as it always was.)
    addresses = getaddresses([headers["To"]])
    if any("@" not in address for _name, address in addresses):
        addresses = [parseaddr(headers["To"])]
    people = [name for name, _address in addresses if name and not _mailbox(name)]
    if people:
        values["recipient"] = people[0]
    if len(people) > 1:
        values["interviewers"] = tuple(people)
    if headers["Subject"]:
        values["subject"] = headers["Subject"]
    if headers["Date"]:
        try:
            values["sent_at"] = parsedate_to_datetime(headers["Date"])
        except (TypeError, ValueError):
            raise DraftError(
                "metadata", f"{where}: header 'Date' is not a valid date: {shown(headers['Date'])}"
            ) from None
    return md.Metadata(**values)


def read_email(data: bytes, path: str, sidecar: Path | None) -> Draft:
    """Read a saved `.eml`: headers give recipient, subject and date; the text/plain part is the body."""
    data = data.removeprefix(b"\xef\xbb\xbf")  # else the mail parser takes the BOM for part of the first header
    raw = decode(data, path, "utf-8") if _is_utf8(data) else data.decode("latin-1")
    from email.parser import BytesHeaderParser, BytesParser
    from email.policy import compat32, default

    # The parts are found with the legacy policy: the modern one builds a parsed object for
    # every header it is asked for (content types, encodings), three times the work of reading
    # the mail. Only the metadata headers are parsed with the modern policy.
    message = BytesParser(policy=compat32).parsebytes(data)
    header_end = re.search(r"\r?\n\r?\n", raw)
    if header_end is None:
        raise DraftError("input", f"{path}: no blank line after the e-mail headers, so no body was found")
    part = _plain_part(message)
    if part is None:
        raise DraftError("input", f"{path}: the e-mail has no text/plain part to check")
    encoding = str(part.get("Content-Transfer-Encoding", "7bit")).lower()
    start, encoded = header_end.end(), None
    if part is message and encoding in ("7bit", "8bit", "binary"):
        text = raw  # the body stands in the file as it is: offsets are exact
    elif encoding in ("7bit", "8bit", "binary") and (found := _verbatim_part(raw, part, start)) is not None:
        start, end = found  # one part of several, not encoded: keep offsets exact, blank the rest
        text = raw[:end] + re.sub(r"[^\r\n]", " ", raw[end:])
    else:
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes):  # None when there is nothing to decode
            payload = b""
        body = decode(payload, path, part.get_content_charset() or "utf-8")
        text, encoded = raw[:start] + body, encoding
    meta = _email_metadata(BytesHeaderParser(policy=default).parsebytes(data), path)
    if sidecar is not None and sidecar.is_file():
        side = decode(read_capped(str(sidecar), "unreadable"), str(sidecar))
        try:
            data_side = yamltext.load(side, yamltext.PlainLoader)
        except yaml.YAMLError as exc:
            number, problem = yamltext.problem(exc)
            raise DraftError(
                "metadata", f"{sidecar}{f':{number}' if number else ''}: not valid YAML: {problem}"
            ) from None
        meta = md.from_mapping(data_side, str(sidecar)).merged(meta)
    return Draft(path, text, start, meta, "eml", encoded)


def _verbatim_part(raw: str, part: Message, after: int) -> tuple[int, int] | None:
    """Where a part's undecoded body stands in the file, if it can be found there."""
    payload = part.get_payload(decode=False)
    if not isinstance(payload, str) or not payload.strip():
        return None
    at = raw.find(payload, after)
    return None if at < 0 else (at, at + len(payload))


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def read_text(text: str, path: str = "-", *, suffix: str | None = None) -> Draft:
    """Build a draft from text already in memory (stdin, editors, the Python API)."""
    suffix = (suffix or os.path.splitext(path)[1]).lower()
    text = text.removeprefix("\ufeff")  # as when the same text is read from a file
    if suffix == ".eml":
        return read_email(text.encode("utf-8"), path, None)
    meta, start = split_front_matter(text, path)
    if meta.subject is None and (pasted := pasted_subject(text[start:])):
        meta = replace(meta, subject=pasted)
    return Draft(path, text, start, meta, "md" if suffix in (".md", ".markdown") else "txt")


_PASTED_HEADER = re.compile(r"[ \t]*(subject|re|to|from|cc|bcc|date)[ \t]*:[ \t]*(.*)", re.I)
#: A subject line in e-mail headers, front matter or pasted above a note; group 1 is its text.
#: The text is a run ending in a non-space ([^\S\n] would let spaces be shared between the
#: optional text and the trailing spaces, which backtracks quadratically on a line of spaces).
SUBJECT_LINE = re.compile(r"^[ \t]*subject[ \t]*:[ \t]*((?:[^\s][^\n]*)?(?<=\S)|)[ \t\r]*$", re.I | re.M)


def pasted_subject(content: str) -> str | None:
    """The subject of e-mail headers pasted above a plain-text note ("Subject: Thank you")."""
    for line in content.lstrip("\r\n").splitlines():
        header = _PASTED_HEADER.fullmatch(line)
        if header is None:
            return None
        if header.group(1).lower() == "subject" and header.group(2).strip():
            # (the note may run on after it: "Subject: Thank you Dear Ms. Li, thank you ...")
            run_in = RUN_IN_GREETING.search(header.group(2))
            return header.group(2)[: run_in.start() if run_in else None].strip() or None
    return None


def read_path(path: str) -> Draft:
    """Read a draft file; any failure is a `DraftError` naming the file."""
    return read_bytes(read_capped(path), path, Path(path).with_suffix(".yaml"))


#: Bytes read from one file at most: far beyond any note (spaCy refuses a million characters),
#: so that an endless or enormous file is refused as `too-long` instead of filling memory.
MAX_BYTES = 4_000_000


def read_capped(path: str, denied: str = "unreadable", limit: int = MAX_BYTES) -> bytes:
    """A regular file's bytes, at most `limit`; FIFOs and devices are refused, never opened
    (a FIFO with no writer would block forever). Every failure is a `DraftError` naming the file."""
    try:
        if os.path.isdir(path):
            raise DraftError("input", f"{path}: is a folder")
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise DraftError("input", f"{path}: is not a regular file (a FIFO, socket or device); pipe it to - instead")
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise DraftError("not-found", f"{path}: no such file") from None
    except OSError as exc:
        raise DraftError(denied, f"{path}: cannot be read: {exc.strerror or exc}") from None
    if len(data) > limit:
        raise DraftError("too-long", f"{path}: more than {limit:,} bytes is longer than a note can be")
    return data


def read_bytes(data: bytes, path: str = "-", sidecar: Path | None = None) -> Draft:
    """Build a draft from raw bytes (a file's or stdin's), decoded by its format's rules."""
    if len(data) > MAX_BYTES:
        raise DraftError("too-long", f"{path}: more than {MAX_BYTES:,} bytes is longer than a note can be")
    if os.path.splitext(path)[1].lower() == ".eml":
        return read_email(data, path, sidecar)
    return read_text(decode(data, path), path)


class RealPaths(dict):
    """`os.path.realpath` of files, each folder resolved once: a folder of hundreds of drafts
    costs one walk up its path, not one per draft. A file that is itself a link is resolved
    whole."""

    def __call__(self, path: str) -> str:
        if os.path.islink(path):
            return os.path.realpath(path)
        folder, name = os.path.split(path)
        if folder not in self:
            self[folder] = os.path.realpath(folder or os.curdir)
        return os.path.join(self[folder], name)


def walk(
    paths: list[str],
    suffixes: Callable[[str], tuple[str, ...]] = lambda folder: DRAFT_SUFFIXES,
    problems: dict[str, DraftError] | None = None,
) -> list[str]:
    """Expand folders into the draft files below them (hidden folders skipped), in a stable order.

    `suffixes(folder)` says which file endings count as drafts there; files named directly are
    always taken. Inside folders only regular files are taken (a FIFO named `x.md` would block
    the run). A folder that cannot be listed is kept in the list, its error in `problems`."""
    found: list[str] = []
    problems = {} if problems is None else problems

    def unlistable(exc: OSError) -> None:
        folder = exc.filename or path
        problems[folder] = DraftError("unreadable", f"{folder}: the folder cannot be listed: {exc.strerror or exc}")
        found.append(folder)

    for path in paths:
        if path != "-" and os.path.isdir(path):
            for root, dirs, files in os.walk(path, onerror=unlistable):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                wanted = tuple(s.lower() for s in suffixes(root))
                found.extend(
                    os.path.join(root, f)
                    for f in sorted(files)
                    if f.lower().endswith(wanted) and not f.startswith(".") and os.path.isfile(os.path.join(root, f))
                )
        else:
            found.append(path)
    seen: set[str] = set()
    unique = []
    real = RealPaths()
    for path in found:  # a file named twice (directly and through its folder) is linted once
        key = path if path == "-" else real(path)
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique
