"""Configuration discovery, validation and its effect on the rule set."""

from __future__ import annotations

import json

import pytest

from conftest import run_cli
from thanklint.api import Session
from thanklint.config import Config, Discovery, build_ruleset, discover, from_mapping, load_file
from thanklint.errors import ConfigError, ThanklintError
from thanklint.findings import Severity


def test_nearest_yaml_config_wins(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.thanklint]\nignore = ['tone']\n")
    inner = tmp_path / "notes" / "acme"
    inner.mkdir(parents=True)
    (tmp_path / "notes" / ".thanklint.yaml").write_text("ignore: [structure]\n")
    assert discover(str(inner)).ignore == ("structure",)
    assert discover(str(tmp_path)).ignore == ("tone",)


def test_discovery_remembers_until_told_a_file_changed(tmp_path):
    inner = tmp_path / "notes" / "acme"
    inner.mkdir(parents=True)
    elsewhere = tmp_path / "other"
    elsewhere.mkdir()
    discovery = Discovery()
    assert discovery(str(inner)).path is None and discovery(str(elsewhere)).path is None
    config = tmp_path / "notes" / ".thanklint.yaml"
    config.write_text("ignore: [structure]\n")
    assert discovery(str(inner)).path is None  # remembered: a run reads each configuration once
    discovery.invalidate(str(config))
    assert discovery(str(inner)).ignore == ("structure",)
    config.write_text("ignore: [tone]\n")
    (elsewhere / ".thanklint.yaml").write_text("ignore: [timing]\n")
    discovery.invalidate(str(config))  # only folders at or below the changed file's folder
    assert discovery(str(inner)).ignore == ("tone",) and discovery(str(elsewhere)).path is None
    discovery.invalidate()
    assert discovery(str(elsewhere)).ignore == ("timing",)


def test_pyproject_without_table_is_skipped(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    assert discover(str(tmp_path)).path is None or discover(str(tmp_path)).path != str(tmp_path / "pyproject.toml")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"ignroe": ["tone"]}, r"unknown key 'ignroe' \(did you mean 'ignore'\?\)"),
        ({"fail_on": "loud"}, r"'fail_on' must be one of error, warning, suggestion, never"),
        ({"severity": {"tone": "fatal"}}, r"severity of 'tone' must be error, warning or suggestion"),
        ({"metadata": {"recipent": "Dana"}}, r"unknown metadata key 'recipent' \(did you mean 'recipient'\?\)"),
    ],
)
def test_invalid_config_names_the_key(data, message):
    with pytest.raises(ConfigError, match=message):
        from_mapping(data, ".thanklint.yaml")


def test_unknown_rule_id_has_a_hint():
    config = from_mapping({"ignore": ["tone.emojis"]}, ".thanklint.yaml")
    with pytest.raises(
        ConfigError, match=r"unknown rule or category 'tone.emojis' in ignore \(did you mean 'tone.emoji'\?\)"
    ):
        build_ruleset(config)


def test_unknown_option_is_rejected():
    config = from_mapping({"options": {"structure.too-long": {"maximum": 300}}}, ".thanklint.yaml")
    with pytest.raises(
        ConfigError, match=r"rule 'structure.too-long' has no option 'maximum' \(did you mean 'max'\?\)"
    ):
        build_ruleset(config)


def test_option_type_is_checked():
    config = from_mapping({"options": {"structure.too-long": {"max": "long"}}}, ".thanklint.yaml")
    with pytest.raises(ConfigError, match=r"expected a number"):
        build_ruleset(config)


def test_select_ignore_and_severity(ruleset):
    config = from_mapping(
        {
            "select": ["tone", "gratitude.missing-thanks"],
            "ignore": ["tone.emoji"],
            "severity": {"tone": "suggestion", "tone.desperate-plea": "warning"},
        },
        ".thanklint.yaml",
    )
    rules = {r.id: r for r in build_ruleset(config).rules}
    assert "tone.emoji" not in rules and "gratitude.missing-thanks" in rules
    assert all(r.category in ("tone", "gratitude") for r in rules.values())
    assert rules["tone.text-speak"].severity == Severity.SUGGESTION
    assert rules["tone.desperate-plea"].severity == Severity.WARNING


def test_cli_select_replaces_config_select():
    config = from_mapping({"select": ["tone"]}, ".thanklint.yaml")
    rules = build_ruleset(config, select=("gratitude",)).rules
    assert {r.category for r in rules} == {"gratitude"}


def test_options_change_thresholds(lint, tmp_path):
    body = " ".join(["Thank you for the conversation about churn."] * 10)
    text = f"Hi Ana,\n\n{body}\n\nBest,\nSam\n"
    (tmp_path / ".thanklint.yaml").write_text("options:\n  structure.too-long: {max: 20}\n")
    (tmp_path / "note.md").write_text(text)
    result = run_cli("check", "--select", "structure.too-long", "--format", "jsonl", str(tmp_path / "note.md"))
    assert '"structure.too-long"' in result.stdout and "keep a note under 20 words" in result.stdout


