"""Grammar: `grammar` asks Harper (harper-py, an offline grammar checker), filtered to the
lint kinds and rules that hold up on professional notes; `comma-splice` finds two full clauses
joined by a bare comma, which no engine here catches.

Harper runs in a process of its own (`harper_process`), started only when a grammar rule runs,
while the pipeline loads. Without harper-py the rule says once that it is unavailable and
stands aside, so every other rule keeps working.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import re
import subprocess
import sys
import threading
from importlib.util import find_spec
from typing import TYPE_CHECKING, Any

from .. import lazyregex
from ..checks import Check, Hit, Option, scope_ranges
from ..errors import RuleError, did_you_mean

if TYPE_CHECKING:
    from concurrent.futures import Future, ThreadPoolExecutor

_DIALECTS = ("american", "british", "australian", "canadian", "indian")
_reported_missing: set[str] = set()


def harper_available() -> bool:
    """Whether harper-py can be imported (without importing it)."""
    return find_spec("harper") is not None


class _Harper:
    """The Harper process, and one conversation with it at a time."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "thanklint.checks.harper_process"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="ascii",
        )
        self.lock = threading.Lock()
        #: Held across processes while `--jobs` workers share this process (see `before_workers`).
        self.shared_lock: Any = None
        self.unanswered = 0  # requests sent without waiting for their answer (an early build)

    def send(self, kind: str, *args: Any) -> None:
        """Ask without waiting: the answer is read (and a failure raised) with the next `ask`."""
        with self.lock:
            self._write(kind, args)
            self.unanswered += 1

    def ask(self, kind: str, *args: Any) -> Any:
        with self.lock, self.shared_lock or contextlib.nullcontext():
            while self.unanswered:
                self.unanswered -= 1
                self._read()
            self._write(kind, args)
            return self._read()

    def _write(self, kind: str, args: tuple) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps({kind: list(args)}) + "\n")
        self.process.stdin.flush()

    def _read(self) -> Any:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError(f"the Harper process stopped (exit status {self.process.poll()})")
        answer = json.loads(line)
        if "error" in answer:
            raise RuntimeError(f"Harper: {answer['error']}")
        return answer["ok"]

    def close(self) -> None:
        """End the process and wait for it (so that it is counted, and never left behind)."""
        if self.process.stdin is not None:
            self.process.stdin.close()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


_harper: _Harper | None = None
_harper_guard = threading.Lock()
#: The thread that lints texts ahead of their parse (see `Grammar.begin`).
_background: ThreadPoolExecutor | None = None


def _process() -> _Harper:
    """The Harper process of this process, started on first use."""
    global _harper
    with _harper_guard:
        if _harper is None:
            _harper = _Harper()
            atexit.register(_harper.close)
        return _harper


def _forget_threads() -> None:
    """In a forked process, which has none of its parent's threads: a lock a thread held would
    never be released and its queue never served. A `--jobs` worker keeps the Harper process its
    parent readied to be shared (see `Grammar.before_workers`); any other child must not talk to
    its parent's, as two processes would interleave on one pipe, and starts its own."""
    global _background, _harper, _harper_guard
    shared = _harper if _harper is not None and _harper.shared_lock is not None else None
    if shared is not None:
        shared.lock = threading.Lock()
    _background, _harper, _harper_guard = None, shared, threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_threads)


def _in_background() -> ThreadPoolExecutor:
    """The one thread that lints texts ahead of their parse."""
    global _background
    if _background is None:
        from concurrent.futures import ThreadPoolExecutor

        _background = ThreadPoolExecutor(max_workers=1, thread_name_prefix="harper-lint")
    return _background


