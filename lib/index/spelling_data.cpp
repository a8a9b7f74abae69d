#include "index/spelling_data.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "schema/schema.hpp"

namespace newsdex::detail {

namespace {

// The dictionary word a term stands for, or empty: unprefixed word terms and the words of
// names. Words shorter than 3 bytes or holding digits are left out; nobody needs "2022" or "of"
// corrected, and they would crowd the dictionary.
std::string_view spelling_word(std::string_view term) {
  std::string_view word;
  if (!term.empty() && !(term[0] >= 'A' && term[0] <= 'Z')) {
    word = term;
  } else if (term.substr(0, schema::kSpeakerWord.size()) == schema::kSpeakerWord) {
    word = term.substr(schema::kSpeakerWord.size());
  } else if (term.substr(0, schema::kPlaceWord.size()) == schema::kPlaceWord) {
    word = term.substr(schema::kPlaceWord.size());
  }
  if (word.size() < 3 || word.find_first_of("0123456789") != std::string_view::npos) return {};
  return word;
}

// The dictionary words of a termlist, each once.
template <typename Terms>
std::vector<std::string> words_of(Terms begin, Terms end) {
  std::vector<std::string> words;
  for (auto it = begin; it != end; ++it) {
    const std::string term = *it;
    if (const auto word = spelling_word(term); !word.empty()) words.emplace_back(word);
  }
  // A word may come as a body term and as a word of a name.
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  return words;
}

}  // namespace

void SpellingChanges::add(const Xapian::Document& document) {
  for (auto& word : words_of(document.termlist_begin(), document.termlist_end()))
    ++changes_[std::move(word)];
}

void SpellingChanges::remove(const Xapian::Database& database, Xapian::docid docid) {
  for (auto& word : words_of(database.termlist_begin(docid), database.termlist_end(docid)))
    --changes_[std::move(word)];
}

void SpellingChanges::apply(Xapian::WritableDatabase& database) {
  for (const auto& [word, change] : changes_) {
    if (change > 0) database.add_spelling(word, static_cast<Xapian::termcount>(change));
    if (change < 0) database.remove_spelling(word, static_cast<Xapian::termcount>(-change));
  }
  changes_.clear();
}

}  // namespace newsdex::detail
