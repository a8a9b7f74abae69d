// Recency: the boost follows the documented formula and lets newer articles overtake.
#include <algorithm>
#include <cmath>
#include <map>

#include <gtest/gtest.h>

#include <newsdex/error.hpp>
#include <newsdex/index.hpp>
#include <newsdex/index_writer.hpp>

#include "support/temp_dir.hpp"

namespace newsdex {
namespace {

class RecencyTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir;
    auto writer = IndexWriter::open(*dir_ / "db");
    writer.add({.id = "old-strong",
                .date = Date::parse("2022-01-10"),
                .title = "Copper smelter expands",
                .body = "The copper smelter will double its copper output, copper traders said."});
    writer.add({.id = "new-weak",
                .date = Date::parse("2022-12-31"),
                .title = "Port reopens after storm",
                .body = "The port reopened on Saturday after a storm closed it for three days. "
                        "Ships carrying grain, timber and copper waited outside the harbour."});
    writer.add({.id = "mid",
                .date = Date::parse("2022-12-21"),
                .title = "Rail freight volumes",
                .body = "Rail freight volumes rose, with copper and coal leading the gains."});
    writer.add({.id = "undated", .title = "Copper notes", .body = "Notes about copper."});
    writer.commit();
  }
  static void TearDownTestSuite() { delete dir_; }

  static SearchResults search(SearchRequest request) {
    request.limit = 100;
    return Index::open(*dir_ / "db").search(request);
  }
  static std::map<std::string, double> scores(SearchRequest request) {
    std::map<std::string, double> out;
    for (const auto& hit : search(request).hits)
      out[hit.id] = hit.score;
    return out;
  }

  static testing::TempDir* dir_;
};

testing::TempDir* RecencyTest::dir_ = nullptr;

TEST_F(RecencyTest, NewerArticlesOvertakeWithRecency) {
  EXPECT_EQ(search({.query = "copper"}).hits.front().id, "old-strong");
  const auto recent = search({.query = "copper", .recency_half_life_days = 7, .recency_weight = 1});
  EXPECT_EQ(recent.hits.front().id, "new-weak");
  EXPECT_EQ(recent.total, 4u);  // recency ranks; it never adds or removes matches
}

TEST_F(RecencyTest, TheBoostFollowsTheFormula) {
  // An empty query has no relevance, so the boost is weight × 2^(-age / half-life) exactly.
  const auto boosted = scores({.query = "",
                               .recency_half_life_days = 10,
                               .recency_weight = 0.5,
                               .recency_reference = Date::parse("2023-01-10")});
  EXPECT_DOUBLE_EQ(boosted.at("new-weak"), 0.25);  // 10 days old: one half-life
  EXPECT_DOUBLE_EQ(boosted.at("mid"), 0.125);      // 20 days old
  EXPECT_DOUBLE_EQ(boosted.at("old-strong"), 0);   // 365 days: beyond 20 half-lives
  EXPECT_DOUBLE_EQ(boosted.at("undated"), 0);

  // Articles after the reference date count as published on it.
  const auto early = scores({.query = "",
                             .recency_half_life_days = 10,
                             .recency_weight = 0.5,
                             .recency_reference = Date::parse("2022-12-21")});
  EXPECT_DOUBLE_EQ(early.at("new-weak"), 0.5);
  EXPECT_DOUBLE_EQ(early.at("mid"), 0.5);
}

TEST_F(RecencyTest, TheBoostAddsToRelevanceAndHalvesPerHalfLife) {
  const auto plain = scores({.query = "copper"});
  const auto boosted = scores({.query = "copper", .recency_half_life_days = 10});
  // The reference defaults to the newest article (2022-12-31), which gets the full boost; the
  // one 10 days older gets half of it.
  const double newest = boosted.at("new-weak") - plain.at("new-weak");
  const double older = boosted.at("mid") - plain.at("mid");
  EXPECT_GT(newest, 0);
  EXPECT_NEAR(older, newest / 2, 1e-9);
  EXPECT_NEAR(boosted.at("undated"), plain.at("undated"), 1e-9);
  // The full boost is the weight (0.25 by default) times the best score reached.
  double best = 0;
  for (const auto& [id, score] : plain)
    best = std::max(best, score);
  EXPECT_NEAR(newest, 0.25 * best, 1e-9);
}

TEST_F(RecencyTest, RejectsBadSettings) {
  EXPECT_THROW(search({.query = "copper", .sort = SortOrder::newest, .recency_half_life_days = 30}),
               InvalidArgumentError);
  EXPECT_THROW(search({.query = "copper", .recency_half_life_days = -1}), InvalidArgumentError);
  EXPECT_THROW(search({.query = "copper", .recency_half_life_days = 30, .recency_weight = 0}),
               InvalidArgumentError);
  EXPECT_THROW(search({.query = "copper", .recency_half_life_days = NAN}), InvalidArgumentError);
}

}  // namespace
}  // namespace newsdex