#: Harper's article rule misreads "an honour", "an hour", "an heir", and takes the letter in
#: "CompTIA A+" or "Plan A]" for an article.
_NOT_AN_ARTICLE = lazyregex.compile(r"\s+(?:hon|hour|heir)|[^\s\w]|\s*\S*\+", re.I)
#: "a" before a vowel letter sounded as "y" or "w" ("a ewe", "a eucalyptus", "a one-off", "a
#: uniform"), which Harper's article rule takes for a vowel sound.
_A_BEFORE_A_GLIDE = lazyregex.compile(r"\s+(?:ewes?|eu\w*|one\b|once\b|uni\w*|use\w*|usu\w*|ute\w*|uti\w*)", re.I)
#: "an" before an initialism read letter by letter from a vowel sound ("an FAA certificate",
#: "an MSc"), which the article rule misses for some of them.
_AN_INITIALISM = lazyregex.compile(r"\s+[AEFHILMNORSX][A-Z0-9&]*[A-Z]\b")
#: "at" that belongs to a verb of looking ("look at the hall floor"), which Harper's rule for a
#: position on a floor ("at the shop floor") takes for a position.
_LOOKING_AT = lazyregex.compile(r"\b(?:look|glance|stare|gaze|peer|point)(?:s|ed|ing)?\s+$", re.I)
#: "over all" before a span of time is two words: "turning it over all weekend" (not "the over
#: all impression", Harper's "overall").
_A_SPAN_OF_TIME = lazyregex.compile(
    r"\s+(?:the\s+)?(?:(?:next|last|whole|past|following)\s+)?(?:weekend|week|night|day|morning|evening|afternoon|summer|winter|year|month|holiday)s?\b",
    re.I,
)
#: "have" with its object moved ahead of it ("the work you have coming up", "what we have going
#: on"), which Harper's progressive rule takes for "have" without "been".
_HAVE_SOMETHING_COMING = lazyregex.compile(r"\s+(?:coming|going)\s+(?:up|on)\b", re.I)
#: A singular noun that ends in "s" after "is" or "was" ("whenever there is news", "there's
#: news", "there was logistics to sort"), which Harper's rule for "there is" takes for a plural.
_SINGULAR_IN_S = lazyregex.compile(
    r"(?:there\s*)?(?:is|was|'s)\s+(?:news|physics|mathematics|maths|economics|logistics|athletics|politics|ethics"
    r"|analytics|electronics|genetics|linguistics|gymnastics|statistics|measles)",
    re.I,
)
#: A question whose subject comes between its modal and "be" ("or would setting that up be part of
#: this role?", "could the second round be remote?"), which Harper's rule for a modal without
#: "be" before an adjective takes for "would setting" (not "it would great to be there.").
_BE_LATER_IN_A_QUESTION = lazyregex.compile(r"[^.?!\n]{0,80}?\bbe\b[^.?!\n]*\?")
#: "a" before capitals read as a word ("a SMED project", "a NASA grant", "a SCADA upgrade"): four
#: letters or more, the second a vowel or after an "s" that can begin a word ("sm", "sc"); "a
#: MBA", "a HGV licence", "a MA", "a SME" and "a NHS trust" are spelled out letter by letter, and
#: stay reported.
_A_ACRONYM = lazyregex.compile(r"\s+(?:[FHLMNRSX][AEIOU][A-Z0-9&]{2,}|S[CKLMNPTW][AEIOU][A-Z0-9&]+)\b")

#: A word of three to six capitals, as initialisms are written ("IMCA", "NVQ").
_INITIALISM = lazyregex.compile(r"\b[A-Z]{3,6}\b")


