// The stored document data: what the encoder writes the decoder reads back exactly, other
// tools' additions are skipped, and damaged data is an IndexFormatError saying what is wrong.
#include "schema/document_data.hpp"

#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <newsdex/error.hpp>

namespace newsdex::detail {
namespace {

Article full_article() {
  return {.id = "story-1",
          .date = Date::parse("2022-12-01"),
          .title = "Baku \"rejects\" resolution",
          .body =
              "Line one.\nLine two\twith a tab, a backslash \\ and a control \x01 byte; "
              "Ağdam, 日本, 😀.",
          .source = "Caspian Wire",
          .url = "https://example.com/story-1?a=1&b=2",
          .language = "en",
          .speakers = {"Marta Soto", "Leyla Abdullayeva"},
          .places = {"Ağdam", "Lachin"}};
}

void expect_same(const Article& decoded, const Article& original) {
  EXPECT_EQ(decoded.id, original.id);
  EXPECT_EQ(decoded.date, original.date);
  EXPECT_EQ(decoded.title, original.title);
  EXPECT_EQ(decoded.body, original.body);
  EXPECT_EQ(decoded.source, original.source);
  EXPECT_EQ(decoded.url, original.url);
  EXPECT_EQ(decoded.language, original.language);
  EXPECT_EQ(decoded.speakers, original.speakers);
  EXPECT_EQ(decoded.places, original.places);
}

TEST(DocumentData, DecodesWhatItEncodes) {
  const Article article = full_article();
  expect_same(decode_document_data(encode_document_data(article)), article);
  const Article bare{.id = "x", .body = "b"};
  expect_same(decode_document_data(encode_document_data(bare)), bare);
  EXPECT_FALSE(decode_document_data(encode_document_data(bare)).date.has_value());
}

TEST(DocumentData, SkippingTheBodyKeepsEveryOtherField) {
  const Article article = full_article();
  Article without_body = article;
  without_body.body.clear();
  expect_same(decode_document_data(encode_document_data(article), StoredBody::skip), without_body);
  // Reading stops where the body starts, so what comes before it is still checked.
  EXPECT_THROW(decode_document_data(R"({"id": 7, "body": "b"})", StoredBody::skip),
               IndexFormatError);
  EXPECT_EQ(decode_document_data(R"({"id": "x", "body": "b"})", StoredBody::skip).id, "x");
}

TEST(DocumentData, ReadsAnyValidJsonOfTheLayout) {
  // Escapes the encoder never writes, in any order, with fields it does not know.
  const Article decoded = decode_document_data(
      R"( { "extra": {"nested": [1, {"id": "not this"}], "n": null}, "body": "caf\u00e9 \ud83d\ude00",
            "places": [], "speakers": ["A\/B"], "id": "42", "score": 1.5, "flag": true,
            "date": "2022-01-31" } )");
  EXPECT_EQ(decoded.id, "42");
  EXPECT_EQ(decoded.body, "café 😀");
  EXPECT_EQ(decoded.speakers, std::vector<std::string>{"A/B"});
  EXPECT_TRUE(decoded.places.empty());
  EXPECT_EQ(decoded.date, Date::parse("2022-01-31"));
}

TEST(DocumentData, BadDataSaysWhatIsWrong) {
  const std::pair<std::string, std::string> cases[] = {
      {"", "stored document data is not a JSON object"},
      {R"(["id"])", "stored document data is not a JSON object"},
      {R"("story")", "stored document data is not a JSON object"},
      {"42", "stored document data is not a JSON object"},
      {R"({"id": "x")", "stored document data is not a JSON object"},
      {R"({"id": "x"} {})", "stored document data is not a JSON object"},
      {"{\"id\": \"\xff\"}", "stored document data is not a JSON object"},
      {R"({"id": 7})", "stored field \"id\" is not a string"},
      {R"({"body": ["a"]})", "stored field \"body\" is not a string"},
      {R"({"date": {"y": 2022}})", "stored field \"date\" is not a string"},
      {R"({"speakers": "Marta Soto"})", "stored field \"speakers\" is not a list"},
      {R"({"places": {"a": 1}})", "stored field \"places\" is not a list"},
      {R"({"places": ["Baku", 3]})", "stored field \"places\" holds a non-string"},
      {R"({"speakers": [["nested"]]})", "stored field \"speakers\" holds a non-string"},
      {R"({"date": "2022-02-30"})", "stored date \"2022-02-30\" is invalid"},
  };
  for (const auto& [data, message] : cases) {
    try {
      decode_document_data(data);
      ADD_FAILURE() << "no error for " << data;
    } catch (const IndexFormatError& error) {
      EXPECT_EQ(error.what(), message) << data;
    }
  }
}

TEST(DocumentData, ANulByteIsNotJson) {
  using namespace std::string_literals;
  EXPECT_THROW(decode_document_data("{\"id\": \"x\"}\0 trailing"s), IndexFormatError);
  EXPECT_THROW(decode_document_data("{\"id\": \"x\0y\"}"s), IndexFormatError);
}

TEST(DocumentData, IsPlainJsonForOtherTools) {
  const auto object = nlohmann::json::parse(encode_document_data(full_article()));
  EXPECT_EQ(object.at("title"), "Baku \"rejects\" resolution");
  EXPECT_EQ(object.at("places").size(), 2u);
}

// What nlohmann::json writes for an article: the bytes indexes written so far hold, which the
// fingerprints of their articles hash.
std::string as_nlohmann_writes(const Article& article) {
  nlohmann::ordered_json object;
  auto put = [&](const char* key, const auto& value) {
    if (!value.empty()) object[key] = value;
  };
  put("id", article.id);
  if (article.date) object["date"] = article.date->iso();
  put("title", article.title);
  put("source", article.source);
  put("url", article.url);
  put("lang", article.language);
  put("speakers", article.speakers);
  put("places", article.places);
  put("body", article.body);
  return object.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

TEST(DocumentData, WritesTheBytesItAlwaysWrote) {
  EXPECT_EQ(encode_document_data(full_article()), as_nlohmann_writes(full_article()));
  EXPECT_EQ(encode_document_data({.id = "x", .body = "b"}),
            as_nlohmann_writes({.id = "x", .body = "b"}));
  // Every byte below 0x80 and some beyond, in every field; then bytes that are not UTF-8.
  std::string ascii;
  for (int c = 0; c < 0x80; ++c)
    ascii.push_back(static_cast<char>(c));
  const Article every_byte{.id = ascii,
                           .date = Date::parse("1999-01-02"),
                           .title = ascii + "\u00e9\u2019",
                           .body = "\x7f" + ascii + "\U0001F600",
                           .source = ascii,
                           .url = ascii,
                           .language = ascii,
                           .speakers = {ascii, "", "\\"},
                           .places = {"\"", ascii}};
  EXPECT_EQ(encode_document_data(every_byte), as_nlohmann_writes(every_byte));
  Article broken = every_byte;
  broken.body += "\xff\xc3(";
  broken.places.push_back("\xed\xa0\x80");
  EXPECT_EQ(encode_document_data(broken), as_nlohmann_writes(broken));
  EXPECT_NE(encode_document_data(broken).find("\xef\xbf\xbd"), std::string::npos);  // U+FFFD
}

}  // namespace
}  // namespace newsdex::detail
