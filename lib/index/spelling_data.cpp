#include "index/spelling_data.hpp"

#include <algorithm>
#include <iterator>
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
  // A termlist is in order, so the text words come in order and each once; only the few words
  // of names need sorting in.
  std::vector<std::string> text_words;
  std::vector<std::string> name_words;
  for (auto it = begin; it != end; ++it) {
    const std::string term = *it;
    const auto word = spelling_word(term);
    if (word.empty()) continue;
    (word.size() == term.size() ? text_words : name_words).emplace_back(word);
  }
  if (name_words.empty()) return text_words;
  std::sort(name_words.begin(), name_words.end());
  std::vector<std::string> words;
  words.reserve(text_words.size() + name_words.size());
  std::merge(std::make_move_iterator(text_words.begin()), std::make_move_iterator(text_words.end()),
             std::make_move_iterator(name_words.begin()), std::make_move_iterator(name_words.end()),
             std::back_inserter(words));
  // A word may come as a text term and as a word of a name.
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
