# Everything installs into .venv on first use: `make run` and `make test` work on a fresh clone
# with only Python 3.11+ and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test check lint typecheck clean docs bench

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

# The main job on the shipped plan: the auditor's summary, then the checks' verdict. Findings are
# the tool's output, not a failure of `make run`: validate's exit 1 (findings) is accepted, exit 2
# (could not run) fails.
run: $(STAMP)
	@$(BIN)/plan272 summary data/ || exit $$?; echo
	@$(BIN)/plan272 validate data/ ; rc=$$?; \
	 if [ $$rc -ge 2 ]; then echo "plan272 could not run (exit $$rc)"; exit $$rc; fi; \
	 echo; echo "plan272 ran as designed (validate exit $$rc: 0 = no errors, 1 = findings shown above)."

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

typecheck: $(STAMP)
	$(BIN)/mypy src

check: lint typecheck test

# The README's pictures of the printed report (needs chromium and poppler-utils).
docs: $(STAMP)
	@tmp=$$(mktemp -d) && SOURCE_DATE_EPOCH=1764669600 $(BIN)/plan272 summary data --lang vi --export $$tmp/r.html \
	 && chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf=$$tmp/r.pdf $$tmp/r.html 2>/dev/null \
	 && pdftoppm -r 80 -png -f 1 -l 1 $$tmp/r.pdf docs/summary-vi-page \
	 && pdftoppm -r 80 -png -f 9 -l 9 $$tmp/r.pdf docs/summary-vi-page; rm -rf $$tmp

# Time and memory on generated plans of growing size (BENCH_SIZES="1000 10000 100000 200000" to
# choose). Figures depend on the machine: compare runs on one machine. Not part of `make check`.
bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis
