// Searches show copies of one story as one hit (README "Duplicates"), unless asked not to.
#include <algorithm>
#include <map>
#include <set>

#include <gtest/gtest.h>

#include <newsdex/index.hpp>
#include <newsdex/index_writer.hpp>

#include "support/hit_ids.hpp"
#include "support/temp_dir.hpp"

namespace newsdex {
namespace {

const std::string kStory =
    "Harbour pilots in Bergen stopped work on Tuesday in a dispute over rest periods, leaving "
    "three cruise ships and a dozen freighters waiting outside the port. The pilots' association "
    "said its members had worked double shifts for most of the spring because of a shortage of "
    "qualified staff, Ingrid Solheim of the association said. Talks are due on Thursday.";
// The same story with a byline and two words changed.
const std::string kReprint =
    "By Kari Dahl. Harbour pilots in Bergen stopped work on Tuesday in a dispute over rest "
    "periods, leaving three cruise ships and a dozen freighters waiting outside the harbour. The "
    "pilots' association said its members had worked double shifts for most of the spring "
    "because of a shortage of trained staff, Ingrid Solheim of the association said. Talks are "
    "due on Thursday.";
const std::string kOtherStory =
    "The pilots' association and the coastal agency agreed on Thursday to let a mediator settle "
    "their dispute over rest periods, and the pilots returned to work in Bergen. The first cruise "
    "ships docked in the evening, the port said.";

class CollapseTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir;
    auto writer = IndexWriter::open(*dir_ / "db");
    writer.add({.id = "wire",
                .date = Date::parse("2022-05-10"),
                .title = "Pilots strike in Bergen",
                .body = kStory,
                .source = "Fjord Wire"});
    writer.add({.id = "reprint",
                .date = Date::parse("2022-05-11"),
                .title = "Cruise ships wait as Bergen pilots strike",
                .body = kReprint,
                .source = "Westland Herald"});
    writer.add({.id = "same-text",
                .date = Date::parse("2022-05-10"),
                .title = "Bergen pilots",
                .body = kStory,
                .source = "Coastal Courier"});
    writer.add({.id = "talks",
                .date = Date::parse("2022-05-12"),
                .title = "Pilots back at work in Bergen",
                .body = kOtherStory,
                .source = "Fjord Wire"});
    writer.commit();
  }
  static void TearDownTestSuite() { delete dir_; }

  static SearchResults search(SearchRequest request) {
    return Index::open(*dir_ / "db").search(request);
  }

  static testing::TempDir* dir_;
};

testing::TempDir* CollapseTest::dir_ = nullptr;

TEST_F(CollapseTest, CopiesOfAStoryAreOneHitThatCountsTheOthers) {
  const auto results = search({.query = "pilots dispute"});
  EXPECT_EQ(results.total, 2u);
  EXPECT_TRUE(results.total_exact);
  ASSERT_EQ(results.hits.size(), 2u);
  const auto story = std::find_if(results.hits.begin(), results.hits.end(),
                                  [](const Hit& hit) { return hit.id != "talks"; });
  ASSERT_NE(story, results.hits.end());
  EXPECT_EQ(story->duplicates, 2u);
  std::vector<std::string> copies = story->duplicate_ids;
  copies.push_back(story->id);
  std::sort(copies.begin(), copies.end());
  EXPECT_EQ(copies, (std::vector<std::string>{"reprint", "same-text", "wire"}));
  const auto other = std::find_if(results.hits.begin(), results.hits.end(),
                                  [](const Hit& hit) { return hit.id == "talks"; });
  ASSERT_NE(other, results.hits.end());
  EXPECT_EQ(other->duplicates, 0u);
  EXPECT_TRUE(other->duplicate_ids.empty());
}

TEST_F(CollapseTest, TheBestRankedCopyStandsForTheStory) {
  // Only the reprint's title has "wait", so it ranks first among the copies.
  const auto results = search({.query = "pilots OR wait", .limit = 10});
  ASSERT_FALSE(results.hits.empty());
  EXPECT_EQ(results.hits[0].id, "reprint");
  EXPECT_EQ(results.hits[0].duplicates, 2u);
  // Date order keeps the newest copy.
  const auto newest = search({.query = "freighters", .sort = SortOrder::newest});
  EXPECT_EQ(testing::hit_ids(newest), std::vector<std::string>{"reprint"});
  const auto oldest = search({.query = "freighters", .sort = SortOrder::oldest});
  ASSERT_EQ(oldest.hits.size(), 1u);
  EXPECT_NE(oldest.hits[0].id, "reprint");
}

