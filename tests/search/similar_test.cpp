// More like this: Index::similar finds articles on the same subject from the article's most
// telling terms, never the article itself or its copies.
#include <gtest/gtest.h>

#include <newsdex/error.hpp>
#include <newsdex/index.hpp>
#include <newsdex/index_writer.hpp>

#include "support/hit_ids.hpp"
#include "support/temp_dir.hpp"

namespace newsdex {
namespace {

const std::string kStrike =
    "Dockworkers at the port of Gothenburg walked out on Wednesday over new shift rules, leaving "
    "container ships waiting at anchor. The union said the rota forced members into split shifts "
    "at short notice, and the terminal operator said talks would resume on Friday. Shipping lines "
    "warned that cargo could be diverted to Aarhus or Rotterdam if the stoppage went on.";

class SimilarTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir;
    auto writer = IndexWriter::open(*dir_ / "db");
    writer.add({.id = "strike",
                .date = Date::parse("2022-03-09"),
                .title = "Gothenburg dockworkers strike",
                .body = kStrike});
    writer.add({.id = "strike-copy",
                .date = Date::parse("2022-03-09"),
                .title = "Port strike in Sweden",
                .body = "By a staff writer. " + kStrike,
                .source = "Other Paper"});
    writer.add({.id = "strike-ends",
                .date = Date::parse("2022-03-12"),
                .title = "Gothenburg dockworkers end strike",
                .body = "The dockworkers' union and the terminal operator at the port of "
                        "Gothenburg agreed on new shift rules, ending a stoppage that left "
                        "container ships at anchor for three days."});
    writer.add({.id = "rotterdam-cranes",
                .date = Date::parse("2023-01-20"),
                .title = "Rotterdam orders cranes",
                .body = "The port of Rotterdam ordered twelve electric container cranes for its "
                        "terminal, the port authority said, to handle larger ships."});
    writer.add({.id = "bakery",
                .date = Date::parse("2022-03-10"),
                .title = "Bakery prize",
                .body = "A bakery in Kraków won a national prize for its poppy seed cake, the "
                        "jury said on Thursday, praising its crust and its filling."});
    writer.add({.id = "marathon",
                .date = Date::parse("2023-12-03"),
                .title = "Valencia marathon",
                .body = "Runners in Valencia set a course record on Sunday as cool weather "
                        "helped the leading group through the second half of the race."});
    writer.commit();
  }
  static void TearDownTestSuite() { delete dir_; }

  static std::optional<SearchResults> similar(SimilarRequest request) {
    return Index::open(*dir_ / "db").similar(request);
  }

  static testing::TempDir* dir_;
};

testing::TempDir* SimilarTest::dir_ = nullptr;

TEST_F(SimilarTest, FindsTheSameSubjectFirstAndNeverTheArticleOrItsCopies) {
  const auto results = similar({.id = "strike"});
  ASSERT_TRUE(results);
  EXPECT_EQ(results->similar_to, "strike");
  const auto found = testing::hit_ids(*results);
  ASSERT_GE(found.size(), 2u);
  EXPECT_EQ(found[0], "strike-ends");
  EXPECT_EQ(found[1], "rotterdam-cranes");
  EXPECT_EQ(std::count(found.begin(), found.end(), "strike"), 0);
  EXPECT_EQ(std::count(found.begin(), found.end(), "strike-copy"), 0);
  EXPECT_EQ(std::count(found.begin(), found.end(), "marathon"), 0);
  EXPECT_EQ(results->total, found.size());
  // Copies stay out with collapsing off too.
  const auto all = testing::hit_ids(*similar({.id = "strike", .collapse_duplicates = false}));
  EXPECT_EQ(std::count(all.begin(), all.end(), "strike-copy"), 0);
}

TEST_F(SimilarTest, ReportsTheTellingTermsAsStems) {
  const auto results = similar({.id = "strike", .terms = 5});
  ASSERT_TRUE(results);
  ASSERT_EQ(results->terms.size(), 5u);
  for (const auto& term : results->terms) {
    EXPECT_FALSE(term.empty());
    EXPECT_TRUE(term[0] >= 'a' && term[0] <= 'z') << term;  // no prefix
  }
  // Every term is in some article besides the story's two copies.
  const auto index = Index::open(*dir_ / "db");
  for (const auto& term : results->terms) {
    EXPECT_GT(index.search({.query = term, .collapse_duplicates = false}).total, 2u) << term;
  }
}

TEST_F(SimilarTest, AFilterNarrowsTheHitsAndExplainAddsUp) {
  const auto results = similar({.id = "strike", .filter = "date:2023", .explain = true});
  ASSERT_TRUE(results);
  EXPECT_EQ(testing::hit_ids(*results), std::vector<std::string>{"rotterdam-cranes"});
  const auto& hit = results->hits[0];
  ASSERT_TRUE(hit.explanation);
  double sum = 0;
  for (const auto& term : hit.explanation->terms)
    sum += term.weight;
  EXPECT_NEAR(sum, hit.score, 1e-9 * hit.score);
  EXPECT_FALSE(hit.snippet.empty());
  EXPECT_FALSE(hit.highlights.empty());
}

TEST_F(SimilarTest, UnknownIdsAndBadRequests) {
  EXPECT_FALSE(similar({.id = "nope"}));
  EXPECT_THROW(similar({.id = "strike", .limit = 0}), InvalidArgumentError);
  EXPECT_THROW(similar({.id = "strike", .terms = 0}), InvalidArgumentError);
  EXPECT_THROW(similar({.id = "strike", .terms = 101}), InvalidArgumentError);
  EXPECT_THROW(similar({.id = "strike", .filter = "speeker:x"}), QueryError);
}

}  // namespace
}  // namespace newsdex
