"""Dependency patterns matched by walking the parse from the tokens that can start them.

spaCy's `DependencyMatcher` first finds the tokens of every node of every pattern across the
whole draft (testing word lists in Python at each token), lists each one's ancestors, then
tests the product of the candidate positions; given a sentence, it copies it into a new
document first. For the rules' dependency patterns that cost more than all other matching
together. Those patterns use a small part of its language: plain, `IN` and `NOT_IN` tests of
ORTH, LOWER, LEMMA, POS, TAG and DEP, and the operators `>`, `<`, `>>` and `<<`. Such a pattern
is compiled here into integer tests on the draft's attribute columns, read once per draft, and
walked from each token that passes its first node's test; the matches are the same, node for
node (the tests compare both engines). A pattern that uses anything else stays with spaCy.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: The token attributes the walker can test, in the column order of `Columns`: hashed strings,
#: then word-shape flags (0 or 1).
ATTRIBUTES = (
    "ORTH", "LOWER", "LEMMA", "POS", "TAG", "DEP",
    "IS_TITLE", "IS_LOWER", "IS_UPPER", "IS_ALPHA", "IS_DIGIT", "IS_PUNCT", "LIKE_NUM",
)  # fmt: skip
FLAGS = frozenset(ATTRIBUTES[6:])
OPERATORS = (">", "<", ">>", "<<", ".", ";")

Test = Callable[["Columns", int], bool]


class Columns:
    """A draft's token attributes as integer columns, with heads and children, read once."""

    def __init__(self, doc: Doc):
        from spacy import attrs

        self.size = len(doc)
        ids = [getattr(attrs, name) for name in (*ATTRIBUTES, "HEAD")]
        table = doc.to_array(ids).reshape(self.size, len(ATTRIBUTES) + 1)
        self.values: list[list[int]] = [table[:, k].tolist() for k in range(len(ATTRIBUTES))]
        offsets = table[:, len(ATTRIBUTES)].astype("int64").tolist()
        self.heads = [i + offset for i, offset in enumerate(offsets)]
        self.children: list[list[int]] = [[] for _ in range(self.size)]
        for i, head in enumerate(self.heads):
            if head != i:
                self.children[head].append(i)
        self._where: dict[int, dict[int, list[int]]] = {}
        self._present: dict[int, set[int]] = {}
        self._found: dict[tuple[int, frozenset[int]], list[int]] = {}
        self._trees: list[tuple[int, int]] | None = None

    def present(self, column: int) -> set[int]:
        """Every value the attribute in `column` takes in the draft."""
        if column not in self._present:
            self._present[column] = set(self.values[column])
        return self._present[column]

    def where(self, column: int, wanted: frozenset[int]) -> list[int]:
        """The tokens whose attribute in `column` is one of `wanted`, in text order (remembered:
        callers read the list and never change it)."""
        if column not in self._where:
            index: dict[int, list[int]] = {}
            for token, value in enumerate(self.values[column]):
                index.setdefault(value, []).append(token)
            self._where[column] = index
        key = (column, wanted)
        if key not in self._found:  # a word list is asked for by several patterns
            index = self._where[column]
            self._found[key] = sorted(token for value in wanted for token in index.get(value, ()))
        return self._found[key]

    def related(self, node: int, operator: str) -> Iterator[int]:
        """The tokens in `operator` relation to `node` (`node > x`: x is a child of node)."""
        if operator == ">":
            yield from self.children[node]
        elif operator == "<":
            head = self.heads[node]
            if head != node:
                yield head
        elif operator == ">>":
            stack = list(reversed(self.children[node]))
            while stack:
                token = stack.pop()
                yield token
                stack.extend(reversed(self.children[token]))
        elif operator == "<<":
            seen = {node}
            head = self.heads[node]
            while head not in seen:
                seen.add(head)
                yield head
                head = self.heads[head]
        else:  # "." the next token, ";" the previous one, if it lies in the node's tree
            other = node + 1 if operator == "." else node - 1
            first, last = self.tree(node)
            if first <= other <= last:
                yield other

    def tree(self, node: int) -> tuple[int, int]:
        """The first and last token of the tree `node` belongs to (spaCy's sentence of a token
        for the operators of word order: its root's left and right edge)."""
        if self._trees is None:
            roots = []
            for token in range(self.size):
                seen, head = {token}, token
                while self.heads[head] not in seen:
                    head = self.heads[head]
                    seen.add(head)
                roots.append(head)
            edges: dict[int, tuple[int, int]] = {}
            for token, root in enumerate(roots):
                first, last = edges.get(root, (token, token))
                edges[root] = (min(first, token), max(last, token))
            self._trees = [edges[root] for root in roots]
        return self._trees[node]


