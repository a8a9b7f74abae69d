#include "extract/date_extractor.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

namespace newsdex::detail {
namespace {

// "2022-11-16 day On Nov. 16" for each mention, after checking that the text is the span's.
std::vector<std::string> dates_of(std::string_view text,
                                  std::optional<std::string_view> published) {
  std::optional<Date> date;
  if (published) date = Date::parse(*published);
  std::vector<std::string> out;
  for (const auto& mention : DateExtractor().extract(text, date)) {
    EXPECT_EQ(mention.text, text.substr(mention.span.start, mention.span.end - mention.span.start));
    const char* precision = mention.precision == DatePrecision::day     ? "day"
                            : mention.precision == DatePrecision::month ? "month"
                                                                        : "year";
    out.push_back(mention.date.iso() + " " + precision + " " + mention.text);
  }
  return out;
}

using Dates = std::vector<std::string>;

constexpr std::string_view kThursday = "2022-12-01";  // a Thursday

TEST(DateExtractor, AbsoluteDates) {
  EXPECT_EQ(dates_of("It was adopted on November 30, 2022 by the chamber.", kThursday),
            Dates{"2022-11-30 day on November 30, 2022"});
  EXPECT_EQ(dates_of("Signed 30 Nov 2022 in Oslo, filed Nov. 29, 2022, due 2022-12-15, and "
                     "heard on 3rd of March 2021.",
                     kThursday),
            (Dates{"2022-11-30 day 30 Nov 2022", "2022-11-29 day Nov. 29, 2022",
                   "2022-12-15 day 2022-12-15", "2021-03-03 day on 3rd of March 2021"}));
}

TEST(DateExtractor, AbsoluteDatesNeedNoPublicationDate) {
  EXPECT_EQ(dates_of("The treaty of May 9, 1950 and the war since 1991.", std::nullopt),
            (Dates{"1950-05-09 day May 9, 1950", "1991-01-01 year since 1991"}));
}

TEST(DateExtractor, MonthAndDayIsTheLatestSuchDayUpToPublication) {
  EXPECT_EQ(dates_of("On Nov. 16, the Senate voted.", kThursday),
            Dates{"2022-11-16 day On Nov. 16"});
  EXPECT_EQ(dates_of("The talks began Dec. 28 in Vienna.", "2023-01-03"),
            Dates{"2022-12-28 day Dec. 28"});
  EXPECT_EQ(dates_of("The ceasefire of 16 November held.", kThursday),
            Dates{"2022-11-16 day 16 November"});
}

TEST(DateExtractor, MonthAndDaySoonAfterPublicationIsUpcoming) {
  EXPECT_EQ(dates_of("The vote is set for Dec. 5.", kThursday), Dates{"2022-12-05 day Dec. 5"});
  // More than a month ahead reads as last year's.
  EXPECT_EQ(dates_of("The fire of Dec. 20 is still investigated.", "2022-11-10"),
            Dates{"2021-12-20 day Dec. 20"});
}

TEST(DateExtractor, MonthAndYear) {
  EXPECT_EQ(dates_of("Prices rose in November 2022 and fell in March of 2023.", kThursday),
            (Dates{"2022-11-01 month in November 2022", "2023-03-01 month in March of 2023"}));
}

TEST(DateExtractor, MonthAloneAfterAPrepositionOrLastNextThis) {
  EXPECT_EQ(dates_of("It opened in May and shut last December; it reopens next March.", kThursday),
            (Dates{"2022-05-01 month in May", "2021-12-01 month last December",
                   "2023-03-01 month next March"}));
  // "May" the verb and "March" the noun are no dates.
  EXPECT_TRUE(dates_of("May I ask? The March was long. Theresa May spoke.", kThursday).empty());
}

TEST(DateExtractor, WeekdaysCountThePublicationDay) {
  EXPECT_EQ(dates_of("Azerbaijan on Thursday called the move a provocation.", kThursday),
            Dates{"2022-12-01 day on Thursday"});
  EXPECT_EQ(dates_of("The envoy left on Monday, returned Tuesday night.", kThursday),
            (Dates{"2022-11-28 day on Monday", "2022-11-29 day Tuesday"}));
  EXPECT_EQ(dates_of("It met last Thursday and meets next Monday.", kThursday),
            (Dates{"2022-11-24 day last Thursday", "2022-12-05 day next Monday"}));
}

TEST(DateExtractor, WeekdayBeforeADateJoinsIt) {
  EXPECT_EQ(dates_of("It happened on Wednesday, Nov. 16, in Baku.", kThursday),
            Dates{"2022-11-16 day on Wednesday, Nov. 16"});
}

TEST(DateExtractor, RelativeWords) {
  EXPECT_EQ(dates_of("Yesterday it rained, today it snows, tomorrow it clears.", kThursday),
            (Dates{"2022-11-30 day Yesterday", "2022-12-01 day today", "2022-12-02 day tomorrow"}));
  EXPECT_EQ(
      dates_of("Sales fell last month and will grow next year, as they did last year.", kThursday),
      (Dates{"2022-11-01 month last month", "2023-01-01 year next year",
             "2021-01-01 year last year"}));
  EXPECT_EQ(dates_of("They spoke last night.", "2022-01-01"), Dates{"2021-12-31 day last night"});
  // A week is no date.
  EXPECT_TRUE(dates_of("It happened last week.", kThursday).empty());
}

TEST(DateExtractor, RelativeMentionsNeedAPublicationDate) {
  EXPECT_EQ(dates_of("On Nov. 16, on Thursday, yesterday and in May, in 2020.", std::nullopt),
            Dates{"2020-01-01 year in 2020"});
}

TEST(DateExtractor, Years) {
  EXPECT_EQ(dates_of("Karabakh was retaken in a fall 2020 conflict; tense since 1991.", kThursday),
            (Dates{"2020-01-01 year fall 2020", "1991-01-01 year since 1991"}));
  EXPECT_EQ(dates_of("In the fall of 2020, Baku advanced. The 2016 election was close.", kThursday),
            (Dates{"2020-01-01 year In the fall of 2020", "2016-01-01 year 2016"}));
}

TEST(DateExtractor, NumbersThatAreNotDates) {
  EXPECT_TRUE(dates_of("It sent 1500 troops, then rose to 2000 soldiers, paid $2020 for 44 days "
                       "over 30 years, and 2019 people came; 11/30/2022 is ambiguous.",
                       kThursday)
                  .empty());
  EXPECT_TRUE(dates_of("Room 2022 and page 31 are not dates.", kThursday).empty());
}

TEST(DateExtractor, ImpossibleDatesAreSkipped) {
  EXPECT_TRUE(dates_of("Filed on February 30, 2022 and 2022-02-30.", kThursday).empty());
}

TEST(DateExtractor, RelativeMentionsBeyondTheCalendarAreSkipped) {
  // 0001-01-01 is a Monday and 9999-12-31 a Friday: the days before and after them name nothing.
  EXPECT_EQ(dates_of("Yesterday, last night, last month, last year and last Monday; today.",
                     "0001-01-01"),
            Dates{"0001-01-01 day today"});
  EXPECT_EQ(dates_of("Tomorrow, next month, next year and next Saturday; on Friday.", "9999-12-31"),
            Dates{"9999-12-31 day on Friday"});
}

TEST(DateExtractor, EmptyAndBrokenText) {
  EXPECT_TRUE(dates_of("", kThursday).empty());
  EXPECT_NO_THROW(dates_of("On Nov. \xFF 16 in \xC3", kThursday));
}

}  // namespace
}  // namespace newsdex::detail
