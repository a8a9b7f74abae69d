// The caps of IndexOptions that keep one request from exhausting memory or time: query length,
// wildcards per query, terms per wildcard, hits per page; and mentioned: ranges, which stay small
// however long the range.
#include <set>
#include <vector>

#include <gtest/gtest.h>
#include <xapian.h>

#include <newsdex/error.hpp>
#include <newsdex/index.hpp>
#include <newsdex/index_writer.hpp>

#include "search/query_compiler.hpp"
#include "support/temp_dir.hpp"

namespace newsdex {
namespace {

using Ids = std::set<std::string>;

Ids ids_of(const SearchResults& results) {
  Ids ids;
  for (const auto& hit : results.hits)
    ids.insert(hit.id);
  return ids;
}

std::size_t leaves(const Xapian::Query& query) {
  if (query.get_num_subqueries() == 0) return 1;
  std::size_t count = 0;
  for (std::size_t i = 0; i < query.get_num_subqueries(); ++i)
    count += leaves(query.get_subquery(i));
  return count;
}

class LimitsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir;
    auto writer = IndexWriter::open(*dir_ / "db");
    auto add = [&](std::string id, std::string body, std::vector<std::string> speakers = {}) {
      writer.add({.id = std::move(id),
                  .date = Date::parse("2023-01-01"),
                  .body = std::move(body),
                  .speakers = std::move(speakers)});
    };
    add("h1", "harbor harvest", {"Ana Harlow"});
    add("h2", "harbor harvest");
    add("h3", "harbor");
    add("h4", "harness");
    add("h5", "harp");
    writer.commit();
  }
  static void TearDownTestSuite() { delete dir_; }

  static Index open(IndexOptions options = {}) { return Index::open(*dir_ / "db", options); }

  static QueryError query_error(const Index& index, const std::string& query) {
    try {
      index.search({.query = query});
    } catch (const QueryError& error) {
      return error;
    }
    ADD_FAILURE() << "accepted: " << query;
    return QueryError("", 0);
  }

  static testing::TempDir* dir_;
};

testing::TempDir* LimitsTest::dir_ = nullptr;

TEST_F(LimitsTest, QueriesLongerThanTheLimitAreRefused) {
  const auto index = open({.max_query_bytes = 10});
  EXPECT_EQ(index.search({.query = "harbor"}).total, 3u);
  const auto error = query_error(index, "harbor harvest");
  EXPECT_STREQ(error.what(), "query is 14 bytes, longer than the limit of 10");
  EXPECT_EQ(error.position(), 10u);
  EXPECT_STREQ(query_error(open(), std::string(8193, 'a')).what(),
               "query is 8193 bytes, longer than the limit of 8192");
}

TEST_F(LimitsTest, WildcardsPerQueryAreCounted) {
  const auto index = open({.max_wildcards = 2});
  EXPECT_EQ(ids_of(index.search({.query = "harb* harv*"})), (Ids{"h1", "h2"}));
  const auto error = query_error(index, "harb* harv* speaker:harl*");
  EXPECT_EQ(error.position(), 24u);
  EXPECT_STREQ(error.what(),
               "query has 3 wildcards, more than the limit of 2 (the first one over it is at "
               "position 24)");
  const auto none = open({.max_wildcards = 0});
  EXPECT_EQ(query_error(none, "harb*").position(), 4u);
  EXPECT_EQ(none.search({.query = "harbor"}).total, 3u) << "queries without wildcards still run";
}

TEST_F(LimitsTest, AWildcardStandsForItsMostFrequentTerms) {
  EXPECT_EQ(ids_of(open().search({.query = "har*", .limit = 10})),
            (Ids{"h1", "h2", "h3", "h4", "h5"}));
  // harbor (3 articles) and harvest (2) are the two most frequent words starting with "har".
  EXPECT_EQ(ids_of(open({.max_wildcard_terms = 2}).search({.query = "har*", .limit = 10})),
            (Ids{"h1", "h2", "h3"}));
}

TEST_F(LimitsTest, HitsPerPageAreCapped) {
  const auto index = open({.max_limit = 2});
  EXPECT_EQ(index.search({.query = "harbor", .limit = 2}).hits.size(), 2u);
  try {
    index.search({.query = "harbor", .limit = 3});
    FAIL() << "limit 3 accepted";
  } catch (const InvalidArgumentError& error) {
    EXPECT_STREQ(error.what(), "limit must be between 1 and 2");
  }
  EXPECT_THROW(index.search({.query = "harbor", .limit = 0}), InvalidArgumentError);
}

TEST_F(LimitsTest, OffsetsPastFourBillionFindNothingRatherThanWrappingAround) {
  const auto index = open();
  for (const std::size_t offset : {std::size_t{5}, (std::size_t{1} << 32) - 1, std::size_t{1} << 32,
                                   (std::size_t{1} << 32) + 1, ~std::size_t{0}}) {
    for (const SortOrder sort : {SortOrder::relevance, SortOrder::newest}) {
      const auto results = index.search({.query = "harbor", .offset = offset, .sort = sort});
      EXPECT_TRUE(results.hits.empty()) << offset << " gave " << results.hits.front().rank;
      EXPECT_EQ(results.total, 3u) << offset;
    }
  }
}

