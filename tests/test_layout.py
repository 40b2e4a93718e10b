"""Finding greeting, body, sign-off and signature, and preparing the text spaCy sees."""

from __future__ import annotations

import pytest

from thanklint.layout import blank_out, find_layout, parse_text


def parts(text):
    layout = find_layout(text)
    return {
        name: text[getattr(layout, name).start : getattr(layout, name).end]
        for name in ("greeting", "body", "sign_off", "signature")
    }


def test_classic_layout():
    got = parts("Dear Ms. Grant,\n\nThank you.\n\nI enjoyed it.\n\nKind regards,\nTom Okafor\n555-0100\n")
    assert got == {
        "greeting": "Dear Ms. Grant,",
        "body": "Thank you.\n\nI enjoyed it.",
        "sign_off": "Kind regards,",
        "signature": "Tom Okafor\n555-0100",
    }


def test_greeting_on_the_same_line_as_the_body():
    got = parts("Hi Dana, thank you for today.\n\nBest,\nSam")
    assert got["greeting"] == "Hi Dana," and got["body"].strip() == "thank you for today."


def test_a_title_and_name_typed_without_the_comma_are_the_greeting():
    got = parts("Mr Kowal thanks for your time at the yard today. Ready to start whenever.\n")
    assert got["greeting"] == "Mr Kowal" and got["body"].strip().startswith("thanks for your time")
    assert parts("Dr Patel suggested I write to you about the post.\n")["greeting"] == ""
    assert parts("Dr Patel just told me you are hiring porters.\n")["greeting"] == ""


def test_an_attention_line_inside_the_address_block_is_not_the_greeting():
    letter = "Sam Reyes\n4 Mill Lane\n\n12/05\n\nThe Quay Hotel\nAttn: Head of Housekeeping\nHarbour Road\n\nDear Ms. Penn,\n\nThank you for Monday.\n\nYours sincerely,\nSam Reyes\n"
    assert parts(letter)["greeting"] == "Dear Ms. Penn," and parts(letter)["body"] == "Thank you for Monday."
    assert parts("Attn: Hiring Manager\n\nThank you for Monday.\n\nSam\n")["greeting"] == "Attn: Hiring Manager"


def test_a_title_and_name_alone_above_a_blank_line_are_the_greeting():
    got = parts("Ms Okafor\n\nI am writing again about the depot post.\n\nJ. Reyes\n")
    assert got["greeting"] == "Ms Okafor" and got["body"] == "I am writing again about the depot post."
    # the first line of an address block, another line right under it, is no greeting
    letter = parts(
        "Mr. Tom Okafor\nStores Manager\nCarrow Depot\n\nDear Mr. Okafor,\n\nI enjoyed Monday.\n\nBest,\nSam\n"
    )
    assert letter["greeting"] == "Dear Mr. Okafor,"
    # right above a line of prose, with no blank line between, it is the greeting still
    hurried = parts("Mrs. Delgado\nplease is there any news about the stock job, I can start any day.\n")
    assert hurried["greeting"] == "Mrs. Delgado" and hurried["body"].startswith("please is there")


def test_a_greeting_word_run_into_a_sentence_is_the_greeting_alone():
    got = parts("hey sorry to bother u again, did u get my refs from tues?\n")
    assert got["greeting"] == "hey" and got["body"].strip().startswith("sorry to bother u again")
    assert parts("Hi again Sam, thanks for today.\n")["greeting"] == "Hi again Sam,"


def test_thanks_in_text_speak_after_the_name_opens_the_body():
    # a short first line with no comma: "thx" and "ty for" open the text as "thanks" does
    got = parts("hey Omar thx for today man\nproper enjoyed the trial cut\n")
    assert got["greeting"] == "hey Omar" and got["body"].strip().startswith("thx for today")
    assert parts("hi Omar ty for today\nloved the shop\n")["greeting"] == "hi Omar"


def test_a_line_that_opens_with_thanks_has_no_greeting_before_its_comma():
    got = parts("hiya thx 4 the chat 2day, loved meeting the team xx\n")
    assert got["greeting"] != "hiya thx 4 the chat 2day," and "thx 4 the chat" in got["body"]
    assert parts("Hi Ty, loved the tour today.\n\nBest,\nSam\n")["greeting"] == "Hi Ty,"  # a name, not "ty"
    # British thanks: "cheers for ..." opens the text as "thanks for ..." does
    cheers = parts("Hi Baz cheers for today mate, good to see the new depot.\n\nDan\n")
    assert cheers["greeting"] == "Hi Baz" and cheers["body"].strip().startswith("cheers for today")


def test_bare_name_greeting_and_bare_signature():
    got = parts("Dana,\n\nThank you for today.\n\nSam Rivera\n")
    assert got["greeting"] == "Dana," and got["sign_off"] == "" and got["signature"] == "Sam Rivera"


def test_a_dash_inside_the_last_line_is_no_signature():
    assert parts("We met at the depot on 5 - Grace Street.\n")["signature"] == ""
    assert parts("Thank you. I can work any shift Mon. - Fri.\n")["signature"] == ""
    assert parts("Looking forward to hearing from you! - Cheers\n")["signature"] == ""


def test_no_greeting_and_no_sign_off():
    got = parts("Thank you for your time today. I enjoyed it.\n")
    assert got["greeting"] == "" and got["sign_off"] == "" and got["body"].startswith("Thank you")


