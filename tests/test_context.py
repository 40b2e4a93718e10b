"""Interview context: each scenario draft draws exactly the personalization and timing findings
it was written for (and the correct note none at all)."""

from __future__ import annotations

import json

import pytest

from conftest import ROOT, run_cli

SCENARIOS = ROOT / "fixtures" / "scenarios"
CONTEXT = ("timing.", "personalization.")


@pytest.fixture(scope="module")
def report():
    result = run_cli("check", "--format", "json", str(SCENARIOS))
    assert result.returncode in (0, 1), result.stderr
    return {f["path"].rsplit("/", 1)[-1]: f for f in json.loads(result.stdout)["files"]}


def context_ids(file) -> list[str]:
    return sorted(f["rule_id"] for f in file["findings"] if f["rule_id"].startswith(CONTEXT))


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("correct-full-metadata.md", []),
        ("late-thank-you.md", ["timing.late-thank-you"]),
        ("early-follow-up.md", ["timing.early-follow-up"]),
        ("wrong-company.md", ["personalization.wrong-company"]),
        ("misspelt-recipient.md", ["personalization.misspelt-recipient"]),
        ("wrong-greeting.eml", ["personalization.wrong-recipient"]),
        ("topics-missed.md", ["personalization.topics-not-mentioned"]),
        ("panel-dana.md", ["personalization.duplicate-note", "personalization.interviewer-without-note"]),
        ("panel-omar.md", ["personalization.duplicate-note"]),
    ],
)
def test_scenario_draws_exactly_its_findings(report, name, expected):
    assert context_ids(report[name]) == expected


def test_correct_note_has_no_errors_or_warnings(report):
    file = report["correct-full-metadata.md"]
    assert [f for f in file["findings"] if f["severity"] != "suggestion"] == []
    assert all(item["status"] == "present" for item in file["checklist"].values())


def test_messages_state_the_facts(report):
    late = next(f for f in report["late-thank-you.md"]["findings"] if f["rule_id"] == "timing.late-thank-you")
    assert "hours" in late["message"] and "24" in late["message"]
    early = next(f for f in report["early-follow-up.md"]["findings"] if f["rule_id"] == "timing.early-follow-up")
    assert "2 business days" in early["message"]
    dup = next(f for f in report["panel-dana.md"]["findings"] if f["rule_id"] == "personalization.duplicate-note")
    assert "panel-omar.md" in dup["message"]
    panel = next(
        f for f in report["panel-dana.md"]["findings"] if f["rule_id"] == "personalization.interviewer-without-note"
    )
    assert "Li Wei" in panel["message"] and "Omar" not in panel["message"]


def test_misspelt_recipient_has_a_fix(report):
    finding = next(
        f for f in report["misspelt-recipient.md"]["findings"] if f["rule_id"] == "personalization.misspelt-recipient"
    )
    assert finding["fix"] == {
        "replacement": "Whitfield",
        "safe": False,
        "edits": [{"start": finding["start"], "end": finding["end"], "replacement": "Whitfield"}],
    }


def test_eml_greeting_points_at_the_greeting(report):
    file = report["wrong-greeting.eml"]
    finding = next(f for f in file["findings"] if f["rule_id"] == "personalization.wrong-recipient")
    text = (SCENARIOS / "wrong-greeting.eml").read_text()
    assert text[finding["start"] : finding["end"]] == "Priya"
    assert "Dana Whitfield" in finding["message"]


def test_panel_notes_are_only_compared_within_one_interview(tmp_path):
    for name in ("panel-dana.md", "panel-omar.md"):
        text = (SCENARIOS / name).read_text()
        if name == "panel-omar.md":
            text = text.replace("interviewed_at: 2026-11-24", "interviewed_at: 2026-10-01")
        (tmp_path / name).write_text(text)
    report = json.loads(run_cli("check", "--format", "json", str(tmp_path)).stdout)
    assert not [
        f for file in report["files"] for f in file["findings"] if f["rule_id"] == "personalization.duplicate-note"
    ]


