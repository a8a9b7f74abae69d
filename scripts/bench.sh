#!/usr/bin/env bash
# Builds the benchmarks in Release and runs them, writing the figures into bench/RESULTS.md
# (between its "results" markers; the text around them is kept).
#   scripts/bench.sh                  corpus benchmark on Reuters x10 (../shared/data), or on
#                                     215,000 generated articles when that is absent, then the
#                                     microbenchmarks and an instruction profile of indexing
#   scripts/bench.sh --copies 1       Reuters once: a quick run
# Environment: CORPUS_ARGS replaces the corpus benchmark's arguments; MICRO_FILTER limits the
# microbenchmarks (a --benchmark_filter regex; the default, -/1000000, skips the 1M-article index, which takes
# long to build the first time: MICRO_FILTER=. runs everything).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
copies=10
while [ $# -gt 0 ]; do
  case "$1" in
    --copies) copies=$2; shift 2 ;;
    *) echo "usage: scripts/bench.sh [--copies K]" >&2; exit 2 ;;
  esac
done

bash scripts/install-deps.sh
build=build-release
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DNEWSDEX_BUILD_TESTS=OFF \
  -DNEWSDEX_BUILD_BENCHMARKS=ON >/dev/null
cmake --build "$build" -j"$(nproc)" --target corpus_bench ingest_bench extract_bench \
  place_bench index_bench search_bench shards_bench text_bench >/dev/null

reuters=../shared/data/reuters21578/reuters.jsonl.gz
if [ -n "${CORPUS_ARGS:-}" ]; then
  # shellcheck disable=SC2206
  corpus_args=($CORPUS_ARGS)
elif [ -f "$reuters" ]; then
  corpus_args=(--input "$reuters" --copies "$copies" --shards 2 --merge-shards)
else
  corpus_args=(--generate 215000 --shards 2 --merge-shards)
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "corpus benchmark: corpus_bench ${corpus_args[*]}" >&2
"$build/bench/corpus_bench" "${corpus_args[@]}" --work "$out/corpus" >"$out/corpus.md"

filter=${MICRO_FILTER:--/1000000}
for bench in ingest_bench extract_bench place_bench text_bench index_bench search_bench \
  shards_bench; do
  echo "microbenchmarks: $bench" >&2
  "$build/bench/$bench" --benchmark_filter="$filter" --benchmark_min_time=0.2 \
    --benchmark_format=json >"$out/$bench.json" 2>/dev/null
done

profile=""
if command -v valgrind >/dev/null; then
  echo "profile: callgrind on 3,000 articles" >&2
  profile_input=(--generate 3000)
  [ -f "$reuters" ] && profile_input=(--input "$reuters" --limit 3000)
  mkdir -p "$out/profile"
  valgrind --tool=callgrind --callgrind-out-file="$out/callgrind.out" \
    "$build/bench/corpus_bench" "${profile_input[@]}" --threads 1 --work "$out/profile" \
    --phase-index newsdex >/dev/null 2>&1
  # head closes the pipe early, which pipefail would otherwise make fatal: hence "|| true".
  profile=$(callgrind_annotate --inclusive=yes "$out/callgrind.out" 2>/dev/null |
    grep -E '^ *[0-9,]+ \(' | head -30 | sed -E 's/ +\(/ (/; s#/[^ ]*/##' | cut -c1-150) || true
fi

/usr/bin/python3 - "$out" "$root/bench/RESULTS.md" "$load_before" "${corpus_args[*]}" \
  "$profile" <<'PYTHON'
import json, os, platform, subprocess, sys, datetime
out, results_path, load_before, corpus_args, profile = sys.argv[1:6]

def cpu():
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor()

def memory():
    for line in open("/proc/meminfo"):
        if line.startswith("MemTotal"):
            return "%.0f GiB" % (int(line.split()[1]) / 1024 / 1024)

def commit():
    try:
        return subprocess.check_output(["git", "rev-parse", "--short", "HEAD"], text=True).strip()
    except Exception:
        return "unknown"

