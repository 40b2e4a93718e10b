"""Configuration: discovery, validation and the rule set it selects.

The nearest `.thanklint.yaml` (or `pyproject.toml` with `[tool.thanklint]`) from the linted
file's folder upwards wins, unless `--config` names one. Unknown keys and rule ids are errors
with a did-you-mean hint: a typo must never leave a rule silently running.
"""

from __future__ import annotations

import fnmatch
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from . import metadata as md
from . import yamltext
from .errors import ConfigError, RuleError, ThanklintError, did_you_mean, shown
from .findings import Severity
from .rules import Rule, _check_type, load_rules, selects

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CONFIG_NAMES = (".thanklint.yaml", ".thanklint.yml")
KEYS = (
    "select",
    "ignore",
    "severity",
    "rules",
    "options",
    "fail_on",
    "model",
    "metadata",
    "extensions",
    "exclude",
    "max_bytes",
)
#: Drafts longer than this (in UTF-8 bytes) are refused as `too-long`, and a bound on the time
#: and memory one draft can take. About 1,700 words of prose: notes run to a few hundred words
#: (the longest of the labelled drafts is 2.7 KB, `structure.too-long` warns above 250 words),
#: while every step's time grows with the length, by up to a millisecond per token.
DEFAULT_MAX_BYTES = 10_000
FAIL_ON = ("error", "warning", "suggestion", "never")


@dataclass(frozen=True)
class Config:
    path: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()
    rules: tuple[str, ...] = ()
    options: tuple[tuple[str, tuple[tuple[str, Any], ...]], ...] = ()
    fail_on: str | None = None
    model: str | None = None
    metadata: md.Metadata = field(default_factory=md.Metadata)
    extensions: tuple[str, ...] = ()
    max_bytes: int = DEFAULT_MAX_BYTES
    exclude: tuple[str, ...] = ()

    def excludes(self, path: str) -> bool:
        """Whether `exclude` names the file: a glob matched against its path relative to this
        configuration's folder (`prep/*.md`), a folder below it (`prep/`), or a file name
        anywhere (`README.md`)."""
        if not self.exclude or self.path is None or path == "-":
            return False
        try:
            relative = Path(path).resolve().relative_to(Path(self.path).resolve().parent).as_posix()
        except ValueError:  # outside this configuration's folder
            return False
        for pattern in (p.removeprefix("./") for p in self.exclude):
            if pattern.endswith("/") and relative.startswith(pattern):
                return True
            if fnmatch.fnmatchcase(relative, pattern) or (
                "/" not in pattern and fnmatch.fnmatchcase(Path(relative).name, pattern)
            ):
                return True
        return False


def _strings(value: Any, key: str, where: str) -> tuple[str, ...]:
    if value is None:  # a key left empty, its examples commented out
        return ()
    if isinstance(value, str):
        value = [v.strip() for v in value.split(",") if v.strip()]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: '{key}' must be a list of text")
    return tuple(value)


#: A pipeline is an installed package named like `en_core_web_sm`: no dots, slashes or paths,
#: so a configuration cannot point spaCy at a folder or the import system at another module.
MODEL_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]*")


def _rule_folders(folders: tuple[str, ...], base: Path, where: str) -> tuple[str, ...]:
    """Rule folders relative to the configuration, which must stay inside its own folder tree: a
    repository's configuration must not load rules from elsewhere on the machine (`--rules`
    on the command line may)."""
    out = []
    root = base.resolve()
    for folder in folders:
        resolved = (base / folder).resolve()
        if resolved != root and root not in resolved.parents:
            raise ConfigError(
                f"{where}: 'rules' folder {shown(folder)} is outside the configuration's folder; "
                "name it with --rules on the command line instead"
            )
        out.append(str(resolved))
    return tuple(out)


