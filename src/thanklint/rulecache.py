"""The parsed and validated rule files, kept on disk so that a process does not parse them again.

Parsing and validating the hundred-odd YAML files of the built-in rules takes about 0.1 s of
CPU, as long as the rest of `thanklint rules` or `explain` together; reading them back from
one JSON file takes a few milliseconds. An entry is used only when its key matches: the size,
modification time and inode of every rule and vocabulary file read, the folders, and
thanklint's version and source. It is JSON, so reading one never runs code; it is written to
a temporary file renamed into place, so concurrent writers never leave a torn entry, and one
that cannot be read is ignored. It lives in `$THANKLINT_CACHE_DIR/rules` when that is set,
else in the user's cache folder.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .cachefiles import code_digest, make_folder, root, write_entry

if TYPE_CHECKING:
    from .rules import Rule

#: Bumped when the stored form of a rule changes.
FORMAT = 2


def folder() -> Path:
    return root() / "rules"


def key(folders: list[str], files: tuple) -> str:
    """What the rules loaded from `folders` depend on: the stamps of their `files`, and the code."""
    return hashlib.sha256(json.dumps([FORMAT, code_digest(), folders, files]).encode()).hexdigest()


def _entry(folders: list[str]) -> Path:
    """One entry per list of folders, replaced when its files change (no stale entries pile up)."""
    return folder() / f"v{FORMAT}-{hashlib.sha256(json.dumps(folders).encode()).hexdigest()[:24]}.json"


def get(folders: list[str], wanted: str) -> tuple[Rule, ...] | None:
    """The stored rules for these folders if they were stored under the key `wanted`."""
    try:
        record = json.loads(_entry(folders).read_bytes())
        if record["key"] != wanted:
            return None
        return tuple(_decode(r) for r in record["rules"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):  # missing, torn or foreign
        return None


def put(folders: list[str], stored_key: str, rules: tuple[Rule, ...]) -> None:
    """Store the rules atomically, if they survive the trip through JSON unchanged; a cache that
    cannot be written is skipped (the rules were loaded anyway)."""
    record = {"key": stored_key, "rules": [_encode(r) for r in rules]}
    try:
        text = json.dumps(record, ensure_ascii=False)
    except (TypeError, ValueError):
        return
    if json.loads(text) != record:  # a value JSON cannot hold as it is (a tuple, a non-text key)
        return
    target = _entry(folders)
    try:
        make_folder(root(), target.parent)
        write_entry(target, text)
    except OSError:
        return


def _encode(rule: Rule) -> dict[str, Any]:
    from .patterns import PatternSet

    settings = {
        name: ["patterns", [v.specs, v.where, v.key, v.lines]] if isinstance(v, PatternSet) else ["value", v]
        for name, v in rule.settings.items()
    }
    return {
        "id": rule.id,
        "category": rule.category,
        "kind": rule.kind,
        "severity": int(rule.severity),
        "message": rule.message,
        "description": rule.description,
        "rationale": rule.rationale,
        "path": rule.path,
        "bad": [[[text, meta] for text, meta in e.drafts] for e in rule.bad],
        "good": [[[text, meta] for text, meta in e.drafts] for e in rule.good],
        "applies_to": list(rule.applies_to),
        "fix_safety": rule.fix_safety,
        "references": list(rule.references),
        "confirms": rule.confirms,
        "settings": settings,
        "lines": rule.lines,
        "builtin": rule.builtin,
        "digest": rule.digest,
    }


def _decode(data: dict[str, Any]) -> Rule:
    from .findings import Severity
    from .patterns import PatternSet
    from .rules import Example, Rule

    settings = {
        name: PatternSet(*value) if form == "patterns" else value for name, (form, value) in data["settings"].items()
    }
    return Rule(
        id=data["id"],
        category=data["category"],
        kind=data["kind"],
        severity=Severity(data["severity"]),
        message=data["message"],
        description=data["description"],
        rationale=data["rationale"],
        path=data["path"],
        bad=tuple(Example(tuple((text, meta) for text, meta in e)) for e in data["bad"]),
        good=tuple(Example(tuple((text, meta) for text, meta in e)) for e in data["good"]),
        applies_to=tuple(data["applies_to"]),
        fix_safety=data["fix_safety"],
        references=tuple(data["references"]),
        confirms=data["confirms"],
        settings=settings,
        lines=data["lines"],
        builtin=data["builtin"],
        digest=data["digest"],
    )
