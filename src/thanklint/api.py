"""The Python API: lint files, folders or text and get structured results back.

    >>> from thanklint import lint_text
    >>> result = lint_text("Hey,\\n\\nwhen will i hear back?\\n")
    >>> sorted({f.category for f in result.findings})[:2]
    ['gratitude', 'interest']

Drafts are grouped by the configuration that governs them; each group is parsed in one batch.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import cache as cache_module
from . import config as config_module
from . import draft as draft_module
from . import metadata as md
from . import repository
from .cache import ResultCache
from .errors import ConfigError, DraftError, ModelError, RuleError, UsageError, did_you_mean
from .findings import Severity
from .linter import FileResult, Linter
from .not_a_note import not_a_note
from .rules import load_rules


@dataclass
class Report:
    files: list[FileResult] = field(default_factory=list)
    #: What columns and offsets count: code points ("utf-32"), or "utf-16"/"utf-8" code units.
    position_encoding: str = "utf-32"

    def failing(self, fail_on: str | None = None) -> bool:
        """Whether a finding reaches the threshold: `fail_on` if given, else each file's own
        configuration's `fail_on`, else error."""
        for result in self.files:
            threshold = fail_on or result.fail_on or "error"
            if threshold != "never" and any(f.severity >= Severity.parse(threshold) for f in result.findings):
                return True
        return False

    def count(self, severity: Severity) -> int:
        return sum(1 for r in self.files for f in r.findings if f.severity == severity)

    @property
    def errors(self) -> int:
        return sum(1 for r in self.files if r.error is not None)

    @property
    def findings(self) -> int:
        return sum(len(r.findings) for r in self.files)


class Session:
    """Caches rule sets and linters per configuration, so a run (or an editor) pays for
    loading rules and spaCy once. With `cache`, per-draft results are kept on disk between
    runs (see `cache`); `jobs` processes share the parsing (None: decided from the work)."""

    def __init__(
        self,
        config_path: str | None = None,
        select: tuple[str, ...] = (),
        ignore: tuple[str, ...] = (),
        rules: tuple[str, ...] = (),
        debug: bool = False,
        *,
        cache: bool = False,
        jobs: int | None = 1,
    ):
        self.config_path = config_path
        self.explicit = config_module.load_file(config_path) if config_path else None
        self.select, self.ignore, self.rules, self.debug = tuple(select), tuple(ignore), tuple(rules), debug
        self.cache, self.jobs = cache, jobs
        if self.rules:
            load_rules(self.rules)  # a broken --rules folder stops the run before any draft is read
        self._linters: dict[str | None, Linter] = {}
        #: Folders met by `files()` that could not be listed, reported as their own entries.
        self.unlistable: dict[str, DraftError] = {}
        self._rule_folders: dict[str | None, tuple[str, ...]] = {}  # what each cached linter loaded
        self._discovery = config_module.Discovery()

    def invalidate(self, path: str | None = None) -> None:
        """Forget what was read from disk: everything (no `path`), or what a changed file or
        folder can affect (a configuration, a custom rule file). The spaCy model stays loaded."""
        if path is None:
            self._discovery.invalidate()
            self._linters.clear()
            self._rule_folders.clear()
            if self.config_path:
                self.explicit = config_module.load_file(self.config_path)
            return
        changed = os.path.abspath(path)
        self._discovery.invalidate(changed)
        if self.config_path and os.path.abspath(self.config_path) == changed:
            self.explicit = config_module.load_file(self.config_path)
        for key, folders in list(self._rule_folders.items()):
            governs = key is not None and os.path.abspath(key) == changed
            if governs or any(changed == f or changed.startswith(f + os.sep) for f in folders):
                del self._linters[key], self._rule_folders[key]

    def config_for(self, path: str) -> config_module.Config:
        return self.config_in(os.getcwd() if path == "-" else os.path.dirname(os.path.abspath(path)))

    def config_in(self, folder: str) -> config_module.Config:
        return self.explicit if self.explicit is not None else self._discovery(folder)

    def suffixes(self, folder: str) -> tuple[str, ...]:
        """The file endings that count as drafts in a folder, as its configuration names them."""
        try:
            extensions = self.config_in(folder).extensions
        except ConfigError:  # reported against each draft when it is linted
            extensions = ()
        return extensions or draft_module.DRAFT_SUFFIXES

    def excluded(self, path: str) -> bool:
        try:
            return self.config_for(path).excludes(path)
        except ConfigError:  # reported against the draft when it is linted
            return False

    def files(self, paths: Iterable[str]) -> list[str]:
        """Expand folders into drafts; each folder picks up the extensions its configuration
        names, and files its configuration excludes are left out, even when named."""
        return [p for p in draft_module.walk(list(paths), self.suffixes, self.unlistable) if not self.excluded(p)]

    def _companion(self, path: str, companies: set[str], key: str | None) -> draft_module.Draft | None:
        """A note already in the repository, read as it would be linted, if the same
        configuration governs it and it may name one of these companies (lower case); anything
        that cannot be read is simply not compared."""
        try:
            config = self.config_for(path)
            if config.path != key or config.excludes(path):
                return None
            if not _may_name(path, companies, config.metadata):
                return None
            draft = draft_module.read_path(path)
        except (DraftError, ConfigError):
            return None
        return replace(draft, meta=draft.meta.merged(config.metadata))

    def _refuse(self, config, members, exc, results) -> None:
        """A configuration that cannot be used: a discovered one fails only the drafts it
        governs; `--config`, `--rules` or the installation fail the whole run."""
        if config is self.explicit or config.path is None:
            raise exc
        for number, draft in members:
            results[number] = FileResult(draft.path, error=exc)

    def _check_selectors(self, rulesets) -> None:
        """`--select`/`--ignore` must name a rule or category known to at least one of the
        configurations in use (a custom rule may live in one folder's rules)."""
        if not rulesets:
            return
        known = frozenset().union(*(r.known_ids for r in rulesets))
        for option, selectors in (("--select", self.select), ("--ignore", self.ignore)):
            for selector in selectors:
                if selector not in known:
                    raise UsageError(
                        f"command line: unknown rule or category '{selector}' in {option}{did_you_mean(selector, known)}"
                    )

    def linter(self, config: config_module.Config) -> Linter:
        if config.path not in self._linters:
            ruleset = config_module.build_ruleset(config, self.select, self.ignore, self.rules)
            store = ResultCache(cache_module.folder_for(config.path)) if self.cache else None
            self._linters[config.path] = Linter(ruleset, config.model, self.debug, config.max_bytes, store)
            self._rule_folders[config.path] = tuple(os.path.abspath(d) for d in config.rules + self.rules)
        return self._linters[config.path]

    def lint(
        self,
        sources: Iterable[tuple[str, str | bytes | None]],
        metadata: md.Metadata | None = None,
        now: dt.datetime | None = None,
    ) -> Report:
        """Lint (path, source) pairs: text, raw bytes (stdin), or None to read the path from disk.
        `metadata` wins over each draft's own, which wins over the configuration's defaults.
        `now` is the default `sent_at` of every draft (the current time if not given)."""
        entries = list(sources)
        now = now or dt.datetime.now().astimezone()
        results: dict[int, FileResult] = {}
        groups: dict[str | None, tuple[config_module.Config, list[tuple[int, draft_module.Draft]]]] = {}
        for number, (path, text) in enumerate(entries):
            try:
                if text is None and path in self.unlistable:
                    raise self.unlistable[path]
                config = self.config_for(path)
                if text is None:
                    draft = draft_module.read_path(path)
                    if (reason := not_a_note(draft)) is not None:
                        results[number] = FileResult(path, draft=draft, skipped=reason)
                        continue
                elif isinstance(text, bytes):  # stdin: named by --stdin-filename, with that file's sidecar
                    draft = draft_module.read_bytes(
                        text, path, None if path == "-" else Path(path).with_suffix(".yaml")
                    )
                else:
                    draft = draft_module.read_text(text, path)
                own = metadata.merged(draft.meta) if metadata else draft.meta
                draft = replace(draft, meta=own.merged(config.metadata))
                if text is None and draft.meta.interviewed_at and draft.meta.sent_at is None:
                    draft = replace(draft, committed=repository.unchanged_since_commit(path))
            except (DraftError, ConfigError) as exc:  # a broken configuration stops only the drafts it governs
                results[number] = FileResult(path, error=exc)
                continue
            groups.setdefault(config.path, (config, []))[1].append((number, draft))
        linters: dict[str | None, Linter] = {}
        for key, (config, members) in groups.items():
            try:
                linters[key] = self.linter(config)
            except (ConfigError, RuleError) as exc:
                self._refuse(config, members, exc, results)
        self._check_selectors([linter.ruleset for linter in linters.values()])
        for key, linter in linters.items():
            config, members = groups[key]
            drafts = [d for _, d in members]
            try:
                context = repository.companions(drafts, functools.partial(self._companion, key=key), self.suffixes)
                linted = linter.lint(drafts, now, self.jobs, context)
            except ModelError as exc:
                if config.model and config.path:  # name the file and key that asked for it
                    exc = ModelError(f"{config.path}: model: {exc}")
                self._refuse(config, members, exc, results)
                continue
            for (number, _), result in zip(members, linted):
                result.fail_on = config.fail_on
                results[number] = result
        return Report([results[n] for n in range(len(entries))])