def targets(corpus_lines):
    # The issue's targets, checked against this run's corpus table.
    rows = {}
    facets_p50 = None
    articles = None
    for line in corpus_lines:
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 6:
            rows[cells[0]] = cells[1:]
        if line.startswith("newsdex facets") and "p50 " in line:
            facets_p50 = float(line.split("p50 ")[1].split(" ms")[0])
        if line.startswith("corpus:") and " articles" in line:
            articles = line.split(";")[1].split(" articles")[0].strip().replace(",", "")
    def ratio(row, column):
        try:
            return float(rows[row][column])
        except (KeyError, ValueError, IndexError):
            return None
    checks = []
    def add(target, value, shown, met):
        checks.append("| %s | %s | %s |" % (target, shown if value is not None else "not measured",
                                            ("met" if met else "not met") if value is not None else ""))
    v = ratio("articles/s", 3)
    add("indexing with extraction >= 3x Xapian's articles/s", v, "%.2fx" % (v or 0), v is not None and v >= 3)
    for row, which in (("query p50 (ms)", "AND set"), ("query p50 (ms), OR set", "OR set")):
        v = ratio(row, 3)
        add("query p50 <= 1.0x Xapian (%s)" % which, v, "%.2fx" % (v or 0), v is not None and v <= 1.0)
        v = ratio(row, 4)
        add("query p50 <= 0.2x FTS5 (%s)" % which, v, "%.2fx" % (v or 0), v is not None and v <= 0.2)
    add("facets over every match p50 <= 10 ms at 215k articles", facets_p50,
        "%.2f ms at %s articles" % (facets_p50 or 0, articles), facets_p50 is not None and facets_p50 <= 10)
    v = ratio("index bytes / body bytes", 0)
    add("index bytes <= 4x body bytes", v, "%.2fx" % (v or 0), v is not None and v <= 4)
    v = ratio("peak RSS while indexing (MiB)", 0)
    add("peak RSS while indexing <= 1 GiB", v, "%.0f MiB" % (v or 0), v is not None and v <= 1024)
    return ["### Against the targets", "", "| target | this run | |", "|---|---|---|"] + checks

lines = []
lines.append("Run on %s, commit %s: %s, %d cores, %s of memory; load average %s before, %s after." % (
    datetime.date.today().isoformat(), commit(), cpu(), os.cpu_count(), memory(), load_before,
    " ".join(open("/proc/loadavg").read().split()[:3])))
lines.append("")
lines.append("Command: `scripts/bench.sh` (corpus benchmark: `corpus_bench %s`)." % corpus_args)
lines.append("")
lines.append("### Corpus benchmark")
lines.append("")
corpus_lines = open(os.path.join(out, "corpus.md")).read().rstrip().splitlines()
lines.extend(corpus_lines)
lines.append("")
lines.extend(targets(corpus_lines))
lines.append("")
lines.append("### Microbenchmarks")
lines.append("")
lines.append("| benchmark | time per iteration | throughput |")
lines.append("|---|---:|---:|")
for name in ["ingest_bench", "extract_bench", "place_bench", "text_bench", "index_bench", "search_bench",
             "shards_bench"]:
    path = os.path.join(out, name + ".json")
    try:
        data = json.load(open(path))
    except Exception:
        continue
    for b in data.get("benchmarks", []):
        if b.get("run_type") == "aggregate":
            continue
        unit = b.get("time_unit", "ns")
        rate = []
        if "bytes_per_second" in b:
            rate.append("%.1f MB/s" % (b["bytes_per_second"] / 1e6))
        if "items_per_second" in b:
            rate.append("%.0f items/s" % b["items_per_second"])
        label = b.get("label", "")
        lines.append("| %s `%s`%s | %.1f %s | %s |" % (
            name, b["name"], (" (" + label + ")") if label else "",
            b["real_time"], unit, ", ".join(rate)))
if profile:
    lines.append("")
    lines.append("### Where indexing time goes (callgrind, instructions, inclusive)")
    lines.append("")
    lines.append("```")
    lines.extend(profile.splitlines())
    lines.append("```")

text = open(results_path).read() if os.path.exists(results_path) else ""
begin, end = "<!-- results:begin -->", "<!-- results:end -->"
block = begin + "\n" + "\n".join(lines) + "\n" + end
if begin in text and end in text:
    text = text[:text.index(begin)] + block + text[text.index(end) + len(end):]
else:
    text = text + "\n" + block + "\n"
open(results_path, "w").write(text)
print("wrote " + results_path)
PYTHON
