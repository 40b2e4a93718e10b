"""Reading drafts in every format; positions always refer to the original file."""

from __future__ import annotations

import datetime as dt

import pytest

from thanklint import lint_paths
from thanklint.draft import LineIndex, read_path, read_text, walk
from thanklint.errors import DraftError

EML = """\
From: Sam Rivera <sam@example.com>
To: "Dana Whitfield" <dana@northwind.example>
Subject: Thank you - Data Analyst interview
Date: Wed, 25 Nov 2026 09:30:00 +0000
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: {encoding}

{body}"""


@pytest.mark.parametrize(
    "to",
    ["Recruitment <jobs@tide.example>", '"Careers Team" <careers@tide.example>', "HR-Department <hr@tide.example>"],
)
def test_a_shared_mailbox_is_no_recipient(tmp_path, to):
    file = tmp_path / "fiona.eml"
    file.write_text(
        EML.replace('"Dana Whitfield" <dana@northwind.example>', to).format(encoding="8bit", body="Hi Fiona,\n")
    )
    assert read_path(str(file)).meta.recipient is None


def test_a_person_whose_name_holds_a_mailbox_word_is_the_recipient(tmp_path):
    file = tmp_path / "steve.eml"
    file.write_text(EML.replace('"Dana Whitfield"', '"Steve Jobs"').format(encoding="8bit", body="Hi Steve,\n"))
    assert read_path(str(file)).meta.recipient == "Steve Jobs"


def test_a_message_to_a_panel_is_for_each_of_them(tmp_path):
    file = tmp_path / "panel.eml"
    to = '"Ama Whitcombe" <ama@calder.example>, Efua Addo <efua@calder.example>, Recruitment <jobs@calder.example>'
    body = "Dear Dr. Whitcombe and Ms. Addo,\n\nThank you both for Friday's panel.\n"
    file.write_text(EML.replace('"Dana Whitfield" <dana@northwind.example>', to).format(encoding="8bit", body=body))
    meta = read_path(str(file)).meta
    assert meta.recipient == "Ama Whitcombe"
    assert meta.interviewers == ("Ama Whitcombe", "Efua Addo")  # the shared mailbox is nobody
    (result,) = lint_paths([str(file)]).files
    assert not [f for f in result.findings if f.rule_id == "personalization.wrong-recipient"]
    # a comma left unquoted in one person's name does not make two people
    file.write_text(
        EML.replace('"Dana Whitfield" <dana@northwind.example>', "Ruiz, Ana <ana@x.example>").format(
            encoding="8bit", body="Dear Dr. Ruiz,\n"
        )
    )
    assert read_path(str(file)).meta.interviewers == ()


def test_front_matter_is_split_off():
    draft = read_text("---\nrecipient: Dana Whitfield\ntopics: [churn]\n---\nHi Dana,\n", "a.md")
    assert draft.meta.recipient == "Dana Whitfield" and draft.meta.topics == ("churn",)
    assert draft.content == "Hi Dana,\n"
    assert draft.text.startswith("---")


def test_text_without_front_matter():
    draft = read_text("Hi Dana,\n---\nnot metadata\n", "a.txt")
    assert draft.content_start == 0 and draft.format == "txt"


def test_dates_with_and_without_time_and_zone():
    draft = read_text("---\ninterviewed_at: 2026-11-24\nsent_at: 2026-11-25T09:30:00+01:00\n---\nHi\n", "a.md")
    assert draft.meta.interviewed_at == dt.date(2026, 11, 24)
    assert draft.meta.sent_at.utcoffset() == dt.timedelta(hours=1)


@pytest.mark.parametrize(
    ("front", "message"),
    [
        ("kind: thankyou", "metadata key 'kind': expected one of thank-you, follow-up"),
        ("topics: 3", "metadata key 'topics': expected a list of text"),
        ("recipient: [a, b]", "metadata key 'recipient': expected text"),
        ("sent_at: soon", "metadata key 'sent_at': not an ISO 8601 date"),
        ("company Northwind", "metadata must be a mapping of keys"),
        ("company: [unclosed", "front matter is not valid YAML"),
        ("interviewed_at: 2026-02-30", "metadata key 'interviewed_at': not an ISO 8601 date"),
        ("interviewed_at: !!timestamp 2026-02-30", "front matter is not valid YAML: day is out of range"),
        ("company: !!float abc", "front matter is not valid YAML"),
        ("subject: Re: Thank you", 'not valid YAML: mapping values .* put quotes around a value that holds ": "'),
    ],
)
def test_bad_metadata_names_the_file_and_key(front, message):
    with pytest.raises(DraftError, match=message) as info:
        read_text(f"---\n{front}\n---\nHi\n", "notes/dana.md")
    assert str(info.value).startswith("notes/dana.md")


def test_eml_headers_become_metadata(tmp_path):
    file = tmp_path / "dana.eml"
    file.write_text(EML.format(encoding="8bit", body="Hi Dana,\n\nThank you.\n"))
    draft = read_path(str(file))
    assert draft.meta.recipient == "Dana Whitfield"
    assert draft.meta.subject == "Thank you - Data Analyst interview"
    assert draft.meta.sent_at == dt.datetime(2026, 11, 25, 9, 30, tzinfo=dt.timezone.utc)
    assert draft.content == "Hi Dana,\n\nThank you.\n"
    assert draft.text == file.read_text()  # an unencoded body keeps exact file offsets


