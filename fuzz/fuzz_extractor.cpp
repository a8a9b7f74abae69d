// The Extractor facade on any article body, with and without a publication date: never throws,
// and every span of its annotations lies in the body.
#include <cstddef>
#include <cstdint>
#include <string>

#include <newsdex/extract.hpp>

#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace newsdex;
  if (size == 0) return 0;
  static const Extractor extractor;
  Article article;
  if (data[0] & 1) article.date = Date{2022, 12, 1};
  article.body.assign(reinterpret_cast<const char*>(data + 1), size - 1);
  const Annotations notes = extractor.extract(article);
  for (const auto& speaker : notes.speakers) {
    for (const auto& mention : speaker.mentions)
      fuzz::require_span(mention, article.body, "a speaker mention outside the body");
  }
  for (const auto& place : notes.places) {
    for (const auto& mention : place.mentions)
      fuzz::require_span(mention, article.body, "a place mention outside the body");
  }
  for (const auto& date : notes.dates) {
    fuzz::require_span(date.span, article.body, "a date mention outside the body");
    fuzz::require(date.date.valid(), "an impossible mentioned date");
  }
  return 0;
}
