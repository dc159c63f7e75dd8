#!/usr/bin/env bash
# Runs every test: the native core tests, the component tests in headless Chromium
# (wasm-bindgen-test), and the end-to-end tests against the release build (in Chromium, then a
# shared set in Chromium, Firefox and WebKit).
# Installs any missing tool first. Exits non-zero on the first failing stage.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/install-tools.sh
export PATH="$HOME/.cargo/bin:$root/node_modules/.bin:$PATH"
log=$(mktemp)
trap 'rm -f "$log"' EXIT

stage() { printf '\n==> %s\n' "$*" >&2; }

stage "native tests (core, charts, i18n, corpus)"
cargo test --locked --workspace 2>&1 | tee -a "$log"

stage "component tests in headless Chromium (wasm-bindgen-test)"
cargo test --locked --target wasm32-unknown-unknown --test browser 2>&1 | tee -a "$log"

stage "release build"
trunk build --release

stage "end-to-end tests in headless Chromium"
node --test tests/e2e/*.test.mjs 2>&1 | tee -a "$log"

# WebKit needs a display: a virtual one, tall enough for a full-page screenshot.
stage "the same journeys in Chromium, Firefox and WebKit"
xvfb-run -a -s "-screen 0 1280x4000x24" node --test tests/e2e/engines/ 2>&1 | tee -a "$log"

# One closing line over every runner: cargo's "test result" lines and node's "# pass/# fail".
awk '
  /test result:/ { for (i = 1; i <= NF; i++) { if ($i ~ /^passed;?$/) p += $(i-1); if ($i ~ /^failed;?$/) f += $(i-1) } }
  /^# pass / { p += $3 }
  /^# fail / { f += $3 }
  END { printf "\nall: %d passed, %d failed\n", p, f }
' "$log"
