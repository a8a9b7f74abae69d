// newsdex/article.hpp: the Article value that flows from readers to the index, and the small
// value types it uses (Date, Span).
//
// An Article is a plain aggregate: build one in a test or a host with designated initializers.
//
//   newsdex::Article article{.id = "az-2022-12-01",
//                            .date = newsdex::Date::parse("2022-12-01"),
//                            .title = "Baku rejects French resolution",
//                            .body = "Azerbaijan on Thursday called the move ..."};
//   writer.add(article);  // newsdex/index_writer.hpp
//
// These are plain values that own their strings: copy, move and compare freely. Like the
// standard containers, a value may be read from many threads at once, not changed while another
// thread reads it. Nothing here throws but std::bad_alloc.
#pragma once

#include <compare>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <newsdex/export.h>

namespace newsdex {

// A calendar date in the proleptic Gregorian calendar. parse() produces only valid dates (year
// 1..9999); a Date built by hand may be invalid, which valid() tells.
struct NEWSDEX_EXPORT Date {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31

  // Parses "YYYY-MM-DD" exactly; returns nullopt for anything else, including impossible dates
  // such as 2022-02-30.
  static std::optional<Date> parse(std::string_view iso);
  // The date `days` days after 1970-01-01 (negative for earlier dates); valid() only for days
  // that fall in years 1..9999.
  static Date from_days(long days);

  // "YYYY-MM-DD" (meaningful for valid dates).
  std::string iso() const;
  // "YYYYMMDD", the form stored in the index.
  std::string compact() const;
  // Days since 1970-01-01 (negative for earlier dates).
  long days() const;
  // 0 = Sunday ... 6 = Saturday.
  int weekday() const;
  // Whether year, month and day name a real day of years 1..9999 (2022-02-30 does not).
  bool valid() const;

  friend auto operator<=>(const Date&, const Date&) = default;
};

// A half-open range [start, end) of UTF-8 byte offsets into a text.
struct Span {
  std::size_t start = 0;
  std::size_t end = 0;

  friend bool operator==(const Span&, const Span&) = default;
};

// One news article as read from input. IndexWriter::add needs an `id` and a `body`; readers
// derive the id when the input has none. Every member has a default, so designated initializers
// may leave any out.
struct Article {
  std::string id = {};            // unique key; re-adding an id replaces the article
  std::optional<Date> date = {};  // publication date; nullopt when unknown
  std::string title = {};         // the reader falls back to the body's first sentence
  std::string body = {};          // UTF-8 text, paragraphs separated by blank lines
  std::string source = {};        // publisher or feed name, e.g. "Daily Courier"
  std::string url = {};           // where the article was published
  std::string language = {};      // ISO 639-1 code or stemmer name; empty: the index default
  std::vector<std::string> speakers = {};  // people or bodies quoted, as given by the input
  std::vector<std::string> places = {};    // places the story names, as given by the input

  friend bool operator==(const Article&, const Article&) = default;
};

}  // namespace newsdex