TEST_F(LimitsTest, BadFiltersAndOperatorsAreNamedWithTheirPosition) {
  const auto index = open();
  struct Case {
    std::string query;
    std::size_t position;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"harbor date:2023 date:2022-13", 17,
       "invalid date \"2022-13\" (expected YYYY, YYYY-MM, YYYY-MM-DD or a range FROM..TO with "
       "either end optional) at position 17"},
      {"harbor -date:\"2024..2023\"", 8,
       "date range \"2024..2023\" ends before it starts at position 8"},
      {"(harp OR mentioned:2023..2022)", 9,
       "date range \"2023..2022\" ends before it starts at position 9"},
      {"harbor country:zz country:narnia", 18,
       "unknown country \"narnia\" (use a country's name or ISO 3166-1 code, such as france or "
       "FR) at position 18"},
      {"harbor speaker:\"\"", 7, "speaker: needs a name at position 7"},
      {"harbor AND", 7, "cannot parse query at position 7: Syntax: <expression> AND <expression>"},
      {"OR harbor", 0, "cannot parse query at position 0: Syntax: <expression> OR <expression>"},
      {"(harbor XOR) harp", 8,
       "cannot parse query at position 8: Syntax: <expression> XOR <expression>"},
  };
  for (const auto& [query, position, message] : cases) {
    const auto error = query_error(index, query);
    EXPECT_EQ(error.what(), message) << query;
    EXPECT_EQ(error.position(), position) << query;
  }
  EXPECT_EQ(index.search({.query = "harbor AND NOT harvest"}).total, 1u);
  EXPECT_EQ(index.search({.query = "NOT harbor"}).total, 2u);
}

TEST_F(LimitsTest, LimitsThatCannotWorkAreRefusedAtOpen) {
  EXPECT_THROW(open({.max_query_bytes = 0}), InvalidArgumentError);
  EXPECT_THROW(open({.max_wildcard_terms = 0}), InvalidArgumentError);
  EXPECT_THROW(open({.max_limit = 0}), InvalidArgumentError);
  EXPECT_THROW(open({.max_retries = -1}), InvalidArgumentError);
}

// Articles that mention one date each, at day, month or year precision, over three years.
class MentionedRangeTest : public ::testing::Test {
 protected:
  struct Mention {
    std::string id;
    Date first;  // the period the mention names
    Date last;
  };

  static void SetUpTestSuite() {
    dir_ = new testing::TempDir;
    mentions_ = new std::vector<Mention>;
    auto writer = IndexWriter::open(*dir_ / "db");
    auto add = [&](const Date& date, DatePrecision precision, const Date& last) {
      const std::string id = "m" + std::to_string(mentions_->size());
      writer.add({.id = id, .date = Date::parse("2030-01-01"), .body = "A mention."},
                 {.dates = {{.date = date, .precision = precision, .text = "then"}}});
      mentions_->push_back({id, date, last});
    };
    for (long day = Date{2019, 12, 1}.days(); day <= Date{2022, 2, 28}.days(); day += 3) {
      const Date date = Date::from_days(day);
      add(date, DatePrecision::day, date);
    }
    for (int year = 2019; year <= 2022; ++year) {
      for (int month = 1; month <= 12; ++month) {
        const Date next = month == 12 ? Date{year + 1, 1, 1} : Date{year, month + 1, 1};
        add({year, month, 1}, DatePrecision::month, Date::from_days(next.days() - 1));
      }
      add({year, 1, 1}, DatePrecision::year, {year, 12, 31});
    }
    writer.commit();
  }
  static void TearDownTestSuite() {
    delete dir_;
    delete mentions_;
  }

  // The articles a range must find: those whose mentioned period lies wholly inside it.
  static Ids expected(const Date& low, const Date& high) {
    Ids ids;
    for (const auto& mention : *mentions_) {
      if (low <= mention.first && mention.last <= high) ids.insert(mention.id);
    }
    return ids;
  }

  static testing::TempDir* dir_;
  static std::vector<Mention>* mentions_;
};

testing::TempDir* MentionedRangeTest::dir_ = nullptr;
std::vector<MentionedRangeTest::Mention>* MentionedRangeTest::mentions_ = nullptr;

TEST_F(MentionedRangeTest, RangesFindEveryMentionWhollyInside) {
  const auto index = Index::open(*dir_ / "db");
  const std::vector<std::pair<std::string, std::string>> ranges = {
      {"2020-01-01", "2020-12-31"}, {"2019-12-05", "2021-03-17"}, {"2020-02-01", "2020-02-29"},
      {"2020-02-02", "2020-02-28"}, {"2019-11-30", "2022-03-01"}, {"2021-06-15", "2021-07-14"},
      {"2020-12-31", "2021-01-01"}, {"2019-12-01", "2021-12-31"}, {"2020-03-01", "2022-02-28"}};
  for (const auto& [from, to] : ranges) {
    const auto results = index.search({.query = "mentioned:" + from + ".." + to, .limit = 10000});
    EXPECT_EQ(ids_of(results), expected(*Date::parse(from), *Date::parse(to)))
        << from << ".." << to;
  }
  const auto open_start = index.search({.query = "mentioned:..2020-06-30", .limit = 10000});
  EXPECT_EQ(ids_of(open_start), expected({1, 1, 1}, {2020, 6, 30}));
  const auto open_end = index.search({.query = "mentioned:2021-02-10..", .limit = 10000});
  EXPECT_EQ(ids_of(open_end), expected({2021, 2, 10}, {9999, 12, 31}));
}

TEST_F(MentionedRangeTest, ALongRangeCompilesToFewTerms) {
  const Xapian::Database database((*dir_ / "db").string());
  const auto query = detail::compile_query("mentioned:2019-12-02..2022-02-27", MatchMode::all,
                                           database, "english", detail::QueryLimits{});
  // About 270 mentioned days lie in the range; whole months and years stand for most of them.
  EXPECT_LE(leaves(query), 70u) << query.get_description();
  EXPECT_GE(leaves(query), 15u) << query.get_description();
}

}  // namespace
}  // namespace newsdex
