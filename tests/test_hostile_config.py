"""Hostile configurations and rule files: each is refused with a message naming the file and
the key, never an internal error, and a repository's configuration cannot reach outside it."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from thanklint.cli import cli
from thanklint.config import discover, load_file
from thanklint.errors import ConfigError, RuleError
from thanklint.rules import load_rule_file, load_rules

NOTE = "Hi Ana,\n\nThank you for the talk about the billing migration.\n\nBest,\nSam\n"
BOMB = "".join(
    ["a: &a [x, x, x, x, x, x, x, x, x]\n"]
    + [f"{n}: &{n} [{', '.join([f'*{p}'] * 9)}]\n" for p, n in zip("abcdefgh", "bcdefghi")]
)


def lint_folder(tmp_path, config_name, config_text):
    """Lint one draft under a configuration; returns the draft's JSON record."""
    if isinstance(config_text, bytes):
        (tmp_path / config_name).write_bytes(config_text)
    else:
        (tmp_path / config_name).write_text(config_text)
    (tmp_path / "note.md").write_text(NOTE)
    result = CliRunner().invoke(cli, ["check", "--format", "json", str(tmp_path / "note.md")])
    assert result.exit_code == 2, result.output
    return json.loads(result.stdout)["files"][0]


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        (".thanklint.yaml", "model: json\n", "the spaCy pipeline json is not installed"),
        (".thanklint.yaml", "model: ./x\n", "'model' must be the name of an installed spaCy pipeline"),
        (".thanklint.yaml", "model: this.pipeline\n", "not a path or dotted name: 'this.pipeline'"),
        (
            ".thanklint.yaml",
            "rules: [../elsewhere]\n",
            "'rules' folder '../elsewhere' is outside the configuration's folder",
        ),
        (".thanklint.yaml", "rules: [/etc]\n", "'rules' folder '/etc' is outside"),
        (".thanklint.yaml", "extensions: ['']\n", "'extensions' must name file endings"),
        (".thanklint.yaml", b"select: [caf\xe9]\n", "not valid UTF-8 text (byte 0xe9 at offset 12)"),
        (".thanklint.yaml", BOMB, "more than 100,000 values once its aliases are expanded"),
        (
            ".thanklint.yaml",
            "options:\n  structure.too-long: {max: .nan}\n",
            "options.structure.too-long.max: expected a number, got nan",
        ),
        (".thanklint.yaml", "fail_on: " + "x" * 5000 + "\n", "not 'xxxxxxxxxx"),
        ("pyproject.toml", "tool = ['thanklint']\n", "'tool' must be a table"),
        (
            "pyproject.toml",
            "[tool.thanklint]\nselect = [\n",
            "not valid TOML, so its [tool.thanklint] settings cannot apply",
        ),
        ("pyproject.toml", "[tool.thanklint]\nmodel = 5\n", "'model' must be the name"),
    ],
)
def test_a_bad_configuration_is_a_message_naming_file_and_key(tmp_path, name, text, message):
    record = lint_folder(tmp_path, name, text)
    assert record["error"]["code"] in ("config", "model")
    assert message in record["error"]["message"]
    assert record["error"]["message"].startswith(str(tmp_path / name))
    assert len(record["error"]["message"]) < 400


def test_a_pyproject_of_another_tool_is_ignored_even_when_odd(tmp_path):
    (tmp_path / "pyproject.toml").write_text("tool = 5\n")
    assert discover(str(tmp_path)).path is None
    with pytest.raises(ConfigError, match="'tool' must be a table, not 5"):
        load_file(str(tmp_path / "pyproject.toml"))


def test_rule_folders_inside_the_tree_and_on_the_command_line_are_allowed(tmp_path):
    (tmp_path / "house-rules").mkdir()
    (tmp_path / ".thanklint.yaml").write_text("rules: [house-rules]\n")
    assert load_file(str(tmp_path / ".thanklint.yaml")).rules == (str((tmp_path / "house-rules").resolve()),)
    outside = tmp_path.parent / f"{tmp_path.name}-outside"
    outside.mkdir()
    assert load_rules((str(outside),))  # --rules may name any folder


RULE = """kind: existence
severity: warning
message: {message}
description: Flags the word.
rationale: Testing.
patterns:
  - {pattern}
"""


@pytest.mark.parametrize(
    ("message", "pattern", "problem"),
    [
        ("'Say {0}'", "phrase: hello", "placeholder {0} must be a plain name"),
        ("'Say {match.__class__}'", "phrase: hello", "placeholder {match.__class__} must be a plain name"),
        ("'Say {match[0]}'", "phrase: hello", "must be a plain name"),
        ("'Say {match!r}'", "phrase: hello", "conversions are not allowed"),
        ("'Say {match:>100000000}'", "phrase: hello", "format spec not allowed"),
        ("'Say {match'", "phrase: hello", "not a valid template"),
        (
            "Say it.",
            "{tokens: [{LOWER: hello}], target: 1}",
            "target: 1 is not a token of the pattern (expected 0 to 0)",
        ),
        ("Say it.", "{tokens: [{LOWER: hello}], target: -1}", "is not a token of the pattern"),
    ],
)
def test_rule_templates_and_targets_are_checked_at_load(message, pattern, problem):
    with pytest.raises(RuleError, match="tone/x.yaml") as error:
        load_rule_file(RULE.format(message=message, pattern=pattern), "tone/x.yaml", "tone", "x")
    assert problem in str(error.value)


def test_whitelisted_format_specs_load():
    load_rule_file(RULE.format(message="'{value:.0%} of {match}'", pattern="phrase: hello"), "tone/x.yaml", "tone", "x")


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("kind: [existence]\n", "kind: unknown kind ['existence']"),
        (
            "kind: occurrence\nseverity: warning\nmessage: m\ndescription: d\nrationale: r\nmin: 1\n"
            "scope: {first_sentences: -3}\npatterns: [{phrase: thanks}]\n",
            "scope: expected one of",
        ),
        (
            "kind: metric\nseverity: warning\nmessage: m\ndescription: d\nrationale: r\nmetric: words\nmax: .nan\n",
            "max: expected a number, got nan",
        ),
        (
            "x-a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1]\n" + BOMB.replace("a: &a [x, x, x, x, x, x, x, x, x]\n", ""),
            "more than 100,000 values",
        ),
    ],
)
def test_rule_files_that_would_crash_or_silently_do_nothing_are_refused(text, problem):
    with pytest.raises(RuleError) as error:
        load_rule_file(text, "tone/x.yaml", "tone", "x")
    assert problem in str(error.value)


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (lambda folder: (folder / "x.yaml").mkdir(), "x.yaml: is a folder; a rule is a YAML file"),
        (
            lambda folder: (folder / "x.yaml").write_bytes(b"kind: existence\nmessage: caf\xe9\n"),
            "x.yaml: not valid UTF-8 text (byte 0xe9",
        ),
    ],
)
def test_rule_folders_with_odd_entries_name_the_file(tmp_path, make, problem):
    (tmp_path / "tone").mkdir()
    make(tmp_path / "tone")
    with pytest.raises(RuleError) as error:
        load_rules((str(tmp_path),))
    assert problem in str(error.value)
