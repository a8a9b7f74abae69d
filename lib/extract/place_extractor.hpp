// Finds the places an article names, with a gazetteer: countries and their demonyms, regions,
// cities and world regions, each resolved to one canonical place with its country and every
// mention's byte span.
//
//   detail::PlaceExtractor places(Gazetteer::builtin());
//   for (const Place& place : places.extract("Baku rejected the French resolution."))
//     ...  // {"Baku", "AZ", city, {0..4}}, {"France", "FR", country, {17..23}}
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <newsdex/annotations.hpp>
#include <newsdex/gazetteer.hpp>

#include "extract/gazetteer_store.hpp"

namespace newsdex::detail {

// How the extractor reads a text (docs/places in the README tells the same in prose):
// - Names are matched longest first over words that are capitalised (or are short joining
//   words inside a name: "Bosnia and Herzegovina", "Rostov-on-Don"); hyphens, spaces and
//   abbreviation dots may join the words ("Nagorno-Karabakh", "U.S.", "St. Louis").
//   Possessives are mentions ("Armenia's"); demonyms name their country ("Azerbaijani").
// - Names that are also English words ("Reading", "Nice", "March") count only with a capital
//   letter away from the start of a sentence and a preposition of place before them or a
//   region after them ("in Reading", "Mobile, Ala.").
// - Names used as people's names are skipped: after a title ("Mr. Washington") or a given
//   name ("Michael Jordan"), and the same word elsewhere in the article ("Jordan said")
//   unless a preposition of place stands before it. Street names ("Dublin Road") are skipped.
// - A name with several readings takes the one the article supports: a region or country
//   written after a comma ("Paris, Texas", "Athens, Ga."), then other places of the same
//   country or region elsewhere in the text ("Georgia" with Atlanta is the US state, with
//   Tbilisi the country), then the gazetteer's prior (countries, then capitals, major cities,
//   regions, towns). One name keeps one reading throughout an article.
//
// Thread-safe: extract() is const and keeps no state between calls.
class PlaceExtractor {
 public:
  explicit PlaceExtractor(std::shared_ptr<const Gazetteer> gazetteer);

  // The places `text` names, in order of first mention, each with all its mentions as UTF-8
  // byte spans into `text` (end exclusive). `people` are names of persons the text quotes
  // (SpeakerExtractor): a place's name is no place where it is part of a person's full name
  // ("Amara Okafor"), nor where it stands alone for a person's surname ("Baker said"), unless
  // a preposition of place stands before it ("in Baker").
  std::vector<Place> extract(std::string_view text, std::span<const std::string> people = {}) const;

  // The countries an article is about, as a wire service would label it: those of places
  // first named in the lead (the first kLeadBytes bytes: a dateline and the opening sentence)
  // or named at least kMainCountryMentions times. Sorted by code.
  static constexpr std::size_t kLeadBytes = 200;
  static constexpr std::size_t kMainCountryMentions = 3;
  static std::vector<std::string> main_countries(const std::vector<Place>& places);

 private:
  std::shared_ptr<const Gazetteer> gazetteer_;
  const GazetteerStore* store_;
};

}  // namespace newsdex::detail
