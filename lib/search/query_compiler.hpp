// Turns a query string into a Xapian query: Xapian's QueryParser for the free text and its
// operators, our field processors for speaker:, place:, date: and the other fields, and a
// syntax check first, because Xapian's parser quietly repairs what a user should hear about.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include <newsdex/index.hpp>

namespace newsdex::detail {

// The caps of IndexOptions that concern one query.
struct QueryLimits {
  std::size_t max_query_bytes = 8192;
  std::size_t max_wildcards = 20;
  std::size_t max_wildcard_terms = 1000;
};

class SynonymExpander;

// What widens a query beyond its words, and which of its words it may leave out; all optional.
struct QueryExpansions {
  // User synonyms, applied to the free text.
  const SynonymExpander* synonyms = nullptr;
  // The canonical names of the places a name may refer to ("UK" -> "United Kingdom"), for
  // place: filters; extraction indexes places under their canonical names.
  std::function<std::vector<std::string>(std::string_view)> place_names = nullptr;
  // The ISO 3166-1 alpha-2 code of the country a name, demonym or code stands for ("azerbaijan",
  // "UK" -> "gb"), in any case; empty when the name is no country's. For country: filters.
  std::function<std::string(std::string_view)> country_code = nullptr;
  // The words a query need not match (SearchRequest::stopwords); null: every word counts.
  const Xapian::Stopper* stopwords = nullptr;
};

// Throws QueryError (with the byte position) for unbalanced quotes or parentheses and for
// fields newsdex does not know.
void check_query_syntax(std::string_view text);

// The field names a query may use, space-separated, for messages and help.
std::string_view known_fields();

// Throws QueryError for a query that cannot be compiled or exceeds `limits`. An empty query
// matches everything. A word the query keeps that the index stores without a stem (a stopword
// of `language`) is matched in its exact form.
Xapian::Query compile_query(std::string_view text, MatchMode mode, const Xapian::Database& database,
                            const std::string& language, const QueryLimits& limits,
                            const QueryExpansions& expansions = {});

}  // namespace newsdex::detail