def test_sign_off_that_thanks_is_not_body():
    got = parts("Hi Ana,\n\nI enjoyed it.\n\nThank you,\nSam")
    assert got["sign_off"] == "Thank you," and "Thank" not in got["body"]


@pytest.mark.parametrize(
    "sign_off", ["With warm regards,", "Is mise le meas,", "Ngā mihi,", "Thanking you,", "Saludos,"]
)
def test_regional_and_longer_sign_offs_with_a_title_block(sign_off):
    text = (
        f"Dear Professor Eze,\n\nThank you for the visit.\n\n{sign_off}\n\nAna Sofía Restrepo, Ph.D.\n"
        "Assistant Professor, Department of Chemical and Biomolecular Engineering\n"
    )
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
    text = (
        "Hi Chef,\n\nThank you for the trial shift. Three things stayed with me:\nthe allergen matrix,\n"
        "how the brigade plans prep for Sunday lunch,\nand your question about training a new commis chef.\n"
        "I remain very interested and would love to join you.\n\nSam Rivera\n"
    )
    got = parts(text)
    assert got["body"].endswith("would love to join you.") and got["signature"] == "Sam Rivera"


def test_respected_greeting_and_a_two_line_sign_off():
    got = parts(
        "Respected Dr. Iyer,\n\nGreetings of the day. Thank you for the interview.\n\nThanking you,\nYours sincerely,\nKavya Reddy\n"
    )
    assert got["greeting"] == "Respected Dr. Iyer,"
    assert got["body"] == "Greetings of the day. Thank you for the interview."
    assert got["sign_off"] == "Thanking you,\nYours sincerely," and got["signature"] == "Kavya Reddy"


def test_a_last_thank_you_line_of_the_body_stays_body():
    got = parts("Dear Ms Patel,\n\nWhat does the first month look like?\nThank you!\nBest regards,\nSam\n")
    assert got["sign_off"] == "Best regards," and got["body"].endswith("Thank you!")


@pytest.mark.parametrize(
    ("text", "greeting"),
    [
        (
            "Priya Raman\n14 Larch St.\nLeeds LS6 2QT\npriya.raman@example.com\n+44 7700 900123\n\n3 March 2026\n\n"
            "Mr. Colin Abbott\nHead of Facilities\nNorthgate Estates Ltd.\n22 Wharf Rd.\nLeeds LS1 4AP\n\n"
            "RE: Maintenance Planner interview\n\nDear Mr. Abbott,\n\nThank you for the interview.\n\n"
            "Yours sincerely,\nPriya Raman\n",
            "Dear Mr. Abbott,",
        ),
        # names with letters after them ("P.E.", "R.N.") are lines of the head too
        (
            "Dana M. Reid, P.E.\n12 Mill Road\nAshford, PA 17000\n\nMay 2, 2025\n\nMr. Tom Hale, R.N.\n"
            "Ward Manager\n\nDear Mr. Hale:\n\nThank you for the interview.\n\nSincerely,\nDana M. Reid, P.E.\n",
            "Dear Mr. Hale:",
        ),
        # a firm whose legal form ends in dotted letters ("Sp. z o.o.", "B.V.") is a line of the head
        (
            "Ola Nowak\nul. Polna 4/2\n00-950 Brzeg\n\nBrzeg, 3 May 2025\n\nMs. Ewa Lis\nKlonowe Okna Sp. z o.o.\n"
            "ul. Szklana 9\n\nDear Ms. Lis,\n\nThank you for the interview.\n\nYours sincerely,\nOla Nowak\n",
            "Dear Ms. Lis,",
        ),
    ],
)
def test_letter_head_with_address_and_date_blocks(text, greeting):
    got = parts(text)
    assert got["greeting"] == greeting and got["body"] == "Thank you for the interview."


def test_page_scaffolding_above_the_note():
    got = parts(
        "Subject line: Thank you - barista trial\nEmail text:\nHi Jo,\n\nThanks for the trial shift.\n\nBest,\nKim"
    )
    assert got["greeting"] == "Hi Jo," and got["body"] == "Thanks for the trial shift."


def test_a_subject_line_that_runs_on_into_the_note_is_cut_at_the_greeting():
    got = parts(
        "Subject: Thank you - Junior Analyst interview Dear Mr. Fischer, thank you for Wednesday and for the "
        "SQL question. Best regards Jana Novak"
    )
    assert got["greeting"] == "Dear Mr. Fischer,"
    assert got["body"].strip().startswith("thank you for Wednesday")


def test_a_subject_line_without_a_greeting_in_it_stays_whole():
    got = parts("Subject: Hi there, a quick thank-you\n\nDear Ana,\n\nThank you for today.\n\nBest,\nSam")
    assert got["greeting"] == "Dear Ana," and got["body"] == "Thank you for today."


def test_the_writers_list_of_points_above_the_note_is_not_the_note():
    got = parts(
        "points to get in:\n- thank them both\n- the warehouse question\n- ask about hybrid working\n\n"
        "Dear Ms Lockwood,\n\nThank you for Monday.\n\nYours sincerely,\nAmira"
    )
    assert got["greeting"] == "Dear Ms Lockwood," and got["body"] == "Thank you for Monday."


@pytest.mark.parametrize(
    "text",
    [
        "# Follow-up e-mail: a sample\n\n*Copy this into your own mail and change every detail in brackets "
        "before you send it.*\n\nDear [Name],\n\nThank you for the interview.\n\nRegards,\n[Your Name]",
        "# Texting a site manager\n\nMost warehouses never give you an e-mail address, so a short text is "
        "fine.\n\n## Template\n\nHi [Name], thank you for the interview.\n\nThanks, [Your Name]",
    ],
)
def test_a_pages_own_words_under_its_title_are_above_the_note(text):
    got = parts(text)
    assert got["greeting"] in ("Dear [Name],", "Hi [Name],")
    assert got["body"].strip() == "thank you for the interview." or got["body"] == "Thank you for the interview."


