# `make run` and `make test` bootstrap everything they need on a fresh machine.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test lint snapshots clean tmux test-tools bench

# Programs the tests drive, as command:Debian package (apt-get installs what is missing).
TEST_TOOLS := tmux:tmux zsh:zsh fish:fish chromium:chromium chromedriver:chromium-driver

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/companion

test-tools:
	@missing=""; for tool in $(TEST_TOOLS); do \
		command -v $${tool%%:*} >/dev/null 2>&1 || missing="$$missing $${tool#*:}"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "Installing$$missing for the tests"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get install -y -qq $$missing >/dev/null 2>&1 || \
		{ $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq $$missing; }; \
	fi

tmux: test-tools

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

test: $(STAMP) test-tools lint
	$(BIN)/pytest -n 2 -q

# The benchmarks of issue 7 (benchmarks/README.md); e.g. make bench BENCH_ARGS="--runs 11"
bench: $(STAMP)
	$(BIN)/python -m benchmarks.run $(BENCH_ARGS)

snapshots: $(STAMP)
	$(BIN)/pytest tests/snapshots --snapshot-update -q

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache snapshot_report.html
