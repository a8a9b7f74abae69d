// Title words outweigh body words by the index's title weight; stopwords need not match unless
// the request says so (README "Stopwords and field weights").
#include <gtest/gtest.h>
#include <xapian.h>

#include <newsdex/error.hpp>
#include <newsdex/index.hpp>
#include <newsdex/index_writer.hpp>

#include "support/hit_ids.hpp"
#include "support/temp_dir.hpp"

namespace newsdex {
namespace {

// Two articles of the same length: "herring" once in one's title, twice in the other's body.
void add_herring_articles(IndexWriter& writer) {
  writer.add({.id = "in-title",
              .date = Date::parse("2022-05-10"),
              .title = "Herring quotas",
              .body = "Fishing boats from Bergen brought quotas to the market hall on Monday."});
  writer.add({.id = "in-body",
              .date = Date::parse("2022-05-10"),
              .title = "Quotas set",
              .body = "Herring boats from Bergen brought herring to the market hall on Monday."});
  writer.commit();
}

Xapian::termcount wdf(const std::filesystem::path& path, const std::string& id,
                      const std::string& term) {
  Xapian::Database database(path.string());
  const Xapian::docid docid = *database.postlist_begin("Q" + id);
  auto it = database.termlist_begin(docid);
  it.skip_to(term);
  return it != database.termlist_end(docid) && *it == term ? it.get_wdf() : 0;
}

TEST(TitleWeight, ATitleWordCountsThreeBodyWordsByDefault) {
  testing::TempDir dir;
  {
    auto writer = IndexWriter::open(dir / "db");
    add_herring_articles(writer);
  }
  EXPECT_EQ(wdf(dir / "db", "in-title", "herring"), 3u);
  EXPECT_EQ(wdf(dir / "db", "in-title", "Zherring"), 3u);
  EXPECT_EQ(wdf(dir / "db", "in-title", "Sherring"), 1u);
  EXPECT_EQ(wdf(dir / "db", "in-body", "herring"), 2u);
  EXPECT_EQ(Xapian::Database((dir / "db").string()).get_metadata("newsdex.title_weight"), "3");
  EXPECT_EQ(testing::hit_ids(Index::open(dir / "db").search({.query = "herring"})),
            (std::vector<std::string>{"in-title", "in-body"}));
}

TEST(TitleWeight, IsChosenWhenTheIndexIsCreatedAndKeptAfterwards) {
  testing::TempDir dir;
  {
    auto writer = IndexWriter::open(dir / "db", {.title_weight = 1});
    add_herring_articles(writer);
  }
  EXPECT_EQ(wdf(dir / "db", "in-title", "herring"), 1u);
  EXPECT_EQ(testing::hit_ids(Index::open(dir / "db").search({.query = "herring"})),
            (std::vector<std::string>{"in-body", "in-title"}));
  {
    auto writer = IndexWriter::open(dir / "db", {.title_weight = 5});  // ignored: not new
    writer.add({.id = "later", .title = "Herring", .body = "More on fish and boats today."});
    writer.commit();
  }
  EXPECT_EQ(wdf(dir / "db", "later", "herring"), 1u);
  EXPECT_EQ(Xapian::Database((dir / "db").string()).get_metadata("newsdex.title_weight"), "1");
  EXPECT_THROW(IndexWriter::open(dir / "other", {.title_weight = 0}), InvalidArgumentError);
  EXPECT_THROW(IndexWriter::open(dir / "other", {.title_weight = 101}), InvalidArgumentError);
}

class StopwordTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir;
    auto writer = IndexWriter::open(*dir_ / "db");
    writer.add(
        {.id = "with-the", .title = "The court of appeal", .body = "The court heard the appeal."});
    writer.add({.id = "without",
                .title = "Appeal court rules",
                .body = "Judges at an appeal court ruled on Monday."});
    writer.add({.id = "band",
                .title = "Concert",
                .body = "The Who played the hall, then a band from Bergen played."});
    writer.commit();
  }
  static void TearDownTestSuite() { delete dir_; }

  static std::vector<std::string> sorted_ids(SearchRequest request) {
    request.sort = SortOrder::oldest;
    auto found = testing::hit_ids(Index::open(*dir_ / "db").search(request));
    std::sort(found.begin(), found.end());
    return found;
  }

  static testing::TempDir* dir_;
};

testing::TempDir* StopwordTest::dir_ = nullptr;

TEST_F(StopwordTest, EnglishStopwordsNeedNotMatchByDefault) {
  EXPECT_EQ(sorted_ids({.query = "the court of appeal"}),
            (std::vector<std::string>{"with-the", "without"}));
  EXPECT_EQ(sorted_ids({.query = "\"court of appeal\""}), std::vector<std::string>{"with-the"});
}

TEST_F(StopwordTest, AQueryOfStopwordsAloneMatchesTheirExactForms) {
  EXPECT_EQ(sorted_ids({.query = "the who"}), std::vector<std::string>{"band"});
  EXPECT_EQ(sorted_ids({.query = "appeal -the"}), std::vector<std::string>{"without"});
}

TEST_F(StopwordTest, AnEmptyListMakesEveryWordCount) {
  EXPECT_EQ(sorted_ids({.query = "the court of appeal", .stopwords = std::vector<std::string>{}}),
            std::vector<std::string>{"with-the"});
  EXPECT_EQ(sorted_ids({.query = "title:the", .stopwords = std::vector<std::string>{}}),
            std::vector<std::string>{"with-the"});
}

TEST_F(StopwordTest, AListOfOwnWordsReplacesTheLanguagesStopwords) {
  // "court" need not match; "the" and "of" now must.
  EXPECT_EQ(sorted_ids({.query = "the court of appeal",
                        .stopwords = std::vector<std::string>{"Court", "rules"}}),
            std::vector<std::string>{"with-the"});
  EXPECT_EQ(sorted_ids({.query = "court monday", .stopwords = std::vector<std::string>{"court"}}),
            std::vector<std::string>{"without"});
}

}  // namespace
}  // namespace newsdex
