// Finds the dates a news text mentions and resolves them against the publication date:
// "November 30, 2022", "30 Nov 2022", "2022-11-30", "On Nov. 16", "in November 2022",
// "on Thursday", "yesterday", "last month", "in 2020", "fall 2020", "since 1991".
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include <newsdex/annotations.hpp>

#include "extract/tokenizer.hpp"

namespace newsdex::detail {

// How relative mentions resolve (P = the publication date):
// - a weekday ("on Thursday") is the latest such day on or before P, P itself included, so a
//   story of Thursday 2022-12-01 that says "on Thursday" means 2022-12-01; "last Thursday" is
//   strictly before P, "next Thursday" strictly after, "this Thursday" on or after;
// - a month and day without a year ("On Nov. 16") is the latest such day on or before P,
//   unless that day falls within the 31 days after P, which reads as an upcoming date ("the
//   Dec. 5 vote" in a story of Dec. 1);
// - a month without a year ("in November") is the latest such month up to P's month;
//   "last November" is before P's month, "next March" after it;
// - "today", "tonight" = P; "yesterday", "last night" = P - 1; "tomorrow" = P + 1;
// - "last/this/next month" and "last/this/next year" have month or year precision;
//   weeks ("last week") name no date and are skipped.
// Relative mentions are skipped when P is unknown. Numeric dates other than ISO 8601
// ("11/30/2022") are skipped: their day and month order is ambiguous.
// The text of a mention includes a preposition right before it ("On Nov. 16", "since 1991").
// Mentions come back in text order. Thread-safe: extract() keeps no state between calls.
class DateExtractor {
 public:
  std::vector<MentionedDate> extract(std::string_view text, std::optional<Date> published) const;
  // The same on a text already split, which the speaker extractor may share.
  std::vector<MentionedDate> extract(const TokenizedText& tokens,
                                     std::optional<Date> published) const;
};

}  // namespace newsdex::detail
