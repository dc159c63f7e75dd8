#!/usr/bin/env bash
# Builds the explorer (release) with the built-in Muchuan data and serves it on 127.0.0.1.
# Usage: bash scripts/serve.sh [PORT]   (default 8080). Installs any missing tool first.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/install-tools.sh
export PATH="$HOME/.cargo/bin:$root/node_modules/.bin:$PATH"
trunk build --release
exec node tests/e2e/server.mjs dist "${1:-8080}"
