#include "search/query_lexer.hpp"

#include <gtest/gtest.h>

namespace newsdex::detail {
namespace {

using Kind = QueryToken::Kind;

struct Seen {
  Kind kind;
  std::string whole;
  std::string text;
  std::string field = {};
  char sign = 0;
  bool wildcard = false;
  friend bool operator==(const Seen&, const Seen&) = default;
};

std::ostream& operator<<(std::ostream& out, const Seen& seen) {
  return out << static_cast<int>(seen.kind) << " [" << seen.whole << "] [" << seen.text << "] "
             << seen.field << ' ' << (seen.sign ? seen.sign : '.') << ' ' << seen.wildcard;
}

std::vector<Seen> lex(const std::string& query) {
  std::vector<Seen> out;
  for (const auto& token : lex_query(query)) {
    out.push_back({token.kind, query.substr(token.start, token.end - token.start),
                   query.substr(token.text_start, token.text_end - token.text_start), token.field,
                   token.sign, token.wildcard});
  }
  return out;
}

TEST(QueryLexer, SplitsWordsPhrasesFieldsOperatorsAndBrackets) {
  EXPECT_EQ(lex(R"(copper -strike "floating solar" AND (harv* OR +talks))"),
            (std::vector<Seen>{{Kind::word, "copper", "copper"},
                               {Kind::word, "-strike", "strike", "", '-'},
                               {Kind::phrase, "\"floating solar\"", "floating solar"},
                               {Kind::operator_, "AND", ""},
                               {Kind::open, "(", ""},
                               {Kind::word, "harv*", "harv", "", 0, true},
                               {Kind::operator_, "OR", ""},
                               {Kind::word, "+talks", "talks", "", '+'},
                               {Kind::close, ")", ""}}));
}

TEST(QueryLexer, FieldsKeepTheirValueWithoutQuotes) {
  EXPECT_EQ(lex(R"(speaker:"marta soto" place:nagorno-karabakh date:2022..2023 -source:x)"),
            (std::vector<Seen>{{Kind::field, "speaker:\"marta soto\"", "marta soto", "speaker"},
                               {Kind::field, "place:nagorno-karabakh", "nagorno-karabakh", "place"},
                               {Kind::field, "date:2022..2023", "2022..2023", "date"},
                               {Kind::field, "-source:x", "x", "source", '-'}}));
  EXPECT_EQ(lex("speaker:abdul*")[0].wildcard, true);
}

TEST(QueryLexer, NearWithWindowIsAnOperatorAndUrlsAreWords) {
  EXPECT_EQ(lex("a NEAR/5 b")[1].kind, Kind::operator_);
  EXPECT_EQ(lex("a NEARBY b")[1].kind, Kind::word);
  EXPECT_EQ(lex("https://example.com/x")[0].kind, Kind::word);
  EXPECT_EQ(lex("and or")[0].kind, Kind::word);  // operators are upper case
}

TEST(QueryLexer, SurvivesBrokenInput) {
  for (const char* query : {"\"open", "-", "(((", "a:", "\"\"", "x -\"", "speaker:\"unclosed"}) {
    for (const auto& token : lex_query(query)) {
      EXPECT_LE(token.start, token.end);
      EXPECT_LE(token.text_start, token.text_end);
      EXPECT_LE(token.end, std::string_view(query).size());
    }
  }
}

}  // namespace
}  // namespace newsdex::detail
