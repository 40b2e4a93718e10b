"""Template residue is found once, in any syntax, and classified as slot, instruction or
stand-in; ordinary brackets and parentheses in prose are left alone."""

from __future__ import annotations

import pytest

from thanklint import lint_text
from thanklint.residue import bound, find


def kinds(text: str) -> list[tuple[str, str]]:
    return [(text[r.start : r.end], r.kind) for r in find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dear [Interviewer Name],", [("[Interviewer Name]", "slot")]),
        ("the [JOB-TITLE] post at [COMPANY 2]", [("[JOB-TITLE]", "slot"), ("[COMPANY 2]", "slot")]),
        ("Hi {{first_name}}, thanks", [("{{first_name}}", "slot")]),
        ("Hi <NAME>, about the <JOB TITLE> role", [("<NAME>", "slot"), ("<JOB TITLE>", "slot")]),
        ("Hello %FIRSTNAME%", [("%FIRSTNAME%", "slot")]),
        ("Dear [his/her name], thank you", [("[his/her name]", "slot")]),
        (
            "Please thank [her name] and [his or her job title]",
            [("[her name]", "slot"), ("[his or her job title]", "slot")],
        ),
        ("the ____ opening at XXX", [("____", "slot"), ("XXX", "slot")]),
        ("Dear Mr./Ms. Last Name:", [("Mr./Ms. Last Name", "slot")]),
        ("the role at (name of organization).", [("(name of organization)", "slot")]),
        ("the CNA position at (hospital name). I met (my sister-in-law) there.", [("(hospital name)", "slot")]),
        ("I ran my own firm (trading name Bloom Events); the lead (her name is Priya) left.", []),
        # A role after a name says who the person is; without a name it is a slot.
        ("**To:** Ravi Castellano-Ng (hiring manager)", []),
        ("Dear (Hiring Manager),", [("(Hiring Manager)", "slot")]),
        ("Dear Mr. (interviewer),", [("(interviewer)", "slot")]),
        ("Hi Team (hiring manager),", [("(hiring manager)", "slot")]),
        ("Dear Professor (interviewer),", [("(interviewer)", "slot")]),
        ("Good Morning (Hiring Manager),", [("(Hiring Manager)", "slot")]),
        ("Dear Team Lead (interviewer),", [("(interviewer)", "slot")]),
        ("Dear Ravi Castellano (interviewer),", [("(interviewer)", "slot")]),
        ("I met Dr. Lee (interviewer) and the team.", []),
        ("Regards,\nYour Name\nYour email address", [("Your Name", "slot"), ("Your email address", "slot")]),
        ("Best,\nApplicant", [("Applicant", "slot")]),
        (
            "I learned [Insert something specific you learned].",
            [("[Insert something specific you learned]", "instruction")],
        ),
        ("about [topic - their team, product, etc.]", [("[topic - their team, product, etc.]", "instruction")]),
        ("the [detail that excited you]", [("[detail that excited you]", "instruction")]),
        ("Dear Dr. Lee (If known, otherwise use title),", [("(If known, otherwise use title)", "instruction")]),
        (
            "(The first paragraph is a short thank you.)",
            [("(The first paragraph is a short thank you.)", "instruction")],
        ),
        (
            "Dear Ms. ____:\n\nFirst paragraph: Thank the interviewer.\nParagraph 2: Remind them of your skills.",
            [
                ("____", "slot"),
                ("First paragraph: Thank the interviewer.", "instruction"),
                ("Paragraph 2: Remind them of your skills.", "instruction"),
            ],
        ),
        ("the interview on (insert date) went", [("(insert date)", "slot")]),
        (
            "the [Insert job title] post, ref (enter ref no.)",
            [("[Insert job title]", "slot"), ("(enter ref no.)", "slot")],
        ),
        (
            "Dear [Reference Name], thanks for the [Share Link] and [Note Title]. [Use their name]",
            [
                ("[Reference Name]", "slot"),
                ("[Share Link]", "instruction"),
                ("[Note Title]", "slot"),
                ("[Use their name]", "instruction"),
            ],
        ),
        ("I did month-end for five years in accounts (Finance Department) at Evans Ltd.", []),
        (
            "(Insert one or two lines about the project.)",
            [("(Insert one or two lines about the project.)", "instruction")],
        ),
        ("about (insert something about the date)", [("(insert something about the date)", "instruction")]),
        ("Subject: Thanks -Optional-", [("-Optional-", "instruction")]),
        ("TODO: add the bit about rotas", [("TODO: add the bit about rotas", "instruction")]),
        (
            "Thanks!\nTODO: ask about the budget question?? check her name\nBest",
            [("TODO: ask about the budget question?? check her name", "instruction")],
        ),
        ("note to self: mention the rota\n", [("note to self: mention the rota", "instruction")]),
        ("- TODO: ask about the timeline??\nBest", [("TODO: ask about the timeline??", "instruction")]),
        # (emphasis marks, which the linter sees as spaces, between the list mark and the note)
        ("-   TODO: add the breakfast shift??  \nBest", [("TODO: add the breakfast shift??", "instruction")]),
        # a reviewer's comment left in from a shared document
        ("our chat [Comment: too casual?] went well", [("[Comment: too casual?]", "instruction")]),
        ("a strong fit. [Comment from Hannah: add a number]", [("[Comment from Hannah: add a number]", "instruction")]),
        # a mail program's rule under the signature is no blank to fill in; a blank in a line is
        ("Kind regards,\nAda\n_________________\n", []),
        ("Kind regards,\n_________________\n", [("_________________", "slot")]),
        ("Start date: ________\n", [("________", "slot")]),
        ("-   TODO: check her title   Could I start on the 3rd?\nBest", [("TODO: check her title", "instruction")]),
        ("note to self: ask about parking?", [("note to self: ask about parking?", "instruction")]),
        (
            "What would the first week look like for the TODO: team name?",
            [("TODO: team name", "instruction")],
        ),
        ("Could we talk about the rota on note to self: check date?", [("note to self: check date", "instruction")]),
        ("I am keen (TODO: check start date) and I ran the depot.", [("TODO: check start date", "instruction")]),
        ("TODO: check her name. I ran the Leeds depot.", [("TODO: check her name", "instruction")]),
        ("note to self: say more. I ran the Leeds depot.", [("note to self: say more", "instruction")]),
        ("It does not handle resets yet; I've left a TODO where that would go.", []),
        ("I enjoyed hearing about the TBD project.", [("TBD", "instruction")]),
        ("You supervised me there from (insert dates).", [("(insert dates)", "slot")]),
        ("Best regards / Kind regards (choose one)", [("(choose one)", "instruction")]),
        ("Thanks again.\nPick one: Best, / Cheers,", [("Pick one", "instruction")]),
        ("Warm regards - select one", [("select one", "instruction")]),
        ("joining ABC Widget Company soon", [("ABC Widget Company", "stand-in")]),
        ("an offer from Company X", [("Company X", "stand-in")]),
        ("Dear Ms. Recruiter,", [("Ms. Recruiter", "stand-in")]),
        ("the porter job at ABC Hotel", [("ABC Hotel", "stand-in")]),
        ("a shift at XYZ Hotels.", [("XYZ Hotels", "stand-in")]),
        ("the postdoctoral position in ABC Lab", [("ABC Lab", "stand-in")]),
        ("I worked at (insert previous employer).", [("(insert previous employer)", "slot")]),
        ("> tip: keep it under 100 words", [("> tip: keep it under 100 words", "instruction")]),
        ("**Hint:** name the project", [("**Hint:** name the project", "instruction")]),
        (
            "(Priya: Add the line about your course here)",
            [("(Priya: Add the line about your course here)", "instruction")],
        ),
        ("(Callum- mention the rota puzzle here)", [("(Callum- mention the rota puzzle here)", "instruction")]),
        ("(Callum - mention Priya by name)", [("(Callum - mention Priya by name)", "instruction")]),
        ("(ask about parking?? or leave it)", [("(ask about parking?? or leave it)", "instruction")]),
        (
            "(Dad says put something here about the tuck shop you told me about)",
            [("(Dad says put something here about the tuck shop you told me about)", "instruction")],
        ),
        (
            "(my tutor said to add the bit about the course)",
            [("(my tutor said to add the bit about the course)", "instruction")],
        ),
        ("The rota is fine (Jo says hello) and (Sue said thank you for the flowers).", []),
        ("Dear Mrs Kowalsk(a?) (CHECK SPELLING),", [("(CHECK SPELLING)", "instruction")]),
        (
            "and I talked about ... [finish this bit, the walking thing]",
            [("[finish this bit, the walking thing]", "instruction")],
        ),
        (
            "the post [say something about the map room?? or is that too much]. I remain keen.",
            [("[say something about the map room?? or is that too much]", "instruction")],
        ),
        ("the Archives post [check ref no. on the letter!!].", [("[check ref no. on the letter!!]", "instruction")]),
        ("a fortnight (say, two weeks) to hand over", []),
        ("I have left the rota with you (check the attached sheet).", []),
        ("I ran payroll for five years. [can be removed]", [("[can be removed]", "slot")]),
        (
            "(Careers advice: mention one thing you discussed, e.g. a project.)",
            [("(Careers advice: mention one thing you discussed, e.g. a project.)", "instruction")],
        ),
        ("(maybe cut this bit? too long)\nI ran the depot.", [("(maybe cut this bit? too long)", "instruction")]),
        # the writer's notes to self: what to add where, a doubt about the reader's name, which draft
        (
            "I liked the tour. (maybe add the forklift question he asked here?)",
            [("(maybe add the forklift question he asked here?)", "instruction")],
        ),
        ("Dear Graham, (or was it Greg?? check his email)", [("(or was it Greg?? check his email)", "instruction")]),
        ("her surname (Rhys? Rees?) before", [("(Rhys? Rees?)", "instruction")]),
        ("Dear Mr Hale, (CHECK is it Hale or Hales??)", [("(CHECK is it Hale or Hales??)", "instruction")]),
        ("the trial on Monday (check the date??) went well", [("(check the date??)", "instruction")]),
        (
            "Thank you for your advice (mention the forklift course here) on my CV",
            [("(mention the forklift course here)", "instruction")],
        ),
        (
            "the yard. >> Sam: add the forklift bit here?? << I enjoyed it",
            [(">> Sam: add the forklift bit here?? <<", "instruction")],
        ),
        (
            "Thank you. (ask dad: do I say depot or site??) I enjoyed it.",
            [("(ask dad: do I say depot or site??)", "instruction")],
        ),
        (
            "Thanks. (ask dad if I should mention the other offer??) Bye",
            [("(ask dad if I should mention the other offer??)", "instruction")],
        ),
        (
            "Thanks. (Mrs Okafor said put something about the rota here) Bye",
            [("(Mrs Okafor said put something about the rota here)", "instruction")],
        ),
        # what to compose, described in brackets (a value to fill in stays a slot)
        (
            "I enjoyed hearing about [something specific from the interview].",
            [("[something specific from the interview]", "instruction")],
        ),
        (
            "I bring [key skill] and [one thing that stood out]; I liked [specific detail mentioned by the chef].",
            [
                ("[key skill]", "slot"),
                ("[one thing that stood out]", "instruction"),
                ("[specific detail mentioned by the chef]", "slot"),
            ],
        ),
        (
            "NOTE TO SELF - check her title before sending!!\nDear Jo,",
            [("NOTE TO SELF - check her title before sending!!", "instruction")],
        ),
        ("Dear Dr Osei, (check if she's Dr or Prof!!)", [("(check if she's Dr or Prof!!)", "instruction")]),
        (
            "Dear Megan (or Morgan?? check her card before sending),",
            [("(or Morgan?? check her card before sending)", "instruction")],
        ),
        (
            "for the groundsman job (on the Monday? or Tues - CHECK before sending). I",
            [("(on the Monday? or Tues - CHECK before sending)", "instruction")],
        ),
        ("DRAFT B (longer - send this one?)\n\nDear Jo,", [("(longer - send this one?)", "instruction")]),
        (
            "## thank-you note, send by Friday\n\n- mention the pallet audit\n* ask about parking\n\nDear Jo,",
            [("mention the pallet audit", "instruction"), ("ask about parking", "instruction")],
        ),
        (
            "(Priya - put the line about your course here)",
            [("(Priya - put the line about your course here)", "instruction")],
        ),
        (
            "Thanks.\n\n** add a line about the BMS question here **\n\nBest,",
            [("add a line about the BMS question here ", "instruction")],
        ),
        # set in italics on a line of its own
        (
            "I enjoyed our talk.\n\n*Add a sentence here about the project you discussed.*\n\nBest,",
            [("Add a sentence here about the project you discussed.", "instruction")],
        ),
    ],
)
def test_finds_and_classifies(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The [slides](https://example.com) are linked; mail me at <sam@example.com>.",
        "I checked the figure [1] you quoted, and [sic] the spelling is theirs.",
        "Thanks for the tour (and the coffee), and for the demo of the new ward (level 3).",
        "Dear Mr. Smith, thank you for the visit to Building X.",
        "It was <b>great</b> to meet you, if only briefly.",
        "Your name came up twice in the team meeting, so thank you.",
        "In my post at St Aldhelm's Hospital I supported the e-prescribing rollout.",
        "I reread my first paragraph: it thanked the night team by name.",
        "I liked the idea that every child can choose one book for the class each week.",
        "It was hard to pick one moment, but the rota puzzle stands out.",
        "Thank you for the tour (Leeds - two hours away - was worth the drive).",
        "I liked the ABC Shopping Channel clip you showed.",
        "Thank you both for Tuesday (Priya - thank you again for the tour of the lab).",
        "I spent a year in the lab (Oncology - Research Unit) and (Biology - Research Division).",
        "(Re-use of old stock was my favourite part)",
        "(Raj: thank you for the coffee!)",
        "I hold an NVQ (NVQ: Use of forklift trucks) and did (CPD - Use of restraint).",
        "(Marketing - Research and development)",
        "(Head Office: Use of the ledger)",
        "My tickets:\n- Use of forklift trucks\n- use of ladders\n- Mention in dispatches, 2019",
        "(maybe the best day of my week)",
        "When you arrive (ask for Dana at the desk), the lift is on the left.",
        "My old manager is happy to give a reference (ask her about the stocktake I ran!).",
        "(ask them if you have any doubts about my timekeeping)",
        "Kind regards,\n[name removed]\nI ran the [company name redacted] depot for [redacted].",
        "I wore a tie (too formal?) and brought my CV (perhaps keep it on file?).",
        "(Policy team: research and drafting) and (Main duties: list management, stock checks)",
        "(Chef's tip: keep the knives sharp!) (Manager's comments: keep up the great work)",
        "(maybe lose the tie next time!) (perhaps trim the fringe a bit?)",
        "I have the rota you asked for (maybe mention it to Jo?) and we met on Monday (or was it Tuesday).",
        "Please check whether she is free on Friday (check if the van is back first).",
        "I have attached the rota (check it against the May one) and the forms.",
        "Your feedback after the first try (ask about their process before pitching) made the second better.",
        "The tip you gave me (ask about the allergies before suggesting a dish) helped.",
        "I sent the forms (I checked them twice before sending) and the rota.",
        "My first month:\n- check the fire doors every morning\n* ask the team what slows them down",
        "Skills:\n- note-taking at board meetings\n- research and data analysis in R\n* check-in time on Saturdays?",
        "I liked your tip: always label the trays.",
        "the clerk job at the ABC Store in Richmond",
        "At [her old firm] she cut the month-end close from nine days to five.",
        "I'm excited about [our company]'s plan to open a second office.",
        "What I did at the bakery:\n* Add-on sales up 20% in my first month\n* Described the new loaves to regulars",
        "You asked me:\n\n*Describe a time you handled an angry customer.*\n\n_Add the butter off the heat_",
        # A ticket or case number in square brackets, as a help desk's subject line carries it.
        "Subject: RE: [INC-55120] Printer queue on floor 3",
        "I logged it as [#40917] and closed it the same day.",
        # An answer told in brackets: going on doing something, not an instruction about the note.
        "I would answer the same way (keep calling round, same driver, same time) but sooner.",
    ],
)
def test_prose_is_not_residue(text):
    assert kinds(text) == []


