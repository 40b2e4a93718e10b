"""Grammar: `grammar` asks Harper (harper-py, an offline grammar checker), filtered to the
lint kinds and rules that hold up on professional notes; `comma-splice` finds two full clauses
joined by a bare comma, which no engine here catches.

harper-py is imported lazily, only when a grammar rule runs. Without it the rule says once that
it is unavailable and stands aside, so every other rule keeps working.
"""

from __future__ import annotations

import os
import re
import sys
import threading
from importlib.util import find_spec
from typing import TYPE_CHECKING

from ..checks import Check, Hit, Option, scope_ranges
from ..errors import RuleError, did_you_mean

if TYPE_CHECKING:
    from concurrent.futures import Future, ThreadPoolExecutor

#: One `harper.Linter` per dialect and set of denied rules, shared by the threads: building one
#: costs most of a second and over 100 MB.
_linters: dict[tuple[str, frozenset[str]], object] = {}
#: A linter is not thread-safe: one call at a time.
_lint_lock = threading.Lock()
#: Linters being built in the background (`start_building`), taken by the first thread that asks.
_warming: dict[tuple[str, frozenset[str]], Future] = {}
_warming_lock = threading.Lock()
#: The thread that lints a batch's texts while the batch is parsed (see `Grammar.begin`).
_background: ThreadPoolExecutor | None = None
#: File descriptor 1 is process-wide, so only one thread at a time may swap it.
_stdout_lock = threading.Lock()
_DIALECTS = ("american", "british", "australian", "canadian", "indian")
_reported_missing: set[str] = set()


def harper_available() -> bool:
    """Whether harper-py can be imported (without importing it)."""
    return find_spec("harper") is not None


def _build(dialect: str, denied: frozenset[str]):
    """A Harper linter for the dialect, with the denied rules switched off (building one prints
    nothing on standard output, so it needs no `_quietly`)."""
    import harper

    linter = harper.Linter(getattr(harper.Dialect, dialect.upper()))
    linter.set_lint_config({name: (False if name in denied else None) for name in linter.get_lint_config()})
    return linter


def start_building(dialect: str, denied: frozenset[str]) -> None:
    """Start building a linter in a background thread. harper-py releases the GIL while it
    builds one, so the build overlaps loading the spaCy pipeline instead of following it."""
    from concurrent.futures import Future

    key = (dialect, denied)
    with _warming_lock:
        if key in _warming or key in _linters:
            return
        future: Future = Future()
        _warming[key] = future

    def build() -> None:
        try:
            future.set_result(_build(dialect, denied))
        except BaseException as exc:  # raised again in the thread that takes the linter
            future.set_exception(exc)
        _release_scratch()

    threading.Thread(target=build, name="harper-build", daemon=True).start()


def _release_scratch() -> None:
    """Give back to the system the memory that building a linter used and freed (about 36 MB
    that glibc would otherwise keep, in this thread's own arena where no other thread reuses it)."""
    import ctypes

    try:
        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: nothing to do
        pass


def _harper_linter(dialect: str, denied: frozenset[str]):
    """The Harper linter for the dialect and denied rules: the one built in the background, or
    a new one."""
    key = (dialect, denied)
    with _warming_lock:
        future = None if key in _linters else _warming.pop(key, None)
    if key not in _linters:
        linter = future.result() if future is not None else _build(dialect, denied)
        with _warming_lock:
            _linters.setdefault(key, linter)
    return _linters[key]


def _forget_threads() -> None:
    """In a forked worker (`--jobs`), which has none of its parent's threads: a lock one of them
    held would never be released, a build it ran never finish, its queue never be served."""
    global _background, _lint_lock, _stdout_lock, _warming_lock
    _background = None
    _lint_lock, _stdout_lock, _warming_lock = threading.Lock(), threading.Lock(), threading.Lock()
    _warming.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_threads)


def _in_background() -> ThreadPoolExecutor:
    """The one thread that lints texts ahead of their parse."""
    global _background
    if _background is None:
        from concurrent.futures import ThreadPoolExecutor

        _background = ThreadPoolExecutor(max_workers=1, thread_name_prefix="harper-lint")
    return _background


