#include <algorithm>
#include <set>

#include <gtest/gtest.h>

#include <newsdex/error.hpp>
#include <newsdex/index.hpp>
#include <newsdex/index_writer.hpp>

#include "support/temp_dir.hpp"

namespace newsdex {
namespace {

// A small archive whose contents each test below relies on.
class SearchTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir;
    auto writer = IndexWriter::open(*dir_ / "db");
    writer.add({.id = "harbor",
                .date = Date::parse("2022-03-14"),
                .title = "Harbor strike ends after talks",
                .body =
                    "Dock workers in Valparaíso returned to work on Monday after the port "
                    "authority agreed to a new wage deal. The strike had halted copper exports.",
                .source = "Harbor Daily",
                .speakers = {"Marta Soto"},
                .places = {"Valparaíso", "Chile"}});
    writer.add({.id = "copper",
                .date = Date::parse("2022-06-02"),
                .title = "Copper prices climb",
                .body = "Copper prices rose for a third week as exports from Chile slowed. Traders "
                        "said the harbor strike in March still weighed on supply.",
                .source = "Metal Wire",
                .speakers = {"Ivan Petrov"},
                .places = {"Chile"}});
    writer.add({.id = "summit",
                .date = Date::parse("2022-11-16"),
                .title = "Leaders meet in Baku",
                .body = "Foreign ministers met in Baku to discuss a peace agreement. Marta Soto, "
                        "the mediator, said the talks were constructive.",
                .source = "Caspian Wire",
                .speakers = {"Marta Soto", "Azerbaijani Foreign Ministry"},
                .places = {"Baku", "Ağdam"}},
               {.places = {{.name = "Baku", .country = "AZ", .kind = PlaceKind::city}},
                .dates = {{.date = *Date::parse("2020-11-10"), .text = "November 10, 2020"}}});
    writer.add(
        {.id = "resolution",
         .date = Date::parse("2022-12-01"),
         .title = "Parliament adopts resolution",
         .body = "The lower chamber adopted a resolution on the conflict. The ministry called "
                 "it a provocation and said peace talks would go on.",
         .source = "Caspian Wire",
         .speakers = {"Azerbaijani Foreign Ministry"}},
        {.places = {{.name = "Azerbaijan", .country = "AZ", .kind = PlaceKind::country}}});
    writer.add({.id = "wheat",
                .date = Date::parse("2023-01-20"),
                .title = "Wheat harvest outlook",
                .body = "Farmers expect a strong wheat harvest. The harbor in Odesa reopened for "
                        "grain ships, officials said.",
                .places = {"Odesa"}});
    writer.add({.id = "talks-title",
                .date = Date::parse("2021-05-05"),
                .title = "Peace talks resume",
                .body = "Delegations gathered again on Tuesday in Geneva.",
                .language = "en"});
    writer.add({.id = "talks-body",
                .date = Date::parse("2021-05-06"),
                .title = "Delegations gather in Geneva",
                .body = "The delegations said peace talks could take months.",
                .language = "en"});
    writer.add({.id = "lettre",
                .date = Date::parse("2022-02-02"),
                .title = "Les négociations reprennent",
                .body = "Les délégations se sont réunies à Genève pour des négociations.",
                .language = "fr"});
    writer.commit();
  }
  static void TearDownTestSuite() { delete dir_; }

  static SearchResults search(SearchRequest request) {
    return Index::open(*dir_ / "db").search(request);
  }
  static std::vector<std::string> ids(const std::string& query,
                                      SortOrder sort = SortOrder::relevance,
                                      MatchMode match = MatchMode::all) {
    std::vector<std::string> out;
    for (const auto& hit :
         search({.query = query, .limit = 100, .sort = sort, .match = match}).hits) {
      out.push_back(hit.id);
    }
    return out;
  }
  static std::set<std::string> id_set(const std::string& query) {
    const auto list = ids(query);
    return {list.begin(), list.end()};
  }

