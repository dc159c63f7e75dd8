#!/usr/bin/env bash
# Installs every tool the build and the tests need, skipping each one already present at the
# pinned version. Safe to run again: a warm machine finishes in seconds.
# Pins and their reasons: ../shared/toolchain.md and the README's "Toolchain" section.
set -euo pipefail

WASM_BINDGEN_VERSION=0.2.130
TRUNK_VERSION=0.21.14

root=$(cd "$(dirname "$0")/.." && pwd)
export PATH="$HOME/.cargo/bin:$root/node_modules/.bin:$PATH"

say() { printf '==> %s\n' "$*" >&2; }

if ! rustup target list --installed | grep -x wasm32-unknown-unknown >/dev/null; then
  say "adding the wasm32 target"
  rustup target add wasm32-unknown-unknown
fi

if ! wasm-bindgen --version 2>/dev/null | grep "$WASM_BINDGEN_VERSION" >/dev/null; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3 minutes)"
  # Not --locked: its lockfile wants a webpki-roots release the registry lacks.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

if ! trunk --version 2>/dev/null | grep "$TRUNK_VERSION" >/dev/null; then
  say "installing trunk $TRUNK_VERSION (about 9 minutes)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

missing_debs=()
command -v chromium >/dev/null || missing_debs+=(chromium)
command -v chromedriver >/dev/null || missing_debs+=(chromium-driver)
# pdftotext and pdfinfo read the printed report in the print test.
command -v pdftotext >/dev/null || missing_debs+=(poppler-utils)
# grep reads all of fc-list's output (no -q): quitting early would kill fc-list with SIGPIPE,
# which pipefail reports as "not found" now and then.
fc-list 2>/dev/null | grep -i "Noto Sans CJK" >/dev/null || missing_debs+=(fonts-noto-cjk)
# The cross-engine tests: Firefox (driven over WebDriver BiDi by puppeteer-core), WebKitGTK's
# MiniBrowser with its WebDriver, and a virtual display for it.
command -v firefox-esr >/dev/null || missing_debs+=(firefox-esr)
command -v WebKitWebDriver >/dev/null || missing_debs+=(webkit2gtk-driver)
command -v xvfb-run >/dev/null || missing_debs+=(xvfb)
if [ ${#missing_debs[@]} -gt 0 ]; then
  say "installing ${missing_debs[*]} from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing_debs[@]}" >/dev/null
fi

if [ ! -x "$root/node_modules/.bin/wasm-opt" ] || [ "$root/package-lock.json" -nt "$root/node_modules/.package-lock.json" ]; then
  say "installing node tools (binaryen, playwright-core, puppeteer-core, selenium-webdriver, axe-core)"
  (cd "$root" && npm ci --no-audit --no-fund --loglevel=error)
fi