def test_eml_quoted_printable_and_sidecar(tmp_path):
    body = "Hi Dana,\n\nThank you for the chat about the dashboard=\ns. It=E2=80=99s great.\n"
    (tmp_path / "dana.eml").write_text(EML.format(encoding="quoted-printable", body=body))
    (tmp_path / "dana.yaml").write_text("company: Northwind Labs\nrecipient: Dana W.\n")
    draft = read_path(str(tmp_path / "dana.eml"))
    assert "dashboards. It’s great." in draft.content
    assert draft.meta.company == "Northwind Labs"
    assert draft.meta.recipient == "Dana W."  # the sidecar states the writer's intent


def test_eml_base64(tmp_path):
    import base64

    body = base64.b64encode("Hi Dana,\n\nThank you – truly.\n".encode()).decode()
    (tmp_path / "b.eml").write_text(EML.format(encoding="base64", body=body))
    assert read_path(str(tmp_path / "b.eml")).content == "Hi Dana,\n\nThank you – truly.\n"


def test_eml_without_text_part(tmp_path):
    eml = EML.format(encoding="8bit", body="<p>Hi</p>\n").replace("text/plain", "text/html")
    eml = eml.replace("Content-Type: text/html", "Content-Type: image/png")
    (tmp_path / "x.eml").write_text(eml)
    with pytest.raises(DraftError, match="no text/plain part"):
        read_path(str(tmp_path / "x.eml"))


def test_bom_is_dropped_and_bad_bytes_named(tmp_path):
    (tmp_path / "bom.txt").write_bytes("\ufeffHi Ana,\n".encode())
    assert read_path(str(tmp_path / "bom.txt")).text == "Hi Ana,\n"
    (tmp_path / "bad.txt").write_bytes(b"Hi \xff\n")
    with pytest.raises(DraftError, match=r"bad.txt: not valid utf-8 text \(byte 0xff at offset 3\)"):
        read_path(str(tmp_path / "bad.txt"))


def test_missing_and_folder(tmp_path):
    with pytest.raises(DraftError, match="no such file"):
        read_path(str(tmp_path / "none.md"))
    with pytest.raises(DraftError, match="is a folder"):
        read_path(str(tmp_path))


def test_line_index():
    index = LineIndex("ab\ncd\r\nef")
    assert index.position(0) == (1, 1)
    assert index.position(3) == (2, 1)
    assert index.position(7) == (3, 1)
    assert index.position(9) == (3, 3)


def test_walk_is_sorted_and_keeps_files_and_stdin(tmp_path):
    (tmp_path / "b.md").write_text("x")
    (tmp_path / "a.eml").write_text("x")
    (tmp_path / "c.doc").write_text("x")
    assert walk([str(tmp_path), "-"]) == [str(tmp_path / "a.eml"), str(tmp_path / "b.md"), "-"]


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_multipart_eml_keeps_file_positions(tmp_path, newline):
    lines = [
        "From: Sam <sam@example.com>",
        "To: Dana Whitfield <dana@example.com>",
        "Subject: Thank you",
        'Content-Type: multipart/alternative; boundary="B"',
        "",
        "--B",
        "Content-Type: text/plain; charset=UTF-8",
        "Content-Transfer-Encoding: 7bit",
        "",
        "Hi Dana,",
        "",
        "Thank you for your time today.",
        "",
        "Best,",
        "Sam",
        "",
        "--B",
        "Content-Type: text/html; charset=UTF-8",
        "",
        "<p>Hi Dana</p>",
        "",
        "--B--",
        "",
    ]
    raw = newline.join(lines)
    (tmp_path / "m.eml").write_bytes(raw.encode())
    draft = read_path(str(tmp_path / "m.eml"))
    assert len(draft.text) == len(raw) and draft.content.startswith("Hi Dana,")
    assert draft.text[: draft.content_start] == raw[: draft.content_start]
    assert "<p>" not in draft.content and not draft.decoded  # the html part is blanked; positions stay in the file
    line, _ = LineIndex(draft.text).position(draft.content_start)
    assert line == 10


def test_document_level_finding_stops_before_carriage_return(lint):
    result = lint("Hi Dana,\r\n\r\nSee you soon.\r\n\r\nBest,\r\nSam\r\n")
    missing = next(f for f in result.findings if f.rule_id == "gratitude.missing-thanks")
    assert (missing.line, missing.column, missing.end_column) == (3, 1, 14)


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Subject: Thank you - trial shift\n\nHi Jo,\n\nThanks.\n", "Thank you - trial shift"),
        # the note run on after it, as when line breaks were lost
        (
            "Subject: Thank you - Analyst interview Dear Mr. Fischer, thank you for Wednesday.",
            "Thank you - Analyst interview",
        ),
        # a greeting word with no name and comma after it is part of the subject
        ("Subject: Hi from Ana after the interview\n\nDear Jo,\n\nThanks.\n", "Hi from Ana after the interview"),
    ],
)
def test_a_pasted_subject_line_is_the_subject(text, subject):
    assert read_text(text, "note.txt").meta.subject == subject
