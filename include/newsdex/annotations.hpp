// newsdex/annotations.hpp: who is quoted, which places and which dates an article mentions.
//
// Extraction produces Annotations from an Article's text; the index stores them as searchable
// fields (speaker:, place:, country:, mentioned:). Offsets are UTF-8 byte offsets into
// Article::body, so a host can highlight each mention.
//
//   newsdex::Annotations notes = extractor.extract(article);  // newsdex/extract.hpp
//   for (const newsdex::Speaker& speaker : notes.speakers)
//     for (newsdex::Span mention : speaker.mentions)
//       std::cout << article.body.substr(mention.start, mention.end - mention.start) << '\n';
//   notes.places.push_back({.name = "Lachin", .country = "AZ"});  // or add what the host knows
//
// Everything here is a plain value that owns its strings: copy, move and compare freely. Like
// the standard containers, a value may be read from many threads at once, not changed while
// another thread reads it. Nothing here throws but std::bad_alloc.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <newsdex/article.hpp>
#include <newsdex/export.h>

namespace newsdex {

// A person or organisation quoted or cited as a source.
struct Speaker {
  std::string name = {};  // canonical full name, e.g. "Leyla Abdullayeva"
  std::string role = {};  // title or apposition stripped from the name; may be empty
  // Every place in the body that words are attributed to this speaker: its name, or a
  // pronoun, surname or "the ministry" that refers back to it. Occurrences of the name that
  // attribute nothing ("a rally for Abdullayeva") are not mentions.
  std::vector<Span> mentions = {};

  friend bool operator==(const Speaker&, const Speaker&) = default;
};

enum class PlaceKind { country, region, city, other };

// "country", "region", "city" or "other"; static storage.
NEWSDEX_EXPORT std::string_view to_string(PlaceKind kind);

// A place the article names.
struct Place {
  std::string name = {};     // canonical name, e.g. "Nagorno-Karabakh"
  std::string country = {};  // ISO 3166-1 alpha-2 code in upper case ("AZ"); empty when unknown
  PlaceKind kind = PlaceKind::other;
  std::vector<Span> mentions = {};  // where the body names it

  friend bool operator==(const Place&, const Place&) = default;
};

// How much of a MentionedDate the text states: "in 2020" names a year, "in November 2022" a
// month, "on Nov. 16" a day.
enum class DatePrecision { day, month, year };

// A date the text mentions, resolved against the publication date. For month and year
// precision, the fields below the precision are 1 (2020 -> 2020-01-01).
struct MentionedDate {
  Date date = {};
  DatePrecision precision = DatePrecision::day;
  std::string text = {};  // the words that name it, e.g. "On Nov. 16"
  Span span = {};         // where they are in the body

  friend bool operator==(const MentionedDate&, const MentionedDate&) = default;
};

// What extraction found in one article (or what a host knows), for IndexWriter::add.
struct Annotations {
  std::vector<Speaker> speakers = {};     // in the order first cited
  std::vector<Place> places = {};         // in the order first named
  std::vector<MentionedDate> dates = {};  // in text order

  friend bool operator==(const Annotations&, const Annotations&) = default;
};

}  // namespace newsdex
