"""Checks of the draft against its metadata: the right person, the right company, the role
and the topics that were discussed. They do nothing when the metadata is absent.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import lazyregex
from ..checks import Check, Hit, Option
from ..frequency import zipf

TITLES = {
    "mr",
    "mrs",
    "ms",
    "mx",
    "miss",
    "dr",
    "prof",
    "professor",
    "sir",
    "madam",
    "dear",
    "judge",
    "justice",
    "rev",
    "reverend",
    "father",
    "sister",
    "pastor",
    "rabbi",
    "imam",
    "captain",
    "capt",
    "coach",
    "chef",
    "officer",
    "senator",
    "councillor",
    "councilor",
    "principal",
    "dean",
    "dame",
    "lady",
    "lord",
    "hon",
    "honourable",
    "honorable",
    "doctor",
    "director",
    "president",
    "chair",
    "sergeant",
    "sgt",
    "lieutenant",
}


@lru_cache(maxsize=2)
def _vocabulary(name: str) -> frozenset[str]:
    from ..rules import builtin_folder, load_vocabularies

    return frozenset(load_vocabularies(builtin_folder())[name])


def not_names() -> frozenset[str]:
    """Capitalised greeting words that are not names ("Dear Hiring Manager", "Hi Team"): the
    rules' shared vocabulary, so the greeting and name checks agree on what a name is."""
    return _vocabulary("greeting-non-names")


def surnames_too() -> frozenset[str]:
    """Those of them that are the surname after a title ("Dear Mr. Ma"), as
    personalization.unnamed-greeting reads them too."""
    return _vocabulary("greeting-surnames")


def _parts(name: str) -> list[str]:
    return [p for p in re.findall(r"[A-Za-z][A-Za-z'’-]*", name) if p.lower().rstrip(".") not in TITLES]


#: An honorific just before a word of the greeting (not "Dear", which "Dear Ma," has).
_A_TITLE_BEFORE = lazyregex.compile(r"\b(?:mr|mrs|ms|miss|dr|prof|mx)\.?\s+$", re.I)


def greeting_names(parsed) -> list[tuple[int, int, str]]:
    """Capitalised words of the greeting that can be names, with their content offsets."""
    region = parsed.layout.greeting
    text = parsed.text[region.start : region.end]
    out = []
    for m in re.finditer(r"[A-Z][A-Za-z'’-]+", text):
        word = m.group(0)
        surname = word.lower() in surnames_too() and _A_TITLE_BEFORE.search(text, 0, m.start()) is not None
        if (surname or word.lower() not in not_names()) and word.lower().rstrip(".") not in TITLES:
            out.append((region.start + m.start(), region.start + m.end(), word))
    return out


def _same_word(a: str, b: str) -> bool:
    """Equal but for case, a possessive or a plural ("Brendan" and "Brendan's", "Event" and "Events")."""

    def base(word: str) -> str:
        word = re.sub(r"['’]s$", "", word.lower())
        return word[:-1] if word.endswith("s") else word

    return base(a) == base(b)


def _similar(a: str, b: str) -> float:
    from rapidfuzz import fuzz

    return fuzz.ratio(a.lower(), b.lower())


