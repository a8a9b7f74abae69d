// Cost of turning articles into an index: building one Xapian document (terms, positions, stored
// data) from a generated article, and whole batches written by IndexWriter on one or two
// threads, into one database or two shards.
#include <filesystem>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <unistd.h>

#include <newsdex/index_writer.hpp>

#include "bench_corpus.hpp"
#include "index/document_builder.hpp"

namespace {

namespace fs = std::filesystem;

std::vector<newsdex::Article> articles(std::size_t count, std::size_t mean_body_bytes) {
  std::vector<newsdex::Article> out;
  for (std::size_t i = 0; i < count; ++i)
    out.push_back(newsdex::bench::generated_article(i, mean_body_bytes));
  return out;
}

void BM_BuildDocument(benchmark::State& state) {
  const auto input = articles(512, static_cast<std::size_t>(state.range(0)));
  newsdex::detail::DocumentBuilder builder("english");
  std::size_t i = 0;
  std::size_t bytes = 0;
  for (auto _ : state) {
    const auto& article = input[i++ % input.size()];
    benchmark::DoNotOptimize(builder.build(article, {}));
    bytes += article.body.size();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_BuildDocument)->Arg(500)->Arg(1500)->Arg(5000);

// Articles/s of add_batch() into a fresh index, commit included: Args are threads and shards.
void BM_AddBatch(benchmark::State& state) {
  const auto input = articles(4000, 1500);
  std::size_t bytes = 0;
  for (const auto& article : input)
    bytes += article.body.size();
  const fs::path folder =
      fs::temp_directory_path() / ("newsdex-index-bench-" + std::to_string(::getpid()));
  for (auto _ : state) {
    state.PauseTiming();
    fs::remove_all(folder);
    state.ResumeTiming();
    auto writer =
        newsdex::IndexWriter::open(folder, {.threads = static_cast<std::size_t>(state.range(0)),
                                            .shards = static_cast<std::size_t>(state.range(1))});
    writer.add_batch(input);
    writer.commit();
  }
  fs::remove_all(folder);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * input.size()));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}
BENCHMARK(BM_AddBatch)
    ->Args({1, 1})
    ->Args({2, 1})
    ->Args({2, 2})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
