"""Template residue: slots, instructions to the writer and stand-in names, found once per draft.

Real drafts are often templates half filled in: `[Interviewer Name]`, `{{first_name}}`,
`%NAME%`, `____`, `(insert a detail)`, `Mr./Ms. Last Name`, `Your Name`, `ABC Company`. One pass
finds every piece in any syntax, so that the residue rules report it and the content rules do
not count it as content ("my background in [key skill]" is not a qualification).

Each piece is one of three kinds:
- `slot`: a value the writer should have filled in (`[Company Name]`, `<NAME>`, `____`);
- `instruction`: words addressed to the writer (`[Insert something you learned]`, `(If known,
  otherwise use title)`, `(The first paragraph is ...)`, `-Optional-`, `TODO`): they break tone
  as well as personalization;
- `stand-in`: a made-up name a sample letter uses (`Mr. Manager`, `ABC Company`, `John Doe`).

Every pattern is bounded to one line and to a fixed length, so the pass stays linear.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from . import lazyregex
from .greetings import GREETING_WORDS

#: Verbs that open an instruction to the writer ("Insert ...", "[tie to something they said]").
_IMPERATIVES = (
    r"insert|add|mention|include|enter|describe|name(?!\s+of\b)|list(?!\s+of\b)|explain|state|choose|pick|select|use|tie|"
    r"reference|share|highlight|briefly|summari[sz]e|restate|reiterate|express|write|fill|put|give|"
    r"specify|provide|replace|type|sign|delete|remove|edit|customi[sz]e|personali[sz]e|adapt|"
    # "(keep it short)"; not "(keep turning up, same worker)", an answer told: going on doing
    r"keep(?!\s+\w+ing\b)|"
    r"consider|research|link|connect|refer|recall|remind|thank|note|show|emphasi[sz]e|expand|finish|redo|rewrite|tidy|"
    # a reminder of what to raise ("(ask about parking?? or leave it)"; not "ask for Dana at the desk",
    # nor an aside to the reader, "(ask her about the stocktake I ran!)")
    r"ask(?=\s+(?:about|re|if|whether)\b)|"
    # what to write ("[say something about the map room]"; not "(say, two weeks)", an example)
    r"say(?=\s+(?:something|more|a (?:bit|line|word)|sorry|thanks|why|how|what|that)\b)"
)
_IMPERATIVE_START = lazyregex.compile(rf"^\s*(?:{_IMPERATIVES})\b", re.I)
#: "[check ref no. on the letter!!]", "[confirm her title]": a fact the writer must look up. In square
#: brackets only: in parentheses the reader may be asked ("(check the attached rota)").
_LOOK_UP = lazyregex.compile(r"^\s*(?:check|double[- ]check|confirm|verify|look up|find out)\b", re.I)
#: "(CHECK SPELLING)", "(check her title)": a look-up that no reader is ever asked to do, so in
#: parentheses too.
_LOOK_UP_SPELLING = lazyregex.compile(
    r"^\s*(?:check|double[- ]check|confirm)\s+(?:the\s+|her\s+|his\s+|their\s+)?(?:spelling|title|surname|name)\b", re.I
)
#: "[topic - tie it to ...]", "[reason: research the company ...]": an instruction after a dash or colon.
_IMPERATIVE_AFTER_BREAK = lazyregex.compile(rf"(?:\s[-–—]\s*|:\s*)(?:{_IMPERATIVES})\b", re.I)
#: "(Callum - add the bit about your course here)": a helper's instruction to the writer, by name.
#: (a break with a space on one side at least; a capitalised verb only before "the", "your" and
#: the like: not "(Oncology - Research Unit)", "(NVQ: Use of forklift trucks)" or "(Re-use of old
#: stock ...)"; nor thanks to one of a panel, "(Priya - thank you for the tour)")
_ADDRESSED_IMPERATIVE = lazyregex.compile(
    rf"^\s*[A-Z][\w'’]*(?:-[\w'’]+)*(?:\s*[-–—]\s+|\s+[-–—]\s*|:)\s*(?!thank|note\b)"
    rf"(?:(?:{_IMPERATIVES})\b|(?i:{_IMPERATIVES})\b(?=\s+(?:the|a|an|your|this|that|it|one|some|my|their|something|here)\b))"
)
#: "(Mum says put something here about the reading club)", "(my tutor said to add the bit about
#: the course)": an instruction passed on by a helper (not "(Jo says hello)", nor thanks passed
#: on, "(Sue said thank you for the flowers)").
_PASSED_ON_INSTRUCTION = lazyregex.compile(
    rf"^\s*(?:my\s+)?(?:(?:mr|mrs|ms|miss|dr|mx)\.?\s+)?[A-Za-z][\w'’]*\s+(?:says|said|wants\s+me)\s+(?:to\s+|i\s+should\s+)?(?!thank|note\b)(?:{_IMPERATIVES})\b",
    re.I,
)
#: Examples and options: only an instruction offers them ("e.g. a project", "otherwise use ...").
_EXAMPLES = r"\be\.?g\.?(?=[\s,:]|$)|\bi\.e\.|\betc\b|\botherwise\b|\boptional(?:ly)?\b|\bfor example\b"
_EXAMPLE_WORDS = lazyregex.compile(rf"(?i){_EXAMPLES}")
#: "(Careers advice: mention something you talked about, e.g. a project)": a labelled instruction,
#: told from quoted advice ("(Chef's tip: keep the knives sharp)") by the example or option in it.
_LABELLED_ADVICE = lazyregex.compile(rf"^\s*[A-Z][\w'’]*(?:[ \t]+[\w'’]+){{0,2}}[ \t]*:\s*(?:{_IMPERATIVES})\b")
#: "(Paragraph 2: remind the panel of your strengths)", "(Closing para - thank them again)": a
#: template's instruction for one part of the note (not "(Section 4: Use of force)", a
#: document's heading).
_PART_INSTRUCTION = lazyregex.compile(
    r"^\s*(?:(?:first|second|third|fourth|last|final|closing|opening|middle|next)\s+)?(?:paragraph|para|sentence)"
    rf"(?:\s+(?:\d+|one|two|three|four|five))?\s*[:–—-]\s*(?:{_IMPERATIVES})\b(?!\s+of\b)",
    re.I,
)
#: Words that only an instruction contains: conditions, examples, options, the writer as "you".
_INSTRUCTION_WORDS = lazyregex.compile(rf"(?i)(?:\bif\b|{_EXAMPLES}|\bsuch as\b|\byou(?:'|’)?(?:ll|ve|re|d)?\b(?!r))")
#: A parenthesis addressed to the writer: "(The first paragraph is ...)", "(You can use ...)".
_PAREN_INSTRUCTION = lazyregex.compile(
    r"^\s*(?:the\s+(?:first|second|third|last|final|next|closing|opening)\s+(?:paragraph|sentence|line|section)"
    r"|this\s+(?:paragraph|section|part|sentence|line)|you\s+(?:can|could|should|may|might|will|need)"
    r"|if\s+(?:known|applicable|possible|relevant|appropriate|needed|necessary|any|you|not|available|so)\b"
    r"|optional|note\b|tip\b|e\.?g\.?\s"
    # when the note is to go out: "(send 10-14 days after the interview)", "(to be sent within 24
    # hours)" (not "(send me the rota)")
    r"|(?:to\s+be\s+sent|send)\s+(?:within\b|no\s+later\b|(?:\d+|one|two|three|a|a\s+few)(?:\s*[-–]\s*\d+)?\s+(?:hours?|days?|weeks?)\b"
    r"|the\s+(?:same|next)\s+day\b|(?:after|before)\s+(?:the|your)\s+interview\b)"
    # the writer's own editing query: "(maybe cut this para? too long)" (not "(perhaps keep my CV
    # on file?)" or "(maybe lose the tie next time!)", said to the reader)
    r"|(?:maybe|perhaps)\s+(?:cut|delete|remove|drop|shorten|trim|reword|rephrase|rewrite|move|lose)\s+(?:this|that|the)\s+"
    r"(?:para|paragraph|bit|line|sentence|part|section|joke|sign-?off)\b"
    # what to add, with where ("(maybe mention the audit question she asked here?)"; not "(maybe
    # mention it to Jo?)", said to the reader)
    r"|(?:maybe|perhaps)\s+(?:mention|add|include|say|put)\b[^()]{0,80}\bhere\b"
    # a doubt about the reader's name or title: "(or was it Gary?? check the card)", "(check if
    # she's Dr or Prof!!)"
    r"|or\s+(?:was|is)\s+it\s+\w+\s*\?"
    # "(CHECK is it Garrow-Hughes or Garro-Hughes??)", "(check - was it Tues?)", "(CHECK the
    # date??)": a look-up put as a question, or with the doubled mark no reader is written with
    r"|check\s*[:,\u2013\u2014-]?\s*(?:is|was)\s+(?:it|she|he|they)\b|check\b(?!\s+(?:your|out)\b)[^()]{0,60}\?{2,}"
    r"|check\s+(?:if|whether)\s+(?:she|he|they)(?:'s|’s|\s+is|\s+was|\s+are)\b"
    # a question to put to a helper: "(ask mum: do I say residents??)", "(ask mum if I should say
    # ...)" (not "(ask her about the stocktake I ran!)", said to the reader)
    r"|ask\s+[a-z]+\s*[:\u2013\u2014-]|ask\s+[a-z]+\s+(?:if|whether)\s+i\s+(?:should|can|could|need|have)\b"
    # names guessed at: "(Rhys? Rees?)"
    r"|(?:[a-z][\w'’-]*\?+\s*(?:or\s+|/\s*)?){2,}$"
    # something to settle before the note goes: "(on the Tuesday? or Wed - CHECK before sending)",
    # "(or Laura?? check the email before sending)" (not "(check the attached rota)")
    r"|[^()]{0,80}?\b(?:check|confirm|fix|change|delete|remove|cut)\b[^()]{0,40}\bbefore\s+(?:sending|i\s+send|it\s+goes)\b"
    # which draft to send: "(shorter - send this one??)"
    r"|[^()]{0,30}?\b(?:send|use|go\s+with)\s+this\s+(?:one|version)\b)",
    re.I,
)
#: A parenthesis that names a value: "(name of organization)", "(your name)", "(company)".
_PAREN_SLOT = lazyregex.compile(
    r"^\s*(?:name\s+of|your\s+(?:name|title|company|address|email|e-mail|phone)|interviewer|company|organi[sz]ation"
    r"|position|job\s+title|role|date|specific\s+\w+|recipient|hiring\s+manager)\b[^()]{0,40}$",
    re.I,
)
#: "(hospital name)", "(store address)": a place's name or address, and nothing after it (not
#: "(her name is Priya)", "(trading name Bloom Events)").
_PLACE_FIELD = lazyregex.compile(
    r"^\s*(?:hospital|clinic|company|school|store|shop|firm|practice|business|restaurant|hotel|agency|department|employer|ward"
    r"|site|branch|venue|salon|university|college|programme|program|contact|reference|referee)\s+(?:name|address)\s*$",
    re.I,
)
#: "(insert date)", "[Insert job title]", "(enter ref no.)": an imperative that only names the
#: value to put in is a slot, not an instruction to compose something ("(insert one line about
#: the project)", "[insert something specific]").
_INSERT_VALUE = lazyregex.compile(
    r"^\s*(?:insert|enter|add)\s+(?:(?:the|your|their|his|her)\s+)?(?:[\w'’-]+\s+){0,2}"
    r"(?:name|title|date|day|time|no\.?|number|ref|reference|company|organi[sz]ation|address|phone|e-?mail"
    r"|position|role|location|department|employer|school|college|university|manager|interviewer|supervisor"
    r"|branch|site|store)s?\.?\s*$",  # ("(insert dates)")
    re.I,
)
#: "[Reference Name]", "[Note Title]": a field label in title case, in square brackets, that
#: names a value is a slot, even when its first word could be read as an imperative (in
#: parentheses such words are prose: "(Finance Department)").
_FIELD_LABEL = lazyregex.compile(
    r"^\s*(?:[A-Z][\w'’-]*\s+){1,2}(?:Name|Title|Date|Day|Time|Number|No\.?|Address|E-?mail|Phone|Company"
    r"|Organi[sz]ation|Position|Role|Location|Department)\s*$"
)
#: "Ravi Castellano-Ng (hiring manager)", "Dr. Lee (interviewer)": a role in parentheses after a
#: full name, or a title and a name, says who the person is (not "Dear (Hiring Manager),", "Hi
#: Team (hiring manager)," or "Dear Professor (interviewer),", where the role stands for a name).
_ROLE_NOTE = lazyregex.compile(
    r"^\s*(?:the\s+)?(?:interviewer|hiring\s+manager|recipient|recruiter|panel\s+chair)\s*$", re.I
)
_NAMED_BEFORE = lazyregex.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof)\.?|\b(?!(?:Dear|Hi|Hello|Hey|Hiya|Good|Greetings|Respected|To|Team|Hiring|Lead|Manager|Recruiter"
    r"|Interviewer|Professor|Sir|Madam|Ma'am|Morning|Afternoon|Evening)\b)[A-Z][a-z][\w'’-]*)\s+"
    r"(?!(?:Team|Lead|Manager|Recruiter|Interviewer|Professor)\b)[A-Z][a-z][\w'’-]*\s*$"
)
#: A greeting opening the line: there a role in parentheses stands for the reader's name.
_GREETING_LINE = lazyregex.compile(rf"^\W*(?:{GREETING_WORDS})\b", re.I)
_HTML_TAGS = frozenset("a b i u p br hr em strong div span ul ol li sup sub small code pre".split())

#: (pattern, kind); a pattern may classify its own match with the group "body".
_BRACKETS = [
    lazyregex.compile(r"\[(?P<body>[^\[\]\n]{1,200})\](?!\()"),
    lazyregex.compile(r"\{\{(?P<body>[^{}\n]{1,80})\}\}|\{(?P<body2>[A-Za-z_][\w .-]{0,60})\}"),
    lazyregex.compile(r"<(?P<body>[A-Za-z][^<>\n@/:]{0,60})>"),
    lazyregex.compile(r"\((?P<body>[^()\n]{1,300})\)"),
]
_SLOTS = [
    lazyregex.compile(r"%[A-Za-z_]{2,30}%"),
    lazyregex.compile(r"\$\{?[A-Z][A-Z_]{2,30}\}?"),
    lazyregex.compile(r"\b[Xx]{3,}\b"),
    # a count left as "XX": "In my XX years as a volunteer", "cut waste by XX%" (not "XX" alone)
    lazyregex.compile(
        r"\bXX(?=\s*(?:%|per ?cent\b|(?:years?|months?|weeks?|days?|hours?|people|staff|clients|customers)\b))"
    ),
    # a name left as "XX" after an article or a preposition: "explaining the XX consultation",
    # "the role at XX." (not a numeral, "the XX century", "Super Bowl XX", nor genetics, "the XX
    # chromosome", "in XX and XY mice")
    lazyregex.compile(
        r"\b(?:[Tt]he|[Aa]n?|at|for|with|of|in|to|from|on|about|your|our) XX"
        r"(?= (?!century\b|chromosomes?\b|and\b|or\b|females?\b|males?\b|mice\b|mouse\b|embryos?\b|cells?\b"
        r"|karyotypes?\b|individuals?\b|patients?\b)[a-z]|\s*[.,;:!?)]|\s*$)"
    ),
    # (not a line of underscores alone, a mail program's rule under the signature; under a
    # sign-off, "Kind regards,", it is where the name goes)
    lazyregex.compile(r"(?m)(?!(?<![^\n])(?<![,:]\n)(?<![,:]\n\n)_{10,}[ \t]*$)(?<!_)_{3,}"),
    lazyregex.compile(r"(?<![*\n])\*{3,}(?![*\n])|(?<=\S )\*{3,}\s*$", re.M),
    lazyregex.compile(r"\b(?:FIRST|LAST|FULL)_?NAME\b|\bfirst_name\b|\blast_name\b"),
    lazyregex.compile(r"\b(?:Firstname|First Name)\s+(?:Lastname|Last Name)\b"),
    # "Your Name", "Your contact info", "Your email address" (title case, or alone on a line)
    lazyregex.compile(
        r"\bYour\s+(?:Full\s+|Typed\s+|Printed\s+)?(?:Name|Signature|Title|Address|Phone(?:\s+Number)?|E-?mail(?:\s+Address)?"
        r"|Contact\s+(?:Info(?:rmation)?|Details))\b"
        r"|(?im:^[ \t]*your\s+(?:full\s+)?(?:name|signature|title|address|phone(?:\s+number)?|e-?mail(?:\s+address)?"
        r"|contact\s+(?:info(?:rmation)?|details))[ \t]*$)"
    ),
    # Field labels written out: "Company Name", "Recipient's Name", "Specific Position".
    lazyregex.compile(
        r"\b(?:Company|Organi[sz]ation|Interviewer|Hiring Manager|Position|Job|Role|Recipient|Manager|School|Hospital"
        r"|Employer|First|Last|Full|Team|Department)(?:'s|’s)? (?:Name|Title)\b"
        r"|\b[Rr]ecipient(?:'s|’s)? (?:name|title)\b|\bSpecific (?:Position|Role|Job|Company|Date|Topic|Project)\b"
        r"|\bName of (?:Company|Organi[sz]ation|Interviewer|Position|Employer)\b"
    ),
    lazyregex.compile(
        r"\b(?:Mr|Mrs|Ms|Dr)\.?\s*/\s*(?:Mr|Mrs|Ms|Mx|Dr)s?\.?(?:\s+(?:Last\s*Name|Lastname|Surname|Name))?"
    ),
    lazyregex.compile(r"\b(?:Mr|Mrs|Ms|Dr)\.?\s+(?:Last\s*Name|Lastname|Surname|LASTNAME|Name)\b"),
    # A role noun as the signature: "Applicant", "Candidate" alone on the last line.
    lazyregex.compile(r"(?im:^[ \t]*(?:the\s+)?(?:applicant|candidate|job\s+seeker|interviewee)[ \t]*\Z)"),
]
#: The label of a template's tip ("Tip:", "**Pro tip:**", "Hints:"), also where layout keeps a
#: tip set out as a quote.
TIP_LABEL = r"(?:\*\*|__)?(?:pro[ \t]+)?(?:tip|hint)s?(?:\*\*|__)?[ \t]*:"
#: The rest of a writer's note, up to a closing bracket or the end of its sentence (marks followed
#: by a word in lower case do not end it: "question?? check her name"; the case is tested as
#: written even inside a pattern that ignores it; a bracket of its own is part of it: "check how
#: she spells it (Rhys? Rees?) first"). Closing emphasis marks, which the linter sees as spaces,
#: end it too ("- **TODO: check her title** Could I start on the 3rd?" asks).
_TO_SENTENCE_END = r"(?:(?![ \t]{2,}(?-i:[A-Z]))[^\n()\].!?]|\([^()\n]{0,60}\)|[.!?]+(?=[ \t]+(?-i:[a-z]))){0,200}"
#: Where a sentence of its own starts: a line (after emphasis marks, which the linter sees as
#: spaces) or the space after a full stop.
_OWN_SENTENCE = r"(?:(?<![^\n])|(?<=^[ \t*_])|(?<=^[ \t*_]{2})|(?<=[.!?][ \t]))"
#: A note that opens its line (after a list mark, and any emphasis marks: "- **TODO: ...??**") or
#: its sentence is a sentence of its own, and the question or exclamation marks that end it are its
#: own ("- TODO: ask about the timeline??" asks the reader nothing); a note inside a sentence
#: leaves the sentence its mark ("What would the first week look like for the TODO: team name?").
_OPENS_SENTENCE = rf"(?:{_OWN_SENTENCE}|(?<=^[-*•+] )|(?<=^[-*•+] [ \t*_]{{2}}))"


_LABEL_END = r"(?:[ \t]*:|[ \t]+[-\u2013\u2014])"


def _writers_note(label: str) -> str:
    """A writer's note after its label, to the end of its sentence or bracket, with its own
    closing marks when it opens its line or sentence (needs the multiline flag)."""
    # (after a colon or a dash: "NOTE TO SELF - check how she spells it")
    return rf"{_OPENS_SENTENCE}{label}{_LABEL_END}{_TO_SENTENCE_END}[?!]*|\b{label}{_LABEL_END}{_TO_SENTENCE_END}"


_INSTRUCTIONS = [
    # (not a TODO mentioned as a thing: "I've left a TODO where that would go"; "the TBD
    # project" and "a TODO: add ..." are still residue, to the end of its sentence or bracket:
    # "TODO: add the budget question?? check her name")
    lazyregex.compile(
        "(?m)"
        + _writers_note("(?:TODO|FIXME)")
        + r"|\b(?:TBD|TK)\b|(?<!\b[Aa] )(?<!\bthe )(?<!\bone )(?<!\bno )\b(?:TODO|FIXME)\b"
    ),
    lazyregex.compile("(?im)" + _writers_note("note to self") + r"|\bnote to self\b"),
    # The writer's to-do list, a bullet a line in lower case: "- mention the robot arm thing", "*
    # ask about start date", "- remember to attach the CV" (not a list of duties or plans in the
    # writer's voice: "- check the fire doors every morning", "* ask the team what slows them down").
    lazyregex.compile(
        r"(?m)(?:(?<=^[-*•+] )|(?<=^[-*•+]\t))(?:mention|ask about|remember to|don'?t forget(?: to)?)\b[^\n]{0,120}"
    ),
    # A template's tip left in, on a line of its own: "> tip: keep it under 100 words", "**Hint:** ..."
    lazyregex.compile(rf"(?im)^[ \t>]*{TIP_LABEL}(?:\*\*|__)?[^\n]{{1,200}}"),
    lazyregex.compile(r"(?i)(?:^|(?<=\s))-\s?optional\s?-"),
    # "Mention a specific project you discussed." opening a sentence or a line
    lazyregex.compile(
        r"(?:^|(?<=[.!?]\s)|(?<=\n))(?:Insert|Mention|Add|Include|Customi[sz]e|Personali[sz]e|Replace|Fill in|Describe"
        r"|Reference)\s+(?:a|an|the|your|one|something|some|specific|here|details?|this|their)\b[^.\n]{0,80}",
        re.M,
    ),
    # A note to self pointed at with an arrow or typed in capitals: "<- ADD THE BIT ABOUT THE
    # AUDIT CLIENT HERE, something specific", "ADD NAME OF THE WARD HERE" (not "a 2 -> 3 shift
    # pattern", nor a heading in capitals without an order).
    # (or marked off between chevrons: ">> Jo: put the forklift licence bit in here?? <<")
    lazyregex.compile(
        r">>[ \t]*(?=[A-Za-z])[^<>\n]{3,150}?[ \t]*<<"
        r"|(?:<-{1,3}|<=|\u2190)[ \t]*(?=[A-Za-z])[^\n]{1,150}"
        r"|(?-i:\b(?:ADD|INSERT|MENTION|PUT|CHANGE|CHECK|FIX|UPDATE|WRITE)(?:[ \t]+[A-Z0-9'’&-]+){1,12}?[ \t]+(?:HERE|LATER|BEFORE SENDING)\b)"
        r"[^\n.]{0,100}"
    ),
    # The same set in italics or bold on a line of its own, when it speaks of the note ("*Add a
    # sentence here about something specific ...*"; not a quoted question, "*Describe a time you
    # handled an angry customer.*", nor a tip, "_Add the butter off the heat_")
    # (the linter sees the markers blanked to spaces; in lower case only right after the marks, or
    # after the marks and a space, "_mention the fire drill story here_", "** add a line here **",
    # not after a bullet's "* ")
    lazyregex.compile(
        r"(?m)(?:(?:(?<=^[*_ \t])|(?<=^[*_ \t]{2})|(?<=^[*_ \t]{3}))(?:Insert|Mention|Add|Include|Describe|Reference)"
        r"|(?:(?<=^[*_])|(?<=^[*_]{2})|(?<=^[*_]{2}[ \t])|(?<=^[ \t])|(?<=^[ \t]{2})|(?<=^[ \t]{3}))"
        r"(?:insert|mention|add|include|describe|reference))(?!\s+of\b)\s[^\n*_]{0,60}?"
        r"\b(?:here|sentence|paragraph|line)\b[^\n*_]{0,100}"
    ),
    # A template's outline, a line per part: "First paragraph: Thank the interviewer ...".
    lazyregex.compile(
        r"(?im)^[ \t]*(?:(?:first|second|third|fourth|fifth|final|last|opening|closing|middle|next)[ \t]+"
        r"(?:paragraph|sentence|section|line|part)|paragraph[ \t]+(?:\d|one|two|three|four|five))[ \t]*:[^\n]{1,300}"
    ),
    lazyregex.compile(
        r"(?i)\b(?:choose|pick|select|delete|remove) (?:as appropriate|as needed|this (?:line|sentence|paragraph)|if not applicable)\b"
    ),
    # "Choose one:" or "- pick one" is addressed to the writer; "every child can choose one book"
    # is prose.
    lazyregex.compile(
        r"(?im)(?:(?:^|(?<=[.!?(\[/–—-])|(?<=[.!?(\[/–—-]\s))(?:choose|pick|select) one\b|\b(?:choose|pick|select) one[ \t]*[:)\]])"
    ),
    lazyregex.compile(
        r"(?i)\b(?:edit|customi[sz]e|personali[sz]e|adapt) (?:this|the) (?:sentence|paragraph|part|line|template|section)\b"
    ),
    # A template's note on how to use it, a sentence of its own that opens with the instruction:
    # "Replace everything in brackets and delete these notes before sending.", "Students should
    # change the highlighted portions.", "Fill in the blanks before you send it.", "Do not send
    # this format as it is.", "Use this sample as a starting point." (not the writer's "I will
    # fill in the blanks on the form tonight", "Please delete the notes I emailed by mistake",
    # "Please use this example of my work")
    lazyregex.compile(
        rf"(?im){_OWN_SENTENCE}(?:(?:please|remember\s+to|(?:students|candidates|applicants|graduates|you)\s+(?:should|must|need\s+to|can))\s+)?"
        r"(?:change|replace|delete|remove|edit|fill\s+in|update|customi[sz]e|personali[sz]e)\s+(?:[\w'’-]+\s+){0,2}?"
        r"(?:(?:the\s+)?(?:highlighted|bracketed|underlined)\b|(?:in\s+)?(?:square\s+)?brackets\b|(?:all\s+|the\s+)?placeholders\b"
        r"|these\s+(?:notes|instructions|tips|hints)\b|(?:all\s+|the\s+)?(?:blanks|details|names)\b(?=[^.!?\n]{0,40}\bbefore\s+(?:sending|you\s+send)\b))"
        r"[^.!?\n]{0,80}[.!]?"
        rf"|{_OWN_SENTENCE}(?:please\s+)?do\s*n[o'’]t\s+send\s+(?:this|the)\s+(?:format|template|sample|model|example)\b[^.!?\n]{{0,40}}[.!]?"
        rf"|{_OWN_SENTENCE}(?:please\s+)?use\s+this\s+(?:sample|template|format|model|example)\s+(?:as|to|for|when|if)\b[^.!?\n]{{0,80}}[.!]?"
    ),
    # A chat assistant's words around the note it wrote, pasted with it: the line that hands the
    # note over ("Sure! Here's a polished, professional thank-you note you can send:", "Below is a
    # thank-you email you can use:") and the offer to redo it ("Would you like me to make it more
    # concise or adjust the tone?", "Let me know if you'd like a shorter version.", "Feel free to
    # tweak it to match your voice."). Not the writer's "Here is the link to my portfolio:" (no
    # note handed over) nor "Would you like me to adjust my availability?" (not the note's words).
    lazyregex.compile(
        r"(?im)^[ \t]*(?:(?:sure|certainly|absolutely|of course|great|okay|ok)[!,.]?[ \t]+(?:here|below)(?:'s|’s| is)\b[^\n:]{0,100}"
        r"|(?:here|below)(?:'s|’s| is)\b[^\n:]{0,100}\b(?:polished|professional|concise|revised|refined|improved|rewritten|warm|formal"
        r"|friendly|short|shorter|brief|personali[sz]ed|tailored|sample|template)\b[^\n:]{0,60}"
        r"|(?:here|below)(?:'s|’s| is)\b(?=[^\n:]{0,140}\byou can (?:send|use|copy|adapt)\b)[^\n:]{0,100})"
        r"\b(?:note|email|e-mail|message|letter|draft|version)\b[^\n:]{0,60}:[ \t]*$"
        r"|^[ \t]*(?:would you like|do you want|shall i|should i)(?: me)?(?: to)?[ \t]+(?:make|adjust|shorten|lengthen|tailor|tweak"
        r"|revise|rewrite|personali[sz]e|customi[sz]e|change|polish|edit)[ \t]+(?:it|this|the (?:tone|wording|length|note|email|e-mail"
        r"|message|letter|draft|style))\b[^\n]{0,200}"
        r"|^[ \t]*let me know if you(?:'d|’d| would) like (?:me to (?:adjust|shorten|tweak|revise|rewrite|change|tailor)\b"
        r"|(?:any )?(?:changes|adjustments|edits|tweaks)\b|an?(?: \w+)? (?:shorter|longer|more \w+|different|alternative|\w+er) version\b)[^\n]{0,200}"
        r"|^[ \t]*(?:i hope (?:this|that) helps[!.]?[ \t]*)?feel free to (?:tweak|adjust|edit|personali[sz]e|customi[sz]e|change|adapt)"
        r" (?:it|this|the (?:note|email|e-mail|message|letter|draft|wording|tone))\b[^\n]{0,160}"
    ),
]
_STAND_INS = [
    lazyregex.compile(
        r"\b(?:ABC|XYZ|ACME|Acme|XX|ABCD|DEF)(?:\s+[A-Z][a-z]+)?\s+(?:Company|Corp(?:oration)?|Inc\.?|Ltd\.?|Hospital|School"
        r"|Bank|Group|Industries|Organi[sz]ation|Firm|Agency|University|College|Clinic|Foundation|Enterprises|Solutions"
        r"|Technologies|Co\.|Hotels?|Restaurants?|Shops?|Caf[eé]|Bakery|Garage|Salon|Pharmacy|Care|Services"
        r"|Logistics|Retail|Centre|Center|Council|Trust|Academy|Construction|Motors|Cleaning|Security|Supermarkets?"
        r"|Labs?|Laborator(?:y|ies)|Studios?|Institute|Partners|Associates|Charity|Practice|Nursery"
        r"|Therapeutics|Pharma(?:ceuticals)?|Biotech|Systems|Software|Consulting|Holdings|Healthcare|Energy|Insurance"
        r"|Manufacturing|Foods|Engineering|Financial|Medical|Dental|Ventures|Airlines|Telecom)(?!\w)"
    ),
    # "Company X", "Hospital B" (not "... at the Hospital I joined")
    lazyregex.compile(
        r"\b(?:Company|Firm|Organi[sz]ation|Employer|Hospital|School)\s+(?:[A-HJ-Z]|ABC|XYZ)\b(?![.'’&]\w)"
    ),
    lazyregex.compile(r"\bthe\s+ABC\s+(?:team|department)\b"),
    lazyregex.compile(r"\b(?:John|Jane)\s+(?:Q\.\s+)?Doe\b"),
    lazyregex.compile(
        r"\b(?:Mr|Mrs|Ms|Mx|Dr)\.?\s+(?:Manager|Interviewer|Recruiter|Employer|Hiring|Boss|Doe|Candidate|X|Y|Z)\b"
    ),
    lazyregex.compile(r"(?i)\bso-and-so\b"),
]


#: A workplace taken out by someone who quotes a note, told in the third person or as the
#: quoter's own ("At [his employer] I cut ...", "[her old firm]", "[our company]'s plan"); a
#: template's slot names a field or speaks of the writer or the reader ("[her name]", "[his or
#: her job title]", "[your employer]").
_REDACTION = lazyregex.compile(
    r"(?i)\s*(?:his|her|our)\s+(?:(?:current|old|former|previous|last)\s+)?"
    r"(?:employer|company|firm|school|university|college|workplace|hospital|practice|agency|store|shop|clinic)\s*"
    # said to be taken out: "[name removed]", "[redacted]", "[company withheld]" (not a template's
    # "[can be removed]", "[To be omitted]")
    r"|\s*(?:(?!(?:be|to|can|may|should|will|must|could|might|you|optional|previously)\b)[\w'’]+\s+){0,2}"
    r"(?:removed|redacted|withheld|omitted|anonymi[sz]ed)\s*"
)


#: A poster who quotes a note saying, in the page around it, that they took names out: "(I've
#: taken out the name of his old firm)", "names changed", "I've changed the names". The bare
#: slots after it are their redactions, not the writer's template ("At [previous employer] I
#: dispatched ..."). Only the page around the note is read, and names taken from others: "I have
#: changed my name since I applied" above a template tells nothing of the kind.
_REDACTED_BELOW = lazyregex.compile(
    r"(?i)\b(?:i|we)(?:'ve|\u2019ve| have)?\s+(?:taken out|removed|redacted|blanked(?: out)?|anonymi[sz]ed|hidden|changed|replaced)\b"
    r"[^.\n]{0,40}?\b(?:(?:the|their|his|her|all|any|some) (?:[\w'-]+ )?names?\b|names\b)"
    r"|\b(?:names?|identifying details|identities)\s+(?:have been |has been |were |are |)(?:changed|removed|redacted|anonymi[sz]ed"
    r"|taken out|blanked(?: out)?|withheld)\b"
)


def page_around(text: str, written: str, note_start: int) -> str:
    """What the draft holds beyond the note, with the note's own words blanked (same offsets):
    the text above where the note starts, and the page scaffolding `text` has blanked out of
    what was `written`."""
    return written[:note_start] + "".join(
        w if t.isspace() and not w.isspace() else " " for t, w in zip(text[note_start:], written[note_start:])
    )


@dataclass(frozen=True)
class Residue:
    """One piece of template residue, in content offsets."""

    start: int
    end: int
    kind: str  # slot, instruction or stand-in


#: "[something specific from the interview]", "[one thing that stood out]", "[a sentence about
#: your course]": what to compose, described, not a value to fill in ("[Name]", "[key skill]",
#: "[specific detail mentioned by the team]", which names the value the writer knows).
_DESCRIBED_CONTENT = lazyregex.compile(
    r"^\s*(?:something|anything|one\s+thing|a\s+(?:sentence|line|paragraph|short\s+story)|an\s+example\s+of)\b",
    re.I,
)
#: A ticket, case or job reference in square brackets, as a help desk's subject lines carry it.
_REFERENCE = lazyregex.compile(r"\s*(?:#?[A-Z][A-Z0-9]{1,9}[-_]\d{2,}|#\d{3,})\s*")
#: A reviewer's comment left in from a shared document: "[Comment: too casual?]", "[Comment from
#: Hannah: add a number]".
_REVIEW_COMMENT = lazyregex.compile(r"\s*(?:comment|suggestion|note)(?:\s+from\s+[A-Z][\w'’-]*)?\s*:", re.I)


def _classify(body: str, paren: bool) -> str | None:
    """What a bracketed text is: an instruction, a slot, or (for parentheses and angle brackets
    that are ordinary prose or markup) nothing."""
    words = body.split()
    if not words:
        return None
    if _INSERT_VALUE.match(body) or (not paren and _FIELD_LABEL.match(body)):
        return "slot"
    if paren:
        if (
            _PAREN_INSTRUCTION.match(body)
            or _PART_INSTRUCTION.match(body)
            or _IMPERATIVE_START.match(body)
            and len(words) > 1
            or _ADDRESSED_IMPERATIVE.match(body)
            or _PASSED_ON_INSTRUCTION.match(body)
            or _LOOK_UP_SPELLING.match(body)
            or _LABELLED_ADVICE.match(body)
            and _EXAMPLE_WORDS.search(body)
        ):
            return "instruction"
        return "slot" if _PAREN_SLOT.match(body) or _PLACE_FIELD.match(body) else None
    if (
        (_IMPERATIVE_START.match(body) or _LOOK_UP.match(body))
        and len(words) > 1
        or _IMPERATIVE_AFTER_BREAK.search(body)
        or _INSTRUCTION_WORDS.search(body)
        or _REVIEW_COMMENT.match(body)
        or _DESCRIBED_CONTENT.match(body)
        or len(words) > 12
    ):
        return "instruction"
    return "slot"


#: Advice the reader gave, just before a parenthesis that quotes it: "Your feedback after the
#: first try (ask about their process before pitching)", "your tip (always count the float
#: twice)" (not "(ask about the rota)" on its own, an instruction to the writer).
_QUOTED_ADVICE = lazyregex.compile(
    r"(?:\b(?:your|the panel's|her|his|their)\s+(?:\w+\s+){0,2}?(?:feedback|advice|tip|suggestion|pointer|rule|mantra|motto|reminder)"
    r"|\b(?:feedback|advice|tip|suggestion|pointer)\s+you\s+gave(?:\s+me)?)\b[^()\n.!?]{0,40}$",
    re.I,
)


#: What only a note to self says: the writer as "I", "here" (where to put something), "ask
#: <someone> if": "your advice (mention the forklift course here)", "(ask Jo if I should say)".
_WRITERS_OWN = lazyregex.compile(r"\b(?:i|i'm|i’m|my|me|here)\b|\bask\s+[a-z]+\s+(?:if|whether)\b", re.I)


def _bracketed(text: str, around: str) -> list[Residue]:
    out = []
    told = _REDACTED_BELOW.search(around)
    redacted_from = told.end() if told else len(text) + 1
    for number, pattern in enumerate(_BRACKETS):
        for m in pattern.finditer(text):
            body = m.group("body") if m.group("body") is not None else m.groupdict().get("body2") or ""
            if number == 0 and re.fullmatch(r"\s*(?:\d+|x|X|\s|sic|…|\.\.\.)\s*", body):
                continue  # footnote marks, checkboxes, [sic], [...]
            if number == 0 and _REFERENCE.fullmatch(body):
                continue  # "[REQ-20418]", "[#4412]": a ticket or case number, as help desks write them
            if number == 0 and _REDACTION.fullmatch(body):
                continue  # "[his employer]": someone quoting the note took a detail out
            if number == 2 and (body.lower().split() or [""])[0] in _HTML_TAGS:
                continue
            kind = _classify(body, paren=number == 3)
            if kind == "slot" and number == 3 and _ROLE_NOTE.match(body):
                line_start = text.rfind("\n", 0, m.start()) + 1
                before = text[line_start : m.start()]
                if _NAMED_BEFORE.search(before) and not _GREETING_LINE.match(before):
                    continue  # "Ravi Castellano-Ng (hiring manager)": who the named person is
            if (
                kind == "instruction"
                and number == 3
                and _QUOTED_ADVICE.search(text, max(0, m.start() - 60), m.start())
                and not _WRITERS_OWN.search(body)
            ):
                continue  # "Your feedback after the first try (ask about ... first) made ...": the reader's words
            if kind == "slot" and number == 2 and not (body[:1].isupper() or "_" in body):
                continue  # "<b>" style markup, not "<NAME>"
            if kind == "slot" and number == 0 and m.start() >= redacted_from:
                continue  # the quoter said they took details out: "[previous employer]" is theirs
            if kind:
                out.append(Residue(m.start(), m.end(), kind))
    return out


def find(text: str, around: str = "") -> list[Residue]:
    """Every piece of residue in the text, outermost first in text order (a slot inside an
    instruction belongs to the instruction). `around` is the page around the note (see
    `page_around`), where a quoter may say they took names out."""
    found = _bracketed(text, around)
    for kind, patterns in (("slot", _SLOTS), ("instruction", _INSTRUCTIONS), ("stand-in", _STAND_INS)):
        for pattern in patterns:
            found.extend(Residue(m.start(), m.end(), kind) for m in pattern.finditer(text) if m.end() > m.start())
    found.sort(key=lambda r: (r.start, -r.end))
    kept: list[Residue] = []
    for piece in found:  # sorted by start, longest first: one sweep drops what an earlier piece covers
        if kept and piece.end <= kept[-1].end:
            continue
        kept.append(piece)
    return kept


def bound(start: int, end: int, text: str, residue: list[Residue], following: bool = True) -> bool:
    """Whether a match leans on residue (as `find` returns it: sorted, no piece inside another,
    so the ends are sorted too): it overlaps a piece, or (with `following`) a piece follows it
    at once ("your question about [specific skill]" says nothing until the slot is filled).
    Bisections, so that thousands of matches and slots in one draft stay cheap."""
    before_end = bisect.bisect_left(residue, end, key=lambda r: r.start)  # the pieces starting before `end`
    if before_end and residue[before_end - 1].end > start:  # the last of them ends last
        return True
    if not following:
        return False
    after = end + len(text[end : end + 40]) - len(text[end : end + 40].lstrip(" \t"))
    at = bisect.bisect_left(residue, after, key=lambda r: r.start)
    return at < len(residue) and residue[at].start == after


def inside_instruction(start: int, end: int, residue: list[Residue]) -> bool:
    """Whether the span `start:end` lies within one instruction to the writer (`residue` sorted
    as `find` returns it)."""
    at = bisect.bisect_right(residue, start, key=lambda r: r.start)
    return at > 0 and residue[at - 1].kind == "instruction" and residue[at - 1].end >= end > start
