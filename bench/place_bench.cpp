// Speed of place extraction (target: at least 20 MB/s on one core, so that indexing with
// extraction stays within 25 % of indexing without it) and of loading the built-in gazetteer
// (target: under 50 ms), on generated news-like text.
#include <random>
#include <string>

#include <benchmark/benchmark.h>

#include <newsdex/gazetteer.hpp>

#include "extract/gazetteer_access.hpp"
#include "extract/gazetteer_store.hpp"
#include "extract/place_extractor.hpp"

namespace {

std::string generated_text(std::size_t bytes) {
  static const char* const kWords[] = {"the",
                                       "minister",
                                       "said",
                                       "on",
                                       "Thursday",
                                       "Azerbaijan's",
                                       "resolution",
                                       "Ağdam",
                                       "talks",
                                       "statement",
                                       "peace",
                                       "in",
                                       "Karabakh",
                                       "according",
                                       "to",
                                       "sources",
                                       "French",
                                       "and",
                                       "cabinet",
                                       "2022",
                                       "Baku",
                                       "of",
                                       "Nagorno-Karabakh",
                                       "U.S.",
                                       "officials",
                                       "Paris",
                                       "New York",
                                       "a",
                                       "Reuters",
                                       "company",
                                       "shares",
                                       "rose",
                                       "percent",
                                       "Georgia",
                                       "Mr.",
                                       "Smith",
                                       "market",
                                       "Tbilisi",
                                       "was",
                                       "with",
                                       "Moscow",
                                       "the"};
  std::mt19937 random(42);
  std::uniform_int_distribution<std::size_t> pick(0, std::size(kWords) - 1);
  std::string text;
  while (text.size() < bytes) {
    text += kWords[pick(random)];
    text += random() % 12 == 0 ? ". " : " ";
  }
  return text;
}

// One article's worth of text at a time, as the indexer calls it.
void BM_ExtractPlaces(benchmark::State& state) {
  const std::string text = generated_text(static_cast<std::size_t>(state.range(0)));
  const newsdex::detail::PlaceExtractor extractor(newsdex::Gazetteer::builtin());
  for (auto _ : state)
    benchmark::DoNotOptimize(extractor.extract(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_ExtractPlaces)->Arg(4 << 10)->Arg(64 << 10);

// Reading the built-in gazetteer from its embedded bytes, as Gazetteer::builtin() does once.
void BM_LoadBuiltinGazetteer(benchmark::State& state) {
  const std::string bytes =
      newsdex::detail::GazetteerAccess::store(*newsdex::Gazetteer::builtin()).serialize();
  for (auto _ : state) {
    benchmark::DoNotOptimize(newsdex::detail::GazetteerStore::deserialize(bytes));
  }
  state.SetLabel(std::to_string(bytes.size()) + " bytes");
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes.size()));
}
BENCHMARK(BM_LoadBuiltinGazetteer)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
