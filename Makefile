# Everything runs in a local virtualenv that these targets create and keep up to date.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo lint test eval snapshot check-snapshot docs bench fuzz stress clean

## demo: install everything, then lint the bundled example drafts
demo: $(STAMP)
	$(BIN)/thanklint check --fail-on never fixtures/drafts

## lint: the project's own gates (ruff lint and format, mypy; settings in pyproject.toml)
lint: $(STAMP)
	$(BIN)/ruff check
	$(BIN)/ruff format --check src tests scripts
	$(BIN)/mypy

## test: install everything, run the lint gates, then the whole test suite, one worker per core
## (pytest-xdist; a test file stays in one worker, which keeps each file's shared fixtures single)
test: lint
	$(BIN)/python -m pytest -n auto --dist loadfile

## eval: per-quality precision, recall and balanced accuracy on the real-world development set
## (read from ../shared/realworld when it is there; its text never enters this repository),
## then on each labelled set of this repository
REALWORLD ?= ../shared/realworld
eval: $(STAMP)
	$(BIN)/python scripts/evaluate.py $(wildcard $(REALWORLD)) $(wildcard tests/eval tests/eval-*)

## snapshot: record every labelled draft's checklist (tests/test_accuracy.py compares with it)
snapshot: $(STAMP)
	$(BIN)/python scripts/evaluate.py --snapshot tests/accuracy-snapshot.yaml $(wildcard tests/eval tests/eval-*)

## check-snapshot: lint every labelled draft against the snapshot (the test suite checks one in six)
check-snapshot: $(STAMP)
	THANKLINT_SNAPSHOT=all $(BIN)/python -m pytest tests/test_accuracy.py

## docs: regenerate docs/rules.md from the rule files
docs: $(STAMP)
	$(BIN)/python -m thanklint.docs docs/rules.md

## fuzz: the long fuzz profile (100,000 examples per property unless FUZZ_EXAMPLES says otherwise)
FUZZ_EXAMPLES ?= 100000
fuzz: $(STAMP)
	THANKLINT_FUZZ=long THANKLINT_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest tests/test_fuzz.py --hypothesis-show-statistics

## bench: time and memory of linting the evaluation drafts, against the raw spaCy parse
bench: $(STAMP)
	$(BIN)/python scripts/benchmark.py

## stress: every built-in regex (100 KB and 1 MB) and the whole linter (at the size limit and 1 MB) on adversarial inputs
stress: $(STAMP)
	$(BIN)/python scripts/stress.py

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) build dist src/*.egg-info
