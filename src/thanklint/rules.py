"""Rules: YAML files validated at load, their id taken from the path `<category>/<name>.yaml`.

Loading needs no spaCy: `thanklint rules` and `explain` stay instant. Patterns are compiled
(and spaCy validates token patterns) only when `check` prepares the rules for a pipeline.
"""

from __future__ import annotations

import hashlib
import math
import os
import re
import string
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from . import __version__, yamltext
from .cachefiles import stamp
from .checks import REQUIRED, SCOPE_NAMES, Check, registry
from .errors import RuleError, did_you_mean, shown
from .findings import Severity
from .patterns import PatternSet, validate_spec

CATEGORIES = (
    "timing",
    "personalization",
    "gratitude",
    "qualifications",
    "reflection",
    "interest",
    "questions",
    "tone",
    "proofreading",
    "structure",
)
KINDS_OF_NOTE = ("thank-you", "follow-up")
COMMON_KEYS = (
    "kind",
    "severity",
    "message",
    "description",
    "rationale",
    "examples",
    "applies_to",
    "fix_safety",
    "references",
    "confirms",
)
_ID = re.compile(r"^[a-z]+\.[a-z0-9]+(?:-[a-z0-9]+)*$")
#: A rule folder's shared word lists live here, not in a category folder.
VOCABULARIES = "vocabularies"
#: The rule pages of the installed version: each release is tagged `v<version>`.
DOCS_URL = f"https://github.com/thanklint/thanklint/blob/v{__version__}/docs/rules.md"


@dataclass(frozen=True)
class Example:
    """A runnable example: one draft, or several (for rules that compare drafts)."""

    drafts: tuple[tuple[str, dict], ...]  # (text, metadata) pairs


@dataclass(frozen=True)
class Rule:
    id: str
    category: str
    kind: str
    severity: Severity
    message: str
    description: str
    rationale: str
    path: str
    bad: tuple[Example, ...]
    good: tuple[Example, ...]
    applies_to: tuple[str, ...] = KINDS_OF_NOTE
    fix_safety: str = ""
    references: tuple[str, ...] = ()
    settings: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    lines: dict[str, int] = field(default_factory=dict, compare=False, hash=False)
    #: Whether the rule's silence marks its quality present. A rule that can only find a fault
    #: and never vouch for the quality (a thank-you that admits it is late) says `confirms:
    #: false`: its finding marks the quality missing, its silence leaves it unchecked.
    confirms: bool = True
    builtin: bool = False  # shipped with thanklint, so documented in docs/rules.md
    #: A digest of the rule file's text (part of the result cache's fingerprint).
    digest: str = field(default="", compare=False, hash=False)

    @property
    def url(self) -> str:
        """The rule's section in the documentation of this version; none for a custom rule,
        which has no page there."""
        return f"{DOCS_URL}#{self.id.replace('.', '')}" if self.builtin else ""

    @property
    def summary(self) -> str:
        """The description's first sentence (not cut at "Mr." or "e.g.")."""
        if not self.description:
            return self.message
        return re.split(r"(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bDr)(?<!\be\.g)(?<!\bi\.e)(?<!\bvs)\.\s", self.description)[
            0
        ].rstrip(".")

    def make_check(self, overrides: dict[str, Any] | None = None) -> Check:
        """Instantiate the kind with this rule's settings and any configured overrides."""
        settings = dict(self.settings)
        settings.update(overrides or {})
        return registry()[self.kind](self, settings)

    def with_severity(self, severity: Severity) -> Rule:
        return replace(self, severity=severity)


