"""The result cache: per-draft outcomes stored by a fingerprint of everything they depend on.

An outcome of the per-draft phase depends only on the draft's text and format, its resolved
metadata, the rule set (rule files, severities, options), the spaCy pipeline (name and
version) and thanklint itself (version and source), so a draft whose fingerprint was seen
before is not parsed again. Findings that read the clock and findings that compare drafts are
computed on every run, outside the cache.

Entries live in `.thanklint-cache/` beside the nearest configuration file (else in the
current folder), or in `THANKLINT_CACHE_DIR`. Writes are atomic (a temporary file renamed
into place), so processes may share the folder; an entry that cannot be read is ignored.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .cachefiles import code_digest, make_folder, write_entry
from .findings import Edit, Finding, Fix, Severity
from .layout import Layout, Region

if TYPE_CHECKING:
    from .draft import Draft
    from .linter import DraftOutcome, Linter

FOLDER_NAME = ".thanklint-cache"
ENVIRONMENT = "THANKLINT_CACHE_DIR"
#: Bumped when the stored format changes.
FORMAT = 3


def folder_for(config_path: str | None) -> Path:
    """Where a configuration's cache lives: `THANKLINT_CACHE_DIR`, else beside the
    configuration file, else in the current folder."""
    if os.environ.get(ENVIRONMENT):
        return Path(os.environ[ENVIRONMENT])
    root = Path(config_path).resolve().parent if config_path else Path.cwd()
    return root / FOLDER_NAME


@lru_cache(maxsize=8)
def _model_identity(model: str | None) -> str:
    """The pipeline package and its version, and spaCy's, read from their own files: neither
    package is imported, nor `importlib.metadata`, whose import alone was a tenth of a run in
    which every draft is cached."""
    from .nlp import resolve_model

    package = resolve_model(model)
    return f"{package}=={_version(package, 'meta.json')};spacy=={_version('spacy', 'about.py')}"


def _version(package: str, file: str) -> str:
    """A version from a pipeline package's `meta.json` or a package's `about.py`."""
    from .wordlists import package_file

    try:
        text = package_file(package, file).read_text(encoding="utf-8")
        if file.endswith(".json"):
            return str(json.loads(text)["version"])
        found = re.search(r"^__version__\s*=\s*[\"']([^\"']+)", text, re.M)
        return found.group(1) if found else "unknown"
    except (OSError, ModuleNotFoundError, ValueError, KeyError, TypeError):
        return "unknown"


def ruleset_fingerprint(linter: Linter) -> str:
    """Everything about the linter that its per-draft outcomes depend on."""
    ruleset = linter.ruleset
    parts = {
        "format": FORMAT,
        "code": code_digest(),
        "model": _model_identity(linter.model),
        "rules": [(r.id, r.digest, int(r.severity)) for r in ruleset.rules],
        "options": sorted(
            (rule_id, sorted(map(repr, values.items()))) for rule_id, values in ruleset.overrides.items()
        ),
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def _to_record(outcome: DraftOutcome) -> dict:
    return {
        "kind": outcome.kind,
        "kind_source": outcome.kind_source,
        "applied": list(outcome.applied),
        "text": outcome.text,
        "layout": _layout_record(outcome.layout),
        "findings": [
            [
                f.line,
                f.column,
                f.rule_id,
                f.end_line,
                f.end_column,
                f.start,
                f.end,
                f.category,
                int(f.severity),
                f.message,
                None
                if f.fix is None
                else [f.fix.replacement, f.fix.safe, [[e.start, e.end, e.replacement] for e in f.fix.edits]],
                f.url,
            ]
            for f in outcome.findings
        ],
    }


def _from_record(record: dict) -> DraftOutcome:
    from .linter import DraftOutcome

    findings = []
    for line, column, rule_id, end_line, end_column, start, end, category, severity, message, fix, url in record[
        "findings"
    ]:
        findings.append(
            Finding(
                line,
                column,
                rule_id,
                end_line,
                end_column,
                start,
                end,
                category,
                Severity(severity),
                message,
                None if fix is None else Fix(fix[0], bool(fix[1]), tuple(Edit(*e) for e in fix[2])),
                url,
            )
        )
    return DraftOutcome(
        str(record["kind"]),
        str(record["kind_source"]),
        findings,
        [str(a) for a in record["applied"]],
        str(record["text"]),
        _layout_from(record["layout"]),
    )


def _layout_record(layout: Layout) -> list:
    regions = (layout.greeting, layout.body, layout.sign_off, layout.signature)
    return [[[r.start, r.end] for r in regions], [[p.start, p.end] for p in layout.paragraphs]]


def _layout_from(record: list) -> Layout:
    regions, paragraphs = record
    greeting, body, sign_off, signature = (Region(int(start), int(end)) for start, end in regions)
    return Layout(greeting, body, sign_off, signature, tuple(Region(int(s), int(e)) for s, e in paragraphs))


class ResultCache:
    """Per-draft outcomes on disk, one small JSON file per fingerprint."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)

    @staticmethod
    def key(draft: Draft, fingerprint: str) -> str:
        """The fingerprint of a draft's outcome under a linter's fingerprint (`ruleset_fingerprint`)."""
        digest = hashlib.sha256(fingerprint.encode())
        for part in (draft.format, str(draft.content_start), repr(draft.meta), draft.text):
            digest.update(part.encode("utf-8", "surrogatepass"))
            digest.update(b"\0")
        return digest.hexdigest()

    def _file(self, key: str) -> Path:
        return self.folder / f"v{FORMAT}" / key[:2] / f"{key}.json"

    def get(self, key: str) -> DraftOutcome | None:
        """The stored outcome, or None when there is none or it cannot be read."""
        try:
            return _from_record(json.loads(self._file(key).read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError, TypeError):  # missing, truncated or foreign: recompute
            return None

    def put(self, key: str, outcome: DraftOutcome) -> None:
        """Store an outcome atomically; a cache that cannot be written is skipped silently (the
        run's results do not depend on it)."""
        target = self._file(key)
        try:
            make_folder(self.folder, target.parent)
            write_entry(target, json.dumps(_to_record(outcome), ensure_ascii=False))
        except OSError:
            return