  static testing::TempDir* dir_;
};

testing::TempDir* SearchTest::dir_ = nullptr;

using Ids = std::set<std::string>;

TEST_F(SearchTest, EveryWordMustMatchByDefault) {
  EXPECT_EQ(id_set("copper exports"), (Ids{"harbor", "copper"}));
  EXPECT_EQ(id_set("copper wheat"), Ids{});
  EXPECT_EQ(ids("copper wheat", SortOrder::relevance, MatchMode::any).size(), 3u);
}

TEST_F(SearchTest, StemsWordsAndIgnoresStopwords) {
  EXPECT_EQ(id_set("exported"), (Ids{"harbor", "copper"}));
  EXPECT_EQ(id_set("the wheat"), Ids{"wheat"});
}

TEST_F(SearchTest, TitleWordsOutrankBodyWords) {
  const auto ranked = ids("peace talks");
  ASSERT_GE(ranked.size(), 2u);
  EXPECT_EQ(ranked.front(), "talks-title");
}

TEST_F(SearchTest, PhrasesNeedTheWordsTogether) {
  EXPECT_EQ(id_set("\"peace talks\""), (Ids{"talks-title", "talks-body", "resolution"}));
  EXPECT_EQ(id_set("\"talks peace\""), Ids{});
  EXPECT_EQ(id_set("\"harbor strike\""), (Ids{"harbor", "copper"}));
  EXPECT_EQ(id_set("\"strike harbor\""), Ids{});
}

TEST_F(SearchTest, BooleanOperatorsNearAndWildcards) {
  EXPECT_EQ(id_set("copper OR wheat"), (Ids{"harbor", "copper", "wheat"}));
  EXPECT_EQ(id_set("copper NOT strike"), Ids{});
  EXPECT_EQ(id_set("harbor -copper"), (Ids{"wheat"}));
  EXPECT_EQ(id_set("copper NEAR exports"), (Ids{"harbor", "copper"}));
  EXPECT_EQ(id_set("harv*"), Ids{"wheat"});
}

TEST_F(SearchTest, DiacriticsAndCaseNeverDecide) {
  EXPECT_EQ(id_set("valparaiso"), Ids{"harbor"});
  EXPECT_EQ(id_set("VALPARAÍSO"), Ids{"harbor"});
  EXPECT_EQ(id_set("place:agdam"), Ids{"summit"});
  EXPECT_EQ(id_set("place:AĞDAM"), Ids{"summit"});
}

TEST_F(SearchTest, SpeakerFieldMatchesNameWordsAndPhrases) {
  EXPECT_EQ(id_set("speaker:soto"), (Ids{"harbor", "summit"}));
  EXPECT_EQ(id_set("speaker:\"marta soto\""), (Ids{"harbor", "summit"}));
  EXPECT_EQ(id_set("speaker:\"foreign ministry\""), (Ids{"summit", "resolution"}));
  EXPECT_EQ(id_set("speaker:\"soto azerbaijani\""), Ids{});  // never across two names
  EXPECT_EQ(id_set("speaker:sot*"), (Ids{"harbor", "summit"}));
  // A wildcard after other words: Xapian's phrases hold terms only.
  EXPECT_EQ(id_set("speaker:\"marta so*\""), (Ids{"harbor", "summit"}));
  EXPECT_EQ(id_set("speaker:\"foreign min*\""), (Ids{"summit", "resolution"}));
  EXPECT_NO_THROW(id_set("speaker:ma*t*"));
  EXPECT_EQ(id_set("speaker:soto speaker:ministry"), Ids{"summit"});
  EXPECT_EQ(id_set("talks speaker:soto"), (Ids{"harbor", "summit"}));
}

