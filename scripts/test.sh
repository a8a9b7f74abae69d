#!/usr/bin/env bash
# Builds newsdex and runs the whole test suite with ctest.
#   scripts/test.sh [BUILD_DIR]       (default build/)
# Environment: NEWSDEX_SANITIZE=address,undefined builds with sanitizers (at -O1, line tables
# only); NEWSDEX_BUILD_BENCHMARKS=OFF leaves the benchmarks out; CTEST_ARGS adds
# ctest arguments (e.g. CTEST_ARGS="-L fast").
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-build}

bash scripts/install-deps.sh
build_type=Release
optimisation=()
if [ -n "${NEWSDEX_SANITIZE:-}" ]; then
  # Line tables are all a sanitizer's reports need, and -O1 keeps its stack traces exact; both
  # build much faster than -O2 -g.
  build_type=RelWithDebInfo
  optimisation=(-DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1" -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O1 -g1")
fi
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE="$build_type" -DNEWSDEX_WERROR=ON \
  -DNEWSDEX_SANITIZE="${NEWSDEX_SANITIZE:-}" "${optimisation[@]}" \
  -DNEWSDEX_BUILD_BENCHMARKS="${NEWSDEX_BUILD_BENCHMARKS:-ON}" >/dev/null
cmake --build "$build_dir" -j"$(nproc)"
cd "$build_dir"
# shellcheck disable=SC2086
ctest --output-on-failure -j"$(nproc)" ${CTEST_ARGS:-}