class RecipientName(Check):
    fixable = True
    kind = "recipient-name"
    summary = "Compares the names in the greeting with the recipient in the metadata."
    options = {
        "report": Option(
            "text",
            doc="other-name (someone else is greeted) or misspelling",
            tunable=False,
            choices=("other-name", "misspelling"),
        ),
        "min_similarity": Option("number", 75, "a name this similar (0-100) to the recipient's is a misspelling"),
    }

    def before_workers(self):
        not_names(), surnames_too()  # loaded once for every worker

    def offers_fixes(self):
        return self.settings["report"] == "misspelling"

    def applicable(self, parsed):
        return bool(parsed.meta.recipient)

    def run(self, parsed):
        parts = _parts(parsed.meta.recipient)
        if not parts or not parsed.layout.greeting:
            return
        # A greeting to two members of the panel ("Dear Dr. Okonkwo and Ms. Santos") greets
        # people the writer met: any interviewer's name is a right name, never "someone else".
        panel = [p for name in parsed.meta.interviewers for p in _parts(name)]
        threshold = self.settings["min_similarity"]
        names = list(greeting_names(parsed))

        def is_recipient(lower: str) -> bool:
            # (a short form from either end: "Jen" for Jennifer; "Seun" for Oluwaseun and "Beth" for
            # Elizabeth from the end of the first name only, four letters or more after three cut
            # off: not "Emma" for Gemma, "Ryan" for Bryan, "Ward" for Howard)
            first = parts[0].lower()
            return any(lower == p.lower() or (len(lower) >= 3 and p.lower().startswith(lower)) for p in parts) or (
                len(parts) > 1 and len(lower) >= 4 and len(first) - len(lower) >= 3 and first.endswith(lower)
            )

        # The recipient greeted with others ("Dear Mr Hollis, Ms Varga and Dr Chaudhry," to a
        # panel's chair): when no list of interviewers says who was there, the others are greeted
        # beside the reader, not pasted in instead.
        beside_recipient = not panel and any(is_recipient(word.lower()) for _, _, word in names)
        for start, end, word in names:
            lower = word.lower()
            if any(lower == p.lower() for p in panel):
                continue
            if is_recipient(lower):
                continue  # the name, or a short form of it (Jen for Jennifer)
            best = max(parts, key=lambda p: _similar(word, p))
            score = _similar(word, best)
            if self.settings["report"] == "misspelling" and score >= threshold:
                yield Hit(
                    start,
                    end,
                    {"match": word, "replacement": best, "recipient": parsed.meta.recipient},
                    replacement=best,
                )
            elif self.settings["report"] == "other-name" and score < threshold and not beside_recipient:
                yield Hit(start, end, {"match": word, "recipient": parsed.meta.recipient})


_EMPLOYER_HEADS = {
    "join",
    "team",
    "role",
    "position",
    "opportunity",
    "career",
    "future",
    "part",
    "contribute",
    "fit",
    "mission",
    "culture",
    "values",
    "goals",
    "work",
    "working",
    "grow",
    "growing",
    "excited",
    "interest",
    "interested",
    "offer",
    "job",
    "family",
    "vision",
    "success",
    "place",
    "bring",
    "add",
    "commit",
}
#: The word frequency (Zipf) from which a word is everyday English: "Support", "data" (not
#: "actuarial", "Brightwater").
_EVERYDAY = 4.0
#: What one spends at an employer as its own: "my placement year", "my internship", "my career".
_WORK_PERIODS = {"placement", "internship", "apprenticeship", "traineeship", "career", "sandwich", "industrial"}
_OWN_QUALITIES = {
    "background",
    "experience",
    "skill",
    "expertise",
    "profile",
    "qualification",
    "strength",
    "knowledge",
    "training",
    "record",
}


def _the_writer(subject) -> bool:
    """Whether a subject is the writer: "I", "we", or the writer's own background or skills
    ("my background would fit in at Globex"), not someone of theirs ("my sister works at Globex")."""
    if subject.lower_ in ("i", "we"):
        return True
    return subject.lemma_.lower() in _OWN_QUALITIES and any(
        c.dep_ == "poss" and c.lower_ in ("my", "our") for c in subject.children
    )


_ORG_SUFFIX = lazyregex.compile(r"^(?:the\s+)|(?:'s|’s)$", re.I)
#: Words that say what kind of organisation a name is ("Hospital", "Council"): two hospitals
#: share them, so they do not make two names the same.
_INSTITUTION_WORDS = {
    "hospital",
    "hospitals",
    "clinic",
    "school",
    "schools",
    "academy",
    "college",
    "university",
    "council",
    "trust",
    "centre",
    "center",
    "health",
    "healthcare",
    "medical",
    "regional",
    "community",
    "primary",
    "secondary",
    "high",
    "county",
    "city",
    "district",
    "borough",
    "group",
    "bank",
    "library",
    "museum",
    "foundation",
    "society",
    "association",
    "labs",
    "lab",
    "inc",
    "ltd",
    "llc",
    "company",
    "corporation",
    "services",
    "solutions",
    "systems",
    "partners",
    "care",
    "home",
    "homes",
    "practice",
    "surgery",
    "nursery",
    "institute",
    "authority",
    "dental",
    "pharmacy",
    "veterinary",
    "vets",
    "opticians",
}
#: Parts of the employer itself ("Head Office", "the Data Science team"), not another employer.
_UNIT_WORDS = {
    "office",
    "headquarters",
    "hq",
    "department",
    "division",
    "unit",
    "ward",
    "branch",
    "site",
    "campus",
    "team",
    "desk",
    "floor",
    "wing",
}