def _may_name(path: str, companies: set[str], defaults: md.Metadata) -> bool:
    """Whether a note can belong to an interview with one of these companies, judged from its
    bytes without parsing them (a notes repository may hold hundreds of notes, and only those of
    the same interview are compared). Unless the configuration names the company, the note's
    own metadata must: every word of the name appears in its text, or in a saved e-mail's
    sidecar (a mail's headers never name the company or the interview date)."""
    source = Path(path)
    if path.lower().endswith(".eml"):
        source = source.with_suffix(".yaml")
        if not source.exists():
            return defaults.company is not None and defaults.interviewed_at is not None
    if defaults.company is not None:
        return True
    text = draft_module.read_capped(str(source)).decode("utf-8", "replace").lower()
    return any(all(word in text for word in re.findall(r"\w+", company)) for company in companies)


def lint_paths(
    paths: Iterable[str], *, config: str | None = None, select: tuple[str, ...] = (), ignore: tuple[str, ...] = ()
) -> Report:
    """Lint files and folders (folders are walked for .txt, .md, .markdown and .eml drafts, or
    the extensions the configuration names)."""
    session = Session(config, select, ignore)
    return session.lint((p, None) for p in session.files(paths))


def lint_text(
    text: str,
    *,
    path: str = "-",
    metadata: dict | None = None,
    config: str | None = None,
    select: tuple[str, ...] = (),
    ignore: tuple[str, ...] = (),
) -> FileResult:
    """Lint one draft given as text. `path` picks the format by its suffix and names the draft;
    `metadata` adds keys to (and overrides) any front matter."""
    session = Session(config, select, ignore)
    try:
        extra = md.from_mapping(metadata, f"{path}: metadata") if metadata else None
    except DraftError as exc:
        return FileResult(path, error=exc)
    return session.lint([(path, text)], extra).files[0]