def test_a_slot_inside_an_instruction_is_one_piece():
    assert kinds("I enjoyed (insert [Project] here) a lot") == [("(insert [Project] here)", "instruction")]


def test_long_input_stays_fast():
    import time

    text = ("[" + "a" * 150 + " " * 3) * 3000 + "(" * 5000
    started = time.perf_counter()
    find(text)
    assert time.perf_counter() - started < 5


class _CountingPieces(list):
    """Residue pieces that count how many of them are read."""

    read = 0

    def __getitem__(self, index):
        _CountingPieces.read += 1
        return list.__getitem__(self, index)

    def __iter__(self):
        return (self[i] for i in range(len(self)))


def test_whether_a_match_leans_on_residue_reads_a_few_pieces(monkeypatch):
    """Every match of a rule was once compared with every slot of the draft."""
    text = "Thanks for [topic] and the talk about [project].  [x]" + " [slot] word," * 2000
    pieces = _CountingPieces(find(text))
    at = text.index
    assert bound(at("Thanks"), at("Thanks") + 6, text, pieces) is False
    assert bound(at("about"), at("about") + 5, text, pieces) is True  # a slot follows at once
    assert bound(at("topic"), at("topic") + 8, text, pieces) is True  # overlaps a slot
    assert bound(at("the talk"), at("the talk") + 8, text, pieces) is False
    monkeypatch.setattr(_CountingPieces, "read", 0)
    words = [i for i in range(len(text)) if text.startswith("word", i)]
    assert not any(bound(i, i + 4, text, pieces) for i in words)
    assert _CountingPieces.read < 40 * len(words)


