// Facets and timelines: exact counts over every match, many-valued fields, display names.
#include "search/facets.hpp"

#include <map>

#include <gtest/gtest.h>

#include <newsdex/error.hpp>
#include <newsdex/index.hpp>
#include <newsdex/index_writer.hpp>

#include "support/temp_dir.hpp"

namespace newsdex {
namespace {

using Counts = std::map<std::string, std::size_t>;

Counts counts_of(const Facet& facet) {
  Counts counts;
  for (const auto& value : facet.values)
    counts[value.value] = value.count;
  return counts;
}

class FacetTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir;
    auto writer = IndexWriter::open(*dir_ / "db");
    writer.add({.id = "a1",
                .date = Date::parse("2022-11-16"),
                .title = "Ministers meet over the corridor",
                .body = "The ministers met in Baku to talk about the corridor.",
                .source = "Caspian Wire",
                .speakers = {"Leyla Abdullayeva", "Marta Soto"},
                .places = {"Baku", "Lachin", "Paris"}},
               {.places = {{.name = "Baku", .country = "AZ"},
                           {.name = "Lachin", .country = "AZ"},
                           {.name = "Paris", .country = "FR"}}});
    writer.add({.id = "a2",
                .date = Date::parse("2022-11-30"),
                .title = "Corridor talks resume",
                .body = "Talks on the corridor resumed in Paris.",
                .source = "caspian wire",
                .speakers = {"Marta Soto"},
                .places = {"Paris"}},
               {.places = {{.name = "Paris", .country = "FR"}}});
    writer.add({.id = "a3",
                .date = Date::parse("2023-01-02"),
                .title = "Corridor reopens",
                .body = "The corridor reopened, Leyla Abdullayeva said.",
                .source = "Harbor Daily",
                .speakers = {"LEYLA ABDULLAYEVA"},
                .places = {"Lachin"}},
               {.places = {{.name = "Lachin", .country = "AZ"}}});
    writer.add({.id = "a4",
                .date = Date::parse("2023-03-20"),
                .title = "Wheat prices",
                .body = "Wheat prices fell; the corridor was not mentioned by traders.",
                .speakers = {"Ivan Petrov"}});
    writer.add({.id = "undated", .title = "Corridor notes", .body = "Notes on the corridor."});
    writer.commit();
  }
  static void TearDownTestSuite() { delete dir_; }

  static SearchResults search(SearchRequest request) {
    return Index::open(*dir_ / "db").search(request);
  }

  static testing::TempDir* dir_;
};

testing::TempDir* FacetTest::dir_ = nullptr;

TEST_F(FacetTest, CountsEveryValueOfManyValuedFieldsOverAllMatches) {
  const auto results =
      search({.query = "corridor",
              .limit = 1,
              .facets = {FacetField::speaker, FacetField::place, FacetField::country}});
  ASSERT_EQ(results.hits.size(), 1u);
  ASSERT_EQ(results.facets.size(), 3u);
  EXPECT_EQ(results.facets[0].field, FacetField::speaker);
  // Case differences are one value, shown as first stored.
  EXPECT_EQ(counts_of(results.facets[0]),
            (Counts{{"Leyla Abdullayeva", 2}, {"Marta Soto", 2}, {"Ivan Petrov", 1}}));
  EXPECT_EQ(results.facets[0].distinct, 3u);
  EXPECT_EQ(counts_of(results.facets[1]), (Counts{{"Baku", 1}, {"Lachin", 2}, {"Paris", 2}}));
  EXPECT_EQ(counts_of(results.facets[2]), (Counts{{"AZ", 2}, {"FR", 2}}));
  EXPECT_TRUE(results.total_exact);
  EXPECT_EQ(results.total, 5u);
}

TEST_F(FacetTest, FiltersNarrowTheCounts) {
  const auto results =
      search({.query = "corridor place:paris", .facets = {FacetField::speaker, FacetField::place}});
  EXPECT_EQ(counts_of(results.facets[0]), (Counts{{"Leyla Abdullayeva", 1}, {"Marta Soto", 2}}));
  EXPECT_EQ(counts_of(results.facets[1]), (Counts{{"Baku", 1}, {"Lachin", 1}, {"Paris", 2}}));
}

TEST_F(FacetTest, CountsAreExactEvenWhenXapianCouldStopEarly) {
  // An empty query gives every article weight 0, so Xapian would stop after the first hit.
  const auto results = search({.query = "", .limit = 1, .facets = {FacetField::source}});
  EXPECT_EQ(counts_of(results.facets[0]), (Counts{{"Caspian Wire", 2}, {"Harbor Daily", 1}}));
  EXPECT_EQ(results.total, 5u);
  EXPECT_TRUE(results.total_exact);
}

TEST_F(FacetTest, MostFrequentFirstThenByValueAndLimited) {
  const auto results = search(
      {.query = "corridor", .facets = {FacetField::place, FacetField::speaker}, .facet_limit = 2});
  ASSERT_EQ(results.facets[0].values.size(), 2u);
  EXPECT_EQ(results.facets[0].values[0].value, "Lachin");
  EXPECT_EQ(results.facets[0].values[1].value, "Paris");
  EXPECT_EQ(results.facets[0].distinct, 3u);
  EXPECT_EQ(results.facets[1].values[0].value, "Leyla Abdullayeva");
  EXPECT_EQ(results.facets[1].values[1].value, "Marta Soto");
}

