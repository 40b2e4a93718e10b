"""The command line as users and scripts meet it: exit codes, formats, stdin, errors."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

from conftest import ROOT, run_cli

ISSUE_EXAMPLE = "hey,\n\nwhen will i hear back about the job\n"


def test_stdin_example_exits_1_with_gratitude_and_tone():
    result = run_cli("check", "-", stdin=ISSUE_EXAMPLE)
    assert result.returncode == 1, result.stderr
    assert "gratitude.missing-thanks" in result.stdout
    assert "tone.casual-greeting" in result.stdout
    assert "proofreading.lowercase-i" in result.stdout
    assert result.stdout.startswith("-:")


def test_stdin_filename_names_the_draft():
    result = run_cli("check", "--stdin-filename", "drafts/dana.md", "--format", "json", "-", stdin=ISSUE_EXAMPLE)
    report = json.loads(result.stdout)
    assert report["files"][0]["path"] == "drafts/dana.md"


def test_missing_file_exits_2_and_others_still_run(tmp_path):
    good = tmp_path / "good.md"
    good.write_text("Hi Ana,\n\nThank you for your time.\n\nBest,\nSam\n")
    result = run_cli("check", "--format", "json", str(tmp_path / "nope.md"), str(good))
    assert result.returncode == 2
    report = json.loads(result.stdout)
    assert report["files"][0]["error"]["code"] == "not-found"
    assert "nope.md: no such file" in report["files"][0]["error"]["message"]
    assert report["files"][1]["error"] is None and report["files"][1]["findings"]


def test_undecodable_file_is_reported_by_name(tmp_path):
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Hi Zoë,\n\nThank you.\n".encode("latin-1"))
    result = run_cli("check", str(bad))
    assert result.returncode == 2
    assert f"{bad}: error [decode] not valid utf-8 text (byte 0xeb at offset 5)" in result.stdout


def test_invalid_front_matter_names_file_and_key(tmp_path):
    bad = tmp_path / "note.md"
    bad.write_text("---\nrecipient: Dana\ninterviewed: 2026-11-24\n---\nHi Dana,\n\nThank you.\n")
    result = run_cli("check", str(bad))
    assert result.returncode == 2
    assert "unknown metadata key 'interviewed' (did you mean 'interviewed_at'?)" in result.stdout
    bad.write_text("---\ninterviewed_at: yesterday\n---\nHi Dana,\n\nThank you.\n")
    result = run_cli("check", str(bad))
    assert "metadata key 'interviewed_at': not an ISO 8601 date" in result.stdout


def test_no_paths_is_a_usage_error():
    result = run_cli("check")
    assert result.returncode == 2 and "no drafts given" in result.stderr


def test_folder_walk_skips_hidden_and_other_files(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.md").write_text("hey\n")
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "a.md").write_text("Hi Ana,\n\nThank you.\n\nBest,\nSam\n")
    (tmp_path / "notes" / "b.txt").write_text("Hi Ana,\n\nThank you.\n\nBest,\nSam\n")
    (tmp_path / "notes" / "c.py").write_text("print('hi')\n")
    report = json.loads(run_cli("check", "--format", "json", str(tmp_path)).stdout)
    assert [os.path.basename(f["path"]) for f in report["files"]] == ["a.md", "b.txt"]


def test_fail_on_levels():
    text = "Hi Ana,\n\nThank you for your time!!\n\nBest,\nSam\n"
    args = ("check", "--select", "tone.exclamations", "-")
    assert run_cli(*args, stdin=text).returncode == 0
    assert run_cli(*args, "--fail-on", "warning", stdin=text).returncode == 1
    assert run_cli(*args[:-1], "--fail-on", "never", "-", stdin=ISSUE_EXAMPLE).returncode == 0


def test_select_and_ignore_prefixes():
    result = run_cli(
        "check",
        "--select",
        "tone,proofreading",
        "--ignore",
        "tone.casual-greeting",
        "--format",
        "json",
        "-",
        stdin=ISSUE_EXAMPLE,
    )
    ids = {f["rule_id"] for f in json.loads(result.stdout)["files"][0]["findings"]}
    assert "proofreading.lowercase-i" in ids
    assert all(i.startswith(("tone.", "proofreading.")) for i in ids) and "tone.casual-greeting" not in ids


def test_text_output_has_summary_and_checklist():
    result = run_cli("check", "-", stdin=ISSUE_EXAMPLE)
    lines = result.stdout.strip().splitlines()
    assert "finding" in lines[-1] and "in 1 file" in lines[-1]
    assert any(
        line.startswith("-: checklist (thank-you):") and "✗ gratitude (gratitude.missing-thanks)" in line
        for line in lines
    )


def test_quiet_prints_only_findings():
    result = run_cli("check", "--quiet", "-", stdin=ISSUE_EXAMPLE)
    lines = result.stdout.splitlines()
    assert result.returncode == 1 and lines
    assert all(re.match(r"-:\d+:\d+: (error|warning|suggestion) [a-z]+\.[a-z-]+ ", line) for line in lines)
    clean = run_cli("check", "--quiet", "--select", "tone.emoji", "-", stdin=ISSUE_EXAMPLE)
    assert clean.returncode == 0 and clean.stdout == ""


def test_full_format_draws_a_caret_under_the_span():
    result = run_cli("check", "--format", "full", "--select", "tone.casual-greeting", "-", stdin=ISSUE_EXAMPLE)
    lines = result.stdout.splitlines()
    at = next(i for i, line in enumerate(lines) if "tone.casual-greeting" in line)
    assert lines[at + 1] == "   1 | hey,"
    assert lines[at + 2] == "       ^^^"


def test_no_colour_when_piped_or_no_color():
    env = {**os.environ, "NO_COLOR": "1"}
    result = run_cli("check", "-", stdin=ISSUE_EXAMPLE, env=env)
    assert "\x1b[" not in result.stdout


def test_rules_json_lists_the_catalogue():
    result = run_cli("rules", "--format", "json")
    rules = json.loads(result.stdout)
    assert len(rules) >= 35
    assert {"id", "category", "severity", "summary"} <= set(rules[0])
    assert len({r["category"] for r in rules}) == 10


def test_explain_prints_the_rule_page_and_hints_on_typos():
    result = run_cli("explain", "gratitude.missing-thanks")
    assert result.returncode == 0
    assert result.stdout.startswith("# gratitude.missing-thanks")
    assert "## Why is this bad?" in result.stdout
    typo = run_cli("explain", "gratitude.missing-thank")
    assert typo.returncode == 2 and "did you mean 'gratitude.missing-thanks'" in typo.stderr


def test_version():
    from thanklint import __version__

    assert run_cli("--version").stdout.strip() == f"thanklint {__version__}"


def test_bundled_examples_lint(tmp_path):
    result = run_cli("check", "--fail-on", "never", str(ROOT / "fixtures" / "drafts"))
    assert result.returncode == 0
    assert "could not be checked" not in result.stdout


def test_oversized_draft_is_an_error_not_a_crash(tmp_path):
    huge = tmp_path / "huge.txt"
    huge.write_text("Hi Ana,\n\n" + "Thank you. " * 100_000)
    small = tmp_path / "small.txt"
    small.write_text("Hi Ana,\n\nThank you for your time.\n\nBest,\nSam\n")
    result = run_cli("check", "--format", "json", str(huge), str(small))
    assert result.returncode == 2
    files = json.loads(result.stdout)["files"]
    assert files[0]["error"]["code"] == "too-long" and files[1]["error"] is None


def test_empty_and_unclosed_drafts_are_input_errors(tmp_path):
    (tmp_path / "a-empty.txt").write_text("  \n\n")
    (tmp_path / "b-only-front-matter.md").write_text("---\nrecipient: Dana\n---\n")
    (tmp_path / "c-unclosed.md").write_text("---\nrecipient: Dana\nHi Dana,\n")
    (tmp_path / "d-fine.md").write_text("Hi Dana,\n\nThank you.\n\nBest,\nSam\n")
    result = run_cli("check", "--format", "json", str(tmp_path))
    assert result.returncode == 2
    files = json.loads(result.stdout)["files"]
    assert [f["error"]["code"] if f["error"] else None for f in files] == ["empty", "empty", "metadata", None]
    assert "never closed" in files[2]["error"]["message"]
    text = run_cli("check", str(tmp_path / "c-unclosed.md")).stdout
    assert text.startswith(
        f"{tmp_path / 'c-unclosed.md'}:1: error [metadata] front matter opened with '---' is never closed"
    )


def test_fix_never_writes_stdin_to_a_file(tmp_path):
    real = tmp_path / "real.md"
    real.write_text("Hi Dana,\n\nOriginal text.\n")
    result = run_cli("check", "--fix", "--stdin-filename", str(real), "-", stdin="Hi Omar,\n\nOther text, i think.\n")
    assert real.read_text() == "Hi Dana,\n\nOriginal text.\n"
    assert "not fixed (stdin" in result.stderr and "proofreading.lowercase-i" in result.stdout
    assert result.returncode == 1


def test_stdin_is_decoded_like_a_file():
    result = run_cli(
        "check", "--format", "json", "--stdin-filename", "a.md", "-", stdin="\ufeff---\nrecipent: Dana\n---\nHi Dana,\n"
    )
    assert result.returncode == 2
    assert "unknown metadata key 'recipent'" in result.stdout


def test_invalid_yaml_date_is_a_file_error(tmp_path):
    (tmp_path / "a.md").write_text("---\ninterviewed_at: 2026-13-45\n---\nHi Dana,\n\nThank you.\n")
    (tmp_path / "b.md").write_text("Hi Dana,\n\nThank you.\n\nBest,\nSam\n")
    result = run_cli("check", "--format", "json", str(tmp_path))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    files = json.loads(result.stdout)["files"]
    assert files[0]["error"]["code"] == "metadata" and files[1]["error"] is None


def test_a_file_named_twice_is_linted_once():
    scenario = ROOT / "fixtures" / "scenarios" / "panel-dana.md"
    result = run_cli("check", "--format", "json", str(scenario), str(scenario.parent / "." / scenario.name))
    report = json.loads(result.stdout)
    assert report["summary"]["files"] == 1


def test_undecodable_stdin_does_not_cancel_the_other_drafts(tmp_path):
    (tmp_path / "good.md").write_text("Hi Dana,\n\nThank you.\n\nBest,\nSam\n")
    result = subprocess.run(
        [sys.executable, "-m", "thanklint", "check", "--format", "json", str(tmp_path / "good.md"), "-"],
        input=b"Hi Dana,\n\nThank you \xff.\n",
        capture_output=True,
        timeout=300,
    )
    assert result.returncode == 2
    good, stdin = json.loads(result.stdout)["files"]
    assert good["error"] is None and stdin["error"]["code"] == "decode"


def test_latin1_eml_on_stdin_reads_like_the_file():
    eml = (
        b"From: Sam <sam@example.com>\nTo: Dana Whitfield <dana@example.com>\nSubject: Thank you\n"
        b"Content-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: 8bit\n\n"
        b"Dear Dana,\n\nThank you for the caf\xe9 visit.\n\nBest,\nSam\n"
    )
    result = subprocess.run(
        [sys.executable, "-m", "thanklint", "check", "--format", "json", "--stdin-filename", "note.eml", "-"],
        input=eml,
        capture_output=True,
        timeout=300,
    )
    assert json.loads(result.stdout)["files"][0]["error"] is None


def test_unknown_select_is_one_usage_error(tmp_path):
    (tmp_path / ".thanklint.yaml").write_text("fail_on: warning\n")
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text("Hi Dana,\n\nThank you.\n")
    result = run_cli("check", "--select", "tone.nope", str(tmp_path))
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("unknown rule or category 'tone.nope' in --select") == 1