#: Words that end a job's or a scheme's title, not an employer's name: "the Graduate Analyst
#: Programme", "the Product Manager role".
_TITLE_WORDS = {
    "programme",
    "program",
    "scheme",
    "pathway",
    "manager",
    "analyst",
    "assistant",
    "officer",
    "coordinator",
    "associate",
    "executive",
    "director",
    "engineer",
    "technician",
    "administrator",
    "adviser",
    "advisor",
    "consultant",
    "supervisor",
    "clerk",
    "developer",
    "designer",
}


def _distinctive(words: list[str]) -> list[str]:
    """The words of a company name that tell it apart from others of its kind ("Brigid's" in
    "St. Brigid's Hospital"), or all of them when none does."""
    kept = [w for w in words if _ORG_SUFFIX.sub("", w).lower() not in _INSTITUTION_WORDS]
    return kept or words


#: Lowercase words that join the parts of one organisation's name ("Bank of Scotland", "Procter
#: & Gamble", "Marks and Spencer").
_NAME_JOINERS = {"of", "&", "and", "for", "de"}


def _name_runs(doc) -> set[tuple[int, int]]:
    """Token ranges of runs of capitalised proper nouns, and of runs joined by one joining word
    ("Bank of Scotland"): the names of organisations, read from the tags alone."""
    runs: list[tuple[int, int]] = []
    run: list[int] = []
    # (the words either side of "&" are a name even when tagged as adjectives: "Bramble & Vine")
    ampersand = {
        i
        for t in doc
        if t.text == "&" and 0 < t.i < len(doc) - 1
        for i in (t.i - 1, t.i + 1)
        if doc[t.i - 1].text[:1].isupper() and doc[t.i + 1].text[:1].isupper()
    }
    for token in [*doc, None]:
        if token is not None and (token.pos_ == "PROPN" or token.i in ampersand) and token.text[:1].isupper():
            run.append(token.i)
        elif run:
            runs.append((run[0], run[-1] + 1))
            run = []
    names = set(runs)
    first = 0
    while first < len(runs):
        last = first
        while (
            last + 1 < len(runs)
            and runs[last + 1][0] == runs[last][1] + 1
            and doc[runs[last][1]].lower_ in _NAME_JOINERS
        ):
            last += 1
        names.add((runs[first][0], runs[last][1]))
        first = last + 1
    return names


def _everyday_name(span) -> bool:
    """Whether a run of common words is written as a name: every word capitalised (but for
    joining words), not at the start of a sentence, and either several words or an institution
    word ("Mercy Regional", "Oak Park Primary"), but not a part of the employer ("Head Office")."""
    words = [t for t in span if t.is_alpha]
    if not words or span[0].is_sent_start or not all(t.text[:1].isupper() or t.lower_ in _NAME_JOINERS for t in words):
        return False
    if words[-1].lower_ in _UNIT_WORDS or words[-1].lower_ in _TITLE_WORDS:
        return False
    return len(words) >= 2 or words[-1].lower_ in _INSTITUTION_WORDS