def _compile_checks(attributes: dict) -> list[tuple[int, str, Any]] | None:
    """One node's attribute tests as (column, operator, hash or hashes), or None when they use
    anything the walker does not implement."""
    from spacy.strings import get_string_id

    checks: list[tuple[int, str, Any]] = []
    for attr, value in attributes.items():
        name = str(attr).upper()
        if name not in ATTRIBUTES:
            return None
        column = ATTRIBUTES.index(name)
        if name in FLAGS:
            if not isinstance(value, bool):
                return None
            checks.append((column, "==", int(value)))
        elif isinstance(value, str):
            checks.append((column, "==", get_string_id(value)))
        elif isinstance(value, dict) and value and set(value) <= {"IN", "NOT_IN"}:
            for operator, words in value.items():
                if not (isinstance(words, list) and all(isinstance(w, str) for w in words)):
                    return None
                checks.append((column, operator, frozenset(get_string_id(w) for w in words)))
        else:
            return None
    return checks


def _as_test(checks: list[tuple[int, str, Any]]) -> Test:
    def test(columns: Columns, token: int) -> bool:
        for column, operator, wanted in checks:
            value = columns.values[column][token]
            if operator == "==":
                if value != wanted:
                    return False
            elif (value in wanted) != (operator == "IN"):
                return False
        return True

    return test


class Node(NamedTuple):
    """A pattern node: the earlier node it hangs from, the relation, and its own test."""

    left: int | None
    operator: str | None
    test: Test


class TreePattern:
    """A dependency pattern the walker implements: its nodes, and the first node's word or
    label test that finds the tokens to start from without testing every token."""

    def __init__(self, nodes: list[Node], anchor: tuple[int, frozenset[int]] | None):
        self.nodes, self.anchor = nodes, anchor

    def __call__(self, columns: Columns, allowed: Callable[[int], bool]) -> Iterator[list[int]]:
        """Every assignment of tokens to the pattern's nodes, in node order, starting from the
        tokens that `allowed` admits."""
        root = self.nodes[0].test
        starts = range(columns.size) if self.anchor is None else columns.where(*self.anchor)
        for token in starts:
            if allowed(token) and root(columns, token):
                yield from self._extend(columns, [token])

    def _extend(self, columns: Columns, assigned: list[int]) -> Iterator[list[int]]:
        if len(assigned) == len(self.nodes):
            yield list(assigned)
            return
        node = self.nodes[len(assigned)]
        assert node.left is not None and node.operator is not None
        for token in columns.related(assigned[node.left], node.operator):
            if node.test(columns, token):
                assigned.append(token)
                yield from self._extend(columns, assigned)
                assigned.pop()


#: The keys of a pattern's first node, and of every later one.
_FIRST_KEYS, _LATER_KEYS = {"RIGHT_ID", "RIGHT_ATTRS"}, {"RIGHT_ID", "RIGHT_ATTRS", "LEFT_ID", "REL_OP"}


def compile_tree(pattern: list[dict]) -> TreePattern | None:
    """The pattern for the walker, or None when spaCy's matcher must run it (an unknown
    attribute, predicate or operator, or nodes not given after the node they hang from) or
    reject it (a node's keys not exactly those spaCy asks for, or a node id given twice): a
    pattern compiled here is a valid one, so spaCy's validation of it can be skipped."""
    ids: dict[str, int] = {}
    nodes: list[Node] = []
    anchor = None
    for position, node in enumerate(pattern):
        if not isinstance(node, dict) or set(node) != (_LATER_KEYS if position else _FIRST_KEYS):
            return None
        if not isinstance(node["RIGHT_ID"], str) or node["RIGHT_ID"] in ids:
            return None
        checks = _compile_checks(node["RIGHT_ATTRS"]) if isinstance(node["RIGHT_ATTRS"], dict) else None
        if checks is None:
            return None
        test = _as_test(checks)
        if position == 0:
            # a word or label test finds few tokens to start from; a flag, many
            starts = sorted(checks, key=lambda check: ATTRIBUTES[check[0]] in FLAGS)
            anchor = next(
                (
                    (column, wanted if operator == "IN" else frozenset([wanted]))
                    for column, operator, wanted in starts
                    if operator != "NOT_IN"
                ),
                None,
            )
            nodes.append(Node(None, None, test))
        else:
            left, operator = ids.get(node.get("LEFT_ID")), node.get("REL_OP")  # type: ignore[arg-type]
            if left is None or operator not in OPERATORS:
                return None
            nodes.append(Node(left, operator, test))
        ids[node["RIGHT_ID"]] = position
    return TreePattern(nodes, anchor)
