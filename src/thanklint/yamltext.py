"""YAML as thanklint reads it, in rule files, configuration, front matter and sidecars.

Two departures from PyYAML's defaults, so that what a writer types means what it looks like:
only `true` and `false` are booleans (as in YAML 1.2; word lists often hold "no", "on" or
"yes"), and dates stay text, so the metadata parser validates them and names the key of a bad
one ("2026-02-30") instead of PyYAML failing without saying where.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

_DROPPED = ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")


class Loader(yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader):  # type: ignore[misc]
    """A safe loader (libyaml's parser when installed: rules load several times faster) with
    YAML 1.2 booleans and no implicit dates."""

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag not in _DROPPED]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }


Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def load(text: str, loader: type[Loader] = Loader) -> Any:
    """Parse YAML text; every failure is a `yaml.YAMLError` (see `problem`), including a value
    an explicit tag cannot build ("!!timestamp 2026-02-30", "!!float abc")."""
    try:
        return yaml.load(text, Loader=loader)  # noqa: S506 - a SafeLoader subclass
    except (ValueError, TypeError) as exc:
        raise yaml.YAMLError(str(exc)) from None


def problem(exc: yaml.YAMLError) -> tuple[int | None, str]:
    """The 1-based line (if known) and a short description of a YAML syntax error."""
    mark = getattr(exc, "problem_mark", None)
    return (mark.line + 1 if mark is not None else None), (getattr(exc, "problem", None) or str(exc) or "invalid YAML")
