#include "ingest/article_text.hpp"

#include <gtest/gtest.h>

#include <newsdex/ingest.hpp>

#include "ingest/timestamp.hpp"
#include "text/utf8.hpp"

namespace newsdex::detail {
namespace {

TEST(FirstSentence, EndsAtPeriodQuestionOrExclamationFollowedBySpace) {
  EXPECT_EQ(first_sentence("Rain closed the pass. Crews expect to reopen it."),
            "Rain closed the pass.");
  EXPECT_EQ(first_sentence("Who pays for the bridge? Nobody agrees."), "Who pays for the bridge?");
  EXPECT_EQ(first_sentence("Goal! The crowd rose."), "Goal!");
  EXPECT_EQ(first_sentence("Really?! Yes."), "Really?!");
  EXPECT_EQ(first_sentence("The talks stalled... Then came the call."), "The talks stalled...");
}

TEST(FirstSentence, KeepsClosingQuotesAfterTheMark) {
  EXPECT_EQ(first_sentence("He called it \u201Ca provocation.\u201D Officials agreed."),
            "He called it \u201Ca provocation.\u201D");
  EXPECT_EQ(first_sentence("She said \"enough.\" Then she left."), "She said \"enough.\"");
  EXPECT_EQ(first_sentence("The mayor (who resigned.) spoke. Later more."),
            "The mayor (who resigned.) spoke.");
}

TEST(FirstSentence, DoesNotCutAtAbbreviationsInitialsOrNumbers) {
  EXPECT_EQ(first_sentence("On Nov. 16 the U.S. envoy met Mr. Brenn and Dr. Varga in St. Ives. "
                           "The meeting was short."),
            "On Nov. 16 the U.S. envoy met Mr. Brenn and Dr. Varga in St. Ives.");
  EXPECT_EQ(first_sentence("J. R. Hollis won 52.5 percent. Turnout fell."),
            "J. R. Hollis won 52.5 percent.");
  EXPECT_EQ(first_sentence("Prices rose approx. five percent. Wages did not."),
            "Prices rose approx. five percent.");
  EXPECT_EQ(first_sentence("The vote is at 5 p.m. on Friday. Polls open early."),
            "The vote is at 5 p.m. on Friday.");
}

TEST(FirstSentence, EndsAtTheFirstLineEnd) {
  EXPECT_EQ(first_sentence("KESSEL BUDGET VOTE DELAYED\nThe vote was moved to May."),
            "KESSEL BUDGET VOTE DELAYED");
  EXPECT_EQ(first_sentence("  A headline without a stop  \n\nText."), "A headline without a stop");
  EXPECT_EQ(first_sentence("Only one sentence, no stop"), "Only one sentence, no stop");
}

TEST(FirstSentence, CollapsesWhiteSpace) {
  EXPECT_EQ(first_sentence("Ferries  resume\tservice. More later."), "Ferries resume service.");
}

TEST(FirstSentence, CapsLongSentencesAtAWordWithAnEllipsis) {
  std::string body;
  while (body.size() < 400)
    body += "delegates argued over the wording, ";
  body += "and then they voted.";
  const std::string title = first_sentence(body);
  EXPECT_LE(title.size(), kMaxFallbackTitleBytes);
  EXPECT_GT(title.size(), kMaxFallbackTitleBytes - 20);
  EXPECT_TRUE(title.ends_with("\u2026")) << title;
  EXPECT_EQ(body.substr(0, title.size() - 3), title.substr(0, title.size() - 3));
  const std::string before_ellipsis = title.substr(0, title.size() - 3);
  EXPECT_NE(before_ellipsis.back(), ',');
  EXPECT_NE(before_ellipsis.back(), ' ');
  EXPECT_EQ(body[before_ellipsis.size()] == ' ' || body[before_ellipsis.size()] == ',', true);
}

TEST(FirstSentence, CutsAWordlessRunAtACharacterBoundary) {
  std::string body;
  while (body.size() < 300)
    body += "\u00e9";  // two bytes each, no spaces
  const std::string title = first_sentence(body);
  EXPECT_LE(title.size(), kMaxFallbackTitleBytes);
  EXPECT_TRUE(title.ends_with("\u2026"));
  EXPECT_EQ(find_invalid_utf8(title), std::string::npos);
}

TEST(NormalizeBody, TrimsEndsAndMakesLineEndsLf) {
  EXPECT_EQ(normalize_body("  \r\nFirst.\r\n\r\nSecond.\rThird.\r\n \t"),
            "First.\n\nSecond.\nThird.");
  EXPECT_EQ(normalize_body("\n\nKept\n\n  indented\n"), "Kept\n\n  indented");
  EXPECT_EQ(normalize_body(" \n\t "), "");
}

TEST(LineAt, CountsLineEndsBeforeTheOffset) {
  EXPECT_EQ(line_at("a\nb\nc", 0), 1u);
  EXPECT_EQ(line_at("a\nb\nc", 2), 2u);
  EXPECT_EQ(line_at("a\nb\nc", 4), 3u);
  EXPECT_EQ(line_at("a\nb\nc", 4, 10), 12u);
}

TEST(DeriveId, IsFnv1aOfTheBodyInLowercaseHex) {
  // FNV-1a 64 of "" is the offset basis; of "a" a published test vector.
  EXPECT_EQ(derive_id(""), "hcbf29ce484222325");
  EXPECT_EQ(derive_id("a"), "haf63dc4c8601ec8c");
  EXPECT_EQ(derive_id("Ferries resumed."), derive_id("Ferries resumed."));
  EXPECT_NE(derive_id("Ferries resumed."), derive_id("Ferries resumed!"));
  EXPECT_EQ(derive_id("x").size(), 17u);
}

TEST(DateOfTimestamp, TakesTheCalendarDateAsWritten) {
  EXPECT_EQ(date_of_timestamp("2022-12-01"), (Date{2022, 12, 1}));
  EXPECT_EQ(date_of_timestamp("2022-12-01T23:30:00"), (Date{2022, 12, 1}));
  EXPECT_EQ(date_of_timestamp("2022-12-01T23:30:00Z"), (Date{2022, 12, 1}));
  EXPECT_EQ(date_of_timestamp("2022-12-01T23:30:00.123456-05:00"), (Date{2022, 12, 1}));
  EXPECT_EQ(date_of_timestamp("2022-12-01T01:30+0400"), (Date{2022, 12, 1}));
  EXPECT_EQ(date_of_timestamp("2022-12-01 01:30:59,5+04"), (Date{2022, 12, 1}));
  EXPECT_EQ(date_of_timestamp("2016-12-31T23:59:60Z"), (Date{2016, 12, 31}));
}

TEST(DateOfTimestamp, RejectsMalformedOrImpossibleValues) {
  for (const char* text :
       {"", "2022-13-45", "0000-00-00", "2022-02-30", "2022-12-1", "2022/12/01", "2022-12-01T",
        "2022-12-01T24:00:00", "2022-12-01T10:61", "2022-12-01T10:00:00.", "2022-12-01T10:00:00Q",
        "2022-12-01T10:00:00+25:00", "2022-12-01T10:00:00+04:0", "2022-12-01X10:00",
        "2022-12-01T10:00:00Zjunk", "yesterday"}) {
    EXPECT_EQ(date_of_timestamp(text), std::nullopt) << text;
  }
}

}  // namespace
}  // namespace newsdex::detail