class _LineLoader(yamltext.Loader):
    """Record the line of every mapping key and list item, for error messages."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict:
    mapping = loader.construct_mapping(node, deep=True)
    lines = {str(k.value): k.start_mark.line + 1 for k, _ in node.value if isinstance(k, yaml.ScalarNode)}
    return _Lined(mapping, lines, node.start_mark.line + 1)


class _Lined(dict):
    def __init__(self, data: dict, lines: dict[str, int], line: int):
        super().__init__(data)
        self.lines, self.line = lines, line


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def selects(selector: str, rule_id: str) -> bool:
    """Whether a selector (a rule id, or a category as a prefix) names the rule."""
    return rule_id == selector or rule_id.startswith(selector + ".")


def _check_type(value: Any, kind: str, where: str, key: str, line: int | None) -> Any:
    ok = {
        "int": lambda v: isinstance(v, int) and not isinstance(v, bool),
        "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v),
        "text": lambda v: isinstance(v, str),
        "bool": lambda v: isinstance(v, bool),
        "texts": lambda v: isinstance(v, list) and all(isinstance(i, str) for i in v),
        "patterns": lambda v: isinstance(v, list),
        "scope": lambda v: (
            v in SCOPE_NAMES
            or (
                isinstance(v, dict)
                and len(v) == 1
                and next(iter(v)) in ("first_sentences", "last_sentences")
                and isinstance(n := next(iter(v.values())), int)
                and not isinstance(n, bool)
                and n > 0
            )
        ),
        "mapping": lambda v: isinstance(v, dict),
    }[kind]
    if not ok(value):
        expected = {
            "scope": f"one of {', '.join(SCOPE_NAMES)}, or {{first_sentences: N}} / {{last_sentences: N}} with N at least 1",
            "texts": "a list of text",
            "patterns": "a list of patterns",
            "int": "a whole number",
            "number": "a number",
        }.get(kind, kind)
        raise RuleError(where, f"expected {expected}, got {shown(value)}", line, key)
    return value


def build_settings(kind: type[Check], data: dict, where: str, lines: dict[str, int]) -> dict[str, Any]:
    """Validate a kind's options and fill in defaults; patterns become `PatternSet`s."""
    settings: dict[str, Any] = {}
    for name, option in kind.options.items():
        if name in data:
            value = _check_type(data[name], option.type, where, name, lines.get(name))
            if option.choices and value not in option.choices:
                hint = did_you_mean(str(value), option.choices)
                raise RuleError(
                    where,
                    f"expected one of {', '.join(option.choices)}, got {shown(value)}{hint}",
                    lines.get(name),
                    name,
                )
        elif option.default is REQUIRED:
            raise RuleError(where, f"the {kind.kind} kind needs '{name}'", None, name)
        else:
            value = option.default
        if option.type == "patterns":
            specs = list(value or [])
            item_lines = [getattr(s, "line", lines.get(name)) for s in specs]
            for spec, line in zip(specs, item_lines):
                validate_spec(spec, where, name, line)
            value = PatternSet([dict(s) for s in specs], where, name, item_lines)
        settings[name] = value
    return settings


def _examples(data: Any, where: str, key: str, line: int | None) -> tuple[Example, ...]:
    if data is None:
        return ()
    if not isinstance(data, list):
        raise RuleError(where, "expected a list of examples", line, key)
    out = []
    for item in data:
        if isinstance(item, str):
            out.append(Example(((item, {}),)))
        elif isinstance(item, dict) and set(item) == {"drafts"} and isinstance(item["drafts"], list) and item["drafts"]:
            out.append(
                Example(tuple(_example_draft(d, where, key, getattr(item, "line", line)) for d in item["drafts"]))
            )
        else:
            out.append(Example((_example_draft(item, where, key, line),)))
    return tuple(out)


def _example_draft(item: Any, where: str, key: str, line: int | None) -> tuple[str, dict]:
    """One draft of an example: its text and, optionally, its metadata."""
    if (
        isinstance(item, dict)
        and isinstance(item.get("text"), str)
        and set(item) <= {"text", "meta"}
        and isinstance(item.get("meta") or {}, dict)
    ):
        return item["text"], dict(item.get("meta") or {})
    raise RuleError(
        where, "an example is text, {text, meta} or {drafts: [{text, meta}, ...]}", getattr(item, "line", line), key
    )


