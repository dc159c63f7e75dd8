#!/usr/bin/env bash
# Fuzzes the explorer's readers of hostile input with cargo-fuzz (libFuzzer; optimised, with debug
# assertions and overflow checks on). See SECURITY.md, "Fuzzing".
#
#   bash fuzz/run.sh                      # every target, 1,000,000 executions each
#   bash fuzz/run.sh 200000 share_link    # one target, 200,000 executions
#
# Needs cargo-fuzz (`cargo install cargo-fuzz`). On the stable toolchain, RUSTC_BOOTSTRAP=1 lets
# cargo-fuzz pass its -Z sanitizer flags. Not part of scripts/test.sh: a full run takes 10 to 50
# minutes on two cores (csv is the slowest), plus about 5 minutes to build. A crashing input is
# saved under fuzz/artifacts/TARGET/ and the run stops: keep it as a native test in tests/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export PATH="$HOME/.cargo/bin:$PATH"
export RUSTC_BOOTSTRAP=1

runs=${1:-1000000}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(dataset csv share_link scenario_import saved_store)

# Seed inputs: the project's own files (the malformed-dataset corpus, the datasets, the end-to-end
# fixtures) and the hand-written seeds in fuzz/seeds/. fuzz/corpus/TARGET keeps what the fuzzer
# finds interesting between runs (ignored by git).
seeds() {
  case $1 in
    dataset) echo tests/corpus tests/e2e/fixtures data ;;
    csv) echo tests/e2e/fixtures data ;;
    *) echo "fuzz/seeds/$1" ;;
  esac
}
dict() {
  case $1 in
    csv) echo fuzz/dict/csv.dict ;;
    share_link) echo fuzz/dict/share_link.dict ;;
    *) echo fuzz/dict/dataset.dict ;;
  esac
}
max_len() {
  case $1 in
    share_link) echo 9000 ;;   # just past the 8 KB link limit
    *) echo 65536 ;;
  esac
}

# No AddressSanitizer (-s none): the crate has no `unsafe` code, and the sanitizer made each
# execution about ten times slower. FUZZ_SANITIZER=address turns it back on.
sanitizer=${FUZZ_SANITIZER:-none}
cargo fuzz build -s "$sanitizer"
for target in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$target"
  log="fuzz/artifacts/$target.log"
  mkdir -p fuzz/artifacts
  start=$(date +%s)
  # -timeout: any one input taking over 2 s is reported as a hang (and fails the run).
  # shellcheck disable=SC2046
  cargo fuzz run -s "$sanitizer" "$target" "fuzz/corpus/$target" $(seeds "$target") -- \
    -runs="$runs" -timeout=2 -rss_limit_mb=2048 -max_len="$(max_len "$target")" \
    -dict="$(dict "$target")" -seed=1 -print_final_stats=1 >"$log" 2>&1 || {
      tail -n 40 "$log"
      echo "fuzz target $target failed after $(( $(date +%s) - start )) s: see $log" >&2
      exit 1
    }
  done_runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  slowest=$(grep -o 'stat::slowest_unit_time_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  echo "$target: $done_runs executions in $(( $(date +%s) - start )) s, no crash, no hang (slowest input ${slowest} s); log $log"
done