TEST_F(CollapseTest, CountsOnlyTheCopiesThatMatch) {
  const auto results = search({.query = "dahl"});  // the reprint's byline
  EXPECT_EQ(testing::hit_ids(results), std::vector<std::string>{"reprint"});
  EXPECT_EQ(results.hits[0].duplicates, 0u);
  const auto trained = search({.query = "qualified OR trained"});
  ASSERT_EQ(trained.hits.size(), 1u);
  EXPECT_EQ(trained.hits[0].duplicates, 2u);
}

TEST_F(CollapseTest, TotalsCountStoriesExactlyWhateverThePageSize) {
  // Xapian's own count after collapsing is a range unless the page holds every match.
  for (std::size_t limit : {1, 10}) {
    const auto results = search({.query = "pilots OR freighters", .limit = limit});
    EXPECT_EQ(results.total, 2u) << limit;
    EXPECT_TRUE(results.total_exact) << limit;
  }
}

TEST_F(CollapseTest, CollapsingCanBeTurnedOff) {
  const auto results = search({.query = "pilots dispute", .collapse_duplicates = false});
  EXPECT_EQ(results.total, 4u);
  ASSERT_EQ(results.hits.size(), 4u);
  for (const auto& hit : results.hits) {
    EXPECT_EQ(hit.duplicates, 0u);
    EXPECT_TRUE(hit.duplicate_ids.empty());
  }
}

TEST_F(CollapseTest, FacetsAndTimelinesCountEveryCopy) {
  const auto results = search(
      {.query = "freighters", .facets = {FacetField::source}, .timeline = TimelinePeriod::day});
  EXPECT_EQ(results.total, 1u);
  EXPECT_TRUE(results.total_exact);
  ASSERT_EQ(results.facets.size(), 1u);
  EXPECT_EQ(results.facets[0].distinct, 3u);
  ASSERT_EQ(results.timeline.size(), 2u);
  EXPECT_EQ(results.timeline[0].count, 2u);
  EXPECT_EQ(results.timeline[1].count, 1u);
}

TEST_F(CollapseTest, PagesDoNotRepeatAStory) {
  std::vector<std::string> seen;
  for (std::size_t offset = 0; offset < 3; ++offset) {
    const auto page = search({.query = "pilots", .limit = 1, .offset = offset});
    for (const auto& hit : page.hits)
      seen.push_back(hit.id);
  }
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_TRUE(std::count(seen.begin(), seen.end(), "talks") == 1);
}

// Many stories with many copies each, for the paths a small index never takes: copies that
// fill the first window of ranked articles, and a story with more copies than any window.
class ManyCopiesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir;
    auto writer = IndexWriter::open(*dir_ / "db");
    std::uint32_t random = 12345;
    auto next_word = [&] {
      random = random * 1103515245u + 12345u;
      return "w" + std::to_string((random >> 8) % 3000);
    };
    for (int story = 0; story < 60; ++story) {
      // "alpha": every story, story 0 best and with 45 copies; "beta": 4 copies each;
      // "gamma": mostly single articles.
      std::string body;
      for (int i = 0; i <= (story == 0 ? 12 : story % 5); ++i)
        body += "alpha ";
      if (story % 3 == 0) body += "beta beta ";
      if (story % 2 == 0) body += "gamma ";
      for (int i = 0; i < 40; ++i)
        body += next_word() + ' ';
      const int copies = story == 0 ? 45 : story % 3 == 0 ? 4 : story % 4 == 0 ? 2 : 1;
      for (int copy = 0; copy < copies; ++copy) {
        writer.add({.id = "s" + std::to_string(story) + "-c" + std::to_string(copy),
                    .date = Date::from_days(Date{2022, 1, 1}.days() + story * 3 + copy % 3),
                    .title = "Report " + std::to_string(story),
                    .body = body});
      }
    }
    writer.commit();
  }
  static void TearDownTestSuite() { delete dir_; }

  static std::string story_of(const std::string& id) { return id.substr(0, id.find('-')); }

  static testing::TempDir* dir_;
};

testing::TempDir* ManyCopiesTest::dir_ = nullptr;

