// Throughput of the text primitives every article passes through: UTF-8 validation, diacritic
// folding and word splitting, on generated news-like text.
#include <random>
#include <string>

#include <benchmark/benchmark.h>

#include "text/fold.hpp"
#include "text/utf8.hpp"

namespace {

std::string generated_text(std::size_t bytes) {
  static const char* const kWords[] = {
      "the",   "minister", "said",      "on",    "Thursday", "Azerbaijan's", "resolution",
      "Ağdam", "talks",    "statement", "peace", "région",   "Karabakh",     "according",
      "to",    "sources",  "Łódź",      "and",   "cabinet",  "2022"};
  std::mt19937 random(42);
  std::uniform_int_distribution<std::size_t> pick(0, std::size(kWords) - 1);
  std::string text;
  while (text.size() < bytes) {
    text += kWords[pick(random)];
    text += random() % 12 == 0 ? ". " : " ";
  }
  return text;
}

void BM_FindInvalidUtf8(benchmark::State& state) {
  const std::string text = generated_text(1 << 20);
  for (auto _ : state)
    benchmark::DoNotOptimize(newsdex::detail::find_invalid_utf8(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_FindInvalidUtf8);

void BM_FoldDiacritics(benchmark::State& state) {
  const std::string text = generated_text(1 << 20);
  for (auto _ : state)
    benchmark::DoNotOptimize(newsdex::detail::fold_diacritics(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_FoldDiacritics);

void BM_ForEachWord(benchmark::State& state) {
  const std::string text = generated_text(1 << 20);
  for (auto _ : state) {
    std::size_t words = 0;
    newsdex::detail::for_each_word(text, [&](const newsdex::detail::Word&) { ++words; });
    benchmark::DoNotOptimize(words);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_ForEachWord);

}  // namespace

BENCHMARK_MAIN();
