#include "analysis/analysis.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <mutex>
#include <utility>

#include <libstemmer.h>

namespace newsdex::detail {

namespace {

struct LanguageName {
  std::string_view code;
  std::string_view stemmer;
};

// ISO 639-1 codes of the stemmers Xapian and libstemmer provide.
constexpr std::array<LanguageName, 30> kLanguages{{
    {"ar", "arabic"},     {"hy", "armenian"},   {"eu", "basque"},    {"ca", "catalan"},
    {"da", "danish"},     {"nl", "dutch"},      {"en", "english"},   {"fi", "finnish"},
    {"fr", "french"},     {"de", "german"},     {"el", "greek"},     {"hi", "hindi"},
    {"hu", "hungarian"},  {"id", "indonesian"}, {"ga", "irish"},     {"it", "italian"},
    {"lt", "lithuanian"}, {"ne", "nepali"},     {"nb", "norwegian"}, {"nn", "norwegian"},
    {"no", "norwegian"},  {"pt", "portuguese"}, {"ro", "romanian"},  {"ru", "russian"},
    {"sr", "serbian"},    {"es", "spanish"},    {"sv", "swedish"},   {"ta", "tamil"},
    {"tr", "turkish"},    {"yi", "yiddish"},
}};

constexpr std::array<std::string_view, 4> kLibstemmerOnly{"greek", "hindi", "serbian", "yiddish"};

bool from_libstemmer(std::string_view stemmer) {
  return std::find(kLibstemmerOnly.begin(), kLibstemmerOnly.end(), stemmer) !=
         kLibstemmerOnly.end();
}

// A Snowball stemmer from libstemmer behind Xapian's stemmer interface. libstemmer's stemmers
// keep state between calls, hence the mutex: Xapian::Stem copies share one implementation.
class LibstemmerStem : public Xapian::StemImplementation {
 public:
  explicit LibstemmerStem(std::string language)
      : language_(std::move(language)),
        stemmer_(sb_stemmer_new(language_.c_str(), "UTF_8"), &sb_stemmer_delete) {
    if (!stemmer_) throw Xapian::InvalidArgumentError("no libstemmer stemmer for " + language_);
  }

  std::string operator()(const std::string& word) override {
    std::lock_guard lock(mutex_);
    const sb_symbol* stem =
        sb_stemmer_stem(stemmer_.get(), reinterpret_cast<const sb_symbol*>(word.data()),
                        static_cast<int>(word.size()));
    if (stem == nullptr) return word;  // out of memory inside libstemmer: leave the word as is
    return std::string(reinterpret_cast<const char*>(stem),
                       static_cast<std::size_t>(sb_stemmer_length(stemmer_.get())));
  }

  std::string get_description() const override { return language_; }

 private:
  std::string language_;
  std::unique_ptr<sb_stemmer, decltype(&sb_stemmer_delete)> stemmer_;
  std::mutex mutex_;
};

// Common English function words: they carry no meaning alone, so a query does not require them
// (they still count inside phrases).
constexpr std::string_view kEnglishStopwords[] = {
    "a",      "about",  "above",  "after",    "again",      "against", "all",    "am",
    "an",     "and",    "any",    "are",      "as",         "at",      "be",     "because",
    "been",   "before", "being",  "below",    "between",    "both",    "but",    "by",
    "can",    "could",  "did",    "do",       "does",       "doing",   "down",   "during",
    "each",   "few",    "for",    "from",     "further",    "had",     "has",    "have",
    "having", "he",     "her",    "here",     "hers",       "herself", "him",    "himself",
    "his",    "how",    "i",      "if",       "in",         "into",    "is",     "it",
    "its",    "itself", "me",     "more",     "most",       "my",      "myself", "no",
    "nor",    "not",    "of",     "off",      "on",         "once",    "only",   "or",
    "other",  "ought",  "our",    "ours",     "ourselves",  "out",     "over",   "own",
    "same",   "she",    "should", "so",       "some",       "such",    "than",   "that",
    "the",    "their",  "theirs", "them",     "themselves", "then",    "there",  "these",
    "they",   "this",   "those",  "through",  "to",         "too",     "under",  "until",
    "up",     "very",   "was",    "we",       "were",       "what",    "when",   "where",
    "which",  "while",  "who",    "whom",     "why",        "will",    "with",   "would",
    "you",    "your",   "yours",  "yourself", "yourselves",
};

}  // namespace

std::string stemmer_name(std::string_view language) {
  std::string lower(language);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lower == "none") return lower;
  for (const auto& entry : kLanguages) {
    if (lower == entry.code || lower == entry.stemmer) return std::string(entry.stemmer);
  }
  return {};
}

std::string language_code(std::string_view stemmer) {
  for (const auto& entry : kLanguages) {
    if (stemmer == entry.stemmer) return std::string(entry.code);
  }
  return {};
}

std::string available_languages() {
  std::string names = "none";
  for (const auto& entry : kLanguages) {
    if (names.find(entry.stemmer) == std::string::npos) {
      names += ' ';
      names += entry.stemmer;
    }
  }
  return names;
}

Xapian::Stem make_stemmer(const std::string& stemmer) {
  if (from_libstemmer(stemmer)) return Xapian::Stem(new LibstemmerStem(stemmer));
  return Xapian::Stem(stemmer);
}

const Xapian::Stopper* stopper_for(const std::string& stemmer) {
  if (stemmer != "english") return nullptr;
  static const Xapian::SimpleStopper* const english = [] {
    auto* stopper = new Xapian::SimpleStopper;
    for (const auto word : kEnglishStopwords)
      stopper->add(std::string(word));
    return stopper;
  }();
  return english;
}

}  // namespace newsdex::detail
