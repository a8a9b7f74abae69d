// Cost of answering queries on generated indexes of 10k, 100k and 1M articles (the Arg), so the
// growth of cost with size shows: one word, two words, a phrase, speaker: and place: filters,
// a date range, sorting by date; and the cost of parsing a query. The indexes are built once
// (the largest takes a while) and kept under the build folder, in bench-indexes/, so reruns
// start at once; delete that folder to rebuild them.
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>

#include <benchmark/benchmark.h>
#include <xapian.h>

#include <newsdex/index.hpp>
#include <newsdex/index_writer.hpp>

#include "bench_corpus.hpp"
#include "search/query_compiler.hpp"

namespace {

namespace fs = std::filesystem;
using newsdex::bench::generated_word;

constexpr std::size_t kMeanBodyBytes = 800;

// The generated index of `articles` articles, built and compacted on first use.
const newsdex::Index& cached_index(std::size_t articles) {
  static std::map<std::size_t, std::unique_ptr<newsdex::Index>> opened;
  auto& slot = opened[articles];
  if (slot) return *slot;
  const fs::path folder =
      fs::path(NEWSDEX_BENCH_CACHE_DIR) / ("generated-" + std::to_string(articles));
  const fs::path marker = folder / "newsdex-bench-complete";
  if (!fs::exists(marker)) {
    fs::remove_all(folder);
    fs::create_directories(folder.parent_path());
    {
      auto writer = newsdex::IndexWriter::open(folder);
      std::vector<newsdex::Article> group;
      for (std::size_t i = 0; i < articles; ++i) {
        group.push_back(newsdex::bench::generated_article(i, kMeanBodyBytes));
        if (group.size() == 1000 || i + 1 == articles) {
          writer.add_batch(group);
          group.clear();
        }
      }
      writer.commit();
    }
    newsdex::compact_index(folder);
    std::ofstream(marker) << articles << '\n';
  }
  slot = std::make_unique<newsdex::Index>(newsdex::Index::open(folder));
  return *slot;
}

// A speaker's last name and two adjacent body words, taken from the generated articles.
std::string speaker_surname() {
  for (std::uint64_t i = 0;; ++i) {
    const auto article = newsdex::bench::generated_article(i, kMeanBodyBytes);
    if (!article.speakers.empty()) {
      const std::string& name = article.speakers.front();
      return name.substr(name.find(' ') + 1);
    }
  }
}

std::string adjacent_words() {
  const auto body = newsdex::bench::generated_article(7, kMeanBodyBytes).body;
  std::string previous;
  std::string current;
  for (const char c : body) {
    if (c >= 'a' && c <= 'z') {
      current += c;
      continue;
    }
    if (c == ' ' && current.size() >= 4 && previous.size() >= 4) return previous + ' ' + current;
    previous = c == ' ' ? current : "";
    current.clear();
  }
  return generated_word(10) + ' ' + generated_word(11);
}

enum class Kind { one_word, two_words, phrase, speaker, place, date_range, newest };

newsdex::SearchRequest request_for(Kind kind) {
  newsdex::SearchRequest request;
  request.limit = 10;
  request.snippet_bytes = 0;
  const std::string word = generated_word(100);
  switch (kind) {
    case Kind::one_word:
      request.query = word;
      break;
    case Kind::two_words:
      request.query = word + ' ' + generated_word(400);
      break;
    case Kind::phrase:
      request.query = '"' + adjacent_words() + '"';
      break;
    case Kind::speaker:
      request.query = word + " speaker:" + speaker_surname();
      break;
    case Kind::place:
      request.query = word + " place:" + newsdex::bench::generated_places()[3];
      break;
    case Kind::date_range:
      request.query = word + " date:2012-01..2012-06";
      break;
    case Kind::newest:
      request.query = word;
      request.sort = newsdex::SortOrder::newest;
      break;
  }
  return request;
}

void BM_Search(benchmark::State& state, Kind kind) {
  const auto& index = cached_index(static_cast<std::size_t>(state.range(0)));
  const newsdex::SearchRequest request = request_for(kind);
  std::size_t total = 0;
  for (auto _ : state)
    total = index.search(request).total;
  state.counters["matches"] = static_cast<double>(total);
  state.SetLabel(request.query);
}

#define NEWSDEX_SEARCH_BENCHMARK(kind)           \
  BENCHMARK_CAPTURE(BM_Search, kind, Kind::kind) \
      ->Arg(10000)                               \
      ->Arg(100000)                              \
      ->Arg(1000000)                             \
      ->Unit(benchmark::kMicrosecond)

NEWSDEX_SEARCH_BENCHMARK(one_word);
NEWSDEX_SEARCH_BENCHMARK(two_words);
NEWSDEX_SEARCH_BENCHMARK(phrase);
NEWSDEX_SEARCH_BENCHMARK(speaker);
NEWSDEX_SEARCH_BENCHMARK(place);
NEWSDEX_SEARCH_BENCHMARK(date_range);
NEWSDEX_SEARCH_BENCHMARK(newest);

// Parsing and compiling a query string into a Xapian query, field processors included.
void BM_ParseQuery(benchmark::State& state, std::string query) {
  cached_index(10000);
  Xapian::Database database((fs::path(NEWSDEX_BENCH_CACHE_DIR) / "generated-10000").string());
  for (auto _ : state) {
    benchmark::DoNotOptimize(newsdex::detail::compile_query(
        query, newsdex::MatchMode::all, database, "english", newsdex::detail::QueryLimits{}));
  }
  state.SetLabel(query);
}
BENCHMARK_CAPTURE(BM_ParseQuery, words, std::string("harbour cranes strike"));
BENCHMARK_CAPTURE(BM_ParseQuery, fielded,
                  std::string("\"copper exports\" speaker:\"marta soto\" place:chile "
                              "date:2022-11..2023-02 -strike"));

}  // namespace

BENCHMARK_MAIN();
