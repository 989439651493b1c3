# The two commands: `make serve` and `make test`. Both set up what is missing first.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SITE_DIR ?= site
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup serve build test audit bench diagrams lock clean

setup: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@# Debian's chromium where present; elsewhere Playwright's own browser.
	if [ ! -x /usr/bin/chromium ]; then $(BIN)/python -m playwright install chromium; fi
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

serve: setup
	$(BIN)/mkdocs serve --livereload --dev-addr 127.0.0.1:8000

# Strict build into a scratch folder, moved into place only when it succeeds: a failed build
# leaves no half-built site. Not --quiet: it would hide the warnings that fail a strict build.
build: setup
	rm -rf .site-build
	$(BIN)/mkdocs build --strict --site-dir .site-build || { rm -rf .site-build; exit 1; }
	rm -rf $(SITE_DIR) && mv .site-build $(SITE_DIR)

test: setup
	$(BIN)/python -m pytest

# Lighthouse on one page of each type, ours beside a bare Material site; fails below budget.
audit: setup
	$(BIN)/python -m tests.audit.lighthouse_audit

# Benchmarks print figures (ratios against baselines measured in the same run); they assert nothing.
bench: setup
	@for script in bench/bench_*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

# Draw the site's diagrams ahead of time into diagrams/ (Mermaid in Chromium), removing stale
# drawings: run it when data changes a diagram (tests/test_diagram_cache.py says so), then commit.
diagrams: setup
	$(BIN)/python -m macros.draw_diagrams

# Re-lock Python dependencies after editing requirements.in.
lock:
	rm -rf .venv-lock && $(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet -r requirements.in
	{ echo "# Locked versions: regenerate with 'make lock' after editing requirements.in."; .venv-lock/bin/pip freeze; } > requirements.txt
	rm -rf .venv-lock

clean:
	rm -rf $(SITE_DIR) .site-build .pytest_cache
