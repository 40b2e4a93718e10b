"""A draft after parsing: its spaCy `Doc`, layout, sentences and lazily computed measures.

The body-to-file offset shift happens here and nowhere else: checks work in content offsets
(the same as the `Doc`'s character offsets) and the linter turns them into file positions.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from . import residue as residue_module
from .draft import Draft, LineIndex
from .layout import Layout, Region, note_start, poster_asks

#: A rule line under a note's closing, with a poster's or a page's words below it.
_RULE_BELOW = re.compile(r"^[ \t]*(?:-{3,}|\*{3,}|_{3,}|={3,})[ \t]*$", re.M)
#: A postscript's label opening its line: "P.S.", "PS:", "P.P.S.".
_POSTSCRIPT = re.compile(r"^[ \t]*P\.?[ \t]?(?:P\.?[ \t]?)?S\b\.?", re.M)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Doc, Span, Token

#: One opening pleasantry is skipped when counting the first sentences of the body.
_PLEASANTRY = re.compile(
    r"^\s*(?:i\s+hope\s+(?:you|this|that|all|your|everything)\b|hope\s+(?:you|this|all|your)\b|"
    r"good\s+(?:morning|afternoon|evening)\b|happy\s+\w+day\b|i\s+trust\s+(?:you|this)\b)",
    re.I,
)


#: A Markdown heading line: one to six "#" and a space.
_HEADING = re.compile(r"[ \t]*#{1,6}[ \t]")
#: Names of things in a program, never prose to proofread: Markdown inline code ("`conf/app.ini`";
#: not a backtick typed for an apostrophe, "didn`t") and file paths or names written bare
#: ("src/rota/loader.py", "settings.ini").
_CODE = re.compile(
    r"(?<![A-Za-z])`[^`\n]{1,200}`|(?<![\w./-])[\w.-]*/[\w./-]*\.\w{1,5}\b"
    r"|\b[\w-]+\.(?:ini|py|sh|ya?ml|json|md|txt|csv|toml|cfg|js|ts|go|rs|java|rb|sql|ipynb)\b"
)


def _stray_word(sent: Span) -> bool:
    """An adjective or adverb or two that the parser split off the sentence it opens ("Hi Dev -
    great | meeting you at the fair!"; never "thanks | for the chat", which is the thanks)."""
    words = [t for t in sent if not t.is_space and not t.is_punct]
    closed = sent.text.rstrip().endswith((".", "!", "?"))  # "Very grateful!" is a sentence of its own
    return 0 < len(words) <= 2 and not closed and all(t.pos_ in ("ADJ", "ADV") for t in words)


def _as_written(sents: list[Span], text: str) -> list[Span]:
    """Sentences as the writer punctuated them: the parser may cut a long run-on sentence
    where no stop is ("... it has been ten days | and I have not heard anything yet."); a piece
    that ends without a stop and runs on, on the same line, into a lowercase word is one
    sentence with what follows."""
    out: list[Span] = []
    for sent in sents:
        if out:
            last = out[-1]
            gap = text[last.end_char : sent.start_char]
            if (
                not last.text.rstrip().rstrip("\"'\u201d\u2019)]").endswith((".", "!", "?", ":", ";", "\u2026"))
                and not (len(out) == 1 and _PLEASANTRY.match(last.text))  # (still skipped on its own)
                and "\n" not in gap
                and sent.text[:1].islower()
            ):
                out[-1] = sent.doc[last.start : sent.end]
                continue
        out.append(sent)
    return out


@dataclass
class ParsedDraft:
    draft: Draft
    doc: Doc | None  # None only in the linter's view of a cached outcome, which is never parsed
    layout: Layout
    kind: str  # "thank-you" or "follow-up"
    kind_source: str  # "metadata" or "inferred"
    lines: LineIndex = field(repr=False, default=None)  # type: ignore[assignment]
    #: Ids of the rules that were applied to this draft (filled in by the linter).
    applied: set = field(default_factory=set)
    #: (directive, selectors) for inline suppressions that silenced nothing although the rules
    #: they name were applied, or that name no known rule (filled in by the linter).
    unused_suppressions: list = field(default_factory=list)
    #: The parsed text, read once: spaCy rebuilds `Doc.text` on every access. A draft whose
    #: per-draft results came from the cache has a text but no `Doc`.
    text: str = field(repr=False, default=None)  # type: ignore[assignment]
    #: Token, phrase and dependency matches of every pattern set, from one combined pass.
    found: dict = field(repr=False, default_factory=dict)
    #: The current time of the run (the default `sent_at`), passed in by the linter.
    now: object = None
    #: The draft's position in the run, which keys its result.
    number: int = 0
    #: Labels the entities of the parse, when the pipeline left them for later (see `entities`).
    recognise: Callable[[Doc], None] | None = field(repr=False, default=None)

    def __post_init__(self) -> None:
        if self.lines is None:
            self.lines = LineIndex(self.draft.text)
        if self.text is None:
            self.text = self.doc.text

    @property
    def meta(self):
        return self.draft.meta

    @property
    def offset(self) -> int:
        """Where the parsed content starts in the file."""
        return self.draft.content_start

    @property
    def parse(self) -> Doc:
        """The spaCy parse, for code that runs only on a parsed draft."""
        assert self.doc is not None, "a view of a cached outcome has no parse"
        return self.doc

    @cached_property
    def entities(self) -> tuple[Span, ...]:
        """Named entities, recognised on first use: most drafts never need them (spelling asks
        only about a word that looks misspelt)."""
        if self.recognise is not None:
            self.recognise(self.parse)
        return tuple(self.parse.ents)

    def entity_type(self, token: Token) -> str:
        """The entity label of a token ("" outside entities)."""
        self.entities  # noqa: B018  (recognised on first use)
        return token.ent_type_

    @cached_property
    def body_sentences(self) -> list[Span]:
        """Sentences of the body (greeting and closing excluded), clipped to the body."""
        body = self.layout.body
        out = []
        for sent in self.parse.sents:
            if sent.end_char <= body.start or sent.start_char >= body.end:
                continue
            span = self.parse.char_span(
                max(sent.start_char, body.start), min(sent.end_char, body.end), alignment_mode="expand"
            )
            if span is not None and any(not t.is_space and not t.is_punct for t in span):
                out.append(span)
        return out

    @cached_property
    def sentence_starts(self) -> list[int]:
        """Where each sentence of the whole document starts, in order."""
        return [sent.start_char for sent in self.parse.sents]

    def sentence_of(self, offset: int) -> int:
        """The index of the sentence an offset falls in (a bisection, not a walk)."""
        return bisect.bisect_right(self.sentence_starts, offset) - 1

    def first_sentences(self, count: int) -> list[Span]:
        """The first `count` body sentences, not counting one opening pleasantry (kept, since
        "I hope you are well and thank you for ..." thanks in it, but taking no place), a stray
        word the parser split off the first sentence, nor a sentence that is all template residue
        (a "[Tip: ...]" line above the note), nor a Markdown heading ("# Take-home: pipeline")."""
        sents = self._opening_sentences
        if sents and _PLEASANTRY.match(sents[0].text):
            return sents[: count + 1]
        return sents[:count]

    @cached_property
    def _opening_sentences(self) -> list[Span]:
        """The body sentences `first_sentences` counts, worked out once (rules ask for them
        several times per draft)."""
        sents = _as_written(
            [s for s in self.body_sentences if not self._all_residue(s) and not self._heading(s)], self.text
        )
        if len(sents) > 1 and _stray_word(sents[0]):
            sents = sents[1:]
        return sents

    def _heading(self, sent: Span) -> bool:
        """A Markdown heading ("# Take-home: events pipeline") titles the text; it is no sentence
        (unless the parse ran it into the line below, which is then part of the same sentence)."""
        content = self.draft.content
        line_start = content.rfind("\n", 0, sent.start_char) + 1
        line_end = content.find("\n", line_start)
        return (
            bool(_HEADING.match(content, line_start))
            and not content[line_start : sent.start_char].strip(" \t#")
            and (line_end == -1 or not content[line_end : sent.end_char].strip())
        )

    def _all_residue(self, sent: Span) -> bool:
        covered = [(r.start, r.end) for r in self.residue if r.start < sent.end_char and sent.start_char < r.end]
        return bool(covered) and all(
            any(start <= t.idx < end for start, end in covered) for t in sent if not t.is_space and not t.is_punct
        )

    def region(self, name: str) -> Region:
        if name == "all":
            return Region(0, len(self.text))
        if name == "note":
            return self.note
        if name == "closing":
            return self.layout.closing
        return getattr(self.layout, name)

    @cached_property
    def after_closing(self) -> int:
        """Where the body and its sign-off end: what follows is signature, postscript or page."""
        return max(self.layout.body.end, self.layout.sign_off.end)

    @cached_property
    def note(self) -> Region:
        """The note itself, with its e-mail head (see `layout.note_start`), to the end of the text
        or to a rule line ("---") under its closing: not the page around it, such as a forum
        poster's words above the note or below such a rule."""
        end = len(self.text)
        after = self.after_closing  # (a signature may run on past the rule)
        rule = _RULE_BELOW.search(self.text, after)
        if rule and self.text[rule.end() :].strip():
            end = rule.start()
        return Region(min(note_start(self.text, self.layout), after), end)

    @cached_property
    def postscript(self) -> Region:
        """A postscript under the closing ("P.S. Will the coordinator drive the van?"): the
        writer's own afterthought, which the reader reads with the note, to the end of its
        paragraph (not a forum poster's words under a note, which carry no such label)."""
        found = _POSTSCRIPT.search(self.text, self.after_closing, self.note.end)
        if found is None:
            return Region(0, 0)
        blank = _BLANK_LINE.search(self.text, found.end(), self.note.end)
        return Region(found.start(), blank.start() if blank else self.note.end)

    @property
    def anchor(self) -> int:
        """Where a document-level finding points: the first body line (else the first content)."""
        text = self.text
        start = self.layout.body.start if self.layout.body else 0
        while start < len(text) and text[start].isspace():
            start += 1
        return start

    def line_from(self, start: int) -> tuple[int, int]:
        """`start` and the end of its line: how a document-level finding underlines one line."""
        text = self.text
        end = text.find("\n", start)
        end = len(text) if end == -1 else end
        return start, end - 1 if end > start and text[end - 1] == "\r" else end

    @cached_property
    def residue(self) -> list[residue_module.Residue]:
        """Template residue anywhere in the content, found once for every rule; not inside
        code, where `TODO.md` or `{{first_name}}` is a name in a program."""
        start = self.layout.start
        around = residue_module.page_around(self.text, self.draft.content, start)
        found = residue_module.find(self.text, around)
        # a poster who asks about the note below wrote their own words above it: "had my
        # interview at [hospital] this morning. Is this ok to send?" hides a name in a sentence,
        # fills no slot (a letter head's "[Your Address]" on a line of its own still is one)
        asks = start and poster_asks(self.text[:start])
        return [
            r
            for r in found
            if not self.in_code(r.start, r.end)
            and not (asks and r.kind == "slot" and r.end <= start and self._in_prose(r))
        ]

    def _in_prose(self, piece: residue_module.Residue) -> bool:
        """Whether words stand beside `piece` on its line."""
        text = self.text
        line_start = text.rfind("\n", 0, piece.start) + 1
        line_end = text.find("\n", piece.end)
        return bool(
            (text[line_start : piece.start] + text[piece.end : len(text) if line_end == -1 else line_end]).strip()
        )

    @cached_property
    def code_spans(self) -> list[tuple[int, int]]:
        """Where the text names things in a program (inline code, file paths): proofreading
        leaves them alone."""
        return [m.span() for m in _CODE.finditer(self.text)]

    def in_code(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.code_spans)

    @cached_property
    def body_text(self) -> str:
        body = self.layout.body
        return self.text[body.start : body.end]

    @cached_property
    def body_words(self) -> list:
        body = self.layout.body
        return [t for t in self.parse if body.start <= t.idx < body.end and (t.is_alpha or t.like_num or "'" in t.text)]

    def file_offset(self, content_offset: int) -> int:
        return self.offset + content_offset