@pytest.mark.parametrize(
    ("text", "greeting"),
    [
        # a poster's few words, a blank line, then the note with its greeting run into the text
        ("Thoughts? Kept it short.\n\nDear Omar, thank you for the interview.\n\nBest,\nKim", "Dear Omar,"),
        # a newsletter's introduction of two lines
        (
            "From a recruiter's newsletter:\nA candidate sent this a week after her final round. She got the job.\n\n"
            "Dear Mr. Fenn,\n\nThank you for the interview.\n\nBest,\nKim",
            "Dear Mr. Fenn,",
        ),
        # a poster's question, then a letter with its address and date blocks
        (
            "My dad says a posted letter stands out. Any last changes?\n\n3 Elm Row\nCork\n\n4 May 2026\n\n"
            "Ms. Ann Roe\nRoe & Co\n1 Quay St.\nCork\n\nDear Ms. Roe,\n\nThank you for the interview.\n\nYours sincerely,\nKim",
            "Dear Ms. Roe,",
        ),
        # a poster who greets the forum, then the note's own run-in greeting
        (
            "hi all, first interview since uni. does this sound ok??\n\nDear Sister Ode thank you for the interview.",
            "Dear Sister Ode",
        ),
    ],
)
def test_a_posters_or_pages_words_above_the_greeting_are_not_the_note(text, greeting):
    assert parts(text)["greeting"].startswith(greeting)


@pytest.mark.parametrize(
    ("text", "body_start"),
    [
        # the note opens with its greeting: a later "Hi again" is body
        ("Hi Jo,\n\nThanks for the trial shift.\n\nHi again, one more thing: I can start Monday.\n\nKim", "Thanks for"),
        # a greetingless note whose last line greets someone else
        ("Thanks again for the trial shift, see you Monday.\n\nHi to Sam from me,\nKim", "Thanks again"),
        # the note's own thanks or apology above a greeting
        (
            "Thank you so much for today.\n\nDear Ms. Ibarra,\n\nI enjoyed hearing about the roadmap.\n\nBest,\nKim",
            "Thank you so",
        ),
        ("Sorry for the late note!\n\nHi Tom,\n\nThank you for the interview on the 3rd.\n\nBest,\nKim", "Sorry for"),
        ("Thanks for today!\n\nHi again, one more thing: I led our CRM migration.\n\nKim", "Thanks for today"),
    ],
)
def test_the_note_keeps_what_opens_it(text, body_start):
    assert parts(text)["body"].startswith(body_start)


def test_name_then_text_on_the_first_line():
    got = parts("Hiring Committee, Thank you for meeting me today. I enjoyed it.\n")
    assert got["greeting"] == "Hiring Committee," and got["body"].strip().startswith("Thank you")


def test_an_opener_with_a_comma_is_not_a_greeting():
    got = parts("Yesterday, I met the team. Thank you for that.\n")
    assert got["greeting"] == "" and got["body"].startswith("Yesterday")


@pytest.mark.parametrize(
    ("text", "sign_off", "signature"),
    [
        ("Hi Ana,\n\nThanks for today. I hope to hear soon. Best, Sam\n", "Best,", "Sam"),
        (
            "thanks for the interview today, looking forward to hearing back. Regards, Tom Mbeki",
            "Regards,",
            "Tom Mbeki",
        ),
        ("Hi Ana,\n\nThanks for today.\n\nBest, Sam\n", "Best,", "Sam"),
        ("Hi Ana,\n\nThanks for today.\n\ncheerio,\nMike\n", "cheerio,", "Mike"),
        ("Thanks for today. I learnt a lot.\n\n– Paulo\n", "", "– Paulo"),
        ("Thank you for the trial shift today. I learnt a lot. - Ines Brandt\n", "", "- Ines Brandt"),
    ],
)
def test_closing_that_shares_a_line(text, sign_off, signature):
    got = parts(text)
    assert (got["sign_off"], got["signature"]) == (sign_off, signature)
    assert got["body"].rstrip().endswith(("soon.", "back.", "today.", "lot."))


@pytest.mark.parametrize(
    ("text", "greeting", "body_start"),
    [
        (
            "hi omar thanks a lot for the chat today about the forklift job, it went well i think\n",
            "hi omar",
            "thanks a lot",
        ),
        (
            "Dear Ms. Ibekwe thank you for the interview on monday for the cashier post at the depot\n",
            "Dear Ms. Ibekwe",
            "thank you",
        ),
        (
            "Hey Lou!! Thanks heaps for the trial shift yesterday, the kitchen was mad busy but fun\n",
            "Hey Lou!!",
            "Thanks heaps",
        ),
        ("hey!! thx 4 the chat 2day, u were great\n", "hey!!", "thx 4"),
        (
            "Heyy Lou and Marcus!! thanks sooo much for today, loved the practical\n",
            "Heyy Lou and Marcus!!",
            "thanks sooo",
        ),
        ("Hiii Dana, thanks for the trial today, the till was easy\n", "Hiii Dana,", "thanks for"),
        ("Hey Lou and I went to the depot, thanks for that\n", "Hey Lou", "and I went"),
        ("Hi Dana! Thanks for today, it was great.\n", "Hi Dana!", "Thanks for today"),
        (
            "05/11/2025\n\nTo the selection panel,\n\nThank you for the interview.\n\nYours faithfully,\nAnn",
            "To the selection panel,",
            "Thank you",
        ),
        (
            "Dear Sir,\n\nRE: INTERVIEW FOR STORES CLERK\n\nI write to thank you for the interview.\n\nYours faithfully,\nObi",
            "Dear Sir,",
            "I write",
        ),
    ],
)
def test_greeting_without_a_line_of_its_own(text, greeting, body_start):
    got = parts(text)
    assert got["greeting"] == greeting and got["body"].strip().startswith(body_start)


