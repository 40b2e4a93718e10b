"""Saved e-mails in an editor's or a script's hands: positions point into the file where they
can; an encoded body is flagged, its decoded text given, and no fix or patch pretends to apply;
a sidecar applies to stdin exactly as to the file."""

from __future__ import annotations

import base64
import json

import jsonschema

from conftest import ROOT, run_cli

SCHEMA = json.loads((ROOT / "src" / "thanklint" / "data" / "report.schema.json").read_text())
BODY = "Hi Dana,\n\nThank you for your time today, i enjoyed hearing about the churn dashboard.\n\nBest,\nSam\n"
HEADERS = (
    "From: Sam Rivera <sam@example.com>\nTo: Dana Whitfield <dana@northwind.example>\n"
    "Subject: Thank you - Data Analyst interview\nMIME-Version: 1.0\n"
)


def _json(*args, **kwargs):
    result = run_cli("check", "--format", "json", *args, **kwargs)
    report = json.loads(result.stdout)
    jsonschema.validate(report, SCHEMA)
    return report["files"][0]


def test_base64_body_is_flagged_and_never_patched(tmp_path):
    encoded = base64.b64encode(BODY.encode()).decode()
    mail = tmp_path / "dana.eml"
    raw = HEADERS + "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n" + encoded + "\n"
    mail.write_text(raw)
    record = _json(str(mail))
    assert record["positions"] == "decoded"
    finding = next(f for f in record["findings"] if f["rule_id"] == "proofreading.lowercase-i")
    assert record["decoded_text"][finding["start"] : finding["end"]] == "i"  # offsets refer to the decoded text
    for flag in ("--diff", "--fix"):
        result = run_cli("check", flag, str(mail))
        assert "saved base64, so positions refer to the decoded body" in result.stderr
        assert "@@" not in result.stdout
    assert mail.read_text() == raw


def test_multipart_body_keeps_file_positions_and_can_be_fixed(tmp_path):
    mail = tmp_path / "dana.eml"
    raw = (
        HEADERS + 'Content-Type: multipart/alternative; boundary="B"\n\n--B\n'
        "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 7bit\n\n"
        + BODY
        + "\n--B\nContent-Type: text/html; charset=utf-8\n\n<p>Hi Dana, i enjoyed it</p>\n\n--B--\n"
    )
    mail.write_text(raw)
    record = _json(str(mail))
    assert record["positions"] == "file" and "decoded_text" not in record
    finding = next(f for f in record["findings"] if f["rule_id"] == "proofreading.lowercase-i")
    assert raw[finding["start"] : finding["end"]] == "i"
    run_cli("check", "--fix", str(mail))
    assert mail.read_text() == raw.replace("today, i enjoyed", "today, I enjoyed")  # the html part untouched


def test_a_multipart_mail_on_stdin_is_patched_as_it_came():
    """A patch for a mail read from stdin is made against the mail as it came, boundaries and
    other parts included, not against the draft's text, in which the other parts are blanked."""
    raw = (
        HEADERS + 'Content-Type: multipart/alternative; boundary="B"\n\n--B\n'
        "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 7bit\n\n"
        "Hi Dana,\n\nThank you for the tour of the depot today, i enjoyed it.\n"
        "\n--B\nContent-Type: text/html; charset=utf-8\n\n<p>Hi Dana, i enjoyed it</p>\n\n--B--\n"
    )
    patch = run_cli("check", "--diff", "--stdin-filename", "dana.eml", "-", stdin=raw).stdout.splitlines()
    assert "+Thank you for the tour of the depot today, I enjoyed it." in patch
    kept = [line[1:] for line in patch[2:] if line.startswith((" ", "-"))]
    assert "--B" in kept and all(line in raw.splitlines() for line in kept)


def test_sidecar_applies_on_stdin_as_for_the_file(tmp_path):
    mail = tmp_path / "dana.eml"
    raw = HEADERS + "Content-Type: text/plain; charset=utf-8\n\n" + BODY.replace("Dana", "Dona", 1)
    mail.write_text(raw)
    (tmp_path / "dana.yaml").write_text(
        "recipient: Dana Whitfield\ncompany: Northwind Labs\ninterviewed_at: 2026-11-24\nsent_at: 2026-11-24T18:00\n"
    )
    from_file = _json("dana.eml", cwd=tmp_path)
    from_stdin = _json("--stdin-filename", "dana.eml", "-", stdin=raw, cwd=tmp_path)
    rules = {f["rule_id"] for f in from_file["findings"]}
    assert "personalization.misspelt-recipient" in rules  # "Dona" against the sidecar's recipient
    assert from_stdin["findings"] == from_file["findings"]
    assert from_stdin["checklist"]["timing"]["status"] == "present"  # interviewed_at came from the sidecar