class Grammar(Check):
    fixable = True
    kind = "grammar"
    proofreads = True
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
        "deny_groups": Option(
            "texts",
            [],
            "Harper rule groups, by the labels of Harper's settings, never asked for: their lints are of kinds that are dropped",
            tunable=False,
        ),
    }

    def __init__(self, rule, settings):
        super().__init__(rule, settings)
        self.available = harper_available()
        self._early: dict[str, Future] = {}  # lints of the current batch, begun before its parse
        self._warm = False  # the build was asked for

    def _settings(self) -> tuple[str, list[str]]:
        return self.settings["dialect"], sorted({*self.settings["deny"], *self.settings["deny_groups"]})

    def warm(self):
        """Start the Harper process and its linter's build, which overlap loading spaCy."""
        if self.available and not self._warm:
            self._warm = True
            _process().send("build", *self._settings())

    def expect(self, texts):
        """Announce the run's texts to Harper, which lints them while spaCy loads and whenever no
        question waits (from the background thread: the texts may fill the pipe before the
        Harper process has started reading it)."""
        if self.available:
            self.warm()
            _in_background().submit(_process().send, "ahead", *self._settings(), list(dict.fromkeys(texts)))

    def before_workers(self):
        """Ready this process's Harper process to be shared by every worker, one request at a
        time: the calling process does not lint while they do, and a second Harper process would
        build its linter (a second of CPU) on a core the workers need."""
        global _background
        if not self.available:
            return
        if _background is not None:
            _background.shutdown(wait=True)  # lints begun earlier finish before anything is forked
            _background = None
        own = _process()
        own.ask("rules", *self._settings())  # every earlier answer read: the pipe is idle
        import multiprocessing

        own.shared_lock = multiprocessing.get_context("fork").Lock()

    def after_workers(self):
        if _harper is not None:
            _harper.shared_lock = None

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
        known = _process().ask("rules", *self._settings())
        for key, what, names in (("deny", "rule", known["rules"]), ("deny_groups", "rule group", known["groups"])):
            for name in self.settings[key]:
                if name not in names:
                    raise RuleError(
                        self.rule.path,
                        f"unknown Harper {what} '{name}'{did_you_mean(name, set(names))}",
                        self.rule.lines.get(key),
                        key,
                    )

    def begin(self, texts):
        """Hand the batch's texts to Harper, from a background thread, while spaCy parses them:
        on the second core its time (tens of milliseconds a note) disappears behind the parse."""
        if self.available:
            pool = _in_background()
            self._early = {text: pool.submit(self._lint, text) for text in dict.fromkeys(texts)}

    def _lint(self, text: str) -> list:
        return _process().ask("lint", *self._settings(), text)

    def applicable(self, parsed):
        return self.available

    def run(self, parsed):
        text = parsed.text
        ranges = scope_ranges(parsed, self.settings["scope"])
        if not ranges:
            return
        keep = set(self.settings["keep_kinds"])
        early = self._early.pop(text, None)
        lints = early.result() if early is not None else self._lint(text)
        for start, end, lint_kind, message, replacement in lints:
            if (
                lint_kind not in keep
                or not text[start:end].strip()
                or not any(s <= start and end <= e for s, e in ranges)
                or parsed.in_code(start, end)
            ):
                continue
            if text[start:end].lower() in ("a", "an") and _NOT_AN_ARTICLE.match(text, end):
                continue
            if text[start:end].lower() == "an" and _AN_INITIALISM.match(text, end):
                continue
            if text[start:end].lower() == "a" and (_A_ACRONYM.match(text, end) or _A_BEFORE_A_GLIDE.match(text, end)):
                continue
            # (a letter glued to a number is part of a code, not an article: "IPAF 3a and 3b")
            if text[start - 1 : start].isdigit():
                continue
            # (an initialism among ordinary words is a term of the trade, not a word to correct:
            # "I have been an IMCA for three years")
            if _INITIALISM.fullmatch(text[start:end]) and not _INITIALISM.search(text, max(0, start - 12), start):
                continue
            if text[start:end].lower() == "at" and _LOOKING_AT.search(text, max(0, start - 20), start):
                continue
            if text[start:end].lower() == "over all" and _A_SPAN_OF_TIME.match(text, end):
                continue
            if text[start:end].lower().endswith("have") and _HAVE_SOMETHING_COMING.match(text, end):
                continue
            if _SINGULAR_IN_S.fullmatch(text[start:end]):
                continue
            # (a word inside a hyphenated compound, as "let" in "the buy-to-let side", is no verb)
            if text[start - 1 : start] == "-" or text[end : end + 1] == "-":
                continue
            if "between this modal verb" in message and _BE_LATER_IN_A_QUESTION.match(text, end):
                continue
            if (
                _phrase_ends_in_a_compound(parsed.parse, end, message)
                or _names_or_modifies(parsed.parse, start, end, message)
                or _noun_with_modifiers(parsed.parse, start, end)
                or "negative word" in message
                and _known_or_plural(text[start:end])
            ):
                continue
            found = text[start:end]
            advice = message.strip()
            values = {
                "match": found,
                "advice": advice if advice.endswith((".", "?", "!")) else advice + ".",
                "replacement": replacement or "",
            }
            yield Hit(start, end, values, replacement=replacement if replacement and replacement != found else None)


