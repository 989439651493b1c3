#!/usr/bin/env bash
# Installs, in one apt run, the Debian packages that are missing among the examples' toolchains
# (examples/debian-packages.txt, one per line) and any named on the command line (CI adds
# chromium). Does nothing when all are installed.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"

fail() { echo "install_debian_packages.sh: $*" >&2; exit 1; }

missing=()
while read -r pkg; do
  [[ -z "$pkg" || "$pkg" == \#* ]] && continue
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
done < <(cat "$ROOT/examples/debian-packages.txt"; printf '%s\n' "$@")
((${#missing[@]})) || exit 0

command -v apt-get >/dev/null || fail "apt-get not found; install by hand: ${missing[*]}"
[[ "$(id -u)" == 0 ]] || fail "root is needed to install Debian packages: ${missing[*]}"
echo "Installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >/dev/null || fail "apt-get update failed"
# unsafe-io: dpkg skips an fsync per file (minutes with Go's and Ruby's libraries); a machine
# that loses power mid-install installs again.
apt-get install -y -q --no-install-recommends -o Dpkg::Options::=--force-unsafe-io "${missing[@]}" \
  || fail "could not install Debian packages: ${missing[*]}"