TEST_F(SearchTest, PlaceCountryAndSourceFields) {
  EXPECT_EQ(id_set("place:chile"), (Ids{"harbor", "copper"}));
  EXPECT_EQ(id_set("place:chile place:valparaiso"), Ids{"harbor"});
  EXPECT_EQ(id_set("country:az"), (Ids{"summit", "resolution"}));
  EXPECT_EQ(id_set("country:AZ"), (Ids{"summit", "resolution"}));
  // A country's name, short name, demonym or alpha-3 code stands for its code.
  EXPECT_EQ(id_set("country:azerbaijan"), (Ids{"summit", "resolution"}));
  EXPECT_EQ(id_set("country:Azerbaijani"), (Ids{"summit", "resolution"}));
  EXPECT_EQ(id_set("country:aze"), (Ids{"summit", "resolution"}));
  EXPECT_EQ(id_set("country:chile"), (Ids{"harbor", "copper"}));
  EXPECT_EQ(id_set("country:\"united kingdom\""), Ids{});
  EXPECT_EQ(id_set("source:\"caspian wire\""), (Ids{"summit", "resolution"}));
  EXPECT_EQ(id_set("title:copper"), Ids{"copper"});
  EXPECT_EQ(id_set("id:wheat"), Ids{"wheat"});
  EXPECT_EQ(id_set("lang:fr"), Ids{"lettre"});
  // Articles that name no language are analysed, and filed, in the index's default language.
  EXPECT_EQ(id_set("lang:english talks"),
            (Ids{"harbor", "summit", "resolution", "talks-title", "talks-body"}));
  EXPECT_EQ(id_set("lang:fr négociations"), Ids{"lettre"});
}

TEST_F(SearchTest, DateFieldTakesDaysMonthsYearsAndRanges) {
  EXPECT_EQ(id_set("date:2022-11-16"), Ids{"summit"});
  EXPECT_EQ(id_set("date:2022-06"), Ids{"copper"});
  EXPECT_EQ(id_set("date:2021"), (Ids{"talks-title", "talks-body"}));
  EXPECT_EQ(id_set("date:2022-11-01..2022-12-31"), (Ids{"summit", "resolution"}));
  EXPECT_EQ(id_set("date:2022-11..2022-12"), (Ids{"summit", "resolution"}));
  EXPECT_EQ(id_set("date:..2021-05-05"), Ids{"talks-title"});
  EXPECT_EQ(id_set("date:2022-12-01.."), (Ids{"resolution", "wheat"}));
  EXPECT_EQ(id_set("date:2021 OR date:2023"), (Ids{"talks-title", "talks-body", "wheat"}));
  EXPECT_EQ(id_set("talks date:2022"), (Ids{"harbor", "summit", "resolution"}));
}

TEST_F(SearchTest, MentionedFieldMatchesDatesTheTextNames) {
  EXPECT_EQ(id_set("mentioned:2020-11-10"), Ids{"summit"});
  EXPECT_EQ(id_set("mentioned:2020-11"), Ids{"summit"});
  EXPECT_EQ(id_set("mentioned:2020"), Ids{"summit"});
  EXPECT_EQ(id_set("mentioned:2020-11-01..2020-11-30"), Ids{"summit"});
  EXPECT_EQ(id_set("mentioned:2020-11-11..2020-11-30"), Ids{});
  EXPECT_EQ(id_set("mentioned:2022-11-16"), Ids{});
}

TEST_F(SearchTest, SortsByDate) {
  EXPECT_EQ(
      ids("talks", SortOrder::newest),
      (std::vector<std::string>{"resolution", "summit", "harbor", "talks-body", "talks-title"}));
  EXPECT_EQ(
      ids("talks", SortOrder::oldest),
      (std::vector<std::string>{"talks-title", "talks-body", "harbor", "summit", "resolution"}));
}

TEST_F(SearchTest, PagesThroughResults) {
  const auto all = ids("talks", SortOrder::newest);
  const auto page = search({.query = "talks", .limit = 2, .offset = 2, .sort = SortOrder::newest});
  ASSERT_EQ(page.hits.size(), 2u);
  EXPECT_EQ(page.hits[0].id, all[2]);
  EXPECT_EQ(page.hits[0].rank, 3u);
  EXPECT_EQ(page.hits[1].rank, 4u);
  EXPECT_EQ(page.total, 5u);
  EXPECT_TRUE(page.total_exact);
}