TEST_F(FacetTest, EachValueComesWithAFilterThatSelectsIt) {
  const auto results = search({.query = "corridor",
                               .facets = {FacetField::speaker, FacetField::country,
                                          FacetField::source, FacetField::month}});
  for (const auto& facet : results.facets) {
    for (const auto& value : facet.values) {
      const auto narrowed = search({.query = "corridor " + value.filter});
      EXPECT_EQ(narrowed.total, value.count) << value.filter;
    }
  }
  EXPECT_EQ(results.facets[0].values[0].filter, "speaker:\"Leyla Abdullayeva\"");
  EXPECT_EQ(results.facets[1].values[0].filter, "country:AZ");
  EXPECT_EQ(results.facets[2].values[0].filter, "source:\"Caspian Wire\"");
}

TEST_F(FacetTest, YearsAndMonthsOfPublication) {
  const auto results =
      search({.query = "corridor", .facets = {FacetField::year, FacetField::month}});
  EXPECT_EQ(counts_of(results.facets[0]), (Counts{{"2022", 2}, {"2023", 2}}));
  EXPECT_EQ(counts_of(results.facets[1]), (Counts{{"2022-11", 2}, {"2023-01", 1}, {"2023-03", 1}}));
  EXPECT_EQ(results.facets[1].values[0].filter, "date:2022-11");
}

TEST_F(FacetTest, AFieldAskedTwiceIsCountedOnce) {
  const auto results =
      search({.query = "corridor", .facets = {FacetField::place, FacetField::place}});
  ASSERT_EQ(results.facets.size(), 1u);
  EXPECT_EQ(counts_of(results.facets[0]), (Counts{{"Baku", 1}, {"Lachin", 2}, {"Paris", 2}}));
}

TEST_F(FacetTest, TimelineHasEveryPeriodFromFirstToLastMatch) {
  const auto months = search({.query = "corridor", .timeline = TimelinePeriod::month}).timeline;
  ASSERT_EQ(months.size(), 5u);  // 2022-11 .. 2023-03
  EXPECT_EQ(months[0].period, "2022-11");
  EXPECT_EQ(months[0].count, 2u);
  EXPECT_EQ(months[0].start, Date::parse("2022-11-01"));
  EXPECT_EQ(months[1].period, "2022-12");
  EXPECT_EQ(months[1].count, 0u);
  EXPECT_EQ(months[2].count, 1u);
  EXPECT_EQ(months[3].count, 0u);
  EXPECT_EQ(months[4].period, "2023-03");

  const auto years = search({.query = "corridor", .timeline = TimelinePeriod::year}).timeline;
  ASSERT_EQ(years.size(), 2u);
  EXPECT_EQ(years[1].period, "2023");
  EXPECT_EQ(years[1].count, 2u);

  const auto days =
      search({.query = "corridor date:2022", .timeline = TimelinePeriod::day}).timeline;
  ASSERT_EQ(days.size(), 15u);  // 2022-11-16 .. 2022-11-30
  EXPECT_EQ(days.front().period, "2022-11-16");
  EXPECT_EQ(days.back().count, 1u);

  const auto weeks = search({.query = "corridor", .timeline = TimelinePeriod::week}).timeline;
  EXPECT_EQ(weeks.front().period, "2022-W46");
  EXPECT_EQ(weeks.front().start, Date::parse("2022-11-14"));  // a Monday
  EXPECT_EQ(weeks.back().period, "2023-W12");
  EXPECT_TRUE(search({.query = "zeppelin", .timeline = TimelinePeriod::day}).timeline.empty());
}

TEST_F(FacetTest, NoFacetsUnlessAsked) {
  const auto results = search({.query = "corridor"});
  EXPECT_TRUE(results.facets.empty());
  EXPECT_TRUE(results.timeline.empty());
}

TEST_F(FacetTest, RejectsFacetLimitsOutOfRange) {
  EXPECT_THROW(search({.query = "x", .facets = {FacetField::place}, .facet_limit = 0}),
               InvalidArgumentError);
}

TEST(FacetNames, ParseAndPrint) {
  EXPECT_EQ(parse_facet_field("country"), FacetField::country);
  EXPECT_EQ(parse_facet_field("speakers"), std::nullopt);
  EXPECT_EQ(to_string(FacetField::month), "month");
  EXPECT_EQ(parse_timeline_period("week"), TimelinePeriod::week);
  EXPECT_EQ(parse_timeline_period("fortnight"), std::nullopt);
}

TEST(Periods, IsoWeeksBelongToTheYearOfTheirThursday) {
  using detail::period_name;
  using detail::period_start;
  const auto week_of = [](const char* day) {
    return period_name(TimelinePeriod::week, period_start(TimelinePeriod::week, *Date::parse(day)));
  };
  EXPECT_EQ(week_of("2021-01-01"), "2020-W53");
  EXPECT_EQ(week_of("2024-12-30"), "2025-W01");
  EXPECT_EQ(week_of("2022-01-03"), "2022-W01");
  EXPECT_EQ(week_of("2022-01-02"), "2021-W52");
}

}  // namespace
}  // namespace newsdex