def from_mapping(data: Any, where: str) -> Config:
    """Validate the keys and value types of a configuration mapping."""
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: the configuration must be a mapping of keys")
    for key in data:
        if key not in KEYS:
            raise ConfigError(
                f"{where}: unknown key {shown(str(key))}{did_you_mean(str(key), KEYS)}; keys: {', '.join(KEYS)}"
            )
    base = Path(where).parent if where not in ("<defaults>",) else Path.cwd()
    severity = data.get("severity") or {}
    if not isinstance(severity, dict):
        raise ConfigError(f"{where}: 'severity' maps rule ids or categories to error, warning or suggestion")
    for rule_id, level in severity.items():
        if level not in ("error", "warning", "suggestion"):
            raise ConfigError(
                f"{where}: severity of '{rule_id}' must be error, warning or suggestion, not {shown(level)}"
            )
    options = data.get("options") or {}
    if not isinstance(options, dict) or not all(isinstance(v, dict) for v in options.values()):
        raise ConfigError(f"{where}: 'options' maps rule ids to mappings of option values")
    fail_on = data.get("fail_on")
    if fail_on is not None and fail_on not in FAIL_ON:
        raise ConfigError(f"{where}: 'fail_on' must be one of {', '.join(FAIL_ON)}, not {shown(fail_on)}")
    model = data.get("model")
    if model is not None and not (isinstance(model, str) and MODEL_NAME.fullmatch(model)):
        raise ConfigError(
            f"{where}: 'model' must be the name of an installed spaCy pipeline (such as en_core_web_sm), "
            f"not a path or dotted name: {shown(model)}"
        )
    try:
        defaults = md.from_mapping(data.get("metadata"), f"{where}: metadata")
    except ThanklintError as exc:
        raise ConfigError(str(exc)) from None
    extensions = _strings(data.get("extensions", []), "extensions", where)
    if any(not e.strip(". ") for e in extensions):
        raise ConfigError(
            f"{where}: 'extensions' must name file endings such as .txt; an empty one would take every file"
        )
    max_bytes = data.get("max_bytes", DEFAULT_MAX_BYTES)
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes < 1:
        raise ConfigError(f"{where}: 'max_bytes' must be a whole number of bytes above 0, not {max_bytes!r}")
    return Config(
        path=where,
        select=_strings(data.get("select", []), "select", where),
        ignore=_strings(data.get("ignore", []), "ignore", where),
        severity=tuple((str(k), v) for k, v in severity.items()),
        rules=_rule_folders(_strings(data.get("rules", []), "rules", where), base, where),
        options=tuple((str(k), tuple(v.items())) for k, v in options.items()),
        fail_on=fail_on,
        model=model,
        metadata=defaults,
        extensions=tuple(e if e.startswith(".") else f".{e}" for e in extensions),
        max_bytes=max_bytes,
        exclude=_strings(data.get("exclude", []), "exclude", where),
    )


def load_file(path: str) -> Config:
    """Read a `.thanklint.yaml` or the `[tool.thanklint]` table of a `pyproject.toml`."""
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the configuration: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(
            f"{path}: not valid UTF-8 text (byte 0x{exc.object[exc.start]:02x} at offset {exc.start})"
        ) from None
    if file.name == "pyproject.toml":
        data = _tool_table(text, path)
    else:
        try:
            data = yamltext.load(text)
        except yaml.YAMLError as exc:
            number, problem = yamltext.problem(exc)
            raise ConfigError(f"{path}{f':{number}' if number else ''}: not valid YAML: {problem}") from None
    return from_mapping(data, path)


def _tool_table(text: str, path: str) -> Any:
    """The `[tool.thanklint]` table of a pyproject.toml (None if it has none). A file that
    mentions thanklint but is not valid TOML is an error: its settings would silently not apply."""
    try:
        tool = tomllib.loads(text).get("tool", {})
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML, so its [tool.thanklint] settings cannot apply: {exc}") from None
    if not isinstance(tool, dict):
        raise ConfigError(f"{path}: 'tool' must be a table, not {shown(tool)}")
    return tool.get("thanklint")


def discover(folder: str) -> Config:
    """The nearest configuration at or above `folder` (a default one when there is none), read
    afresh; `Discovery` remembers the answers for a session."""
    here = Path(folder).resolve()
    for candidate in (here, *here.parents):
        for name in CONFIG_NAMES:
            if (candidate / name).is_file():
                return load_file(str(candidate / name))
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file():
            try:
                text = pyproject.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue  # unreadable: it cannot be told apart from another tool's file
            if "thanklint" in text and _tool_table(text, str(pyproject)) is not None:
                return load_file(str(pyproject))
    return Config()


