#include "text/fold.hpp"

#include <vector>

#include <gtest/gtest.h>

namespace newsdex::detail {
namespace {

TEST(FoldDiacritics, StripsLatinMarksAndKeepsCase) {
  EXPECT_EQ(fold_diacritics("Ağdam"), "Agdam");
  EXPECT_EQ(fold_diacritics("Straße Łódź Øresund"), "Strasse Lodz Oresund");
  EXPECT_EQ(fold_diacritics("Café AND Ñandú"), "Cafe AND Nandu");
  EXPECT_EQ(fold_diacritics("Cafe\xCC\x81"), "Cafe");  // decomposed e + combining acute
}

TEST(FoldDiacritics, LeavesOtherScriptsAlone) {
  EXPECT_EQ(fold_diacritics("Москва й"), "Москва й");
  EXPECT_EQ(fold_diacritics("plain ascii 123"), "plain ascii 123");
}

TEST(NormalizeValue, FoldsCaseSpaceAndApostrophes) {
  EXPECT_EQ(normalize_value("  Leyla \t ABDULLAYEVA "), "leyla abdullayeva");
  EXPECT_EQ(normalize_value("AĞDAM"), "agdam");
  EXPECT_EQ(normalize_value("Côte d\u2019Ivoire"), "cote d'ivoire");
  EXPECT_EQ(normalize_value("МОСКВА"), "москва");
  EXPECT_EQ(normalize_value(""), "");
}

std::vector<Word> words_of(std::string_view text) {
  std::vector<Word> words;
  for_each_word(text, [&](const Word& word) { words.push_back(word); });
  return words;
}

TEST(ForEachWord, SplitsFoldsAndLocates) {
  const std::string text = "Azerbaijan\u2019s envoy, Ağdam-born O'Brien: \"no\".";
  const auto words = words_of(text);
  ASSERT_EQ(words.size(), 6u);
  EXPECT_EQ(words[0].text, "azerbaijan's");
  EXPECT_EQ(text.substr(words[0].start, words[0].end - words[0].start), "Azerbaijan\u2019s");
  EXPECT_EQ(words[1].text, "envoy");
  EXPECT_EQ(words[2].text, "agdam");
  EXPECT_EQ(text.substr(words[2].start, words[2].end - words[2].start), "Ağdam");
  EXPECT_EQ(words[3].text, "born");
  EXPECT_EQ(words[4].text, "o'brien");
  EXPECT_EQ(words[5].text, "no");
}

TEST(ForEachWord, TrailingApostropheEndsTheWord) {
  const auto words = words_of("the ministers' statement");
  ASSERT_EQ(words.size(), 3u);
  EXPECT_EQ(words[1].text, "ministers");
}

}  // namespace
}  // namespace newsdex::detail
