#include <gtest/gtest.h>

#include <newsdex/error.hpp>

#include "search/query_compiler.hpp"

namespace newsdex::detail {
namespace {

std::string error_of(const std::string& query) {
  try {
    check_query_syntax(query);
  } catch (const QueryError& error) {
    return error.what();
  }
  return {};
}

TEST(QuerySyntax, AcceptsWellFormedQueries) {
  for (const char* query :
       {"resolution", "\"peace talks\" (baku OR paris)", "speaker:\"leyla abdullayeva\"",
        "-place:france date:2022..", "see http://example.com/a:b", "10:30 meeting", "a:", ""}) {
    EXPECT_EQ(error_of(query), "") << query;
  }
}

TEST(QuerySyntax, NamesUnbalancedQuotesAndParentheses) {
  EXPECT_EQ(error_of("say \"peace"), "unclosed quote at position 4");
  EXPECT_EQ(error_of("(a OR (b)"), "unclosed '(' at position 0");
  EXPECT_EQ(error_of("a) OR b"), "unmatched ')' at position 1");
  EXPECT_EQ(error_of("\"(\" fine"), "");  // parentheses inside quotes are words
}

TEST(QuerySyntax, NamesUnknownAndMiscasedFields) {
  EXPECT_NE(error_of("talks auther:smith").find("unknown field \"auther:\" at position 6"),
            std::string::npos);
  EXPECT_NE(error_of("talks auther:smith").find("known fields: speaker place"), std::string::npos);
  EXPECT_EQ(error_of("Speaker:soto"),
            "field names are lower case: write \"speaker:\" at position 0");
}

// "speaker: baker" would otherwise search for the words "speaker" and "baker".
TEST(QuerySyntax, NamesAFieldWithoutAValue) {
  EXPECT_EQ(error_of("speaker: baker"),
            "\"speaker:\" has no value: write it right after the colon (speaker:word or "
            "speaker:\"two words\") at position 0");
  EXPECT_EQ(error_of("oil place:"),
            "\"place:\" has no value: write it right after the colon (place:word or "
            "place:\"two words\") at position 4");
  EXPECT_EQ(error_of("Note: oil"), "");  // not a field name
}

}  // namespace
}  // namespace newsdex::detail