class Discovery:
    """The configuration of each folder, remembered until invalidated. A session owns one, so a
    long-lived process (an editor's language server) sees a configuration that was created,
    changed or deleted once it is told so, while a command-line run reads each one once."""

    def __init__(self) -> None:
        self._by_folder: dict[Path, Config] = {}
        self._resolved: dict[str, Path] = {}  # each folder as named, resolved once (every draft asks)

    def __call__(self, folder: str) -> Config:
        key = self._resolved.get(folder)
        if key is None:
            key = self._resolved[folder] = Path(folder).resolve()
        if key not in self._by_folder:
            self._by_folder[key] = discover(str(key))
        return self._by_folder[key]

    def invalidate(self, path: str | None = None) -> None:
        """Forget every folder (no `path`), or the folders a changed file or folder can govern:
        its own folder and everything below it."""
        self._resolved.clear()  # a link may have changed too
        if path is None:
            self._by_folder.clear()
            return
        changed = Path(path).resolve()
        base = changed if changed.is_dir() else changed.parent
        for folder in [f for f in self._by_folder if f == base or base in f.parents]:
            del self._by_folder[folder]


@dataclass(frozen=True)
class RuleSet:
    """The enabled rules with their configured severities and options."""

    rules: tuple[Rule, ...]
    overrides: dict[str, dict[str, Any]]
    known_ids: frozenset[str]

    def checks(self):
        return [(rule, rule.make_check(self.overrides.get(rule.id))) for rule in self.rules]


def build_ruleset(
    config: Config,
    select: tuple[str, ...] = (),
    ignore: tuple[str, ...] = (),
    extra_rules: tuple[str, ...] = (),
) -> RuleSet:
    """Load the rules and apply selection, severities and options (CLI `--select` replaces the
    configuration's `select`; `--ignore` adds to its `ignore`). The command line's selectors
    are checked by the session, against every configuration of the run: a custom rule may live
    in one folder's rules only."""
    rules = load_rules(config.rules + extra_rules)
    ids = {r.id for r in rules}
    selectors = ids | {r.category for r in rules}
    where = config.path or "configuration"

    def known(selector: str, key: str) -> None:
        if selector not in selectors:
            raise ConfigError(
                f"{where}: unknown rule or category '{selector}' in {key}{did_you_mean(selector, selectors)}"
            )

    chosen = select or config.select
    dropped = config.ignore + ignore
    for selector in () if select else config.select:
        known(selector, "select")
    for selector in config.ignore:
        known(selector, "ignore")
    levels = dict(config.severity)
    for selector in levels:
        known(selector, "severity")
    overrides: dict[str, dict[str, Any]] = {}
    by_id = {r.id: r for r in rules}
    for rule_id, values in config.options:
        if rule_id not in by_id:
            raise ConfigError(f"{where}: unknown rule '{rule_id}' in options{did_you_mean(rule_id, ids)}")
        from .checks import registry

        kind = registry()[by_id[rule_id].kind]
        tunable = {k: o for k, o in kind.options.items() if o.tunable}
        for key, value in values:
            if key not in tunable:
                raise ConfigError(
                    f"{where}: rule '{rule_id}' has no option '{key}'{did_you_mean(key, tunable)}; options: {', '.join(tunable) or 'none'}"
                )
            try:
                _check_type(value, tunable[key].type, where, f"options.{rule_id}.{key}", None)
            except RuleError as exc:
                raise ConfigError(str(exc)) from None
            overrides.setdefault(rule_id, {})[key] = value

    enabled = []
    for rule in rules:
        if chosen and not any(selects(s, rule.id) for s in chosen):
            continue
        if any(selects(s, rule.id) for s in dropped):
            continue
        level = levels.get(rule.id) or levels.get(rule.category)
        enabled.append(rule.with_severity(Severity.parse(level)) if level else rule)
    return RuleSet(tuple(enabled), overrides, frozenset(selectors))
