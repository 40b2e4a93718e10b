"""Inline suppressions: disable/enable ranges, next-line, categories, and unused reports."""

from __future__ import annotations

from conftest import rule_ids

BASE = "Hi Ana,\n\n{0}Thank you for your time today :) and the tour :)\n{1}I liked it :)\n\nBest,\nSam\n"


def emoji_lines(result):
    return [f.line for f in result.findings if f.rule_id == "tone.emoji"]


def test_disable_until_enable(lint):
    text = BASE.format(
        "<!-- thanklint: disable=tone.emoji -- brand smileys -->\n", "<!-- thanklint: enable=tone.emoji -->\n"
    )
    result = lint(text)
    assert emoji_lines(result) == [6]
    assert "structure.unused-suppression" not in rule_ids(result)


def test_disable_to_end_of_file_by_category(lint):
    result = lint(BASE.format("<!-- thanklint: disable=tone -->\n", ""))
    assert not [f for f in result.findings if f.category == "tone"]


def test_disable_next_line(lint):
    result = lint(BASE.format("", "<!-- thanklint: disable-next-line=tone.emoji -->\n"))
    assert emoji_lines(result) == [3, 3]


def test_unused_and_unknown_suppressions_are_reported(lint):
    text = BASE.format("<!-- thanklint: disable-next-line=tone.text-speak,tone.emojii -->\n", "")
    result = lint(text)
    unused = [f for f in result.findings if f.rule_id == "structure.unused-suppression"]
    assert len(unused) == 2 and unused[0].line == 3
    assert any("'tone.emojii' in this suppression is not a known rule" in f.message for f in unused)
    assert emoji_lines(result)


def test_comment_text_is_never_checked(lint):
    result = lint("Hi Ana,\n\n<!-- hey thx lol :) -->\nThank you for your time today.\n\nBest,\nSam\n")
    assert not {"tone.text-speak", "tone.emoji"} & rule_ids(result)


def test_a_comment_without_reason_does_not_swallow_later_text(lint):
    text = (
        "Dear Dana,\n\nThank you for meeting me today.\n<!-- thanklint: disable-next-line=proofreading.lowercase-i -->\n"
        "i was glad to meet you.\n\n<!-- a note to self -->\nBest,\nSam\n"
    )
    ids = rule_ids(lint(text))
    assert "proofreading.lowercase-i" not in ids and "structure.unused-suppression" not in ids


def test_enable_ends_only_the_named_rule(lint):
    text = (
        "Hi Ana,\n\n<!-- thanklint: disable=tone.emoji,proofreading.lowercase-i -->\nThank you :) i liked it.\n"
        "<!-- thanklint: enable=tone.emoji -->\nThe tour :) was fun, i think.\n\nBest,\nSam\n"
    )
    result = lint(text)
    assert emoji_lines(result) == [6]
    assert not [f for f in result.findings if f.rule_id == "proofreading.lowercase-i"]


def test_suppression_of_a_rule_that_did_not_run_is_not_called_unused(lint):
    text = (
        "Hi Ana,\n\n<!-- thanklint: disable=timing.late-thank-you,proofreading -->\n"
        "Thank you for your time today; I enjoyed hearing about the data platform.\n\nBest,\nSam\n"
    )
    # no interview time: the timing rule never ran, so its suppression may still be needed
    unused = [f for f in lint(text).findings if f.rule_id == "structure.unused-suppression"]
    assert [f.message for f in unused] == ["This suppression of 'proofreading' suppresses nothing; remove it."]


def test_a_reason_may_run_over_several_lines(lint):
    text = BASE.format("<!-- thanklint: disable=tone.emoji -- the company really\n     uses these smileys -->\n", "")
    assert emoji_lines(lint(text)) == []


def test_suppressing_a_comparison_with_nothing_to_compare_is_not_unused(lint):
    text = "Hi Ana,\n\n<!-- thanklint: disable=personalization.duplicate-note -->\nThank you for your time today.\n\nBest,\nSam\n"
    assert "structure.unused-suppression" not in rule_ids(
        lint(text, {"company": "Northwind", "interviewed_at": "2026-11-02"})
    )
