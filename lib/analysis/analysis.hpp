// How text becomes terms: the stemmer and stopwords for a language. The indexer and the query
// parser both take them from here, so a query is always analysed the way the articles were.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <xapian.h>

namespace newsdex::detail {

// The stemmer name for a language given as an ISO 639-1 code ("en"), a stemmer name
// ("english") or "none"; empty when newsdex has no stemmer for it. Case-insensitive.
std::string stemmer_name(std::string_view language);

// The ISO 639-1 code of a stemmer name ("english" -> "en"); empty for "none".
std::string language_code(std::string_view stemmer);

// Every language name stemmer_name() accepts, space-separated.
std::string available_languages();

// A new stemmer for a name returned by stemmer_name(). Each call returns an independent
// stemmer, so threads never share one. Languages Xapian lacks (greek, hindi, serbian, yiddish)
// come from libstemmer.
Xapian::Stem make_stemmer(const std::string& stemmer);

// The stopwords of a stemmer's language (English only so far), or nullptr when it has none.
// The stopper lives for the whole program.
const Xapian::Stopper* stopper_for(const std::string& stemmer);

}  // namespace newsdex::detail
