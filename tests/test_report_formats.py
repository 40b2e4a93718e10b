"""Every report format, checked against the contract: the JSON Schema, SARIF's required shape,
GitHub's workflow-command syntax, and line/column that agree with the offsets."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from conftest import ROOT, run_cli

SCHEMA = json.loads((ROOT / "src" / "thanklint" / "data" / "report.schema.json").read_text())
MESSY = (
    "---\nrecipient: Dana Whitfield\ncompany: Northwind Labs\n---\n"
    "Hey Dana,\n\nThx for the chat!! I apologise for being so nervous 🙂. i really need this job, "
    "so please hire me.\nWhat's the salary range?\n\nCheers,\nSam\n"
)


@pytest.fixture(scope="module")
def drafts(tmp_path_factory):
    folder = tmp_path_factory.mktemp("drafts")
    (folder / "messy.md").write_text(MESSY, encoding="utf-8")
    (folder / "crlf.txt").write_bytes(MESSY.split("---\n", 2)[2].replace("\n", "\r\n").encode())
    (folder / "bom.txt").write_bytes("\ufeffHey Ana,\n\nthx 😀\n".encode("utf-8"))
    (folder / "broken.txt").write_bytes(b"\xff\xfe\x00bad")
    return folder


def _report(folder, *extra):
    result = run_cli("check", "--format", "json", *extra, str(folder))
    return result, json.loads(result.stdout)


def test_json_report_follows_the_schema(drafts):
    result, report = _report(drafts)
    assert result.returncode == 2  # broken.txt could not be decoded
    jsonschema.validate(report, SCHEMA)
    by_name = {Path(f["path"]).name: f for f in report["files"]}
    assert by_name["broken.txt"]["error"]["code"] == "decode"
    assert by_name["messy.md"]["findings"]
    assert report["summary"]["errors"] == 1
    assert report["summary"]["findings"] == sum(len(f["findings"]) for f in report["files"])


def test_fixture_reports_follow_the_schema():
    result = run_cli("check", "--format", "json", str(ROOT / "fixtures"))
    jsonschema.validate(json.loads(result.stdout), SCHEMA)


def test_line_and_column_agree_with_offsets(drafts):
    _, report = _report(drafts)
    for file in report["files"]:
        if file["error"]:
            continue
        text = Path(file["path"]).read_bytes().decode("utf-8")
        text = text[1:] if text.startswith("\ufeff") else text
        lines = text.split("\n")
        starts = [0]
        for line in lines:
            starts.append(starts[-1] + len(line) + 1)
        for f in file["findings"]:
            assert starts[f["line"] - 1] + f["column"] - 1 == f["start"], f
            assert starts[f["end_line"] - 1] + f["end_column"] - 1 == f["end"], f
            assert 0 <= f["start"] <= f["end"] <= len(text)


def test_findings_never_point_into_front_matter(drafts):
    _, report = _report(drafts)
    messy = next(f for f in report["files"] if f["path"].endswith("messy.md"))
    assert all(f["line"] >= 5 for f in messy["findings"])


def test_spans_cover_what_the_message_names(drafts):
    _, report = _report(drafts)
    messy = next(f for f in report["files"] if f["path"].endswith("messy.md"))
    text = MESSY
    spans = {f["rule_id"]: text[f["start"] : f["end"]] for f in messy["findings"]}
    assert spans["tone.casual-greeting"] == "Hey"
    assert spans["tone.emoji"] == "🙂"
    assert spans["proofreading.lowercase-i"] == "i"


def test_jsonl_is_one_finding_per_line_with_path(drafts):
    result = run_cli("check", "--format", "jsonl", str(drafts))
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    _, report = _report(drafts)
    assert len(lines) == report["summary"]["findings"] + report["summary"]["errors"]
    finding_schema = {**SCHEMA["$defs"]["finding"], "$defs": SCHEMA["$defs"]}
    for line in lines:
        assert "path" in line
        if "error" not in line:
            jsonschema.validate({k: v for k, v in line.items() if k != "path"}, finding_schema)


def test_sarif_has_the_required_shape(drafts):
    sarif = json.loads(run_cli("check", "--format", "sarif", str(drafts)).stdout)
    assert sarif["version"] == "2.1.0"
    run = sarif["runs"][0]
    assert run["tool"]["driver"]["name"] == "thanklint"
    rule_ids = {r["id"] for r in run["tool"]["driver"]["rules"]}
    for result in run["results"]:
        assert result["ruleId"] in rule_ids
        assert result["level"] in ("error", "warning", "note")
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
    assert run["invocations"][0]["executionSuccessful"] is False


def test_github_annotations(drafts):
    out = run_cli("check", "--format", "github", str(drafts)).stdout.splitlines()
    assert out and all(line.startswith(("::error ", "::warning ", "::notice ")) for line in out)
    assert any("title=thanklint tone.casual-greeting::" in line and ",line=5,col=1," in line for line in out)
