#include "extract/tokenizer.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace newsdex::detail {
namespace {

std::vector<std::string> keys_of(const TokenizedText& tokens) {
  std::vector<std::string> keys;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    keys.emplace_back(tokens[i].is_word() || tokens[i].kind == TokenKind::number
                          ? std::string(tokens.key(i))
                          : std::string(tokens.raw(i)));
  }
  return keys;
}

using Keys = std::vector<std::string>;

TEST(Tokenizer, WordsNumbersAndPunctuation) {
  const TokenizedText tokens("Azerbaijan’s envoy, O'Brien: “no” — 1,000 (U.S.) 2022-11-30.");
  EXPECT_EQ(keys_of(tokens), (Keys{"azerbaijan", "envoy", ",", "o'brien", ":", "“", "no", "”", "—",
                                   "1,000", "(", "u.s", ")", "2022-11-30", "."}));
  EXPECT_TRUE(tokens[0].has(token_flag::possessive));
  EXPECT_TRUE(tokens[0].has(token_flag::capitalized));
  EXPECT_EQ(tokens.raw(0), "Azerbaijan’s");
  EXPECT_EQ(tokens[5].kind, TokenKind::open_quote);
  EXPECT_EQ(tokens[7].kind, TokenKind::close_quote);
  EXPECT_EQ(tokens[8].kind, TokenKind::dash);
  EXPECT_TRUE(tokens[11].has(token_flag::all_caps));
  EXPECT_TRUE(tokens[11].has(token_flag::abbreviation));
}

TEST(Tokenizer, AbbreviationsEndNoSentence) {
  const TokenizedText tokens("Mr. Smith met Gov. Jones on Nov. 16. Then he left.");
  EXPECT_EQ(keys_of(tokens), (Keys{"mr", "smith", "met", "gov", "jones", "on", "nov", "16", ".",
                                   "then", "he", "left", "."}));
  EXPECT_TRUE(tokens[0].has(token_flag::sentence_start));
  EXPECT_FALSE(tokens[1].has(token_flag::sentence_start));
  EXPECT_FALSE(tokens[4].has(token_flag::sentence_start));
  EXPECT_TRUE(tokens[9].has(token_flag::sentence_start));
  EXPECT_EQ(tokens.raw(6), "Nov.");
}

TEST(Tokenizer, APartyAndStateTagEndsNoSentence) {
  // The state after a hyphen is an abbreviation; a period right before a comma ends no
  // sentence either.
  const TokenizedText tokens("Mitch McConnell, R-Ky., and Pat Smith, of Aix-Pr., said.");
  EXPECT_EQ(keys_of(tokens), (Keys{"mitch", "mcconnell", ",", "r-ky", ",", "and", "pat", "smith",
                                   ",", "of", "aix-pr", ",", "said", "."}));
  EXPECT_EQ(tokens.raw(3), "R-Ky.");
  EXPECT_TRUE(tokens[3].has(token_flag::abbreviation));
  EXPECT_EQ(tokens.raw(10), "Aix-Pr.");
  EXPECT_FALSE(tokens[12].has(token_flag::sentence_start));
}

// "Hanson Industries Inc. Henderson said": a company's suffix ends the sentence before a
// capital, unless another suffix follows ("Harlow Co. Ltd.") or a lower-case word does.
TEST(Tokenizer, ACompanySuffixBeforeACapitalEndsTheSentence) {
  const TokenizedText tokens("He joined Acme Inc. Henderson said so. Harlow Co. Ltd. said it.");
  EXPECT_EQ(keys_of(tokens), (Keys{"he", "joined", "acme", "inc", ".", "henderson", "said", "so",
                                   ".", "harlow", "co", "ltd", "said", "it", "."}));
  EXPECT_TRUE(tokens[5].has(token_flag::sentence_start));    // Henderson
  EXPECT_TRUE(tokens[10].has(token_flag::abbreviation));     // Co.
  EXPECT_FALSE(tokens[11].has(token_flag::sentence_start));  // Ltd.
  EXPECT_FALSE(TokenizedText("Acme Inc. said it.")[2].has(token_flag::sentence_start));
}

TEST(Tokenizer, QuestionInsideAQuoteContinuesTheSentence) {
  const TokenizedText tokens("\"Why?\" he asked. \"Now!\" She left.");
  EXPECT_FALSE(tokens[4].has(token_flag::sentence_start));  // he
  EXPECT_TRUE(tokens[8].has(token_flag::sentence_start));   // Now
  EXPECT_TRUE(tokens[11].has(token_flag::sentence_start));  // She
}

TEST(Tokenizer, QuotesAndParagraphs) {
  const TokenizedText tokens("He said \"yes, now\" and ''this''.\n\n“Open\n\nClosed");
  EXPECT_EQ(tokens[2].kind, TokenKind::open_quote);
  EXPECT_TRUE(tokens[3].has(token_flag::in_quote));
  EXPECT_EQ(tokens[6].kind, TokenKind::close_quote);
  EXPECT_FALSE(tokens[7].has(token_flag::in_quote));
  EXPECT_EQ(tokens.raw(8), "''");
  EXPECT_EQ(tokens[8].kind, TokenKind::open_quote);
  EXPECT_EQ(tokens[10].kind, TokenKind::close_quote);
  EXPECT_TRUE(tokens[12].has(token_flag::paragraph_start));  // “
  EXPECT_TRUE(tokens[13].has(token_flag::in_quote));         // Open
  // A quote left open ends with its paragraph.
  EXPECT_TRUE(tokens[14].has(token_flag::paragraph_start));
  EXPECT_FALSE(tokens[14].has(token_flag::in_quote));
}

TEST(Tokenizer, OffsetsAreBytes) {
  const std::string text = "Ağdam’s mayor — Şahin";
  const TokenizedText tokens(text);
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens.raw(0), "Ağdam’s");
  EXPECT_EQ(tokens.key(0), "ağdam");
  EXPECT_EQ(tokens[3].start, text.find("Şahin"));
  EXPECT_EQ(tokens[3].end, text.size());
  EXPECT_TRUE(tokens[3].has(token_flag::capitalized));
}

TEST(Tokenizer, BrokenUtf8) {
  const std::string text = "a\xC3 b\xFF c";
  const TokenizedText tokens(text);
  EXPECT_GE(tokens.size(), 3u);
  for (const auto& token : tokens.tokens())
    EXPECT_LE(token.end, text.size());
}

}  // namespace
}  // namespace newsdex::detail
