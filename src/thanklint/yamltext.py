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


#: YAML nodes a document may stand for once its aliases are expanded. Safe loading stops code,
#: not expansion: a few lines of nested aliases ("billion laughs") stand for billions of values,
#: which any later walk over the data (validation, an error message) would try to visit.
MAX_NODES = 100_000


def _expanded_size(node: yaml.Node, sizes: dict[int, int], open_nodes: set[int]) -> int:
    key = id(node)
    if key in sizes:
        return sizes[key]
    if key in open_nodes:
        raise yaml.YAMLError("an alias refers to the value that contains it")
    open_nodes.add(key)
    if isinstance(node, yaml.SequenceNode):
        children = node.value
    elif isinstance(node, yaml.MappingNode):
        children = [part for pair in node.value for part in pair]
    else:
        children = []
    total = 1
    for child in children:
        total += _expanded_size(child, sizes, open_nodes)
        if total > MAX_NODES:
            raise yaml.YAMLError(f"more than {MAX_NODES:,} values once its aliases are expanded")
    open_nodes.discard(key)
    sizes[key] = total
    return total


class _Bounded:
    """YAML 1.2 booleans, no implicit dates, and a bound on alias expansion."""

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag not in _DROPPED]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def get_single_node(self):
        node = super().get_single_node()
        if node is not None:
            _expanded_size(node, {}, set())
        return node


class Loader(_Bounded, yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader):  # type: ignore[misc]
    """For rules and configurations: libyaml's parser when installed (rules load several times
    faster)."""


def _refuse_aliases(node: yaml.Node, seen: set[int]) -> None:
    """Raise at the first value met twice: an alias (the composer hands back the node the
    anchor named)."""
    if id(node) in seen:
        raise yaml.composer.ComposerError(
            None, None, "aliases (*name) are not allowed in draft metadata", node.start_mark
        )
    seen.add(id(node))
    if isinstance(node, yaml.SequenceNode):
        for child in node.value:
            _refuse_aliases(child, seen)
    elif isinstance(node, yaml.MappingNode):
        for pair in node.value:
            for part in pair:
                _refuse_aliases(part, seen)


class PlainLoader(Loader):
    """For drafts' front matter and sidecars: metadata is a handful of keys, and an alias there
    is never needed, so one is refused outright (before any value is built)."""

    def get_single_node(self):
        node = super().get_single_node()
        if node is not None:
            _refuse_aliases(node, set())
        return node


for _loader in (Loader, PlainLoader):
    _loader.add_implicit_resolver(
        "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
    )


def load(text: str, loader: type[yaml.SafeLoader] | type[yaml.CSafeLoader] = Loader) -> Any:
    """Parse YAML text; every failure is a `yaml.YAMLError` (see `problem`), including a value
    an explicit tag cannot build ("!!timestamp 2026-02-30", "!!float abc")."""
    try:
        return yaml.load(text, Loader=loader)  # noqa: S506 - a SafeLoader subclass
    except (ValueError, TypeError) as exc:
        raise yaml.YAMLError(str(exc)) from None
    except RecursionError:
        raise yaml.YAMLError("nested too deeply") from None


def problem(exc: yaml.YAMLError) -> tuple[int | None, str]:
    """The 1-based line (if known) and a short description of a YAML syntax error."""
    mark = getattr(exc, "problem_mark", None)
    return (mark.line + 1 if mark is not None else None), (getattr(exc, "problem", None) or str(exc) or "invalid YAML")