TEST_F(ManyCopiesTest, PagesOfStoriesAreTheFirstCopyOfEachInTheFullRanking) {
  const auto index = Index::open(*dir_ / "db");
  for (const std::string query : {"alpha", "beta", "gamma", "alpha beta"}) {
    for (const auto sort : {SortOrder::relevance, SortOrder::newest}) {
      SearchRequest all{.query = query, .limit = 1000, .sort = sort, .collapse_duplicates = false};
      const auto every_article = index.search(all);
      std::vector<std::string> first_copies;
      std::map<std::string, std::size_t> matching_copies;
      for (const auto& hit : every_article.hits) {
        if (matching_copies[story_of(hit.id)]++ == 0) first_copies.push_back(hit.id);
      }
      for (const bool with_facets : {false, true}) {
        for (std::size_t offset : {0, 7, 10, 30}) {
          SearchRequest request{.query = query, .limit = 10, .offset = offset, .sort = sort};
          if (with_facets) request.facets = {FacetField::month};
          request.exact_total = !with_facets;
          const auto page = index.search(request);
          const std::string context =
              query + " offset " + std::to_string(offset) + (with_facets ? " facets" : "");
          EXPECT_EQ(page.total, first_copies.size()) << context;
          EXPECT_TRUE(page.total_exact) << context;
          request.exact_total = false;
          const auto estimated = index.search(request);
          if (estimated.total_exact) {
            EXPECT_EQ(estimated.total, first_copies.size()) << context;
          }
          EXPECT_GE(estimated.total, 1u) << context;
          EXPECT_LE(estimated.total, every_article.total) << context;
          EXPECT_EQ(testing::hit_ids(estimated), testing::hit_ids(page)) << context;
          const auto begin = std::min(first_copies.begin() + static_cast<std::ptrdiff_t>(offset),
                                      first_copies.end());
          const auto end = std::min(begin + 10, first_copies.end());
          EXPECT_EQ(testing::hit_ids(page), std::vector<std::string>(begin, end)) << context;
          for (const auto& hit : page.hits) {
            EXPECT_EQ(hit.duplicates, matching_copies[story_of(hit.id)] - 1) << context << hit.id;
            std::set<std::string> copies(hit.duplicate_ids.begin(), hit.duplicate_ids.end());
            EXPECT_EQ(copies.size(), hit.duplicate_ids.size()) << context << hit.id;
            EXPECT_FALSE(copies.contains(hit.id)) << context << hit.id;
            for (const auto& copy : copies)
              EXPECT_EQ(story_of(copy), story_of(hit.id)) << context << hit.id;
          }
        }
      }
    }
  }
}

TEST_F(ManyCopiesTest, TotalsAreEstimatesUnlessAskedToBeExact) {
  const auto index = Index::open(*dir_ / "db");
  // 10 stories of 4 copies each, more articles than a page of 2 stories ranks.
  const auto estimated = index.search({.query = "beta -gamma", .limit = 2});
  EXPECT_FALSE(estimated.total_exact);
  const auto exact = index.search({.query = "beta -gamma", .limit = 2, .exact_total = true});
  EXPECT_TRUE(exact.total_exact);
  EXPECT_EQ(exact.total, 10u);
  EXPECT_EQ(testing::hit_ids(exact), testing::hit_ids(estimated));
}

TEST(ExactTotalTest, CountsWhatTheMatcherSkips) {
  testing::TempDir dir;
  {
    auto writer = IndexWriter::open(dir / "db");
    // A few articles with both words outrank any with one, so that for a short page Xapian's
    // matcher stops looking at articles with one word and can only estimate their number.
    for (int i = 0; i < 300; ++i) {
      std::string body = i < 10 ? "zeta zeta eta eta" : i % 2 == 0 ? "zeta" : "eta";
      for (int filler = 0; filler < 10 + i % 7; ++filler)
        body += " filler" + std::to_string(i * 13 + filler);
      writer.add({.id = "a" + std::to_string(i), .body = body});
    }
    writer.commit();
  }
  const auto index = Index::open(dir / "db");
  for (const bool collapse : {false, true}) {
    const auto rough =
        index.search({.query = "zeta OR eta", .limit = 1, .collapse_duplicates = collapse});
    EXPECT_FALSE(rough.total_exact) << collapse;
    const auto counted = index.search(
        {.query = "zeta OR eta", .limit = 1, .collapse_duplicates = collapse, .exact_total = true});
    EXPECT_TRUE(counted.total_exact) << collapse;
    EXPECT_EQ(counted.total, 300u) << collapse;
    EXPECT_EQ(testing::hit_ids(counted), testing::hit_ids(rough)) << collapse;
  }
}

}  // namespace
}  // namespace newsdex