def _phrase_ends_in_a_compound(doc, end: int, message: str) -> bool:
    """Whether the phrase Harper corrects (the flagged words and the next, named in its message:
    "on" with "Did you mean `by accident`?") ends on a word that modifies the noun after it: "on
    accident repair work" holds no "on accident"."""
    after = next((t for t in doc if t.idx >= end and not t.is_space), None)
    if after is None or after.dep_ != "compound" or after.head.i <= after.i:
        return False
    return any(after.lower_ in phrase.lower().split() for phrase in re.findall(r"`([^`]+)`", message))


def _known_or_plural(word: str) -> bool:
    """Whether a word Harper takes for a wrong negative ("unefficient") is a dictionary word
    ("inducible") or the plural of one ("informations", which `uncountable-plural` reports)."""
    from .spelling import _speller

    speller, word = _speller(), word.lower()
    return word in speller or word.endswith("s") and word[:-1] in speller


#: Harper's hints that join or re-form words ("the closed compound `lifetime`", "the adjective
#: `everyday`", "the reciprocal possessive"): a modifier of the next noun is what they correct.
_JOINING_HINT = lazyregex.compile(r"compound|single word|possessive|adjective", re.I)


def _noun_with_modifiers(doc, start: int, end: int) -> bool:
    """Whether Harper's hint falls on a plural noun with a noun before it ("short-term holiday
    lets" are flats to rent, not "let's"; not "Awesome lets do it")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return (
        span is not None
        and len(span) == 1
        and span[0].tag_ == "NNS"
        and any(c.dep_ == "compound" and c.i < span[0].i for c in span[0].children)
        # (a subject before a bare verb is the suggestion itself: "Awesome lets do it")
        and not (span[0].dep_ == "nsubj" and span[0].head.tag_ == "VB")
    )


def _names_or_modifies(doc, start: int, end: int, message: str) -> bool:
    """Whether Harper's hint falls on a proper noun inside a sentence ("your email in May
    confirming" has no modal "may"; a place's name is no error) or, unless the hint joins or
    re-forms words, on a word that modifies the noun after it ("the switch to automated invoice
    matching" holds no verb after "to"; "what new hires do" no "knew")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    last = span[-1]
    if last.pos_ == "PROPN" and last.text[:1].isupper() and not last.is_sent_start:
        return True
    if _JOINING_HINT.search(message):
        return False
    # (the noun may be a gerund the tagger reads as a verb: "automated IHC staining")
    noun = last.head.pos_ in ("NOUN", "PROPN") or last.head.tag_ == "VBG"
    return last.dep_ in ("amod", "compound") and last.head.i > last.i and noun


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
#: Verbs of liking that hurried writers put after thanks with their "I" dropped: "thanks for this
#: morning, loved the tour", "thanks again for the chat, really appreciated it".
_LIKED = {"love", "enjoy", "appreciate", "like"}
#: Words of thanks that open the clause before such a verb.
_THANKS = {"thanks", "thank", "thx"}
#: Thanks said alone, before a comma: "Thanks so much,", "Thank you very much again,".
_THANKS_ALONE = _THANKS | {
    "you",
    "so",
    "much",
    "very",
    "a",
    "lot",
    "again",
    "heaps",
    "loads",
    "million",
    "kindly",
    "many",
    "ever",
}
#: Stock openers after which a request needs no full stop: "Thanks again, let me know ...".
_STOCK_OPENERS = _THANKS | {"sorry", "apologies", "cheers", "hope"}
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
    lead = next((t for t in tokens if t.pos_ != "ADV"), None)
    if (
        lead is not None
        and tokens[0].is_sent_start
        and lead.dep_ in ("ROOT", "advcl", "ccomp")
        and lead.tag_ in ("VBD", "VBP")
        and lead.pos_ == "VERB"
        and not any(c.dep_ in ("nsubj", "nsubjpass", "expl", "mark") for c in lead.children)
    ):
        return True  # a subject dropped, as hurried notes do: "Just wanted to follow up on the role"
    if (
        tokens[0].is_sent_start
        and tokens[0].lower_ in ("would", "wud")
        and (following := next((t for t in tokens[1:] if t.pos_ != "ADV"), None)) is not None
        and following.lemma_.lower() in ("love", "like", "appreciate")
    ):
        return True  # "Would love to hear more about the training plan, is there ...?" ("I" dropped)
    if (
        tokens[0].is_sent_start
        and tokens[0].lower_ in ("sorry", "apologies")
        and len(tokens) > 2
        and tokens[1].lower_ in ("to", "for")
    ):
        return True  # "Sorry to bother you again, I ..." ("I'm" dropped, as in "Just checking in, ...")
    if (
        tokens[0].is_sent_start
        and tokens[0].lower_ == "just"
        and len(tokens) > 1
        and tokens[1].tag_ == "VBG"
        and tokens[1].lemma_.lower() in _ERRAND_VERBS
    ):  # "Just checking in about the job, ..." ("I'm" dropped; not "Just reading it again, I ...")
        return True
    for token in tokens:
        if token.lower_ in ("thanks", "thank") and token.i == tokens[0].i:
            return True
        if token.tag_ not in _FINITE and not (
            token.tag_ in ("VB", "VBG") and any(c.tag_ in _FINITE for c in token.children if c.dep_ == "aux")
        ):
            continue
        if token.dep_ in ("aux", "auxpass"):
            token = token.head
        if (token.dep_ in ("relcl", "advcl", "acl", "csubj", "pcomp") and not _clause_of_its_own(token)) or any(
            c.dep_ == "mark" for c in token.children
        ):
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i < token.i for c in token.children):
            return True
    return False


