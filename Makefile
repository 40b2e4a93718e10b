# Everything runs in a local virtualenv that these targets create and keep up to date.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test eval docs bench stress clean

## demo: install everything, then lint the bundled example drafts
demo: $(STAMP)
	$(BIN)/thanklint check --fail-on never fixtures/drafts

## test: install everything, then run the whole test suite
test: $(STAMP)
	$(BIN)/python -m pytest

## eval: per-quality precision, recall and balanced accuracy on each labelled set
eval: $(STAMP)
	$(BIN)/python scripts/evaluate.py $(wildcard tests/eval tests/eval-*)

## docs: regenerate docs/rules.md from the rule files
docs: $(STAMP)
	$(BIN)/python -m thanklint.docs docs/rules.md

## bench: time and memory of linting the evaluation drafts, against the raw spaCy parse
bench: $(STAMP)
	$(BIN)/python scripts/benchmark.py

## stress: every built-in regex and the whole linter on adversarial inputs (100 KB to 1 MB)
stress: $(STAMP)
	$(BIN)/python scripts/stress.py

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) build dist src/*.egg-info