def test_letter_head_with_from_to_blocks_and_a_town_line():
    text = (
        "From:\nAnil Kumar\n4, 2nd Main Road\nHosur - 635 109\n\nDate: 02.09.2025\n\nTo:\nThe Plant Manager,\n"
        "Velan Castings Pvt. Ltd.,\nHosur.\n\nSubject: Thanks for the interview\n\nRespected Sir,\n\n"
        "I thank you for the interview on 1.09.2025.\n\nThanking you,\nYours faithfully,\nAnil Kumar"
    )
    got = parts(text)
    assert got["greeting"] == "Respected Sir," and got["body"] == "I thank you for the interview on 1.09.2025."
    assert got["sign_off"] == "Thanking you,\nYours faithfully,"


def test_a_comma_inside_a_slot_does_not_end_the_greeting():
    got = parts("Dear Mr./Ms. (last name, if known),\n\nThank you for meeting me.\n\nSincerely,\nAl")
    assert got["greeting"] == "Dear Mr./Ms. (last name, if known)," and got["body"] == "Thank you for meeting me."


def test_a_long_greeting_line_ending_in_a_comma_is_all_greeting():
    text = (
        "Dear Mr./Ms. (Interviewer's last name – if known, otherwise use title),\n\nThank you for today.\n\nBest,\nAl"
    )
    got = parts(text)
    assert got["greeting"].startswith("Dear Mr./Ms.") and got["body"] == "Thank you for today."


def test_a_mail_programs_separator_and_headers_above_the_note():
    text = (
        "-----Original Message-----\nFrom: Ines Moura <ines@example.org>\nSent: Monday, 9 March 2026 17:02\n"
        "To: Lars Berg <lars@example.org>\nSubject: Thank you\n\nLars,\n\nThanks for the site visit today.\n\n"
        "Best,\nInes\n"
    )
    got = parts(text)
    assert got["greeting"] == "Lars," and got["body"] == "Thanks for the site visit today."


def test_a_name_and_a_dash_open_the_line():
    got = parts("Marta - thanks for the call this morning. I can start in May.\n\nJon\n")
    assert got["greeting"] == "Marta -" and got["body"].strip().startswith("thanks for the call")
    assert parts("Monday - I have the forms ready.\n")["greeting"] == ""  # an opener, not a name


def test_a_greeting_line_that_lists_the_panel_is_all_greeting():
    got = parts("Dear Ms Ueda, Mr Fry and Dr Okafor,\n\nThank you for Tuesday.\n\nKind regards,\nIvy\n")
    assert got["greeting"] == "Dear Ms Ueda, Mr Fry and Dr Okafor," and got["body"] == "Thank you for Tuesday."
    got = parts("Dear Ms Ueda, thank you for Tuesday and the tour.\n")
    assert got["greeting"] == "Dear Ms Ueda," and got["body"].strip().startswith("thank you")


@pytest.mark.parametrize(
    ("text", "greeting"),
    [
        ("Kia ora Tama and Hine,\n\nThank you for the hui on Friday.\n\nNga mihi,\nRua\n", "Kia ora Tama and Hine,"),
        ("Namaste Mr. Rao,\n\nThank you for Tuesday.\n\nRegards,\nAsha\n", "Namaste Mr. Rao,"),
        ("Hola Lucia, thanks for the call today.\n", "Hola Lucia,"),
    ],
)
def test_a_greeting_in_another_language(text, greeting):
    assert parts(text)["greeting"] == greeting


def test_a_chat_programs_time_stamps_are_blanked():
    text = (
        "[09:14, 12/05/2026] Ana Lima: Good morning Mr. Reyes! Thank you for the interview today.\n"
        "12/05/2026, 09:15 - Ana Lima: I have 4 years in retail.\n"
    )
    blanked = blank_out(text)
    assert len(blanked) == len(text) and "Ana Lima" not in blanked and "09:1" not in blanked
    got = parts(blanked)
    assert got["greeting"] == "Good morning Mr. Reyes!" and "4 years in retail" in got["body"]
    assert blank_out("[Company] is great.\n") == "[Company] is great.\n"  # a slot is no time stamp


@pytest.mark.parametrize(
    "header", ["Kofi Mensah, 08:41", "Dara Quinn 7:15 PM", "Amara · 22:03", "Ola, 12/05/2026 09:14"]
)
def test_a_chat_programs_sender_line_is_no_greeting(header):
    got = parts(blank_out(f"{header}\nthanks for showing me round the bakery today Tunde\n"))
    assert got["greeting"] == "" and got["body"].strip().startswith("thanks for showing")


