"""The documented Python API."""

from __future__ import annotations

import thanklint
from thanklint import Severity, lint_paths, lint_text
from thanklint.api import Session


def test_lint_text_returns_findings_and_checklist():
    result = lint_text("hey,\n\nwhen will i hear back about the job\n")
    assert result.path == "-" and result.kind == "thank-you"
    assert any(f.rule_id == "gratitude.missing-thanks" and f.severity == Severity.ERROR for f in result.findings)
    statuses = {item.quality: item.status for item in result.checklist}
    assert statuses["gratitude"] == "missing" and statuses["timing"] == "unchecked"


def test_lint_text_with_metadata():
    result = lint_text(
        "Hi Priya,\n\nThank you for your time.\n\nBest,\nSam\n", metadata={"recipient": "Dana Whitfield"}
    )
    assert "personalization.wrong-recipient" in {f.rule_id for f in result.findings}


def test_lint_text_metadata_wins_over_front_matter_and_errors_are_returned():
    text = "---\nrecipient: Priya Shah\n---\nHi Priya,\n\nThank you for your time.\n\nBest,\nSam\n"
    result = lint_text(text, path="note.md", metadata={"recipient": "Dana Whitfield"})
    assert "personalization.wrong-recipient" in {f.rule_id for f in result.findings}
    bad_key = lint_text(text, path="note.md", metadata={"recipent": "Dana"})
    assert bad_key.error is not None and bad_key.error.code == "metadata" and "recipent" in str(bad_key.error)
    unclosed = lint_text("---\nrecipient: Dana\nHi Dana,\n", path="note.md", metadata={"company": "Northwind"})
    assert unclosed.error is not None and "never closed" in str(unclosed.error)


def test_lint_paths_and_select(tmp_path):
    (tmp_path / "a.md").write_text("Hey Ana,\n\nThank you.\n")
    report = lint_paths([str(tmp_path)], select=("tone",))
    assert report.files[0].findings and all(f.category == "tone" for f in report.files[0].findings)
    assert report.errors == 0


def test_public_names():
    assert set(thanklint.__all__) >= {"lint_text", "lint_paths", "Report", "FileResult", "Finding", "Severity"}


def test_session_invalidate_reloads_a_changed_configuration_and_rule_file(tmp_path):
    (tmp_path / "house" / "tone").mkdir(parents=True)
    rule = tmp_path / "house" / "tone" / "filler-basically.yaml"
    rule_text = (
        "kind: existence\nseverity: warning\nmessage: {message}\n"
        "description: Checks for the filler word basically.\nrationale: It adds nothing.\n"
        "patterns:\n  - phrase: basically\n"
    )
    rule.write_text(rule_text.format(message="Leave it out."))
    config = tmp_path / ".thanklint.yaml"
    config.write_text("rules: [house]\n")
    draft = tmp_path / "note.md"
    draft.write_text("Hey Ana,\n\nThank you, the tour was basically great.\n")
    session = Session()

    def messages() -> dict[str, str]:
        return {f.rule_id: f.message for f in session.lint([(str(draft), None)]).files[0].findings}

    assert messages()["tone.filler-basically"] == "Leave it out."
    rule.write_text(rule_text.format(message="Cut it."))
    config.write_text("rules: [house]\nignore: [tone.casual-greeting]\n")
    assert "tone.casual-greeting" in messages()  # nothing is re-read until the session is told
    session.invalidate(str(rule))
    assert messages()["tone.filler-basically"] == "Cut it." and "tone.casual-greeting" in messages()
    session.invalidate(str(config))
    assert "tone.casual-greeting" not in messages()
    config.unlink()
    session.invalidate()
    assert "tone.filler-basically" not in messages() and "tone.casual-greeting" in messages()
