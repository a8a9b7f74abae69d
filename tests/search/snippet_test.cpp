#include "search/snippet.hpp"

#include <gtest/gtest.h>

namespace newsdex::detail {
namespace {

std::vector<std::string> highlighted(const Snippet& snippet) {
  std::vector<std::string> words;
  for (const auto& span : snippet.highlights) {
    words.push_back(snippet.text.substr(span.start, span.end - span.start));
  }
  return words;
}

TEST(SnippetMaker, HighlightsExactAndStemmedMatches) {
  const Xapian::Query query(Xapian::Query::OP_AND, Xapian::Query("Zresolut"),
                            Xapian::Query("baku"));
  SnippetMaker maker(query, Xapian::Stem("english"));
  const auto snippet = maker.make("Baku rejected the resolutions adopted in Paris.", 300);
  EXPECT_EQ(snippet.text, "Baku rejected the resolutions adopted in Paris.");
  EXPECT_EQ(highlighted(snippet), (std::vector<std::string>{"Baku", "resolutions"}));
}

TEST(SnippetMaker, MatchesFoldedDiacriticsAndNameFields) {
  const Xapian::Query query(Xapian::Query::OP_AND, Xapian::Query("XPWagdam"),
                            Xapian::Query("XSWsoto"));
  SnippetMaker maker(query, Xapian::Stem("english"));
  const auto snippet = maker.make("Shelling near Ağdam stopped, Marta Soto said.", 300);
  EXPECT_EQ(highlighted(snippet), (std::vector<std::string>{"Ağdam", "Soto"}));
}

TEST(SnippetMaker, ChoosesThePassageWithTheMostDistinctMatches) {
  std::string body = "Opening words about nothing in particular. ";
  for (int i = 0; i < 30; ++i)
    body += "Filler sentence number " + std::to_string(i) + ". ";
  body += "Here the copper strike finally ended. ";
  for (int i = 0; i < 30; ++i)
    body += "More filler " + std::to_string(i) + ". ";
  const Xapian::Query query(Xapian::Query::OP_AND, Xapian::Query("copper"),
                            Xapian::Query("strike"));
  SnippetMaker maker(query, Xapian::Stem("english"));
  const auto snippet = maker.make(body, 120);
  EXPECT_NE(snippet.text.find("copper strike"), std::string::npos);
  EXPECT_EQ(snippet.text.rfind("\u2026 ", 0), 0u);  // starts with an ellipsis: text was cut
  EXPECT_LE(snippet.text.size(), 200u);
  EXPECT_EQ(highlighted(snippet), (std::vector<std::string>{"copper", "strike"}));
}

TEST(SnippetMaker, WithoutMatchesShowsTheStartAndCollapsesSpace) {
  SnippetMaker maker(Xapian::Query("absent"), Xapian::Stem("english"));
  const auto snippet =
      maker.make("First  line\n\nsecond paragraph is long enough to be cut here", 30);
  EXPECT_EQ(snippet.text.rfind("First line second", 0), 0u);
  EXPECT_NE(snippet.text.find("\u2026"), std::string::npos);
  EXPECT_TRUE(snippet.highlights.empty());
}

TEST(SnippetMaker, ZeroLengthMeansNoSnippet) {
  SnippetMaker maker(Xapian::Query("x"), Xapian::Stem("english"));
  EXPECT_TRUE(maker.make("x y z", 0).text.empty());
}

}  // namespace
}  // namespace newsdex::detail