#: A heading line pasted above a note ("To: Mr Femi Okonjo, Business Manager, Larkrise Academy",
#: "Ref: CSA/114 - Customer Service Adviser, Ashcombe Borough Council").
_HEADING_LINE = lazyregex.compile(r"^\s*(?:to|re|ref|subject|attn|fao)\s*:\s*(.+)$", re.I | re.M)
#: An organisation that ends such a line, after a comma, a dash or "at": "..., Larkrise Academy",
#: "... interview at Brightforge".
_ORG_AT_END = lazyregex.compile(
    r"(?:,|\s[-\u2013\u2014]\s|\bat\s)\s*((?:[A-Z][\w&'\u2019.-]*\s+(?:of\s+|&\s+)?){0,4}[A-Z][\w&'\u2019.-]*)\s*$"
)
#: A firm's name in brackets at the end of a subject: "Senior Event Producer - portfolio
#: (Copperleaf Events)"; kept only when it can only be a firm (not "(Second Round)").
_ORG_IN_BRACKETS = lazyregex.compile(
    r"\(\s*((?:[A-Z][\w&'\u2019.-]*\s+(?:of\s+|&\s+)?){1,4}[A-Z][\w&'\u2019.-]*)\s*\)$"
)
#: Words that end only a firm's name ("Copperleaf Events", "Kestrel Motors", "PowerHouse Gym").
_FIRM_WORDS = {
    "events",
    "motors",
    "foods",
    "hotels",
    "logistics",
    "consulting",
    "consultants",
    "recruitment",
    "holdings",
    "industries",
    "technologies",
    "plc",
    "airways",
    "airlines",
    "estates",
    "properties",
    "insurance",
    "solicitors",
    "architects",
    "studios",
    "gym",
    "fitness",
    "salon",
    "spa",
    "barbers",
}


def heading_company(parsed) -> str | None:
    """The employer a note's own heading names when the metadata does not: an e-mail's Subject
    ("Junior Data Engineer interview at Brightforge") or a "To:", "Re:" or "Ref:" line above the
    greeting. Only a name introduced by "at", or one ending in an institution word ("Academy",
    "Council", "Bank"), and not a part of an employer ("Head Office"); or a firm's name in
    brackets at the end ("(Copperleaf Events)")."""
    lines = [parsed.meta.subject or "", *_HEADING_LINE.findall(parsed.text[: parsed.layout.start])]
    for line in lines:
        bracketed = _ORG_IN_BRACKETS.search(line.strip())
        if bracketed and _organisation_like(bracketed.group(1)):
            return bracketed.group(1)
        found = _ORG_AT_END.search(line.strip().rstrip("."))
        if found is None:
            continue
        name = found.group(1)
        last = name.split()[-1].lower()
        if last in _UNIT_WORDS or not (
            found.group(0).lstrip(",-\u2013\u2014 ").startswith("at ") or last in _INSTITUTION_WORDS
        ):
            continue
        return name
    return None


#: Verbs of the visit itself: "thank you for meeting me yesterday at Harland & Voss", "for having
#: me at Ashgrove Infant School", "for showing me round at Kestrel Foods", "for showing me around
#: PowerHouse Gym".
_VISIT_VERBS = {"meet", "interview", "see", "visit", "have", "show", "welcome", "host"}


#: The post or the interview placed at an employer: "the Senior Analyst role at Brightforge",
#: "the interview at Pemberton Plastics" (any name: a post is held at an employer, not a café).
_POST_NOUNS = {
    "role",
    "position",
    "job",
    "post",
    "vacancy",
    "opening",
    "interview",
    "internship",
    "placement",
    "apprenticeship",
}


def _organisation_like(name: str) -> bool:
    """A name that can only be an organisation: it ends in an institution or firm word ("Ashcombe
    Hospital", "PowerHouse Gym") or joins two names with "&" ("Harland & Voss"); not a café or a
    street."""
    words = name.split()
    return len(words) > 1 and (words[-1].lower() in _INSTITUTION_WORDS | _FIRM_WORDS or "&" in words)


def _in_an_address(parsed, name: str) -> bool:
    """Whether the letter's heading gives the name as a part of an address, after a number or a
    comma ("Unit 7, Fenmoor Park"): a site, where the post is, not the employer."""
    heading = parsed.text[: parsed.layout.start]
    return re.search(rf"[\d,][^\n]*\b{re.escape(name)}\b", heading) is not None


