// Throughput of extraction on generated news-like text: quotes with attributions, titles,
// organisations, pronouns, dates and plain narrative sentences, in short paragraphs.
#include <random>
#include <string>

#include <benchmark/benchmark.h>

#include <newsdex/extract.hpp>

#include "extract/date_extractor.hpp"
#include "extract/speaker_extractor.hpp"
#include "extract/tokenizer.hpp"

namespace {

std::string generated_text(std::size_t bytes) {
  static const char* const kFirst[] = {"Leyla",  "Tomas", "Ana",   "Grete",
                                       "Daniel", "Şahin", "Maria", "Olav"};
  static const char* const kLast[] = {"Abdullayeva", "Berg",   "Ruiz",      "Solberg",
                                      "Okafor",      "Öztürk", "Lindqvist", "Nes"};
  static const char* const kTitles[] = {"Foreign Minister", "Ambassador to France", "Sen.", "Mayor",
                                        "Republican presidential candidate"};
  static const char* const kOrgs[] = {"the Foreign Ministry", "the Nordic Fisheries Council",
                                      "the Transport Ministry", "Reuters"};
  static const char* const kNarrative[] = {
      "The resolution adopted in the lower chamber on November 30, 2022 drew sharp criticism.",
      "Relations between the two countries have been tense since 1991.",
      "On Nov. 16, the Senate voted on a similar text calling for sanctions.",
      "The talks, which began in the fall of 2020, stalled on Thursday.",
      "Prices for fuel rose by 12 percent in November 2022, official figures show.",
      "More than 1,500 people attended the rally in the capital yesterday."};
  std::mt19937 random(7);
  const auto pick = [&](auto& list) { return list[random() % std::size(list)]; };
  std::string text;
  while (text.size() < bytes) {
    const std::string name = std::string(pick(kFirst)) + " " + pick(kLast);
    switch (random() % 6) {
      case 0:
        text += "“We will not accept this,” said " + std::string(pick(kTitles)) + " " + name + ". ";
        break;
      case 1:
        text += name + ", the head of the regional council, said the plan was too costly. ";
        break;
      case 2:
        text += "“It is a provocation,” " + std::string(pick(kOrgs)) + " said in a statement. ";
        break;
      case 3:
        text += "According to " + name + ", the vote was delayed. “Not now,” she said. ";
        break;
      default:
        text += pick(kNarrative);
        text += ' ';
        break;
    }
    if (random() % 4 == 0) text += "\n\n";
  }
  return text;
}

const std::string& corpus() {
  static const std::string text = generated_text(1 << 20);
  return text;
}

void BM_Tokenize(benchmark::State& state) {
  for (auto _ : state)
    benchmark::DoNotOptimize(newsdex::detail::TokenizedText(corpus()).size());
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus().size()));
}
BENCHMARK(BM_Tokenize);

void BM_SpeakerExtractor(benchmark::State& state) {
  const newsdex::detail::SpeakerExtractor extractor;
  for (auto _ : state)
    benchmark::DoNotOptimize(extractor.extract(corpus()));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus().size()));
}
BENCHMARK(BM_SpeakerExtractor);

void BM_DateExtractor(benchmark::State& state) {
  const newsdex::detail::DateExtractor extractor;
  const auto published = newsdex::Date::parse("2022-12-01");
  for (auto _ : state)
    benchmark::DoNotOptimize(extractor.extract(corpus(), published));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus().size()));
}
BENCHMARK(BM_DateExtractor);

// Articles of a few kilobytes, as the indexer sees them.
void BM_ExtractorPerArticle(benchmark::State& state) {
  const newsdex::Extractor extractor;
  newsdex::Article article;
  article.date = newsdex::Date::parse("2022-12-01");
  article.body = corpus().substr(0, static_cast<std::size_t>(state.range(0)));
  for (auto _ : state)
    benchmark::DoNotOptimize(extractor.extract(article));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * article.body.size()));
}
BENCHMARK(BM_ExtractorPerArticle)->Arg(2 << 10)->Arg(8 << 10);

}  // namespace

BENCHMARK_MAIN();
