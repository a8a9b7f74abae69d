// Case and diacritic folding, and the word splitting that names and snippets share, so that
// "Ağdam", "AGDAM" and "Agdam" are one value everywhere in newsdex.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace newsdex::detail {

// Whether Xapian's term generator and query parser treat `cp` as part of a word.
bool is_word_char(char32_t cp);
char32_t to_lower(char32_t cp);

// `text` with Latin letters stripped of diacritics ("Ağdam" -> "Agdam", "Straße" -> "Strasse")
// and combining marks removed. Case, other scripts and everything else are kept, so the result
// can still be parsed as a query. Ill-formed UTF-8 becomes U+FFFD.
std::string fold_diacritics(std::string_view text);

// The canonical form of a field value for exact terms: diacritics folded, lower case, curly
// apostrophes made straight, runs of white space made one space, trimmed.
// " Leyla  ABDULLAYEVA " -> "leyla abdullayeva".
std::string normalize_value(std::string_view text);

// One word of a text: its normalised form and where it is.
struct Word {
  std::string text;   // folded, lower case
  std::size_t start;  // byte offsets into the text that was split
  std::size_t end;
};

// Calls `visit` for each word of `text` in order. A word is a run of word characters, which
// may hold single apostrophes between letters ("O'Brien", "Azerbaijan's").
void for_each_word(std::string_view text, const std::function<void(const Word&)>& visit);

}  // namespace newsdex::detail
