// Splits a query string into the pieces Xapian's query parser sees (words, "phrases",
// field:values, operators, brackets) with their byte ranges, so that spelling correction and
// synonym expansion can rewrite parts of what the user typed and leave the rest as it was.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex::detail {

struct QueryToken {
  enum class Kind {
    word,       // copper, -strike, +talks, harv*, nagorno-karabakh
    phrase,     // "floating solar farm"
    field,      // speaker:soto, place:"buenos aires", date:2022..2023
    operator_,  // AND OR NOT XOR NEAR ADJ, NEAR/5, ADJ/3
    open,       // (
    close,      // )
  };
  Kind kind = Kind::word;
  std::size_t start = 0;  // byte range of the whole token in the query
  std::size_t end = 0;
  // The words' byte range: a word without its sign and wildcard, a phrase or field value
  // without its quotes. Empty for operators and brackets.
  std::size_t text_start = 0;
  std::size_t text_end = 0;
  std::string field;      // for fields: the field name
  char sign = 0;          // '+' or '-' before a word, phrase or field, else 0
  bool wildcard = false;  // a word or field value ending in '*'
};

// Never throws: text that check_query_syntax() would reject still splits into some tokens.
std::vector<QueryToken> lex_query(std::string_view text);

}  // namespace newsdex::detail
