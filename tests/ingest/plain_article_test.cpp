#include <gtest/gtest.h>

#include <newsdex/error.hpp>
#include <newsdex/ingest.hpp>

#include "ingest/temp_files.hpp"

namespace newsdex {
namespace {

using namespace std::string_view_literals;

// The InputError that parsing `text` as "story.txt" throws; fails the test when none is thrown.
InputError plain_error(std::string_view text) {
  try {
    parse_plain_article(text, "story.txt", "story");
  } catch (const InputError& error) {
    return error;
  }
  ADD_FAILURE() << "no InputError for: " << text;
  return InputError("", 0, "");
}

TEST(PlainArticle, ReadsTheSeedStyleFirstLine) {
  const std::string text = testing::read_bytes(NEWSDEX_TEST_DATA "/ingest/seed-style.txt");
  ASSERT_EQ(text.substr(0, 17), " date 2023-03-14 ");
  const Article article = parse_plain_article(text, "seed-style.txt", "seed-style");
  EXPECT_EQ(article.id, "seed-style");
  EXPECT_EQ(article.date, (Date{2023, 3, 14}));
  EXPECT_EQ(article.title,
            "Dock workers in the port of Velmora walked off the job on Tuesday, halting what the "
            "harbour board calls \"essential traffic\u201D for \u201Cthe third time this "
            "spring.\u201D");
  EXPECT_TRUE(article.body.starts_with("Dock workers in the port of Velmora")) << article.body;
  EXPECT_TRUE(article.body.ends_with("river terminal at Ostrand.")) << article.body;
  EXPECT_NE(article.body.find("spring.\u201D\n\n\u201CWe have waited"), std::string::npos);
  EXPECT_TRUE(article.source.empty());
  EXPECT_FALSE(article.body.ends_with("\n"));
}

TEST(PlainArticle, ReadsEveryHeaderInAnyOrder) {
  const Article article = parse_plain_article(
      "lang de\nurl https://example.org/a\nid  kessel-42 \nsource Kessel Courier\n"
      "title   Tram fares frozen\ndate 2023-05-02\nThe city froze tram fares on Tuesday.\n",
      "a.txt", "fallback");
  EXPECT_EQ(article.id, "kessel-42");
  EXPECT_EQ(article.date, (Date{2023, 5, 2}));
  EXPECT_EQ(article.title, "Tram fares frozen");
  EXPECT_EQ(article.source, "Kessel Courier");
  EXPECT_EQ(article.url, "https://example.org/a");
  EXPECT_EQ(article.language, "de");
  EXPECT_EQ(article.body, "The city froze tram fares on Tuesday.");
}

TEST(PlainArticle, TextAfterTheDateOnItsLineStartsTheBody) {
  const Article article = parse_plain_article(
      "date 2023-05-02   Ferries resumed. Delays remain.\ntitle not a header any more\n", "a.txt",
      "a");
  EXPECT_EQ(article.body, "Ferries resumed. Delays remain.\ntitle not a header any more");
  EXPECT_EQ(article.title, "Ferries resumed.");
}

TEST(PlainArticle, HeadersStopAtTheFirstTextLineOrBlankLine) {
  // Right after the date line, a line starting with a keyword and a space is a header; after a
  // line of text it is text.
  const Article after_text = parse_plain_article(
      "date 2023-05-02\nsource Kessel Courier\nThe leak was found.\nsource unknown\n", "a.txt",
      "a");
  EXPECT_EQ(after_text.source, "Kessel Courier");
  EXPECT_EQ(after_text.body, "The leak was found.\nsource unknown");

  const Article after_blank = parse_plain_article(
      "date 2023-05-02\n\ntitle fights drew a record crowd.\nid cards were checked.", "a.txt", "a");
  EXPECT_TRUE(after_blank.title.starts_with("title fights")) << after_blank.title;
  EXPECT_EQ(after_blank.id, "a");
  EXPECT_EQ(after_blank.body, "title fights drew a record crowd.\nid cards were checked.");

  // A keyword needs its space: "dated" and a bare "title" are text.
  const Article keyword_alone =
      parse_plain_article("date 2023-05-02\ntitle\ndated records were lost.", "a.txt", "a");
  EXPECT_EQ(keyword_alone.body, "title\ndated records were lost.");
}

TEST(PlainArticle, SkipsAByteOrderMark) {
  const Article article =
      parse_plain_article("\xEF\xBB\xBF\r\ndate 2023-05-02\r\nSaved on Windows.\r\n", "a.txt", "a");
  EXPECT_EQ(article.date, (Date{2023, 5, 2}));
  EXPECT_EQ(article.body, "Saved on Windows.");
}

TEST(PlainArticle, KeepsParagraphsAndNormalisesCrlf) {
  const Article article = parse_plain_article(
      "\r\n\r\ndate 2023-05-02\r\ntitle Two paragraphs\r\n\r\nFirst one.\r\n\r\nSecond one.\r\n",
      "a.txt", "a");
  EXPECT_EQ(article.title, "Two paragraphs");
  EXPECT_EQ(article.body, "First one.\n\nSecond one.");
}

TEST(PlainArticle, FallsBackToTheFirstSentenceAndToDerivedIds) {
  const Article article = parse_plain_article(
      "date 2023-05-02\nMr. Brenn resigned on Monday. He gave no reason.", "-", "");
  EXPECT_EQ(article.title, "Mr. Brenn resigned on Monday.");
  EXPECT_EQ(article.id, derive_id("Mr. Brenn resigned on Monday. He gave no reason."));
  EXPECT_EQ(article.id.size(), 17u);
}

TEST(PlainArticle, IdsAreStableAndDependOnlyOnWhatTheyShould) {
  const std::string text = "date 2023-05-02\nThe bridge reopened.";
  EXPECT_EQ(parse_plain_article(text, "x.txt", "").id, parse_plain_article(text, "y.txt", "").id);
  EXPECT_EQ(parse_plain_article(text, "x.txt", "").id,
            parse_plain_article("  date 2023-05-02 The bridge reopened.\n\n", "x.txt", "").id);
  EXPECT_NE(parse_plain_article(text, "x.txt", "").id,
            parse_plain_article("date 2023-05-02\nThe bridge closed.", "x.txt", "").id);
  EXPECT_EQ(parse_plain_article(text, "x.txt", "2022/bridge").id, "2022/bridge");
}

TEST(PlainArticle, MissingDateLineNamesWhereTheHeadersStart) {
  const InputError error = plain_error("\n\ntitle No date here\nText of the story.\n");
  EXPECT_EQ(error.file(), "story.txt");
  EXPECT_EQ(error.line(), 3u);
  EXPECT_EQ(error.message(), "missing \"date YYYY-MM-DD\" line");
  EXPECT_STREQ(error.what(), "story.txt:3: missing \"date YYYY-MM-DD\" line");
  EXPECT_EQ(plain_error("").message(), "missing \"date YYYY-MM-DD\" line");
  EXPECT_EQ(plain_error("Just text, 2023-05-02.").line(), 1u);
}

TEST(PlainArticle, RejectsMalformedAndImpossibleDates) {
  struct Case {
    const char* text;
    std::size_t line;
    const char* message;
  };
  for (const Case& c : {
           Case{"date 2022-13-45\nText.", 1, "invalid date \"2022-13-45\" (expected YYYY-MM-DD)"},
           Case{"title T\ndate 0000-00-00\nText.", 2, "invalid date \"0000-00-00\""},
           Case{"\n date 2022-02-29 Text.", 2, "invalid date \"2022-02-29\""},
           Case{"date yesterday\nText.", 1, "invalid date \"yesterday\""},
           Case{"date 2022-12-01Text runs on.", 1, "invalid date \"2022-12-01Text\""},
           Case{"date \nText.", 1, "invalid date \"\""},
       }) {
    const InputError error = plain_error(c.text);
    EXPECT_EQ(error.file(), "story.txt") << c.text;
    EXPECT_EQ(error.line(), c.line) << c.text;
    EXPECT_TRUE(error.message().starts_with(c.message)) << c.text << " -> " << error.message();
  }
}

TEST(PlainArticle, RejectsAnEmptyBody) {
  const InputError only_headers = plain_error("date 2023-05-02\ntitle Nothing follows\n");
  EXPECT_EQ(only_headers.line(), 3u);
  EXPECT_EQ(only_headers.message(), "empty body");
  const InputError blank_after = plain_error("date 2023-05-02\n\n \n\t\n");
  EXPECT_EQ(blank_after.message(), "empty body");
  EXPECT_EQ(blank_after.line(), 2u);
  EXPECT_EQ(plain_error("date 2023-05-02   ").message(), "empty body");
  // Without a final line break, the error names the last line, not one after it.
  const InputError unterminated = plain_error("date 2023-05-02\r\ntitle Nothing.\rfollows");
  EXPECT_EQ(unterminated.message(), "empty body");
  EXPECT_EQ(unterminated.line(), 2u);
}

TEST(PlainArticle, RejectsAHeaderGivenTwice) {
  const InputError error = plain_error("date 2023-05-02\ntitle One\ntitle Two\nText.");
  EXPECT_EQ(error.line(), 3u);
  EXPECT_EQ(error.message(), "\"title\" header given twice");
  EXPECT_EQ(plain_error("date 2023-05-02\ndate 2023-05-03\nText.").message(),
            "\"date\" header given twice");
}

TEST(PlainArticle, RejectsBinaryDataAtTheLineOfTheFirstNul) {
  const InputError error = plain_error("date 2023-05-02\nText\nmore\x00\x01"sv);
  EXPECT_EQ(error.line(), 3u);
  EXPECT_EQ(error.message(), "NUL byte: binary data, not a text article");
}

TEST(PlainArticle, RepairsInvalidUtf8AndWarnsWithTheLine) {
  std::vector<InputProblem> warnings;
  const Article article =
      parse_plain_article("date 2023-05-02\ntitle Caf\xE9 closes\nGrowth.\xFC side effects.",
                          "latin1.txt", "latin1", &warnings);
  EXPECT_EQ(article.title, "Caf\uFFFD closes");
  EXPECT_EQ(article.body, "Growth.\uFFFD side effects.");
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].file, "latin1.txt");
  EXPECT_EQ(warnings[0].line, 2u);
  EXPECT_FALSE(warnings[0].skipped);
  EXPECT_EQ(warnings[0].to_string(), "latin1.txt:2: invalid UTF-8 replaced with U+FFFD");

  const Article without_sink =
      parse_plain_article("date 2023-05-02\nBad \xFF byte.", "latin1.txt", "latin1");
  EXPECT_EQ(without_sink.body, "Bad \uFFFD byte.");
}

TEST(InputProblem, FormatsFileLineAndWhetherSkipped) {
  EXPECT_EQ((InputProblem{"a.jsonl", 7, "empty \"body\"", true}).to_string(),
            "a.jsonl:7: empty \"body\" (skipped)");
  EXPECT_EQ((InputProblem{"gone.txt", 0, "No such file or directory", true}).to_string(),
            "gone.txt: No such file or directory (skipped)");
}

}  // namespace
}  // namespace newsdex