@pytest.mark.parametrize(
    "preamble",
    [
        "Absolutely! Below is a polished thank-you message you could send to the hiring manager after the call:",
        "Of course - here is a warm, professional thank-you note tailored to a teaching assistant interview:",
        "Here's a short version:",
    ],
)
def test_a_line_introducing_the_note_is_not_the_note(preamble):
    got = parts(f"{preamble}\n\nSubject: Thank you\n\nDear Ms. Obi,\n\nThank you for Monday.\n\nBest,\nSam\n")
    assert got["greeting"] == "Dear Ms. Obi," and got["body"].strip() == "Thank you for Monday."


def test_a_posters_words_above_the_note_ending_in_a_colon_are_not_the_note():
    got = parts(
        "A candidate sent me this after the panel last spring, and it is still the one I show people "
        "(shared with her permission):\n\nDear Omar,\n\nThank you for this afternoon.\n\nBest regards,\nLeila\n"
    )
    assert got["greeting"] == "Dear Omar," and got["body"].strip() == "Thank you for this afternoon."


def test_a_forum_posters_question_above_a_note_without_a_greeting_is_not_the_note():
    """On a forum page the poster's question sits right above a note that opens with its thanks;
    without the page, a note's own "is this ok?" above its sign-off stays the note."""
    post = (
        "Posted by jimbo_88 » Tue Mar 05, 2024 7:40 pm\nfirst interview in years, is this ok to send??\n"
        "Thank you for your time yesterday and for showing me round the depot.\nSincerely\nJim Bright\n"
    )
    assert parts(post)["body"].startswith("Thank you for your time yesterday")
    own = "I can only do mornings for the next stage, is this ok?\nThanks for your time on Monday and for the tour.\n\nPriya\n"
    assert parts(own)["body"].startswith("I can only do mornings")


def test_lines_of_the_note_that_look_like_an_introduction_or_an_attribution_stay_body():
    colon = "Thank you for today.\nYou asked when I could start, so to answer properly:\nMorning shifts are fine.\n\nBest,\nSam\n"
    assert parts(colon)["body"].startswith("Thank you for today.") and not parts(colon)["greeting"]
    wrote = "Dear Ana,\n\nThanks for today.\n\nOn the whiteboard you wrote:\nBins out by six.\n\nBest,\nSam\n"
    assert parts(blank_out(wrote))["body"].endswith("Bins out by six.")


@pytest.mark.parametrize(
    ("text", "body_start"),
    [
        (
            "First interview in the UK and I want to send this. Is this ok?\n\nDear Mrs Clarke,\nThank you for today.\n",
            "Thank you",
        ),
        (
            "A grad sent me this last week. Verbatim:\n\nhey! thanks for the interview today, so good to meet u all\n",
            "thanks",
        ),
        # a Markdown post's bold title, blanked, asks about the note below it
        (
            blank_out(
                "**Does this sound ok? Phone interview at the bakery today**\n\nHi Mr. Lund,\nThank you for the call.\n"
            ),
            "Thank you",
        ),
        (blank_out("## Is this too short?\n\nDear Ms. Pike,\n\nThanks for today.\n"), "Thanks"),
        # a draft with no greeting that a poster asks about, an edit note under it
        (
            blank_out(
                "**Too keen??** Is this ok to send after my trial shift?\n\n> Thank you for the shift today! I loved it.\n"
                ">\n> Cheers, Mo\n\n*edit: typo*\n"
            ),
            "Thank you",
        ),
        # a blog's captioned example, its subject quoted above the greeting, its commentary below
        (
            blank_out(
                "### Example 2: the version that gets a reply\n\n> **Subject:** Thanks for Thursday\n>\n> Hello Tomas,\n>\n"
                "> Thank you for the hour on Thursday.\n>\n> Best regards,\n> Ana\n\nWhy it works: it is short.\n"
            ),
            "Thank you",
        ),
        # a card with no greeting, quoted under the line that names it
        (
            blank_out(
                "A trainee left this card on my desk after her panel:\n\n> Thank you for the interview. - Noor\n"
            ),
            "Thank you",
        ),
        # an adviser's reply that quotes the student's draft to comment on it, greeting and signing
        (
            blank_out(
                "Hi Ciara,\n\nThanks for sending this. I've copied your draft below with my comments underneath.\n\n"
                "> Dear Mr. Hale,\n>\n> Thank you for the interview.\n>\n> Kind regards,\n> Ciara\n\n"
                "My comments:\n1. Ask a question.\n\nRuth\n"
            ),
            "Thank you for the interview",
        ),
    ],
)
def test_a_posters_question_or_note_above_a_quoted_note_is_not_the_note(text, body_start):
    assert parts(text)["body"].lstrip().startswith(body_start)


def test_a_quoted_messages_attribution_does_not_make_the_reply_a_letter_head():
    text = (
        "Thanks again for today, good to see the yard.\n\nOn 8 Oct 2025, at 16:02, Dana Reid <dana@reid.example> "
        "wrote:\n\nHi Tom,\n\nThanks for coming in.\n\nDana\n"
    )
    assert parts(text)["body"].startswith("Thanks again for today")


@pytest.mark.parametrize(
    "separator",
    [
        "-----Original Message-----\nFrom: Sam Reid\nSent: 2 May 2025 18:02",
        "On Fri, 2 May 2025 at 18:02, Sam Reid <sam@example.org> wrote:",
        "From: Sam Reid <sam@example.org>\nSent: Friday, 2 May 2025 18:02",
    ],
)
def test_the_earlier_message_under_a_reply_is_not_the_note(separator):
    text = (
        "Hi Ana,\n\nJust checking in on the porter role.\n\nMany thanks,\nSam\n\n"
        f"{separator}\n\nDear Ana,\n\nThank you for this afternoon.\n\nKind regards,\nSam\n"
    )
    blanked = blank_out(text)
    assert len(blanked) == len(text) and "this afternoon" not in blanked
    assert parts(blanked)["body"] == "Just checking in on the porter role."


