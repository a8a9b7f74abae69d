// Synonym expansion: a word or phrase of a query that is a member of a user synonym group (see
// schema/synonym_data.hpp) becomes an OR of every member, multi-word members as phrases, before
// Xapian's parser reads the query. Rewriting the text rather than the parsed query keeps the
// user's operators and fields intact and lets phrases expand to phrases.
#pragma once

#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "schema/synonym_data.hpp"

namespace newsdex::detail {

class SynonymExpander {
 public:
  // Members match query words by stem under `stemmer` ("cars" finds the group of "car").
  SynonymExpander(SynonymGroups groups, Xapian::Stem stemmer);

  bool empty() const { return groups_.empty(); }

  // `query` with each member found among its plain words (not inside fields, not next to NEAR
  // or ADJ, not a prefix search) or as a whole phrase replaced by "(member OR other OR "other
  // phrase")", or, for a hated word, by hating each member ("-uk" -> "-uk -britain").
  std::string expand(std::string_view query) const;

 private:
  std::string key_of(std::string_view words) const;

  SynonymGroups groups_;
  // A Xapian::Stem keeps its working state in the object, so threads take turns with it.
  mutable std::mutex stemmer_mutex_;
  mutable Xapian::Stem stemmer_;
  std::unordered_map<std::string, std::size_t> group_of_;  // stemmed member -> group
  std::size_t longest_ = 0;                                // words in the longest member
};

}  // namespace newsdex::detail