def load_vocabularies(folder, known: dict[str, list[Any]] | None = None) -> dict[str, list[Any]]:
    """Word lists (`words:`) and lists of named patterns (`patterns:`) from
    `<folder>/vocabularies/<name>.yaml`, added to `known`: rules share one list instead of
    copies that drift apart ("what is not thanks" is the same for every gratitude rule)."""
    vocab = dict(known or {})
    base = folder / VOCABULARIES
    if not base.is_dir():
        return vocab
    for file in sorted(base.iterdir(), key=lambda p: p.name):
        if not file.name.endswith(".yaml"):
            continue
        where = f"{VOCABULARIES}/{file.name}" if not isinstance(file, Path) else str(file)
        try:
            data = yamltext.load(_rule_text(file, where))
        except yaml.YAMLError as exc:
            number, problem = yamltext.problem(exc)
            raise RuleError(where, f"not valid YAML: {problem}", number) from None
        words = data.get("words") if isinstance(data, dict) else None
        patterns = data.get("patterns") if isinstance(data, dict) else None
        if isinstance(patterns, list) and patterns and words is None:
            if not all(isinstance(p, dict) for p in patterns):
                raise RuleError(where, "'patterns:' is a list of patterns, each a mapping", None, "patterns")
            words = patterns
        elif not isinstance(words, list) or not words or not all(isinstance(w, str) for w in words):
            raise RuleError(
                where, "a vocabulary is a mapping with 'words:', a list of text, or 'patterns:'", None, "words"
            )
        vocab[file.name[: -len(".yaml")]] = words
    return vocab


def expand_vocabularies(
    value: Any, vocab: dict[str, list[Any]], where: str, line: int | None = None, within: frozenset[str] = frozenset()
) -> Any:
    """Replace every `{vocab: name}` by that vocabulary's words: inline inside a list, or as the
    list itself where one is expected (`LEMMA: {IN: {vocab: generic-things}}`). A vocabulary of
    patterns may itself name word lists; `within` holds the vocabularies being expanded, so one
    that names itself is an error rather than a loop."""
    line = getattr(value, "line", line)
    if isinstance(value, dict):
        if set(value) == {"vocab"}:
            name = value["vocab"]
            if name not in vocab:
                raise RuleError(where, f"unknown vocabulary {name!r}{did_you_mean(str(name), vocab)}", line, "vocab")
            if name in within:
                raise RuleError(where, f"vocabulary {name!r} refers to itself", line, "vocab")
            return [expand_vocabularies(item, vocab, where, line, within | {name}) for item in vocab[name]]
        expanded = {k: expand_vocabularies(v, vocab, where, line, within) for k, v in value.items()}
        if isinstance(value, _Lined):
            return _Lined(expanded, value.lines, value.line)
        return expanded
    if isinstance(value, list):
        out: list = []
        for item in value:
            if isinstance(item, dict) and set(item) == {"vocab"}:
                out.extend(expand_vocabularies(item, vocab, where, line, within))
            else:
                out.append(expand_vocabularies(item, vocab, where, line, within))
        return out
    return value