def test_a_line_of_the_body_ending_in_a_colon_stays_body():
    got = parts("Dear Ms. Obi,\n\nHere is the link to the portfolio I mentioned:\nexample.com/sam\n\nBest,\nSam\n")
    assert got["body"].strip().startswith("Here is the link")


@pytest.mark.parametrize(
    ("text", "greeting"),
    [
        ("Good day, Mrs. Collins. I write again about the stores post.\n", "Good day, Mrs. Collins."),
        ("Hi, Dana! Thanks for the chat.\n", "Hi, Dana!"),
        ("Hello, Thanks! I enjoyed the tour.\n", "Hello,"),
        ("Hi, Sorry. I was late to the call.\n", "Hi,"),
    ],
)
def test_a_name_after_the_greeting_word_and_its_comma_is_the_greetings(text, greeting):
    assert parts(blank_out(text))["greeting"] == greeting


def test_a_name_before_a_time_in_a_sentence_is_still_a_greeting():
    got = parts(blank_out("Dana, 9:30 on Monday suits me. Thanks again for the tour.\n"))
    assert got["greeting"] == "Dana,"


def test_a_common_word_after_a_greeting_word_is_not_a_name():
    got = parts("hey did you get my email from last week about the warehouse job yet\n")
    assert got["greeting"] == "hey" and got["body"].strip().startswith("did you")


@pytest.mark.parametrize(
    "sign_off", ["With thanks and best wishes,", "Warm wishes and many thanks,", "Kind regards & thanks,"]
)
def test_sign_offs_joined_by_and(sign_off):
    got = parts(f"Dear Ms. Obi,\n\nThank you for Friday.\n\n{sign_off}\nAda Eze\n")
    assert (got["sign_off"], got["signature"], got["body"]) == (sign_off, "Ada Eze", "Thank you for Friday.")


def test_a_note_quoted_whole_keeps_its_text():
    text = "> Hi Dana,\n>\n> Thank you for today.\n>\n> Best,\n> Noor\n"
    blanked = blank_out(text)
    assert len(blanked) == len(text) and ">" not in blanked
    got = parts(blanked)
    assert (got["greeting"], got["body"], got["signature"]) == ("Hi Dana,", "Thank you for today.", "Noor")
    reply = "Thanks, see you Monday.\n\n> On Friday you wrote:\n> Can you start Monday?\n"
    assert "Can you start" not in blank_out(reply)  # a quoted message under a reply is still blanked


@pytest.mark.parametrize(
    "text",
    [
        "Is this ok to send? Interview was this morning.\n\n> Hi Dana,\n>\n> Thank you for today.\n>\n> Best,\n> Noor\n",
        'A reader sent us this after her interview:\n\n"Hi Dana,\n\nThank you for today.\n\nBest,\nNoor"\n\nShort and warm.\n',
        "Is this ok to send?\n\nEmail:\n\n> Hi Dana,\n>\n> Thank you for today.\n>\n> Best,\n> Noor\n",
        "It has been two weeks and I haven't heard back. Is this ok to send?\n\n> Hi Dana,\n>\n> Thank you for today.\n>\n> Best,\n> Noor\n",
        # the poster greets the forum on a line that runs on
        "Hi all, english is not my first language so please check:\n\n> Hi Dana,\n>\n> Thank you for today.\n>\n"
        "> Best,\n> Noor\n\nToo long?\n",
        # a poster chasing a reply asks about the follow-up they quote
        "**Is this follow-up too pushy?? (2 weeks, no reply)**\n\nHad a final interview two weeks ago and heard nothing "
        "since. This is what I have so far, be honest:\n\n> Hi Dana,\n>\n> Thank you for today.\n>\n> Best,\n> Noor\n\n"
        "Should I cut the last part?\n",
        # the poster's own introduction quoted too, in a block of its own above the note
        "Shared in a shop owners' group:\n\n> Now and then a note stands out. This one came an hour after the "
        "interview.\n\n> Hi Dana,\n>\n> Thank you for today.\n>\n> Best,\n> Noor\n\nWe hired her.\n",
        # ... or in the same block, or the letter's date, set off by a quoted blank line
        "From our newsletter:\n\n> Now and then a note stands out.\n>\n> Hi Dana,\n>\n> Thank you for today.\n>\n"
        "> Best,\n> Noor\n",
        "Is this ok to send?\n\n> 3 March 2025\n>\n> Hi Dana,\n>\n> Thank you for today.\n>\n> Best,\n> Noor\n",
    ],
)
def test_a_note_a_poster_quotes_is_the_note_and_the_posters_words_are_not(text):
    blanked = blank_out(text)
    assert len(blanked) == len(text) and "ok to send" not in blanked and "reader sent" not in blanked
    got = parts(blanked)
    assert (got["greeting"], got["body"], got["signature"]) == ("Hi Dana,", "Thank you for today.", "Noor")


def test_a_poster_greeting_the_forum_above_the_note_is_not_its_greeting():
    got = parts(
        "Hi all, my first thank-you email in English. Is this ok?\n\nDear Mr. Lowe,\nThank you for today.\nBest,\nAdam\n"
    )
    assert (got["greeting"], got["body"]) == ("Dear Mr. Lowe,", "Thank you for today.")
    got = parts("Hi Dana,\n\nHello again! Is Monday still ok?\n\nBest,\nAdam\n")
    assert got["greeting"] == "Hi Dana,"


