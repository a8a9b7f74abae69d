// What extraction costs while indexing: indexes the same corpus with IndexWriter::add_batch
// with extraction off and on, alternating, and prints the times of each round and the ratio
// of the medians, all measured in the same run:
//
//   index_extract_bench                              # ../shared/data/reuters21578/reuters.jsonl.gz
//   index_extract_bench --rounds 5 --threads 2 --input corpus.jsonl.gz
//   index_extract_bench --generate 20000             # generated articles, no input needed
//   index_extract_bench --kinds places               # "on" extracts places only
//   valgrind --tool=callgrind index_extract_bench --only on --rounds 1 --limit 2000
//
// The articles are read into memory first, so the times are those of extraction, document
// building and writing (commits included); each round writes a new index into --work.
// Wall time is what a user waits; CPU time (user + system, every thread) is what the machine
// spends, and moves less with the load of other processes.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include <sys/resource.h>

#include <newsdex/index_writer.hpp>

#include "bench_corpus.hpp"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct Options {
  newsdex::bench::CorpusOptions corpus;
  std::size_t rounds = 3;
  std::size_t threads = 0;
  fs::path work = "index-extract-bench";
  newsdex::ExtractOptions extraction;  // what "on" extracts (--kinds)
  std::string only;                    // "off" or "on": index only that way, for a profiler
};

[[noreturn]] void usage(const std::string& problem) {
  std::cerr << "index_extract_bench: " << problem << "\n"
            << "usage: index_extract_bench [--input FILE.jsonl[.gz]] [--generate N] [--limit N]\n"
               "         [--rounds R] [--threads T] [--work DIR] [--kinds speakers,places,dates]\n"
               "         [--only off|on]\n";
  std::exit(2);
}

Options parse_options(int argc, char** argv) {
  Options options;
  options.corpus.input = "../shared/data/reuters21578/reuters.jsonl.gz";
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (i + 1 >= argc) usage(arg + " needs a value");
    const std::string value = argv[++i];
    auto number = [&] { return static_cast<std::size_t>(std::stoull(value)); };
    if (arg == "--input") {
      options.corpus.input = value;
    } else if (arg == "--generate") {
      options.corpus.generate = number();
      options.corpus.input.clear();
    } else if (arg == "--limit") {
      options.corpus.limit = number();
    } else if (arg == "--rounds") {
      options.rounds = std::max<std::size_t>(1, number());
    } else if (arg == "--threads") {
      options.threads = number();
    } else if (arg == "--work") {
      options.work = value;
    } else if (arg == "--only") {
      if (value != "off" && value != "on") usage("--only takes off or on");
      options.only = value;
    } else if (arg == "--kinds") {
      options.extraction.speakers = value.find("speakers") != std::string::npos;
      options.extraction.places = value.find("places") != std::string::npos;
      options.extraction.dates = value.find("dates") != std::string::npos;
    } else {
      usage("unknown option " + arg);
    }
  }
  if (const std::string problem = newsdex::bench::corpus_problem(options.corpus);
      !problem.empty()) {
    usage(problem);
  }
  return options;
}

double cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto seconds = [](const timeval& time) {
    return static_cast<double>(time.tv_sec) + static_cast<double>(time.tv_usec) / 1e6;
  };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

struct Timing {
  double wall = 0;
  double cpu = 0;
};

// Indexes `articles` into a new index at `db` in groups of 512, as searchtool index does.
Timing index_all(const std::vector<newsdex::Article>& articles, const fs::path& db, bool extract,
                 const Options& options) {
  fs::remove_all(db);
  const double cpu_before = cpu_seconds();
  const auto start = Clock::now();
  {
    auto writer = newsdex::IndexWriter::open(
        db, {.threads = options.threads, .extract = extract, .extraction = options.extraction});
    constexpr std::size_t kGroup = 512;
    for (std::size_t at = 0; at < articles.size(); at += kGroup) {
      const std::size_t count = std::min(kGroup, articles.size() - at);
      writer.add_batch(std::span(articles).subspan(at, count));
    }
    writer.commit();
  }
  Timing timing;
  timing.wall = std::chrono::duration<double>(Clock::now() - start).count();
  timing.cpu = cpu_seconds() - cpu_before;
  fs::remove_all(db);
  return timing;
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const Options options = parse_options(argc, argv);
    std::vector<newsdex::Article> articles;
    std::size_t body_bytes = 0;
    newsdex::bench::CorpusSource source(options.corpus);
    while (auto article = source.next()) {
      body_bytes += article->body.size();
      articles.push_back(std::move(*article));
    }
    fs::create_directories(options.work);
    std::printf("corpus: %s; %zu articles, %.1f MB of body text; %zu rounds, writer threads %s\n",
                options.corpus.input.empty() ? "generated" : options.corpus.input.c_str(),
                articles.size(), static_cast<double>(body_bytes) / 1e6, options.rounds,
                options.threads == 0 ? "one per core" : std::to_string(options.threads).c_str());
    std::printf("\n| round | off: wall (s) | off: CPU (s) | on: wall (s) | on: CPU (s) |\n");
    std::printf("|---:|---:|---:|---:|---:|\n");
    std::vector<double> off_wall, off_cpu, on_wall, on_cpu;
    for (std::size_t round = 1; round <= options.rounds; ++round) {
      // Off and on take turns, so that a change in the machine's load hits both alike.
      const Timing off = options.only == "on"
                             ? Timing{}
                             : index_all(articles, options.work / "off.db", false, options);
      const Timing on = options.only == "off"
                            ? Timing{}
                            : index_all(articles, options.work / "on.db", true, options);
      off_wall.push_back(off.wall);
      off_cpu.push_back(off.cpu);
      on_wall.push_back(on.wall);
      on_cpu.push_back(on.cpu);
      std::printf("| %zu | %.2f | %.2f | %.2f | %.2f |\n", round, off.wall, off.cpu, on.wall,
                  on.cpu);
    }
    std::printf("\nmedians: off %.2f s wall, %.2f s CPU; on %.2f s wall, %.2f s CPU\n",
                median(off_wall), median(off_cpu), median(on_wall), median(on_cpu));
    std::printf("extraction on / off: %.2f wall, %.2f CPU\n", median(on_wall) / median(off_wall),
                median(on_cpu) / median(off_cpu));
    fs::remove_all(options.work);
    return 0;
  } catch (const std::exception& error) {
    std::cerr << "index_extract_bench: " << error.what() << '\n';
    return 1;
  }
}
