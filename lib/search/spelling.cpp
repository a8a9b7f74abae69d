#include "search/spelling.hpp"

#include <algorithm>
#include <map>

#include "schema/schema.hpp"
#include "search/query_lexer.hpp"
#include "text/fold.hpp"

namespace newsdex::detail {

namespace {

// The term prefix of the words of a field whose values are corrected; nullopt for the others
// (ids, dates, codes and sources are not words).
std::optional<std::string_view> word_prefix(const QueryToken& token) {
  switch (token.kind) {
    case QueryToken::Kind::word:
    case QueryToken::Kind::phrase:
      return std::string_view();
    case QueryToken::Kind::field:
      if (token.field == "speaker") return schema::kSpeakerWord;
      if (token.field == "place") return schema::kPlaceWord;
      if (token.field == "title") return schema::kTitle;
      return std::nullopt;
    default:
      return std::nullopt;
  }
}

// The correction of one folded, lower-case word, or empty. A word no article has takes the
// dictionary's suggestion; a word some articles have only a much more frequent one, and only when
// it is rare (a misspelling repeated in a few articles), so that "port" never becomes "sport".
// Xapian prefers the closest word to the most frequent, so a correction is itself corrected
// while that finds more articles ("abdulaieva" -> "abdulayeva" -> "abdullayeva"). A word with
// the same stem ("kenya" -> "kenya's") matches the same articles and is no correction.
std::string correct_word(const std::string& word, std::string_view prefix,
                         const Xapian::Database& database, Xapian::Stem& stemmer) {
  constexpr int kMaxSteps = 3;
  constexpr Xapian::doccount kMoreFrequent = 3;
  constexpr std::size_t kShortest = 3;  // as in the dictionary: shorter words say too little
  if (word.size() < kShortest) return {};
  const std::string prefix_text(prefix);
  const Xapian::doccount count = database.get_termfreq(prefix_text + word);
  if (count > std::max<Xapian::doccount>(1, database.get_doccount() / 10000)) return {};
  const std::string stem = stemmer(word);
  std::string best = word;
  Xapian::doccount best_count = count;
  for (int step = 0; step < kMaxSteps; ++step) {
    const std::string suggestion = database.get_spelling_suggestion(best);
    if (suggestion.empty() || suggestion == word || stemmer(suggestion) == stem) break;
    const Xapian::doccount suggested = database.get_termfreq(prefix_text + suggestion);
    if (suggested <= best_count) break;
    best = suggestion;
    best_count = suggested;
  }
  if (best == word || (count > 0 && best_count < kMoreFrequent * count)) return {};
  return best;
}

// `suggestion` written like `original`: capitalised when the original starts with a capital.
std::string like(std::string_view original, std::string suggestion) {
  if (!original.empty() && original[0] >= 'A' && original[0] <= 'Z' && !suggestion.empty() &&
      suggestion[0] >= 'a' && suggestion[0] <= 'z') {
    suggestion[0] = static_cast<char>(suggestion[0] - 'a' + 'A');
  }
  return suggestion;
}

}  // namespace

std::optional<std::string> correct_spelling(std::string_view text, const Xapian::Database& database,
                                            Xapian::Stem stemmer) {
  std::map<std::size_t, std::pair<std::size_t, std::string>> replacements;  // start -> end, text
  for (const auto& token : lex_query(text)) {
    const auto prefix = word_prefix(token);
    if (!prefix) continue;
    const std::string_view words = text.substr(token.text_start, token.text_end - token.text_start);
    for_each_word(words, [&](const Word& word) {
      // A prefix search ("harv*") names the start of words, not a misspelled one.
      if (token.wildcard && token.text_start + word.end == token.text_end) return;
      const std::string correction = correct_word(word.text, *prefix, database, stemmer);
      if (correction.empty()) return;
      const std::size_t start = token.text_start + word.start;
      const std::size_t end = token.text_start + word.end;
      replacements[start] = {end, like(text.substr(start, end - start), correction)};
    });
  }
  if (replacements.empty()) return std::nullopt;
  std::string corrected;
  std::size_t done = 0;
  for (const auto& [start, replacement] : replacements) {
    corrected.append(text, done, start - done);
    corrected += replacement.second;
    done = replacement.first;
  }
  corrected.append(text, done);
  return corrected;
}

}  // namespace newsdex::detail
