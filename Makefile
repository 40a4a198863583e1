# The two commands of the README:
#   make run    set up everything, then chat with the seed documents in the web UI (http://127.0.0.1:7860)
#   make test   set up everything (browser included), then run the whole test suite
# Both install what they need on a fresh machine; a second run skips what is already there.

VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin

.PHONY: setup browser run ask test lint

setup: $(VENV)/.installed

# torch first, pinned to the CPU build these machines carry; any other request pulls a multi-GB CUDA build.
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e '.[test]'
	touch $@

# Debian's Chromium for the browser tests (Playwright cannot download its own browser here) and CJK fonts.
browser:
	@if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi 'noto.*cjk'; then \
		apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver fonts-noto-cjk; \
	fi

run: setup
	$(BIN)/rag ui

test: setup browser
	$(BIN)/python -m pytest -q

lint: setup
	$(BIN)/ruff check rag ui tests eval