def _quietly(call, *args, **kwargs):
    """Run `call` with file descriptor 1 sent to /dev/null: harper-py 0.2.0 prints debug lines
    from native code, which `contextlib.redirect_stdout` cannot catch and which would corrupt a
    JSON report on standard output."""
    with _stdout_lock:
        sys.stdout.flush()
        saved = os.dup(1)
        null = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(null, 1)
            return call(*args, **kwargs)
        finally:
            os.dup2(saved, 1)
            os.close(saved)
            os.close(null)


#: Harper's article rule misreads "an honour", "an hour", "an heir", and takes the letter in
#: "CompTIA A+" or "Plan A]" for an article.
_NOT_AN_ARTICLE = re.compile(r"\s+(?:hon|hour|heir)|[^\s\w]|\s*\S*\+", re.I)


class Grammar(Check):
    fixable = True
    kind = "grammar"
    summary = "Reports grammar errors found by the Harper grammar checker, filtered for notes."
    options = {
        "scope": Option("scope", "body", "where to look"),
        "dialect": Option("text", "american", "the English Harper checks against", choices=_DIALECTS),
        "keep_kinds": Option(
            "texts", doc="Harper lint kinds that are reported (the others are dropped)", tunable=False
        ),
        "deny": Option(
            "texts",
            [],
            "Harper rules that are never reported (they misfire on correct notes, or another rule covers them)",
            tunable=False,
        ),
    }

    def __init__(self, rule, settings):
        super().__init__(rule, settings)
        self.available = harper_available()
        self._early: dict[str, Future] = {}  # lints of the current batch, begun before its parse

    def warm(self):
        if self.available:
            start_building(self.settings["dialect"], frozenset(self.settings["deny"]))

    def prepare(self, nlp):
        super().prepare(nlp)
        if not self.available:
            if self.rule.id not in _reported_missing:
                _reported_missing.add(self.rule.id)
                sys.stderr.write(
                    f"thanklint: {self.rule.id} is unavailable: harper-py is not installed "
                    "(pip install 'harper-py==0.2.0'); the other rules run as usual\n"
                )
            return
        linter = self._linter()
        known = set(linter.get_lint_config())
        for name in self.settings["deny"]:
            if name not in known:
                raise RuleError(
                    self.rule.path,
                    f"unknown Harper rule '{name}'{did_you_mean(name, known)}",
                    self.rule.lines.get("deny"),
                    "deny",
                )

    def _linter(self):
        return _harper_linter(self.settings["dialect"], frozenset(self.settings["deny"]))

    def begin(self, texts):
        """Lint the batch's texts in a background thread while spaCy parses them: Harper
        releases the interpreter while it works, so on a second core its time (tens of
        milliseconds a note) disappears behind the parse."""
        if self.available:
            pool = _in_background()
            self._early = {text: pool.submit(self._lint, text) for text in dict.fromkeys(texts)}

    def _lint(self, text: str) -> list:
        linter = self._linter()
        with _lint_lock:
            return _quietly(linter.lint, text, language="plaintext")

    def applicable(self, parsed):
        return self.available

    def run(self, parsed):
        text = parsed.doc.text
        ranges = scope_ranges(parsed, self.settings["scope"])
        if not ranges:
            return
        keep = set(self.settings["keep_kinds"])
        early = self._early.pop(text, None)
        lints = early.result() if early is not None else self._lint(text)
        for lint in lints:
            start, end = lint.span.start, lint.span.end
            if (
                lint.lint_kind not in keep
                or not text[start:end].strip()
                or not any(s <= start and end <= e for s, e in ranges)
            ):
                continue
            if text[start:end].lower() in ("a", "an") and _NOT_AN_ARTICLE.match(text, end):
                continue
            found = text[start:end]
            replacement = lint.suggestions[0].replacement_text if lint.suggestions else None
            advice = lint.message.strip()
            values = {
                "match": found,
                "advice": advice if advice.endswith((".", "?", "!")) else advice + ".",
                "replacement": replacement or "",
            }
            yield Hit(start, end, values, replacement=replacement if replacement and replacement != found else None)


