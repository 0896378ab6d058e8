# barraiser: `make run` starts the web app, `make test` runs every test (see README.md).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Debian packages the tests need: a real browser, a real PostgreSQL server and the judge's
# sandbox (bubblewrap) and toolchains.
APT_TEST_PACKAGES := chromium postgresql fonts-dejavu-core bubblewrap g++ openjdk-17-jdk-headless
# Unprivileged users the judge runs untrusted code as (one per worker slot).
SANDBOX_SLOTS ?= 2

.PHONY: run test lint venv dev system-deps sandbox-users clean help

help:
	@echo "make run   - set up $(VENV) and start barraiser serve (http://127.0.0.1:8000)"
	@echo "make test  - install what the tests need (apt packages included) and run them"
	@echo "make lint  - ruff and mypy --strict"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

venv: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .

run: venv
	$(BIN)/barraiser serve

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test,lint,postgres]'
	touch $(STAMP)

dev: $(STAMP)

# Installs missing Debian packages when run as root on a Debian/Ubuntu machine.
system-deps:
	@missing=""; for p in $(APT_TEST_PACKAGES); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else echo "Please install these packages (as root):$$missing"; exit 1; fi; \
	fi

# Creates the sandbox users barraiser-sb0, barraiser-sb1 ... when run as root.
sandbox-users:
	@for i in $$(seq 0 $$(($(SANDBOX_SLOTS) - 1))); do \
	  u=barraiser-sb$$i; id -u $$u >/dev/null 2>&1 && continue; \
	  if [ "$$(id -u)" = 0 ]; then \
	    useradd --system --no-create-home --shell /usr/sbin/nologin $$u && echo "Created user $$u"; \
	  else echo "Please create the sandbox user $$u (as root): useradd --system --no-create-home --shell /usr/sbin/nologin $$u"; exit 1; fi; \
	done

test: system-deps sandbox-users dev
	BARRAISER_REQUIRE_POSTGRES=1 BARRAISER_REQUIRE_SANDBOX=1 $(BIN)/python -m pytest $(PYTEST_ARGS)

lint: dev
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache test-output dist build