@pytest.mark.parametrize(
    "reply",
    [
        "Hi Dana,\n\nYes, Monday suits me.\n\n> Hi Noor,\n> Can you start Monday?\n> Dana\n",
        "Monday suits me.\n\nBest,\nNoor\n\n> Hi Noor,\n> Can you start Monday?\n",
        "Monday suits me.\n\nOn Friday, Dana Reid wrote:\n> Hi Noor,\n> Can you start Monday?\n",
        "Monday works for me.\nThanks, Noor\n\n> Hi Noor,\n> Can you start Monday?\n> Best,\n> Dana\n",
        "Monday works for me.\n- Noor\n\n> Hi Noor,\n> Can you start Monday?\n> Dana\n",
        "Monday works for me, see you then!\n\n> Hi Noor,\n> Can you start Monday?\n> Dana\n",
        "> Hi Noor,\n> Can you start Monday?\n> Dana\n\nYes, Monday works. Is 9 ok?\n",
        "Yes, Monday works.\n\nFrom: Dana Reid\nSent: Friday\n> Hi Noor,\n> Can you start Monday?\n",
        "Following up on my note below: is there any news on the porter job?\n\n> Hi Noor,\n> Can you start Monday?\n",
        # a follow-up's own words that only sound like a poster asking about a draft
        "Just following up below. To be honest I'm still very keen - is there any news?\n\n> Hi Noor,\n> Can you start Monday?\n",
        "Following up on my email below, sorry if this is too pushy. Any update?\n\n> Hi Noor,\n> Can you start Monday?\n",
    ],
)
def test_a_reply_keeps_the_message_it_quotes_blanked(reply):
    assert "Can you start" not in blank_out(reply)


def test_a_tip_inside_a_quoted_message_is_part_of_it():
    reply = "Hi Dana,\n\nYes, Monday suits me.\n\nThanks,\nNoor\n\n> Hi Noor,\n> Your induction is Monday.\n> Tip: bring photo ID.\n> Dana\n"
    assert "photo ID" not in blank_out(reply)
    whole = "> Hi Ms. Brandt,\n>\n> Thank you for today.\n> Tip: name one thing you saw.\n>\n> Best,\n> Ade\n"
    assert "Thank you for today" in blank_out(whole)
    alone = "Hi Ms. Brandt,\n\n> tip: keep it short\n\nThank you for today.\n\nBest,\nAde\n"
    assert "> tip: keep it short" in blank_out(alone)


@pytest.mark.parametrize(
    "text",
    [
        'Thank you for the shift today!\n"Hello, my name is Noor" is how I now open every call.\nI would love to join.\n',
        '"Morning all, coffee is on me!" is how you opened the huddle.\nI liked what you said: "the first month is the steepest"\nBest wishes, Noor\n',
    ],
)
def test_a_quoted_line_in_a_note_is_no_quoted_note(text):
    assert blank_out(text) == text


def test_a_line_of_a_quoted_card_that_opens_with_a_greeting_word_is_still_the_card():
    text = "This is the card I left, is it ok?\n\n> Thank you for the tour today.\n> Morning shifts suit me best.\n> - Grace\n"
    got = parts(blank_out(text))
    assert got["body"].startswith("Thank you for the tour today.") and "Morning shifts" in got["body"]


@pytest.mark.parametrize(
    "text",
    [
        # the reader's thanks, quoted by the writer who answers it below
        "About your last line:\n\n> Thanks for coming in on Monday. We will be in touch by Friday.\n\n"
        "It is now Wednesday. Could you let me know where things stand?\nSam\n",
        # the reader's thanks, quoted by a poster who asks about it
        "Is it a good sign?\n\n> Thank you for your time yesterday, we enjoyed meeting you.\n",
        "My interviewer sent me this, is it a good sign?\n\n> Thanks for your kind note, Sam. The panel liked your slides.\n",
        # the reader's thanks, quoted above the poster's own question
        "Got this from the hiring manager:\n\n> Thanks for your time today Sam! Really enjoyed it.\n> Dana\n\n"
        "Any thoughts? Is this a good sign?\n",
    ],
)
def test_the_readers_quoted_thanks_is_not_the_note(text):
    assert text.splitlines()[0] in blank_out(text)  # the writer's own words are not blanked


@pytest.mark.parametrize(
    ("text", "greeting", "body"),
    [
        # a page's text above a rule
        (
            "# Thank-you note for a retail interview (sample)\n\nUse the note below and change the details.\n\n"
            "---\n\nDear Ms. Park,\n\nThank you for the interview.\n\nKind regards,\nLi\n",
            "Dear Ms. Park,",
            "Thank you for the interview.",
        ),
        # a calendar invitation pasted above the note
        (
            "Interview - RN, 5 North\nWhen: Thursday, 27 February 2025 1:00 PM-2:00 PM\nWhere: Microsoft Teams Meeting\n"
            "Organizer: Lopez, Dana\n\nDear Ms. Lopez,\n\nThank you again for arranging my interview.\n\nSincerely,\nJas\n",
            "Dear Ms. Lopez,",
            "Thank you again for arranging my interview.",
        ),
    ],
)
def test_the_page_above_the_note_is_not_its_opening(text, greeting, body):
    got = parts(text)
    assert got["greeting"] == greeting and got["body"] == body


