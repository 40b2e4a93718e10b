"""The words a note's greeting opens with: shared by the layout, by telling a note from other
files, and by template residue (a role in parentheses after a greeting stands for a name)."""

from __future__ import annotations

GREETING_WORDS = (
    r"dear|respected|hi|hello|hey|heya|hiya|yo|sup|howdy|greetings|good\s+(?:morning|afternoon|evening|day)"
    r"|morning|afternoon|evening|to\s+whom\s+it\s+may\s+concern|attn|attention"
    # greetings of other languages that English notes open with
    r"|kia\s+ora|aloha|namaste|hola|bonjour|salaam|salam|shalom|hallo|g['’]day|oi|olá"
)
