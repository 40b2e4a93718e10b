"""Report formats: text, full, json, jsonl, sarif and github, one function each.

JSON is the contract editors and scripts rely on (schema_version 1, see
`src/thanklint/data/report.schema.json`, printed by `thanklint schema`): fields may be added,
never renamed or dropped.
"""

from __future__ import annotations

import json
import os
import re
import urllib.parse
from collections.abc import Callable
from typing import Any

from . import __version__
from .api import Report
from .draft import split_lines
from .findings import Finding, Severity
from .linter import FileResult
from .terminal import visible

SCHEMA_VERSION = 1
_COLOURS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.SUGGESTION: "36"}
_MARKS = {"present": "✓", "missing": "✗", "unchecked": "·"}


def _paint(text: str, code: str, colour: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if colour else text


def _summary_line(report: Report) -> str:
    parts = [f"{report.count(s)} {str(s)}{'s' if report.count(s) != 1 else ''}" for s in reversed(Severity)]
    files = len(report.files)
    line = f"{report.findings} finding{'s' if report.findings != 1 else ''} ({', '.join(parts)}) in {files} file{'s' if files != 1 else ''}"
    if report.errors:
        line += f"; {report.errors} file{'s' if report.errors != 1 else ''} could not be checked"
    return line


#: How a quality is named in text output (the JSON key stays the short one).
_QUALITY_NAMES = {"tone": "tone and proofreading"}
#: The metadata key that lets an unchecked quality be checked.
_TURNED_ON_BY = {"timing": "interviewed_at"}
CHECKLIST_LEGEND = (
    "checklist: ✓ present  ✗ missing (the rule that says so)  · not checked (the metadata key that would check it)"
)


def checklist_line(result: FileResult) -> str:
    """One line with the eight qualities: ✓ present, ✗ missing (deciding rule), · unchecked
    (with the metadata key that would turn the check on)."""
    items = []
    committed = result.draft is not None and result.draft.committed
    for item in result.checklist:
        note = item.rule or ""
        if item.status == "unchecked" and item.quality in _TURNED_ON_BY:
            note = (
                "committed unchanged; needs sent_at"
                if committed and item.quality == "timing"
                else f"needs {_TURNED_ON_BY[item.quality]}"
            )
        items.append(
            f"{_MARKS[item.status]} {_QUALITY_NAMES.get(item.quality, item.quality)}" + (f" ({note})" if note else "")
        )
    return f"{visible(result.path)}: checklist ({result.kind}): " + "  ".join(items)


def blocking_line(report: Report, fail_on: str | None) -> str:
    """Why a pre-commit hook fails, naming the findings, their files and the threshold ("1 error
    in sarah.txt blocks the commit (--fail-on error)"); empty when nothing fails."""
    counts: dict[Severity, int] = {}
    paths, reasons = [], []
    for result in report.files:
        threshold = fail_on or result.fail_on or "error"
        if threshold == "never":
            continue
        failing = [f for f in result.findings if f.severity >= Severity.parse(threshold)]
        for finding in failing:
            counts[finding.severity] = counts.get(finding.severity, 0) + 1
        if failing:
            paths.append(result.path)
            reason = (
                f"--fail-on {threshold}"
                if fail_on or not result.fail_on
                else f"fail_on: {threshold} in the configuration"
            )
            if reason not in reasons:
                reasons.append(reason)
    if not paths:
        return ""
    parts = [f"{n} {s}{'s' if n != 1 else ''}" for s, n in sorted(counts.items(), reverse=True)]
    what = " and ".join(parts)
    one = len(parts) == 1 and sum(counts.values()) == 1
    verb = "blocks the commit" if one else "block the commit"
    where = ", ".join(paths[:3]) + (f" and {len(paths) - 3} more" if len(paths) > 3 else "")
    return f"{what} in {where} {verb} ({'; '.join(reasons)})"


def _text_line(result: FileResult, finding: Finding, colour: bool) -> str:
    severity = _paint(str(finding.severity), _COLOURS[finding.severity], colour)
    return f"{visible(result.path)}:{finding.line}:{finding.column}: {severity} {finding.rule_id} {visible(finding.message)}"


def format_text(report: Report, colour: bool = False, quiet: bool = False, source: bool = False) -> str:
    out = []
    for result in report.files:
        if result.error is not None:
            out.append(_error_line(result, colour))
            continue
        if result.skipped:
            out.append(f"{result.path}: {result.skipped}")
        for finding in result.findings:
            out.append(_text_line(result, finding, colour))
            if source:
                out.extend(_source_lines(result, finding))
        if not quiet and result.checklist:
            out.append(checklist_line(result))
    if not quiet and any(r.checklist for r in report.files):
        out.append(CHECKLIST_LEGEND)
    if not quiet:
        out.append(_summary_line(report))
    return "".join(line + "\n" for line in out)


def _error_line(result: FileResult, colour: bool) -> str:
    """`path[:line]: error [code] problem`, without repeating the path the message starts with."""
    assert result.error is not None  # only called for a file that failed
    message = str(result.error)
    label = f"{_paint('error', '31;1', colour)} [{result.error.code}]"
    named = re.match(re.escape(result.path) + r"(:\d+)?: ", message)
    if named:
        return f"{visible(result.path)}{named.group(1) or ''}: {label} {visible(message[named.end() :])}"
    return f"{visible(result.path)}: {label} {visible(message)}"


def _source_lines(result: FileResult, finding: Finding) -> list[str]:
    """The finding's source line with a caret under its span (`full` format)."""
    text = result.draft.text if result.draft else ""
    lines = split_lines(text)
    if not (0 < finding.line <= len(lines)):
        return []
    line = lines[finding.line - 1]
    width = (
        (finding.end_column - finding.column) if finding.end_line == finding.line else len(line) - finding.column + 1
    )
    gutter = f"{finding.line:>4} | "
    before, marked = visible(line[: finding.column - 1]), visible(line[finding.column - 1 : finding.column - 1 + width])
    out = [gutter + visible(line), " " * (len(gutter) + len(before)) + "^" * max(1, len(marked))]
    if finding.fix is not None:
        out.append(
            " " * len(gutter)
            + f"suggestion: {visible(repr(finding.fix.replacement))}"
            + ("" if finding.fix.safe else " (unsafe fix)")
        )
    return out


def format_full(report: Report, colour: bool = False, quiet: bool = False) -> str:
    return format_text(report, colour, quiet, source=True)


def report_dict(report: Report) -> dict:
    files = []
    for result in report.files:
        files.append(
            {
                "path": result.path,
                "kind": result.kind,
                "kind_source": result.kind_source,
                "findings": [f.to_dict() for f in result.findings],
                "checklist": {item.quality: item.to_dict() for item in result.checklist},
                "error": None if result.error is None else {"code": result.error.code, "message": str(result.error)},
                "skipped": result.skipped,
                **_positions(result),
            }
        )
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "thanklint", "version": __version__},
        "position_encoding": report.position_encoding,
        "files": files,
        "summary": {
            "files": len(report.files),
            "findings": report.findings,
            "errors": report.errors,
            "by_severity": {str(s): report.count(s) for s in reversed(Severity)},
        },
    }


