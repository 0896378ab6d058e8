# barraiser: `make run` starts the web app, `make test` runs every test (see README.md).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Debian packages the judge needs (its sandbox and toolchains) and the labs' Fashion-MNIST images,
# and the tests on top of them:
# a real browser, a real PostgreSQL server and a real Redis (the judge workers' broker).
APT_RUN_PACKAGES := bubblewrap g++ openjdk-17-jdk-headless nodejs python3-numpy dataset-fashion-mnist
APT_TEST_PACKAGES := $(APT_RUN_PACKAGES) chromium postgresql fonts-dejavu-core redis-server
# Unprivileged users the judge runs untrusted code as (one per worker slot).
SANDBOX_SLOTS ?= 2

.PHONY: run test lint venv dev system-deps sandbox-users run-deps clean help content-proof

help:
	@echo "make run   - set up $(VENV) and start barraiser serve (http://127.0.0.1:8000)"
	@echo "make test  - install what the tests need (apt packages included) and run them"
	@echo "make lint  - ruff and mypy --strict"
	@echo "make content-proof - prove every coding problem in the sandbox and record it"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

venv: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .

# `judge prepare` builds the C++ precompiled header now (not on a candidate's first submit) and
# removes run folders left by a killed judge; without root it says what it could not do.
run: run-deps venv
	-$(BIN)/barraiser judge prepare
	$(BIN)/barraiser serve

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test,lint,postgres]'
	touch $(STAMP)

dev: $(STAMP)

# Installs missing Debian packages when run as root on a Debian/Ubuntu machine.
system-deps:
	@sh scripts/system-deps.sh $(APT_TEST_PACKAGES)

# Creates the sandbox users barraiser-sb0, barraiser-sb1 ... when run as root.
sandbox-users:
	@sh scripts/sandbox-users.sh $(SANDBOX_SLOTS)

# For `make run` the judge is optional: without root, say what is missing and start anyway.
run-deps:
	@sh scripts/system-deps.sh --soft $(APT_RUN_PACKAGES)
	@sh scripts/sandbox-users.sh --soft $(SANDBOX_SLOTS)

test: system-deps sandbox-users dev
	BARRAISER_REQUIRE_POSTGRES=1 BARRAISER_REQUIRE_REDIS=1 BARRAISER_REQUIRE_SANDBOX=1 $(BIN)/python -m pytest $(PYTEST_ARGS)

# Proves every problem in the sandbox (slow; CI proves only the changed ones) and records each
# proved problem's file digest in content/problems/proved.json; prints the time it took.
content-proof: system-deps sandbox-users dev
	$(BIN)/barraiser content check --judge --record

lint: dev
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache test-output dist build