def interview_place(parsed) -> str | None:
    """The organisation where the first sentences say the interview was: "Thank you for meeting
    me yesterday at Harland & Voss", "the Project Coordinator role at Fenwick Builders" (not "at
    Costa on the high street", which is no employer)."""
    doc = parsed.doc
    opening = parsed.body_sentences[:2]
    if not opening:
        return None
    end = opening[-1].end
    toured = 0
    for start, stop in sorted(_name_runs(doc), key=lambda r: (r[0], -r[1])):  # (a whole name before its parts)
        if start >= end or doc[start].idx < parsed.layout.body.start:
            continue
        span = doc[start:stop]
        if start and doc[start - 1].lower_ in ("'s", "’s"):
            continue  # a part of a longer name: "St Fintan’s Community College"
        name = _ORG_SUFFIX.sub("", span.text).strip()
        head = span.root.head
        if (
            span.root.dep_ != "pobj"
            or head.lower_ not in ("at", "around", "round")
            or name.split()[-1].lower() in _UNIT_WORDS
            or _in_an_address(parsed, name)
        ):
            continue
        post = head.head
        if head.lower_ != "at" and (start < toured or start and doc[start - 1].lower_ == "the"):
            toured = max(toured, stop)
            continue  # a building toured, and its parts: "showed me around the Science and Engineering Library"
        if head.lower_ == "at" and post.lemma_.lower() in _POST_NOUNS:
            if post.lemma_.lower() != "interview" and any(c.dep_ == "poss" for c in post.children):
                continue  # the writer's own: "my placement at Fernhill Primary", "my job at Costa"
            return name  # "my interview for the Project Coordinator role at Fenwick Builders"
        if not _organisation_like(name):
            continue
        ancestor = head.head
        for _ in range(4):  # "meeting me ... about the ward clerk position on the unit at Ashcombe Hospital"
            if ancestor.lemma_.lower() in _VISIT_VERBS and ancestor.pos_ in ("VERB", "AUX"):
                return name
            if ancestor.head.i == ancestor.i:  # (spaCy makes a new Token object on each access)
                break
            ancestor = ancestor.head
    return None


def implied_employer(parsed) -> tuple[str, str] | None:
    """Without `company`: the employer the note itself names, with how it names it (its heading,
    else where its opening says the interview was)."""
    name = heading_company(parsed)
    if name is not None:
        return name, "its heading names"
    name = interview_place(parsed)
    return (name, "the interview was at") if name is not None else None