def _positions(result: FileResult) -> dict:
    """What offsets refer to: the file, or (for a quoted-printable or base64 e-mail body) the
    decoded text, which is then included so that an editor can show it."""
    if result.draft is None or not result.draft.decoded:
        return {"positions": "file"}
    return {"positions": "decoded", "decoded_text": result.draft.text}


def format_json(report: Report, colour: bool = False, quiet: bool = False) -> str:
    return json.dumps(report_dict(report), indent=2, ensure_ascii=False) + "\n"


def format_jsonl(report: Report, colour: bool = False, quiet: bool = False) -> str:
    """One finding per line, with `path` added; unreadable files as one error line each."""
    lines = []
    for result in report.files:
        if result.error is not None:
            lines.append(
                json.dumps(
                    {"path": result.path, "error": {"code": result.error.code, "message": str(result.error)}},
                    ensure_ascii=False,
                )
            )
        for finding in result.findings:
            lines.append(json.dumps({"path": result.path, **finding.to_dict()}, ensure_ascii=False))
    return "".join(line.translate(_LINE_SEPARATORS) + "\n" for line in lines)


#: Characters that `str.splitlines()` (and some JSON-lines readers) treat as line breaks
#: although JSON leaves them raw; escaped, one report line stays one line.
_LINE_SEPARATORS = str.maketrans({c: f"\\u{ord(c):04x}" for c in "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"})


