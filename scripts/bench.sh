#!/usr/bin/env bash
# The performance benchmark (README "Benchmarks"): installs any missing tool, builds the release
# dist/, then measures it in headless Chromium (tests/perf/bench.mjs) and prints the figures and
# a PASS/FAIL verdict per budget. A report, not a test: it exits 0 even when a budget fails
# (non-zero only when it cannot build or measure). Extra arguments go to bench.mjs
# (--loads N, --moves N, --big-moves N, --json FILE, --dist DIR).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/install-tools.sh
export PATH="$HOME/.cargo/bin:$root/node_modules/.bin:$PATH"

printf '\n==> release build\n' >&2
trunk build --release

printf '\n==> benchmark\n' >&2
node tests/perf/bench.mjs "$@"