def _clause_of_its_own(verb) -> bool:
    """An adverbial clause only by the parser's reading: no subordinator or question word, its
    subject before its first finite word ("Unfortunately I've been asked to cover a shift, I
    don't want ..." hung on the clause after the comma; not "Had I known, ...", nor "When I
    called, ...", "In case it helps, ...")."""
    if verb.dep_ != "advcl" or any(c.dep_ == "mark" or c.tag_ in ("WRB", "WDT", "WP") for c in verb.children):
        return False
    if verb.left_edge.tag_ == "IN" or verb.left_edge.lower_ in _SUBORDINATORS:
        return False  # "In case it helps, ...", opened by a preposition the parser did not mark
    subjects = [c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i]
    finite = [t.i for t in (verb, *verb.children) if t.tag_ in _FINITE and (t is verb or t.dep_ in ("aux", "auxpass"))]
    return bool(subjects and finite) and min(subjects) < min(finite)


#: What a hurried note says it is "just" doing, its "I'm" dropped: "Just checking in, ...".
_ERRAND_VERBS = frozenset({"check", "follow", "write", "reach", "touch", "wonder", "email", "message", "drop"})
#: Verbs of a short comment before a comma ("I have to say,", "It turns out,").
_COMMENT_VERBS = _PARENTHETICAL | {"say", "admit", "turn", "be", "consider"}


def _comment_clause(clause) -> bool:
    """A short comment or absolute before the comma ("I have to say,", "That is to say,", "All
    things considered,", "The paperwork signed,"), not a clause of its own."""
    if len(clause) > 4:
        return False
    verbs = [t for t in clause if t.pos_ in ("VERB", "AUX")]
    return any(t.lemma_.lower() in _COMMENT_VERBS for t in verbs) or any(
        t.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in t.children) for t in verbs
    )


