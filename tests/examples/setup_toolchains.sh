#!/usr/bin/env bash
# Installs what the code examples need: Debian packages, examples/.venv, examples/node_modules.
# Idempotent: each step runs only when something is missing or its list changed.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
EXAMPLES="$ROOT/examples"
PYTHON="${PYTHON:-python3}"

fail() { echo "setup_toolchains.sh: $*" >&2; exit 1; }

# 1. Debian packages (Go, Ruby, protoc and plugins, wrk), one per line in debian-packages.txt.
"$ROOT/tests/examples/install_debian_packages.sh"

# 2. Python venv for the Python examples and the tests' protocol clients.
VENV="$EXAMPLES/.venv"
if [[ ! -x "$VENV/bin/python" || "$EXAMPLES/requirements.txt" -nt "$VENV/.installed" ]]; then
  echo "Creating $VENV from examples/requirements.txt"
  [[ -x "$VENV/bin/python" ]] || "$PYTHON" -m venv "$VENV" || fail "could not create $VENV"
  # The project's uv, installed by `make setup-site` before this script runs.
  [[ -x "$ROOT/.venv/bin/uv" ]] || fail "no .venv/bin/uv: run make setup-test"
  "$ROOT/.venv/bin/uv" pip install --quiet --python "$VENV/bin/python" -r "$EXAMPLES/requirements.txt" \
    || fail "uv could not install examples/requirements.txt"
  touch "$VENV/.installed"
fi

# 3. Node packages from package-lock.json.
MODULES="$EXAMPLES/node_modules"
if [[ ! -f "$MODULES/.installed" || "$EXAMPLES/package-lock.json" -nt "$MODULES/.installed" \
      || "$EXAMPLES/package.json" -nt "$MODULES/.installed" ]]; then
  command -v npm >/dev/null || fail "npm not found: Node.js 20.19+ with npm is needed"
  echo "Installing examples/node_modules with npm ci"
  (cd "$EXAMPLES" && npm ci --no-audit --no-fund --loglevel=error) \
    || fail "npm ci failed in examples/"
  touch "$MODULES/.installed"
fi

echo "Example toolchains ready."