#: Pronouns that open an independent clause after the comma of a splice.
_SUBJECTS = {"i", "we", "you", "he", "she", "they", "it", "this", "that"}
#: Finite verb tags (a clause, not a participle phrase).
_FINITE = {"VBD", "VBP", "VBZ", "MD"}
#: Words that make what precedes the comma a subordinate clause or a short introduction.
_SUBORDINATORS = {
    "if",
    "when",
    "whenever",
    "as",
    "because",
    "although",
    "though",
    "since",
    "while",
    "whilst",
    "after",
    "before",
    "once",
    "unless",
    "until",
    "whether",
    "where",
    "wherever",
    "given",
    "so",
    "even",
    "now",
}
#: Inverted conditionals: "Should it help, I ...", "Had I known, I ...".
_INVERTED = {"should", "had", "were"}
#: Adverbs that may stand between the comma and the second subject ("..., probably you were busy").
_BRIDGING = {"probably", "maybe", "perhaps", "hopefully", "honestly", "surely"}
#: A parenthetical comment is not a second clause: "The role, I think, suits me".
_PARENTHETICAL = {
    "think",
    "believe",
    "hope",
    "guess",
    "feel",
    "know",
    "suppose",
    "mean",
    "say",
    "understand",
    "imagine",
    "agree",
    "recall",
    "trust",
}


def _main_clause_verb(tokens) -> bool:
    """Whether the tokens hold a finite verb with a subject of its own that is not inside a
    relative or adverbial clause, or a clause of thanks ("Thank you for ...")."""
    for token in tokens:
        if token.lower_ in ("thanks", "thank") and token.i == tokens[0].i:
            return True
        if token.tag_ not in _FINITE and not (
            token.tag_ in ("VB", "VBG") and any(c.tag_ in _FINITE for c in token.children if c.dep_ == "aux")
        ):
            continue
        if token.dep_ in ("aux", "auxpass"):
            token = token.head
        if token.dep_ in ("relcl", "advcl", "acl", "csubj", "pcomp") or any(c.dep_ == "mark" for c in token.children):
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i < token.i for c in token.children):
            return True
    return False


class CommaSplice(Check):
    kind = "comma-splice"
    summary = 'Reports two full clauses joined by a bare comma ("Thanks for your time, I enjoyed it").'
    options = {
        "scope": Option("scope", "body", "where to look"),
    }

    def run(self, parsed):
        for s, e in scope_ranges(parsed, self.settings["scope"]):
            span = parsed.doc.char_span(s, e, alignment_mode="expand")
            if span is None:
                continue
            for sent in span.sents:
                yield from self._splices(sent)

    def _splices(self, sent):
        words = [t for t in sent if not t.is_space]
        if not words:
            return
        opener = words[0].lower_
        if opener in _SUBORDINATORS or opener in _INVERTED and len(words) > 1 and words[1].pos_ in ("PRON", "PROPN"):
            return
        for comma in (t for t in words if t.text == ","):
            before = [t for t in words if t.i < comma.i]
            after = [t for t in words if t.i > comma.i]
            k = 1 if after and after[0].lower_ in _BRIDGING else 0
            if len(after) < k + 2:
                continue
            subject, verb = after[k], after[k + 1]
            if (
                subject.lower_ not in _SUBJECTS
                or subject.dep_ not in ("nsubj", "nsubjpass")
                or verb.tag_ not in _FINITE
            ):
                continue
            if subject.lower_ in ("this", "that") and verb.pos_ not in ("AUX", "VERB"):
                continue
            if verb.lemma_.lower() in _PARENTHETICAL and (len(after) == k + 2 or after[k + 2].is_punct):
                continue  # "..., I think." or "..., I think, ..."
            if verb.dep_ in ("relcl", "advcl", "acl") or any(c.dep_ == "mark" for c in verb.children):
                continue
            # The clause since the previous comma or semicolon decides what precedes this one.
            seps = [j for j, t in enumerate(before) if t.text in (",", ";", ":", "—", "–")]
            clause = before[seps[-1] + 1 :] if seps else before
            if any(
                t.lower_ in ("and", "or") and words[i - 1].text == ","
                for i, t in enumerate(words)
                if t.i > comma.i and i
            ):
                continue  # a list of clauses: "I hold an HND, I am sitting the exams, and I ..."
            if (
                len(clause) < 3
                or clause[0].lower_ in _SUBORDINATORS | {"and", "but", "or", "which", "who"}
                or clause[0].tag_ == "IN"
            ):
                continue
            if _main_clause_verb(clause):
                yield Hit(comma.idx, comma.idx + 1, {"match": sent.text.strip()})
