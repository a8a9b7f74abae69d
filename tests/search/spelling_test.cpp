// Did-you-mean: spelling data built while indexing, corrections of words and names.
#include <map>
#include <string>

#include <gtest/gtest.h>
#include <xapian.h>

#include <newsdex/index.hpp>
#include <newsdex/index_writer.hpp>

#include "support/temp_dir.hpp"

namespace newsdex {
namespace {

class SpellingTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir;
    auto writer = IndexWriter::open(*dir_ / "db");
    const char* kBodies[] = {
        "Parliament adopted a resolution on the region; Leyla Abdullayeva rejected it.",
        "The ambassador, Leyla Abdullayeva, said the resolution was a provocation.",
        "A second resolution was tabled on Thursday, Abdullayeva said.",
    };
    int n = 0;
    for (const char* body : kBodies) {
      writer.add({.id = "r" + std::to_string(++n),
                  .date = Date::parse("2022-12-0" + std::to_string(n)),
                  .title = "Resolution",
                  .body = body,
                  .speakers = {"Leyla Abdullayeva"},
                  .places = {"Nagorno-Karabakh"}});
    }
    writer.add({.id = "typo",
                .date = Date::parse("2022-12-09"),
                .title = "Envoy speaks",
                .body = "The envoy, Leyla Abdulayeva, spoke about copper.",
                .speakers = {"Leyla Abdulayeva"}});
    writer.add({.id = "gone", .title = "Airship", .body = "A zeppelin landed."});
    writer.add({.id = "k0", .title = "Vote", .body = "Kenya backed the resolution."});
    for (int i = 1; i <= 3; ++i) {
      writer.add({.id = "k" + std::to_string(i), .title = "Tea", .body = "Kenya's tea exports."});
    }
    writer.commit();
    writer.remove("gone");
    writer.commit();
  }
  static void TearDownTestSuite() { delete dir_; }

  static std::optional<std::string> suggestion(const std::string& query, std::size_t below = 3) {
    return Index::open(*dir_ / "db").search({.query = query, .suggest_below = below}).suggestion;
  }

  static testing::TempDir* dir_;
};

testing::TempDir* SpellingTest::dir_ = nullptr;

TEST_F(SpellingTest, CorrectsMisspelledWords) {
  EXPECT_EQ(suggestion("resolutoin"), "resolution");
  EXPECT_EQ(suggestion("\"second resolutoin\""), "\"second resolution\"");
}

TEST_F(SpellingTest, CorrectsNamesOfPeopleAndPlaces) {
  // The misspelling exists once (in "typo"), the right spelling in three articles.
  EXPECT_EQ(suggestion("speaker:abdulayeva"), "speaker:abdullayeva");
  EXPECT_EQ(suggestion("Abdulayeva"), "Abdullayeva");
  EXPECT_EQ(suggestion("speaker:\"leyla abdulaieva\""), "speaker:\"leyla abdullayeva\"");
  EXPECT_EQ(suggestion("place:karabah"), "place:karabakh");
}

TEST_F(SpellingTest, KeepsOperatorsAndOtherFieldsAsTyped) {
  EXPECT_EQ(suggestion("resolutoin  date:2022-12 -copper (ambasador OR envoy)"),
            "resolution  date:2022-12 -copper (ambassador OR envoy)");
}

TEST_F(SpellingTest, LeavesWordsThatOnlyDifferInTheirEnding) {
  // "kenya's" is more frequent and one edit away, but stems like "kenya".
  EXPECT_EQ(suggestion("kenya resolutoin"), "kenya resolution");
}

TEST_F(SpellingTest, SuggestsOnlyWhenFewMatchAndTheCorrectionMatchesMore) {
  EXPECT_EQ(suggestion("resolution"), std::nullopt);  // 4 matches: not few
  EXPECT_EQ(suggestion("resolutoin", 0), std::nullopt);
  EXPECT_EQ(suggestion("resolutoin zeppelin"), std::nullopt);  // the correction matches nothing
  EXPECT_EQ(suggestion("resolutio*"), std::nullopt);           // a prefix, not a misspelling
  EXPECT_EQ(suggestion("copper"), std::nullopt);               // nothing to correct
}

TEST_F(SpellingTest, DeletedArticlesLeaveTheDictionary) {
  Xapian::Database database((*dir_ / "db").string());
  EXPECT_EQ(database.get_spelling_suggestion("zepelin"), "");
  EXPECT_EQ(database.get_spelling_suggestion("resolutoin"), "resolution");
  EXPECT_EQ(database.get_spelling_suggestion("abdullayev"), "abdullayeva");
}

// The dictionary counts each word once per article that holds it, through additions,
// replacements and removals within one batch and across batches.
TEST(Spelling, CountsEachWordOncePerArticle) {
  testing::TempDir dir;
  auto frequencies = [&] {
    std::map<std::string, Xapian::doccount> found;
    Xapian::Database database((dir / "db").string());
    for (auto it = database.spellings_begin(); it != database.spellings_end(); ++it)
      found[*it] = it.get_termfreq();
    return found;
  };
  {
    auto writer = IndexWriter::open(dir / "db");
    writer.add({.id = "a", .body = "Copper and zinc, copper again."});
    writer.add({.id = "b", .body = "Copper."});
    writer.commit();
    EXPECT_EQ(frequencies(), (std::map<std::string, Xapian::doccount>{
                                 {"again", 1}, {"and", 1}, {"copper", 2}, {"zinc", 1}}));

    writer.add({.id = "a", .body = "Zinc and tin."});  // replaces a
    writer.add({.id = "c", .body = "Copper."});
    EXPECT_TRUE(writer.remove("b"));
    writer.add({.id = "d", .body = "Nickel."});
    EXPECT_TRUE(writer.remove("d"));
    writer.add({.id = "e", .body = "Copper prices.", .speakers = {"Copper Smith"}});
    writer.commit();
  }
  EXPECT_EQ(frequencies(),
            (std::map<std::string, Xapian::doccount>{
                {"and", 1}, {"copper", 2}, {"prices", 1}, {"smith", 1}, {"tin", 1}, {"zinc", 1}}));
}

TEST(Spelling, CanBeTurnedOffWhenIndexing) {
  testing::TempDir dir;
  WriterOptions options;
  options.spelling = false;
  auto writer = IndexWriter::open(dir / "db", options);
  writer.add({.id = "a", .body = "A resolution was adopted."});
  writer.commit();
  Xapian::Database database((dir / "db").string());
  EXPECT_EQ(database.spellings_begin(), database.spellings_end());
}

}  // namespace
}  // namespace newsdex
