#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/) with clang, ASan and UBSan, and runs each for a while.
#   scripts/fuzz.sh [SECONDS] [TARGET...]      (default 60 s each, every target)
# Environment: FUZZ_JOBS targets at a time (default 2), FUZZ_BUILD the build folder (default
# build-fuzz/). Each target starts from its seeds (fuzz/seeds/NAME, plus the test articles for
# the readers and extractors) and keeps what it learns in FUZZ_BUILD/corpus/NAME, so later runs
# go on from there. A crash, leak, timeout or broken property leaves its input in
# FUZZ_BUILD/artifacts/ and makes the script fail; replay it with FUZZ_BUILD/fuzz/TARGET FILE.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
build=${FUZZ_BUILD:-build-fuzz}
jobs=${FUZZ_JOBS:-2}
all=(plain_article json_article article_reader speakers places dates extractor query terms)
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=("${all[@]}")

bash scripts/install-deps.sh
# -O1 with line tables: what libFuzzer's authors advise, and quicker to build than -O2 -g.
# Assertions stay on.
CC=clang CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" \
  -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" \
  -DNEWSDEX_SANITIZE=fuzzer-no-link,address,undefined -DNEWSDEX_BUILD_FUZZERS=ON \
  -DNEWSDEX_BUILD_TESTS=OFF -DNEWSDEX_BUILD_BENCHMARKS=OFF -DNEWSDEX_BUILD_TOOLS=OFF >/dev/null
cmake --build "$build" -j"$(nproc)" --target "${targets[@]/#/fuzz_}"

dictionary_of() {
  case $1 in
    plain_article) echo fuzz/plain.dict ;;
    json_article) echo fuzz/json.dict ;;
    query) echo fuzz/query.dict ;;
    speakers | places | dates | extractor | terms) echo fuzz/extract.dict ;;
    *) echo "" ;;
  esac
}

# Seeds beyond fuzz/seeds: the test articles, and gzip-compressed copies for the reader, whose
# first byte picks the options (0: automatic format, default limit).
extra_seeds() {
  local target=$1 corpus=$2
  case $target in
    plain_article | speakers | places | extractor | terms)
      for file in tests/data/articles/*.txt; do cp "$file" "$corpus/test-$(basename "$file")"; done ;;
    article_reader)
      for file in tests/data/articles/*; do
        [ -f "$file" ] || continue
        { printf '\0'; gzip -c "$file"; } >"$corpus/gzip-$(basename "$file")"
      done ;;
  esac
}

run_one() {
  local target=$1
  local corpus="$build/corpus/$target" artifacts="$build/artifacts/$target"
  mkdir -p "$corpus" "$artifacts"
  cp -n fuzz/seeds/"$target"/* "$corpus"/ 2>/dev/null || true
  extra_seeds "$target" "$corpus"
  local dictionary
  dictionary=$(dictionary_of "$target")
  local start=$SECONDS status=0
  LSAN_OPTIONS=suppressions=$PWD/fuzz/lsan.supp "$build/fuzz/fuzz_$target" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 \
    -max_len=8192 -print_final_stats=1 -artifact_prefix="$artifacts/" \
    ${dictionary:+-dict=$dictionary} "$corpus" >"$build/fuzz-$target.log" 2>&1 || status=$?
  local runs
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$build/fuzz-$target.log" |
    grep -o '[0-9]*$' || echo "?")
  if [ "$status" -eq 0 ]; then
    echo "fuzz_$target: $((SECONDS - start)) s, $runs runs, no crash"
  else
    echo "fuzz_$target: FAILED after $((SECONDS - start)) s (see $build/fuzz-$target.log," \
      "input in $artifacts/)"
    grep -m 3 -E 'ERROR|property violated|runtime error' "$build/fuzz-$target.log" || true
  fi
  return "$status"
}

export -f run_one extra_seeds dictionary_of
export build seconds
printf '%s\n' "${targets[@]}" | xargs -P "$jobs" -I{} bash -c 'run_one {}'
