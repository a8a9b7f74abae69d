#include "bench_corpus.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <filesystem>
#include <string_view>

#include <newsdex/ingest.hpp>

namespace newsdex::bench {

namespace {

// splitmix64: a small generator whose output is the same on every platform, unlike the
// standard distributions.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t bound) { return static_cast<std::size_t>(next() % bound); }
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

 private:
  std::uint64_t state_;
};

constexpr std::string_view kConsonants = "bdfgklmnprstvz";
constexpr std::string_view kVowels = "aeiou";
constexpr std::size_t kSyllables = 14 * 5;
constexpr std::size_t kTwoSyllableWords = kSyllables * kSyllables;
constexpr std::size_t kVocabulary = 50000;
constexpr std::size_t kSpeakers = 2000;

constexpr std::array<std::string_view, 24> kFunctionWords{
    "the", "of", "and", "to",   "in",  "a",    "is",   "that", "for", "on",   "with", "was",
    "as",  "by", "at",  "from", "has", "have", "will", "it",   "an",  "were", "said", "but"};

const std::vector<std::string> kPlaces{
    "Paris",      "Baku",        "Lagos",        "Lima",      "Oslo",     "Nairobi",
    "Hanoi",      "Quito",       "Tbilisi",      "Karachi",   "Dakar",    "Manila",
    "Bogota",     "Ankara",      "Kyiv",         "Jakarta",   "Madrid",   "Cairo",
    "Santiago",   "Warsaw",      "Accra",        "Bangkok",   "Tehran",   "Havana",
    "Vienna",     "Lisbon",      "Riga",         "Tunis",     "Yerevan",  "Montreal",
    "Chicago",    "Mumbai",      "Shanghai",     "Sydney",    "Toronto",  "Berlin",
    "Rome",       "Athens",      "Dublin",       "Helsinki",  "Prague",   "Budapest",
    "Belgrade",   "Sofia",       "Bucharest",    "Tallinn",   "Vilnius",  "Minsk",
    "Almaty",     "Tashkent",    "Kabul",        "Dhaka",     "Colombo",  "Kathmandu",
    "Seoul",      "Tokyo",       "Beijing",      "Singapore", "Auckland", "Johannesburg",
    "Casablanca", "Addis Ababa", "Buenos Aires", "Sao Paulo"};

std::string syllables(std::size_t value, std::size_t count) {
  std::string word;
  for (std::size_t i = 0; i < count; ++i) {
    const std::size_t syllable = value % kSyllables;
    value /= kSyllables;
    word += kConsonants[syllable / 5];
    word += kVowels[syllable % 5];
  }
  return word;
}

std::string capitalized(std::string word) {
  if (!word.empty()) word[0] = static_cast<char>(word[0] - 'a' + 'A');
  return word;
}

// Cumulative Zipf (s = 1) probabilities over the vocabulary ranks.
const std::vector<double>& zipf_cdf() {
  static const std::vector<double> cdf = [] {
    std::vector<double> values(kVocabulary);
    double sum = 0;
    for (std::size_t rank = 0; rank < kVocabulary; ++rank) {
      sum += 1.0 / static_cast<double>(rank + 1);
      values[rank] = sum;
    }
    for (auto& value : values)
      value /= sum;
    return values;
  }();
  return cdf;
}

std::size_t zipf_rank(Random& random) {
  const auto& cdf = zipf_cdf();
  const auto it = std::lower_bound(cdf.begin(), cdf.end(), random.unit());
  return std::min<std::size_t>(static_cast<std::size_t>(it - cdf.begin()), kVocabulary - 1);
}

std::string speaker_name(std::size_t number) {
  return capitalized(syllables(number * 7 + 3, 2)) + ' ' +
         capitalized(syllables(kTwoSyllableWords + number * 131 + 17, 3));
}

std::string sentence(Random& random, std::size_t words) {
  std::string text;
  for (std::size_t i = 0; i < words; ++i) {
    if (i > 0) text += ' ';
    if (random.below(10) < 3) {
      text += kFunctionWords[random.below(kFunctionWords.size())];
    } else {
      text += generated_word(zipf_rank(random));
    }
  }
  text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
  return text;
}

}  // namespace

