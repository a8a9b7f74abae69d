// PlaceExtractor with the built-in gazetteer on any text: never throws, every mention is a span
// of the text, every place has a canonical name and a known kind.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <newsdex/gazetteer.hpp>

#include "extract/place_extractor.hpp"
#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace newsdex;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  static const detail::PlaceExtractor extractor(Gazetteer::builtin());
  const auto places = extractor.extract(text);
  for (const auto& place : places) {
    fuzz::require(!place.name.empty(), "a place without a name");
    fuzz::require(place.country.empty() || place.country.size() == 2, "a country code of 2");
    fuzz::require(!place.mentions.empty(), "a place never mentioned");
    for (const auto& mention : place.mentions)
      fuzz::require_span(mention, text, "a place mention outside the text");
  }
  for (const auto& code : detail::PlaceExtractor::main_countries(places))
    fuzz::require(code.size() == 2, "a main country that is not a code");
  return 0;
}
