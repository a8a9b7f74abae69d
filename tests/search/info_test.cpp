// Index::info: what an index holds, counted from the index itself.
#include <gtest/gtest.h>

#include <newsdex/error.hpp>
#include <newsdex/index.hpp>
#include <newsdex/index_writer.hpp>

#include "support/temp_dir.hpp"

namespace newsdex {
namespace {

const std::string kStory =
    "Harbour pilots in Bergen stopped work on Tuesday in a dispute over rest periods, leaving "
    "three cruise ships and a dozen freighters waiting outside the port. The pilots' association "
    "said its members had worked double shifts for most of the spring because of a shortage of "
    "qualified staff. Talks with the coastal administration are due to resume on Thursday.";

void add_articles(IndexWriter& writer) {
  writer.add({.id = "a",
              .date = Date::parse("2022-05-10"),
              .title = "Pilots strike",
              .body = kStory,
              .source = "Fjord Wire",
              .speakers = {"Ingrid Solheim", "Tomas Berg"},
              .places = {"Bergen"}});
  writer.add({.id = "a-copy",
              .date = Date::parse("2022-05-11"),
              .title = "Bergen pilots strike",
              .body = kStory,
              .source = "Coastal Courier",
              .speakers = {"ingrid solheim"},
              .places = {"Bergen", "Norway"}});
  writer.add({.id = "b",
              .date = Date::parse("2021-01-02"),
              .title = "Ferry timetable",
              .body = "The ferry timetable changes in January.",
              .source = "Fjord Wire",
              .speakers = {"Tomas Berg", "Lena Dahl"},
              .places = {"Bergen"}});
  writer.add({.id = "undated", .title = "Notes", .body = "Notes on ferries.", .speakers = {}});
  writer.commit();
}

TEST(IndexInfo, CountsArticlesDatesCopiesAndTopValues) {
  testing::TempDir dir;
  {
    auto writer = IndexWriter::open(dir / "db", {.title_weight = 5});
    add_articles(writer);
  }
  const auto info = Index::open(dir / "db").info();
  EXPECT_EQ(info.articles, 4u);
  EXPECT_EQ(info.first_date, Date::parse("2021-01-02"));
  EXPECT_EQ(info.last_date, Date::parse("2022-05-11"));
  EXPECT_EQ(info.undated, 1u);
  EXPECT_GT(info.bytes, 10000u);
  EXPECT_EQ(info.shards, 1u);
  EXPECT_EQ(info.language, "english");
  EXPECT_EQ(info.title_weight, 5u);
  EXPECT_EQ(info.stories_with_copies, 1u);
  EXPECT_EQ(info.articles_with_copies, 2u);
  ASSERT_EQ(info.speakers.size(), 3u);
  EXPECT_EQ(info.speakers[0].value, "Ingrid Solheim");  // two articles; ties by name
  EXPECT_EQ(info.speakers[0].count, 2u);
  EXPECT_EQ(info.speakers[0].filter, "speaker:\"Ingrid Solheim\"");
  EXPECT_EQ(info.speakers[1].value, "Tomas Berg");
  EXPECT_EQ(info.speakers[2].value, "Lena Dahl");
  EXPECT_EQ(info.speakers[2].count, 1u);
  ASSERT_EQ(info.places.size(), 2u);
  EXPECT_EQ(info.places[0].value, "Bergen");
  EXPECT_EQ(info.places[0].count, 3u);
  ASSERT_EQ(info.sources.size(), 2u);
  EXPECT_EQ(info.sources[0].value, "Fjord Wire");
  EXPECT_EQ(info.sources[0].count, 2u);

  const auto top = Index::open(dir / "db").info(1);
  EXPECT_EQ(top.speakers.size(), 1u);
  EXPECT_THROW(Index::open(dir / "db").info(0), InvalidArgumentError);
}

TEST(IndexInfo, CountsEveryShardAndAnEmptyIndex) {
  testing::TempDir dir;
  {
    auto writer = IndexWriter::open(dir / "db", {.shards = 3});
    add_articles(writer);
  }
  const auto info = Index::open(dir / "db").info();
  EXPECT_EQ(info.shards, 3u);
  EXPECT_EQ(info.articles, 4u);
  EXPECT_EQ(info.stories_with_copies, 1u);
  EXPECT_EQ(info.places[0].count, 3u);
  EXPECT_EQ(info.title_weight, 3u);

  { IndexWriter::open(dir / "empty"); }
  const auto empty = Index::open(dir / "empty").info();
  EXPECT_EQ(empty.articles, 0u);
  EXPECT_FALSE(empty.first_date);
  EXPECT_TRUE(empty.speakers.empty());
}

}  // namespace
}  // namespace newsdex