def _more_clauses(after) -> bool:
    """Whether an "and" or "or" later joins another clause with a subject of its own: the comma
    then separates the items of a list of clauses ("The pay is good, the hours suit me and the
    site is close")."""
    for i, t in enumerate(after):
        if t.lower_ in ("and", "or") and (i == 0 or after[i - 1].text != ","):
            if any(u.dep_ in ("nsubj", "nsubjpass") for u in after[i + 1 : i + 5]):
                return True
    return False


def _noun_subject_clause(after):
    """(subject, verb) when the words after a comma open with a noun phrase that is the subject
    of a finite verb of its own ("..., the notes you made were useful"), else None."""
    if after[0].pos_ not in ("DET", "NOUN", "PROPN", "ADJ", "NUM") or after[0].lower_ in _SUBORDINATORS:
        return None  # not "..., so long shifts are nothing new", "..., particularly the chance to ..."
    head = next((t for t in after if t.dep_ in ("nsubj", "nsubjpass")), None)
    if head is None or head.pos_ not in ("NOUN", "PROPN") or head.left_edge.i != after[0].i:
        return None
    doc = head.doc
    if head.pos_ == "PROPN" and head.i + 2 < len(doc) and doc[head.i + 1].text in ("-", "–", "—", ":"):
        if doc[head.i + 2].pos_ in ("ADV", "VERB", "AUX"):
            return None  # the reader named before a dash: "Thanks for yesterday, Ewa - really enjoyed it"
    verb = head.head
    if any(t.text in (",", ";") for t in after if head.i < t.i < verb.i):
        return None  # a list of things ("..., the tour of the labs and lunch with your group, ...")
    finite = verb.tag_ in _FINITE or any(c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE for c in verb.children)
    if not finite or verb.i < head.i or verb.dep_ in ("relcl", "advcl", "acl", "ccomp", "xcomp", "pcomp"):
        return None
    return head, verb


def _same_subject_again(clause, rest) -> bool:
    """Whether a clause opened by a subject pronoun is followed, after an "and" with no comma,
    by another with the same subject: the last of a list of clauses ("I am punctual, I know the
    roads and I am used to scanners"), not a splice ("Thanks for today, I enjoyed it and I ...")."""
    # (the clause's subject, past a phrase that opens it: "In my post I run ..., I supervise ... and I am ...")
    subject = next((t for t in clause if t.dep_ in ("nsubj", "nsubjpass")), clause[0] if clause else None)
    if len(rest) < 2 or subject is None or subject.lower_ not in _SUBJECTS or rest[0].lower_ != subject.lower_:
        return False
    verb = next((t for t in rest[1:] if t.pos_ != "ADV"), None)
    return verb is not None and verb.tag_ in _FINITE


#: Marks that open an item of a list typed as text.
_BULLETS = frozenset({"-", "*", "•", "–", "—", "+"})