def test_broken_config_exits_2_with_file_and_line(tmp_path):
    (tmp_path / ".thanklint.yaml").write_text("select: [tone\n")
    (tmp_path / "note.md").write_text("Hi Ana,\n\nThank you.\n")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / ".thanklint.yaml").write_text("select: [gratitude]\n")
    (tmp_path / "elsewhere" / "note.md").write_text("Hi Ana,\n\nSee you.\n")
    result = run_cli("check", "--format", "json", str(tmp_path / "note.md"), str(tmp_path / "elsewhere" / "note.md"))
    assert result.returncode == 2
    broken, fine = json.loads(result.stdout)["files"]
    assert broken["error"]["code"] == "config"
    assert ".thanklint.yaml:" in broken["error"]["message"] and "not valid YAML" in broken["error"]["message"]
    assert fine["error"] is None and {f["rule_id"] for f in fine["findings"]} == {"gratitude.missing-thanks"}
    assert "Traceback" not in result.stderr


def test_config_fail_on_and_cli_override(tmp_path):
    (tmp_path / ".thanklint.yaml").write_text("fail_on: warning\n")
    note = tmp_path / "note.md"
    note.write_text("Hi Ana,\n\nThank you for your time. I enjoyed it!!\n\nBest,\nSam\n")
    assert run_cli("check", "--select", "tone.exclamations", str(note)).returncode == 1
    assert run_cli("check", "--select", "tone.exclamations", "--fail-on", "error", str(note)).returncode == 0


def test_folder_walk_follows_the_discovered_extensions(tmp_path):
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / ".thanklint.yaml").write_text("extensions: [md]\n")
    for name in ("a.md", "b.txt", "c.text"):
        (tmp_path / "notes" / name).write_text("Hi Ana,\n\nThank you.\n")
        (tmp_path / name).write_text("Hi Ana,\n\nThank you.\n")
    found = Session().files([str(tmp_path)])
    assert found == [str(tmp_path / "a.md"), str(tmp_path / "b.txt"), str(tmp_path / "notes" / "a.md")]
    assert Session().files([str(tmp_path / "notes" / "c.text")]) == [str(tmp_path / "notes" / "c.text")]


def test_init_writes_a_valid_config(tmp_path):
    result = run_cli("init", cwd=tmp_path)
    assert result.returncode == 0
    config = load_file(str(tmp_path / ".thanklint.yaml"))
    assert isinstance(config, Config)
    build_ruleset(config)
    assert run_cli("init", cwd=tmp_path).returncode == 2  # never overwrites silently


def test_metadata_defaults_from_config(tmp_path):
    (tmp_path / ".thanklint.yaml").write_text("metadata:\n  company: Northwind Labs\n")
    note = tmp_path / "note.md"
    note.write_text("Hi Dana,\n\nThank you for your time. I would love to join Nortwind Labs.\n\nBest,\nSam\n")
    result = run_cli("check", "--select", "personalization.misspelt-company", "--format", "jsonl", str(note))
    assert "personalization.misspelt-company" in result.stdout


def test_each_file_follows_its_own_fail_on(tmp_path):
    lenient, strict = tmp_path / "lenient", tmp_path / "strict"
    lenient.mkdir(), strict.mkdir()
    (lenient / ".thanklint.yaml").write_text("fail_on: never\n")
    bad = "hey,\n\nwhen will i hear back about the job\n"
    (lenient / "x.txt").write_text(bad)
    (strict / "x.txt").write_text(bad)
    assert run_cli("check", str(lenient / "x.txt")).returncode == 0
    assert run_cli("check", str(strict / "x.txt"), str(lenient / "x.txt")).returncode == 1


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ("rules: [missing-folder]\n", "rule folder not found"),
        ("model: en_core_web_nope\n", "en_core_web_nope is not installed"),
    ],
)
def test_a_discovered_configuration_that_cannot_load_stops_only_its_drafts(tmp_path, config, message):
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / ".thanklint.yaml").write_text(config)
    (tmp_path / "broken" / "n.md").write_text("Hi Ana,\n\nThank you.\n")
    (tmp_path / "fine").mkdir()
    (tmp_path / "fine" / ".thanklint.yaml").write_text("select: [gratitude]\n")
    (tmp_path / "fine" / "n.md").write_text("Hi Ana,\n\nSee you.\n")
    result = run_cli("check", "--format", "json", str(tmp_path / "broken" / "n.md"), str(tmp_path / "fine" / "n.md"))
    assert result.returncode == 2
    broken, fine = json.loads(result.stdout)["files"]
    assert message in broken["error"]["message"]
    assert fine["error"] is None and fine["findings"]


def test_naming_the_official_pipeline_accepts_its_re_upload():
    from thanklint.nlp import DEFAULT_MODELS, resolve_model

    installed = resolve_model()
    assert resolve_model("en_core_web_sm") == installed and installed in DEFAULT_MODELS
    with pytest.raises(ThanklintError, match="xx_nope is not installed"):
        resolve_model("xx_nope")
