"""The parts of a note: greeting, body, sign-off and signature.

Advisers judge a note by its parts (is the greeting named? does thanks open the body?), so
the layout is found once, from the raw lines, before parsing. It also produces the text spaCy
sees: the same length as the content, with HTML comments and quoted reply lines blanked and
hard-wrapped lines inside a paragraph joined, so every offset still points into the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import lazyregex
from .greetings import GREETING_WORDS, RUN_IN_GREETING
from .note_kind import infer_kind
from .residue import TIP_LABEL

_GREETING = lazyregex.compile(rf"^\s*(?:{GREETING_WORDS})\b|^\s*to\s+(?:the\s+)?[\w'’ /-]{{2,40}}[,:]\s*$", re.I)
#: The greeting at the head of a line that runs on without a comma: "hi sarah thank you ...",
#: "Dear Dr. Ferreira thank you ...", "Hey Marco!! Thanks heaps ...", "Heyy Lou and Marcus!! thanks".
_GREETING_HEAD = lazyregex.compile(
    rf"^\s*(?i:{GREETING_WORDS})(?:\s+(?i:mr|mrs|ms|mx|dr|prof|miss|ma['’]?am|sir|madam)\.?)?"
    # (a capitalised word that opens the text is no part of the name: "Dear Mr. Lewis Thank you ...")
    r"(?:(?:\s+(?!(?:Thank|Thanks|Thx|Thankyou|I|I'm|I’m|Im|It|It's|It’s|Its|Just|Sorry|Following)\b)[A-Z][\w'’-]*){1,3}"
    # (two readers: "Heyy Lou and Marcus!! thanks ...")
    r"(?:\s+(?:and|&)\s+(?!(?:I|I'm|I’m|Im|Thank|Thanks)\b)[A-Z][\w'’-]*)?"
    r"|\s+(?!(?:thank|thanks|thx|i|it|just|we|my|this|hope|quick|and|so|did|do|does|is|are"
    r"|was|were|have|has|had|can|could|would|will|u|you|ur|any|how|what|when|where|why|who|there|sorry|wanted|got"
    r"|its|it's|im|i'm|me)\b)"
    r"[a-z][\w'’-]*)?"
    r"\s*[!.,:;—-]*(?=\s+\S)"
)
#: A greeting word and the word after it: "hi sorry ...", "hey just ...".
_GREETING_THEN_WORD = lazyregex.compile(rf"\s*(?P<word>(?i:{GREETING_WORDS}))\s+(?P<next>[\w'’]+)")
#: A short first line ending in a comma: "Dana,", "Ms. Whitfield:", "Kia ora Aroha,", "Namaste Priya,".
_NAME_GREETING = lazyregex.compile(r"^\s*[A-Z][\w'’.-]*(?:\s+[\w'’.-]+){0,3}\s*[,:]\s*$")
#: What follows the first comma of a greeting line that lists people: "Dear Ms Tran, Mr Whitlock and Dr Haldane,".
_NAME_WORD = r"(?:[A-Z][\w'’.-]*|and|&)"
_MORE_NAMES = lazyregex.compile(rf"\s*{_NAME_WORD}(?:(?:,\s*|\s+){_NAME_WORD})*\s*[,:]?\s*")
#: One half of a sign-off joined by "and": "with thanks", "best wishes", "kind regards".
_CLOSING_PART = (
    r"(?:(?:many|warm|warmest|kind|kindest|best|sincere|heartfelt) )?(?:thanks|regards|wishes|appreciation|gratitude)"
)
SIGN_OFFS = (
    r"best|best regards|kind regards|warm regards|warmest regards|warmly|regards|many thanks|thanks|thank you|"
    r"thanks again|thank you again|thanks so much|thank you so much|thx|sincerely|sincerely yours|yours sincerely|"
    r"yours truly|yours faithfully|respectfully|respectfully yours|cordially|with gratitude|with appreciation|"
    r"with thanks|with many thanks|gratefully|all the best|best wishes|take care|cheers|later|talk soon|ttyl|"
    r"xo|xoxo|love|peace|yours|with best regards|with kind regards|regards and thanks|thanks and regards|"
    r"best,? and thanks|respectfully submitted|look forward to hearing from you|"
    r"with (?:warm|warmest|kind|kindest|best|sincere) (?:regards|wishes|thanks)|warm wishes|kindest regards|"
    r"yours respectfully|with respect|thanking you|is mise le meas|le meas|ng[aā] mihi(?: nui)?|cheerio|thanks & regards|"
    r"thanks and best regards|thanks & best regards|best rgds|rgds|many thanks again|with appreciation and regards|"
    # any pair joined by "and": "With thanks and best wishes", "Warm wishes and many thanks"
    rf"(?:with )?{_CLOSING_PART}(?: (?:and|&) {_CLOSING_PART})+"
)
_SIGN_OFF = lazyregex.compile(rf"^\s*(?:{SIGN_OFFS})\s*[,.!-]*\s*$", re.I)
_NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}"
#: A name with its role or firm in brackets after it: "Aoife (Talent team, Brightmoor)".
_NAME_AND_ROLE = rf"{_NAME}(?:\s*\([^()\n]{{1,60}}\))?"
#: "Best, Sam" on one line, or "... hear from you soon. Best, Sam" at the end of the last line.
_SIGN_OFF_AND_NAME = lazyregex.compile(rf"^\s*(?P<off>(?i:{SIGN_OFFS})\s*[,.!-]*)\s*(?P<name>{_NAME_AND_ROLE})\s*$")
_SIGN_OFF_AT_END = lazyregex.compile(
    rf"(?<=[.!?])\s+(?P<off>(?i:best|best regards|kind regards|warm regards|regards|sincerely|yours sincerely|yours truly"
    rf"|yours faithfully|respectfully|cheers|thanks|thank you|thanks again|thank you again|many thanks|all the best"
    rf"|best wishes|thanks and regards)"
    rf"\s*[,.!-]*)\s*(?P<name>{_NAME_AND_ROLE})?\s*$"
)
#: "– Paulo" or "-Sam": a dashed signature on the last line.
_DASH_SIGNATURE = lazyregex.compile(rf"^\s*[-–—~]\s*{_NAME}\s*$")
#: "... hope to hear back soon. - Grace": the same at the end of the last line of the body.
#: (the name ends in a letter: not "I can work Mon. - Fri.")
_DASH_SIGNATURE_AT_END = lazyregex.compile(rf"(?<=[.!?])\s+(?P<signature>[-–—~]\s*(?P<name>{_NAME}(?<=[^\W\d_])))\s*$")
_DEVICE_LINE = lazyregex.compile(r"^\s*sent from my\b", re.I)
#: Bold or italic text (`**bold**`, `__bold__`, `*italic*`, `_italic_`) within one line and
#: without the marker's character inside, so each marker is scanned only up to the next one:
#: linear on a line full of `**`. A single marker stands outside words ("file_name_here" and
#: "2*3*4" are left alone).
_EMPHASIS = lazyregex.compile(
    r"\*\*(?=\S)([^\n*]{1,500}?)(?<=\S)\*\*|__(?=\S)([^\n_]{1,500}?)(?<=\S)__"
    r"|(?<![*\w])\*(?=[^\s*])([^\n*]{1,500}?)(?<=[^\s*])\*(?![*\w])"
    r"|(?<![_\w])_(?=[^\s_])([^\n_]{1,500}?)(?<=[^\s_])_(?![_\w])"
)
#: A Markdown link, `[the capstone notebook](https://...)`: its words are part of the sentence,
#: its address is not.
_LINK = lazyregex.compile(r"\[([^\[\]\n]{1,200})\]\((?:[a-z][a-z0-9+.-]*:|www\.|/|#)[^()\s]{0,500}\)", re.I)
_QUOTED = lazyregex.compile(r"^[ \t]*>.*$", re.M)
#: A Markdown heading that titles a message without asking anything ("# Thank you!", not "#
#: Status of my take-home?").
_TITLE_HEADING = lazyregex.compile(r"#{1,6}\s[^\n]*[^?\s]\s*$")
#: A template's tip set out as a quote ("> tip: keep it short").
_QUOTED_TIP = lazyregex.compile(rf"[ \t]*>[ \t>]*{TIP_LABEL}", re.I)
_QUOTE_MARKER = lazyregex.compile(r"^[ \t]*(?:>[ \t]?)+", re.M)
#: The time stamp and sender a chat program puts before each message of a copied conversation:
#: "[14:32, 05/03/2026] Rafael Nunes: ", "[05/03/2026, 2:32 PM] Rafael: ", "05/03/2026, 14:32 - Rafael: ".
_DATE = r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}"
_TIME = r"\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?"
_CHAT_PREFIX = lazyregex.compile(
    rf"^[ \t]*(?:\[(?:{_TIME},\s*{_DATE}|{_DATE},?\s*{_TIME})\]|{_DATE},?\s*{_TIME}\s+[-–])[ \t]*[^:\n]{{1,40}}:[ \t]",
    re.M,
)
#: The sender and time a chat program shows on a line above a copied message: "Thiago Moreira,
#: 18:22", "Hoa Tran 19:04", "Kofi · 7:15 PM" (a name, then a time, and nothing else).
_CHAT_HEADER = lazyregex.compile(
    rf"^[ \t]*[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){{0,3}}[ \t]*[,·•|-]?[ \t]*(?:{_DATE},?[ \t]*)?{_TIME}[ \t]*$",
    re.M,
)
#: A line that introduces the note below it, as a writing assistant or a page does: "Sure!
#: Here's a professional thank-you email you can send after your interview:".
_PREAMBLE = lazyregex.compile(
    r"^\s*(?:(?:sure|certainly|absolutely|of course|here you go)\b[!,.\s—–-]*)?(?:here(?:'s|’s|\s+is)|below\s+is)\b"
    r"[^\n]{0,120}?\b(?:e-?mail|note|message|letter|draft|template|version|sample)\b[^\n]{0,80}:\s*$",
    re.I,
)
#: Pasted headers and page scaffolding above a note: "Subject line: ...", "Email text:", "RE: ...".
_HEADER = lazyregex.compile(
    r"^\s*(?:(?:subject(?:\s+line)?|re|fwd?|to|from|cc|bcc|date|sent|e-?mail(?:\s+(?:text|body|subject|message))?"
    r"|message|body|text|letter|begin\s+forwarded\s+message"
    # a calendar invitation pasted above the note ("When: Thursday ...", "Organizer: Lopez, Dana")
    r"|when|where|organi[sz]er|location|(?:required\s+|optional\s+)?attendees|meeting\s+id|passcode)\s*:"
    r"|-{2,}\s*(?:original|forwarded)\s+message\s*-{2,}\s*$)",  # a mail program's separator above pasted headers
    re.I,
)
_DATE_LINE = lazyregex.compile(
    r"^\s*(?:\w+,?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+\w+\.?,?\s+\d{4}|\w+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4})\.?\s*$"
)
#: Lines of an address or letter head: a street ending in "St.", a firm ending in "Inc.", a
#: name ending in letters after it ("P.E.", "R.N."), a phone number, an e-mail address, a web
#: address, a post code, a slot.
_ADDRESS_END = lazyregex.compile(
    r"\b(?:St|Rd|Ave|Blvd|Dr|Ln|Ct|Pl|Sq|Inc|Ltd|Co|Corp|LLC|Pty|PLC|GmbH|Jr|Sr|Esq|Ph\.D|M\.D|MD|Bldg|Ste|No)\.\s*$"
    r"|,\s*(?:[A-Z][a-z]?\.){2,}\s*$"
    # a firm's legal form in dotted letters: "Borowa Timber Sp. z o.o.", "Vanterpool B.V." (not
    # "at 10 a.m.", "the U.K.")
    r"|\s(?:Sp\.\s+z\s+)?(?:o\.o\.|S\.A\.|S\.p\.A\.|B\.V\.|N\.V\.|S\.L\.|S\.r\.l\.|s\.r\.o\.|a\.s\.|A\.S\.|K\.K\.|S\.A\.S\.)\s*$"
)
#: An e-mail address starts where a run of its characters starts: tried inside a long run
#: ("a.a.a.a..."), it would rescan the rest of the run from every character.
_CONTACT = lazyregex.compile(
    r"(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.]+|https?://|www\.|\+?\d[\d ()./-]{6,}\d|^\s*[\[{<(].*[\]}>)]\s*$"
)
#: Sentence openers that end in a comma but are not a name: "Yesterday, I ...", "As discussed, ...".
_NOT_A_NAME = frozenset(
    "yesterday today again also however honestly first firstly overall thanks thank well so sorry unfortunately "
    "additionally finally once as in on at after since while although recently lastly personally meanwhile "
    "otherwise please hopefully again anyway besides currently frankly moreover sadly luckily fortunately "
    "just yes no ok okay great wow congratulations greetings further furthermore following regarding per "
    "monday tuesday wednesday thursday friday saturday sunday update quick note reminder ps "
    "amazing awesome brilliant fantastic wonderful done yay hooray phew cheers hi hello hey".split()
)
#: The words after a greeting word by which writers introduce themselves ("Hi this is Jamie's dad").
_SELF_INTRODUCTION = frozenset("this it it's its i i'm im my".split())
#: A greeting word and nothing else ("Good day", "Hello"), and the name that may follow it after a
#: comma and close with a full stop or "!" ("Good day, Mrs. Collins. I write ...").
_GREETING_WORDS_ONLY = lazyregex.compile(rf"\s*(?:{GREETING_WORDS})\s*", re.I)
#: The titles written before a name.
_TITLE = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)"
_VOCATIVE = lazyregex.compile(rf"\s*(?P<name>(?:{_TITLE}\.?\s+)?{_NAME})\s*[.!]")
#: A first line "Hiring Committee, Thank you ..." or "Tom - following up ...": up to four capitalised
#: words, a comma or a dash, then the text.
_NAME_THEN_TEXT = lazyregex.compile(
    r"^\s*([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})(?:,|\s+[-–—]|(?<=\w)!{1,3}(?=\s+[a-z]))\s+(?=\S)"
)
#: Thanks before the first comma: the line opens with thanks, not with a greeting ending there.
_THANKS_WORD = lazyregex.compile(
    r"\b(?i:thanks|thank|thx|thanx|thnx|tysm)\b|\bty\b"  # "ty", not the name "Ty"
    r"|\b(?i:cheers|ta) for\b"  # (not "Cheers," alone, a sign-off)
)
#: "Mr Doyle thanks for your time ...": a title and a name opening a text typed without the
#: greeting's comma, before words that open a note (not "Dr Patel suggested I write").
_TITLE_THEN_TEXT = lazyregex.compile(
    rf"^\s*{_TITLE}\.?\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?"
    r"(?=\s+(?i:thanks|thank|thx|cheers|hope|hoping|i|im|great|lovely)\b)"
)
#: The attention line of an address block ("Attn: Housekeeping Manager", "FAO the Head Chef").
_ATTENTION = lazyregex.compile(r"\s*(?:attn|attention|fao|for the attention of)\b", re.I)
#: A title and a name, a line of their own: "Mr Haldane", "Ms. Ana Ruiz".
_TITLE_NAME = rf"\s*{_TITLE}\.?\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{0,2}}\s*"
_TITLE_LINE = lazyregex.compile(_TITLE_NAME)
#: "Mr Haldane" alone on the first line, a blank line under it: a greeting typed without its
#: comma (not the first line of an address block, which another line follows at once).
_TITLE_ALONE = lazyregex.compile(_TITLE_NAME + r"\n[ \t]*\r?\n")
#: A line ending like a clause or sentence ("... lunch,", "... join you."), not like "Ana Ruiz, Ph.D.".
_PROSE_END = lazyregex.compile(r"(?:[,:;!?]|(?:^|\s)[^\s.]{4,}\.)\s*$")
#: Words with which a poster introduces a note they quote or ask about.
_NAMES_THE_NOTE = lazyregex.compile(
    r"\b(?:verbatim|word for word|(?:thank[- ]you\s+)?(?:note|e-?mail|message|draft|letter|text)|sent me|got this"
    r"|example\s+\d+|sample\s+(?:note|e-?mail|letter|message|thank[- ]you))\b",  # a blog's "Example 2:"
    re.I,
)
#: A poster's line that introduces someone else's note quoted under it, in quotation marks and
#: ending on its own prose: "A friend sent this after a rejection:", "Got this on WhatsApp after a
#: trial shift:", "Best thank-you note I got this year, shared with permission:" (not "My
#: recruiter sent me this:", "Got this from the hiring manager:", "Got this reply to my note:").
_INTRODUCES_THE_NOTE = lazyregex.compile(
    r"^(?!.*\b(?:from|reply|replied|recruiter|hiring manager|interviewer|employer)\b)"
    r".*\b(?:(?:someone|somebody|friend|candidate|student|colleague|trainee|grad|graduate|mentee|client|applicant|cohort|class)"
    r"\b[^:]{0,30}\bsent (?:me )?(?:this|it)|got this (?:on|via|by|over) \w+"
    r"|(?:thank[- ]you )?(?:note|message|e-?mail|text|letter) (?:i|we) (?:got|received))\b.*:\s*$",
    re.I,
)
#: A reader's own message to a candidate: "thanks for coming in", "we'll let you know by Friday".
_READERS_MESSAGE = lazyregex.compile(
    r"\b(?:coming in|for applying|interviewing with|your (?:kind |lovely |thoughtful )?(?:note|message|e-?mail|application)"
    r"|we(?:'ll|’ll| will| shall)|let you know|be in touch)\b",
    re.I,
)
#: An adviser or a friend who quotes someone's draft to comment on it: "I've copied your draft
#: below with my comments underneath", "comments inline".
_COMMENTS_ON_A_DRAFT = lazyregex.compile(
    r"\b(?:your|her|his|their|the student's|this) draft\b[^.?!\n]{0,60}\b(?:below|underneath|comments?|feedback|notes)\b"
    r"|\bmy (?:comments|feedback|notes) (?:are |)(?:below|underneath|inline|after it)\b|^\s*my comments:\s*$",
    re.I | re.M,
)
#: A greeting that names someone: "Dear Sister Moyo", "Hi Omar,", "Dear Ms. Roe," (not "Hi again,").
_NAMED_GREETING = lazyregex.compile(
    rf"^\s*(?i:{GREETING_WORDS})\s+(?:(?i:mr|mrs|ms|miss|mx|dr|prof|professor|sister|chef|sir|madam)\.?\s+)?[A-Z][\w'’-]+"
)
#: An apology for a late or slow note, which opens the note itself ("Sorry for the late note!").
_LATE_APOLOGY = lazyregex.compile(
    r"(?i)\b(?:sorry|apologi[sz]e|apologies)\b[^.?!]{0,30}\b(?:late|delay|delayed|belated)\b"
)
#: Words that point at a message further down ("the email below", "see below").
_BELOW = lazyregex.compile(r"\bbelow\b|\bforward(?:ed|ing)\b", re.I)
#: Words of a page that offers a sample or a template: "Model Thank You Mail", "Sample 2 -
#: Following up ...", "(to be sent within 24 hours)", "... before sending".
_TEMPLATE_PAGE = lazyregex.compile(
    r"\b(?:sample|template|model|format|example)(?:\s+\d+)?\s*(?:[-–—:]\s*)?"
    r"(?:thank[- ]?you|follow(?:ing)?[- ]up|e-?mail|mail|letter|note|message)\b"
    r"|\b(?:thank[- ]?you|follow[- ]up|e-?mail|mail|letter|note|message)\s+(?:sample|template|format|model)\b"
    r"|\bbefore\s+(?:sending|you\s+send)\b|\bto\s+be\s+sent\b|\(send\s",
    re.I,
)
#: A poster asking whether to send the draft they quote ("Is this ok to send??", "want to send").
_SEND_ASKED = r"should i send|ok to send|okay to send"
_POSTER_SENDS = lazyregex.compile(
    rf"\b(?:{_SEND_ASKED}|(?:fine|alright|good|want|going|about) to send|before i send)\b", re.I
)
#: Text that opens with thanks, text-speak too ("thx for today"): a quoted note or a card with
#: no greeting, or the text after a greeting typed without its comma.
_THANKS_START = lazyregex.compile(
    r"^\s*(?:thank you|thanks|many thanks|thank u|thx|thanx|thnx|tysm|ty for|cheers for|ta for)\b", re.I
)
#: Thanks a reader sends a candidate: "Thanks for coming in", "thank you for your application",
#: "... interviewing with us", "we enjoyed meeting you", "thanks for your kind note".
_THANKS_FROM_THE_READER = lazyregex.compile(
    r"\b(?:we|us|our|coming in|applying)\b|\byour (?:(?:kind|lovely|thoughtful|nice) )?"
    r"(?:note|message|e-?mail|letter|card|presentation|application|interest|cv|portfolio)\b",
    re.I,
)
#: The line a mail program writes above a quoted message: "On 8 Oct 2025, at 16:02, Dean <...> wrote:".
_QUOTE_INTRO = lazyregex.compile(r"\b(?:wrote|writes|schrieb|a écrit)\s*:$", re.I)
#: A Markdown rule or a plain separator line: "---", "***", "=====" (not "____", a blank to fill in).
_RULE_LINE = lazyregex.compile(r"^\s*(?:-{3,}|\*{3,}|={3,})\s*$")
_LIST_ITEM = lazyregex.compile(r"[ \t]*(?:[-*+•]|\d+[.)])\s")  # matched at the start of a line


@dataclass(frozen=True)
class Region:
    """A half-open character range of the content."""

    start: int
    end: int

    def __bool__(self) -> bool:
        return self.end > self.start


@dataclass(frozen=True)
class Layout:
    greeting: Region
    body: Region
    sign_off: Region
    signature: Region
    paragraphs: tuple[Region, ...]  # body paragraphs

    @property
    def start(self) -> int:
        """Where the note begins: its greeting, else its body (what is above is the page
        around it: a letter head, a subject line, a poster's words)."""
        return self.greeting.start if self.greeting else self.body.start

    @property
    def closing(self) -> Region:
        """The sign-off and signature together (whatever follows the body)."""
        start = self.sign_off.start if self.sign_off else self.signature.start
        return (
            Region(start, max(self.sign_off.end, self.signature.end))
            if (self.sign_off or self.signature)
            else Region(0, 0)
        )


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, the end before its newline."""
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def comments(text: str) -> list[tuple[int, int]]:
    """(start, end) of every closed HTML comment, in one pass: an unclosed `<!--` ends the
    search rather than being retried at every later `<!--`."""
    found, at = [], text.find("<!--")
    while at != -1:
        close = text.find("-->", at + 4)
        if close == -1:
            break
        found.append((at, close + 3))
        at = text.find("<!--", close + 3)
    return found


def blank_out(text: str) -> str:
    """Replace HTML comments, quoted reply lines (or only the markers, when the whole note is
    quoted), chat time stamps and sender lines, Markdown emphasis markers (`**`, `__`, `*`, `_`)
    and a Markdown link's brackets and address by spaces, keeping newlines and length, so none
    of them reaches a check or the parser."""

    def spaces(match: re.Match) -> str:
        return re.sub(r"[^\n]", " ", match.group(0))

    def closing(match: re.Match, width: int) -> str:
        # before punctuation a closing marker becomes no-break spaces: in "*The Pier*," a plain
        # space would read as a space typed before the comma
        follows = match.string[match.end() : match.end() + 1]
        return ("\u00a0" if follows and follows in ",.;:!?)" else " ") * width

    def unmark(match: re.Match) -> str:
        inner = next(group for group in match.groups() if group is not None)
        width = (len(match.group(0)) - len(inner)) // 2
        return " " * width + inner + closing(match, width)

    def unlink(match: re.Match) -> str:
        return " " + match.group(1) + closing(match, len(match.group(0)) - len(match.group(1)) - 1)

    pieces, last = [], 0
    for start, end in comments(text):
        pieces += [text[last:start], re.sub(r"[^\n]", " ", text[start:end])]
        last = end
    uncommented = "".join(pieces) + text[last:]
    lines = [line for line in uncommented.split("\n") if line.strip()]
    quoted_note = _quoted_note(uncommented)
    if quoted_note is not None:
        unquoted = quoted_note
    elif lines and all(_QUOTED.fullmatch(line) for line in lines):
        # The whole note quoted (a blog's block quote): the markers go, the note stays.
        unquoted = _QUOTE_MARKER.sub(lambda m: " " * len(m.group(0)), uncommented)
    else:
        # a quoted message under a reply (not a template's tips set out as quotes)
        tips = _tip_lines(uncommented)
        unquoted = _QUOTED.sub(lambda m: m.group(0) if m.start() in tips else spaces(m), uncommented)
    unquoted = _without_earlier_message(unquoted)
    return _LINK.sub(unlink, _EMPHASIS.sub(unmark, _CHAT_HEADER.sub(spaces, _CHAT_PREFIX.sub(spaces, unquoted))))


def _tip_lines(text: str) -> set[int]:
    """Where the lines of a template's tips set out as quotes start ("> tip: keep it under 100
    words", wrapped or one tip a line): a run of quoted lines that opens with a tip and holds no
    greeting is an instruction left in, not a quoted message."""
    keep: set[int] = set()
    run: list[tuple[int, int]] = []
    for start, end in [*_lines(text), (len(text), len(text))]:
        if start < len(text) and _QUOTED.fullmatch(text[start:end]):
            run.append((start, end))
            continue
        if run and _QUOTED_TIP.match(text, run[0][0]):
            bodies = [_QUOTE_MARKER.sub("", text[s:e]) for s, e in run]
            if not any(_GREETING.match(body) for body in bodies):
                keep.update(s for s, _ in run)
        run = []
    return keep


#: A mail program's header line: what a reply carries above the message it quotes.
_MAIL_HEADER = lazyregex.compile(r"^\s*(?:from|sent|to|cc|bcc|date)\s*:", re.I)
#: What a poster asks about a draft they quote ("Is this ok to send?", "Is this follow-up too
#: pushy??", "Any feedback?", "be honest:"; not "To be honest I'm still keen", nor "sorry if
#: this is too pushy" above a follow-up's own quoted note).
_POSTER_ASKS = lazyregex.compile(
    r"\b(?:is this (?:(?:follow[- ]?up|e-?mail|message|note|letter|draft|reply|thank[- ]you(?: note| e-?mail)?) )?"
    r"(?:ok|okay|fine|good|alright|all right|appropriate|enough|too)|(?:does|would) this (?:sound|look|read|work)"
    rf"|{_SEND_ASKED}|too (?:long|short|formal|casual|much)\b"
    r"|how does this (?:sound|look|read)|(?<!to )\bbe (?:brutally )?honest(?=\s*[:!.,)])"
    # "can someone check my english?", "please proofread my draft", "Here is my draft:"
    r"|(?:can|could|would) (?:someone|somebody|anyone|you)(?: guys| all)? (?:please )?(?:check|proofread|review|look over)"
    r"|(?:check|proofread|correct) my (?:english|grammar|draft|e-?mail|note|message|letter)|here(?:'s|’s| is) my draft"
    r"|(?:feedback|thoughts|advice|opinions?) (?:on|about) (?:this|it|my)|any (?:tips|thoughts)|verbatim|sent me|got this)\b",
    re.I,
)


def poster_asks(text: str) -> bool:
    """Whether `text` asks about a draft the way a poster does ("Is this ok to send?")."""
    return bool(_POSTER_ASKS.search(text))


#: A forum page's own line: "Posted by roadrunner_77 » Sat Feb 03", "r/nursing • Posted by u/...".
_FORUM_LINE = lazyregex.compile(r"(?i)\bposted (?:by|on|in)\b|\boriginally posted\b|^\s*r/\w{3,}|»")
#: A poster's greeting to a forum, not to a reader: "Hi all, english is not my first language ...".
_CROWD_GREETING = lazyregex.compile(
    r"^\s*(?:hi|hello|hey|morning|evening)\s+(?:all|everyone|everybody|guys|folks|people|y'?all)\b", re.I
)


def _own_note_line(line: str, poster: bool = False) -> bool:
    """A line that makes the text around a quote a note of its own (a reply or a follow-up over
    the message it quotes): a greeting (not, from a poster who asks about the note, one to the
    forum), a sign-off, a signature, a pasted header, "... wrote:"."""
    return bool(
        _GREETING.match(line)
        and not (poster and _CROWD_GREETING.match(line))
        or _SIGN_OFF.match(line)
        or _SIGN_OFF_AND_NAME.match(line)
        or _DASH_SIGNATURE.match(line)
        or _MAIL_HEADER.match(line)
        or _QUOTE_INTRO.search(line.rstrip())
    )


#: Quotation marks opening a quoted note ("Hi Tamsin, ...) and closing it (... Felix").
_OPENING_QUOTE = lazyregex.compile(r"[ \t]*[\"“]")
_CLOSING_QUOTE = lazyregex.compile(r"[\"”][ \t]*$")
_CLOSES_QUOTE = lazyregex.compile(r"[\"”]")
_POSTER_LINES = 8  # at most this many lines of a poster's own around the note they quote


def _note_start_in_quote(
    text: str, lines: list[tuple[int, int]], inside: list[int], marks: list[tuple[int, int]]
) -> int:
    """Which quoted line the note starts at: the first, or, when that line neither greets nor
    thanks, the first greeting set off by a blank line (quoted or not) from the lines above it,
    which are the poster's own words ("> Every so often a note stands out.") or the letter's
    address or date (not "> Morning shifts suit me" in a card that opens with its thanks)."""
    quoted = [text[mark_end : lines[i][1]] for i, (_, mark_end) in zip(inside, marks)]
    if _GREETING.match(quoted[0]) or _THANKS_START.match(quoted[0]):
        return 0
    for k in range(1, len(quoted)):
        blank_above = not quoted[k - 1].strip() or text.count("\n", lines[inside[k - 1]][0], lines[inside[k]][0]) > 1
        if blank_above and _GREETING.match(quoted[k]):
            return k
    return 0


def _quoted_note(text: str) -> str | None:
    """A note a poster or a page quotes with words of their own around it ("Is this ok to
    send?", "We made him an offer the next week."), as a block quote or inside quotation marks
    from its greeting to its signature: the note unquoted and the poster's lines blanked, or
    None. Not a reply, whose new text has a greeting or a sign-off of its own, or a mail
    program's "On ..., Dean wrote:" above the message it quotes."""
    lines = [(s, e) for s, e in _lines(text) if text[s:e].strip()]
    inside = [i for i, (s, e) in enumerate(lines) if _QUOTED.fullmatch(text[s:e])]
    introduced = False
    if inside and inside == list(range(inside[0], inside[-1] + 1)) and len(inside) < len(lines):
        first, last = inside[0], inside[-1]
        marks = [m.span() for i in inside if (m := _QUOTE_MARKER.match(text, lines[i][0]))]
        start = _note_start_in_quote(text, lines, inside, marks)
        first, marks = inside[start], marks[start:]
    else:
        starts = [i for i, (s, _) in enumerate(lines[: _POSTER_LINES + 1]) if _OPENING_QUOTE.match(text, s)]
        if not starts:
            return None
        first = starts[0]
        # (a note quoted on one line of its own too: '"Dear Ms. Patel, Thanks a lot ... Regards, Kieran"')
        ends = [i for i in range(first, len(lines)) if _CLOSING_QUOTE.search(text, *lines[i])]
        if not ends:
            return None
        last = ends[-1]
        marks = [
            m.span()
            for m in (_OPENING_QUOTE.match(text, lines[first][0]), _CLOSING_QUOTE.search(text, *lines[last]))
            if m
        ]
        if len(marks) < 2 or _CLOSES_QUOTE.search(text, marks[0][1], lines[first][1] if last > first else marks[1][0]):
            return None  # '"Hello, my name is Noor" is how I open every call' quotes a line, not a note
        introduced = bool(
            lines[:first]
            and _INTRODUCES_THE_NOTE.search(text[slice(*lines[first - 1])])
            and not _READERS_MESSAGE.search(text[marks[0][1] : marks[1][0]])
        )
        if (len(text[lines[last][0] : marks[1][0]].split()) > 4 or last == first) and not introduced:
            return None  # the quotation ends on a signature ("... Felix\""), not on prose
    above = [text[s:e] for s, e in lines[:first]]
    outside = above + [text[s:e] for s, e in lines[last + 1 :]]
    opening = text[marks[0][1] : lines[first][1]]  # the quoted note's first line
    asks = bool(_POSTER_ASKS.search(" ".join(outside)))
    if (
        not above
        or len(outside) > _POSTER_LINES
        # (a card often has no greeting: "> Thank you for the interview ... - Grace", quoted
        # last under a line that names it, or anywhere under a poster's "Is this ok to send?";
        # not the reader's "> Thanks for coming in, we ...")
        or not (
            _GREETING.match(opening)
            or _THANKS_START.match(opening)
            and (last == len(lines) - 1 or _POSTER_SENDS.search(" ".join(above)) or introduced)
            and not _THANKS_FROM_THE_READER.search(text[marks[0][1] : lines[last][1]])
        )
        # the poster asks about the note or names it ("Is this ok to send?", "This one came in:")
        or not any(line.rstrip().endswith(":") or "?" in line or _NAMES_THE_NOTE.search(line) for line in above)
        # ("Hi all, ... please check:" from a poster who asks "Is this ok to send?"; not "Hello
        # everyone, thank you all again" over the panel's own message; an adviser's reply that
        # quotes the student's draft to comment on it greets and signs as it likes)
        or any(_own_note_line(line, poster=asks) for line in outside)
        and not (
            _COMMENTS_ON_A_DRAFT.search(" ".join(outside))
            and _THANKS_WORD.search(text[marks[0][1] : lines[last][1]])  # a note, not an agenda
        )
        or _EARLIER_MESSAGE.search("\n".join(outside))
        # "Following up on my note below. Any news?" (not "No reply in two weeks. Is this ok to send?")
        or infer_kind(" ".join(above)) == "follow-up"
        and not _POSTER_ASKS.search(" ".join(above))
    ):
        return None
    out = list(text)
    for s, e in lines[:first] + lines[last + 1 :]:
        out[s:e] = " " * (e - s)
    for start, end in marks:
        out[start:end] = " " * (end - start)
    return "".join(out)


#: Where a mail program starts the earlier message under a reply or a forward, unquoted:
#: "-----Original Message-----", "On 8 Oct 2025, at 16:02, Dean <...> wrote:", an Outlook
#: "From: ..." line with "Sent: ..." under it.
_EARLIER_MESSAGE = lazyregex.compile(
    r"^[ \t]*(?:-{2,}[ \t]*(?:original|forwarded)[ \t]+message[ \t]*-{2,}|begin[ \t]+forwarded[ \t]+message:"
    # ("On 8 Oct ... wrote:" holds a date or an address; "On the whiteboard you wrote:" is prose)
    r"|on[ \t](?=[^\n]*[\d@])[^\n]{4,200}?\bwrote:|from:[^\n]*\n[ \t]*(?:sent|date):[^\n]*)[ \t]*$",
    re.I | re.M,
)


def _without_earlier_message(text: str) -> str:
    """The earlier message a reply or forward carries below the new one, blanked like a quoted
    one: it is not the note (above the first line of the note, such a block is its header)."""
    for found in _EARLIER_MESSAGE.finditer(text):
        above = [line for line in text[: found.start()].split("\n") if line.strip()]
        if any(not _HEADER.match(line) for line in above):
            return text[: found.start()] + re.sub(r"[^\n]", " ", text[found.start() :])
    return text


#: A letter's reference line under the greeting: "Interview for the post of Planning Officer
#: (Ref. DM/114)", "Application for the position of Porter", "Vacancy ref: 2291".
_REFERENCE = lazyregex.compile(
    r"^\s*(?:(?:interview|application)\s+for\s+the\s+(?:post|position|role|job|vacancy)\b|vacancy\s+ref|your\s+ref|our\s+ref)",
    re.I,
)


def _reference_line(text: str, lines: list[tuple[int, int]], i: int) -> bool:
    """Whether line `i` is a reference line: a short paragraph of its own, with no full stop at
    its end, above more of the note."""
    start, end = lines[i]
    line = text[start:end].strip()
    alone = i + 1 < len(lines) and "\n\n" in text[end : lines[i + 1][0]].replace("\r", "")
    return bool(_REFERENCE.match(line)) and alone and len(line.split()) <= 16 and not line.endswith((".", "!", "?"))


def _looks_like_signature(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= 5 and not re.search(r"[.!?:;]\s*$", line) and line[:1].isupper()


def find_layout(text: str) -> Layout:
    """Locate greeting, body, sign-off and signature in (blanked) content text."""
    # each line from its first character to its last, without any indent, blanked quote marker
    # or trailing space
    lines = [(e - len(text[s:e].lstrip()), s + len(text[s:e].rstrip())) for s, e in _lines(text) if text[s:e].strip()]
    lines = _header_run_in(text, lines)
    if not lines:
        return Layout(Region(0, 0), Region(0, 0), Region(0, 0), Region(0, 0), ())
    greeting = Region(0, 0)
    body_from = _letter_head(text, lines)
    first_start, first_end = lines[min(body_from, len(lines) - 1)]
    first = text[first_start:first_end]
    named = _NAME_THEN_TEXT.match(first)
    if named and named.group(1).split()[0].lower().rstrip(".") in _NOT_A_NAME:
        named = None
    titled = _TITLE_THEN_TEXT.match(first)
    alone = (
        body_from < len(lines) - 1
        and bool(
            _TITLE_ALONE.match(text, first_start)
            # "Mr. Barros" right above the text ("please i really need ..."), not above an address
            or _TITLE_LINE.fullmatch(first)
            and not _address_like(text[lines[body_from + 1][0] : lines[body_from + 1][1]])
        )
    )
    if body_from < len(lines) and (_GREETING.match(first) or _NAME_GREETING.match(first) or named or titled or alone):
        # "Hi Dana, thank you ..." keeps the body on the greeting line, after the comma.
        comma = re.search(
            r"[,:;—]|\s[-–]\s", re.sub(r"\([^()]*\)|\[[^\[\]]*\]", lambda m: "_" * len(m.group(0)), first)
        )
        head = _GREETING_HEAD.match(first)
        # "Hi Dana! Thanks for today, ...": a greeting closed by "!" before any comma
        closed = bool(head and head.group().rstrip().endswith("!") and (not comma or head.end() <= comma.start()))
        # (a short line too when thanks follows the name: "Hi Dana thanks for today.")
        if not (closed or len(first.split()) > 8 or head and _THANKS_START.match(first[head.end() :])):
            head = None
        rest = first[comma.end() :] if comma else ""
        marks = re.match(r"!+", first[named.end(1) :]) if named else None
        lead = _GREETING_THEN_WORD.match(first)
        if lead and _greeting_word_alone(first, lead, comma):
            greeting = Region(first_start, first_start + lead.end("word"))
        elif titled:  # "Mr Doyle thanks for ..." (a name holds no comma)
            greeting = Region(first_start, first_start + titled.end())
        elif named and marks:  # "Kenji!! final round done, ...": the name and its marks
            greeting = Region(first_start, first_start + named.end(1) + marks.end())
        elif closed and head and first[head.end() :].strip():
            greeting = Region(first_start, first_start + len(head.group().rstrip()))
        elif (
            comma
            and rest.strip()
            and not _MORE_NAMES.fullmatch(rest)
            and len(first[: comma.start()].split()) <= 6
            and not _THANKS_WORD.search(first[: comma.start()])  # "hiya thx 4 the interview 2day, ..." thanks
        ):
            greeting = Region(first_start, first_start + len(first[: comma.end()].rstrip()))
            vocative = _VOCATIVE.match(rest)
            if (
                vocative
                and _GREETING_WORDS_ONLY.fullmatch(first[: comma.start()])
                and vocative.group("name").split()[0].lower().rstrip(".") not in _NOT_A_NAME | {"i"}
                and rest[vocative.end() :].strip()
            ):  # "Good day, Mrs. Collins. I write ...": the name after the greeting word is the greeting's
                greeting = Region(first_start, first_start + comma.end() + vocative.end())
        elif head and not re.search(r"[,:]\s*$", first):  # a long greeting line ending in a comma is all greeting
            greeting = Region(first_start, first_start + head.end())
        else:
            greeting = Region(first_start, first_end)
            body_from += 1
            while body_from < len(lines) - 1 and (
                _HEADER.match(text[lines[body_from][0] : lines[body_from][1]])
                or _reference_line(text, lines, body_from)
            ):
                body_from += 1  # "RE: ..." under the greeting is not the body

    sign_off, signature, body_to = _closing(text, lines, body_from)
    split = _SIGN_OFF_AND_NAME.match(text[signature.start : signature.end]) if signature and not sign_off else None
    if split:  # "Best, Sam" after a blank line: the sign-off and the name share it
        sign_off = Region(signature.start + split.start("off"), signature.start + split.end("off"))
        signature = Region(signature.start + split.start("name"), signature.end)
    inline = _inline_closing(text, lines, body_from, body_to) if not sign_off and not signature else None
    if inline:
        sign_off, signature = inline
    if greeting and greeting.end < first_end:
        body_start = greeting.end
    elif body_from < len(lines):
        body_start = lines[body_from][0]
    else:
        body_start = len(text)
    body_end = lines[body_to - 1][1] if body_to > body_from else body_start
    if inline:
        cut = sign_off.start if sign_off else signature.start
        body_end = body_start + len(text[body_start:cut].rstrip())
    body = Region(body_start, max(body_start, body_end))
    return Layout(greeting, body, sign_off, signature, _paragraphs(text, body))


_SUBJECT_HEADER = lazyregex.compile(r"\s*subject(?:\s+line)?\s*:", re.I)


def _header_run_in(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The lines with a pasted subject line cut where the note runs on after it ("Subject: Thank
    you Dear Mr. Fischer, thank you ..."), so that the greeting opens a line of its own."""
    for i, (start, end) in enumerate(lines[:3]):
        header = _SUBJECT_HEADER.match(text, start, end)
        run_in = header and RUN_IN_GREETING.search(text, header.end(), end)
        if run_in:
            return [*lines[:i], (start, run_in.start()), (run_in.start("at"), end), *lines[i + 1 :]]
    return lines


def _greeting_word_alone(first: str, lead: re.Match[str], comma: re.Match[str] | None) -> bool:
    """Whether the greeting word that opens `first` stands alone, what follows it being no name:
    a word that opens text, with no capital before the comma ("hi sorry to bother u again, did u
    get ..."), or the writer introducing themselves ("Hi this is Jamie's dad, ...", "Hello it's
    Sam from Tuesday"; not the name in "Hi My, thanks ...")."""
    word, end = lead.group("next").lower(), lead.end("next")
    if word in _NOT_A_NAME - {"again", "hi", "hello", "hey"}:
        if not re.search(r"[A-Z]", first[end : comma.start() if comma else len(first)]):
            return True
    return word.replace("’", "'") in _SELF_INTRODUCTION and not first[end:].lstrip().startswith((",", ":", "!"))


def _letter_head(text: str, lines: list[tuple[int, int]]) -> int:
    """How many leading lines are not the note itself: pasted headers ("Subject: ..."), a line
    introducing the note ("Here's a thank-you email you can send:") and, in letter format, the
    address and date block above the greeting."""

    def line(i: int) -> str:
        return text[lines[i][0] : lines[i][1]]

    headers = 0
    while headers < len(lines) and (_HEADER.match(line(headers)) or _PREAMBLE.match(line(headers))):
        headers += 1
    # A page's own text above a rule ("# Sample note", "Copy the note below ...", "---"):
    # the note starts after the last rule near the top.
    # (the last rule with a greeting under it: a rule above a signature, or under the note
    # above the poster's closing words, is not one)
    rules = [i for i in range(min(len(lines), 25)) if _RULE_LINE.match(line(i))]
    above = [r for r in rules if any(_GREETING.match(line(i)) for i in range(r + 1, min(len(lines), r + 6)))]
    if above:
        headers = max(headers, above[-1] + 1)
    greetings = [i for i in range(headers, min(len(lines), headers + 22)) if _GREETING.match(line(i))]
    # An "Attn: Housekeeping Manager" line inside the recipient's address is part of the head
    # when a greeting follows it ("Dear Mrs. Penrose,").
    while len(greetings) > 1 and _ATTENTION.match(line(greetings[0])):
        greetings.pop(0)
    # A poster who greets the forum and asks about the note below it ("Hi all, first interview in
    # the UK. Is this email ok?" above "Dear Mrs Clarke,"): the note starts at its own greeting.
    # (the poster's words run on after their greeting; the note's greeting is a short line of its own)
    if len(greetings) > 1 and greetings[0] == headers and greetings[1] - greetings[0] <= 4:
        intro = " ".join(line(i) for i in range(greetings[0], greetings[1]))
        second = line(greetings[1])
        if (
            ("?" in intro or _NAMES_THE_NOTE.search(intro))
            and not _QUOTE_INTRO.search(intro.rstrip())
            and not re.search(r"[,:]\s*$", line(greetings[0]))
            and re.search(r"[,:]\s*$", second)
            and len(second.split()) <= 6
        ):
            return greetings[1]
    # A note does not open with prose above its own greeting: a poster's or a page's few lines set
    # off by a blank line above a greeting that names someone ("Thoughts? Kept it short.", "A
    # candidate sent this after her final interview.", "hi all, ... does this sound ok??" above
    # "Dear Sister Moyo thank you ..."), with the letter's address block between them or not.
    # (Not when the note itself opens with a greeting, whatever greets later in its body, nor
    # above an earlier message the text follows up: "Following up on the email below.", nor
    # under a Markdown heading, which may title the message itself: "# Status of my take-home?")
    opening = line(headers) if headers < len(lines) else ""
    if (not _GREETING.match(opening) or _CROWD_GREETING.match(opening)) and not opening.lstrip().startswith("#"):
        for g in greetings:
            lead = [line(i) for i in range(headers, g)]
            words = " ".join(lead)
            if (
                # one to three lines of prose, and perhaps an address block
                1 <= sum(not _address_like(a) for a in lead) <= 3
                # (a greeting with the note under it or run on after it, not a closing "Hi to Sam from
                # me," over a signature)
                and (g < len(lines) - 2 or len(line(g).split()) > 6)
                and _NAMED_GREETING.match(line(g))  # not "Hi again," nor "Hello to Maria as well"
                and "\n\n" in text[lines[g - 1][1] : lines[g][0]].replace("\r", "")
                # the words are about the note: they ask, introduce or name it ("Thoughts?", "Any
                # last changes?", "A candidate sent this note ...")
                and ("?" in words or any(a.rstrip().endswith(":") for a in lead) or _NAMES_THE_NOTE.search(words))
                # and are not the note's own opening: its thanks or its apology for being late
                and not (_THANKS_WORD.search(words) and not re.search(r"(?i)\bthanks in advance\b", words))
                and not _LATE_APOLOGY.search(words)
                and not _BELOW.search(words)
                and not _EARLIER_MESSAGE.search("\n".join(lead))
                and infer_kind(words) != "follow-up"
            ):
                return g
    # (a Markdown heading that titles the message, "# Thank you!", is its head too; not one that
    # asks, as an issue's "# Status of my take-home?" does)
    if greetings and all(_address_like(line(j)) or _TITLE_HEADING.match(line(j)) for j in range(headers, greetings[0])):
        return greetings[0]
    # The writer's own list of points to make, above the note ("points to get in:" over "- thank
    # them", "- ask about hybrid working", then "Dear Ms Lockwood,"): the note starts at its greeting.
    if (
        greetings
        and 2 <= greetings[0] - headers <= 10
        and line(headers).rstrip().endswith(":")
        and all(_LIST_ITEM.match(line(i)) for i in range(headers + 1, greetings[0]))
        and _NAMED_GREETING.match(line(greetings[0]))
    ):
        return greetings[0]
    # A page titled with a Markdown heading that says something of its own before the note ("#
    # Thank-you email: sample", "*Replace everything in brackets before you send.*", "## Template"):
    # the note starts at its greeting, a line of its own or one right under a heading. (A heading
    # right above the greeting titles the message itself: an issue's "# Status of my take-home?")
    if greetings and line(0).lstrip().startswith("#") and greetings[0] - headers <= 8:
        page_text = any(not line(i).lstrip().startswith("#") for i in range(1, greetings[0]))
        own_line = re.search(r"[,:!]\s*$", line(greetings[0]))
        if page_text and (own_line or line(greetings[0] - 1).lstrip().startswith("#")):
            return greetings[0]
    # On a forum page ("Posted by roadrunner_77 » Sat Feb 03"), the poster's question about a
    # note with no greeting, right above it ("is this ok to email the manager or is it to much??"
    # over "Thank you for your time yesterday ..."): the note starts at its thanks (not a note's
    # own "is this ok?" above its "Thanks," sign-off).
    if not greetings and any(_FORUM_LINE.search(line(i)) for i in range(min(len(lines), headers + 2))):
        for i in range(headers, min(len(lines) - 1, headers + 4)):
            if _POSTER_ASKS.search(line(i)) and _THANKS_START.match(line(i + 1)) and len(line(i + 1).split()) >= 6:
                return i + 1
    # A page's or a poster's own words introducing the note, a few lines right above the
    # greeting ending in a colon or asking about it ("Got this from a candidate last year:",
    # "Is this ok to send?"): above a greeting line of its own ("Morning shifts are fine." is
    # body), or above one run into the text when the words name the note ("Verbatim:"); not a
    # reply's "On 8 Oct, Dean wrote:" above the message it quotes.
    if greetings and 0 < greetings[0] - headers <= 4:
        intro = line(greetings[0] - 1).rstrip()
        own_line = re.search(r"[,:!]\s*$", line(greetings[0]))
        asks = bool(_POSTER_ASKS.search(intro))  # "**Is this ok to send? Interview was this morning**"
        if (
            (own_line and (intro.endswith((":", "?")) or asks) or intro.endswith(":") and _NAMES_THE_NOTE.search(intro))
            and not _QUOTE_INTRO.search(intro)
            and (asks or not intro.lstrip().startswith("#"))  # an issue's own title ("# Status of my take-home?")
        ):
            return greetings[0]
    # A sample's or template's page text above its greeting ("Model Thank You Mail (to be sent
    # within 24 hours)", "Sample 2 - Following up after no response", "Students should change the
    # highlighted portions before sending."): the note starts at its greeting, a line of its own.
    if greetings and 0 < greetings[0] - headers <= 6 and re.search(r"[,:]\s*$", line(greetings[0])):
        if _TEMPLATE_PAGE.search(" ".join(line(i) for i in range(headers, greetings[0]))):
            return greetings[0]
    return headers


def note_start(text: str, layout: Layout) -> int:
    """Where the note begins for rules that read all of it: at its greeting (else its body), or
    at the top when all that is above is the e-mail's own head: pasted headers ("Subject: Thank
    You!") and a letter's address and date lines, not a poster's or a page's words."""
    above = [line for line in text[: layout.start].split("\n") if line.strip()]
    return 0 if all(_HEADER.match(line) or _address_like(line) for line in above) else layout.start


def _address_like(line: str) -> bool:
    """A line of a letter head: short and not a sentence (a street, a firm, a date, a phone
    number, an e-mail address, a "RE:" line), or a slot standing for one."""
    if _DATE_LINE.match(line) or _CONTACT.search(line) or _HEADER.match(line):
        return True
    words = len(line.split())
    return words <= 10 and (not re.search(r"[.!?]\s*$", line) or bool(_ADDRESS_END.search(line)) or words <= 2)


def _closing(text: str, lines: list[tuple[int, int]], body_from: int) -> tuple[Region, Region, int]:
    """The sign-off, the signature, and the index of the first line after the body."""

    def line(i: int) -> str:
        return text[lines[i][0] : lines[i][1]]

    def from_line(i: int) -> Region:
        return Region(lines[i][0], lines[-1][1]) if i < len(lines) else Region(0, 0)

    last = len(lines) - 1
    for i in range(last, max(body_from, last - 8) - 1, -1):
        if _SIGN_OFF.match(line(i)):
            first = i
            while first - 1 > body_from and _SIGN_OFF.match(line(first - 1)) and line(first - 1).rstrip().endswith(","):
                first -= 1  # "Thanking you," above "Yours sincerely," (not a last "Thank you!" of the body)
            return Region(lines[first][0], lines[i][1]), from_line(i + 1), first
    # A sign-off the list does not know ("Saludos,"): a short capitalised line ending in a comma,
    # followed by one to four short lines that are not prose (a name, a title, a department).
    for i in range(last - 1, max(body_from, last - 5) - 1, -1):
        after = [line(j) for j in range(i + 1, last + 1)]
        candidate = line(i).strip()
        if (
            candidate.endswith(",")
            and candidate[:1].isupper()
            and len(candidate.split()) <= 3
            and all(len(a.split()) <= 10 and not _PROSE_END.search(a) for a in after)
        ):
            return Region(*lines[i]), from_line(i + 1), i
    # No sign-off: "Sent from my ..." and a short capitalised last line after a paragraph
    # break are the signature.
    device = next((i for i in range(last, max(body_from, last - 8) - 1, -1) if _DEVICE_LINE.match(line(i))), None)
    end = device - 1 if device is not None else last
    if (
        end > body_from
        and _looks_like_signature(line(end))
        and text[lines[end - 1][1] : lines[end][0]].count("\n") >= 2
    ):
        return Region(0, 0), from_line(end), end
    if device is not None:
        return Region(0, 0), from_line(device), device
    return Region(0, 0), Region(0, 0), len(lines)


def _inline_closing(
    text: str, lines: list[tuple[int, int]], body_from: int, body_to: int
) -> tuple[Region, Region] | None:
    """A closing that shares a line: "Best, Sam" alone, "... soon. Best, Sam" ending the last body
    line, or a dashed "– Paulo". Returns (sign-off, signature)."""
    if body_to <= body_from:
        return None
    start, end = lines[body_to - 1]
    last = text[start:end]
    if body_to - 1 > body_from or lines[body_to - 1][0] > 0:
        whole = _SIGN_OFF_AND_NAME.match(last)
        if whole:
            return (
                Region(start + whole.start("off"), start + whole.end("off")),
                Region(start + whole.start("name"), end),
            )
        if _DASH_SIGNATURE.match(last):
            return Region(0, 0), Region(start + len(last) - len(last.lstrip()), end)
    at_end = _SIGN_OFF_AT_END.search(last)
    if at_end:
        signature = Region(start + at_end.start("name"), end) if at_end.group("name") else Region(0, 0)
        return Region(start + at_end.start("off"), start + at_end.end("off")), signature
    dashed = _DASH_SIGNATURE_AT_END.search(last)
    if dashed and not _SIGN_OFF.match(dashed.group("name")):  # not "... soon! - Cheers"
        return Region(0, 0), Region(start + dashed.start("signature"), end)
    return None


_BLANK_LINES = lazyregex.compile(r"\n(?:[ \t\r]*\n)+")


def _paragraphs(text: str, body: Region) -> tuple[Region, ...]:
    """Body paragraphs: the text between blank lines, trimmed (a line ending in spaces before a
    blank line still ends its paragraph)."""
    out, start = [], body.start
    for separator in [*_BLANK_LINES.finditer(text, body.start, body.end), None]:
        end = separator.start() if separator else body.end
        first, last = start, end
        while first < last and text[first].isspace():
            first += 1
        while last > first and text[last - 1].isspace():
            last -= 1
        if last > first:
            out.append(Region(first, last))
        start = separator.end() if separator else end
    return tuple(out)


def parse_text(text: str, layout: Layout) -> str:
    """The text handed to spaCy: blanked, with hard wraps inside body paragraphs joined."""
    chars = list(text)
    for para in layout.paragraphs:
        at = text.find("\n", para.start, para.end)
        while at != -1:
            following = text.find("\n", at + 1)
            if not _LIST_ITEM.match(text, at + 1, len(text) if following == -1 else following):
                chars[at] = " "
            at = text.find("\n", at + 1, para.end)
    return "".join(chars)