std::string generated_word(std::size_t rank) {
  if (rank < kTwoSyllableWords) return syllables(rank, 2);
  return syllables(rank - kTwoSyllableWords, 3);
}

std::size_t generated_vocabulary_size() {
  return kVocabulary;
}

const std::vector<std::string>& generated_places() {
  return kPlaces;
}

Article generated_article(std::uint64_t index, std::size_t mean_body_bytes) {
  Random random(index * 0x2545F4914F6CDD1DULL + 1);
  Article article;
  article.id = "gen-" + std::to_string(index);
  article.date = Date::from_days(Date{2010, 1, 1}.days() + static_cast<long>(random.below(5000)));
  article.source = random.below(2) == 0 ? "Generated Wire" : "Bench Daily";
  article.title = sentence(random, 5 + random.below(5));

  const std::size_t speaker_count = random.below(4);
  for (std::size_t i = 0; i < speaker_count; ++i) {
    // Some speakers are quoted far more often than others, as in real news.
    const std::size_t number = std::min(zipf_rank(random), kSpeakers - 1);
    article.speakers.push_back(speaker_name(number));
  }
  const std::size_t place_count = 1 + random.below(3);
  for (std::size_t i = 0; i < place_count; ++i) {
    article.places.push_back(kPlaces[std::min(zipf_rank(random) % 97, kPlaces.size() - 1)]);
  }

  const std::size_t target = mean_body_bytes / 2 + random.below(mean_body_bytes + 1);
  std::string& body = article.body;
  std::size_t sentences_in_paragraph = 0;
  while (body.size() < target) {
    if (!body.empty()) body += sentences_in_paragraph >= 4 ? "\n\n" : " ";
    if (sentences_in_paragraph >= 4) sentences_in_paragraph = 0;
    const unsigned roll = static_cast<unsigned>(random.below(10));
    std::string text = sentence(random, 6 + random.below(14));
    if (roll == 0 && !article.speakers.empty()) {
      body +=
          "\"" + text + ",\" said " + article.speakers[random.below(article.speakers.size())] + '.';
    } else if (roll == 1) {
      body += text + " in " + article.places[random.below(article.places.size())] + '.';
    } else {
      body += text + '.';
    }
    ++sentences_in_paragraph;
  }
  return article;
}

struct CorpusSource::Impl {
  CorpusOptions options;
  std::unique_ptr<ArticleReader> reader;
  std::size_t copy = 0;
  std::size_t produced = 0;

  std::optional<Article> next_input() {
    while (copy < options.copies) {
      if (!reader)
        reader = std::make_unique<ArticleReader>(std::vector<std::string>{options.input});
      if (auto article = reader->next()) {
        reader->take_problems();
        if (copy > 0) {
          article->id += '~' + std::to_string(copy);
          if (article->date) {
            article->date = Date::from_days(article->date->days() + 365 * static_cast<long>(copy));
          }
        }
        return article;
      }
      reader->take_problems();
      reader.reset();
      ++copy;
    }
    return std::nullopt;
  }
};

std::string corpus_problem(const CorpusOptions& options) {
  if (!options.input.empty() && !std::filesystem::exists(options.input)) {
    return "no corpus at " + options.input + " (use --generate N for a generated one)";
  }
  if (options.input.empty() && options.generate == 0) return "nothing to index";
  return {};
}

CorpusSource::CorpusSource(CorpusOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
}
CorpusSource::~CorpusSource() = default;
CorpusSource::CorpusSource(CorpusSource&&) noexcept = default;
CorpusSource& CorpusSource::operator=(CorpusSource&&) noexcept = default;

std::optional<Article> CorpusSource::next() {
  Impl& impl = *impl_;
  if (impl.options.limit > 0 && impl.produced >= impl.options.limit) return std::nullopt;
  std::optional<Article> article;
  if (!impl.options.input.empty()) {
    article = impl.next_input();
  } else if (impl.produced < impl.options.generate) {
    article = generated_article(impl.produced, impl.options.mean_body_bytes);
  }
  if (article) ++impl.produced;
  return article;
}

}  // namespace newsdex::bench
