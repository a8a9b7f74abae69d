// User synonyms as an index stores them: the metadata value schema::kSynonymsKey, one group per
// line, members normalised (folded, lower case, words separated by one space) and separated by
// ", ". Metadata rather than Xapian's synonym table because it also reaches remote shards and
// because members may be phrases ("united kingdom"), which the table cannot expand to.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace newsdex::detail {

using SynonymGroups = std::vector<std::vector<std::string>>;

// Normalises every member and drops repeats within a group. Throws InvalidArgumentError for a
// member without words or a group of fewer than two distinct members.
SynonymGroups normalize_synonym_groups(const SynonymGroups& groups);

std::string encode_synonyms(const SynonymGroups& normalized);
SynonymGroups decode_synonyms(std::string_view stored);

}  // namespace newsdex::detail
