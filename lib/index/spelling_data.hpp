// The spelling dictionary behind did-you-mean: each word of an article's body and title, and of
// its speakers' and places' names, counted once per article in Xapian's spelling table.
#pragma once

#include <string>
#include <unordered_map>

#include <xapian.h>

namespace newsdex::detail {

// Changes to the dictionary of one database, summed over the documents of a batch and handed
// to Xapian at once before the batch is committed. Xapian looks every call up in its own
// ordered map of the batch's changes, so one call per word and article spent 8 % of indexing
// in string comparisons; one call per word and batch does not.
class SpellingChanges {
 public:
  // Counts the words of `document` (as DocumentBuilder made it) in.
  void add(const Xapian::Document& document);
  // Counts the words of the indexed document `docid` out, before it is replaced or deleted.
  void remove(const Xapian::Database& database, Xapian::docid docid);
  // Hands the changes to `database`'s spelling table, to be committed with the batch, and
  // forgets them.
  void apply(Xapian::WritableDatabase& database);

 private:
  std::unordered_map<std::string, long> changes_;  // word -> articles gained (or lost)
};

}  // namespace newsdex::detail
