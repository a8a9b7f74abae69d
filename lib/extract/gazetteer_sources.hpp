// Readers that fill a GazetteerBuilder from the sources of place names: the team's data files
// (data/gazetteer/), the iso-codes package's ISO 3166 tables, libgweather's Locations.xml and a
// GeoNames dump. The build runs the first three once and embeds the result in the library
// (gazetteer_compile.cpp); GeoNames files are read at run time.
#pragma once

#include <cstdint>
#include <filesystem>

#include <newsdex/gazetteer.hpp>

#include "extract/gazetteer_store.hpp"

namespace newsdex::detail {

// Prior ranks (PlaceRecord::rank) by kind of source, highest first.
namespace place_rank {
inline constexpr std::uint8_t kCountry = 100;
inline constexpr std::uint8_t kCapital = 80;
inline constexpr std::uint8_t kMajorCity = 70;
inline constexpr std::uint8_t kNamedRegion = 65;  // a region the team named in English
inline constexpr std::uint8_t kRegion = 60;       // a first-level ISO 3166-2 subdivision
inline constexpr std::uint8_t kWorldRegion = 60;  // continents, seas, "Middle East"
inline constexpr std::uint8_t kCity = 62;         // a regional centre the team listed
inline constexpr std::uint8_t kTown = 40;         // cities from libgweather
inline constexpr std::uint8_t kSubregion = 35;    // a second-level ISO 3166-2 subdivision
inline constexpr std::uint8_t kSmallTown = 30;    // the least populous GeoNames cities
}  // namespace place_rank

// Throws InputError when a file is missing or malformed.
void add_team_data(GazetteerBuilder& builder, const std::filesystem::path& data_dir,
                   const std::filesystem::path& iso_codes_json_dir);
void add_gweather_cities(GazetteerBuilder& builder, const std::filesystem::path& locations_xml);
void add_geonames(GazetteerBuilder& builder, const GeoNamesFiles& files);

}  // namespace newsdex::detail
