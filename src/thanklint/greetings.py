"""The words a note's greeting opens with: shared by the layout, by telling a note from other
files, and by template residue (a role in parentheses after a greeting stands for a name)."""

from __future__ import annotations

from . import lazyregex

GREETING_WORDS = (
    # (stretched as chat stretches them: "hii", "heyy", "helloo")
    r"dear|respected|hi+|hel+o+|he+y+|heya|hiya|yo|sup|howdy|greetings|good\s+(?:morning|afternoon|evening|day)"
    r"|morning|afternoon|evening|to\s+whom\s+it\s+may\s+concern|attn|attention"
    # ("Alright Gaz", as a British greeting, only before a capitalised name: not "Alright, thank
    # you for letting me know", "alright if i ring friday?")
    r"|alright(?=\s+(?-i:[A-Z]))"
    # greetings of other languages that English notes open with
    r"|kia\s+ora|aloha|namaste|hola|bonjour|salaam|salam|shalom|hallo|g['’]day|oi|olá"
)

#: Where a note runs on after a pasted header on the same line, as when line breaks were lost:
#: "Subject: Thank you - Analyst interview Dear Mr. Fischer, thank you ...". A capitalised
#: greeting word, a name and a comma (or colon or "!") after it; group "at" is where the note starts.
RUN_IN_GREETING = lazyregex.compile(
    r"\s(?P<at>(?:Dear|Hi|Hello|Hey|Good\s+(?:morning|afternoon|evening))\s+(?:(?:Mr|Mrs|Ms|Mx|Dr|Prof|Miss)\.?\s+)?"
    r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}\s*[,:!])"
    # (the note's text after it, not a business's name and place: "at Hey Joe Coffee, Leeds")
    r"(?=(?:\s+\S+){4})"
)