TEST_F(SearchTest, EmptyQueryMatchesEverything) {
  EXPECT_EQ(search({.query = "  "}).total, 8u);
}

TEST_F(SearchTest, HitsCarryStoredFieldsAndAHighlightedSnippet) {
  const auto results = search({.query = "wage deal"});
  ASSERT_EQ(results.hits.size(), 1u);
  const Hit& hit = results.hits[0];
  EXPECT_EQ(hit.id, "harbor");
  EXPECT_EQ(hit.title, "Harbor strike ends after talks");
  EXPECT_EQ(hit.date, Date::parse("2022-03-14"));
  EXPECT_EQ(hit.source, "Harbor Daily");
  EXPECT_EQ(hit.speakers, std::vector<std::string>{"Marta Soto"});
  EXPECT_EQ(hit.places, (std::vector<std::string>{"Valparaíso", "Chile"}));
  EXPECT_GT(hit.score, 0);
  ASSERT_EQ(hit.highlights.size(), 2u);
  EXPECT_EQ(
      hit.snippet.substr(hit.highlights[0].start, hit.highlights[0].end - hit.highlights[0].start),
      "wage");
  EXPECT_EQ(
      hit.snippet.substr(hit.highlights[1].start, hit.highlights[1].end - hit.highlights[1].start),
      "deal");
}

TEST_F(SearchTest, NoSnippetBytesMeansNoSnippetButTheStoredFields) {
  const auto results = search({.query = "wage deal", .snippet_bytes = 0});
  ASSERT_EQ(results.hits.size(), 1u);
  EXPECT_EQ(results.hits[0].title, "Harbor strike ends after talks");
  EXPECT_EQ(results.hits[0].speakers, std::vector<std::string>{"Marta Soto"});
  EXPECT_TRUE(results.hits[0].snippet.empty());
  EXPECT_TRUE(results.hits[0].highlights.empty());
}

TEST_F(SearchTest, RejectsBadQueriesWithAPosition) {
  auto position_of = [](const std::string& query) -> std::size_t {
    try {
      search({.query = query});
    } catch (const QueryError& error) {
      return error.position();
    }
    return std::string::npos;
  };
  EXPECT_EQ(position_of("talks speeker:soto"), 6u);
  EXPECT_EQ(position_of("\"peace talks"), 0u);
  EXPECT_EQ(position_of("(peace OR talks"), 0u);
  EXPECT_EQ(position_of("peace) talks"), 5u);
  EXPECT_EQ(position_of("talks date:2022-13-01"), 6u);
  EXPECT_EQ(position_of("talks date:2023..2022"), 6u);
  EXPECT_EQ(position_of("date:..  x"), 0u);
  EXPECT_EQ(position_of("country:narnia"), 0u);
  EXPECT_EQ(position_of(std::string(20000, 'a')), 8192u);
  EXPECT_EQ(position_of("see https://example.com/x"), std::string::npos);
}

TEST_F(SearchTest, RejectsLimitsOutOfRange) {
  EXPECT_THROW(search({.query = "talks", .limit = 0}), InvalidArgumentError);
  EXPECT_THROW(search({.query = "talks", .limit = 10001}), InvalidArgumentError);
}

TEST_F(SearchTest, GetsStoredArticlesById) {
  const auto index = Index::open(*dir_ / "db");
  const auto article = index.get("wheat");
  ASSERT_TRUE(article);
  EXPECT_EQ(article->title, "Wheat harvest outlook");
  EXPECT_EQ(article->places, std::vector<std::string>{"Odesa"});
  EXPECT_FALSE(index.get("missing"));
  EXPECT_EQ(index.size(), 8u);
}

}  // namespace
}  // namespace newsdex