def test_metadata_terms_are_never_misspellings(lint):
    text = "Hi Dana,\n\nThank you for showing me the definately dashboards and the managment pipeline.\n\nBest,\nSam\n"
    meta = {"company": "Definately", "topics": ["managment pipeline"]}
    assert not [f for f in lint(text, meta).findings if f.rule_id == "proofreading.spelling"]
    assert len([f for f in lint(text).findings if f.rule_id == "proofreading.spelling"]) == 2


def test_kind_is_inferred_and_reported(lint):
    follow = lint(
        "Hi Dana,\n\nI hope you are well. I am following up on my interview last week for the analyst role. "
        "Is there any update on the timeline?\n\nBest,\nSam\n"
    )
    assert (follow.kind, follow.kind_source) == ("follow-up", "inferred")
    thanks = lint("Hi Dana,\n\nThank you for meeting with me yesterday about the analyst role.\n\nBest,\nSam\n")
    assert (thanks.kind, thanks.kind_source) == ("thank-you", "inferred")


@pytest.mark.parametrize("label", ["Subject:", "SUBJECT:", "subject :"])
def test_subject_pasted_above_a_plain_text_note_counts(lint, label):
    text = (
        f"---\nrole: Maintenance Planning Engineer\n---\n{label} MAINTENANCE PLANNING ENGINEER - THANK YOU\n\n"
        "Hi David,\n\nThank you for the tour of the workshop on Tuesday.\n\nKind regards,\nLiam\n"
    )
    result = lint(text, path="note.txt")
    ids = {f.rule_id for f in result.findings}
    assert "personalization.role-not-mentioned" not in ids  # the subject names the role
    shouting = next(f for f in result.findings if f.rule_id == "tone.shouting-subject")
    assert (shouting.line, shouting.column) == (4, len(label) + 2)


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        (
            "Thank you for the interview on Monday, 9th September. May I know if a decision has been reached?",
            "follow-up",
        ),
        ("Thanks for leaving me hanging for three weeks after the final round.", "follow-up"),
        ("Thank you for meeting with me this morning. I enjoyed hearing about the March 4 launch.", "thank-you"),
        (
            "Thank you for the interview. In my last role I migrated our billing system to Stripe over six weeks.",
            "thank-you",
        ),
        (
            "Thank you for the interview on 8 June. I am still very interested. Thank you again for your time.",
            "thank-you",
        ),
    ],
)
def test_kind_inference_weighs_the_signals(body, kind):
    from thanklint.note_kind import infer_kind

    assert infer_kind(body) == kind


@pytest.mark.parametrize(
    ("sentence", "company", "rule", "name"),
    [
        (
            "I would love to join Bank of Amerca's lending team.",
            "Bank of America",
            "misspelt-company",
            "Bank of Amerca",
        ),
        ("I am excited to join Procter & Gamble this spring.", "Unilever", "wrong-company", "Procter & Gamble"),
        ("I would be thrilled to join Marks and Spencer as a buyer.", "Tesco", "wrong-company", "Marks and Spencer"),
    ],
)
def test_a_name_in_several_words_is_one_finding(lint, sentence, company, rule, name):
    result = lint(f"Hi Dana,\n\nThanks for your time. {sentence}\n\nSam", {"company": company})
    found = [f for f in result.findings if "company" in f.rule_id]
    assert [f.rule_id for f in found] == [f"personalization.{rule}"]
    assert name in found[0].message


def test_a_sentence_without_a_verb_is_read_to_its_root(lint):
    """Climbing from a name to its verb stops at the root even when no verb is on the way
    ("My thanks to all the staff at ..." once looped for ever)."""
    result = lint(
        "Hi Dana,\n\nThank you for the interview. My thanks to all the staff at Castlegate Academy.\n\nSam",
        {"company": "Wrenfield Trust"},
    )
    assert [f.rule_id for f in result.findings if "company" in f.rule_id] == ["personalization.wrong-company"]
