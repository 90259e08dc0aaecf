# VocabSphere: `make run` starts the app, `make test` runs the whole test suite.
# Both set up everything first (Debian packages, .venv, Python packages) via scripts/setup.sh.

PYTHON_VENV := .venv
VS := $(PYTHON_VENV)/bin/vocabsphere
DATA_DIR ?= var

.PHONY: run test setup setup-dev lint typecheck clean

run:
	sh scripts/setup.sh run
	VOCABSPHERE_DATA_DIR=$${VOCABSPHERE_DATA_DIR:-$(DATA_DIR)} $(VS) lexicon build
	VOCABSPHERE_ENV=$${VOCABSPHERE_ENV:-development} VOCABSPHERE_DATA_DIR=$${VOCABSPHERE_DATA_DIR:-$(DATA_DIR)} \
		$(VS) serve --demo

test:
	sh scripts/setup.sh test
	sh scripts/test.sh

setup:
	sh scripts/setup.sh run

setup-dev:
	sh scripts/setup.sh test

lint:
	$(PYTHON_VENV)/bin/ruff check src tests bench training
	$(PYTHON_VENV)/bin/ruff format --check src tests bench training
	$(PYTHON_VENV)/bin/lint-imports

typecheck:
	$(PYTHON_VENV)/bin/mypy

clean:
	rm -rf $(PYTHON_VENV) test-artifacts .pytest_cache .mypy_cache .ruff_cache