def load_rule_file(text: str, where: str, category: str, name: str, vocab: dict[str, list[Any]] | None = None) -> Rule:
    """Parse and validate one rule file; every problem names the file, line and key."""
    rule_id = f"{category}.{name}"
    if category not in CATEGORIES:
        raise RuleError(where, f"unknown category folder '{category}'; categories: {', '.join(CATEGORIES)}")
    if not _ID.match(rule_id):
        raise RuleError(where, f"rule id '{rule_id}' must be <category>.<kebab-case-name>")
    try:
        data = yamltext.load(text, _LineLoader)
    except yaml.YAMLError as exc:
        number, problem = yamltext.problem(exc)
        raise RuleError(where, f"not valid YAML: {problem}", number) from None
    if not isinstance(data, dict):
        raise RuleError(where, "a rule file is a mapping of keys")
    data = expand_vocabularies(data, vocab or {}, where)
    lines = getattr(data, "lines", {})
    kinds = registry()
    kind_name = data.get("kind")
    if not isinstance(kind_name, str) or kind_name not in kinds:
        extra = did_you_mean(str(kind_name), kinds, f"; kinds: {', '.join(sorted(kinds))}")
        raise RuleError(where, f"unknown kind {shown(kind_name)}{extra}", lines.get("kind"), "kind")
    kind = kinds[kind_name]
    allowed = set(COMMON_KEYS) | set(kind.options)
    for key in data:
        if key not in allowed and not key.startswith("x-"):  # x- keys only hold YAML anchors
            extra = did_you_mean(key, allowed)
            raise RuleError(where, f"unknown key for the {kind_name} kind{extra}", lines.get(key), key)
    for key in ("severity", "message", "description", "rationale"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            raise RuleError(where, "required text is missing", lines.get(key), key)
    check_template(data["message"], where, lines.get("message"))
    try:
        severity = Severity.parse(data["severity"])
    except KeyError:
        raise RuleError(
            where,
            f"expected error, warning or suggestion, got {shown(data['severity'])}",
            lines.get("severity"),
            "severity",
        ) from None
    applies = data.get("applies_to", list(KINDS_OF_NOTE))
    if not isinstance(applies, list) or not applies or not set(applies) <= set(KINDS_OF_NOTE):
        raise RuleError(
            where, f"expected a list drawn from {', '.join(KINDS_OF_NOTE)}", lines.get("applies_to"), "applies_to"
        )
    confirms = data.get("confirms", True)
    if not isinstance(confirms, bool):
        raise RuleError(where, f"expected true or false, got {shown(confirms)}", lines.get("confirms"), "confirms")
    examples = data.get("examples") or {}
    if not isinstance(examples, dict) or not set(examples) <= {"bad", "good"}:
        raise RuleError(where, "expected a mapping with 'bad' and 'good' lists", lines.get("examples"), "examples")
    ex_lines = getattr(examples, "lines", {})
    references = _check_type(data.get("references") or [], "texts", where, "references", lines.get("references"))
    rule = Rule(
        id=rule_id,
        category=category,
        kind=kind_name,
        severity=severity,
        message=data["message"].strip(),
        description=" ".join(data["description"].split()),
        rationale=" ".join(data["rationale"].split()),
        path=where,
        bad=_examples(examples.get("bad"), where, "examples.bad", ex_lines.get("bad")),
        good=_examples(examples.get("good"), where, "examples.good", ex_lines.get("good")),
        applies_to=tuple(applies),
        fix_safety=" ".join(str(data.get("fix_safety", "")).split()),
        references=tuple(references),
        confirms=confirms,
        settings=build_settings(kind, data, where, lines),
        lines=dict(lines),
        digest=hashlib.sha256((text + repr(sorted((vocab or {}).items()))).encode("utf-8")).hexdigest(),
    )
    rule.make_check()  # a kind may check its settings further (a metric name, say)
    return rule


def _rule_files(folder) -> list:
    """(category, name, file) for every `<category>/<name>.yaml` below a folder, sorted."""
    out = []
    for category in sorted(folder.iterdir(), key=lambda p: p.name):
        if category.is_dir() and not category.name.startswith(("_", ".")) and category.name != VOCABULARIES:
            for file in sorted(category.iterdir(), key=lambda p: p.name):
                if file.name.endswith(".yaml"):
                    out.append((category.name, file.name[: -len(".yaml")], file))
    return out


def _rule_text(file, where: str) -> str:
    """A rule file's text; a folder named like one, unreadable or non-UTF-8 bytes name the file."""
    if file.is_dir():
        raise RuleError(where, "is a folder; a rule is a YAML file")
    try:
        return file.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise RuleError(
            where, f"not valid UTF-8 text (byte 0x{exc.object[exc.start]:02x} at offset {exc.start})"
        ) from None
    except OSError as exc:
        raise RuleError(where, f"cannot be read: {exc.strerror or exc}") from None


#: The format specs a message placeholder may carry: widths and precisions would let one
#: finding build a huge message ("{match:>100000000}").
FORMAT_SPECS = ("", ".0%", ".1%", ".0f", ".1f", ".2f", ",", "d")


def check_template(message: str, where: str, line: int | None) -> None:
    """A message is a `str.format` template filled per finding: allow plain `{name}`
    placeholders only, so no index (`{0}`), attribute (`{match.__class__}`), conversion or
    large format spec reaches run time."""
    try:
        fields = list(string.Formatter().parse(message))
    except ValueError as exc:
        raise RuleError(
            where, f"not a valid template ({exc}); write {{{{ and }}}} for literal braces", line, "message"
        ) from None
    for _text, name, spec, conversion in fields:
        if name is None:
            continue
        if not name.isidentifier():
            raise RuleError(
                where, f"placeholder {{{shown(name)[1:-1]}}} must be a plain name such as {{match}}", line, "message"
            )
        if conversion is not None:
            raise RuleError(where, f"placeholder {{{name}!{conversion}}}: conversions are not allowed", line, "message")
        if spec not in FORMAT_SPECS:
            raise RuleError(
                where,
                f"placeholder {{{name}:{shown(spec)[1:-1]}}}: format spec not allowed; "
                f"allowed: {', '.join(repr(f) for f in FORMAT_SPECS[1:])}",
                line,
                "message",
            )


def builtin_folder():
    return resources.files("thanklint.builtin_rules")


def load_rules(extra_dirs: tuple[str, ...] = ()) -> list[Rule]:
    """The built-in rules followed by rules from extra folders; a duplicate id is an error.
    Loaded once per process for each set of folders (and again when a rule file changes), and
    read back from the rule cache (`rulecache`) while no file has changed."""
    for folder in extra_dirs:
        if not Path(folder).is_dir():
            raise RuleError(str(folder), "rule folder not found")
    folders = [builtin_folder(), *(Path(d) for d in extra_dirs)]
    files = [file for folder in folders for _, _, file in _rule_files(folder)]
    files += [
        file
        for folder in folders
        if (folder / VOCABULARIES).is_dir()
        for file in sorted((folder / VOCABULARIES).iterdir(), key=lambda p: p.name)
    ]
    signature = tuple((str(file), *stamp(file)) for file in files)
    return list(_load_rules(tuple(extra_dirs), signature))


@lru_cache(maxsize=16)
def _load_rules(extra_dirs: tuple[str, ...], signature: tuple) -> tuple[Rule, ...]:
    from . import rulecache

    folders = [str(builtin_folder()), *(os.path.abspath(d) for d in extra_dirs)]
    key = rulecache.key(folders, signature)
    stored = rulecache.get(folders, key)
    if stored is None:
        stored = _parse_rules(extra_dirs)
        rulecache.put(folders, key, stored)
    return stored


def _parse_rules(extra_dirs: tuple[str, ...]) -> tuple[Rule, ...]:
    rules: dict[str, Rule] = {}
    folders = [builtin_folder(), *(Path(d) for d in extra_dirs)]
    shared = load_vocabularies(folders[0])
    for number, folder in enumerate(folders):
        vocab = shared if number == 0 else load_vocabularies(folder, shared)
        for category, name, file in _rule_files(folder):
            where = f"rules/{category}/{name}.yaml" if number == 0 else str(file)
            rule = replace(load_rule_file(_rule_text(file, where), where, category, name, vocab), builtin=number == 0)
            if rule.id in rules:
                raise RuleError(where, f"rule id '{rule.id}' is already defined in {rules[rule.id].path}")
            rules[rule.id] = rule
    return tuple(rules.values())
