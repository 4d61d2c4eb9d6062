# `make run` and `make test` bootstrap everything they need on a fresh machine.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test lint snapshots clean tmux bench

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/companion

tmux:
	@command -v tmux >/dev/null 2>&1 || { \
		echo "Installing tmux for the end-to-end tests"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get install -y -qq tmux >/dev/null 2>&1 || \
		{ $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq tmux; }; \
	}

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

test: $(STAMP) tmux lint
	$(BIN)/pytest -n 2 -q

# The benchmarks of issue 7 (benchmarks/README.md); e.g. make bench BENCH_ARGS="--runs 11"
bench: $(STAMP)
	$(BIN)/python -m benchmarks.run $(BENCH_ARGS)

snapshots: $(STAMP)
	$(BIN)/pytest tests/snapshots --snapshot-update -q

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache snapshot_report.html
