#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <newsdex/index.hpp>
#include <newsdex/index_writer.hpp>

#include "support/temp_dir.hpp"

namespace newsdex {
namespace {

// date: and mentioned: ranges become OR-ed day, month and year terms, so their edges (partial
// months, whole months, whole years, open ends) are checked here against the dates themselves,
// over a few years of articles.
class DateRangeTest : public ::testing::Test {
 protected:
  static constexpr long kMentionLag = 40;  // each article mentions the day this long before it

  static void SetUpTestSuite() {
    dir_ = new testing::TempDir;
    published_ = new std::vector<std::optional<Date>>;
    auto writer = IndexWriter::open(*dir_ / "db");
    const long first = Date{2019, 12, 1}.days();
    for (int i = 0; i < 400; ++i) {
      std::optional<Date> date;
      if (i % 37 != 0) date = Date::from_days(first + static_cast<long>(next() % 1200));
      published_->push_back(date);
      Article article{.id = "a" + std::to_string(i),
                      .date = date,
                      .title = "Report number " + std::to_string(i),
                      .body = "Report " + std::to_string(i) + " on harvest " +
                              std::to_string(next()) + " and tariffs " + std::to_string(next())};
      Annotations annotations;
      if (date) {
        const Date mentioned = Date::from_days(date->days() - kMentionLag);
        annotations.dates.push_back({.date = mentioned, .text = mentioned.iso()});
      }
      writer.add(article, annotations);
    }
    writer.commit();
  }
  // Each test draws the same ranges whichever tests ran before it.
  void SetUp() override { state_ = 54321; }

  static void TearDownTestSuite() {
    delete dir_;
    delete published_;
  }

  static std::uint64_t next() {
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return state_ >> 33;
  }

  // The ids that `field:text` finds.
  static std::set<std::string> found(const std::string& field, const std::string& text) {
    SearchRequest request{.query = field + ":" + text, .limit = 1000};
    request.collapse_duplicates = false;
    const SearchResults results = Index::open(*dir_ / "db").search(request);
    std::set<std::string> ids;
    for (const auto& hit : results.hits)
      ids.insert(hit.id);
    EXPECT_EQ(results.total, ids.size()) << field << ":" << text;
    return ids;
  }

  // The ids whose date (publication, or mentioned when `lag` is kMentionLag) lies in low..high.
  static std::set<std::string> expected(long low, long high, long lag) {
    std::set<std::string> ids;
    for (std::size_t i = 0; i < published_->size(); ++i) {
      const auto& date = (*published_)[i];
      if (!date) continue;
      const long day = date->days() - lag;
      if (low <= day && day <= high) ids.insert("a" + std::to_string(i));
    }
    return ids;
  }

  static void check(const std::string& text, long low, long high) {
    EXPECT_EQ(found("date", text), expected(low, high, 0)) << "date:" << text;
    EXPECT_EQ(found("mentioned", text), expected(low, high, kMentionLag)) << "mentioned:" << text;
  }

  static testing::TempDir* dir_;
  static std::vector<std::optional<Date>>* published_;
  static std::uint64_t state_;
};

testing::TempDir* DateRangeTest::dir_ = nullptr;
std::vector<std::optional<Date>>* DateRangeTest::published_ = nullptr;
std::uint64_t DateRangeTest::state_ = 12345;

long month_start(const Date& date) {
  return Date{date.year, date.month, 1}.days();
}
long month_end(const Date& date) {
  const Date next =
      date.month == 12 ? Date{date.year + 1, 1, 1} : Date{date.year, date.month + 1, 1};
  return next.days() - 1;
}

TEST_F(DateRangeTest, DayRangesMatchExactlyTheDaysInside) {
  const long first = Date{2019, 10, 1}.days();
  for (const long length : {0L, 1L, 13L, 30L, 31L, 45L, 92L, 365L, 366L, 500L, 1000L}) {
    for (int trial = 0; trial < 6; ++trial) {
      const long low = first + static_cast<long>(next() % 1400);
      const long high = low + length;
      check(Date::from_days(low).iso() + ".." + Date::from_days(high).iso(), low, high);
    }
  }
}

TEST_F(DateRangeTest, RangesAlignedOnMonthsAndYearsMatchTheirEdges) {
  const long first = Date{2019, 10, 1}.days();
  for (int trial = 0; trial < 30; ++trial) {
    const Date a = Date::from_days(first + static_cast<long>(next() % 1400));
    const Date b = Date::from_days(a.days() + static_cast<long>(next() % 800));
    // Whole months at both ends, at one end only, and from the last day of a month.
    check(a.iso().substr(0, 7) + ".." + b.iso().substr(0, 7), month_start(a), month_end(b));
    check(Date::from_days(month_start(a)).iso() + ".." + b.iso(), month_start(a), b.days());
    check(a.iso() + ".." + Date::from_days(month_end(b)).iso(), a.days(), month_end(b));
    if (month_end(a) <= b.days()) {
      check(Date::from_days(month_end(a)).iso() + ".." + b.iso(), month_end(a), b.days());
    }
  }
  for (int year = 2019; year <= 2023; ++year) {
    for (int last = year; last <= 2023; ++last) {
      check(std::to_string(year) + ".." + std::to_string(last), Date{year, 1, 1}.days(),
            Date{last, 12, 31}.days());
    }
    // A whole year with a partial month on either side.
    check(std::to_string(year - 1) + "-11-20.." + std::to_string(year + 1) + "-02-10",
          Date{year - 1, 11, 20}.days(), Date{year + 1, 2, 10}.days());
  }
}

TEST_F(DateRangeTest, OpenEndedRangesMatchEverythingOnTheirSide) {
  const long first = Date{2019, 10, 1}.days();
  for (int trial = 0; trial < 20; ++trial) {
    const Date date = Date::from_days(first + static_cast<long>(next() % 1400));
    check(date.iso() + "..", date.days(), Date{9999, 12, 31}.days());
    check(".." + date.iso(), Date{1, 1, 1}.days(), date.days());
  }
  check("2021..", Date{2021, 1, 1}.days(), Date{9999, 12, 31}.days());
  check("..2021-06", Date{1, 1, 1}.days(), Date{2021, 6, 30}.days());
}

TEST_F(DateRangeTest, RangesOutsideTheArchiveMatchNothing) {
  check("1990..1999", Date{1990, 1, 1}.days(), Date{1999, 12, 31}.days());
  check("2030-01-01..", Date{2030, 1, 1}.days(), Date{9999, 12, 31}.days());
  EXPECT_TRUE(found("date", "2030-01-01..").empty());
}

}  // namespace
}  // namespace newsdex
