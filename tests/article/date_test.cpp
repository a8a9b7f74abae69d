#include <gtest/gtest.h>

#include <newsdex/article.hpp>

namespace newsdex {
namespace {

TEST(Date, ParsesIsoDates) {
  const auto date = Date::parse("2022-11-16");
  ASSERT_TRUE(date);
  EXPECT_EQ(date->year, 2022);
  EXPECT_EQ(date->month, 11);
  EXPECT_EQ(date->day, 16);
  EXPECT_EQ(date->iso(), "2022-11-16");
  EXPECT_EQ(date->compact(), "20221116");
}

TEST(Date, RejectsImpossibleAndMalformedDates) {
  for (const char* text : {"2022-13-45", "0000-00-00", "2022-02-29", "2022-04-31", "2022-1-01",
                           "22-11-16", "2022/11/16", "2022-11-16x", "", "abcd-ef-gh"}) {
    EXPECT_FALSE(Date::parse(text)) << text;
  }
  EXPECT_TRUE(Date::parse("2024-02-29"));
  EXPECT_TRUE(Date::parse("2000-02-29"));
  EXPECT_FALSE(Date::parse("1900-02-29"));
}

TEST(Date, DayArithmeticRoundTrips) {
  EXPECT_EQ(Date::parse("1970-01-01")->days(), 0);
  EXPECT_EQ(Date::parse("2022-12-01")->days(), 19327);
  EXPECT_EQ(Date::parse("1969-12-31")->days(), -1);
  for (long days = -800000; days < 800000; days += 997) {
    EXPECT_EQ(Date::from_days(days).days(), days);
  }
}

TEST(Date, KnowsTheWeekday) {
  EXPECT_EQ(Date::parse("2022-12-01")->weekday(), 4);  // a Thursday
  EXPECT_EQ(Date::parse("1970-01-01")->weekday(), 4);
  EXPECT_EQ(Date::parse("1969-12-28")->weekday(), 0);  // a Sunday
  EXPECT_EQ(Date::parse("2000-01-01")->weekday(), 6);
}

TEST(Date, OrdersChronologically) {
  EXPECT_LT(*Date::parse("2022-11-30"), *Date::parse("2022-12-01"));
  EXPECT_LT(*Date::parse("2021-12-31"), *Date::parse("2022-01-01"));
}

}  // namespace
}  // namespace newsdex
