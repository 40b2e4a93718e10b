"""`spelling`: words that are almost certainly misspelt, with the likely correction.

A word is reported only when the spelling dictionary does not know it, it is rare in real
English (wordfreq), and a correction exists that is far more common. That keeps jargon,
British spellings and new words ("onboarding", "organisation") quiet while catching
"recieve" or "managment". Names, organisations, metadata terms, URLs, e-mail addresses,
acronyms and words with capitals inside are never checked.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .. import frequency, lazyregex, wordlists
from ..checks import Check, Hit, Option
from ..frequency import top, zipf
from ..wordlists import SortedLines, package_file

_SKIP_ENTITIES = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE"}


@lru_cache(maxsize=1)
def _vocabulary() -> dict[str, list[str]]:
    """Candidate corrections: the most common English words, by first letter (a correction
    keeps it: see `_correction`)."""
    by_letter: dict[str, list[str]] = {}
    for word in top(80000):
        if word.isalpha():
            by_letter.setdefault(word[0], []).append(word)
    return by_letter


#: Words shorter than this get corrections one edit away only: two edits change so much of a
#: short word ("telco" and "tell", "baraza" and "barbara") that it is more often another word
#: (jargon, a loanword) than a typo.
_TWO_EDITS_FROM = 7


def _correction(word: str, speller) -> tuple[str, int] | None:
    """The nearest known word (one edit, or two for longer words; a transposition counts as one),
    the more common one on a tie, and its distance. rapidfuzz makes this milliseconds where
    edit-set generation takes seconds."""
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    reach = 2 if len(word) >= _TWO_EDITS_FROM else 1
    # Writers rarely get the first letter wrong; a candidate that changes it is more often a
    # different word (a Latin term, a name) than a correction. So only words with the same
    # first letter are searched (a twentieth of the list).
    candidates = _vocabulary().get(word[0], [])
    found = process.extract(word, candidates, scorer=OSA.distance, score_cutoff=reach, limit=None)
    options = [(distance, -zipf(c), c) for c, distance, _ in found if c != word and c in speller]
    if not options:
        return None
    distance, _, best = min(options)
    return best, distance


@lru_cache(maxsize=1)
def _speller() -> SortedLines:
    """The spelling dictionary (pyspellchecker's English words and ours), lower-case. Only
    membership is asked, so its word list is kept as sorted lines (see `wordlists`), without
    the `SpellChecker` object's counts and indexes."""
    theirs = package_file("spellchecker", "resources", "en.json.gz")
    ours = Path(str(resources.files("thanklint").joinpath("data/words.txt")))

    def build():
        import gzip
        import json

        data = json.loads(gzip.decompress(theirs.read_bytes()))
        extra = ours.read_text(encoding="utf-8")
        words = (w for line in extra.splitlines() if not line.startswith("#") for w in line.split())
        return {w.lower() for w in (*data, *words) if "\n" not in w}

    return wordlists.load("speller-en", [theirs, ours], build)


def _inflection_of_known(word: str, speller) -> bool:
    """Whether the word is a regular inflection of a known word (plural, past, -ing, -ly), or
    the one who does it ("voicer", "grafters": trades name their workers so)."""
    for suffix, restore in (
        ("s", ""),
        ("es", ""),
        ("ed", ""),
        ("ed", "e"),
        ("ing", ""),
        ("ing", "e"),
        ("ly", ""),
        ("'s", ""),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and (word[: -len(suffix)] + restore) in speller:
            return True
    # the doer: a stem of four letters or more, since a short one turns slips into words ("beter"
    # is not "bet" + "er", nor "maner" "mane" + "r")
    for suffix in ("er", "ers"):
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= 4 and (stem in speller or stem + "e" in speller):
            return True
    return False


_PREFIXES = (
    "de",
    "re",
    "un",
    "pre",
    "non",
    "over",
    "under",
    "sub",
    "co",
    "multi",
    "inter",
    "micro",
    "cross",
    "mis",
    "post",
    "self",
)


_BRITISH = (
    (r"is(e|ed|es|ing|er|ers|ation|ations)$", r"iz\1"),
    (r"ys(e|ed|es|ing|er|ers)$", r"yz\1"),
    (r"our(s?)$", r"or\1"),
    (r"tre(s?)$", r"ter\1"),
)


#: An American form this common in real text (Zipf) is a word even when the dictionary lacks
#: it ("electrolyzer"); a misspelling's "American form" ("reconize") is not.
_ATTESTED = 1.0


def _variant_known(word: str, speller) -> bool:
    """Whether a British spelling's American form is a dictionary word or its inflection
    ("prioritised", "analyser"), or attested ("electrolyser"); misspellings such as "reconise"
    stay reported."""
    for pattern, american in _BRITISH:
        variant = re.sub(pattern, american, word)
        if variant != word and (
            variant in speller or _inflection_of_known(variant, speller) or zipf(variant) >= _ATTESTED
        ):
            return True
    return False


def _in_foreign_phrase(token, speller) -> bool:
    """Whether the token is part of a run of two or more words unknown to English that
    includes one with letters outside English's alphabet: "Go raibh míle maith agat"."""

    def unknown(t) -> bool:
        return t.is_alpha and t.lower_ not in speller and zipf(t.lower_) < 2.5

    if not unknown(token):
        return False
    run, doc = [token], token.doc
    for step in (-1, 1):
        i = token.i + step
        while 0 <= i < len(doc) and unknown(doc[i]):
            run.append(doc[i])
            i += step
    return len(run) >= 2 and any(not t.text.isascii() for t in run)


#: A title in double quotation marks ("Dona nobis pacem", “Ode to Joy”): the name of a work,
#: often in another language, not the writer's spelling. A quoted sentence ends with its own
#: mark inside the quotes ('you said "always chek the gauges."') and is still checked.
_QUOTED_TITLE = lazyregex.compile(r'["\u201c]([A-Z][^"\u201d\n.!?]{0,80})["\u201d]')


def _quoted_titles(text: str) -> list[tuple[int, int]]:
    """Where the short quoted titles of a text are."""
    return [m.span(1) for m in _QUOTED_TITLE.finditer(text) if len(m.group(1).split()) <= 8]


def _jargon_half(token) -> bool:
    """Whether the token is a short half of a hyphenated pair of short words ("ob-gyn",
    "med-surg"), which is shorthand more often than a typo; "wrok-life" is still checked."""
    doc = token.doc
    if len(token) > 4:
        return False
    for other_i, hyphen_i in ((token.i - 2, token.i - 1), (token.i + 2, token.i + 1)):
        if (
            0 <= other_i < len(doc)
            and doc[hyphen_i].text == "-"
            and not doc[hyphen_i].whitespace_
            and (hyphen_i < token.i or not token.whitespace_)
            and (hyphen_i > token.i or not doc[other_i].whitespace_)
        ):
            other = doc[other_i]
            if other.is_alpha and len(other) <= 4 and zipf(other.lower_) < 4.0:
                return True
    return False


def _clipped(word: str, parsed) -> bool:
    """Whether the word is the clipped form of a longer word of the same draft ("perio" beside
    "periodontal", "rehab" beside "rehabilitation"): jargon, not a slip."""
    return len(word) >= 4 and any(
        len(t) > len(word) + 2 and t.lower_.startswith(word) for t in parsed.body_words if t.is_alpha
    )


def _prefixed_known(word: str, speller) -> bool:
    """Whether the word is a common prefix on a known word or inflection ("desilting", "rebaselined")."""
    return any(
        word.startswith(p)
        and len(word) - len(p) >= 3
        and (word[len(p) :] in speller or _inflection_of_known(word[len(p) :], speller))
        for p in _PREFIXES
    )


def _compound_of_known(word: str, speller) -> bool:
    """Whether the word is two known words written together ("gridlines", "handoffs"), and not
    rather one slip from a common word ("writting" is "writing", not "writ" and "ting")."""
    return any(
        word[:i] in speller and (word[i:] in speller or _inflection_of_known(word[i:], speller))
        for i in range(3, len(word) - 2)
    ) and not any(slip in speller and zipf(slip) >= _COMMON for slip in _slips(word))


_VOWELS = "aeiouy"
#: A word this common (Zipf) is what a slip one letter away from it most likely meant.
_COMMON = 4.0


def _slips(word: str) -> set[str]:
    """Every string one slip of the hand or the ear away from `word`: a letter doubled or
    undoubled, two neighbours swapped, a vowel written for another, dropped or added."""
    out = set()
    for i, letter in enumerate(word):
        out.add(word[:i] + letter + word[i:])
        if i and letter == word[i - 1]:
            out.add(word[:i] + word[i + 1 :])
        if i + 1 < len(word):
            out.add(word[:i] + word[i + 1] + letter + word[i + 2 :])
        if letter in _VOWELS:
            out.add(word[:i] + word[i + 1 :])
            out.update(word[:i] + v + word[i + 1 :] for v in _VOWELS if v != letter)
    for i in range(len(word) + 1):
        out.update(word[:i] + v + word[i:] for v in _VOWELS)
    return out


def _two_slips(word: str, correction: str) -> bool:
    """Whether two such slips lead from one to the other ("reccomend", "definatly"). Most
    misspellings are one edit; two arbitrary edits more often make another word, jargon the
    dictionary lacks ("transfection" is not a slip for "transaction", nor "devsecops" for
    "develops"), except two letters exchanged a letter apart ("desicion" for "decision")."""
    if len(word) == len(correction):
        changed = [i for i, (a, b) in enumerate(zip(word, correction)) if a != b]
        if len(changed) == 2 and changed[1] - changed[0] <= 2:
            i, j = changed
            if word[i] == correction[j] and word[j] == correction[i]:
                return True
    return not _slips(word).isdisjoint(_slips(correction))


#: Keys next to each other on a QWERTY keyboard, and letters that stand for one sound: the
#: letters a one-letter slip of the hand or the ear swaps.
_NEIGHBOURS = "qw we er rt ty yu ui io op as sd df fg gh hj jk kl zx xc cv vb bn nm qa ws ed rf tg yh uj ik ol az sx dc fv gb hn jm"
_SWAPS = {frozenset(pair) for pair in (_NEIGHBOURS + " ck cs sz kq gj dt bp mn").split()}


def _plausible_swap(word: str, correction: str) -> bool:
    """Whether a correction that changes one letter changes it as a slip would: a vowel for a
    vowel, a key for its neighbour, a letter for one of the same sound ("seperate", "tge").
    Two unrelated consonants more often mean another word, a loanword the dictionary lacks
    ("boma" is not a slip for "bomb", nor "murram" for "murray"). Other edits always pass."""
    if len(word) != len(correction):
        return True
    changed = [(a, b) for a, b in zip(word, correction) if a != b]
    if len(changed) != 1:
        return True
    a, b = changed[0]
    return (a in _VOWELS and b in _VOWELS) or frozenset((a, b)) in _SWAPS


def _bare_name_line(text: str, end: int) -> range:
    """The last line of the body when it is one to three capitalised words and nothing else: a
    name signed straight under the last sentence, with no sign-off ("... join.\nDeepa")."""
    end = len(text[:end].rstrip())
    start = text.rfind("\n", 0, end) + 1
    words = text[start:end].split()
    if start and 0 < len(words) <= 3 and all(w[:1].isupper() and w.rstrip(".").isalpha() for w in words):
        return range(start, end)
    return range(0)


def _slip_opening_a_sentence(token, word: str, correction: str) -> bool:
    """A slip that opens a sentence ("Realy enjoyed the tour"): the entity recogniser takes an
    unknown capitalised word there for a name or a place, but a doubled letter written once in a
    word of five letters or more from one of the commonest words is a slip. (Names more often
    double a letter of a word: "Antti", "Hoppe", "Persson".)"""
    return (
        token.is_sent_start
        and len(word) >= 5
        and len(word) < len(correction)
        and _doubling_slip(word, correction)
        and zipf(correction) >= 5.0
    )


def _doubling_slip(word: str, correction: str) -> bool:
    """Whether the two differ by one letter written once instead of twice, or twice instead of
    once ("embarassment", "occured"): the most common misspelling, and one frequent enough on
    the web to look less rare than other typos."""
    short, long = sorted((word, correction), key=len)
    if len(long) != len(short) + 1:
        return False
    return any(long[i] == long[i - 1] and long[:i] + long[i + 1 :] == short for i in range(1, len(long)))


class Spelling(Check):
    fixable = True
    kind = "spelling"
    proofreads = True
    summary = "Reports likely misspellings with a suggested correction."
    needs_ner = True
    options = {
        "scope": Option("scope", "note", "where to look"),
        "words": Option("texts", [], "extra words to accept (product names, jargon)"),
        "max_frequency": Option("number", 3.0, "words more common than this Zipf frequency are never reported"),
        "min_gain": Option("number", 2.0, "how much more common (Zipf) the correction must be"),
        "min_gain_doubling": Option("number", 1.5, "the same when the correction only doubles or undoubles a letter"),
        "min_correction_frequency": Option(
            "number",
            3.0,
            "a correction rarer than this Zipf frequency is not offered: an unknown word next to a rare one is more often jargon",
        ),
        "min_length": Option("int", 3, "shorter words are not checked"),
    }

    def before_workers(self):
        """The dictionary, the candidate corrections and the word frequencies, loaded once for
        every worker (each would otherwise load its own on its first draft)."""
        _speller().split_now()
        _vocabulary()
        frequency.load()

    def _accepted(self, parsed) -> set[str]:
        words = {w.lower() for w in self.settings["words"]}
        for name in parsed.meta.names():
            words.update(part.lower() for part in name.replace("-", " ").split())
        return words

    def run(self, parsed):
        speller = _speller()
        accepted = self._accepted(parsed)
        region = (
            parsed.region(self.settings["scope"]) if isinstance(self.settings["scope"], str) else parsed.layout.body
        )
        closing = parsed.layout.closing  # names, and sign-offs in other languages ("Le meas,")
        signed = _bare_name_line(parsed.draft.text, region.end)  # "... keen to join.\nDeepa", no sign-off
        titles = _quoted_titles(parsed.text)
        for token in parsed.doc:
            if (
                not (region.start <= token.idx < region.end)
                or closing.start <= token.idx < closing.end
                or token.idx in signed
            ):
                continue
            text = token.text
            if (
                len(text) < self.settings["min_length"]
                or not text.isalpha()
                or token.like_url
                or token.like_email
                or parsed.in_code(token.idx, token.idx + len(text))
                or (text[0].isupper() and not token.is_sent_start)  # a name mid-sentence
                or (
                    text[0].isupper() and token.idx < parsed.layout.greeting.end
                )  # the letter head's names and streets, and the greeting's name
                or any(c.isupper() for c in text[1:])  # acronyms, CamelCase products
                or text.lower() in accepted
                or _jargon_half(token)
                or any(start <= token.idx < end for start, end in titles)
            ):
                continue
            word = text.lower()
            if word in speller or zipf(word) >= self.settings["max_frequency"]:
                continue
            if (
                _inflection_of_known(word, speller)
                or _variant_known(word, speller)
                or _in_foreign_phrase(token, speller)
                or _prefixed_known(word, speller)
                or _compound_of_known(word, speller)
                or not any(c in _VOWELS for c in word)
                or _clipped(word, parsed)
            ):
                continue  # "reactivations", "gridlines"; "dbt" and similar abbreviations
            found = _correction(word, speller)
            if found is None:
                continue
            correction, distance = found
            if parsed.entity_type(token) in _SKIP_ENTITIES and not _slip_opening_a_sentence(token, word, correction):
                continue
            needed = self.settings["min_gain_doubling" if _doubling_slip(word, correction) else "min_gain"]
            if zipf(correction) - zipf(word) < needed or zipf(correction) < self.settings["min_correction_frequency"]:
                continue
            if (distance > 1 and not _two_slips(word, correction)) or not _plausible_swap(word, correction):
                continue
            fixed = correction.capitalize() if text[0].isupper() else correction
            yield Hit(token.idx, token.idx + len(text), {"match": text, "replacement": fixed}, replacement=fixed)
