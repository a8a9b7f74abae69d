// The spelling dictionary behind did-you-mean: each word of an article's body and title, and of
// its speakers' and places' names, counted once per article in Xapian's spelling table.
#pragma once

#include <xapian.h>

namespace newsdex::detail {

// Adds the words of `document` (as DocumentBuilder made it) to the dictionary.
void add_spelling_words(Xapian::WritableDatabase& database, const Xapian::Document& document);

// Takes the words of the indexed document `docid` out again, before it is replaced or deleted.
void remove_spelling_words(Xapian::WritableDatabase& database, Xapian::docid docid);

}  // namespace newsdex::detail
