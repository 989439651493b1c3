# The two commands: `make serve` (reading the site needs Python only) and `make test` (sets up the
# test tools: dev Python packages, npm packages, Chromium, the code examples' toolchains).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SITE_DIR ?= site
export NO_MKDOCS_2_WARNING := 1
PIP := $(BIN)/python -m pip install --quiet --disable-pip-version-check
# uv (from PyPI, into the venv) installs the locked packages: seconds where pip takes minutes.
UV_VERSION := 0.13.9
UV_INSTALL := $(BIN)/uv pip install --quiet --python $(BIN)/python
# Lighthouse runs per page in `make audit`, each page judged on its median run (CI runs fewer).
AUDIT_RUNS ?= 7
AUDIT_FLAGS ?=

.PHONY: setup-site setup-test serve build test test-fast audit bench bench-frameworks diagrams facts-check lock clean

# ── Set-up by need ──────────────────────────────────────────────────────────────────────────
setup-site: $(VENV)/.site-installed

$(BIN)/uv:
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) uv==$(UV_VERSION)

$(VENV)/.site-installed: requirements.txt $(BIN)/uv
	$(UV_INSTALL) -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements-dev.txt $(VENV)/.site-installed
	$(UV_INSTALL) -r requirements-dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Debian's chromium where present; elsewhere Playwright's own browser (a download).
.chromium-ready: $(VENV)/.dev-installed
	if [ ! -x /usr/bin/chromium ]; then $(BIN)/python -m playwright install chromium; fi
	touch $@

setup-test: setup-site $(VENV)/.dev-installed node_modules/.installed .chromium-ready
	tests/examples/setup_toolchains.sh

# ── The site ────────────────────────────────────────────────────────────────────────────────
serve: setup-site
	$(BIN)/mkdocs serve --livereload --dev-addr 127.0.0.1:8000

# Strict build into a scratch folder, moved into place only when it succeeds: a failed build
# leaves no half-built site. Not --quiet: it would hide the warnings that fail a strict build.
build: setup-site
	rm -rf .site-build
	$(BIN)/mkdocs build --strict --site-dir .site-build || { rm -rf .site-build; exit 1; }
	rm -rf $(SITE_DIR) && mv .site-build $(SITE_DIR)

# ── Tests and tools ────────────────────────────────────────────────────────────────────────
# On both cores, each group of tests (a module unless tests/conftest.py's group_of says otherwise)
# on one worker, in the order collected (the heaviest kinds first).
test: setup-test
	$(BIN)/python -m pytest -n 2 --dist loadscope --no-loadscope-reorder

# The fast loop: unit and JavaScript tests only (no site build, no browser), on both cores.
test-fast: $(VENV)/.dev-installed
	$(BIN)/python -m pytest -m "unit or js" -q -n 2

# Lighthouse on one page of each type, ours beside a bare Material site; fails below budget.
audit: setup-test
	$(BIN)/python -m tests.audit.lighthouse_audit --runs $(AUDIT_RUNS) $(AUDIT_FLAGS)

# Benchmarks print figures (ratios against baselines measured in the same run); they assert nothing.
bench: setup-test
	@for script in bench/bench_*.py; do [ $$script = bench/bench_frameworks.py ] && continue; \
	  echo "== $$script"; $(BIN)/python $$script || exit 1; done

# Requests per second and memory of every runnable code example under the same load (wrk).
bench-frameworks: setup-test
	$(BIN)/python bench/bench_frameworks.py

# Draw the site's diagrams ahead of time into diagrams/ (Mermaid in Chromium), removing stale
# drawings: run it when data changes a diagram (the page says so), then commit diagrams/.
diagrams: setup-test
	$(BIN)/python -m macros.tools.draw_diagrams

# Compare the recorded facts (data/facts.yaml) with PyPI and npm; prints the drift. Network.
facts-check: $(VENV)/.dev-installed
	$(BIN)/python -m macros.tools.facts_check

# Re-lock Python dependencies after editing requirements.in or requirements-dev.in.
lock:
	rm -rf .venv-lock && $(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet -r requirements.in
	{ echo "# Locked versions: regenerate with 'make lock' after editing requirements.in."; .venv-lock/bin/pip freeze; } > requirements.txt
	.venv-lock/bin/pip install --quiet -r requirements-dev.in
	{ echo "# Locked versions: regenerate with 'make lock' after editing requirements-dev.in."; \
	  .venv-lock/bin/pip freeze | grep -vxFf <(grep -v '^#' requirements.txt); } > requirements-dev.txt
	rm -rf .venv-lock

clean:
	rm -rf $(SITE_DIR) .site-build .pytest_cache
