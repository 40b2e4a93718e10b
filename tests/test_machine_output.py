"""What editors and scripts need from the report: positions in their encoding, the schema and
the rule catalogue from the installed package, links that exist, UTF-8 whatever the console."""

from __future__ import annotations

import json
import os

import jsonschema
import pytest

from conftest import ROOT, run_cli
from thanklint import __version__
from thanklint.findings import Finding, Severity
from thanklint.positions import LineTable, reencode, units

NOTE = "Hey Ana,\n\nThank you for the tour 😀 i loved the lab.\n\nBest,\nSam\n"
BEFORE_I = "Thank you for the tour 😀 "


@pytest.fixture(scope="module")
def note(tmp_path_factory):
    path = tmp_path_factory.mktemp("notes") / "ana.md"
    path.write_text(NOTE, encoding="utf-8")
    return path


def _lowercase_i(report: dict) -> dict:
    return next(f for f in report["files"][0]["findings"] if f["rule_id"] == "proofreading.lowercase-i")


@pytest.mark.parametrize(("encoding", "width"), [("utf-32", 1), ("utf-16", 2), ("utf-8", 4)])
def test_json_positions_in_the_asked_encoding(note, encoding, width):
    result = run_cli("check", "--format", "json", "--position-encoding", encoding, str(note))
    report = json.loads(result.stdout)
    jsonschema.validate(report, json.loads(run_cli("schema").stdout))
    assert report["position_encoding"] == encoding
    finding = _lowercase_i(report)
    # Everything before the "i" is one unit a character, except the emoji.
    assert finding["line"] == 3 and finding["column"] == len(BEFORE_I) - 1 + width + 1
    before = NOTE.index(BEFORE_I) + len(BEFORE_I)
    assert finding["start"] == before - 1 + width and finding["end"] == finding["start"] + 1


def test_jsonl_and_sarif_follow_the_encoding(note):
    lines = run_cli("check", "--format", "jsonl", "--position-encoding", "utf-8", str(note)).stdout.splitlines()
    record = next(json.loads(line) for line in lines if "lowercase-i" in line)
    assert record["column"] == len(BEFORE_I.encode("utf-8")) + 1
    sarif = json.loads(run_cli("check", "--format", "sarif", "--position-encoding", "utf-16", str(note)).stdout)
    run = sarif["runs"][0]
    assert run["columnKind"] == "utf16CodeUnits"
    region = next(
        r["locations"][0]["physicalLocation"]["region"]
        for r in run["results"]
        if r["ruleId"] == "proofreading.lowercase-i"
    )
    assert region["startColumn"] == len(BEFORE_I.encode("utf-16-le")) // 2 + 1
    assert (
        json.loads(run_cli("check", "--format", "sarif", str(note)).stdout)["runs"][0]["columnKind"]
        == "unicodeCodePoints"
    )


@pytest.mark.parametrize(
    ("fmt", "encoding", "says"),
    [
        ("text", "utf-16", "--position-encoding applies to json, jsonl, sarif"),
        ("sarif", "utf-8", "SARIF counts columns in code points or UTF-16"),
    ],
)
def test_position_encoding_refused_where_it_cannot_apply(note, fmt, encoding, says):
    result = run_cli("check", "--format", fmt, "--position-encoding", encoding, str(note))
    assert result.returncode == 2 and says in result.stderr and not result.stdout


def test_reencode_keeps_lines_and_counts_units():
    text = "a😀b\nc😀d"
    finding = Finding(2, 2, "tone.emoji", 2, 3, 5, 6, "tone", Severity.WARNING, "m")  # the second emoji
    assert text[finding.start : finding.end] == "😀"
    assert reencode(finding, text, "utf-32") is finding
    utf16 = reencode(finding, text, "utf-16")
    assert (utf16.line, utf16.column, utf16.end_column, utf16.start, utf16.end) == (2, 2, 4, 6, 8)
    utf8 = reencode(finding, text, "utf-8")
    assert (utf8.column, utf8.end_column, utf8.start, utf8.end) == (2, 6, 8, 12)
    assert units("é😀", "utf-8") == 6 and units("é😀", "utf-16") == 3


