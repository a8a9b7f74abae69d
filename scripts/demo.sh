#!/usr/bin/env bash
# Installs what is missing, builds newsdex in Release, indexes the bundled sample articles into
# ./news.db and runs a ranked, fielded query on them.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release -DNEWSDEX_BUILD_TESTS=OFF \
  -DNEWSDEX_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build build-release -j"$(nproc)" --target searchtool
searchtool=build-release/tools/searchtool/searchtool

echo
echo "\$ searchtool index --db news.db examples/articles"
"$searchtool" index --db news.db examples/articles
query='copper date:2022..2024'
echo
echo "\$ searchtool query --db news.db '$query'"
"$searchtool" query --db news.db "$query"
