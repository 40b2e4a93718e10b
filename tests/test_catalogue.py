"""Behaviour of the catalogue as a whole: what is never flagged, follow-up norms, and the
README's example draft."""

from __future__ import annotations

import re

from conftest import ROOT, rule_ids

CLEAN_NOTE = (
    "Dear Ms. Okafor,\n\n"
    "Thank you for meeting with me yesterday about the Data Engineer role at Zentrafy. Your point "
    "that the nightly Airflow jobs finish after the 8 a.m. stand-up stayed with me: at Fabrikam I "
    "moved our loads to hourly dbt models and cut dashboard lag from twelve hours to ninety minutes.\n\n"
    "I remain very interested in joining the team. I'd love to know how you decide which pipelines "
    "get rebuilt first.\n\n"
    "Best regards,\nPriya Raman\npriya.raman@example.com | https://example.com/priya | +44 20 7946 0958\n"
)


def test_a_well_written_note_draws_no_errors_or_warnings(lint):
    result = lint(CLEAN_NOTE)
    assert [f.rule_id for f in result.findings if f.severity >= 1] == []
    assert all(item.status in ("present", "unchecked") for item in result.checklist)


def test_the_bundled_good_drafts_draw_no_errors_or_warnings():
    from thanklint import lint_paths

    good = sorted((ROOT / "fixtures" / "drafts").glob("good-*"))
    assert len(good) >= 3
    report = lint_paths([str(p) for p in good])
    assert [(r.path, f.rule_id) for r in report.files for f in r.findings if f.severity >= 1] == []


def test_spelling_skips_names_urls_emails_and_acronyms(lint):
    text = (
        "Hi Dana,\n\nThank you. Ngozi Adeyemi from KPMG and the HSBC Quorvex team asked about "
        "SQL on https://quorvex.example/app and mail@quorvex.example.\n\nBest,\nSam\n"
    )
    assert "proofreading.spelling" not in rule_ids(lint(text))


def test_follow_ups_are_held_to_follow_up_norms(lint):
    follow_up = (
        "Hi Dana,\n\nI hope you are well. Thank you again for meeting me on 2 November about the analyst role. "
        "I am following up to ask whether a decision has been made, and whether the salary range has changed. "
        "At Fabrikam I built the churn dashboard you mentioned, and I remain very interested in the role.\n\n"
        "Best regards,\nSam\n"
    )
    meta = {"interviewed_at": "2026-11-02", "sent_at": "2026-11-04", "role": "Data Analyst", "topics": ["pricing"]}
    result = lint(follow_up, meta)
    assert result.kind == "follow-up"
    ids = rule_ids(result)
    assert "timing.early-follow-up" in ids and "timing.late-thank-you" not in ids
    assert "tone.salary-talk" not in ids
    assert not {"personalization.role-not-mentioned", "personalization.topics-not-mentioned"} & ids
    thank_you = lint(
        follow_up.replace(
            "I am following up to ask whether a decision has been made, and whether",
            "I enjoyed it yesterday and wondered whether",
        ),
        {**meta, "kind": "thank-you"},
    )
    assert "tone.salary-talk" in rule_ids(thank_you)


def test_the_readme_example_draft_is_clean(lint):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    draft = re.search(r"```markdown\n(---\n.*?)```", readme, re.S).group(1)
    draft = re.sub(r"[ \t]+#.*$", "", draft, flags=re.M)  # the README annotates each key
    result = lint(draft, path="example.md")
    assert result.error is None
    assert [f.rule_id for f in result.findings if f.severity >= 1] == []
