// Cost of turning articles into an index: the terms of article text (newsdex's TextTerms against
// Xapian's TermGenerator, which make the same terms), building one Xapian document (terms,
// positions, stored data) from a generated article, and whole batches written by IndexWriter on
// one or two threads, into one database or two shards.
#include <filesystem>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <unistd.h>

#include <newsdex/index_writer.hpp>

#include "analysis/analysis.hpp"
#include "analysis/text_terms.hpp"
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

// The terms of the bodies of 512 generated articles (a Zipf vocabulary of made-up words), each
// into a document of its own, as the indexer makes them.
template <typename Generator>
void index_bodies(benchmark::State& state, Generator& generator) {
  const auto input = articles(512, 1500);
  std::size_t bytes = 0;
  for (auto _ : state) {
    for (const auto& article : input) {
      Xapian::Document document;
      generator.set_document(document);
      generator.index_text(article.body);
      benchmark::DoNotOptimize(document);
      bytes += article.body.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}

void BM_TermGenerator(benchmark::State& state) {
  Xapian::TermGenerator generator;
  generator.set_stemmer(newsdex::detail::make_stemmer("english"));
  generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  generator.set_stopper(newsdex::detail::stopper_for("english"));
  generator.set_stopper_strategy(Xapian::TermGenerator::STOP_STEMMED);
  index_bodies(state, generator);
}
BENCHMARK(BM_TermGenerator)->Unit(benchmark::kMillisecond);

void BM_TextTerms(benchmark::State& state) {
  newsdex::detail::WordAnalyzer words(newsdex::detail::make_stemmer("english"),
                                      newsdex::detail::stopper_for("english"));
  newsdex::detail::TextTerms terms(words);
  index_bodies(state, terms);
}
BENCHMARK(BM_TextTerms)->Unit(benchmark::kMillisecond);

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
