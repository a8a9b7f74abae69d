// Explain: each term's BM25 part of a hit's score, worked out as Xapian's BM25Weight does; the
// parts must add up to the score Xapian gave.
#include "search/explain.hpp"

#include <cmath>

#include <gtest/gtest.h>

#include <newsdex/index.hpp>
#include <newsdex/index_writer.hpp>

#include "support/temp_dir.hpp"

namespace newsdex {
namespace {

class ExplainTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir;
    auto writer = IndexWriter::open(*dir_ / "db");
    const char* const bodies[] = {
        "The harbour cranes stopped as dockworkers walked out over shift rules in the port.",
        "Harbour pilots guided the ferry past the cranes; the harbour master praised them.",
        "Wheat prices rose in the port city as the harvest came in late this year.",
        "A court in the port city fined the harbour company for breaking safety rules.",
        "Ferries ran late all week while the court heard the case about shift rules.",
        "Copper exports from the harbour rose for a third month, the ministry said."};
    const char* const titles[] = {"Harbour strike", "Pilots praised",
                                  "Wheat prices",   "Court fines harbour company",
                                  "Ferries late",   "Copper exports"};
    for (int i = 0; i < 6; ++i) {
      writer.add({.id = "a" + std::to_string(i),
                  .date = Date::from_days(Date{2022, 1, 1}.days() + 30 * i),
                  .title = titles[i],
                  .body = bodies[i],
                  .speakers = {i % 2 == 0 ? "Marta Soto" : "Lars Eide"}});
    }
    writer.commit();
  }
  static void TearDownTestSuite() { delete dir_; }

  static SearchResults search(SearchRequest request) {
    request.explain = true;
    request.limit = 100;
    return Index::open(*dir_ / "db").search(request);
  }

  // Every hit's parts add up to its score.
  static void expect_parts_add_up(const SearchResults& results, bool with_other = false) {
    ASSERT_FALSE(results.hits.empty());
    for (const auto& hit : results.hits) {
      ASSERT_TRUE(hit.explanation) << hit.id;
      double sum = hit.explanation->recency + hit.explanation->other;
      for (const auto& term : hit.explanation->terms)
        sum += term.weight;
      EXPECT_NEAR(sum, hit.score, 1e-9 * hit.score) << results.query << ' ' << hit.id;
      if (!with_other) {
        EXPECT_EQ(hit.explanation->other, 0) << results.query << ' ' << hit.id;
      }
    }
  }

  static testing::TempDir* dir_;
};

testing::TempDir* ExplainTest::dir_ = nullptr;

TEST(Bm25, FollowsXapiansFormula) {
  // idf: log((N - n + 0.5) / (n + 0.5)) with N = 100, n = 10; wdf 2, length at the average.
  const double idf = std::log(90.5 / 10.5);
  EXPECT_NEAR(detail::Bm25::weight(100, 10, 2, 50, 50), 2 * idf * 2 / (1 + 2), 1e-12);
  // A term in most articles keeps a small positive weight; a short article counts as half.
  EXPECT_GT(detail::Bm25::weight(100, 90, 1, 50, 50), 0);
  EXPECT_NEAR(detail::Bm25::weight(100, 10, 1, 5, 50), detail::Bm25::weight(100, 10, 1, 25, 50),
              1e-12);
  EXPECT_EQ(detail::Bm25::weight(100, 10, 0, 50, 50), 0);
}

TEST_F(ExplainTest, TermWeightsAddUpToTheScore) {
  for (const char* query : {"harbour", "harbour cranes", "harbour OR wheat OR court",
                            "\"shift rules\"", "title:harbour court", "harbour harbour",
                            "Harbour pilots", "port -wheat", "harbour speaker:soto"}) {
    expect_parts_add_up(search({.query = query}));
  }
  expect_parts_add_up(search({.query = "harbour court copper", .match = MatchMode::any}));
  expect_parts_add_up(search({.query = "port", .sort = SortOrder::newest}));
}

TEST_F(ExplainTest, SaysWhichTermsMatchedAndHowOften) {
  const auto results = search({.query = "harbour court"});
  ASSERT_EQ(results.hits.size(), 1u);
  const auto& why = *results.hits[0].explanation;
  ASSERT_EQ(why.terms.size(), 2u);
  for (const auto& term : why.terms) {
    EXPECT_TRUE(term.stemmed);
    EXPECT_EQ(term.field, "text");
    EXPECT_GT(term.weight, 0);
  }
  // "court" is in 2 articles, "harbour" in 4: the rarer term weighs more, and comes first.
  EXPECT_EQ(why.terms[0].word, "court");
  EXPECT_EQ(why.terms[0].term, "Zcourt");
  EXPECT_EQ(why.terms[0].articles, 2u);
  EXPECT_EQ(why.terms[0].wdf, 4u);  // 3 for the title, 1 for the body
  EXPECT_EQ(why.terms[1].word, "harbour");
  EXPECT_EQ(why.terms[1].articles, 4u);
  EXPECT_GT(why.length, 0u);
  EXPECT_GT(why.average_length, 0);
}

TEST_F(ExplainTest, FiltersCarryNoWeightAndTitleTermsAreNamed) {
  const auto filtered = search({.query = "harbour speaker:soto"});
  for (const auto& hit : filtered.hits) {
    ASSERT_EQ(hit.explanation->terms.size(), 1u);
    EXPECT_EQ(hit.explanation->terms[0].word, "harbour");
  }
  const auto title = search({.query = "title:harbour"});
  ASSERT_FALSE(title.hits.empty());
  EXPECT_EQ(title.hits[0].explanation->terms[0].field, "title");
  EXPECT_EQ(title.hits[0].explanation->terms[0].term, "ZSharbour");
  const auto exact = search({.query = "Harbour"});
  EXPECT_FALSE(exact.hits[0].explanation->terms[0].stemmed);
  EXPECT_EQ(exact.hits[0].explanation->terms[0].term, "harbour");
}

TEST_F(ExplainTest, RecencyIsItsOwnPart) {
  const auto results = search({.query = "harbour", .recency_half_life_days = 60});
  expect_parts_add_up(results);
  double newest = 0;
  for (const auto& hit : results.hits) {
    EXPECT_GT(hit.explanation->recency, 0) << hit.id;
    if (hit.id == "a5") newest = hit.explanation->recency;
  }
  EXPECT_GT(newest, 0);
}

TEST_F(ExplainTest, WildcardsAreWeighedAsOneAndShownAsOther) {
  const auto results = search({.query = "harb*"});
  expect_parts_add_up(results, true);
  for (const auto& hit : results.hits) {
    EXPECT_TRUE(hit.explanation->terms.empty());
    EXPECT_NEAR(hit.explanation->other, hit.score, 1e-12);
  }
}

TEST_F(ExplainTest, OnlyWhenAsked) {
  const auto results = Index::open(*dir_ / "db").search({.query = "harbour"});
  ASSERT_FALSE(results.hits.empty());
  EXPECT_FALSE(results.hits[0].explanation);
}

}  // namespace
}  // namespace newsdex
