// TextTerms must make exactly the terms, wdf and positions Xapian's TermGenerator makes (STEM_SOME,
// STOP_STEMMED), or Xapian's QueryParser would look for terms the index does not have. Each test
// runs both on the same text and compares the documents term by term.
#include "analysis/text_terms.hpp"

#include <cstdint>
#include <cstdlib>
#include <map>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <xapian.h>

#include "analysis/analysis.hpp"

namespace newsdex::detail {
namespace {

struct TermData {
  Xapian::termcount wdf = 0;
  std::vector<Xapian::termpos> positions;
  bool operator==(const TermData&) const = default;
};

std::map<std::string, TermData> terms_of(const Xapian::Document& document) {
  std::map<std::string, TermData> terms;
  for (auto it = document.termlist_begin(); it != document.termlist_end(); ++it) {
    TermData& data = terms[*it];
    data.wdf = it.get_wdf();
    for (auto pos = it.positionlist_begin(); pos != it.positionlist_end(); ++pos)
      data.positions.push_back(*pos);
  }
  return terms;
}

// One call of index_text (or a gap between calls when `gap` is set).
struct Part {
  std::string text;
  Xapian::termcount wdf_inc = 1;
  std::string prefix = {};
  Xapian::termpos gap = 0;
};

// The terms both generators make of `parts`, Xapian's first.
std::pair<std::map<std::string, TermData>, std::map<std::string, TermData>> both(
    const std::vector<Part>& parts, const std::string& language = "english") {
  Xapian::Document expected;
  Xapian::TermGenerator generator;
  generator.set_stemmer(make_stemmer(language));
  generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  if (const Xapian::Stopper* stopper = stopper_for(language)) {
    generator.set_stopper(stopper);
    generator.set_stopper_strategy(Xapian::TermGenerator::STOP_STEMMED);
  }
  generator.set_document(expected);
  WordAnalyzer words(make_stemmer(language), stopper_for(language));
  TextTerms terms(words);
  Xapian::Document actual;
  terms.set_document(actual);
  for (const auto& part : parts) {
    if (part.gap > 0) {
      generator.increase_termpos(part.gap);
      terms.increase_termpos(part.gap);
      continue;
    }
    generator.index_text(part.text, part.wdf_inc, part.prefix);
    terms.index_text(part.text, part.wdf_inc, part.prefix);
  }
  return {terms_of(expected), terms_of(actual)};
}

void expect_same_terms(const std::string& text, const std::string& language = "english") {
  const auto [expected, actual] = both({{text}}, language);
  EXPECT_EQ(expected, actual) << "text: \"" << text << "\" (" << language << ")";
}

TEST(TextTerms, MakesTheTermsOfTheExamplesOfTheQuerySyntax) {
  const auto [expected, actual] =
      both({{"Ağdam talks: U.S. and AT&T say C++ won't fix 1,000.5 issues", 1, "S"},
            {"", 1, "", 100},
            {"Ağdam talks: U.S. and AT&T say C++ won't fix 1,000.5 issues", 3},
            {"", 1, "", 100},
            {"The ministers' talks in Baku were held on 16 Nov. 2022; the U.N.'s envoy said "
             "they'd resume."}});
  EXPECT_EQ(expected, actual);
  // The cases the comparison above stands on, spelled out.
  EXPECT_TRUE(actual.contains("Sus"));
  EXPECT_TRUE(actual.contains("at&t"));
  EXPECT_TRUE(actual.contains("c++"));
  EXPECT_TRUE(actual.contains("won't"));
  EXPECT_TRUE(actual.contains("1,000.5"));
  EXPECT_TRUE(actual.contains("Zminist"));
  EXPECT_FALSE(actual.contains("Zthe"));  // a stopword keeps its exact form only
  EXPECT_EQ(actual.at("the").positions.size(), 2u);
}

TEST(TextTerms, SplitsWordsAsXapianDoes) {
  for (const std::string& text : std::vector<std::string>{
           "",
           "   ",
           "a",
           "A",
           "U.S.",
           "U.S",
           "U.S.A. army",
           "U.Sx",
           "A.b",
           "AB.CD",
           "I.B.M.'s",
           "P.T.O.5",
           "fish+chips",
           "C++ C# C+++ C++++ c++x a+ +a #b",
           "1,000 1.5 2;3 4,a a,4 5..6 7,,8",
           "rock'n'roll O'Brien ’tis don’t ‛quoted‛ x'",
           "M&S AT&&T &a a&",
           "snake_case __init__ _x x_",
           "mid·dot ge״r li‧ne",
           "zero\u200bwidth join\u200dme no\u2060break bom\ufeffhere \u200bstart",
           "3\u200b4 5\u037e6 7\u0589 8\u060d9 1\u07f82 3\u20444 5\ufe106 7\ufe138 9\ufe141",
           "٣٤٥,٦ ١.٢",
           "İstanbul ǅemal ʰaspirated Ⅻ ²² Straße ÉCOLE",
           "cafe\u0301 e\u0301te\u0301",
           "中文 日本語 한국어",
           "Москва и Санкт-Петербург",
           "tab\tnew\nline\r\nend",
           std::string("nul\0byte", 8),
           "bad \xff utf8 \xc3 here \xe2\x82 x \xed\xa0\x80 y",
           std::string(64, 'x') + " " + std::string(65, 'y') + " " + std::string(70, '1') + " z",
       }) {
    expect_same_terms(text);
  }
}

TEST(TextTerms, StemsAsXapianDoesInOtherLanguagesAndWithoutStemming) {
  expect_same_terms("Die Verhandlungen über die Häfen wurden fortgesetzt", "german");
  expect_same_terms("Переговоры продолжились в Москве", "russian");
  expect_same_terms("Οι διαπραγματεύσεις συνεχίστηκαν", "greek");  // a libstemmer stemmer
  expect_same_terms("Talks resumed in Baku on Wednesday", "none");
}

TEST(TextTerms, MatchesXapianOnRandomText) {
  // Pieces that exercise every rule: letters of each case and category, digits of two scripts,
  // infixes, suffixes, ignorable characters and bytes that are not UTF-8.
  const std::vector<std::string> pieces{
      "a",    "e",      "s",  "B",    "Z",      "U",      ".",      ",",      ";",      "&",
      "'",    "’",      "‛",  "+",    "#",      "_",      "-",      " ",      " ",      " ",
      "\t",   "0",      "7",  "٣",    "é",      "İ",      "ß",      "ǅ",      "ʰ",      "Ⅻ",
      "²",    "\u0301", "中", "·",    "\u200b", "\u2060", "\ufeff", "\u037e", "\u2044", "\xff",
      "\xc3", "ing",    "ed", "tion", "the",    "of",     "said",   "U.S.",   "C++",    "AT&T"};
  std::mt19937 random(20261206);
  for (int i = 0; i < 3000; ++i) {
    std::string text;
    const auto length = random() % 40;
    for (std::uint32_t j = 0; j < length; ++j)
      text += pieces[random() % pieces.size()];
    expect_same_terms(text);
    if (HasFailure()) return;
  }
}

TEST(TextTerms, MatchesXapianPastTheWordCache) {
  // More distinct words than the analyzer remembers, so it starts over in the middle.
  std::string text;
  for (std::size_t i = 0; i < WordAnalyzer::kMaxWords + 5000; ++i) {
    std::size_t n = i;
    std::string word = "w";
    do {
      word += static_cast<char>('a' + n % 26);
      n /= 26;
    } while (n > 0);
    text += word + "ing ";
  }
  text += "wbing wzzing";  // words seen before the analyzer started over
  const auto [expected, actual] = both({{text}});
  EXPECT_EQ(expected.size(), actual.size());
  EXPECT_TRUE(expected == actual);
}

TEST(TextTerms, HandsTheTextToXapianWhenTheEnvironmentAsksForCjkNgrams) {
  // Xapian reads XAPIAN_CJK_NGRAM once per process; ctest runs each test in a process of its own.
  ::setenv("XAPIAN_CJK_NGRAM", "1", 1);
  const std::string text = "北京大学 students";
  const auto [expected, actual] = both({{text}});
  ::unsetenv("XAPIAN_CJK_NGRAM");
  if (!expected.contains("北京")) GTEST_SKIP() << "Xapian read XAPIAN_CJK_NGRAM earlier";
  EXPECT_EQ(expected, actual);
}

TEST(WordAnalyzer, AnalysesAWordAsTheIndexNeedsIt) {
  WordAnalyzer words(make_stemmer("english"), stopper_for("english"));
  const WordAnalysis& ministers = words("ministers");
  EXPECT_FALSE(ministers.stopword);
  EXPECT_TRUE(ministers.has_stem_term);
  EXPECT_EQ(ministers.stem, "minist");
  const WordAnalysis& the = words("the");
  EXPECT_TRUE(the.stopword);
  EXPECT_FALSE(the.has_stem_term);
  const WordAnalysis& year = words("1987");
  EXPECT_FALSE(year.has_stem_term);  // not a letter first: no stemmed term, as in Xapian
  EXPECT_EQ(year.stem, "1987");      // but a stem, which text signatures use
  WordAnalyzer unstemmed(make_stemmer("none"), nullptr);
  EXPECT_FALSE(unstemmed("ministers").has_stem_term);
  EXPECT_FALSE(unstemmed("the").stopword);
}

}  // namespace
}  // namespace newsdex::detail