class CommaSplice(Check):
    kind = "comma-splice"
    proofreads = True
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
        while words and words[0].text in _BULLETS:
            words = words[1:]  # a list item's mark: "- I have three years on ..., I'm ... and I ..."
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
            j = k + 1  # the verb, past any adverbs: "..., I really hope to ..."
            while j < len(after) - 1 and after[j].pos_ == "ADV":
                j += 1
            subject, verb = after[k], after[j]
            # The clause since the previous comma or semicolon decides what precedes this one.
            seps = [i for i, t in enumerate(before) if t.text in (",", ";", ":", "—", "–")]
            clause = before[seps[-1] + 1 :] if seps else before
            # thanks, then what was liked with its "I" dropped: "thanks for this morning, loved the tour"
            liked = next((t for t in after[k:] if t.pos_ != "ADV"), None)
            if (
                liked is not None
                and liked.tag_ == "VBD"
                and liked.lemma_.lower() in _LIKED
                and not any(c.dep_ in ("nsubj", "nsubjpass") and c.i > comma.i for c in liked.children)
                and any(t.lower_ in _THANKS for t in clause)
                and any(t.lower_ == "for" for t in clause)  # thanks for something, not "Thanks, loved it"
                # (a clause, with what was liked: not a one-word tag, "thanks for today, appreciated.")
                and any(not t.is_punct for t in after if t.i > liked.i)
            ):
                yield Hit(comma.idx, comma.idx + 1, {"match": sent.text.strip()})
                continue
            # a question after the comma: "..., is there any update?", "..., could you tell me ...?"
            # (not a condition, "..., should you need them", nor a tag, "..., is that right?")
            asks = (
                after[k].tag_ in _FINITE
                and after[k].pos_ in ("AUX", "VERB")
                and after[k].lower_ not in _INVERTED
                and after[k + 1].dep_ in ("nsubj", "expl")
                and after[k + 1].lower_ in _SUBJECTS - {"this", "that"} | {"there"}
            )
            if asks:
                subject, verb = after[k + 1], after[k]
            # "..., thank you for the tour" (not "Good catch, thanks." or "..., thanks Tamsin.")
            thanks = subject.lower_ in ("thanks", "thank") and any(t.lower_ == "for" for t in after[k + 1 : k + 4])
            # "..., let me know if you need anything", "..., please let me know": an imperative after
            # a clause (not after thanks or an apology: "Thanks again, let me know ...", "Sorry for
            # the slow reply, let me know ...", "Really appreciate it, let me know ...")
            told = [t.lower_ for t in after[k : k + 4]]
            imperative = told[:3] == ["let", "me", "know"] or told == ["please", "let", "me", "know"]
            if imperative and (
                not clause
                or clause[0].lower_ in _STOCK_OPENERS
                or any(t.lemma_.lower() == "appreciate" for t in clause[:2])
            ):
                continue
            named = _noun_subject_clause(after[k:])  # "..., the notes you made were ..."
            if named is not None:
                subject, verb = named
            elif (
                not (thanks or imperative)
                and not asks
                and (
                    subject.lower_ not in _SUBJECTS
                    or subject.dep_ not in ("nsubj", "nsubjpass")
                    or verb.tag_ not in _FINITE
                )
            ):
                continue
            if subject.lower_ in ("this", "that") and verb.pos_ not in ("AUX", "VERB"):
                continue
            if verb.lemma_.lower() in _PARENTHETICAL and (len(after) == j + 1 or after[j + 1].is_punct):
                continue  # "..., I think." or "..., I think, ..."
            if verb.dep_ in ("relcl", "advcl", "acl") or any(c.dep_ == "mark" for c in verb.children):
                continue
            if any(
                t.lower_ in ("and", "or") and (words[i - 1].text == "," or _same_subject_again(clause, words[i + 1 :]))
                for i, t in enumerate(words)
                if t.i > comma.i and i
            ):
                continue  # a list of clauses: "I hold an HND, I am sitting the exams, and I ..."
            if (
                len(clause) < 3
                or clause[0].lower_ in _SUBORDINATORS | {"and", "but", "or", "which", "who"}
                # (a subordinator, not a preposition opening a clause that has its own subject:
                # "On reflection I would have cut the overlay, it was a nice-to-have")
                or clause[0].tag_ == "IN"
                and (clause[0].dep_ != "prep" or clause[0].head.i < clause[0].i)
            ):
                continue
            if all(t.lower_ in _THANKS_ALONE for t in clause):
                continue  # "Thanks so much, I really appreciate it": thanks as an exclamation, not a clause
            if (named is not None or thanks or imperative) and (_comment_clause(clause) or _more_clauses(after)):
                continue  # "All things considered, the role suits me"; "The pay is good, the hours suit me and ..."
            if _main_clause_verb(clause):
                yield Hit(comma.idx, comma.idx + 1, {"match": sent.text.strip()})
