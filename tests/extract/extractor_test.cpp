#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <newsdex/extract.hpp>
#include <newsdex/gazetteer.hpp>
#include <newsdex/ingest.hpp>

#include "extract/place_extractor.hpp"

namespace newsdex {
namespace {

Article fixture_article() {
  std::ifstream in(std::string(NEWSDEX_TEST_DATA) + "/extract/ministry-statement.txt",
                   std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return parse_plain_article(text.str(), "ministry-statement.txt", "ministry-statement");
}

const Speaker* find_speaker(const Annotations& notes, std::string_view name) {
  for (const auto& speaker : notes.speakers) {
    if (speaker.name == name) return &speaker;
  }
  return nullptr;
}

std::vector<std::string> date_lines(const Annotations& notes) {
  std::vector<std::string> lines;
  for (const auto& mention : notes.dates) {
    lines.push_back(mention.date.iso() + " " + mention.text);
  }
  return lines;
}

TEST(Extractor, FindsTheFixtureSpeakersWithRoles) {
  const Article article = fixture_article();
  const Annotations notes = Extractor().extract(article);
  std::vector<std::string> names;
  for (const auto& speaker : notes.speakers)
    names.push_back(speaker.name);
  EXPECT_EQ(names, (std::vector<std::string>{"Norwegian Foreign Ministry", "Eirik Dahl",
                                             "Sigrid Haugland"}));
  ASSERT_NE(find_speaker(notes, "Eirik Dahl"), nullptr);
  EXPECT_EQ(find_speaker(notes, "Eirik Dahl")->role, "Foreign Ministry spokesman");
  ASSERT_NE(find_speaker(notes, "Sigrid Haugland"), nullptr);
  EXPECT_EQ(find_speaker(notes, "Sigrid Haugland")->role, "Ambassador to the Netherlands");
  // The ministry is cited three times: by name, then twice as "the statement".
  const Speaker* ministry = find_speaker(notes, "Norwegian Foreign Ministry");
  ASSERT_NE(ministry, nullptr);
  EXPECT_EQ(ministry->mentions.size(), 3u);
  // "he said" after Dahl's words is Dahl.
  EXPECT_EQ(find_speaker(notes, "Eirik Dahl")->mentions.size(), 2u);
  for (const auto& speaker : notes.speakers) {
    for (const auto& span : speaker.mentions) {
      ASSERT_LE(span.end, article.body.size());
      ASSERT_LT(span.start, span.end);
    }
  }
}

TEST(Extractor, FindsTheFixturePlacesWithThePlaceExtractor) {
  const Article article = fixture_article();
  const Annotations notes = Extractor().extract(article);
  EXPECT_EQ(notes.places, detail::PlaceExtractor(Gazetteer::builtin()).extract(article.body));
  std::vector<std::string> places;
  for (const auto& place : notes.places)
    places.push_back(place.name + "/" + place.country);
  for (const char* expected : {"Norway/NO", "Netherlands/NL", "Oslo/NO", "Nordland/NO"}) {
    EXPECT_NE(std::find(places.begin(), places.end(), expected), places.end()) << expected;
  }
}

TEST(Extractor, UsesTheGazetteerGiven) {
  const auto gazetteer = Gazetteer::builtin();
  const Extractor extractor({.gazetteer = gazetteer});
  EXPECT_EQ(extractor.options().gazetteer, gazetteer);
  EXPECT_NE(Extractor().options().gazetteer, nullptr);
  EXPECT_EQ(Extractor({.places = false}).options().gazetteer, nullptr);
}

TEST(Extractor, ResolvesTheFixtureDatesAgainstPublication) {
  const Annotations notes = Extractor().extract(fixture_article());
  EXPECT_EQ(date_lines(notes),
            (std::vector<std::string>{"2022-11-24 on Thursday", "2022-11-22 on November 22, 2022",
                                      "2022-11-16 On Nov. 16", "2020-01-01 in 2020"}));
  EXPECT_EQ(notes.dates.back().precision, DatePrecision::year);
}

TEST(Extractor, SeedStyleArticle) {
  Article article;
  article.date = Date::parse("2022-12-01");
  article.body =
      "Azerbaijan on Thursday rejected a resolution adopted on November 30, 2022, calling it "
      "“a provocation,” said an Azerbaijani Foreign Ministry statement.\n\n"
      "\"We ended the occupation in a fall 2020 conflict,\" wrote Azerbaijan's Ambassador to "
      "France Leyla Abdullayeva. On Nov. 16, Baku rebuffed the Senate. Abdullayeva added that "
      "tensions had grown since 1991 and peaked in 2020.";
  const Annotations notes = Extractor().extract(article);
  ASSERT_NE(find_speaker(notes, "Azerbaijani Foreign Ministry"), nullptr);
  std::vector<std::string> places;
  for (const auto& place : notes.places)
    places.push_back(place.name);
  EXPECT_NE(std::find(places.begin(), places.end(), "Azerbaijan"), places.end());
  EXPECT_NE(std::find(places.begin(), places.end(), "France"), places.end());
  const Speaker* ambassador = find_speaker(notes, "Leyla Abdullayeva");
  ASSERT_NE(ambassador, nullptr);
  EXPECT_EQ(ambassador->role, "Ambassador to France");
  EXPECT_EQ(ambassador->mentions.size(), 2u);
  EXPECT_EQ(date_lines(notes),
            (std::vector<std::string>{"2022-12-01 on Thursday", "2022-11-30 on November 30, 2022",
                                      "2020-01-01 fall 2020", "2022-11-16 On Nov. 16",
                                      "1991-01-01 since 1991", "2020-01-01 in 2020"}));
}

TEST(Extractor, TheNamesOfPersonsQuotedAreNoPlaces) {
  // "Amara" is also a name of Ethiopia's Amhara region, "Duarte" a town's name.
  const Article article{.id = "clinic",
                        .date = Date::parse("2022-08-03"),
                        .body =
                            "Amara Okafor, director of the institute, said cases rose in "
                            "Lagos. Helena Duarte said the clinics were full. Duarte added "
                            "that more nurses were needed."};
  const Annotations notes = Extractor().extract(article);
  std::vector<std::string> places;
  for (const auto& place : notes.places)
    places.push_back(place.name);
  EXPECT_EQ(places, std::vector<std::string>{"Lagos"});
  const Annotations without_speakers = Extractor({.speakers = false}).extract(article);
  EXPECT_GT(without_speakers.places.size(), 1u);
}

TEST(Extractor, OptionsTurnKindsOff) {
  const Article article = fixture_article();
  const Annotations none =
      Extractor({.speakers = false, .places = false, .dates = false}).extract(article);
  EXPECT_EQ(none, Annotations{});
  const Annotations dates_only =
      Extractor({.speakers = false, .places = false, .dates = true}).extract(article);
  EXPECT_TRUE(dates_only.speakers.empty());
  EXPECT_TRUE(dates_only.places.empty());
  EXPECT_FALSE(dates_only.dates.empty());
  const Annotations places_only =
      Extractor({.speakers = false, .places = true, .dates = false}).extract(article);
  EXPECT_TRUE(places_only.speakers.empty());
  EXPECT_FALSE(places_only.places.empty());
  EXPECT_TRUE(places_only.dates.empty());
  EXPECT_FALSE(Extractor().options().speakers == false);
}

TEST(Extractor, WithoutADateRelativeMentionsAreSkipped) {
  Article article = fixture_article();
  article.date.reset();
  EXPECT_EQ(date_lines(Extractor().extract(article)),
            (std::vector<std::string>{"2022-11-22 on November 22, 2022", "2020-01-01 in 2020"}));
}

TEST(Extractor, MovesAndSurvivesOddInput) {
  Extractor first;
  Extractor second = std::move(first);
  Article article;
  article.body = std::string("\xFF\xFE said \0 Ana", 14);
  EXPECT_NO_THROW(second.extract(article));
  article.body.clear();
  EXPECT_EQ(second.extract(article), Annotations{});
}

}  // namespace
}  // namespace newsdex
