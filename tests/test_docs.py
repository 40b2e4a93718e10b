"""docs/rules.md is generated from the rule files and must not drift; `explain` prints the
same page."""

from __future__ import annotations

from conftest import ROOT, run_cli
from thanklint.docs import rule_page, rules_markdown
from thanklint.rules import load_rules


def test_rules_md_is_up_to_date():
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == rules_markdown(), "docs/rules.md is stale: run `make docs`"


def test_every_rule_has_a_page_with_the_fixed_sections():
    text = rules_markdown()
    for rule in load_rules():
        page = rule_page(rule)
        assert page in text
        positions = [
            page.index(s)
            for s in ("### What it does", "### Why is this bad?", "### Example", "### Use instead", "### Options")
        ]
        assert positions == sorted(positions)


def test_explain_matches_the_generated_page():
    rule = next(r for r in load_rules() if r.id == "proofreading.spelling")
    assert run_cli("explain", rule.id).stdout == rule_page(rule, level=1)
