// Cost of a query on one generated corpus of 100k articles in three setups: one database, 3
// local shards (one stub folder) and the same 3 shards served by stock xapian-tcpsrv processes on
// 127.0.0.1, so the price of sharding and of the remote protocol shows as ratios between
// benchmarks of one run. The two indexes are built once and kept in bench-indexes/; the servers
// are started by the benchmark and killed when it ends.
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include <newsdex/index.hpp>
#include <newsdex/index_writer.hpp>

#include "bench_corpus.hpp"
#include "support/tcp_server.hpp"

namespace {

namespace fs = std::filesystem;
using newsdex::bench::generated_word;

constexpr std::size_t kArticles = 100000;
constexpr std::size_t kShards = 3;
constexpr std::size_t kMeanBodyBytes = 800;

// The generated corpus in `shards` shards (1: one plain database), built and compacted once.
fs::path cached_index(std::size_t shards) {
  const fs::path folder = fs::path(NEWSDEX_BENCH_CACHE_DIR) /
                          ("shards-" + std::to_string(kArticles) + "-" + std::to_string(shards));
  const fs::path marker = folder.string() + ".complete";
  if (fs::exists(marker)) return folder;
  fs::remove_all(folder);
  fs::create_directories(folder.parent_path());
  {
    auto writer = newsdex::IndexWriter::open(folder, {.shards = shards});
    std::vector<newsdex::Article> group;
    for (std::size_t i = 0; i < kArticles; ++i) {
      group.push_back(newsdex::bench::generated_article(i, kMeanBodyBytes));
      if (group.size() == 1000 || i + 1 == kArticles) {
        writer.add_batch(group);
        group.clear();
      }
    }
    writer.commit();
  }
  newsdex::compact_index(folder);
  std::ofstream(marker) << kArticles << '\n';
  return folder;
}

enum class Setup { one_database, local_shards, remote_shards };

// The index of a setup, opened once; the remote one behind servers that live as long.
const newsdex::Index& index_of(Setup setup) {
  static std::unique_ptr<newsdex::Index> opened[3];
  static std::vector<std::unique_ptr<newsdex::testing::TcpServer>> servers;
  auto& slot = opened[static_cast<int>(setup)];
  if (slot) return *slot;
  fs::path path = cached_index(setup == Setup::one_database ? 1 : kShards);
  if (setup == Setup::remote_shards) {
    const fs::path stub = fs::path(NEWSDEX_BENCH_CACHE_DIR) / "shards-remote.stub";
    std::ofstream out(stub);
    for (std::size_t i = 0; i < kShards; ++i) {
      servers.push_back(std::make_unique<newsdex::testing::TcpServer>(
          XAPIAN_TCPSRV_PATH, path / ("shard-" + std::to_string(i))));
      out << "remote " << servers.back()->address() << '\n';
    }
    path = stub;
  }
  slot = std::make_unique<newsdex::Index>(newsdex::Index::open(path));
  return *slot;
}

enum class Kind { one_word, two_words, phrase_and_place, newest, facets };

newsdex::SearchRequest request_for(Kind kind) {
  newsdex::SearchRequest request;
  request.limit = 10;
  request.suggest_below = 0;
  const std::string word = generated_word(100);
  switch (kind) {
    case Kind::one_word:
      request.query = word;
      break;
    case Kind::two_words:
      request.query = word + ' ' + generated_word(400);
      break;
    case Kind::phrase_and_place:
      request.query = '"' + generated_word(3) + ' ' + generated_word(5) +
                      "\" OR place:" + newsdex::bench::generated_places()[3];
      break;
    case Kind::newest:
      request.query = word;
      request.sort = newsdex::SortOrder::newest;
      break;
    case Kind::facets:
      request.query = word;
      request.facets = {newsdex::FacetField::speaker, newsdex::FacetField::place,
                        newsdex::FacetField::year};
      break;
  }
  return request;
}

void BM_Search(benchmark::State& state, Setup setup, Kind kind) {
  const auto& index = index_of(setup);
  const newsdex::SearchRequest request = request_for(kind);
  std::size_t total = 0;
  for (auto _ : state)
    total = index.search(request).total;
  state.counters["matches"] = static_cast<double>(total);
  state.SetLabel(request.query);
}

#define NEWSDEX_SHARDS_BENCHMARK(kind)                                                 \
  BENCHMARK_CAPTURE(BM_Search, kind##_one_database, Setup::one_database, Kind::kind)   \
      ->Unit(benchmark::kMicrosecond);                                                 \
  BENCHMARK_CAPTURE(BM_Search, kind##_local_shards, Setup::local_shards, Kind::kind)   \
      ->Unit(benchmark::kMicrosecond);                                                 \
  BENCHMARK_CAPTURE(BM_Search, kind##_remote_shards, Setup::remote_shards, Kind::kind) \
      ->Unit(benchmark::kMicrosecond)

NEWSDEX_SHARDS_BENCHMARK(one_word);
NEWSDEX_SHARDS_BENCHMARK(two_words);
NEWSDEX_SHARDS_BENCHMARK(phrase_and_place);
NEWSDEX_SHARDS_BENCHMARK(newest);
NEWSDEX_SHARDS_BENCHMARK(facets);

// Opening the index: reading the stub and, for remote shards, connecting to every server.
void BM_Open(benchmark::State& state, Setup setup) {
  index_of(setup);
  const fs::path path = setup == Setup::remote_shards
                            ? fs::path(NEWSDEX_BENCH_CACHE_DIR) / "shards-remote.stub"
                            : cached_index(setup == Setup::one_database ? 1 : kShards);
  for (auto _ : state)
    benchmark::DoNotOptimize(newsdex::Index::open(path).size());
}
BENCHMARK_CAPTURE(BM_Open, one_database, Setup::one_database)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Open, local_shards, Setup::local_shards)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Open, remote_shards, Setup::remote_shards)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