class CompanyName(Check):
    fixable = True
    kind = "company-name"
    summary = "Compares organisations named in the body with the company in the metadata."
    options = {
        "report": Option(
            "text", doc="misspelling or other-company", tunable=False, choices=("misspelling", "other-company")
        ),
        "min_similarity": Option("number", 80, "a name this similar (0-100) to the company's is a misspelling"),
    }

    def offers_fixes(self):
        return self.settings["report"] == "misspelling"

    def applicable(self, parsed):
        return bool(parsed.meta.company) or (
            self.settings["report"] == "other-company" and implied_employer(parsed) is not None
        )

    def _candidates(self, parsed):
        """Names of organisations in the body, longest first where they overlap: runs of proper
        nouns, whole ("Bank of Scotland") and in parts. (The small English model's entity
        recogniser labels an unfamiliar company as a person or product as often as not, cost
        as much as the rest of the parse, and found no name in the evaluation sets that the
        runs miss.)"""
        body = parsed.layout.body
        doc = parsed.doc
        for start, end in sorted(_name_runs(doc), key=lambda r: (r[0], -r[1])):
            span = doc[start:end]
            if body.start <= span.start_char < body.end:
                yield span

    def run(self, parsed):
        from rapidfuzz import fuzz

        company = parsed.meta.company
        implied = None if company else implied_employer(parsed)
        company = company or (implied[0] if implied else "")
        words = [w for w in re.findall(r"[A-Za-z0-9&'’-]+", company) if len(w) >= 4]
        distinctive = _distinctive(words)
        known = [n.lower() for n in parsed.meta.names()]
        people = {
            w
            for n in (parsed.meta.recipient, parsed.meta.sender, *parsed.meta.interviewers)
            if n
            for w in n.lower().split()
        }
        threshold = self.settings["min_similarity"]
        other_company = self.settings["report"] == "other-company"
        reported: list[tuple[int, int]] = []  # a part of a name already reported is not reported again
        for ent in self._candidates(parsed):
            if any(s <= ent.start_char and ent.end_char <= e for s, e in reported):
                continue
            name = _ORG_SUFFIX.sub("", ent.text).strip()
            lower = name.lower()
            if self._not_an_organisation(ent) and not (
                other_company and _everyday_name(ent) and ent.root.dep_ in ("dobj", "pobj")
            ):
                continue
            whole = fuzz.ratio(lower, company.lower())
            contained = lower in company.lower() or company.lower() in lower
            if contained or lower in known or (lower and set(lower.split()) <= people):
                continue  # the company itself, or someone the metadata names ("Raj's team")
            if not _organisation_like(name) and _a_part_of_the_employer(parsed.text, name):
                continue  # "the Kelsham team" of a note that is for "the Kelsham branch"
            if self.settings["report"] == "misspelling":
                if whole >= threshold:
                    reported.append((ent.start_char, ent.end_char))
                    yield Hit(
                        ent.start_char,
                        ent.start_char + len(name),
                        {"match": name, "replacement": company, "company": company},
                        replacement=company,
                    )
            elif whole < threshold and not any(
                fuzz.ratio(w.lower(), t.lower()) >= threshold for w in distinctive for t in name.split()
            ):
                if self._as_employer(ent, implied is not None):
                    reported.append((ent.start_char, ent.end_char))
                    yield Hit(
                        ent.start_char,
                        ent.end_char,
                        {"match": ent.text, "company": company},
                        message=(
                            f"The note speaks of joining {ent.text}, but {implied[1]} {company}; was this pasted from another note?"
                            if implied
                            else None
                        ),
                    )
        if self.settings["report"] == "misspelling":
            yield from self._misspelt_words(parsed, words, threshold, reported)

    def _misspelt_words(self, parsed, words, threshold, reported):
        """Single words close to (but not) a word of the company name, outside the names already
        reported: "Nortwind" for "Northwind"."""
        from rapidfuzz import fuzz

        body = parsed.layout.body
        for token in parsed.doc:
            if (
                not (body.start <= token.idx < body.end)
                or any(s <= token.idx < e for s, e in reported)
                or not token.text[:1].isupper()
            ):
                continue
            for w in words:
                score = fuzz.ratio(token.text.lower(), w.lower())
                if _same_word(token.text, w):
                    break
                if score >= max(threshold, 85) and len(token.text) >= 4:
                    yield Hit(
                        token.idx,
                        token.idx + len(token.text),
                        {"match": token.text, "replacement": w, "company": parsed.meta.company},
                        replacement=w,
                    )
                    break

    @staticmethod
    def _not_an_organisation(span) -> bool:
        """Acronyms ("QA", "ICU") and common words ("Engineering", "Support") name teams and
        units far more often than other employers."""
        words = [t.text for t in span if t.is_alpha]
        return not words or all((w.isupper() and len(w) <= 4) or zipf(w.lower()) >= _EVERYDAY for w in words)

    @staticmethod
    def _as_employer(ent, implied: bool = False) -> bool:
        """Whether the organisation is spoken of as the employer being applied to: the object of
        "join", "at"/"with"/"to" after a role or an interest, or the owner of a team or mission.
        Past tense ("I worked at Globex") is the writer's history, not the employer. With the
        employer only `implied` by the note itself, "the Globex team" is not enough."""
        root = ent.root
        head = root.head
        if root.dep_ == "poss" and head.lemma_.lower() in _EMPLOYER_HEADS:
            return True
        # (not when the employer is only implied: "building wheels for the Harbourside racing team" is
        # a team the writer was in)
        if (
            not implied
            and root.dep_ in ("compound", "nmod")
            and head.lemma_.lower() in {"team", "family", "mission", "culture"}
        ):
            return any(c.lower_ == "the" for c in head.children)  # "the Globex team"
        if root.dep_ == "dobj" and head.lemma_.lower() in {"join", "contribute"}:
            return True
        # (the parser reads "to" after "bring that experience" as a dative)
        if root.dep_ == "pobj" and head.dep_ in ("prep", "dative") and head.lower_ in ("at", "with", "to", "for"):
            governor = head.head
            if governor.lemma_.lower() in ("have", "host", "welcome") and any(
                c.dep_ == "dobj" and c.lower_ == "me" for c in governor.children
            ):
                return True  # "thank you for having me at Ashgrove Infant School": where the interview was
            if any(
                c.lower_ in ("my", "our") or c.lower_ in ("current", "previous", "former", "last", "past")
                for c in governor.children
            ):
                return False  # "my current role at Meridian": the writer's own employer
            if _told_as_history(governor):
                return False  # "I worked at Globex", "I supported an employment defence team at Lowry Baines"
            if any(c.dep_ in ("nsubj", "nsubjpass") and not _the_writer(c) for c in governor.children):
                return False  # "a similar approach could work well at Joliet": not the writer joining
            if governor.lemma_.lower() == "part" and governor.tag_ == "NNS":
                return False  # "300 sub-tier parts at Halden": things made, not "part of the team at"
            if (
                (
                    governor.lemma_.lower() in ("start", "begin", "launch")
                    # (a work period spent there: "to spend my placement year at Brightwater", not
                    # "to spend the summer at Imperial College finishing my dissertation")
                    or governor.lemma_.lower() == "spend"
                    and any(
                        c.dep_ == "dobj" and {c.lemma_.lower(), *(g.lemma_.lower() for g in c.children)} & _WORK_PERIODS
                        for c in governor.children
                    )
                )
                and governor.tag_ == "VB"
                and any(c.lower_ in ("to", "would", "will", "'d", "'ll", "can", "could") for c in governor.children)
            ):
                return True  # "to start my career at Eastfield", "to spend my placement year at Brightwater" (not "before starting at Globex in 2019")
            if (
                governor.lower_ in ("everyone", "everybody", "all", "colleagues", "staff", "folks", "people")
                and head.lower_ == "at"
                # (not a counted group the writer served: "access for 400 staff at Pellow College")
                and not any(c.dep_ == "nummod" for c in governor.children)
            ):
                return True  # "my thanks to everyone at Brightway"
            return governor.lemma_.lower() in _EMPLOYER_HEADS or governor.lower_ in _EMPLOYER_HEADS
        return False


