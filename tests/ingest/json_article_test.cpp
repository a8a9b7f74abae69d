#include <gtest/gtest.h>

#include <newsdex/error.hpp>
#include <newsdex/ingest.hpp>

namespace newsdex {
namespace {

// The InputError that parsing `json` as line 7 of "feed.jsonl" throws.
InputError json_error(std::string_view json) {
  try {
    parse_json_article(json, "feed.jsonl", 7);
  } catch (const InputError& error) {
    return error;
  }
  ADD_FAILURE() << "no InputError for: " << json;
  return InputError("", 0, "");
}

TEST(JsonArticle, ReadsEveryField) {
  const Article article = parse_json_article(
      R"({"id": "wire-1", "date": "2023-04-12", "title": " Floods close pass ",
          "body": "Heavy rain closed the pass.\r\n\r\nCrews are out.", "source": "Valdoria Wire",
          "url": "https://example.org/1", "lang": "de",
          "speakers": ["Road agency", " ", "Ilse Varga"], "places": ["Keller pass"]})",
      "feed.jsonl", 1);
  EXPECT_EQ(article.id, "wire-1");
  EXPECT_EQ(article.date, (Date{2023, 4, 12}));
  EXPECT_EQ(article.title, "Floods close pass");
  EXPECT_EQ(article.body, "Heavy rain closed the pass.\n\nCrews are out.");
  EXPECT_EQ(article.source, "Valdoria Wire");
  EXPECT_EQ(article.url, "https://example.org/1");
  EXPECT_EQ(article.language, "de");
  EXPECT_EQ(article.speakers, (std::vector<std::string>{"Road agency", "Ilse Varga"}));
  EXPECT_EQ(article.places, (std::vector<std::string>{"Keller pass"}));
}

TEST(JsonArticle, NeedsOnlyABodyAndDerivesTheRest) {
  const Article article =
      parse_json_article(R"({"body": "  Ferries resumed. Delays remain.  "})", "feed.jsonl", 3);
  EXPECT_EQ(article.body, "Ferries resumed. Delays remain.");
  EXPECT_EQ(article.id, derive_id("Ferries resumed. Delays remain."));
  EXPECT_EQ(article.title, "Ferries resumed.");
  EXPECT_EQ(article.date, std::nullopt);
  EXPECT_TRUE(article.speakers.empty());
}

TEST(JsonArticle, TakesTheCalendarDateOfTimestamps) {
  EXPECT_EQ(
      parse_json_article(R"({"date": "2023-04-12T23:45:00-05:00", "body": "x"})", "f", 1).date,
      (Date{2023, 4, 12}));
  EXPECT_EQ(parse_json_article(R"({"date": "1987-02-26T15:01:01", "body": "x"})", "f", 1).date,
            (Date{1987, 2, 26}));
  EXPECT_EQ(parse_json_article(R"({"date": "2023-04-12T00:00:00.25Z", "body": "x"})", "f", 1).date,
            (Date{2023, 4, 12}));
}

TEST(JsonArticle, IgnoresUnknownFieldsOfAnyShapeAndTreatsNullAsAbsent) {
  const Article article = parse_json_article(
      R"({"dateline": "KESSEL, Feb 26 -", "people": ["brenn"], "topics": [],
          "extra": {"nested": [1, {"speakers": 5}], "body": 3}, "score": 0.5, "flag": true,
          "title": null, "date": null, "speakers": null, "id": 1042, "body": "Text here."})",
      "reuters.jsonl", 2);
  EXPECT_EQ(article.body, "Text here.");
  EXPECT_TRUE(article.speakers.empty()) << "people are not speakers";
  EXPECT_EQ(article.title, "Text here.");
  EXPECT_EQ(article.date, std::nullopt);
  EXPECT_EQ(article.id, "1042");
}

