// newsdex/gazetteer.hpp: the place names newsdex knows, and what each one means.
//
// The built-in gazetteer ships inside the library: every country with its common and official
// names, short forms and demonyms, capitals and major cities, and first-level regions. A GeoNames
// dump (cities15000.txt and friends) extends it for full coverage.
//
//   auto places = newsdex::Gazetteer::builtin();
//   places->country_code("Azerbaijani");      // "AZ"
//   places->canonical_names("Karabakh");      // {"Nagorno-Karabakh"}
//   auto more = newsdex::Gazetteer::with_geonames({.cities = "cities15000.txt"});
//   newsdex::Extractor extractor({.gazetteer = more});  // newsdex/extract.hpp
//
// Gazetteers are shared, immutable and owned by shared_ptr: pass them to ExtractOptions and
// IndexOptions, which keep them alive as long as they need them.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <newsdex/annotations.hpp>
#include <newsdex/export.h>

namespace newsdex {

namespace detail {
struct GazetteerAccess;
}

// One place a name can refer to.
struct GazetteerPlace {
  std::string name = {};     // canonical name, e.g. "Nagorno-Karabakh"
  std::string country = {};  // ISO 3166-1 alpha-2 code ("AZ"); empty for places in no one country
  PlaceKind kind = PlaceKind::other;
  std::string code = {};    // the place's own ISO code ("AZ", "US-GA"); empty for cities
  std::string region = {};  // ISO 3166-2 code of the region it lies in ("US-GA"); may be empty

  friend bool operator==(const GazetteerPlace&, const GazetteerPlace&) = default;
};

// The files of a GeoNames dump (https://www.geonames.org, CC BY 4.0), unpacked.
struct GeoNamesFiles {
  std::filesystem::path cities = {};  // required: cities15000.txt or any extract of that table
  std::filesystem::path country_info = {};  // optional (empty: none): countryInfo.txt
  std::filesystem::path admin1_codes = {};  // optional (empty: none): admin1CodesASCII.txt
};

// Immutable after construction; every method is safe to call from many threads at once.
// Names are matched with case, diacritics and punctuation ignored ("Ağdam" = "agdam",
// "U.S." = "u s").
class NEWSDEX_EXPORT Gazetteer {
 public:
  // The gazetteer built into the library, loaded on first use (about 15 ms) and shared
  // afterwards; never null. Throws nothing but std::bad_alloc.
  static std::shared_ptr<const Gazetteer> builtin();
  // `base` (default: the built-in gazetteer) extended with a GeoNames dump: its cities, and
  // the countries and first-level regions of countryInfo.txt and admin1CodesASCII.txt when
  // given. Reads the files now (a few seconds for cities15000.txt); never null. Throws
  // InputError naming the file (and line) that cannot be read.
  static std::shared_ptr<const Gazetteer> with_geonames(const GeoNamesFiles& files);
  static std::shared_ptr<const Gazetteer> with_geonames(const GeoNamesFiles& files,
                                                        const Gazetteer& base);

  ~Gazetteer();
  Gazetteer(const Gazetteer&) = delete;
  Gazetteer& operator=(const Gazetteer&) = delete;

  // The ISO 3166-1 alpha-2 code (upper case) of the country that `text` names: a name
  // ("Azerbaijan", "Britain", "U.S."), an official name, a demonym ("Azerbaijani", "French")
  // or an alpha-2/alpha-3 code in any case ("az", "AZE"). nullopt for anything else, including
  // regions and cities.
  std::optional<std::string> country_code(std::string_view text) const;
  // The canonical name of the country with this alpha-2 code in any case ("az" ->
  // "Azerbaijan"); empty when the code is unknown.
  std::string country_name(std::string_view code) const;
  // Every place `name` may refer to, most likely first when nothing else is known
  // ("Georgia" -> the country, then the US state). Empty when the name is unknown.
  std::vector<GazetteerPlace> lookup(std::string_view name) const;
  // The distinct canonical names of the places `name` may refer to, most likely first:
  // aliases resolve to one name ("Karabakh" and "Nagorno-Karabakh" -> "Nagorno-Karabakh";
  // "UK", "Britain" -> "United Kingdom"). Empty when the name is unknown.
  std::vector<std::string> canonical_names(std::string_view name) const;

  // Number of places, and of distinct names that refer to them.
  std::size_t place_count() const;
  std::size_t name_count() const;

  struct Impl;

 private:
  explicit Gazetteer(std::unique_ptr<Impl> impl);
  friend struct detail::GazetteerAccess;

  std::unique_ptr<Impl> impl_;
};

}  // namespace newsdex