def _github_escape(text: str, property_value: bool = False) -> str:
    text = visible(text, keep="\r\n").replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property_value else text


def format_github(report: Report, colour: bool = False, quiet: bool = False) -> str:
    """GitHub Actions workflow commands: one annotation per finding."""
    level = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.SUGGESTION: "notice"}
    out = []
    for result in report.files:
        path = _github_escape(result.path, True)
        if result.error is not None:
            out.append(f"::error file={path},title=thanklint::{_github_escape(str(result.error))}")
        for f in result.findings:
            title = _github_escape(f"thanklint {f.rule_id}", True)
            out.append(
                f"::{level[f.severity]} file={path},line={f.line},col={f.column},endLine={f.end_line},endColumn={f.end_column},"
                f"title={title}::{_github_escape(f.message)}"
            )
    return "".join(line + "\n" for line in out)


def _uri(path: str) -> str:
    """A file path as a SARIF `artifactLocation.uri` (RFC 3986): forward slashes, and spaces,
    `#`, `%`, `?` and other reserved characters percent-encoded."""
    return urllib.parse.quote(path.replace(os.sep, "/"), safe="/", errors="surrogateescape")


def format_sarif(report: Report, colour: bool = False, quiet: bool = False) -> str:
    """SARIF 2.1.0, one run, the rules that fired described in the tool's driver."""
    level = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.SUGGESTION: "note"}
    rules: dict[str, dict[str, Any]] = {}
    results = []
    notifications = []
    for result in report.files:
        if result.error is not None:
            notifications.append(
                {
                    "level": "error",
                    "message": {"text": str(result.error)},
                    "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(result.path)}}}],
                }
            )
        for f in result.findings:
            rules.setdefault(
                f.rule_id,
                {"id": f.rule_id, **({"helpUri": f.url} if f.url else {}), "properties": {"category": f.category}},
            )
            entry = {
                "ruleId": f.rule_id,
                "level": level[f.severity],
                "message": {"text": f.message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": _uri(result.path)},
                            "region": {
                                "startLine": f.line,
                                "startColumn": f.column,
                                "endLine": f.end_line,
                                "endColumn": f.end_column,
                                "charOffset": f.start,
                                "charLength": f.end - f.start,
                            },
                        }
                    }
                ],
            }
            if f.fix is not None:
                entry["fixes"] = [
                    {
                        "description": {
                            "text": f"Replace with {f.fix.replacement!r}" + ("" if f.fix.safe else " (unsafe)")
                        },
                        "artifactChanges": [
                            {
                                "artifactLocation": {"uri": _uri(result.path)},
                                "replacements": [
                                    {
                                        "deletedRegion": {"charOffset": e.start, "charLength": e.end - e.start},
                                        "insertedContent": {"text": e.replacement},
                                    }
                                    for e in f.fix.edits
                                ],
                            }
                        ],
                    }
                ]
            results.append(entry)
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "thanklint",
                "version": __version__,
                "informationUri": "https://github.com/thanklint/thanklint",
                "rules": sorted(rules.values(), key=lambda r: r["id"]),
            }
        },
        "columnKind": "utf16CodeUnits" if report.position_encoding == "utf-16" else "unicodeCodePoints",
        "results": results,
    }
    if notifications:
        run["invocations"] = [{"executionSuccessful": False, "toolExecutionNotifications": notifications}]
    sarif = {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0", "runs": [run]}
    return json.dumps(sarif, indent=2, ensure_ascii=False) + "\n"


FORMATS: dict[str, Callable[..., str]] = {
    "text": format_text,
    "full": format_full,
    "json": format_json,
    "jsonl": format_jsonl,
    "sarif": format_sarif,
    "github": format_github,
}
