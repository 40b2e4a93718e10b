"""Finding greeting, body, sign-off and signature, and preparing the text spaCy sees."""

from __future__ import annotations

import pytest

from thanklint.layout import blank_out, find_layout, parse_text


def parts(text):
    layout = find_layout(text)
    return {name: text[getattr(layout, name).start:getattr(layout, name).end]
            for name in ("greeting", "body", "sign_off", "signature")}


def test_classic_layout():
    got = parts("Dear Ms. Grant,\n\nThank you.\n\nI enjoyed it.\n\nKind regards,\nTom Okafor\n555-0100\n")
    assert got == {"greeting": "Dear Ms. Grant,", "body": "Thank you.\n\nI enjoyed it.",
                   "sign_off": "Kind regards,", "signature": "Tom Okafor\n555-0100"}


def test_greeting_on_the_same_line_as_the_body():
    got = parts("Hi Dana, thank you for today.\n\nBest,\nSam")
    assert got["greeting"] == "Hi Dana," and got["body"].strip() == "thank you for today."


def test_bare_name_greeting_and_bare_signature():
    got = parts("Dana,\n\nThank you for today.\n\nSam Rivera\n")
    assert got["greeting"] == "Dana," and got["sign_off"] == "" and got["signature"] == "Sam Rivera"


def test_no_greeting_and_no_sign_off():
    got = parts("Thank you for your time today. I enjoyed it.\n")
    assert got["greeting"] == "" and got["sign_off"] == "" and got["body"].startswith("Thank you")


def test_sign_off_that_thanks_is_not_body():
    got = parts("Hi Ana,\n\nI enjoyed it.\n\nThank you,\nSam")
    assert got["sign_off"] == "Thank you," and "Thank" not in got["body"]


@pytest.mark.parametrize("sign_off", ["With warm regards,", "Is mise le meas,", "Ngā mihi,", "Thanking you,", "Saludos,"])
def test_regional_and_longer_sign_offs_with_a_title_block(sign_off):
    text = (f"Dear Professor Eze,\n\nThank you for the visit.\n\n{sign_off}\n\nAna Sofía Restrepo, Ph.D.\n"
            "Assistant Professor, Department of Chemical and Biomolecular Engineering\n")
    got = parts(text)
    assert got["body"] == "Thank you for the visit." and got["sign_off"] == sign_off
    assert got["signature"].startswith("Ana Sofía Restrepo")


def test_device_line_is_not_body():
    got = parts("Hi Ana,\n\nI enjoyed it.\n\nSent from my iPhone")
    assert got["body"] == "I enjoyed it." and got["signature"] == "Sent from my iPhone"


def test_comments_and_quotes_are_blanked_keeping_length():
    text = "Hi <!-- thanklint: disable=tone -->Ana\n> quoted reply\nok\n"
    blanked = blank_out(text)
    assert len(blanked) == len(text)
    assert "thanklint" not in blanked and "quoted" not in blanked and blanked.count("\n") == 3


def test_hard_wraps_join_inside_paragraphs_but_not_lists():
    text = "Hi Ana,\n\nThank you for the\nchat today.\n- one\n- two\n\nBest,\nSam"
    layout = find_layout(text)
    joined = parse_text(text, layout)
    assert "the chat today." in joined
    assert "today.\n- one\n- two" in joined
    assert len(joined) == len(text)


def test_a_hard_wrapped_list_at_the_end_is_body_not_a_sign_off():
    text = ("Hi Chef,\n\nThank you for the trial shift. Three things stayed with me:\nthe allergen matrix,\n"
            "how the brigade plans prep for Sunday lunch,\nand your question about training a new commis chef.\n"
            "I remain very interested and would love to join you.\n\nSam Rivera\n")
    got = parts(text)
    assert got["body"].endswith("would love to join you.") and got["signature"] == "Sam Rivera"


def test_respected_greeting_and_a_two_line_sign_off():
    got = parts("Respected Dr. Iyer,\n\nGreetings of the day. Thank you for the interview.\n\nThanking you,\nYours sincerely,\nKavya Reddy\n")
    assert got["greeting"] == "Respected Dr. Iyer,"
    assert got["body"] == "Greetings of the day. Thank you for the interview."
    assert got["sign_off"] == "Thanking you,\nYours sincerely," and got["signature"] == "Kavya Reddy"


def test_a_last_thank_you_line_of_the_body_stays_body():
    got = parts("Dear Ms Patel,\n\nWhat does the first month look like?\nThank you!\nBest regards,\nSam\n")
    assert got["sign_off"] == "Best regards," and got["body"].endswith("Thank you!")
