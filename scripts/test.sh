#!/usr/bin/env bash
# Builds newsdex and runs the whole test suite with ctest.
#   scripts/test.sh [BUILD_DIR]       (default build/)
# Environment: NEWSDEX_SANITIZE=address,undefined builds with sanitizers; CTEST_ARGS adds
# ctest arguments (e.g. CTEST_ARGS="-L fast").
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-build}

bash scripts/install-deps.sh
build_type=Release
[ -n "${NEWSDEX_SANITIZE:-}" ] && build_type=RelWithDebInfo
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE="$build_type" -DNEWSDEX_WERROR=ON \
  -DNEWSDEX_SANITIZE="${NEWSDEX_SANITIZE:-}" >/dev/null
cmake --build "$build_dir" -j"$(nproc)"
cd "$build_dir"
# shellcheck disable=SC2086
ctest --output-on-failure -j"$(nproc)" ${CTEST_ARGS:-}