def test_line_table_follows_the_protocol_line_breaks():
    text = "one\r\ntwo 😀 x\rthree\nfour"
    table = LineTable(text, "utf-16")
    x = text.index("x")
    assert table.position(x) == (1, 7)
    assert table.offset(1, 7) == x
    assert table.position(text.index("three")) == (2, 0) and table.position(text.index("four")) == (3, 0)
    assert table.offset(0, 99) == 3  # past the end of a line: its end, before the line break
    assert table.offset(9, 0) == len(text)


def test_schema_ships_in_the_package_and_is_printed():
    printed = run_cli("schema")
    assert printed.returncode == 0
    schema = json.loads(printed.stdout)
    assert schema == json.loads((ROOT / "src" / "thanklint" / "data" / "report.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    assert not (ROOT / "schema").exists()  # one source of truth


def test_rules_json_carries_the_documentation(tmp_path):
    (tmp_path / "tone").mkdir()
    (tmp_path / "tone" / "filler-basically.yaml").write_text(
        "kind: existence\nseverity: warning\nmessage: Leave out the filler word.\n"
        "description: Checks for the filler word basically.\nrationale: It makes a note longer and no clearer.\n"
        "patterns:\n  - phrase: basically\n"
        "examples:\n  bad: ['Hi Ana,\n\n    Thank you, the tour was basically perfect.']\n  good: ['Hi Ana,\n\n    Thank you, the tour was perfect.']\n",
        encoding="utf-8",
    )
    result = run_cli("rules", "--format", "json", "--rules", str(tmp_path))
    rules = {r["id"]: r for r in json.loads(result.stdout)}
    thanks = rules["gratitude.missing-thanks"]
    assert thanks["description"] and thanks["rationale"]
    assert thanks["examples"]["bad"] and all(d["text"] for e in thanks["examples"]["bad"] for d in e["drafts"])
    assert (
        thanks["url"]
        == f"https://github.com/thanklint/thanklint/blob/v{__version__}/docs/rules.md#gratitudemissing-thanks"
    )
    heading = "## gratitude.missing-thanks"
    assert heading in (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")  # the anchor exists
    custom = rules["tone.filler-basically"]
    assert custom["url"] == "" and custom["examples"]["good"][0]["drafts"][0]["text"].endswith("the tour was perfect.")


def test_custom_rule_findings_link_nowhere(tmp_path):
    (tmp_path / "house" / "tone").mkdir(parents=True)
    (tmp_path / "house" / "tone" / "filler-basically.yaml").write_text(
        "kind: existence\nseverity: warning\nmessage: Leave out the filler word.\n"
        "description: Checks for the filler word basically.\nrationale: It adds nothing.\n"
        "patterns:\n  - phrase: basically\n",
        encoding="utf-8",
    )
    (tmp_path / "note.md").write_text("Hi Ana,\n\nThank you, the tour was basically perfect.\n", encoding="utf-8")
    sarif = json.loads(
        run_cli("check", "--format", "sarif", "--rules", str(tmp_path / "house"), str(tmp_path / "note.md")).stdout
    )
    rules = {r["id"]: r for r in sarif["runs"][0]["tool"]["driver"]["rules"]}
    assert "helpUri" not in rules.pop("tone.filler-basically")
    assert rules and all(r["helpUri"].startswith("https://") for r in rules.values())
    report = json.loads(
        run_cli("check", "--format", "json", "--rules", str(tmp_path / "house"), str(tmp_path / "note.md")).stdout
    )
    urls = {f["rule_id"]: f["url"] for f in report["files"][0]["findings"]}
    assert urls["tone.filler-basically"] == "" and all(u for r, u in urls.items() if r != "tone.filler-basically")


@pytest.mark.parametrize("fmt", ["json", "jsonl", "sarif", "github"])
def test_machine_formats_are_utf8_on_any_console(note, fmt):
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}  # a console that cannot print an emoji
    result = run_cli("check", "--format", fmt, str(note), env=env)
    assert result.returncode == 0 and "Traceback" not in result.stderr  # warnings only
    assert "😀" in result.stdout and "lowercase-i" in result.stdout
