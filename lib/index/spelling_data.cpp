#include "index/spelling_data.hpp"

#include <set>
#include <string>
#include <string_view>

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

template <typename Terms>
std::set<std::string> words_of(Terms begin, Terms end) {
  std::set<std::string> words;
  for (auto it = begin; it != end; ++it) {
    const std::string term = *it;
    if (const auto word = spelling_word(term); !word.empty()) words.emplace(word);
  }
  return words;
}

}  // namespace

void add_spelling_words(Xapian::WritableDatabase& database, const Xapian::Document& document) {
  for (const auto& word : words_of(document.termlist_begin(), document.termlist_end()))
    database.add_spelling(word);
}

void remove_spelling_words(Xapian::WritableDatabase& database, Xapian::docid docid) {
  for (const auto& word : words_of(database.termlist_begin(docid), database.termlist_end(docid)))
    database.remove_spelling(word);
}

}  // namespace newsdex::detail