TEST(JsonArticle, RejectsWrongTypesNamingTheField) {
  struct Case {
    const char* json;
    const char* message;
  };
  for (const Case& c : {
           Case{R"({"body": 5})", "\"body\" must be a string, not a number"},
           Case{R"({"body": "x", "title": ["a"]})", "\"title\" must be a string, not an array"},
           Case{R"({"body": "x", "date": 20230412})", "\"date\" must be a string, not a number"},
           Case{R"({"body": "x", "id": 1.5})",
                "\"id\" must be a string or an integer, not a number"},
           Case{R"({"body": "x", "source": {"name": "Wire"}})",
                "\"source\" must be a string, not an object"},
           Case{R"({"body": "x", "lang": false})", "\"lang\" must be a string, not a boolean"},
           Case{R"({"body": "x", "speakers": "Ilse Varga"})",
                "\"speakers\" must be an array of strings, not a string"},
           Case{R"({"body": "x", "places": {"a": 1}})",
                "\"places\" must be an array of strings, not an object"},
           Case{R"({"body": "x", "places": ["Kessel", 3]})",
                "\"places\" must be an array of strings, not an array holding a number"},
           Case{R"({"body": "x", "speakers": [["a"]]})",
                "\"speakers\" must be an array of strings, not an array holding an array"},
           Case{R"(["body", "x"])", "a record must be a JSON object, not an array"},
           Case{R"("just a string")", "a record must be a JSON object, not a string"},
       }) {
    const InputError error = json_error(c.json);
    EXPECT_EQ(error.file(), "feed.jsonl");
    EXPECT_EQ(error.line(), 7u);
    EXPECT_EQ(error.message(), c.message) << c.json;
  }
}

TEST(JsonArticle, RejectsAMissingEmptyOrNullBody) {
  EXPECT_EQ(json_error(R"({"title": "No body"})").message(), "missing \"body\"");
  EXPECT_EQ(json_error(R"({"body": null})").message(), "missing \"body\"");
  EXPECT_EQ(json_error(R"({"body": " \n "})").message(), "empty \"body\"");
  EXPECT_STREQ(json_error(R"({"body": ""})").what(), "feed.jsonl:7: empty \"body\"");
}

TEST(JsonArticle, RejectsInvalidDates) {
  const InputError error = json_error(R"({"body": "x", "date": "2022-13-45"})");
  EXPECT_EQ(error.line(), 7u);
  EXPECT_EQ(error.message(),
            "invalid date \"2022-13-45\" (expected YYYY-MM-DD or an ISO 8601 timestamp)");
  EXPECT_TRUE(json_error(R"({"body": "x", "date": "0000-00-00"})")
                  .message()
                  .starts_with("invalid date \"0000-00-00\""));
  EXPECT_TRUE(json_error(R"({"body": "x", "date": "12/01/2022"})")
                  .message()
                  .starts_with("invalid date \"12/01/2022\""));
  EXPECT_TRUE(json_error(R"({"body": "x", "date": ""})").message().starts_with("invalid date"));
}

TEST(JsonArticle, ReportsSyntaxErrorsWithTheirColumn) {
  const InputError unquoted = json_error(R"({"body": oops})");
  EXPECT_EQ(unquoted.file(), "feed.jsonl");
  EXPECT_EQ(unquoted.line(), 7u);
  EXPECT_TRUE(unquoted.message().starts_with("invalid JSON at column 10: syntax error"))
      << unquoted.message();
  EXPECT_TRUE(json_error(R"({"body": "x",})").message().starts_with("invalid JSON at column 14"))
      << json_error(R"({"body": "x",})").message();
  EXPECT_TRUE(json_error(R"({"body": "unterminated)").message().starts_with("invalid JSON at"));
  EXPECT_TRUE(
      json_error(R"({"body": "x"} {"body": "y"})").message().find("expected end of input") !=
      std::string::npos);
  EXPECT_TRUE(json_error("").message().starts_with("invalid JSON at column 1"));
}

TEST(JsonArticle, RepairsInvalidUtf8BeforeParsingAndWarns) {
  std::vector<InputProblem> warnings;
  const Article article = parse_json_article(
      "{\"body\": \"growth.\xFC side\", \"places\": [\"K\xF6ln\"]}", "latin1.jsonl", 12, &warnings);
  EXPECT_EQ(article.body, "growth.\uFFFD side");
  EXPECT_EQ(article.places, (std::vector<std::string>{"K\uFFFDln"}));
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].to_string(), "latin1.jsonl:12: invalid UTF-8 replaced with U+FFFD");
  EXPECT_FALSE(warnings[0].skipped);
}

TEST(JsonArticle, DecodesEscapes) {
  const Article article = parse_json_article(
      R"({"body": "\u201cPeace\u201d, he said.\nLine two \u00e9 \ud83d\ude00"})", "f", 1);
  EXPECT_EQ(article.body, "\u201CPeace\u201D, he said.\nLine two \u00e9 \U0001F600");
}

}  // namespace
}  // namespace newsdex
