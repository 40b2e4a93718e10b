"""`thanklint lsp` driven over stdio by a real language client, as an editor drives it. Each test
is one server process (spaCy loads once in each), so a test walks through a whole session."""

from __future__ import annotations

import asyncio
from pathlib import Path

from lsprotocol import types

from conftest import run_cli
from lsp_client import Editor, apply_edits

DRAFT = (
    "Hey Dana,\n\n"
    "Thank you for the chat on Tuesday about the churn dashboard 😀 i enjoyed hearing how your team "
    "rebuilt the SQL pipeline last spring.\n\n"
    "Cheers,\nSam\n"
)
EMOJI_LINE = DRAFT.split("\n")[2]


def by_code(diagnostics: list[types.Diagnostic]) -> dict[str, types.Diagnostic]:
    return {d.code: d for d in diagnostics}


def utf16_units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


async def _apply(editor: Editor, path: Path, text: str, action: types.CodeAction) -> tuple[str, list[types.Diagnostic]]:
    edited = apply_edits(text, list(action.edit.changes[path.as_uri()]))
    return edited, await editor.change(path, edited)


async def _editor_session(folder: Path) -> None:
    note = folder / "dana.md"
    editor = Editor(folder)
    result = await editor.start()
    assert result.capabilities.position_encoding == types.PositionEncodingKind.Utf16  # nothing offered: the default
    assert result.capabilities.hover_provider and result.capabilities.code_action_provider

    found = by_code(await editor.open(note, DRAFT))
    greeting = found["tone.casual-greeting"]
    assert greeting.source == "thanklint" and greeting.severity == types.DiagnosticSeverity.Warning
    assert greeting.range == types.Range(start=types.Position(0, 0), end=types.Position(0, 3))
    assert greeting.code_description.href.endswith("/docs/rules.md#tonecasual-greeting")
    # The emoji is two UTF-16 units: the "i" after it stands one unit further right than in code points.
    lowercase = found["proofreading.lowercase-i"]
    column = utf16_units(EMOJI_LINE[: EMOJI_LINE.index(" i ") + 1])
    assert (lowercase.range.start.line, lowercase.range.start.character) == (2, column)
    assert lowercase.range.end.character == column + 1 and column == EMOJI_LINE.index(" i ") + 2
    # A finding about the whole draft is shown on the first body line only.
    question = found["questions.no-question"]
    assert question.range.start.line == question.range.end.line == 2
    assert any(r.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES for r in editor.registrations)

    # The rule's safe fix comes first and is preferred; applying it cures the finding, and the
    # change brings fresh diagnostics.
    actions = await editor.code_actions(note, lowercase)
    assert actions[0].title == "Replace with 'I'" and actions[0].is_preferred
    assert {a.title for a in actions[1:]} == {
        "Disable proofreading.lowercase-i for this line",
        "Disable proofreading.lowercase-i for this file",
    }
    text, diagnostics = await _apply(editor, note, DRAFT, actions[0])
    assert "😀 I enjoyed" in text
    found = by_code(diagnostics)
    assert "proofreading.lowercase-i" not in found and "tone.casual-greeting" in found

    # Hovering a finding shows its rule's page, as `thanklint explain` prints it.
    hover = await editor.hover(note, found["tone.casual-greeting"].range.start)
    explained = run_cli("explain", "tone.casual-greeting").stdout
    assert hover.contents.kind == types.MarkupKind.Markdown and hover.contents.value.startswith(explained)

    # Suppression comments, with a reason placeholder, for the file and for one line.
    actions = await editor.code_actions(note, found["tone.casual-greeting"])
    for_file = next(a for a in actions if a.title.endswith("for this file"))
    assert (
        for_file.edit.changes[note.as_uri()][0].new_text
        == "<!-- thanklint: disable=tone.casual-greeting -- reason -->\n"
    )
    text, diagnostics = await _apply(editor, note, text, for_file)
    found = by_code(diagnostics)
    assert "tone.casual-greeting" not in found and "structure.unused-suppression" not in found
    actions = await editor.code_actions(note, found["tone.casual-sign-off"])
    text, diagnostics = await _apply(editor, note, text, next(a for a in actions if a.title.endswith("for this line")))
    assert "disable-next-line=tone.casual-sign-off -- reason -->\nCheers," in text
    assert "tone.casual-sign-off" not in by_code(diagnostics) and "tone.emoji" in by_code(diagnostics)

    # A configuration created next to the draft applies once the client reports it.
    (folder / ".thanklint.yaml").write_text("ignore: [tone.emoji]\n", encoding="utf-8")
    diagnostics = await editor.files_changed(folder / ".thanklint.yaml", note)
    assert "tone.emoji" not in by_code(diagnostics) and "questions.no-question" in by_code(diagnostics)

    assert await editor.stop() == 0  # shutdown, then exit: a clean exit


def test_an_editor_session(tmp_path):
    asyncio.run(_editor_session(tmp_path))


CUSTOM_RULE = """\
kind: existence
severity: warning
message: {message}
description: Checks for the filler word "basically".
rationale: A filler word makes a short note longer and no clearer.
patterns:
  - phrase: basically
examples:
  bad: ["Hi Ana,\\n\\nThank you, the tour was basically the highlight of my week.\\n"]
  good: ["Hi Ana,\\n\\nThank you, the tour was the highlight of my week.\\n"]
"""


async def _utf8_session_without_watcher(folder: Path) -> None:
    note = folder / "omar.md"
    (folder / "house" / "tone").mkdir(parents=True)
    rule_file = folder / "house" / "tone" / "filler-basically.yaml"
    rule_file.write_text(CUSTOM_RULE.format(message="Leave out the filler word."), encoding="utf-8")
    (folder / ".thanklint.yaml").write_text("rules: [house]\n", encoding="utf-8")
    editor = Editor(folder, encodings=["utf-8", "utf-16"], watch_files=False, options={"debounce_ms": 0})
    result = await editor.start()
    assert result.capabilities.position_encoding == types.PositionEncodingKind.Utf8

    draft = DRAFT.replace("rebuilt", "basically rebuilt")
    found = by_code(await editor.open(note, draft))
    lowercase = found["proofreading.lowercase-i"]
    assert lowercase.range.start.character == len(EMOJI_LINE[: EMOJI_LINE.index(" i ") + 1].encode("utf-8"))
    assert found["tone.filler-basically"].message == "Leave out the filler word."
    assert not editor.registrations  # the client cannot watch files: saving a draft notices changes

    rule_file.write_text(CUSTOM_RULE.format(message="Cut the word basically; it says nothing."), encoding="utf-8")
    (folder / ".thanklint.yaml").write_text("rules: [house]\nignore: [proofreading.lowercase-i]\n", encoding="utf-8")
    found = by_code(await editor.save(note))
    assert "proofreading.lowercase-i" not in found
    assert found["tone.filler-basically"].message == "Cut the word basically; it says nothing."

    # A draft that cannot be checked says why, on the line the error names (where YAML saw the
    # unclosed list end: the closing "---", line 4).
    broken = by_code(await editor.change(note, "---\nrecipient: Omar Reyes\ninterviewers: [Omar\n---\n" + draft))
    assert broken["error.metadata"].range.start.line == 3 and "not valid YAML" in broken["error.metadata"].message
    assert await editor.stop() == 0


def test_utf8_positions_and_changes_noticed_on_save(tmp_path):
    asyncio.run(_utf8_session_without_watcher(tmp_path))