def test_a_rule_under_the_note_leaves_it_whole():
    signed = parts("Hi Ana,\n\nThanks for today.\n\n---\nSam Lee\nAnalyst\n")
    assert signed["greeting"] == "Hi Ana," and signed["body"].startswith("Thanks for today.")


@pytest.mark.parametrize(
    ("text", "blanked"),
    [
        ("I wrote for **The Ledger** and *The Courier*.", "I wrote for   The Ledger   and  The Courier\u00a0."),
        ("See __notes__ and _Stet_ here.", "See   notes   and  Stet  here."),
        ("On *The Pier*, I ran **props**.", "On  The Pier\u00a0, I ran   props\u00a0\u00a0."),
        ("my_var_name, 2*3*4 and *** stay.", "my_var_name, 2*3*4 and *** stay."),
        ("* a bullet\n* another", "* a bullet\n* another"),
    ],
)
def test_emphasis_markers_are_blanked(text, blanked):
    assert blank_out(text) == blanked


@pytest.mark.parametrize(
    ("text", "blanked"),
    [
        ("my [demo reel](https://v.example/r) and", "my  demo reel                       and"),
        (
            "the [rota](/rota.pdf), then",
            "the  rota\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0, then",
        ),
        # (a placeholder and a bracketed aside are no links)
        ("Dear [Name], (see below)", "Dear [Name], (see below)"),
        ("[TODO] (https is fine)", "[TODO] (https is fine)"),
    ],
)
def test_a_markdown_links_words_stay_and_its_address_goes(text, blanked):
    assert blank_out(text) == blanked


def test_a_reference_line_under_the_greeting_is_not_the_body():
    text = (
        "Dear Mr Hale,\n\nInterview for the post of Library Assistant (Ref. LA/22)\n\n"
        "Thank you for seeing me on Monday.\n\nYours sincerely,\nAnil Perera\n"
    )
    assert parts(text)["body"] == "Thank you for seeing me on Monday."
    prose = "Dear Mr Hale,\n\nInterview for the post went well, I think.\n\nThank you.\n\nAnil\n"
    assert parts(prose)["body"].startswith("Interview for the post went well")


def test_a_name_and_exclamation_marks_open_a_text_message():
    got = parts("Marisol!! second round done, thank you for the tip about the portfolio\n")
    assert got["greeting"] == "Marisol!!" and got["body"].strip().startswith("second round done")
    assert parts("Amazing!! thanks for today, the tour was great\n")["greeting"] == ""


@pytest.mark.parametrize(
    ("text", "greeting"),
    [
        # the writer introducing themselves after the greeting word names no reader
        ("Hi this is Jamie's dad, he asked me to say thanks for the trial today.\nMike\n", "Hi"),
        ("Hello it's Sam from Tuesday, thanks again for the tour.\nSam\n", "Hello"),
        # a short line that runs the greeting into the thanks without a comma
        ("Hi Dana thanks for today.\nSam\n", "Hi Dana"),
        # greetings of other languages that notes open with
        ("Oi Bruna! Sorry but I need to withdraw, thank you for everything.\nCarol\n", "Oi Bruna!"),
        ("Olá Marta,\n\nthanks for the interview today!\nRui\n", "Olá Marta,"),
    ],
)
def test_a_greeting_run_into_the_text_ends_before_it(text, greeting):
    assert parts(text)["greeting"] == greeting


@pytest.mark.parametrize(
    ("text", "body_start"),
    [
        # a note quoted on one line of its own under the poster's line that introduces it
        (
            'Posting as a warning. A friend sent this after a rejection:\n\n"Dear Ms. Patel, Thanks a lot for '
            'four rounds of interviews. Regards, Kieran"\n',
            "Thanks a lot",
        ),
        # a quoted note that ends on its own prose, under a line that introduces it, a comment after it
        (
            'Best thank-you note I got this year, shared with permission:\n\n"Thanks for your time today, Priyanka. '
            'I would love to do the same for you."\n\nShort, specific, done.\n',
            "Thanks for your time today",
        ),
    ],
)
def test_a_note_quoted_under_a_line_that_introduces_it_is_the_note(text, body_start):
    assert parts(blank_out(text))["body"].lstrip().startswith(body_start)


def test_the_readers_message_quoted_under_an_introducing_line_is_not_the_note():
    text = (
        'Got this from the hiring manager:\n\n"Thanks for your time today Sam, we enjoyed meeting you."\n\nGood sign?\n'
    )
    assert text.splitlines()[0] in blank_out(text)


def _tone_ids(text):
    from thanklint import lint_text

    return {f.rule_id for f in lint_text(text).findings if f.rule_id.startswith(("tone.", "proofreading."))}


def test_the_rules_that_read_the_whole_note_skip_a_forum_posters_words_around_it():
    note = "Dear Ms Harrington,\n\nThank you for the interview today and for the tour of the new isolation ward.\n\nKind regards,\nHana"
    above = "Posted by kiwi_vet » Tue 2 Sep\n\nIs this ok to send? I always overthink these lol. Here it is:\n\n"
    below = "\n\n---\nAny feedback appreciated!! Interview went well I think\n"
    assert _tone_ids(above + note + below) == _tone_ids(note) == set()


def test_the_rules_that_read_the_whole_note_still_read_its_pasted_subject_line():
    text = "Subject: Thank You!\n\nDear Ms Harrington,\n\nThank you for the tour of the isolation ward. Enjoy!\n\nKind regards,\nHana"
    assert "tone.exclamations" in _tone_ids(text)