def test_a_quoter_who_took_names_out_made_the_slots_below_their_remark():
    """A poster who says, in the page around a note, that they took names out made the bare
    slots after that remark; the same words in the note itself redact nothing, and a slot above
    the remark is still residue."""
    from thanklint.residue import page_around

    written = (
        "Re [Subject]\n\nShared with permission (I've taken out the name of his old firm):\n\n"
        "Dear Jo,\n\nAt [previous employer] I ran dispatch.\n"
    )
    note = written.index("Dear")
    slots = [written[r.start : r.end] for r in find(written, page_around(written, written, note))]
    assert slots == ["[Subject]"]
    assert [written[r.start : r.end] for r in find(written)] == ["[Subject]", "[previous employer]"]
    own = "Hi Ana,\n\nI've changed the names on my form, so please use the details below.\n[phone number]\n"
    assert kinds(own) == [("[phone number]", "slot")]


def test_a_posters_own_words_above_the_note_hide_names_but_fill_no_slot():
    post = (
        "Hi all, had my grad interview at [hospital] this morning. Is this ok to send?\n\n----\n"
        "Dear Karen,\n\nThank you so much for the interview this morning.\n\nKind regards,\nChloe\n----\n"
    )
    assert "personalization.placeholder-left" not in {f.rule_id for f in lint_text(post).findings}
    asked = (
        "Is this ok to send?\n\n[Your Address]\n[Date]\n\nDear Mrs. Carter,\n\nThank you for today.\n\nBest,\nChloe\n"
    )
    assert "personalization.placeholder-left" in {f.rule_id for f in lint_text(asked).findings}
    head = "[Your Address]\n\n----\nDear Karen,\n\nThank you so much for the interview this morning.\n\nKind regards,\nChloe\n"
    assert "personalization.placeholder-left" in {f.rule_id for f in lint_text(head).findings}


def test_an_instruction_to_the_writer_is_reported_once_not_proofread():
    """Words addressed to the writer will be deleted, not corrected: the instruction is reported
    as residue, and no spelling, grammar or punctuation rule reports what is inside it. The same
    slips outside it are still reported."""
    instruction = "[say something about the map room?? or is taht too much]"
    note = f"Dear Ms. Kerr,\n\nThank you for the interview. {instruction}\n\nKind regards,\nDan\n"
    start = note.index(instruction)
    inside = {
        f.rule_id
        for f in lint_text(note).findings
        if start <= f.start < start + len(instruction) and f.rule_id != "personalization.placeholder-left"
    }
    assert inside == {"tone.writer-instruction"}
    loose = lint_text("Dear Ms. Kerr,\n\nThank you for the interview?? or is taht too much\n\nKind regards,\nDan\n")
    assert {"tone.doubled-question-mark", "proofreading.lowercase-sentence-start"} <= {
        f.rule_id for f in loose.findings
    }
