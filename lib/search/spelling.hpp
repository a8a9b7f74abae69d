// Did-you-mean: a corrected query from the spelling dictionary the indexer builds (body and
// title words, and the words of speaker and place names).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <xapian.h>

namespace newsdex::detail {

// `text` with each misspelled word replaced, and everything else (operators, other fields,
// spacing) kept: free words, words of phrases and the values of speaker:, place: and title:.
// A word is misspelled when no article has it, or when only a few articles have it and a close
// word (Xapian's edit distance of at most 2) is in three times as many, in the same field; a
// word with the same stem under `stemmer` is no correction. nullopt when nothing changes. Xapian's
// remote backend serves no spelling data, so remote shards yield no corrections.
std::optional<std::string> correct_spelling(std::string_view text, const Xapian::Database& database,
                                            Xapian::Stem stemmer);

}  // namespace newsdex::detail