#: Parts of an employer named by a place: "the Kelsham branch", "the Tollgate depot". Not
#: `_UNIT_WORDS`: "team" there is the phrase being judged ("joining the Kelsham team"), and a
#: "library" or "surgery" that ends a name elsewhere is an institution.
_EMPLOYER_PARTS = r"branch|site|office|depot|store|ward|campus|library|plant|yard|hub|warehouse|station|surgery"


def _a_part_of_the_employer(text: str, name: str) -> bool:
    """Whether the note names `name` as a part of the employer somewhere ("the post at the Kelsham
    branch"), so that "joining the Kelsham team" is joining that part, not another employer."""
    return re.search(rf"\bthe\s+{re.escape(name)}\s+(?:{_EMPLOYER_PARTS})\b", text) is not None


def _told_as_history(token) -> bool:
    """Whether the word, or the nearest verb above it, is in the past ("I worked at Globex", "I
    supported the defence team at Lowry Baines", "I kept the records for an office of 60 people
    at Kestrel Textiles"): the writer's history, not the employer applied to."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:  # (a Token is a new object on each access)
        token = token.head
    return token.tag_ in ("VBD", "VBN") and not any(c.lower_ in ("would", "will", "to") for c in token.children)


class MetaMention(Check):
    kind = "meta-mention"
    summary = "Checks that the role, or one of the topics discussed, is mentioned in the body."
    options = {
        "field": Option("text", doc="role or topics", tunable=False, choices=("role", "topics")),
        "min_similarity": Option("number", 85, "a passage this similar (0-100) to a topic counts as mentioning it"),
    }

    def applicable(self, parsed):
        return bool(parsed.meta.role if self.settings["field"] == "role" else parsed.meta.topics)

    def run(self, parsed):
        if self.settings["field"] == "role":
            role = parsed.meta.role
            if not self._mentioned(parsed, role, head_only=True):
                yield Hit(*parsed.line_from(parsed.anchor), {"role": role})
        else:
            topics = parsed.meta.topics
            if not any(self._mentioned(parsed, t) for t in topics):
                yield Hit(*parsed.line_from(parsed.anchor), {"topics": ", ".join(topics)})

    def _mentioned(self, parsed, phrase: str, head_only: bool = False) -> bool:
        """By the exact words, by their lemmas (all content words, or for a role its head noun),
        or by a close fuzzy match for misspelt or reworded topics."""
        from rapidfuzz import fuzz

        text = parsed.body_text.lower()
        subject = (parsed.meta.subject or "").lower()
        if phrase.lower() in text or phrase.lower() in subject:
            return True
        lemmas = {t.lemma_.lower() for t in parsed.doc if parsed.layout.body.start <= t.idx < parsed.layout.body.end}
        lemmas |= {t.lower_ for t in parsed.doc if parsed.layout.body.start <= t.idx < parsed.layout.body.end}
        lemmas |= set(re.findall(r"[a-z0-9+#-]+", subject))  # the reader sees the subject line first
        words = [w for w in re.findall(r"[a-z0-9+#-]+", phrase.lower()) if w not in _STOP]
        if not words:
            return False
        if head_only:  # the head noun of "Barista (part-time)", "Data Scientist, Claims", "Professor of Law"
            core = re.split(r"\s*[(,–—]|\s+-\s+|\s+(?:of|for|in|at)\s+", phrase.lower())[0]
            core_words = [w for w in re.findall(r"[a-z0-9+#-]+", core) if w not in _STOP]
            head = (core_words or words)[-1]
            if head in _RANKS and re.search(r"\bof\b", phrase.lower()):  # "Head of Engineering": the field names it
                head = words[-1]
            if head in lemmas or head.rstrip("s") in lemmas or _stem(head) in {_stem(lemma) for lemma in lemmas}:
                return True
            # A field of two or more words names the job as well as its head noun does: "the front
            # office" for Front Office Manager, "clinical informatics" for Clinical Informatics Specialist.
            field = " ".join(core_words[:-1])
            if len(core_words) > 2:
                return field in text or field in subject
            # ... and so does one uncommon word: "the graduate actuarial programme" for Actuarial
            # Analyst (not "data" for Data Analyst)
            return len(core_words) == 2 and zipf(core_words[0]) < _EVERYDAY and core_words[0] in lemmas
        stems = {_stem(lemma) for lemma in lemmas}
        found = sum(_stem(w) in stems for w in words)
        if found == len(words) or (found >= 2 and 3 * found >= 2 * len(words)):
            return True  # all its words, or two thirds of a longer topic ("trial shift ... lunch" for "trial shift during the lunch rush")
        return fuzz.partial_ratio(phrase.lower(), text) >= self.settings["min_similarity"]


_RANKS = {"head", "director", "vice", "vp", "chief", "dean", "chair"}
_STOP = {
    "the",
    "a",
    "an",
    "of",
    "and",
    "or",
    "for",
    "to",
    "in",
    "on",
    "with",
    "at",
    "by",
    "our",
    "your",
    "my",
    "during",
    "from",
    "into",
    "about",
    "over",
    "after",
    "before",
    "new",
    "how",
    "what",
    "why",
}


def _stem(word: str) -> str:
    """A crude stem so "dashboards" meets "dashboard", "migrating" meets "migration" and
    "receptionist" meets "reception"."""
    word = re.sub(r"(?<=ion)ists?$", "", word)  # the person of an "-ion": receptionist, nutritionist
    for suffix in ("ions", "ion", "ings", "ing", "ers", "er", "es", "s", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word
